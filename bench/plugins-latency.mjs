// Benchmark (not a test: nothing is asserted about time): keystroke → decorations for the npm
// package's editor plugins, in Debian's Chromium, on a ~10,000-character document: the demo pages
// of examples/ (built by scripts/build-examples.mjs: the real ProseMirror / CodeMirror packages
// and the real WASM checker), the document filled with realistic Chinese paragraphs (from
// tests/corpus/*.html), then single CJK characters typed at varied places with pauses.
//
// Measured in the page: from the keystroke's first event (keydown, or beforeinput for the CJK
// characters an input method commits) to the first animation frame after
// the plugin's check has been applied (ProseMirror: the decorations dispatched; CodeMirror: the
// lint diagnostics set). Both plugins are used with their default delay (0 ms): the figure is
// the whole latency, with no debounce taken off. As a peer in the same run (the machine is shared:
// absolute times vary with its load), the same editor without the plugin (`?plugin=0`): keystroke
// → the frame after the editor's own update.
//
//   node bench/plugins-latency.mjs [--keys 60] [--chars 10000] [--pause 200] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT } from '../tests/e2e/harness.mjs';
import { buildExamples } from '../scripts/build-examples.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : def; };
const KEYS = opt('keys', 60);
const CHARS = opt('chars', 10_000);
const PAUSE = opt('pause', 200);
const JSON_OUT = args.includes('--json');
// Which demos: `--only codemirror?gutter=0,prosemirror` (query parameters of the demo page after `?`).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const VARIANTS = only ? only.split(',') : ['prosemirror?plugin=0', 'prosemirror', 'codemirror?plugin=0', 'codemirror'];

function paragraphs() {
  const out = [];
  const dir = path.join(ROOT, 'tests/corpus');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.html')).sort()) {
    const html = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
      const text = m[1].replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&[a-z]+;|&#\d+;/g, '').replace(/\s+/g, '').trim();
      if ([...text].length >= 20) out.push(text);
    }
  }
  const list = [];
  let n = 0;
  for (let i = 0; n < CHARS; i += 1) {
    let p = out[i % out.length];
    if (n + p.length > CHARS) p = p.slice(0, CHARS - n);
    list.push(p);
    n += p.length;
  }
  return list;
}

const quantile = (s, q) => { const pos = (s.length - 1) * q; const lo = Math.floor(pos); const hi = Math.ceil(pos); return s[lo] + (s[hi] - s[lo]) * (pos - lo); };
const summary = (v) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return { n: s.length, p50: quantile(s, 0.5), p95: quantile(s, 0.95), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length }; };
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1).padStart(7) : '      -');

const dir = await buildExamples();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
await context.route('**/*', (route) => {
  const u = new URL(route.request().url());
  const file = path.join(dir, path.basename(u.pathname));
  if (u.origin !== 'https://demo.wxlint.test' || !fs.existsSync(file)) return route.abort('blockedbyclient');
  const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' }[path.extname(file)];
  return route.fulfill({ status: 200, headers: { 'content-type': type }, body: fs.readFileSync(file) });
});

const text = paragraphs();
const results = {};
try {
  for (const variant of VARIANTS) {
    const [name, extra] = variant.split('?');
    const page = await context.newPage();
    await page.goto(`https://demo.wxlint.test/${name}.html?empty=1${extra ? `&${extra}` : ''}`);
    await page.waitForFunction(() => window.wxlintDemo && window.wxlintDemo.view);
    await page.evaluate(() => window.wxlintDemo.ready);
    // Fill the document in one transaction, and wait for its check.
    const fill = await page.evaluate((paras) => new Promise((resolve) => {
      const demo = window.wxlintDemo;
      const view = demo.view;
      const t0 = performance.now();
      demo.afterCheck = (findings) => { demo.afterCheck = null; resolve({ ms: performance.now() - t0, findings: findings.length }); };
      demo.afterUpdate = () => { demo.afterUpdate = null; if (new URLSearchParams(location.search).get('plugin') === '0') requestAnimationFrame(() => resolve({ ms: performance.now() - t0, findings: 0 })); };
      if (view.state.schema) {
        const { schema } = view.state;
        const nodes = paras.map((p) => schema.node('paragraph', null, [schema.text(p)]));
        view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, nodes));
      } else {
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: paras.join('\n\n') } });
      }
    }), text);
    // Measurement in the page: keydown → the frame after the check's result was applied.
    const bare = /plugin=0/.test(extra || '');
    await page.evaluate((bareEditor) => {
      const demo = window.wxlintDemo;
      const b = (window.__bench = { start: null, lat: [] });
      // The keystroke's first event: keydown for keys, beforeinput for text an input method commits.
      const mark = () => { if (b.start === null) b.start = performance.now(); };
      document.addEventListener('keydown', mark, true);
      document.addEventListener('beforeinput', mark, true);
      b.check = [];
      b.toCheck = [];
      const done = () => {
        if (b.start === null) return;
        const s = b.start;
        b.start = null;
        b.check.push(demo.lastMs);
        b.toCheck.push(performance.now() - s);
        requestAnimationFrame(() => b.lat.push(performance.now() - s));
      };
      if (bareEditor) demo.afterUpdate = done; else demo.afterCheck = done;
    }, bare);
    let seed = 7;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const typed = '的了在是和有这个人中大上为';
    for (let k = 0; k < KEYS; k += 1) {
      await page.evaluate((f) => {
        const view = window.wxlintDemo.view;
        if (view.state.schema) {
          const size = view.state.doc.content.size;
          let pos = Math.max(1, Math.floor(size * f));
          // A text position inside a paragraph.
          const $p = view.state.doc.resolve(pos);
          pos = $p.parent.isTextblock ? pos : pos + 1;
          view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.near(view.state.doc.resolve(pos))));
        } else {
          const pos = Math.floor(view.state.doc.length * f);
          view.dispatch({ selection: { anchor: pos } });
        }
        view.focus();
      }, rand());
      await page.keyboard.type(typed[k % typed.length]);
      await new Promise((r) => setTimeout(r, PAUSE));
    }
    const lat = await page.evaluate(() => window.__bench.lat);
    const parts = await page.evaluate(() => ({ check: window.__bench.check, toCheck: window.__bench.toCheck }));
    results[variant] = { fill, latency: summary(lat), check: summary(parts.check), inputToCheckDone: summary(parts.toCheck), missed: KEYS - lat.length };
    await page.close();
  }
} finally {
  await browser.close();
}

if (JSON_OUT) {
  console.log(JSON.stringify({ chars: CHARS, keys: KEYS, pauseMs: PAUSE, results }, null, 2));
} else {
  console.log(`wxlint editor plugins: ${CHARS} characters (${text.length} paragraphs from tests/corpus), ${KEYS} CJK keystrokes ${PAUSE} ms apart, delay 0`);
  console.log('                                   n      p50      p95      max     mean   (ms)');
  for (const [name, r] of Object.entries(results)) {
    console.log(`${`${name}: keystroke → decorations`.padEnd(32)}${String(r.latency.n).padStart(4)} ${fmt(r.latency.p50)}  ${fmt(r.latency.p95)}  ${fmt(r.latency.max)}  ${fmt(r.latency.mean)}`);
    console.log(`${'  input → check done'.padEnd(32)}${String(r.inputToCheckDone.n).padStart(4)} ${fmt(r.inputToCheckDone.p50)}  ${fmt(r.inputToCheckDone.p95)}  ${fmt(r.inputToCheckDone.max)}  ${fmt(r.inputToCheckDone.mean)}`);
    console.log(`${'  the check itself (model + WASM)'.padEnd(32)}${String(r.check.n).padStart(4)} ${fmt(r.check.p50)}  ${fmt(r.check.p95)}  ${fmt(r.check.max)}  ${fmt(r.check.mean)}`);
    console.log(`${`  (first check of the document)`.padEnd(32)}     ${fmt(r.fill.ms)}   ${r.fill.findings} findings; missed ${r.missed}`);
  }
}
