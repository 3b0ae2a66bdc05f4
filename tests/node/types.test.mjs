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

// The npm package's editor plugins as a TypeScript consumer sees them: a small .ts file imports
// `wxlint`, `wxlint/prosemirror` and `wxlint/codemirror` through the exports map
// scripts/npm-extras.mjs writes into pkg/package.json, under moduleResolution bundler and
// nodenext. Its `@ts-expect-error` lines are type errors only while the plugins' types are real:
// had `Article` or `Finding` silently become `any` (an unresolved import in a .d.ts, hidden by
// skipLibCheck, as with `from './wxlint'` under nodenext: TS2835), a directive would be unused
// and tsc would fail.
const CONSUMER = `import init, { Checker } from 'wxlint';
import type { Article, Finding } from 'wxlint';
import { wxlintPlugin, articleFromDoc, findingRanges } from 'wxlint/prosemirror';
import type { WxlintPluginOptions, FindingRange } from 'wxlint/prosemirror';
import { wxlintLinter, articleFromMarkdown, diagnosticsFor } from 'wxlint/codemirror';
import type { MarkdownModel } from 'wxlint/codemirror';

export async function setup(): Promise<number> {
  await init();
  const checker = new Checker();
  const options: WxlintPluginOptions = { checker, delay: 100, fields: () => ({ title: '标题' }) };
  wxlintPlugin(options);
  wxlintLinter({ checker, onFindings: (f: Finding[], ms: number) => void [f, ms] });
  const model: MarkdownModel = articleFromMarkdown('# 标题\\n\\n正文');
  const article: Article = model.article;
  const findings: Finding[] = checker.check(article);
  const ranges: FindingRange[] = findingRanges(findings, []);
  void [articleFromDoc, diagnosticsFor(findings, model, 'en')];
  // Each line below is a type error while the types are not \`any\`:
  // @ts-expect-error: the blocks of a plugin's Article are an array
  const blocks: number = model.article.blocks;
  // @ts-expect-error: a CheckerLike's findings have a string rule
  wxlintLinter({ checker: { check: (_a: Article) => [{ rule: 1 }] } });
  // @ts-expect-error: a finding's start is a number
  const start: string = ranges[0].finding.start;
  void [blocks, start];
  return findings.length;
}
`;

/** tsc on CONSUMER; `wxlint(dest)` puts the package at dest (default: a link to pkg/). */
function consumer(resolution, wxlint = (dest) => fs.symlinkSync(path.join(root, 'pkg'), dest, 'dir')) {
  // Under target/ (ignored by git), so that the package's own imports (prosemirror-state,
  // @codemirror/lint…) resolve from the repository's node_modules, as they would in a consumer's.
  fs.mkdirSync(path.join(root, 'target'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, 'target', `types-consumer-${resolution}-`));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  wxlint(path.join(dir, 'node_modules', 'wxlint'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  fs.writeFileSync(path.join(dir, 'index.ts'), CONSUMER);
  const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      module, moduleResolution: resolution, target: 'es2022', lib: ['es2022', 'dom'], types: [],
      strict: true, noEmit: true, skipLibCheck: true,
    },
    files: ['index.ts'],
  }));
  const r = spawnSync(tsc, ['-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const pkgSkip = skip || (!fs.existsSync(path.join(root, 'pkg', 'prosemirror.d.ts')) ? 'pkg/ has no editor plugins (node scripts/npm-extras.mjs pkg)' : false);

for (const resolution of ['bundler', 'nodenext']) {
  test(`types: a TypeScript consumer of wxlint/prosemirror and wxlint/codemirror type-checks under moduleResolution ${resolution}, with real types (not any)`, { skip: pkgSkip }, () => {
    const r = consumer(resolution);
    assert.equal(r.status, 0, r.out);
  });
}

test('types: with the plugins\' old extensionless import (\'./wxlint\'), the consumer fails under nodenext: the types had become any', { skip: pkgSkip }, () => {
  // A copy of pkg/ (its types, scripts and manifest) with the imports as they were.
  const oldImports = (dest) => {
    fs.mkdirSync(dest);
    for (const f of fs.readdirSync(path.join(root, 'pkg'))) {
      if (f.endsWith('.d.ts') || f.endsWith('.js') || f === 'package.json') fs.copyFileSync(path.join(root, 'pkg', f), path.join(dest, f));
    }
    for (const f of ['prosemirror.d.ts', 'codemirror.d.ts']) {
      const file = path.join(dest, f);
      const text = fs.readFileSync(file, 'utf8');
      assert.match(text, /from '\.\/wxlint\.js';/, `${f} imports './wxlint.js'`);
      fs.writeFileSync(file, text.replace(/from '\.\/wxlint\.js';/g, "from './wxlint';"));
    }
  };
  const r = consumer('nodenext', oldImports);
  assert.notEqual(r.status, 0, 'tsc accepted the consumer although the plugins\' Article was any');
  assert.match(r.out, /TS2578|Unused '@ts-expect-error'/);
});
