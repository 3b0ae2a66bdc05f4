// The cost of rule typo's context check (src/wording/) in WASM under Node: the same 10,000-
// character articles checked with all rules, and with the context check, 的/地/得 and doubled
// characters off (typo's ignoreCategories), interleaved round by round so that a shared
// machine's noise hits both alike.
//
//   node bench/typo-bench.mjs            (after wasm-pack build --release --target nodejs --out-dir pkg-node)
//
// Articles: the benchmark article of bench/wasm-bench.mjs (random characters: the detector's
// cheap path) and 10,000 characters of real article text from tests/corpus/ (its busy path).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lexiconTerms, text as genText } from './data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { Checker } = require(path.join(root, 'pkg-node/wxlint.js'));
const runs = Number(process.argv[2] || 300);

function paragraphsToArticle(paragraphs) {
  return { title: '关于做好2026年寒假学生安全教育工作的通知', author: '教务处', digest: '', blocks: paragraphs.map((text) => ({ type: 'text', text })) };
}
const terms = lexiconTerms(20000, 1);
const random = [...genText(10000, terms, 2)];
const randomParas = [];
for (let i = 0; i < random.length; i += 200) randomParas.push(random.slice(i, i + 200).join(''));
const dir = path.join(root, 'tests/corpus');
const real = [];
let n = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
  const html = readFileSync(path.join(dir, f), 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '');
  for (const p of html.split(/<\/p>|<br\s*\/?>|<\/h\d>|<\/li>/)) {
    const t = p.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&[a-z]+;/g, '').trim();
    if (t.length >= 10 && n < 10000) { real.push(t); n += t.length; }
  }
}
const articles = { random: paragraphsToArticle(randomParas), corpus: paragraphsToArticle(real) };
const on = new Checker();
const off = new Checker({ rules: { typo: { ignoreCategories: ['context', 'de-di-de', 'doubled'] } } });
const t0 = performance.now();
on.check(articles.corpus);
console.log(`first check (builds the statistics): ${(performance.now() - t0).toFixed(1)} ms`);
// Process CPU time (user + system) per check, over batches of 10 checks: on a shared machine
// this is steadier than wall time, which also counts the time the process waits for a core.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [name, a] of Object.entries(articles)) {
  const times = { on: [], off: [] };
  for (let r = -2; r < runs / 10; r++) {
    for (const [k, c] of r % 2 ? [['on', on], ['off', off]] : [['off', off], ['on', on]]) {
      const s = cpu();
      for (let i = 0; i < 10; i++) c.check(a);
      if (r >= 0) times[k].push((cpu() - s) / 10);
    }
  }
  const med = (v) => v.sort((x, y) => x - y)[Math.floor(v.length / 2)];
  const chars = a.blocks.reduce((s, b) => s + b.text.length, 0);
  const found = on.check(a).filter((f) => f.rule === 'typo').length;
  console.log(`${name} (${chars} chars): all rules ${med(times.on).toFixed(3)} ms, without the context check ${med(times.off).toFixed(3)} ms, difference ${(med(times.on) - med(times.off)).toFixed(3)} ms (CPU time, median of ${runs / 10} batches of 10; ${found} typo findings)`);
}
