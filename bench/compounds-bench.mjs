// The cost of rule prohibited's coined-compound check (option `compounds`) in the WASM package:
// the same checker configuration with the option on and off, interleaved, on three articles of
// 10,000 characters: the benchmark article of benches/check.rs (random characters, so some
// coined pairs), People's Daily paragraphs (real clean text; needs scripts/fetch-eval-data.sh)
// and a dense porn-spam text (600 findings).
//
//   node bench/compounds-bench.mjs        (after `bash scripts/build.sh`: uses pkg-node/)
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArticle, lexiconTerms } from './data.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { Checker } = require(path.join(root, 'pkg-node/wxlint.js'));

const blocksOf = (paragraphs) => paragraphs.map((t) => ({ type: 'text', text: t }));
const articles = {};
articles['benchmark article'] = benchArticle(10000, lexiconTerms(20000, 1));
const pdPath = path.join(root, 'target/eval-data/peoples-daily-199801.txt');
if (existsSync(pdPath)) {
  const pd = readFileSync(pdPath, 'utf8').split('\n').filter(Boolean);
  const paragraphs = [];
  for (let i = 5000, n = 0; n < 10000; i++) { paragraphs.push(pd[i]); n += pd[i].length; }
  articles["People's Daily"] = { title: '新闻', author: '本报', digest: '', blocks: blocksOf(paragraphs) };
}
articles['porn spam'] = { title: '标题', author: '', digest: '', blocks: blocksOf(Array.from({ length: 50 }, () => '最新美女蜜穴图片，按揉四白穴，淫毛，乳制品和酸奶，汉奸，满腹牢骚。'.repeat(6))) };

const on = new Checker();
const off = new Checker({ rules: { prohibited: { compounds: false } } });
function median(checker, article, runs) {
  const s = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    checker.check(article);
    s.push(performance.now() - t);
  }
  s.sort((a, b) => a - b);
  return s[runs >> 1];
}
console.log('| article | findings on / off | median off | median on | on / off |');
console.log('|---|---|---|---|---|');
for (const [name, a] of Object.entries(articles)) {
  on.check(a); off.check(a);
  const r = { on: [], off: [] };
  for (let k = 0; k < 7; k++) { r.off.push(median(off, a, 100)); r.on.push(median(on, a, 100)); }
  const m = (x) => x.sort((p, q) => p - q)[3];
  console.log(`| ${name} | ${on.check(a).length} / ${off.check(a).length} | ${m(r.off).toFixed(3)} ms | ${m(r.on).toFixed(3)} ms | ${(m(r.on) / m(r.off)).toFixed(2)} |`);
}
