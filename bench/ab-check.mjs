// A/B of two builds of the WASM package, both packages in one process, 9 interleaved rounds of
// 100 checks, medians of the round medians. By default the 10,000-character full check (built-in
// lists + 20,000 entries, the article of wasm-bench.mjs); with --article, the 100,000-character
// article of article-bench.mjs (Zipf over the whole CJK block, 361 paragraphs) with its 20,000
// full-range terms, and with --only-prohibited as well, that article's lexicon-only check (every
// other rule off, no built-in lexicon).
//
//   git worktree add ../old REV && (cd ../old && wasm-pack build --release --target nodejs --out-dir pkg-node)
//   node bench/ab-check.mjs ../old/pkg-node pkg-node [--article [--only-prohibited]]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { lexiconTerms, lexiconFile, benchArticle, fullRangeTerms, articleText, paragraphs } from './data.mjs';
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const [a, b] = args.filter((x) => !x.startsWith('--'));
const ARTICLE = args.includes('--article');
const ONLY = args.includes('--only-prohibited');
const A = require(path.resolve(a, 'wxlint.js')), B = require(path.resolve(b, 'wxlint.js'));
let terms, art;
if (ARTICLE) {
  terms = fullRangeTerms(20000, 11);
  art = { title: '标题', blocks: paragraphs(articleText(100000, terms, 2), 3).map((text) => ({ type: 'text', text })) };
} else {
  terms = lexiconTerms(20000, 1);
  art = benchArticle(10000, terms);
}
const lex = lexiconFile(terms);
const mk = (M) => {
  const only = Object.fromEntries(M.Checker.rules().map((r) => [r.id, r.id === 'prohibited' ? true : 'off']));
  const c = ONLY ? new M.Checker({ builtinLexicon: false, rules: only }) : new M.Checker();
  c.loadLexicon(lex, null, 'bench');
  return c;
};
const ca = mk(A), cb = mk(B);
const med = (s) => [...s].sort((x, y) => x - y)[s.length >> 1];
const ma = [], mb = [];
for (let r = 0; r < 9; r++) for (const [c, m] of (r % 2 ? [[ca, ma], [cb, mb]] : [[cb, mb], [ca, ma]])) {
  for (let i = 0; i < 20; i++) c.check(art);
  const s = []; for (let i = 0; i < 100; i++) { const t = performance.now(); c.check(art); s.push(performance.now() - t); }
  m.push(med(s));
}
console.log(`${ARTICLE ? '100,000-character article' : '10,000-character article'}${ONLY ? ', prohibited only' : ', all rules'}; findings ${ca.check(art).length} / ${cb.check(art).length}`);
console.log(`A ${a}: median of medians ${med(ma).toFixed(3)} ms  [${ma.map(x=>x.toFixed(3)).join(' ')}]`);
console.log(`B ${b}: median of medians ${med(mb).toFixed(3)} ms  [${mb.map(x=>x.toFixed(3)).join(' ')}]`);
console.log(`B/A ${(med(mb)/med(ma)).toFixed(3)}`);
