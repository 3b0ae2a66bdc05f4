// The extension's scripts are type-checked against the .d.ts wasm-pack generates
// (tsconfig.json; scripts/test.sh step `types`). This test shows the check is not a formality:
// with a field of the WASM API's Finding renamed in a copy of pkg/wxlint.d.ts, tsc fails and
// names the scripts that use the field. Run after building pkg/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const dts = path.join(root, 'pkg', 'wxlint.d.ts');
const skip = !fs.existsSync(tsc) ? 'typescript is not installed (npm ci)' : !fs.existsSync(dts) ? 'pkg/ is not built' : false;

function copy(rename) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-types-'));
  fs.cpSync(path.join(root, 'extension'), path.join(dir, 'extension'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'pkg'));
  let text = fs.readFileSync(dts, 'utf8');
  if (rename) {
    const before = text;
    text = text.replace(rename.from, rename.to);
    assert.notEqual(text, before, `${rename.from} is in pkg/wxlint.d.ts`);
  }
  fs.writeFileSync(path.join(dir, 'pkg', 'wxlint.d.ts'), text);
  fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function check(dir) {
  const r = spawnSync(tsc, ['-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('types: the extension\'s scripts type-check against pkg/wxlint.d.ts as it is', { skip }, () => {
  const r = check(copy(null));
  assert.equal(r.status, 0, r.out);
});

test('types: a renamed field of Finding (severity → level) fails the check in the scripts that use it', { skip }, () => {
  const r = check(copy({ from: /(interface Finding \{[\s\S]*?)\bseverity: Severity;/, to: '$1level: Severity;' }));
  assert.notEqual(r.status, 0, 'tsc accepted a renamed field');
  assert.match(r.out, /Property 'severity' does not exist/);
  const files = new Set([...r.out.matchAll(/^(extension\/[\w/.-]+\.js)\(/gm)].map((m) => m[1]));
  assert.ok(files.size >= 2, `errors in several scripts: ${[...files].join(', ')}\n${r.out.slice(0, 2000)}`);
});

test('types: a renamed method of Checker (check → run) fails the check in the background', { skip }, () => {
  const r = check(copy({ from: /(class Checker \{[\s\S]*?)\bcheck\(article: Article\)/, to: '$1run(article: Article)' }));
  assert.notEqual(r.status, 0, 'tsc accepted a renamed method');
  assert.match(r.out, /extension\/background\.js.*Property 'check' does not exist/);
});
