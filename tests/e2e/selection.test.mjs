// 用 wxlint 检查选中的文字 on any page (issue 14): checks the selection, or the field being edited,
// and shows the findings in the panel with highlights on exactly their characters. It needs access
// to the page only when asked: the activeTab grant of the context menu or the toolbar button.
// Headless Chromium cannot click the browser's own menu, so the tests call the same function the
// menu calls (globalThis.wxlintCheckSelection in the service worker); the grant itself is stood
// in for by a test-only copy of the extension that lists the page's host. The shipped extension,
// without the grant, cannot touch the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, stageExtension, siteUrl, waitFor, holds, highlights, panel, screenshot, assertOnlyFixtureTraffic,
} from './harness.mjs';

/** The page's tab id (without a host permission the extension does not see tabs' URLs: the active one). */
async function tabIdOf(env, page) {
  await page.bringToFront();
  const sw = await env.serviceWorker();
  return sw.evaluate(async (url) => {
    const all = await chrome.tabs.query({});
    const byUrl = all.find((t) => t.url === url);
    if (byUrl) return byUrl.id;
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return active.id;
  }, page.url());
}

async function checkSelection(env, page) {
  const sw = await env.serviceWorker();
  return sw.evaluate((id) => globalThis.wxlintCheckSelection(id, 0), await tabIdOf(env, page));
}

test('selection: without the page\'s grant the extension cannot read or draw on it (no persistent host permission)', async () => {
  const env = await launch();
  try {
    const page = await env.context.newPage();
    await page.goto(siteUrl('news'));
    await page.evaluate(() => getSelection().selectAllChildren(document.getElementById('p1')));
    const answer = await checkSelection(env, page);
    assert.ok(answer.error, JSON.stringify(answer));
    assert.match(answer.error, /Cannot access|permission/i);
    await holds(async () => !(await page.evaluate(() => !!document.getElementById('wxlint-extension-root'))), 1000, 'injected without a grant');
    await page.close();
  } finally {
    await env.close();
  }
});

let env;
before(async () => { env = await launch({ extensionDir: stageExtension(['https://news.example.com/*']) }); });
after(async () => { await env?.close(); });

test('selection: the selected text is checked; its findings are listed and highlighted on exactly their characters', async () => {
  const page = await env.context.newPage();
  await page.goto(siteUrl('news'));
  await page.evaluate(() => {
    const r = document.createRange();
    r.setStart(document.getElementById('p1').firstChild, 5);
    r.setEnd(document.getElementById('p2').firstChild, 43);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  const answer = await checkSelection(env, page);
  assert.equal(answer.ok, true, JSON.stringify(answer));
  const p = await waitFor(async () => { const x = await panel(page); return x && x.items.length >= 3 ? x : null; }, { message: 'the findings in the panel' });
  const rules = p.items.map((i) => i.rule).sort();
  assert.ok(rules.includes('official-wording') && rules.includes('placeholder') && rules.includes('personal-data'), JSON.stringify(rules));
  assert.equal(p.collapsed, false);
  assert.match(p.info, /已检查选中的 \d+ 个字/);
  const hl = await highlights(page);
  assert.deepEqual((hl['wxlint-block'] || []).map((r) => r.text).sort(), ['13912345678', 'xx', '警钟常鸣'].sort());
  // Nothing outside the selection: the headline and the first 5 characters of #p1 are not part of it.
  assert.ok(!JSON.stringify(hl).includes('各中小学'));
  console.log(`screenshot: ${await screenshot(page, 'selection')}`);

  // Again with a smaller selection: the panel follows it.
  await page.evaluate(() => getSelection().selectAllChildren(document.getElementById('headline')));
  await checkSelection(env, page);
  await waitFor(async () => { const x = await panel(page); return x && x.items.length === 0 && /已检查选中的/.test(x.info) ? x : null; }, { message: 'the headline checked (nothing found)' });
  await page.close();
});

test('selection: the field being edited (a textarea) is checked when nothing is selected; its finding gets a box on the word', async () => {
  const page = await env.context.newPage();
  await page.goto(siteUrl('news'));
  await page.locator('#comment').focus();
  await page.evaluate(() => { const t = document.getElementById('comment'); t.setSelectionRange(t.value.length, t.value.length); });
  await checkSelection(env, page);
  const p = await waitFor(async () => { const x = await panel(page); return x && x.items.some((i) => i.rule === 'prohibited') ? x : null; }, { message: 'the textarea checked' });
  assert.deepEqual(p.items.filter((i) => i.rule === 'prohibited').map((i) => i.text), ['“出售冰毒”']);
  const box = await waitFor(() => page.evaluate(() => {
    const b = document.getElementById('wxlint-extension-root').shadowRoot.querySelector('.layer .box.range.block');
    if (!b) return null;
    const r = b.getBoundingClientRect();
    const t = document.getElementById('comment').getBoundingClientRect();
    return { inside: r.left >= t.left && r.right <= t.right && r.top >= t.top && r.bottom <= t.bottom, w: r.width };
  }), { message: 'the box on the word' });
  assert.equal(box.inside, true);
  assert.ok(box.w > 20);
  assert.equal(await page.locator('#comment').inputValue(), '有人在校门口出售冰毒吗？请核实。', 'the field is unchanged');
  await page.close();
});

test('selection: the toolbar popup\'s 用 wxlint 检查选中的文字 checks the selection of its tab', async () => {
  const page = await env.context.newPage();
  await page.goto(siteUrl('news'));
  await page.evaluate(() => getSelection().selectAllChildren(document.getElementById('p2')));
  const tabId = await tabIdOf(env, page);
  const popup = await env.context.newPage();
  await popup.goto(env.extensionUrl(`extension/popup.html?tabId=${tabId}`));
  assert.equal((await popup.locator('#check-selection').textContent()).trim(), '用 wxlint 检查选中的文字');
  await popup.locator('#check-selection').click();
  const p = await waitFor(async () => { const x = await panel(page); return x && x.items.length ? x : null; }, { message: 'the popup\'s check in the page' });
  assert.deepEqual(p.items.map((i) => i.rule).sort(), ['personal-data', 'placeholder']);
  await popup.close().catch(() => {});
  await page.close();
});

test('selection: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
