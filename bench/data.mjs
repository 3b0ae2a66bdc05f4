// Deterministic benchmark data: the same generator as benches/common/mod.rs (mulberry32,
// same steps), so the Node benchmark and the criterion benchmark see the same input.
export const ALPHABET_START = 0x4e00;
export const ALPHABET_LEN = 3000;

export class Rng {
  constructor(seed) { this.s = seed >>> 0; }
  nextU32() {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1) >>> 0;
    t = (t ^ (t + Math.imul(t ^ (t >>> 7), t | 61))) >>> 0;
    return (t ^ (t >>> 14)) >>> 0;
  }
  below(n) { return this.nextU32() % n; }
  cjk() { return String.fromCodePoint(ALPHABET_START + this.below(ALPHABET_LEN)); }
}

/** `n` distinct terms of 2–4 characters; `char(rng)` draws one (default: the benchmark alphabet). */
export function lexiconTerms(n, seed, char = (rng) => rng.cjk()) {
  const rng = new Rng(seed);
  const seen = new Set();
  const terms = [];
  while (terms.length < n) {
    const len = 2 + rng.below(3);
    let t = '';
    for (let i = 0; i < len; i++) t += char(rng);
    if (!seen.has(t)) { seen.add(t); terms.push(t); }
  }
  return terms;
}

export function text(chars, terms, seed) {
  const rng = new Rng(seed);
  const parts = [];
  let count = 0;
  while (count < chars) {
    const r = rng.below(500);
    if (r === 0) {
      const t = terms[rng.below(terms.length)];
      parts.push(t);
      count += [...t].length;
    } else if (r < 13) {
      parts.push('，');
      count += 1;
    } else {
      parts.push(rng.cjk());
      count += 1;
    }
  }
  return parts.join('');
}

export function lexiconFile(terms) {
  return '@category bench 基准\n' + terms.join('\n') + '\n';
}

/** The benchmark article of benches/check.rs: `chars` characters of `text(chars, terms, 2)` in
 * paragraphs of 200 characters, an image every 10 blocks. */
export function benchArticle(chars, terms) {
  const body = [...text(chars, terms, 2)];
  const paragraphs = [];
  for (let i = 0; i < body.length; i += 200) paragraphs.push(body.slice(i, i + 200).join(''));
  const blocks = paragraphs.map((t) => ({ type: 'text', text: t }));
  for (let i = Math.floor((blocks.length - 1) / 10) * 10; i >= 0; i -= 10) {
    blocks.splice(i, 0, { type: 'image', src: 'x.png', width: 1080, height: 720 });
  }
  return { title: '关于做好2026年寒假学生安全教育工作的通知', author: '教务处', digest: body.slice(0, 54).join(''), blocks };
}

const CJK_START = 0x4e00;
const CJK_LEN = 0x9fff - 0x4e00 + 1;

/** `n` terms of 2–4 characters drawn uniformly from the whole CJK Unified Ideographs block
 * (U+4E00–U+9FFF): the full-range lexicon of article-bench.mjs (issue 10). */
export function fullRangeTerms(n, seed) {
  return lexiconTerms(n, seed, (rng) => String.fromCodePoint(CJK_START + rng.below(CJK_LEN)));
}

/** Zipf (s = 1) sampler over `n` ranks by inverse CDF on a precomputed table. */
function zipf(n, rng) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) { sum += 1 / (k + 1); cdf[k] = sum; }
  return () => {
    const u = (rng.nextU32() / 4294967296) * sum;
    let lo = 0, hi = n - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < u) lo = mid + 1; else hi = mid; }
    return lo;
  };
}

const PUNCT = ['，', '，', '，', '。', '、', '；', '：', '“', '”', '！', '？', '（', '）'];
const LATIN = ['WiFi', 'APP', 'PPT', 'QQ', 'AI', 'GDP', 'iPhone', 'Excel', 'ok', 'PM2.5', 'VR', 'USB'];

/** Article-shaped text of article-bench.mjs: Zipf-distributed characters over the whole block,
 * Chinese punctuation, digits and Latin words, a term planted every ~500 characters. */
export function articleText(chars, terms, seed) {
  const rng = new Rng(seed);
  // A shuffled rank order, so that frequent characters are spread over the block.
  const order = Array.from({ length: CJK_LEN }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) { const j = rng.below(i + 1); [order[i], order[j]] = [order[j], order[i]]; }
  const next = zipf(CJK_LEN, rng);
  const parts = [];
  let count = 0;
  while (count < chars) {
    const r = rng.below(1000);
    let s;
    if (r < 2) s = terms[rng.below(terms.length)];
    else if (r < 90) s = PUNCT[rng.below(PUNCT.length)];
    else if (r < 105) s = String(rng.below(3000));
    else if (r < 112) s = LATIN[rng.below(LATIN.length)];
    else s = String.fromCodePoint(CJK_START + order[next()]);
    parts.push(s);
    count += [...s].length;
  }
  return parts.join('');
}

/** `text` cut into paragraphs of 50–500 characters. */
export function paragraphs(text, seed) {
  const rng = new Rng(seed);
  const chars = [...text];
  const out = [];
  for (let i = 0; i < chars.length;) {
    const len = 50 + rng.below(451);
    out.push(chars.slice(i, i + len).join(''));
    i += len;
  }
  return out;
}
