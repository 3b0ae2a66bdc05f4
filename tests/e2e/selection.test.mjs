// 用 wxlint 检查选中的文字 on any page (issue 14): checks the selection, or the field being edited
// (a textarea, a text input, a contenteditable element), and shows the findings in the panel with
// highlights on exactly their characters. It needs access to the page only when asked: the
// activeTab grant of the context menu or the toolbar button.
// The toolbar button is clicked as the user would through CDP (Extensions.triggerAction, with
// --enable-unsafe-extension-debugging): it opens the popup and grants activeTab to the tab, and
// the popup's button is clicked in the popup itself; that test runs the shipped extension, with
// no host permission. Headless Chromium has no way to open the browser's own context menu, so
// the other tests call the function the menu calls (globalThis.wxlintCheckSelection in the
// service worker) in a test-only copy of the extension that lists the page's host in place of
// the grant.
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

/**
 * Clicks the extension's toolbar button for `page`'s tab (CDP Extensions.triggerAction, as a
 * user's click: the popup opens and the tab gets the activeTab grant). Returns `evaluate(js)`,
 * which runs an expression in the popup and resolves with its value.
 */
async function clickToolbarButton(env, page) {
  await page.bringToFront();
  const cdp = await env.context.browser().newBrowserCDPSession();
  const tabs = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })).targetInfos;
  const tab = tabs.find((t) => t.url === page.url());
  assert.ok(tab, `a tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction', { id: env.extensionId, targetId: tab.targetId });
  const popupUrl = env.extensionUrl('extension/popup.html');
  const target = await waitFor(async () => (await cdp.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page' && t.url === popupUrl), { message: 'the popup opened by the toolbar button' });
  // The popup is not one of Playwright's pages: talk to it through the browser session.
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let last = 0;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (ev) => {
    const m = JSON.parse(ev.message);
    if (pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
  });
  const evaluate = (expression) => new Promise((resolve, reject) => {
    last += 1;
    pending.set(last, (m) => (m.error || m.result.exceptionDetails ? reject(new Error(JSON.stringify(m.error || m.result.exceptionDetails))) : resolve(m.result.result.value)));
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: last, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }) }).catch(reject);
  });
  return { evaluate };
}

test('selection: without the page\'s grant the extension cannot read or draw on it (no persistent host permission); a click on its toolbar button grants activeTab for that tab, and the popup\'s 用 wxlint 检查选中的文字 checks it', async () => {
  const env = await launch({ extensionDebugging: true });
  try {
    const page = await env.context.newPage();
    await page.goto(siteUrl('news'));
    await page.evaluate(() => getSelection().selectAllChildren(document.getElementById('p1')));
    const answer = await checkSelection(env, page);
    assert.ok(answer.error, JSON.stringify(answer));
    assert.match(answer.error, /Cannot access|permission/i);
    await holds(async () => !(await page.evaluate(() => !!document.getElementById('wxlint-extension-root'))), 1000, 'injected without a grant');

    // The user clicks the toolbar button, then the popup's button: the shipped extension, with
    // only the activeTab grant of that click, checks the selection.
    const popup = await clickToolbarButton(env, page);
    await waitFor(() => popup.evaluate('!!document.getElementById("check-selection")'), { message: 'the popup\'s button' });
    assert.equal((await popup.evaluate('document.getElementById("check-selection").textContent')).trim(), '用 wxlint 检查选中的文字');
    await popup.evaluate('document.getElementById("check-selection").click()');
    const p = await waitFor(async () => { const x = await panel(page); return x && x.items.length ? x : null; }, { message: 'the check through the toolbar button' });
    assert.deepEqual(p.items.map((i) => i.rule), ['official-wording']);
    assert.deepEqual((await highlights(page))['wxlint-block'].map((r) => [r.text, r.paragraph]), [['警钟常鸣', 'p1']]);

    // The grant is for that tab only: another tab stays out of reach.
    const other = await env.context.newPage();
    await other.goto(siteUrl('news'));
    await other.evaluate(() => getSelection().selectAllChildren(document.getElementById('p1')));
    assert.match((await checkSelection(env, other)).error || '', /Cannot access|permission/i);
    await other.close();
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

test('selection: a focused contenteditable element is checked when nothing is selected: only its text, highlighted in it; no title, author or digest findings', async () => {
  const page = await env.context.newPage();
  await page.goto(siteUrl('news'));
  await page.locator('#note').focus();
  // A caret, no selection.
  await page.evaluate(() => { const t = document.getElementById('note-p').firstChild; getSelection().collapse(t, 3); });
  assert.equal(await page.evaluate(() => getSelection().isCollapsed && document.activeElement.id), 'note');
  const answer = await checkSelection(env, page);
  assert.equal(answer.ok, true, JSON.stringify(answer));
  const p = await waitFor(async () => { const x = await panel(page); return x && x.items.length >= 2 ? x : null; }, { message: 'the note checked' });
  assert.deepEqual(p.items.map((i) => i.rule).sort(), ['official-wording', 'personal-data']);
  assert.deepEqual(p.items.filter((i) => ['标题', '作者', '摘要'].includes(i.where) || i.rule === 'title-length'), [], 'the check has no title, author or digest');
  assert.match(p.info, /已检查选中的 30 个字/);
  // #p1 also says 警钟常鸣: only the note's is highlighted.
  const hl = await highlights(page);
  assert.deepEqual((hl['wxlint-block'] || []).map((r) => [r.text, r.paragraph]).sort(), [['13912345678', 'note-p'], ['警钟常鸣', 'note-p']]);
  assert.equal(await page.locator('#note-p').textContent(), '备忘：提醒各班做到警钟常鸣，联系电话13912345678。', 'the note is unchanged');
  await page.close();
});

test('selection: a focused text input is checked (its selected part, else its whole value); the finding gets a box on the word inside the input', async () => {
  const page = await env.context.newPage();
  await page.goto(siteUrl('news'));
  const box = () => waitFor(() => page.evaluate(() => {
    const b = document.getElementById('wxlint-extension-root').shadowRoot.querySelector('.layer .box.range.block');
    if (!b) return null;
    const r = b.getBoundingClientRect();
    const t = document.getElementById('keyword').getBoundingClientRect();
    return { inside: r.left >= t.left && r.right <= t.right && r.top >= t.top && r.bottom <= t.bottom, left: r.left - t.left, w: r.width };
  }), { message: 'the box on the word in the input' });
  const input = page.locator('#keyword');
  // The part before the word selected: nothing found.
  await input.focus();
  await page.evaluate(() => document.getElementById('keyword').setSelectionRange(0, 4));
  await checkSelection(env, page);
  let p = await waitFor(async () => { const x = await panel(page); return x && /已检查选中的 4 个字/.test(x.info || '') ? x : null; }, { message: 'the selected part checked' });
  assert.deepEqual(p.items, []);
  // A caret, no selection: the whole value.
  await page.evaluate(() => { const t = document.getElementById('keyword'); t.setSelectionRange(t.value.length, t.value.length); });
  await checkSelection(env, page);
  p = await waitFor(async () => { const x = await panel(page); return x && x.items.some((i) => i.rule === 'prohibited') ? x : null; }, { message: 'the input checked' });
  assert.deepEqual(p.items.map((i) => [i.rule, i.text]), [['prohibited', '“代购大麻”']]);
  assert.match(p.info, /已检查选中的 10 个字/);
  const whole = await box();
  assert.equal(whole.inside, true);
  assert.ok(whole.w > 20 && whole.left > 40, JSON.stringify(whole));
  // Only the word selected: the same box (the offsets are shifted to the selection's start).
  await page.evaluate(() => document.getElementById('keyword').setSelectionRange(6, 10));
  await checkSelection(env, page);
  await waitFor(async () => { const x = await panel(page); return x && /已检查选中的 4 个字/.test(x.info || '') && x.items.length === 1 ? x : null; }, { message: 'the word checked' });
  const part = await box();
  assert.equal(part.inside, true);
  assert.ok(Math.abs(part.left - whole.left) < 2 && Math.abs(part.w - whole.w) < 2, `${JSON.stringify(part)} vs ${JSON.stringify(whole)}`);
  assert.equal(await input.inputValue(), '关键词：有人代购大麻', 'the field is unchanged');
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
