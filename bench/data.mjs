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
