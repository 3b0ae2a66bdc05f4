// End-to-end tests of the options page's word-list import: a valid list becomes active in an open
// editor; a malformed one is refused with its line number and the previous list stays active.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openEditor, openOptions, waitFor, highlightTexts, caretAtEnd, typeText, stats,
  assertOnlyFixtureTraffic, TIMEOUT,
} from './harness.mjs';

let env;
let editor;
let options;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const TERM = '测试禁用词甲';
const NEW_TERM = '新增禁用词乙';

async function importFile(name, content, mimeType = 'text/plain') {
  const before = await options.locator('#lex-status').textContent();
  await options.setInputFiles('#lex-file', { name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') });
  // The status line changes once the background has validated the file.
  await waitFor(async () => {
    const now = await options.locator('#lex-status').textContent();
    return now && now !== before ? now : null;
  }, { message: `the import status of ${name}` });
  // Two imports in a row with the same outcome would keep the same text: clear it for the next one.
  const status = { text: await options.locator('#lex-status').textContent(), error: await options.locator('#lex-status').evaluate((el) => el.classList.contains('error')) };
  await options.evaluate(() => { document.getElementById('lex-status').textContent = ''; });
  return status;
}

async function storedLexicons() {
  return options.evaluate(async () => (await chrome.storage.local.get('wxlint.lexicons'))['wxlint.lexicons'] || []);
}

/** Force a fresh check in the editor (type a character into the last paragraph) and wait for it. */
async function recheck() {
  const n = (await stats(env, editor)).checks;
  await caretAtEnd(editor, '#wxlint-fixture-last');
  await typeText(editor, '。');
  await waitFor(async () => (await stats(env, editor)).checks > n, { message: 'a fresh check' });
  // A second one: the check triggered by the keystroke may have started before the settings change settled.
  const m = (await stats(env, editor)).checks;
  await editor.locator('#wxlint-extension-root .panel button.recheck').click();
  await waitFor(async () => (await stats(env, editor)).checks > m, { message: 'the manual re-check' });
}

test('options: a valid word list imported on the options page is used at once in an open editor', async () => {
  editor = await openEditor(env, 'prosemirror');
  await caretAtEnd(editor, '#wxlint-fixture-last');
  await typeText(editor, `${TERM}，${NEW_TERM}`);
  await recheck();
  assert.deepEqual(await highlightTexts(editor, 'wxlint-block'), [], 'the terms are not in the built-in lexicon');

  options = await openOptions(env);
  const st = await importFile('e2e-words.txt', `# 测试词库\n${TERM}\n`);
  assert.equal(st.error, false, st.text);
  assert.match(st.text, /已导入“e2e-words\.txt”：1 个词条/);
  assert.equal(await options.locator('#lex-body tr').count(), 1);

  // The open editor picks the new list up without any edit (the settings revision changed).
  await waitFor(async () => (await highlightTexts(editor, 'wxlint-block')).includes(TERM), { message: `${TERM} highlighted after the import` });
  assert.deepEqual(await highlightTexts(editor, 'wxlint-block'), [TERM]);
});

test('options: a malformed word list is refused with its line number ("第 N 行") and the previous list stays active', async () => {
  assert.ok(options && editor, 'needs the previous test');
  const previous = await storedLexicons();
  assert.equal(previous.length, 1);

  // Same file name, line 3 is an unknown severity: refused as a whole.
  let st = await importFile('e2e-words.txt', `${TERM}\n${NEW_TERM}\n@severity fatal\n`);
  assert.equal(st.error, true, st.text);
  assert.match(st.text, /第 3 行/);
  assert.match(st.text, /原来的词库继续生效/);
  assert.doesNotMatch(st.text, /第 [124] 行/);

  // A .csv: the reported line is the CSV line (header counted), not the converted lexicon's.
  st = await importFile('e2e-words.csv', `词,建议\n${NEW_TERM},删除\n***,\n`, 'text/csv');
  assert.equal(st.error, true, st.text);
  assert.match(st.text, /第 3 行/);
  // A field the lexicon format cannot express.
  st = await importFile('e2e-pipe.csv', `词,建议\n${NEW_TERM},删除\n坏|词,x\n`, 'text/csv');
  assert.equal(st.error, true, st.text);
  assert.match(st.text, /第 3 行/);

  assert.deepEqual(await storedLexicons(), previous, 'the stored lists are unchanged');
  assert.equal(await options.locator('#lex-body tr').count(), 1);
  const bg = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
  assert.deepEqual(bg.lexiconErrors, []);

  // In the editor, after fresh checks: the previous list's term is still highlighted, the refused file's is not.
  await recheck();
  await waitFor(async () => (await highlightTexts(editor, 'wxlint-block')).includes(TERM), { message: `${TERM} still highlighted`, timeout: TIMEOUT });
  assert.deepEqual(await highlightTexts(editor, 'wxlint-block'), [TERM]);
});

test('options: word lists saved on Windows (UTF-8 with BOM and CRLF; GB18030 from Excel) import and apply', async () => {
  assert.ok(options && editor, 'needs the previous tests');
  let st = await importFile('windows-utf8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('测试禁用词丁\r\n测试禁用词戊\r\n')]));
  assert.equal(st.error, false, st.text);
  assert.match(st.text, /2 个词条/);
  // 测试禁用词己 in GB18030 (GBK range): b2e2 cad4 bdfb d3c3 b4ca bcba.
  st = await importFile('excel-gb18030.txt', Buffer.from('b2e2cad4bdfbd3c3b4cabcba0d0a', 'hex'));
  assert.equal(st.error, false, st.text);
  assert.match(st.text, /1 个词条/);
  await caretAtEnd(editor, '#wxlint-fixture-last');
  await typeText(editor, '，测试禁用词戊，测试禁用词己');
  await waitFor(async () => {
    const texts = await highlightTexts(editor, 'wxlint-block');
    return texts.includes('测试禁用词戊') && texts.includes('测试禁用词己') && texts.includes(TERM);
  }, { message: 'the terms of both Windows files highlighted' });
  assert.equal(await options.locator('#lex-body tr').count(), 3);
});

test('options: after the service worker is stopped (as Chromium does when idle), the next edit is checked with the imported lists', async () => {
  assert.ok(options && editor, 'needs the previous tests');
  await (await env.serviceWorker()).evaluate(() => { globalThis.__e2eMarker = 'before-stop'; });
  const cdp = await env.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await caretAtEnd(editor, '#wxlint-fixture-last');
  await typeText(editor, '，测试禁用词丁');
  await waitFor(async () => (await highlightTexts(editor, 'wxlint-block')).includes('测试禁用词丁'), { message: 'a check by the restarted worker' });
  const marker = await (await env.serviceWorker()).evaluate(() => globalThis.__e2eMarker ?? null);
  assert.equal(marker, null, 'the worker was really restarted');
  assert.equal((await stats(env, editor)).errors, 0);
});

test('options: no request leaves the intercepted fixture routes (pages, extension pages, service worker)', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
