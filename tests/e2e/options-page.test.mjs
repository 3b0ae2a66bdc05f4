// The options page as a school editor sees it: Chinese labels only (no rule ids, no English
// category names), checkboxes for every category and topic, controls that neither overflow nor
// collapse, a sticky save bar that says when something is unsaved, and the whole configuration
// exported to one file and imported back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openOptions, waitFor, screenshot, assertOnlyFixtureTraffic } from './harness.mjs';

let env;
let options;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const stored = (key) => options.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

test('options page: Chinese labels only — no rule id, no English category or topic id anywhere on the page', async () => {
  options = await openOptions(env);
  const rules = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'rules' }));
  const text = await options.evaluate(() => document.body.innerText);
  for (const r of rules.rules) assert.ok(!text.includes(r.id), `rule id ${r.id} shown`);
  for (const id of ['gambling', 'violence-terror', 'cults-superstition', 'emergency', 'major-meeting', 'party-government', 'school-image', 'disability', 'misspelling', 'rewritten', 'context', 'de-di-de', 'doubled', 'custom']) {
    assert.ok(!new RegExp(`\\b${id}\\b`).test(text), `id ${id} shown`);
  }
  assert.doesNotMatch(text, /key=value|field '/);
  // The topics of the sign-off rule are checkboxes with their Chinese names.
  const topics = await options.locator('.rule[data-rule="sign-off-topic"] fieldset.cats label').allTextContents();
  assert.deepEqual(topics.map((x) => x.trim()), ['突发事件', '重要会议', '党政新闻', '教育改革', '大型活动', '学校形象']);
  const cats = await options.locator('.rule[data-rule="expression"] fieldset.cats label').allTextContents();
  assert.equal(cats.length, 4);
  assert.ok(cats.every((c) => /[\u4e00-\u9fff]/.test(c)));
  assert.deepEqual(await options.locator('#lex-category option').allTextContents(), ['赌博', '毒品', '色情', '暴力恐怖', '枪爆管制物品', '邪教与封建迷信', '诈骗', '侮辱谩骂', '自定义']);
});

test('options page: no control overflows its row or collapses (1280 px and 760 px wide)', async () => {
  for (const width of [1280, 760]) {
    await options.setViewportSize({ width, height: 900 });
    const bad = await options.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('main input:not([type=checkbox]):not([type=file]), main select, main textarea, main button')) {
        if (el.closest('[hidden]') || !el.getClientRects().length) continue;
        const r = el.getBoundingClientRect();
        const section = el.closest('section') || document.querySelector('main');
        const s = section.getBoundingClientRect();
        if (r.width < 60) out.push(`${el.id || el.className || el.tagName}: ${Math.round(r.width)} px wide`);
        if (r.right > s.right + 0.5 || r.left < s.left - 0.5) out.push(`${el.id || el.className || el.tagName}: outside its section (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(s.left)}–${Math.round(s.right)})`);
      }
      return out;
    });
    assert.deepEqual(bad, [], `at ${width} px`);
    console.log(`screenshot: ${await screenshot(options, `options-${width}`)}`);
  }
  await options.setViewportSize({ width: 1280, height: 900 });
});

test('options page: the save bar stays at the bottom of the window, says when there are unsaved changes, saves and discards', async () => {
  const bar = options.locator('#savebar');
  const inView = async () => options.evaluate(() => {
    const r = document.getElementById('savebar').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight + 0.5 && r.height > 20;
  });
  assert.ok(await inView(), 'the bar is on screen at the top of the page');
  assert.equal(await options.locator('#save').isDisabled(), true, 'nothing to save yet');
  // A change far down the page: the bar is still on screen, and says so.
  const topic = options.locator('.rule[data-rule="sign-off-topic"] fieldset.cats input[value="emergency"]');
  await topic.scrollIntoViewIfNeeded();
  await topic.check();
  assert.ok(await inView(), 'the bar is on screen next to the change');
  assert.equal((await options.locator('#save-state').textContent()).trim(), '有尚未保存的更改');
  assert.ok(await bar.evaluate((el) => el.classList.contains('dirty')));
  await options.locator('#save').click();
  await waitFor(async () => (await options.locator('#save-state').textContent()).includes('已保存'), { message: 'saved' });
  assert.deepEqual((await stored('wxlint.rules'))['sign-off-topic'], { options: { ignoreCategories: ['emergency'] } });
  assert.equal(await options.locator('#save').isDisabled(), true);
  // Discard: the form goes back to what is saved.
  await options.locator('#allow-text').fill('路口交通\n某某公开电话');
  assert.equal((await options.locator('#save-state').textContent()).trim(), '有尚未保存的更改');
  await options.locator('#discard').click();
  await waitFor(async () => (await options.locator('#allow-text').inputValue()) === '', { message: 'discarded' });
  assert.equal(await options.locator('#save').isDisabled(), true);
});

test('options page: the whole configuration is exported to one file and imported back (after a confirmation that says what it replaces)', async () => {
  await options.locator('#allow-text').fill('路口交通');
  await options.locator('#save').click();
  await waitFor(async () => (await options.locator('#save-state').textContent()).includes('已保存'), { message: 'saved' });
  await options.setInputFiles('#lex-file', { name: 'e2e-words.txt', mimeType: 'text/plain', buffer: Buffer.from('测试禁用词甲\n') });
  await waitFor(async () => /已导入/.test(await options.locator('#lex-status').textContent()), { message: 'the list imported' });

  const [download] = await Promise.all([options.waitForEvent('download'), options.locator('#settings-export').click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-settings-')), download.suggestedFilename());
  await download.saveAs(file);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(data.format, 'wxlint-settings');
  assert.deepEqual(data.allow, ['路口交通']);
  assert.deepEqual(data.rules['sign-off-topic'], { options: { ignoreCategories: ['emergency'] } });
  assert.deepEqual(data.lexicons.map((l) => [l.name, l.text]), [['e2e-words.txt', '测试禁用词甲\n']]);

  // Reset everything, then import the file back.
  await options.evaluate(() => chrome.storage.local.set({ 'wxlint.rules': {}, 'wxlint.allow': [], 'wxlint.lexicons': [], 'wxlint.revision': Date.now() }));
  await options.reload();
  await options.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  // A file that is not ours is refused, nothing changes.
  await options.setInputFiles('#settings-file', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await waitFor(async () => /未导入/.test(await options.locator('#backup-status').textContent()), { message: 'refused' });
  assert.match(await options.locator('#backup-status').textContent(), /不是 wxlint 导出的设置文件/);
  await options.setInputFiles('#settings-file', file);
  const confirm = options.locator('#backup-confirm');
  await confirm.waitFor({ state: 'visible' });
  assert.match(await confirm.innerText(), /1 条规则设置、1 个白名单词语、1 个词库/);
  assert.match(await confirm.innerText(), /会替换当前的规则设置、白名单和自定义词库/);
  await confirm.locator('button.apply').click();
  await waitFor(async () => /已导入/.test(await options.locator('#backup-status').textContent()), { message: 'imported' });
  assert.deepEqual(await stored('wxlint.allow'), ['路口交通']);
  assert.deepEqual((await stored('wxlint.rules'))['sign-off-topic'], { options: { ignoreCategories: ['emergency'] } });
  assert.deepEqual((await stored('wxlint.lexicons')).map((l) => l.name), ['e2e-words.txt']);
  assert.equal(await options.locator('.rule[data-rule="sign-off-topic"] input[value="emergency"]').isChecked(), true);
});

test('options page: every category a rule\'s metadata lists is a checkbox (the five of 错别字), and a stored category the page does not offer survives the next save', async () => {
  const typo = options.locator('.rule[data-rule="typo"] fieldset.cats label');
  assert.deepEqual((await typo.allTextContents()).map((x) => x.trim()), ['错别字', '机器改写用词', '据上下文判断的错别字', '“的、地、得”误用', '多打的字']);
  // The checkboxes of each rule are at least the ids its option's description lists (src/rules/*.rs).
  const { rules } = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'rules' }));
  let listed = 0;
  for (const rule of rules) {
    for (const opt of rule.options || []) {
      const m = /（([^（）]*)）\s*$/.exec(opt.descriptionZh);
      const ids = m ? m[1].split('、').map((x) => /^([a-z][a-z-]*) /.exec(x)?.[1]) : [];
      if (!ids.length || !ids.every(Boolean)) continue;
      listed++;
      const boxes = await options.locator(`.rule[data-rule="${rule.id}"] .opt[data-key="${opt.key}"] input[type=checkbox]`).evaluateAll((els) => els.map((e) => e.value));
      assert.deepEqual(ids.filter((id) => !boxes.includes(id)), [], `${rule.id}.${opt.key}: listed in its metadata but no checkbox`);
    }
  }
  assert.ok(listed >= 3, 'typo, expression and sign-off-topic list their ids');

  // A settings file with a category this page offers (context) and one it does not (from a newer version).
  const file = { format: 'wxlint-settings', version: 1, rules: { typo: { options: { ignoreCategories: ['context', 'future-category'] } } }, allow: [], lexicons: [] };
  await options.setInputFiles('#settings-file', { name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await options.locator('#backup-confirm').waitFor({ state: 'visible' });
  await options.locator('#backup-confirm button.apply').click();
  await waitFor(async () => /已导入/.test(await options.locator('#backup-status').textContent()), { message: 'imported' });
  await waitFor(async () => options.locator('.rule[data-rule="typo"] input[value="context"]').isChecked(), { message: 'context ticked after the import' });
  const unknown = options.locator('.rule[data-rule="typo"] input[value="future-category"]');
  assert.equal(await unknown.isChecked(), true, 'the unknown category is shown, ticked');
  // An unrelated change, saved: both stored categories are still there, with the one ticked now.
  await options.locator('.rule[data-rule="typo"] input[value="doubled"]').check();
  await options.locator('#save').click();
  await waitFor(async () => (await options.locator('#save-state').textContent()).includes('已保存'), { message: 'saved' });
  assert.deepEqual((await stored('wxlint.rules')).typo, { options: { ignoreCategories: ['context', 'doubled', 'future-category'] } });
  // Unticking the unknown one removes it.
  await unknown.uncheck();
  await options.locator('#save').click();
  await waitFor(async () => (await stored('wxlint.rules')).typo.options.ignoreCategories.length === 2, { message: 'saved without it' });
  assert.deepEqual((await stored('wxlint.rules')).typo, { options: { ignoreCategories: ['context', 'doubled'] } });
});

test('options page: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
