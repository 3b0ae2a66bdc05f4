// End-to-end tests of what the extension says when it does not recognise the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, waitFor, holds, panel, status, editorUrl, markers, guardDialog, assertOnlyFixtureTraffic,
} from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('recognition: an editor URL (cgi-bin/appmsg…action=edit) without any editor gets a plain notice in the panel', async () => {
  const page = await env.context.newPage();
  await page.goto(editorUrl('noeditor'));
  const p = await waitFor(async () => {
    const x = await panel(page);
    return x && x.exists && !x.hidden && x.notice ? x : null;
  }, { message: 'the not-recognised notice' });
  assert.equal(p.logo, 'idle', 'the status icon does not claim anything was checked');
  assert.match(p.notice, /^未识别到公众号编辑器：/);
  assert.match(p.notice, /没有检查/);
  assert.deepEqual(p.items, []);
  assert.equal(p.badges.ok, undefined, 'no "无问题" badge when nothing was checked');
  const st = await status(env, page);
  assert.equal(st.recognised, false);
  assert.equal(st.editorUrl, true);
  // Nothing to guard: the page's own publish button is not stopped.
  await page.click('#js_send');
  assert.equal(await guardDialog(page), null);
  await page.close();
});

test('recognition: another appmsg page (not an editor URL) keeps the panel hidden', async () => {
  const page = await env.context.newPage();
  await page.goto(editorUrl('list'));
  await waitFor(async () => (await status(env, page)).editorUrl === false, { message: 'the content script on the list page' });
  // The notice would come after ~4 s on an editor URL: watch for longer than that.
  await holds(async () => { const x = await panel(page); return !x || !x.exists || x.hidden; }, 5500, 'the panel appeared on a list page');
  assert.deepEqual(await markers(page), {});
  await page.close();
});

test('recognition: an editor that appears after the notice replaces it with the check', async () => {
  const page = await env.context.newPage();
  await page.goto(editorUrl('prosemirror', { delay: 5500 }));
  await waitFor(async () => (await panel(page))?.notice, { message: 'the notice before the editor appears' });
  const p = await waitFor(async () => {
    const x = await panel(page);
    return x && !x.notice && x.items.some((i) => i.rule === 'image-caption') ? x : null;
  }, { message: 'the late editor checked, the notice gone' });
  assert.equal(p.logo, 'warn', 'the status icon shows the worst open finding (the caption warning)');
  await page.close();
});

test('recognition: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
