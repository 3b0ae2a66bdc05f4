// The toolbar popup's state line: after a check it says the check is done (已检查此页面的文章),
// not 正在检查此页面的文章; its 重新检查 ends the same way; opened while a check is under way it
// says so, and then says the check is done once it is (it asks the page again until then).
// The popup is opened as popup.html?tabId=N (tests cannot open the real popup and keep it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openEditor, waitFor, caretAtEnd, typeText, assertOnlyFixtureTraffic } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const DONE = '已检查此页面的文章';
const CHECKING = /正在检查此页面的文章/;

async function tabIdOf(page) {
  const sw = await env.serviceWorker();
  return sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url).id, page.url());
}

/** The popup for `tabId`, recording every text its state line shows (from before its script runs). */
async function openPopup(tabId) {
  const popup = await env.context.newPage();
  await popup.addInitScript(() => {
    /** @type {string[]} */
    const seen = [];
    Object.defineProperty(window, '__states', { value: seen });
    document.addEventListener('DOMContentLoaded', () => {
      const el = document.getElementById('state');
      const note = () => { if (seen[seen.length - 1] !== el.textContent) seen.push(el.textContent); };
      new MutationObserver(note).observe(el, { childList: true, characterData: true, subtree: true });
      note();
    });
  });
  await popup.goto(env.extensionUrl(`extension/popup.html?tabId=${tabId}`));
  return popup;
}

const stateOf = (popup) => popup.evaluate(() => {
  const el = document.getElementById('state');
  return { text: el.textContent, cls: el.className, counts: !document.getElementById('counts').hidden, seen: [...window.__states] };
});

let editor;

test('popup: after the page was checked, the state line reads 已检查此页面的文章 (not 正在检查), with the counts', async () => {
  editor = await openEditor(env, 'prosemirror', { article: 'school' });
  const popup = await openPopup(await tabIdOf(editor));
  const st = await waitFor(async () => { const x = await stateOf(popup); return x.text ? x : null; }, { message: 'the popup\'s state' });
  assert.equal(st.text, DONE);
  assert.doesNotMatch(st.text, CHECKING);
  assert.match(st.cls, /\bok\b/);
  assert.equal(st.counts, true, 'the counts are shown');
  assert.ok(await popup.locator('#counts .count').count() >= 1);

  // 重新检查: 正在检查… while it runs, the finished wording once the page answers.
  await popup.locator('#recheck').click();
  await waitFor(async () => (await stateOf(popup)).seen.length > st.seen.length, { message: 'the state line changed' });
  const after = await waitFor(async () => { const x = await stateOf(popup); return x.text === DONE ? x : null; }, { message: 'the finished wording after 重新检查' });
  assert.ok(after.seen.slice(st.seen.length).some((x) => CHECKING.test(x)), `said it was checking first: ${JSON.stringify(after.seen)}`);
  await popup.close();
});

test('popup: opened while a check is under way, it says 正在检查…, then 已检查此页面的文章 once the check is done', async () => {
  assert.ok(editor, 'needs the previous test');
  const tabId = await tabIdOf(editor);
  // Hold the background busy for a few seconds, so that the keystroke's check is still waiting
  // for its answer when the popup opens (the popup asks the page directly, not the background).
  const sw = await env.serviceWorker();
  await sw.evaluate(() => { setTimeout(() => { const end = Date.now() + 4000; while (Date.now() < end) { /* busy */ } }, 0); });
  await caretAtEnd(editor, '#wxlint-fixture-last');
  await typeText(editor, '。');
  // Past the 300 ms debounce: the check is sent and unanswered.
  await editor.waitForTimeout(700);
  const popup = await openPopup(tabId);
  const first = await waitFor(async () => { const x = await stateOf(popup); return x.text ? x : null; }, { message: 'the popup\'s first state' });
  assert.match(first.text, CHECKING, `opened during the check: ${JSON.stringify(first.seen)}`);
  const done = await waitFor(async () => { const x = await stateOf(popup); return x.text === DONE ? x : null; }, { message: 'the finished wording once the check is done' });
  assert.match(done.cls, /\bok\b/);
  const st = await popup.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'status' }), tabId);
  assert.ok(st.checked && !st.checking, 'the page\'s check really is done');
  await popup.close();
  await editor.close();
});

test('popup: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
