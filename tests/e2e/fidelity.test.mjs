// The extension on the 2026 WeChat editor as public code shows it (tests/e2e/fixtures/README.md):
// the body container without `.view`, `textarea#title`, a read-only author, the picture-post
// editor, the 原创 / 转载 fields never taken for the body, and the cross-check with the page's own
// title counter and editor API (read from the MAIN world; the DOM stays the primary source).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openEditor, waitFor, highlights, highlightTexts, panel, status, tabMessage, caretAtEnd, typeText,
  assertOnlyFixtureTraffic,
} from './harness.mjs';

const LAST = '#wxlint-fixture-last';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const article = (page) => tabMessage(env, page, { type: 'article' });
const bodyText = (a) => a.blocks.map((b) => (b.type === 'text' ? b.text : `[img ${b.caption || ''}]`)).join('\n');

test('fidelity: the 2026 body (#ueditor_0 div > .mock-iframe-body > .rich_media_content > .ProseMirror, no .view) is found and read exactly', async () => {
  const page = await openEditor(env, 'prosemirror');
  assert.equal(await page.evaluate(() => document.querySelectorAll('.mock-iframe-body .view').length), 0, 'the fixture has no .view');
  const st = await status(env, page);
  assert.equal(st.kind, 'wechat-article');
  const a = (await article(page)).article;
  assert.equal(a.title, '柳河镇中心幼儿园举办“亲子阅读月”启动仪式');
  assert.equal(a.author, '柳河幼儿园');
  assert.equal(a.blocks.filter((b) => b.type === 'image').length, 2);
  assert.match(bodyText(a), /^4月23日是世界读书日/);
  assert.match(bodyText(a), /供稿：柳河镇中心幼儿园$/);
  assert.doesNotMatch(bodyText(a), /输入“\/”插入内容|这一栏不是正文/, 'no placeholder widget, no 原创 / 转载 text');
  await page.close();
});

test('fidelity: the 原创 and 转载 areas\' editable fields are never taken for the body, even before it in the page', async () => {
  const page = await openEditor(env, 'prosemirror', { extra: 'before' });
  const order = await page.evaluate(() => [...document.querySelectorAll('.ProseMirror')].map((el) => el.closest('#js_original_area') ? 'original' : el.closest('.title-editor__input') ? 'title' : el.closest('.mock-iframe-body') ? 'body' : 'other'));
  assert.deepEqual(order, ['title', 'original', 'body'], 'the 原创 field is the first non-title ProseMirror of the page');
  const a = (await article(page)).article;
  assert.doesNotMatch(bodyText(a), /这一栏不是正文/);
  assert.match(bodyText(a), /^4月23日是世界读书日/);
  // Typing a prohibited word into the 原创 field: not the article, not checked.
  await caretAtEnd(page, '.original_primary_tips_input p');
  await typeText(page, '出售冰毒');
  await caretAtEnd(page, LAST);
  await typeText(page, '。');
  await waitFor(async () => /。$/.test(bodyText((await article(page)).article)), { message: 'the check after the edit' });
  assert.deepEqual(await highlightTexts(page, 'wxlint-block'), []);
  await page.close();
});

test('fidelity: a visible textarea#title (no title ProseMirror) is the title; typing in it is checked and its overflow is reported', async () => {
  const page = await openEditor(env, 'prosemirror', { title: 'textarea' });
  assert.equal((await article(page)).article.title, '柳河镇中心幼儿园举办“亲子阅读月”启动仪式');
  await page.click('textarea#title');
  await page.keyboard.press('End');
  await page.keyboard.type('出售冰毒');
  const p = await waitFor(async () => {
    const x = await panel(page);
    return x.items.some((i) => i.where === '标题' && i.rule === 'prohibited') ? x : null;
  }, { message: 'the title finding' });
  assert.deepEqual(p.items.filter((i) => i.where === '标题').map((i) => i.text), ['“出售冰毒”']);
  await page.close();
});

test('fidelity: a read-only author (fixed by the account) is read and its findings say so', async () => {
  const page = await openEditor(env, 'prosemirror', { author: 'readonly' });
  await page.evaluate(() => { const a = document.querySelector('input#author'); a.value = '柳河镇中心幼儿园宣传办公室'; });
  await waitFor(async () => (await article(page)).article.author === '柳河镇中心幼儿园宣传办公室', { message: 'the author set by the page to be read' });
  const p = await waitFor(async () => { const x = await panel(page); return x.items.some((i) => i.rule === 'author-length') ? x : null; }, { message: 'the author-length finding' });
  assert.equal(p.items.find((i) => i.rule === 'author-length').where, '作者（只读）');
  await page.close();
});

test('fidelity: the picture-post editor (createType=8): its text is read from .share-text__input, the guide words and the empty body are not mixed in', async () => {
  const page = await openEditor(env, 'prosemirror', { createType: 8 });
  const st = await status(env, page);
  assert.equal(st.kind, 'wechat-picture');
  const a = (await article(page)).article;
  assert.equal(a.digest, '今天的阅读活动很精彩，小朋友们都拿到了阅读小书签。');
  assert.deepEqual(a.blocks, [], 'the hidden article body is empty; the share text is not taken for it');
  assert.doesNotMatch(JSON.stringify(a), /点击图片查看更多/, 'the guide words are not part of the article');
  await caretAtEnd(page, '.share-text__input p');
  await typeText(page, '出售冰毒');
  await waitFor(async () => {
    const r = (await highlights(page))['wxlint-block'] || [];
    return r.length === 1 && r[0].text === '出售冰毒';
  }, { message: 'the highlight in the share text' });
  const p = await panel(page);
  assert.deepEqual(p.items.filter((i) => i.rule === 'prohibited').map((i) => i.where), ['摘要']);
  await page.close();
});

test('fidelity: the page\'s own title counter and editor API agree with what was read: no notice; when they differ, the panel says so', async () => {
  const page = await openEditor(env, 'prosemirror');
  const cc = await waitFor(async () => { const s = await status(env, page); return s.crossCheck && s.crossCheck.title && s.crossCheck.body ? s.crossCheck : null; }, { message: 'the cross-check' });
  assert.deepEqual(cc.title, { editor: 21, extracted: 21, ok: true });
  assert.equal(cc.body.ok, true, JSON.stringify(cc.body));
  assert.equal((await panel(page)).info, null);
  await page.close();

  const off = await openEditor(env, 'prosemirror', { jsapi_title_offset: 3, jsapi_body: 'extra' });
  await caretAtEnd(off, LAST);
  await typeText(off, '。');
  const p = await waitFor(async () => { const x = await panel(off); return x.info && /标题为 24 字/.test(x.info) && /正文与编辑器/.test(x.info) ? x : null; }, { message: 'the cross-check notices', timeout: 20_000 });
  assert.match(p.info, /wxlint 读到 21 字/);
  const st = await status(env, off);
  assert.equal(st.crossCheck.title.ok, false);
  assert.equal(st.crossCheck.body.ok, false);
  await off.close();
});

test('fidelity: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
