// WASM benchmarks under Node: the real package built by `wasm-pack build --target nodejs`
// (pkg-node/), on the same deterministic data as the criterion benchmarks.
//
//   node bench/wasm-bench.mjs            (after `bash scripts/build.sh`)
//
// Reports, all from one run on one machine:
//  1. full check of a 10,000-character article, all rules, built-in + 20,000-entry lexicon:
//     median and p95 over many runs;
//  2. lexicon build time for the 20,000 entries (loadLexicon);
//  3. throughput on one 100,000-character text with the same 20,000-entry lexicon, against the
//     npm packages mint-filter and fastscan, and the ratio to the faster of them;
//  4. the size of pkg/wxlint_bg.wasm, raw and gzipped.
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lexiconTerms, text as genText, lexiconFile, benchArticle } from './data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { Checker } = require(path.join(root, 'pkg-node/wxlint.js'));
const { Mint } = require('mint-filter');
const FastScanner = require('fastscan');

const quick = process.argv.includes('--quick');
const terms = lexiconTerms(20000, 1);
const lexicon = lexiconFile(terms);

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), min: s[0], n: s.length };
}

function time(fn, { runs, warmup = Math.ceil(runs / 10) }) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const out = {};

// 1. Full check, 10k characters.
const checker = new Checker();
checker.loadLexicon(lexicon, null, 'bench');
const a10k = benchArticle(10000, terms);
const findings = checker.check(a10k).length;
out.check10k = { ...time(() => checker.check(a10k), { runs: quick ? 50 : 500 }), findings };

// 2. Lexicon build.
out.lexiconBuild = time(() => {
  const c = new Checker({ builtinLexicon: false });
  c.loadLexicon(lexicon, null, 'bench');
  c.free();
}, { runs: quick ? 3 : 15, warmup: 1 });

// 3. Throughput on 100k characters, same lexicon, one text.
const t100k = genText(100000, terms, 2);
const chars = [...t100k].length;
// Matching only (the `prohibited` rule), as the peers do: every other rule off.
const onlyProhibited = Object.fromEntries(Checker.rules().map((r) => [r.id, r.id === 'prohibited' ? true : 'off']));
const matchOnly = new Checker({ builtinLexicon: false, rules: onlyProhibited });
matchOnly.loadLexicon(lexicon, null, 'bench');
const one = { title: '标题', blocks: [{ type: 'text', text: t100k }] };
const mint = new Mint(terms);
const fast = new FastScanner(terms);
const runs = quick ? 5 : 40;
const matchers = {
  'wxlint (WASM, normalisation on)': () => matchOnly.check(one),
  'mint-filter': () => mint.filter(t100k, { replace: false }),
  fastscan: () => fast.search(t100k),
};
const names = Object.keys(matchers);
// (a) Warm: each matcher timed in its own block after a warm-up (as criterion does).
const warm = Object.fromEntries(names.map((n) => [n, time(matchers[n], { runs, warmup: 5 })]));
// (b) Interleaved: each round times every matcher once, in rotating order, so that they run
// with caches cooled by the others and noise of a shared machine hits all of them alike.
const cold = Object.fromEntries(names.map((n) => [n, []]));
for (let round = -3; round < runs; round++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(round + 3 + k) % names.length];
    const t0 = performance.now();
    matchers[name]();
    if (round >= 0) cold[name].push(performance.now() - t0);
  }
}
const hits = {
  'wxlint (WASM, normalisation on)': matchOnly.check(one).length,
  'mint-filter': mint.filter(t100k, { replace: false }).words.length,
  fastscan: fast.search(t100k).length,
};
const peers = Object.fromEntries(names.map((n) => [n, { t: warm[n], cold: stats(cold[n]), hits: hits[n] }]));
out.throughput100k = Object.fromEntries(Object.entries(peers).map(([k, v]) => [k, {
  medianMs: v.t.median, charsPerSec: chars / (v.t.median / 1000), hits: v.hits,
  interleavedMedianMs: v.cold.median, interleavedCharsPerSec: chars / (v.cold.median / 1000),
}]));
const tp = out.throughput100k;
const W = 'wxlint (WASM, normalisation on)';
out.ratioToFastestPeer = tp[W].charsPerSec / Math.max(tp['mint-filter'].charsPerSec, tp.fastscan.charsPerSec);
out.ratioToFastestPeerInterleaved = tp[W].interleavedCharsPerSec
  / Math.max(tp['mint-filter'].interleavedCharsPerSec, tp.fastscan.interleavedCharsPerSec);

// 4. Size.
const wasmPath = path.join(root, 'pkg/wxlint_bg.wasm');
if (existsSync(wasmPath)) {
  const bytes = readFileSync(wasmPath);
  out.wasmSize = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const f = (ms) => `${ms.toFixed(3)} ms`;
console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log(`full check, 10,000 chars, all rules, built-in + 20,000-entry lexicon: median ${f(out.check10k.median)}, p95 ${f(out.check10k.p95)} (${out.check10k.n} runs, ${findings} findings)`);
console.log(`lexicon build, 20,000 entries: median ${f(out.lexiconBuild.median)} (${out.lexiconBuild.n} runs)`);
console.log('throughput, one 100,000-char text, 20,000 terms (median; warm blocks | interleaved rounds):');
for (const [k, v] of Object.entries(out.throughput100k)) {
  console.log(`  ${k.padEnd(34)} ${f(v.medianMs).padStart(10)} ${(v.charsPerSec / 1e6).toFixed(1).padStart(6)} M chars/s | ${f(v.interleavedMedianMs).padStart(10)} ${(v.interleavedCharsPerSec / 1e6).toFixed(1).padStart(6)} M chars/s   ${v.hits} hits`);
}
console.log(`wxlint / fastest peer: ${out.ratioToFastestPeer.toFixed(1)}x warm, ${out.ratioToFastestPeerInterleaved.toFixed(1)}x interleaved`);
if (out.wasmSize) console.log(`pkg/wxlint_bg.wasm: ${(out.wasmSize.raw / 1024).toFixed(0)} KiB raw, ${(out.wasmSize.gzip / 1024).toFixed(0)} KiB gzip -9`);
if (process.argv.includes('--json')) console.log(JSON.stringify(out));
