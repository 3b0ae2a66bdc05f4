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

/**
 * Import a file with bad lines: the problems are listed (line, the line quoted, what to write
 * instead); `choice` 'skip' imports the rest, 'cancel' imports nothing. Returns the problems and
 * the status line afterwards.
 */
async function importWithProblems(name, content, choice, mimeType = 'text/plain') {
  await options.setInputFiles('#lex-file', { name, mimeType, buffer: Buffer.from(content, 'utf8') });
  await options.locator('#lex-problems').waitFor({ state: 'visible', timeout: TIMEOUT });
  const problems = await options.evaluate(() => [...document.querySelectorAll('#lex-problems li')].map((li) => ({
    line: Number(li.dataset.line),
    quote: li.querySelector('q').textContent,
    why: li.querySelector('.why').textContent,
  })));
  const heading = await options.locator('#lex-problems p.error').textContent();
  await options.locator(choice === 'skip' ? '#lex-problems button.skip' : '#lex-problems button.cancel').click();
  const st = await waitFor(async () => {
    const text = await options.locator('#lex-status').textContent();
    return text ? { text, error: await options.locator('#lex-status').evaluate((el) => el.classList.contains('error')) } : null;
  }, { message: `the status after ${choice}` });
  await options.evaluate(() => { document.getElementById('lex-status').textContent = ''; });
  return { problems, heading, status: st };
}

test('options: a word list with bad lines lists them (line number, the line quoted, what to write instead, in plain Chinese); 不导入 keeps the previous list active', async () => {
  assert.ok(options && editor, 'needs the previous test');
  const previous = await storedLexicons();
  assert.equal(previous.length, 1);

  // Same file name, line 3 is an unknown severity.
  let r = await importWithProblems('e2e-words.txt', `${TERM}\n${NEW_TERM}\n@severity fatal\n`, 'cancel');
  assert.deepEqual(r.problems.map((p) => p.line), [3]);
  assert.equal(r.problems[0].quote, '@severity fatal');
  assert.match(r.problems[0].why, /级别“fatal”无效。请写 block（必须修改）、review（需领导审核）/);
  assert.match(r.heading, /1 行无法使用/);
  assert.equal(r.status.error, true);
  assert.match(r.status.text, /原来的词库继续生效/);

  // The message of the issue: a field that is not key=value, said plainly, with what to write.
  r = await importWithProblems('e2e-fields.txt', `${NEW_TERM}\n赌博 | 严重\n`, 'cancel');
  assert.deepEqual(r.problems.map((p) => [p.line, p.quote]), [[2, '赌博 | 严重']]);
  assert.match(r.problems[0].why, /竖线“\|”后面要写“名称=内容”，例如“\| suggest=替换的词”；“严重”不是这种写法/);
  assert.doesNotMatch(r.problems[0].why, /key=value|field/, 'no English in the explanation');

  // A .csv: the reported line is the CSV line (header counted), the CSV line is what is quoted.
  r = await importWithProblems('e2e-words.csv', `词,建议\n${NEW_TERM},删除\n***,\n`, 'cancel', 'text/csv');
  assert.deepEqual(r.problems.map((p) => [p.line, p.quote]), [[3, '***,']]);
  assert.match(r.problems[0].why, /没有文字或数字/);
  // A field the lexicon format cannot express.
  r = await importWithProblems('e2e-pipe.csv', `词,建议\n${NEW_TERM},删除\n坏|词,x\n`, 'cancel', 'text/csv');
  assert.deepEqual(r.problems.map((p) => p.line), [3]);

  assert.deepEqual(await storedLexicons(), previous, 'the stored lists are unchanged');
  assert.equal(await options.locator('#lex-body tr').count(), 1);
  const bg = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
  assert.deepEqual(bg.lexiconErrors, []);

  // In the editor, after fresh checks: the previous list's term is still highlighted, the refused file's is not.
  await recheck();
  await waitFor(async () => (await highlightTexts(editor, 'wxlint-block')).includes(TERM), { message: `${TERM} still highlighted`, timeout: TIMEOUT });
  assert.deepEqual(await highlightTexts(editor, 'wxlint-block'), [TERM]);
});

test('options: 跳过这几行 is an explicit choice: the good lines are imported and the skipped ones still reported', async () => {
  assert.ok(options && editor, 'needs the previous tests');
  const r = await importWithProblems('e2e-skip.txt', `测试禁用词丙\n坏词 | 严重\n@wrong\n测试禁用词庚\n`, 'skip');
  assert.deepEqual(r.problems.map((p) => p.line), [2, 3]);
  assert.match(r.problems[1].why, /“@wrong”不是可用的指令/);
  assert.equal(r.status.error, false, r.status.text);
  assert.match(r.status.text, /已导入“e2e-skip\.txt”：2 个词条.*跳过了第 2、3 行/);
  const stored = (await storedLexicons()).find((l) => l.name === 'e2e-skip.txt');
  assert.deepEqual(stored.skipped, [2, 3]);
  await caretAtEnd(editor, '#wxlint-fixture-last');
  await typeText(editor, '，测试禁用词庚');
  await waitFor(async () => (await highlightTexts(editor, 'wxlint-block')).includes('测试禁用词庚'), { message: 'a term after the skipped lines in use' });
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
  assert.equal(await options.locator('#lex-body tr').count(), 4);
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
