// Benchmark (not a test: nothing is asserted about time): the extension's first check after its
// service worker was stopped, in Debian's Chromium with the unpacked extension loaded exactly as
// in the end-to-end tests (tests/e2e/harness.mjs).
//
// A stopped worker is not restarted under Playwright here (tests/e2e/startup.test.mjs), so a
// restart is reproduced as the worker would go through it, in a fresh extension page each time
// (a new instance of the module, nothing shared): instantiate pkg/wxlint_bg.wasm, restore the
// start-up snapshot from the extension's IndexedDB with the worker's own code
// (extension/startup-cache.js), `new Checker()`, and check a 10,000-character article (the
// ProseMirror fixture's article, its paragraphs repeated). The snapshot is the one the worker
// stored after its first check; for comparison the same steps run without restoring it (the
// worker's first start after installation).
//
//   node bench/extension-startup.mjs [--runs 7] [--chars 10000] [--json]
import { launch, openEditor, waitFor, tabMessage, caretAtEnd, typeText } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const RUNS = opt('runs', 7);
const CHARS = opt('chars', 10_000);
const JSON_OUT = args.includes('--json');

const env = await launch();
try {
  // The worker builds everything, checks, and stores its snapshot.
  const editor = await openEditor(env, 'prosemirror');
  await caretAtEnd(editor, '#wxlint-fixture-last');
  await typeText(editor, '有人出售冰毒。');
  const worker = await env.serviceWorker();
  const saved = await waitFor(async () => {
    const s = await worker.evaluate(() => ({ ...globalThis.wxlintStartup }));
    return s.snapshot === 'saved' ? s : null;
  }, { message: 'the snapshot to be saved', timeout: 60_000 });
  const { article: base } = await tabMessage(env, editor, { type: 'article' });
  const texts = base.blocks.filter((b) => b.type === 'text' && b.text.length > 10);
  const blocks = [];
  let chars = 0;
  for (let i = 0; chars < CHARS; i++) {
    const b = texts[i % texts.length];
    blocks.push(b);
    chars += b.text.length;
  }
  const article = { ...base, blocks };

  const once = async (restore) => {
    const page = await env.context.newPage();
    await page.goto(env.extensionUrl('extension/options.html'));
    const r = await page.evaluate(async ({ a, restore }) => {
      const t = [performance.now()];
      const w = await import('../pkg/wxlint.js');
      await w.default({ module_or_path: chrome.runtime.getURL('pkg/wxlint_bg.wasm') });
      t.push(performance.now());
      let restored = { snapshot: 'skipped' };
      if (restore) {
        const cache = await import('./startup-cache.js');
        restored = await cache.restoreSnapshot(w);
      }
      t.push(performance.now());
      const checker = new w.Checker();
      t.push(performance.now());
      const findings = checker.check(a);
      t.push(performance.now());
      checker.check(a);
      t.push(performance.now());
      const d = (i) => t[i + 1] - t[i];
      return { snapshot: restored.snapshot, module: d(0), restore: d(1), checker: d(2), check: d(3), second: d(4), total: t[4] - t[0], findings: findings.length };
    }, { a: article, restore });
    await page.close();
    return r;
  };

  const results = { restored: [], built: [] };
  for (let i = 0; i < RUNS; i++) {
    // Alternated, so that both see the same host.
    results.restored.push(await once(true));
    results.built.push(await once(false));
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(Object.entries(results).map(([k, rs]) => [k,
    Object.fromEntries(['module', 'restore', 'checker', 'check', 'second', 'total'].map((f) => [f, med(rs.map((r) => r[f]))]))]));
  if (JSON_OUT) {
    console.log(JSON.stringify({ chars, snapshotBytes: saved.bytes, runs: RUNS, results, summary }, null, 2));
  } else {
    const f = (ms) => `${ms.toFixed(1).padStart(7)} ms`;
    console.log(`article: ${chars} characters in ${blocks.length} paragraphs; snapshot ${(saved.bytes / 1e6).toFixed(1)} MB; median of ${RUNS} fresh module instances each`);
    console.log(`restore states: ${[...new Set(results.restored.map((r) => r.snapshot))].join(', ')}; findings ${results.restored[0].findings} / ${results.built[0].findings}`);
    for (const [k, s] of Object.entries(summary)) {
      console.log(`  ${k.padEnd(9)} module ${f(s.module)}  restore ${f(s.restore)}  new Checker() ${f(s.checker)}  first check ${f(s.check)}  (second ${f(s.second)})  restore+checker+check ${f(s.restore + s.checker + s.check)}`);
    }
  }
} finally {
  await env.close();
}
