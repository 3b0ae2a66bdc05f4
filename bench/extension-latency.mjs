// Benchmark (not a test: nothing is asserted about time): how long the browser extension takes
// from a keystroke to the highlights being drawn, on a ~10,000-character article in the new-editor
// (ProseMirror) fixture, in Debian's Chromium with the unpacked extension loaded exactly as in the
// end-to-end tests (tests/e2e/harness.mjs: real address, `script-src 'self'`, requests routed).
//
// It fills the body with realistic Chinese paragraphs (from tests/corpus/*.html when present, else
// the fixtures' own paragraphs), then types single characters at varied positions with pauses
// longer than the extension's 300 ms debounce, and reads the extension's own timings with the
// content script's {type: 'stats'} message (sent from the service worker with
// chrome.tabs.sendMessage): `latencies` (keystroke → highlights drawn, minus the debounce) and,
// per check, extract / message round trip / check inside the worker / draw.
//
// As a cross-check it also measures from the page itself (main world, independent of the
// extension's own numbers): the first keydown/input event of the keystroke → the last change in the
// extension's panel (its shadow root is open), minus the debounce.
// `--hold MS` types ASCII letters with the key held MS ms (keydown … keyup), like a person does;
// the default types CJK characters (a single input event each, as an IME commit gives).
//
//   node bench/extension-latency.mjs [--keys 60] [--chars 10000] [--pause 400] [--hold 0] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { launch, openEditor, stats, waitFor, ROOT, FIXTURES } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const KEYS = opt('keys', 60);
const CHARS = opt('chars', 10_000);
const PAUSE = opt('pause', 400);
const HOLD = opt('hold', 0);
const JSON_OUT = args.includes('--json');

// ---- The article ------------------------------------------------------------------------------

function decodeEntities(s) {
  return s.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

/** Body paragraphs (plain text, ≥ 20 characters) of real-looking articles. */
function sourceParagraphs() {
  const out = [];
  let source = 'tests/corpus/*.html';
  const dir = path.join(ROOT, 'tests/corpus');
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.html')).sort()) {
      const html = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
        const text = decodeEntities(m[1].replace(/<[^>]+>/g, '')).replace(/\s+/g, '').trim();
        if ([...text].length >= 20) out.push(text);
      }
    }
  }
  if (out.length < 20) {
    source = 'tests/e2e/fixtures/*.html and *.js';
    out.length = 0;
    for (const f of ['prosemirror-editor.html', 'ueditor-editor.js']) {
      const s = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
      for (const m of s.matchAll(/>([^<>]{20,})</g)) {
        const text = m[1].trim();
        if (/[\u4e00-\u9fff]/.test(text) && !/[{};=]/.test(text)) out.push(text);
      }
    }
  }
  return { paragraphs: [...new Set(out)], source };
}

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1) >>> 0;
    t = (t ^ (t + Math.imul(t ^ (t >>> 7), t | 61))) >>> 0;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildArticle(paragraphs, chars) {
  const rand = rng(20240423);
  const list = [];
  let n = 0;
  let i = 0;
  while (n < chars) {
    let p = paragraphs[i % paragraphs.length];
    i += 1;
    if (n + p.length > chars) p = p.slice(0, Math.max(1, chars - n));
    list.push(p);
    n += p.length;
  }
  // A few findings, as in a real draft: two prohibited terms (drawn as highlights).
  for (const term of ['出售冰毒', '代购大麻']) {
    const k = Math.floor(rand() * list.length);
    const at = Math.floor(list[k].length / 2);
    list[k] = list[k].slice(0, at) + term + list[k].slice(at + term.length);
  }
  return list;
}

const quantile = (sorted, q) => {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const summary = (values) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: s.length,
    p50: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    max: s.length ? s[s.length - 1] : NaN,
    mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN,
  };
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1).padStart(7) : '      -');

// ---- Run --------------------------------------------------------------------------------------

const { paragraphs, source } = sourceParagraphs();
const article = buildArticle(paragraphs, CHARS);
const env = await launch({ anyLanguage: true });
let exitCode = 0;
try {
  const page = await openEditor(env, 'prosemirror');
  const checksBefore = (await stats(env, page)).checks;
  await page.evaluate((paras) => {
    const body = document.querySelector('.mock-iframe-body .ProseMirror');
    const imgs = [...body.querySelectorAll('section[nodeleaf]')].map((s) => s.outerHTML);
    const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const html = paras.map((t, i) => {
      const p = `<p style="text-indent: 2em;"><span leaf="">${esc(t)}</span></p>`;
      return i === 3 ? imgs.join('') + p : p;
    }).join('');
    body.innerHTML = html;
  }, article);
  // The fill is one DOM change: wait for its check (the whole article in one message).
  const filled = await waitFor(async () => {
    const s = await stats(env, page);
    return s.checks > checksBefore && s.last && s.last.chars >= CHARS * 0.95 ? s : null;
  }, { message: 'the check of the filled article', timeout: 60_000 });
  const startLatencies = filled.latencies.length;

  // The page-side cross-check: first key/input event → last change of the extension's UI.
  await page.evaluate(() => {
    const b = { start: null, lastUi: null };
    window.__bench = b;
    const mark = () => { if (b.start === null) b.start = performance.now(); };
    document.addEventListener('keydown', mark, true);
    document.addEventListener('input', mark, true);
    const sr = document.getElementById('wxlint-extension-root').shadowRoot;
    new MutationObserver(() => { b.lastUi = performance.now(); })
      .observe(sr, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const pageSide = [];

  const rand = rng(7);
  const typed = '的了在是和有这个人中大上为';
  const perCheck = [];
  let missed = 0;
  for (let k = 0; k < KEYS; k += 1) {
    const para = Math.floor(rand() * article.length);
    const frac = rand();
    const before = (await stats(env, page)).checks;
    const t0 = Date.now();
    await page.evaluate(({ index, f }) => {
      const body = document.querySelector('.mock-iframe-body .ProseMirror');
      const ps = body.querySelectorAll(':scope > p');
      const p = ps[Math.min(index, ps.length - 1)];
      const textNode = p.querySelector('span[leaf]').firstChild;
      body.focus({ preventScroll: true });
      const offset = Math.floor(textNode.length * f);
      getSelection().collapse(textNode, offset);
      textNode.parentElement.scrollIntoView({ block: 'center' });
    }, { index: para, f: frac });
    await page.evaluate(() => { window.__bench.start = null; window.__bench.lastUi = null; });
    if (HOLD > 0) {
      const key = 'abcdefghij'[k % 10];
      await page.keyboard.down(key);
      await new Promise((r) => setTimeout(r, HOLD));
      await page.keyboard.up(key);
    } else {
      await page.keyboard.type(typed[k % typed.length]);
    }
    try {
      const s = await waitFor(async () => {
        const x = await stats(env, page);
        return x.checks > before ? x : null;
      }, { message: `the check after keystroke ${k + 1}`, timeout: 15_000, interval: 25 });
      perCheck.push(s.last);
      // The panel is rendered right after the highlights: give that render a moment to land.
      const b = await waitFor(() => page.evaluate(() => (window.__bench.lastUi !== null ? { ...window.__bench } : null)), { timeout: 5_000, interval: 10 });
      pageSide.push(b.lastUi - b.start - s.debounceMs);
    } catch (e) {
      missed += 1;
    }
    const rest = PAUSE - (Date.now() - t0);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  }
  const final = await stats(env, page);
  const latencies = final.latencies.slice(startLatencies);

  const out = {
    article: { chars: filled.last.chars, blocks: filled.last.blocks, findings: filled.last.findings, source },
    fill: { totalMs: filled.last.totalMs, checkMs: filled.last.checkMs },
    keystrokes: KEYS,
    pauseMs: PAUSE,
    debounceMs: final.debounceMs,
    missedChecks: missed,
    errors: final.errors,
    holdMs: HOLD,
    latency: summary(latencies),
    pageObserved: summary(pageSide),
    stages: {
      extractMs: summary(perCheck.map((s) => s.extractMs)),
      roundTripMs: summary(perCheck.map((s) => s.roundTripMs)),
      checkMsInWorker: summary(perCheck.map((s) => s.checkMs)),
      drawMs: summary(perCheck.map((s) => s.drawMs)),
      totalMs: summary(perCheck.map((s) => s.totalMs)),
    },
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(out, null, 2));
  } else {
    console.log(`wxlint extension latency: ${out.article.chars} characters in ${out.article.blocks} blocks (${source}), ${out.article.findings} findings`);
    console.log(`first check of the filled article: ${fmt(out.fill.totalMs)} ms total, ${fmt(out.fill.checkMs)} ms in the worker`);
    console.log(`${KEYS} keystrokes${HOLD ? ` (ASCII, key held ${HOLD} ms)` : ' (CJK characters)'}, ${PAUSE} ms apart (debounce ${out.debounceMs} ms); checks missed: ${missed}; extension errors: ${final.errors}`);
    console.log('');
    console.log('                                         n      p50      p95      max     mean   (ms)');
    const row = (label, s) => console.log(`${label.padEnd(38)}${String(s.n).padStart(4)} ${fmt(s.p50)}  ${fmt(s.p95)}  ${fmt(s.max)}  ${fmt(s.mean)}`);
    row('keystroke → highlights (minus debounce)', out.latency);
    row('page-observed: key/input → panel', out.pageObserved);
    row('  extract (DOM → article)', out.stages.extractMs);
    row('  message round trip', out.stages.roundTripMs);
    row('    check inside the worker', out.stages.checkMsInWorker);
    row('  draw (highlights + panel)', out.stages.drawMs);
    row('  debounce fired → drawn', out.stages.totalMs);
  }
  if (missed) exitCode = 1;
} finally {
  await env.close();
}
process.exitCode = exitCode;
