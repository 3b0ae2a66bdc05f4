// Article-shaped WASM benchmarks under Node (issue 10): what the extension does, not one block.
//
//   node bench/article-bench.mjs [--quick] [--json]     (after `bash scripts/build.sh`)
//
// Data (deterministic, mulberry32 from bench/data.mjs):
//  - 20,000 user terms of 2–4 characters drawn uniformly from the whole CJK Unified Ideographs
//    block (U+4E00–U+9FFF, 20,992 characters);
//  - 100,000 characters of text whose characters follow a Zipf law (s = 1) over that block in a
//    shuffled rank order, with Chinese punctuation, digits and Latin words, a term planted every
//    ~500 characters, cut into paragraphs of 50–500 characters (about 370 of them).
//
// Reported, all from one run:
//  1. matching only (`prohibited`, every other rule off, no built-in lexicon) on the article:
//     wxlint checks the whole article in one call (one crossing of the WASM boundary), the
//     peers (fastscan, mint-filter) search each paragraph; interleaved rounds, ratios;
//  2. the same with all rules on and the built-in lexicon (wxlint only; ratio to the peers'
//     matching);
//  3. start-up, each in a fresh Node process so nothing is shared: instantiating the module,
//     the first `new Checker()` (compiles the built-in lexicon), a second one (shares it), the
//     first check of a 10,000-character article (builds the typo statistics), and `loadLexicon`
//     / `loadLexicons` of the 20,000 terms with and without the built-in lexicon.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fullRangeTerms, articleText, paragraphs } from './data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

const terms = fullRangeTerms(20000, 11);
const lexicon = '@category bench 基准\n' + terms.join('\n') + '\n';

// --- Start-up, one fresh process per measure (argv: --child NAME). ---
if (process.argv[2] === '--child') {
  const what = process.argv[3];
  const t0 = performance.now();
  const { Checker, restoreStartupSnapshot, startupSnapshot } = require(path.join(root, 'pkg-node/wxlint.js'));
  const tInit = performance.now() - t0;
  const a10k = { title: '关于做好2026年寒假学生安全教育工作的通知', blocks: paragraphs(articleText(10000, terms, 12), 13).map((text) => ({ type: 'text', text })) };
  const t = (fn) => { const s = performance.now(); fn(); return performance.now() - s; };
  let r;
  if (what === 'save') {
    fs.writeFileSync(process.env.WXLINT_SNAPSHOT, startupSnapshot());
    r = {};
  } else if (what.startsWith('startup')) {
    let c1, c2;
    // 'startup-restored': the snapshot file read, then restored, before the first checker.
    const bytes = what === 'startup-restored' ? new Uint8Array(fs.readFileSync(process.env.WXLINT_SNAPSHOT)) : null;
    const restore = bytes ? t(() => restoreStartupSnapshot(bytes)) : 0;
    const first = t(() => { c1 = new Checker(); });
    const second = t(() => { c2 = new Checker(); });
    const firstCheck = t(() => c1.check(a10k));
    const secondCheck = t(() => c1.check(a10k));
    c2.check(a10k);
    r = { init: tInit, restore, first, second, firstCheck, secondCheck };
  } else {
    const builtinLexicon = what.endsWith('builtin');
    const c = new Checker({ builtinLexicon });
    r = { load: t(() => (what.startsWith('batch') ? c.loadLexicons([{ text: lexicon, name: 'bench' }]) : c.loadLexicon(lexicon, null, 'bench'))) };
  }
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

function child(what) {
  return JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', what], { encoding: 'utf8' }));
}

const { Checker } = require(path.join(root, 'pkg-node/wxlint.js'));
const { Mint } = require('mint-filter');
const FastScanner = require('fastscan');

const text = articleText(100000, terms, 2);
const paras = paragraphs(text, 3);
const chars = [...text].length;
const article = { title: '标题', blocks: paras.map((t) => ({ type: 'text', text: t })) };

const onlyProhibited = Object.fromEntries(Checker.rules().map((r) => [r.id, r.id === 'prohibited' ? true : 'off']));
const matchOnly = new Checker({ builtinLexicon: false, rules: onlyProhibited });
matchOnly.loadLexicon(lexicon, null, 'bench');
const full = new Checker();
full.loadLexicon(lexicon, null, 'bench');
const mint = new Mint(terms);
const fast = new FastScanner(terms);

const W = 'wxlint, only prohibited (one call per article)';
const WF = 'wxlint, all rules + built-in lexicon';
const runners = {
  [W]: () => matchOnly.check(article).length,
  [WF]: () => full.check(article).length,
  fastscan: () => { let n = 0; for (const p of paras) n += fast.search(p).length; return n; },
  'mint-filter': () => { let n = 0; for (const p of paras) n += mint.filter(p, { replace: false }).words.length; return n; },
};
const names = Object.keys(runners);
const hits = Object.fromEntries(names.map((n) => [n, runners[n]()]));
const samples = Object.fromEntries(names.map((n) => [n, []]));
const rounds = quick ? 10 : 60;
for (let round = -3; round < rounds; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + 3 + k) % names.length];
    const t0 = performance.now();
    runners[name]();
    if (round >= 0) samples[name].push(performance.now() - t0);
  }
}
const res = Object.fromEntries(names.map((n) => [n, stats(samples[n])]));
const peerBest = Math.min(res.fastscan.median, res['mint-filter'].median);

const startups = [];
const restoredStartups = [];
const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-bench-'));
process.env.WXLINT_SNAPSHOT = path.join(snapshotDir, 'snapshot.bin');
child('save');
const snapshotBytes = fs.statSync(process.env.WXLINT_SNAPSHOT).size;
for (let i = 0; i < (quick ? 1 : 3); i++) {
  startups.push(child('startup'));
  restoredStartups.push(child('startup-restored'));
}
fs.rmSync(snapshotDir, { recursive: true, force: true });
const loads = {};
for (const what of ['single-no-builtin', 'single-builtin', 'batch-builtin']) {
  loads[what] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) loads[what].push(child(what).load);
}

const f = (ms) => `${ms.toFixed(2)} ms`;
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log(`article: ${chars} chars in ${paras.length} paragraphs (50–500), Zipf over U+4E00–U+9FFF, 20,000 full-range terms; ${rounds} interleaved rounds`);
for (const n of names) {
  console.log(`  ${n.padEnd(48)} median ${f(res[n].median).padStart(9)}  p95 ${f(res[n].p95).padStart(9)}  ${(chars / res[n].median / 1000).toFixed(1).padStart(6)} M chars/s  ${String(hits[n]).padStart(5)} hits  ${(peerBest / res[n].median).toFixed(2)}x fastest peer`);
}
for (const [label, runs] of [['built', startups], [`restored from a ${(snapshotBytes / 1e6).toFixed(1)} MB snapshot`, restoredStartups]]) {
  const s = (k) => med(runs.map((x) => x[k]));
  console.log(`start-up, ${label} (fresh process, median of ${runs.length}): module ${f(s('init'))}, restoreStartupSnapshot ${f(s('restore'))}, first new Checker() ${f(s('first'))}, second ${f(s('second'))}, first check of 10,000 chars ${f(s('firstCheck'))}, second check ${f(s('secondCheck'))}`);
}
for (const [k, v] of Object.entries(loads)) console.log(`  20,000-term ${k.startsWith('batch') ? 'loadLexicons' : 'loadLexicon'} ${k.endsWith('no-builtin') ? 'without' : 'over'} the built-in lexicon: ${v.map(f).join(', ')}`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ res, hits, startups, restoredStartups, loads }));
