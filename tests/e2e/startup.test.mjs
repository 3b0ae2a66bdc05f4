// End-to-end test of the start-up snapshot cache (extension/startup-cache.js): the worker builds
// the built-in lexicon and statistics, and after its first check stores a snapshot in the
// extension's IndexedDB; a fresh instance of the module restores it instead of building and
// finds the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openEditor, waitFor, status, tabMessage, caretAtEnd, typeText, assertOnlyFixtureTraffic } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const startupOf = async () => (await env.serviceWorker()).evaluate(() => ({ ...globalThis.wxlintStartup }));

/** The findings of the page's last check, as rule, place and text, sorted. */
async function findingKeys(page) {
  const s = await tabMessage(env, page, { type: 'article' });
  return (s.findings || []).map((f) => `${f.rule}:${f.field}:${f.block ?? ''}:${f.start}-${f.end}:${f.text}`).sort();
}

/** Opens the editor, types words of the built-in lexicon and a typo, waits for their findings. */
async function checkedEditor() {
  const page = await openEditor(env, 'prosemirror');
  await caretAtEnd(page, '#wxlint-fixture-last');
  await typeText(page, '有人出售冰毒，我们们要警钟常鸣。');
  await waitFor(async () => {
    const keys = await findingKeys(page);
    return keys.some((k) => k.includes('冰毒')) && keys.some((k) => k.includes('警钟常鸣')) ? keys : null;
  }, { message: 'the findings of the typed text' });
  return page;
}

test('the worker stores a snapshot after its first check; a fresh module instance restores it and checks the same', async (t) => {
  const first = await checkedEditor();
  const built = await waitFor(async () => { const s = await startupOf(); return s.snapshot === 'saved' ? s : null; }, { message: 'the snapshot to be saved' });
  assert.ok(built.bytes > 1_000_000, JSON.stringify(built));

  // A fresh instance of the module, as a restarted worker has: an extension page imports the
  // package and the cache module, restores the snapshot the worker stored (same origin, same
  // IndexedDB) and checks what the editor checked. (A worker stopped through the DevTools
  // protocol is not restarted under Playwright here; the worker runs the same restoreSnapshot.)
  const { article, findings } = await tabMessage(env, first, { type: 'article' });
  const page = await env.context.newPage();
  await page.goto(env.extensionUrl('extension/options.html'));
  const fresh = await page.evaluate(async (a) => {
    const w = await import('../pkg/wxlint.js');
    await w.default({ module_or_path: chrome.runtime.getURL('pkg/wxlint_bg.wasm') });
    const cache = await import('./startup-cache.js');
    const restored = await cache.restoreSnapshot(w);
    const t0 = performance.now();
    const checker = new w.Checker();
    const firstChecker = performance.now() - t0;
    return { restored, firstChecker, findings: checker.check(a) };
  }, article);
  assert.equal(fresh.restored.snapshot, 'restored', JSON.stringify(fresh.restored));
  const keys = (fs) => fs.map((f) => `${f.rule}:${f.field}:${f.block ?? ''}:${f.start}-${f.end}:${f.text}`).sort();
  assert.ok(findings.length > 0);
  assert.deepEqual(keys(fresh.findings), keys(findings));
  t.diagnostic(`fresh instance: restore ${fresh.restored.ms.toFixed(1)} ms, first new Checker() ${fresh.firstChecker.toFixed(1)} ms`);
  const st = await status(env, first);
  assert.ok(st.checked, JSON.stringify(st));
  await page.close();
  await first.close();
  await assertOnlyFixtureTraffic(env, t);
});
