// Trustworthy ignore / allow-list and honest severity display, on the realistic school article:
// identical findings on one row (nine placeholders), 加入白名单 asks first and says its scope,
// is never offered for a wording error that must be fixed (警钟常鸣), and can be undone; 忽略
// applies to this article, can be undone, and 显示已忽略 lists what was ignored; every action is
// reachable from the keyboard; the badges say what they count and the status icon shows the
// worst open finding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openEditor, openOptions, waitFor, panel, status, highlightTexts, highlightPoint, assertOnlyFixtureTraffic, TIMEOUT,
} from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const PANEL = '#wxlint-extension-root .panel';
const storedAllow = async () => (await env.serviceWorker()).evaluate(async () => (await chrome.storage.local.get('wxlint.allow'))['wxlint.allow'] || []);

async function school(query = {}) {
  const page = await openEditor(env, 'prosemirror', { article: 'school', ...query });
  await waitFor(async () => (await panel(page))?.items.some((i) => i.rule === 'placeholder'), { message: 'the school article checked' });
  return page;
}

test('severity display: labelled badges, a status icon for the worst open finding, nine identical findings on one row', async () => {
  const page = await school();
  const p = await panel(page);
  assert.deepEqual(p.labels.slice(0, 1), [`必须修改 ${p.badges.block}`]);
  assert.ok(p.labels.every((l) => /^(必须修改|需领导审核|建议修改|提示) \d+$/.test(l)), JSON.stringify(p.labels));
  assert.equal(p.logo, 'block', 'must-fix findings: the icon is the must-fix one, not a green tick');
  const xx = p.items.filter((i) => i.rule === 'placeholder');
  assert.equal(xx.length, 1, JSON.stringify(xx));
  assert.equal(xx[0].count, 9);
  assert.equal(xx[0].text, '“xx”');
  assert.match(xx[0].where, /正文第 \d+ 段 等 9 处/);
  // Each click on the row jumps to the next of its nine places.
  const row = page.locator(`${PANEL} li.item[data-rule="placeholder"]`);
  const seen = [];
  for (let i = 0; i < 3; i += 1) {
    await row.click({ position: { x: 10, y: 8 } });
    seen.push((await status(env, page)).lastJump);
  }
  assert.equal(new Set(seen.map((j) => j.block)).size, 3, `three different places: ${JSON.stringify(seen)}`);
  assert.ok(seen.every((j) => j.rule === 'placeholder' && j.text === 'xx'));
  await page.close();
});

test('加入白名单 is never offered for a wording error that must be fixed (警钟常鸣), neither in the panel nor in the hover card', async () => {
  const page = await school();
  const p = await panel(page);
  const wording = p.items.find((i) => i.rule === 'official-wording');
  assert.ok(wording, JSON.stringify(p.items.map((i) => i.rule)));
  assert.equal(wording.text, '“警钟常鸣”');
  assert.deepEqual(wording.actions, ['在本文忽略']);
  const pt = await highlightPoint(page, 'wxlint-block', '警钟常鸣');
  await page.mouse.move(pt.x - 20, pt.y + 30);
  await page.mouse.move(pt.x, pt.y, { steps: 4 });
  const card = page.locator('#wxlint-extension-root .card');
  await card.waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.deepEqual(await card.locator('.actions button').allTextContents(), ['在本文忽略']);
  await page.close();
});

test('加入白名单 asks first, saying it applies to every article; it can be undone; the options page states exactly what the allow-list covers', async () => {
  const page = await openEditor(env, 'prosemirror');
  await page.locator('#wxlint-fixture-last').click();
  await page.keyboard.press('End');
  await page.keyboard.type('。出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'the highlight' });
  const row = page.locator(`${PANEL} li.item[data-rule="prohibited"]`);
  await row.locator('button.allow').click();
  const confirm = page.locator(`${PANEL} .confirm`);
  await confirm.waitFor({ state: 'visible' });
  const text = await confirm.innerText();
  assert.match(text, /将“出售冰毒”加入白名单？/);
  assert.match(text, /所有文章都不再提示“出售冰毒”。/);
  assert.match(text, /白名单对所有规则生效/);
  // Nothing is added before the confirmation; 取消 adds nothing.
  assert.deepEqual(await storedAllow(), []);
  await confirm.locator('button.no').click();
  assert.deepEqual(await storedAllow(), []);
  // Confirmed: gone from the panel, and the toast offers 撤销.
  await row.locator('button.allow').click();
  await confirm.locator('button.yes').click();
  await waitFor(async () => !(await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'allow-listed' });
  assert.deepEqual(await storedAllow(), ['出售冰毒']);
  const toast = page.locator('#wxlint-extension-root .toast');
  assert.match(await toast.innerText(), /已将“出售冰毒”加入白名单：所有文章都不再提示/);
  await toast.locator('button.undo').click();
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'back after 撤销' });
  assert.deepEqual(await storedAllow(), []);
  await page.close();

  const options = await openOptions(env);
  const scope = await options.locator('#allow-scope').textContent();
  assert.match(scope, /所有文章、所有规则/);
  assert.match(scope, /路口交通/);
  assert.match(scope, /标题长度、图片说明等没有文字的检查不受影响/);
  await options.close();
});

test('忽略 (this article only) from the keyboard: Tab to the row\'s button, Enter; focus moves to the toast\'s 撤销 (kept while focused; Enter brings the row back and focus to it; Escape closes it); 显示已忽略 lists it with 恢复提示', async () => {
  const page = await school({ appmsgid: 9200 });
  // Keyboard only: focus the panel's first row, Tab to its 在本文忽略 button.
  await page.locator(`${PANEL} li.item`).first().focus();
  const firstRule = await page.locator(`${PANEL} li.item`).first().getAttribute('data-rule');
  const before = (await panel(page)).items.length;
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.getElementById('wxlint-extension-root').shadowRoot.activeElement?.className);
  assert.equal(focused, 'ignore');
  await page.keyboard.press('Enter');
  await waitFor(async () => (await panel(page)).items.length === before - 1, { message: 'the row ignored' });
  const toast = page.locator('#wxlint-extension-root .toast');
  assert.match(await toast.innerText(), /已在本文忽略/);
  // 撤销 from the keyboard: the row (and its button) went, so focus is on 撤销, not lost on the page.
  const activeInRoot = () => page.evaluate(() => {
    const a = document.getElementById('wxlint-extension-root').shadowRoot.activeElement;
    return a ? { cls: a.className, text: a.textContent, rule: a.dataset.rule || null, inToast: !!a.closest('.toast') } : null;
  });
  assert.deepEqual(await activeInRoot(), { cls: 'undo', text: '撤销', rule: null, inToast: true }, 'focus on the toast\'s 撤销');
  // It stays while it has focus (no timeout under a keyboard user): past the 8 s the toast would last.
  await page.waitForTimeout(8500);
  assert.equal(await toast.isVisible(), true, 'the toast is still there while 撤销 has focus');
  await page.keyboard.press('Enter');
  await waitFor(async () => (await panel(page)).items.length === before, { message: 'back after 撤销 (Enter)' });
  assert.equal(await toast.isVisible(), false);
  // Focus returns to the restored row.
  const back = await waitFor(async () => { const a = await activeInRoot(); return a && a.rule ? a : null; }, { message: 'focus back in the panel' });
  assert.equal(back.rule, firstRule, 'focus on the row that was ignored and is back');
  // Ignore again from the keyboard; Escape closes the toast and returns focus to the panel.
  await page.keyboard.press('Tab');
  assert.equal((await activeInRoot()).cls, 'ignore');
  await page.keyboard.press('Enter');
  await waitFor(async () => (await panel(page)).items.length === before - 1, { message: 'ignored from the keyboard again' });
  assert.equal((await activeInRoot()).cls, 'undo');
  await page.keyboard.press('Escape');
  assert.equal(await toast.isVisible(), false, 'Escape closes the toast');
  const after = await activeInRoot();
  assert.ok(after && /\bitem\b/.test(after.cls), `focus on a panel row after Escape: ${JSON.stringify(after)}`);
  assert.equal((await panel(page)).items.length, before - 1, 'Escape does not undo');

  // Still ignored: 显示已忽略 → 恢复提示.
  const show = page.locator(`${PANEL} button.show-ignored`);
  assert.match(await show.textContent(), /显示已忽略（\d+）/);
  await show.click();
  let p = await panel(page);
  assert.equal(p.ignored.length, 1);
  assert.deepEqual(p.ignored[0].actions, ['恢复提示']);
  await page.locator(`${PANEL} .ignored-list button.unignore`).click();
  p = await waitFor(async () => { const x = await panel(page); return x.items.length === before ? x : null; }, { message: 'shown again' });
  assert.equal(p.ignored.length, 0);

  // Enter on a focused row jumps to it (the keyboard equivalent of a click).
  await page.locator(`${PANEL} li.item`).first().focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await page.evaluate(() => (CSS.highlights.get('wxlint-flash') || { size: 0 }).size)) > 0, { message: 'the jump blink' });
  await page.close();
});

test('options page: 违禁内容 and other lexicon rules say their level comes from each entry ("默认（按词条）"); other rules name their default', async () => {
  const options = await openOptions(env);
  const label = (id) => options.locator(`.rule[data-rule="${id}"] select.severity option[value=""]`).textContent();
  assert.equal(await label('prohibited'), '默认（按词条）');
  assert.equal(await label('sign-off-topic'), '默认（按词条）');
  assert.equal(await label('title-length'), '默认（必须修改）');
  await options.close();
});

test('ignore / allow: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
