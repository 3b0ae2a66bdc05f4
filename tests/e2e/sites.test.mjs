// 秀米 and 135编辑器 (issue 14): fixture pages at their real addresses (tests/e2e/fixtures/README.md).
// The extension asks for these hosts as OPTIONAL host permissions: without them nothing runs there.
// A browser where the user granted them is a test-only copy of the extension whose manifest lists
// the hosts as granted (headless Chromium cannot click the permission prompt); the shipped
// manifest is never changed. Granted and enabled on the options page: the article is extracted
// (title, author, digest, blocks with their style hints, images), highlighted, listed in the
// panel; there is no guard, but the copy / sync button gets a warning badge and a click on it a
// summary, without being stopped; the panel says whether it found that button. A field it did not
// recognise (135编辑器's title…) is left out of the article: nothing is reported about it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  launch, stageExtension, siteUrl, waitFor, holds, highlights, highlightTexts, panel, status, tabMessage,
  openOptions, screenshot, assertOnlyFixtureTraffic,
} from './harness.mjs';

const OPTIONAL = JSON.parse(fs.readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')).optional_host_permissions;

async function open(env, site, query) {
  const page = await env.context.newPage();
  await page.goto(siteUrl(site, query), { waitUntil: 'load' });
  return page;
}

const hostExists = (page) => page.evaluate(() => !!document.getElementById('wxlint-extension-root'));

test('sites: the shipped extension asks for 秀米 and 135编辑器 only as optional hosts; without them nothing runs there', async () => {
  const manifest = JSON.parse(fs.readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
  assert.ok(OPTIONAL.some((h) => h.includes('xiumi.us')) && OPTIONAL.some((h) => h.includes('135editor.com')));
  assert.ok(!manifest.host_permissions.some((h) => /xiumi|135editor/.test(h)), 'not in the granted host permissions');
  assert.ok(!JSON.stringify(manifest.content_scripts).match(/xiumi|135editor/), 'no static content script for them');
  const env = await launch();
  try {
    // Even with the switch on (e.g. a settings file imported from another computer), no grant: nothing.
    const sw = await env.serviceWorker();
    await sw.evaluate(() => chrome.storage.local.set({ 'wxlint.sites': { xiumi: true, e135: true } }));
    const states = await sw.evaluate(async () => (await chrome.permissions.contains({ origins: ['https://xiumi.us/*'] })));
    assert.equal(states, false);
    for (const site of ['xiumi', 'e135']) {
      const page = await open(env, site);
      await holds(async () => !(await hostExists(page)), 4000, `something ran on ${site} without the permission`);
      await page.close();
    }
    const options = await openOptions(env);
    await waitFor(async () => /授权/.test(await options.locator('#site-xiumi-state').textContent()), { message: 'the options page saying the grant is missing' });
    assert.equal(await options.locator('#site-xiumi').isChecked(), false);
    await options.close();
    await assertOnlyFixtureTraffic(env);
  } finally {
    await env.close();
  }
});

let env;
before(async () => { env = await launch({ extensionDir: stageExtension(OPTIONAL) }); });
after(async () => { await env?.close(); });

test('sites: granted but not switched on: still nothing; switched on in the options page: the checks run there', async () => {
  let page = await open(env, 'xiumi');
  await holds(async () => !(await hostExists(page)), 3000, 'ran before the user switched it on');
  await page.close();
  const options = await openOptions(env);
  await options.locator('#site-xiumi').check();
  await options.locator('#site-e135').check();
  await waitFor(async () => (await options.locator('#site-xiumi-state').textContent()) === '已开启' && (await options.locator('#site-e135-state').textContent()) === '已开启', { message: 'both switched on' });
  const sw = await env.serviceWorker();
  await waitFor(async () => (await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length === 2, { message: 'the content scripts registered' });
  await options.close();
  page = await open(env, 'xiumi');
  await waitFor(async () => (await status(env, page).catch(() => null))?.checked, { message: 'the check on 秀米' });
  await page.close();
});

test('sites: 秀米 — title, author, digest and the paper\'s blocks and images are read; a word typed into a block is highlighted; the captionless image is reported', async () => {
  const page = await open(env, 'xiumi');
  await waitFor(async () => (await status(env, page).catch(() => null))?.checked, { message: 'the check on 秀米' });
  const st = await status(env, page);
  assert.equal(st.site, 'xiumi');
  assert.deepEqual(st.fields, { body: true, title: true, author: true, digest: true });
  const { article } = await tabMessage(env, page, { type: 'article' });
  assert.equal(article.title, '东湖小学开展“红领巾爱读书”主题阅读活动');
  assert.equal(article.author, '东湖小学少先队');
  assert.equal(article.digest, '东湖小学开展主题阅读活动，全校学生共读经典。');
  assert.deepEqual(article.blocks.map((b) => b.type), ['text', 'image', 'text', 'text', 'image', 'text']);
  assert.doesNotMatch(JSON.stringify(article), /编辑 删除 上移/, 'the blocks\' toolbars are not article text');
  assert.equal(article.blocks[2].style.align, 'center');
  assert.equal(article.blocks[2].style.fontSize, 12);
  let p = await panel(page);
  assert.deepEqual(p.items.filter((i) => i.rule === 'image-caption').map((i) => i.where), ['第 2 张图片']);
  assert.match(p.info || '', /这里没有“发表”按钮/);
  await waitFor(async () => /已找到“拷贝到公众号”按钮/.test((await panel(page)).info || ''), { message: 'the panel saying the copy button was found' });

  const block = page.locator('#wxlint-fixture-last p');
  await block.click();
  await page.keyboard.press('End');
  await page.keyboard.type('，出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'the highlight in the 秀米 block' });
  p = await panel(page);
  assert.equal(p.logo, 'block', 'the panel turns red');

  // The copy button: a warning badge on it, a summary when clicked, and the click goes through.
  const badge = await waitFor(() => page.evaluate(() => {
    const b = document.getElementById('wxlint-extension-root').shadowRoot.querySelector('.marks .sync-badge');
    if (!b) return null;
    const r = b.getBoundingClientRect();
    const btn = document.querySelector('.btn-copy-to-mp').getBoundingClientRect();
    return { text: b.textContent, title: b.title, near: Math.abs(r.left + r.width / 2 - btn.right) < 30 && Math.abs(r.top + r.height * 0.6 - btn.top) < 30 };
  }), { message: 'the warning badge on 拷贝到公众号' });
  assert.equal(badge.text, '1');
  assert.equal(badge.near, true);
  assert.match(badge.title, /必须修改 1 处/);
  await page.locator('.btn-copy-to-mp').click();
  assert.equal(await page.evaluate(() => window.__marks.copies), 1, 'the copy was not stopped');
  assert.match(await page.locator('#wxlint-extension-root .toast').innerText(), /还有 1 处“必须修改”/);
  console.log(`screenshot: ${await screenshot(page, 'xiumi')}`);
  await page.close();
});

/** The warning badge(s) on the page's sync / copy button, and whether each sits on it. */
const syncBadge = (page, button) => page.evaluate((sel) => {
  const all = [...document.getElementById('wxlint-extension-root').shadowRoot.querySelectorAll('.marks .sync-badge')];
  if (!all.length) return null;
  const btn = document.querySelector(sel).getBoundingClientRect();
  return all.map((b) => {
    const r = b.getBoundingClientRect();
    return { text: b.textContent, title: b.title, near: Math.abs(r.left + r.width / 2 - btn.right) < 30 && Math.abs(r.top + r.height * 0.6 - btn.top) < 30 };
  });
}, button);

test('sites: 135编辑器 — the UEditor body in the iframe is read (blocks, image, style hints) and highlighted; fields it did not recognise are not checked; the sync button gets the badge and the reminder', async () => {
  let page = await open(env, 'e135');
  await waitFor(async () => (await status(env, page).catch(() => null))?.checked, { message: 'the check on 135编辑器' });
  let p = await panel(page);
  assert.match(p.info, /135编辑器：已识别正文；没有识别到标题、作者、摘要，只检查已识别的部分/);
  assert.match(p.info, /已找到“同步到公众号”按钮/, 'the panel says the sync button was found');
  const st = await status(env, page);
  assert.deepEqual(st.fields, { body: true, title: false, author: false, digest: false });
  assert.equal(st.syncButton, '同步到公众号');
  // Only the recognised parts: the unrecognised title, author and digest are left out of the
  // article, and the checker reports nothing about them (no 标题不能为空).
  let { article, findings } = await tabMessage(env, page, { type: 'article' });
  assert.deepEqual(Object.keys(article).sort(), ['blocks'], 'no title, author or digest sent');
  assert.deepEqual(findings.filter((f) => f.field !== 'body'), [], 'no finding about a field that was not recognised');
  assert.deepEqual(p.items.filter((i) => i.rule === 'title-length' || ['标题', '作者', '摘要'].includes(i.where)), []);
  assert.equal(findings.filter((f) => f.severity === 'block').length, 0, 'nothing to fix yet');
  // The blocks of the iframe's body, with their style hints; the image with its size.
  assert.deepEqual(article.blocks.map((b) => b.type), ['text', 'image', 'text', 'text']);
  assert.equal(article.blocks[0].text, '6月10日上午，西河镇在河堤开展防汛应急演练，镇村干部和应急队员共80余人参加。');
  assert.equal(article.blocks[3].text, '供稿：西河镇应急办');
  assert.deepEqual({ fontSize: article.blocks[0].style.fontSize, align: article.blocks[0].style.align, withImage: article.blocks[0].style.withImage }, { fontSize: 16, align: 'left', withImage: false });
  const img = article.blocks[1];
  assert.deepEqual({ src: img.src, width: img.width, height: img.height, caption: img.caption }, { src: 'https://mmbiz.qpic.cn/mmbiz_jpg/Ef56Gh78/640?wx_fmt=jpeg', width: 1080, height: 648, caption: null });
  assert.deepEqual(p.items.filter((i) => i.rule === 'image-caption').map((i) => i.where), ['第 1 张图片'], 'the captionless image is reported');
  const reviewBefore = findings.filter((f) => f.severity === 'review').length;

  await page.evaluate(() => {
    const d = document.querySelector('#ueditor_0').contentDocument;
    const last = d.getElementById('wxlint-fixture-last');
    d.body.focus();
    d.getSelection().collapse(last.firstChild, last.firstChild.length);
  });
  await page.locator('#ueditor_0').focus();
  await page.keyboard.type('，代购大麻');
  await waitFor(async () => ((await highlights(page, '#ueditor_0'))['wxlint-block'] || []).some((r) => r.text === '代购大麻'), { message: 'the highlight in the iframe' });
  ({ article, findings } = await tabMessage(env, page, { type: 'article' }));
  assert.deepEqual(findings.filter((f) => f.severity === 'block').map((f) => [f.field, f.text]), [['body', '代购大麻']], 'one finding to fix: the typed word, none for the title');
  p = await panel(page);
  assert.equal(p.badges.block, 1);

  // The sync button: a badge with the count of must-fix and sign-off findings, a reminder on
  // the click, and the click goes through.
  const expected = 1 + reviewBefore;
  const badges = await waitFor(async () => {
    const b = await syncBadge(page, '.btn-sync');
    return b && b[0].text === String(expected) ? b : null;
  }, { message: `the badge ${expected} on 同步到公众号` });
  assert.equal(badges.length, 1);
  assert.equal(badges[0].near, true, 'the badge sits on the button');
  assert.equal(badges[0].title, `必须修改 1 处、需领导审核 ${reviewBefore} 处：复制或同步前请先处理`);
  await page.locator('.btn-sync').click();
  assert.equal(await page.evaluate(() => window.__marks.syncs), 1, 'the sync was not stopped');
  assert.match(await page.locator('#wxlint-extension-root .toast').innerText(), new RegExp(`还有 1 处“必须修改”、${reviewBefore} 处“需领导审核”`));
  console.log(`screenshot: ${await screenshot(page, 'e135')}`);
  await page.close();

  // The fields under names the hints know: all of them read and checked.
  page = await open(env, 'e135', { fields: 1 });
  await waitFor(async () => (await status(env, page).catch(() => null))?.checked, { message: 'the check with the fields' });
  p = await panel(page);
  assert.match(p.info, /135编辑器：已识别标题、作者、摘要和正文/);
  assert.deepEqual((await status(env, page)).fields, { body: true, title: true, author: true, digest: true });
  ({ article } = await tabMessage(env, page, { type: 'article' }));
  assert.deepEqual({ title: article.title, author: article.author, digest: article.digest }, { title: '西河镇开展防汛应急演练', author: '西河镇', digest: '西河镇开展防汛应急演练。' });
  assert.equal(article.blocks.length, 4);
  // A recognised field is checked: emptied, the title is reported.
  await page.fill('input#title', '');
  await waitFor(async () => (await panel(page)).items.some((i) => i.rule === 'title-length' && i.severity === 'block' && i.where === '标题'), { message: '标题不能为空 for the emptied, recognised title' });
  await page.close();

  // No sync button the hints know: the panel says so (no badge, no reminder anywhere).
  page = await open(env, 'e135', { sync: 'none' });
  await waitFor(async () => (await status(env, page).catch(() => null))?.checked, { message: 'the check without a sync button' });
  await waitFor(async () => /没有找到复制或同步到公众号的按钮/.test((await panel(page)).info || ''), { message: 'the panel saying no sync button was found' });
  assert.equal((await status(env, page)).syncButton, '');
  await page.close();
});

test('sites: switched off in the options page, the permission is given back and nothing runs there any more', async () => {
  const options = await openOptions(env);
  await options.locator('#site-xiumi').uncheck();
  await waitFor(async () => (await options.locator('#site-xiumi-state').textContent()) !== '已开启', { message: 'switched off' });
  const sw = await env.serviceWorker();
  await waitFor(async () => !(await sw.evaluate(() => chrome.scripting.getRegisteredContentScripts())).some((c) => c.id === 'wxlint-xiumi'), { message: 'unregistered' });
  await options.close();
  const page = await open(env, 'xiumi');
  await holds(async () => !(await hostExists(page)), 3000, 'ran after being switched off');
  await page.close();
});

test('sites: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
