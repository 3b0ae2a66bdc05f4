// Start-up snapshots across processes (pkg-node/): one Node process builds and saves, a fresh
// one restores before building anything and must find exactly the same. Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nodePkg = join(root, 'pkg-node', 'wxlint.js');

// Articles that reach the built-in lexicon (terms, near pairs, allow-lists) and the statistics.
const ARTICLES = [
  { title: '加微信进网上赌场，百家乐日赚千元', blocks: [{ type: 'text', text: '出售健卫14步枪，代 开 发 票，办假证🙂\u200b' }] },
  { title: '我们要警钟常鸣', blocks: [{ type: 'text', text: '各部门要按照“谁主管、谁负责”的原那么，严格落实责任。同学们积极参加志愿者活动，我们们很开心。' }] },
  { title: '体操比赛', blocks: [{ type: 'text', text: '人口爆炸的年代开始，水乳交融；本届全国人民代表大会召开。' }] },
];

/** Runs `script` in a fresh Node process with the package as `w` and ARTICLES as `articles`. */
function fresh(script, env = {}) {
  const prelude = `const w = require(${JSON.stringify(nodePkg)}); const fs = require('fs'); const articles = ${JSON.stringify(ARTICLES)};`;
  return execFileSync(process.execPath, ['-e', prelude + script], { env: { ...process.env, ...env }, encoding: 'utf8' });
}

test('a fresh process restored from a snapshot finds what the building process found', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxlint-snapshot-'));
  try {
    const file = join(dir, 'snapshot.bin');
    const built = fresh(
      `const c = new w.Checker(); const out = JSON.stringify(articles.map((a) => c.check(a)));
       fs.writeFileSync(process.env.OUT, w.startupSnapshot()); process.stdout.write(out);`,
      { OUT: file },
    );
    assert.ok(JSON.parse(built).flat().length >= 8, built);
    const restored = fresh(
      `const r = w.restoreStartupSnapshot(new Uint8Array(fs.readFileSync(process.env.OUT)));
       if (!r.lexicon || !r.statistics) throw new Error('not restored: ' + JSON.stringify(r));
       const c = new w.Checker(); process.stdout.write(JSON.stringify(articles.map((a) => c.check(a))));`,
      { OUT: file },
    );
    assert.equal(restored, built);
    // Once built, a process installs nothing from a snapshot (and says so).
    const again = fresh(
      `new w.Checker().check(articles[0]);
       process.stdout.write(JSON.stringify(w.restoreStartupSnapshot(new Uint8Array(fs.readFileSync(process.env.OUT)))));`,
      { OUT: file },
    );
    assert.deepEqual(JSON.parse(again), { lexicon: false, statistics: false });
    // Damaged bytes are refused with a reason, and the process still builds and checks.
    const damaged = fresh(
      `const b = new Uint8Array(fs.readFileSync(process.env.OUT)); b[b.length >> 1] ^= 1;
       let message = ''; try { w.restoreStartupSnapshot(b); } catch (e) { message = e.message; }
       process.stdout.write(JSON.stringify({ message, findings: articles.map((a) => new w.Checker().check(a)) }));`,
      { OUT: file },
    );
    const d = JSON.parse(damaged);
    assert.match(d.message, /damaged/);
    assert.equal(JSON.stringify(d.findings), built);
    assert.ok(readFileSync(file).length > 1_000_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('restoreStartupSnapshot refuses what is not a snapshot of this build', () => {
  const out = fresh(`
    const r = [];
    for (const v of [undefined, 42, 'abc', [1, 2], new ArrayBuffer(8)]) {
      try { w.restoreStartupSnapshot(v); r.push('accepted'); } catch (e) { r.push(e.constructor.name); }
    }
    for (const v of [new Uint8Array(0), new TextEncoder().encode('WXLINTSS and more bytes than a header')]) {
      try { w.restoreStartupSnapshot(v); r.push('accepted'); } catch (e) { r.push(e.message); }
    }
    r.push(/^[0-9a-f]{16}$/.test(w.buildId()));
    new w.Checker(); r.push(w.version());
    process.stdout.write(JSON.stringify(r));`);
  const r = JSON.parse(out);
  assert.deepEqual(r.slice(0, 5), ['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError']);
  assert.match(r[5], /not a wxlint snapshot/);
  assert.match(r[6], /another build/);
  assert.equal(r[7], true);
  assert.equal(typeof r[8], 'string');
});
