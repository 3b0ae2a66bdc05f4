// The publish guard against the whole 2026 publish flow of the new-editor fixture (see the
// fixture's comments for where each step comes from): #js_send → .new_mass_send_dialog 发表 →
// (a confirmation popover) → (创作来源 无需声明并发表) → .double_check_dialog 继续发表 → the
// page's publish handler → the QR check. Both wordings (发表 and the older 群发). The page's
// publish handler must never run while a block finding is open, whatever path opened the flow,
// and must run after 仍要发表 with a reason; the record says how the flow really ended.
// Also the guard dialog itself: focus stays in it, items jump to the problem, reasons per item.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openEditor, waitFor, holds, highlightTexts, guardDialog, markers, caretAtEnd, typeText,
  assertOnlyFixtureTraffic,
} from './harness.mjs';

const LAST = '#wxlint-fixture-last';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function withBlock(query = {}) {
  const page = await openEditor(env, 'prosemirror', query);
  await caretAtEnd(page, LAST);
  await typeText(page, '出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'the block highlight' });
  return page;
}

const openGuard = (page) => waitFor(async () => { const d = await guardDialog(page); return d && !d.waiting ? d : null; }, { message: 'the guard dialog' });

async function overrides(key) {
  const sw = await env.serviceWorker();
  const all = await sw.evaluate(async () => (await chrome.storage.local.get('wxlint.overrides'))['wxlint.overrides'] || {});
  return key ? all[key] || [] : Object.values(all).flat();
}

/** Click the primary button of a page dialog (main world, as a user would). */
async function confirmStep(page, selector, text) {
  const button = page.locator(`${selector} .weui-desktop-btn_primary`, text ? { hasText: text } : {});
  await button.waitFor({ state: 'visible' });
  await button.click();
}

for (const wording of ['fabiao', 'qunfa']) {
  const W = wording === 'qunfa' ? { send: '群发', claim: '无需声明并群发', cont: '继续群发' } : { send: '发表', claim: '无需声明并发表', cont: '继续发表' };

  test(`publish flow (${W.send}): with a block finding, every confirmation step stops before the page's publish handler; 仍要发表 with a reason lets the whole flow run once and is recorded as published`, async () => {
    const appmsgid = wording === 'qunfa' ? 8101 : 8100;
    const page = await withBlock({ wording, popover: 1, claim: 1, appmsgid });

    // A path into the flow the toolbar click does not cover (the page opening its dialog itself):
    // each confirmation is stopped in turn, the page's publish handler never runs.
    await page.evaluate(() => window.__openPublishDialog());
    await page.locator('.new_mass_send_dialog .weui-desktop-btn_primary').click();
    const d = await openGuard(page);
    assert.match(d.text, /出售冰毒/);
    assert.deepEqual((await markers(page)).steps, ['mass'], 'the mass-send dialog\'s own 发表 was stopped');
    await page.locator('#wxlint-extension-root .dialog button.back').click();
    await waitFor(async () => !(await guardDialog(page)), { message: 'the guard dialog to close' });

    // The later steps, reached without the guard ever saying yes (e.g. dialogs the page shows on
    // its own): each of their confirmations is stopped too.
    await page.evaluate(() => document.querySelectorAll('.weui-desktop-dialog__wrp, .weui-desktop-popover__wrp').forEach((x) => x.remove()));
    for (const [open, sel, text] of [
      ['popover', '.weui-desktop-popover__wrp', W.send],
      ['claim', '.claim_source_dialog', W.claim],
      ['double', '.double_check_dialog', W.cont],
    ]) {
      await page.evaluate((step) => {
        // Open one step of the flow directly, like a page whose script went there on its own.
        const q = new URLSearchParams(location.search);
        const send = q.get('wording') === 'qunfa' ? '群发' : '发表';
        const html = {
          popover: `<div class="weui-desktop-popover__wrp"><div class="weui-desktop-popover"><div class="weui-desktop-popover__desc">确定${send}这篇文章吗？</div><div class="weui-desktop-popover__bar"><button class="weui-desktop-btn weui-desktop-btn_default">取消</button><button class="weui-desktop-btn weui-desktop-btn_primary">${send}</button></div></div></div>`,
          claim: `<div class="weui-desktop-dialog__wrp claim_source_dialog"><div class="weui-desktop-dialog"><div class="weui-desktop-dialog__bd">未声明创作来源</div><div class="weui-desktop-dialog__ft"><button class="weui-desktop-btn weui-desktop-btn_default">去声明</button><button class="weui-desktop-btn weui-desktop-btn_primary">无需声明并${send}</button></div></div></div>`,
          double: `<div class="weui-desktop-dialog__wrp double_check_dialog"><div class="weui-desktop-dialog"><div class="weui-desktop-dialog__bd">${send}后不能撤回</div><div class="weui-desktop-dialog__ft"><button class="weui-desktop-btn weui-desktop-btn_default">取消</button><button class="weui-desktop-btn weui-desktop-btn_primary">继续${send}</button></div></div></div>`,
        }[step];
        const t = document.createElement('template');
        t.innerHTML = html;
        const el = t.content.firstElementChild;
        // The page's own handler on the confirmation: publishing, if it ever ran.
        el.querySelector('.weui-desktop-btn_primary').addEventListener('click', () => { window.__marks.published += 1; el.remove(); });
        document.body.appendChild(el);
      }, open);
      await page.locator(`${sel} .weui-desktop-btn_primary`, { hasText: text }).click();
      const g = await openGuard(page);
      assert.equal((await markers(page)).published, 0, `${text} was stopped`);
      assert.match(g.text, /出售冰毒/, `${open}: the guard for ${text}`);
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await guardDialog(page)), { message: 'Escape to close the guard dialog' });
      await page.evaluate((s) => document.querySelector(s)?.remove(), sel);
    }
    await holds(async () => (await markers(page)).published === 0, 500, 'the page published');

    // The real flow from the toolbar, with a reason: it runs once, through every step.
    await page.click('#js_send');
    await openGuard(page);
    const dialog = page.locator('#wxlint-extension-root .dialog');
    await dialog.locator('textarea.reason').fill('禁毒宣传引用，已报分管领导同意');
    await dialog.locator('button.publish').click();
    await confirmStep(page, '.new_mass_send_dialog');
    await confirmStep(page, '.weui-desktop-popover__wrp');
    await confirmStep(page, '.claim_source_dialog', W.claim);
    await confirmStep(page, '.double_check_dialog', W.cont);
    await waitFor(async () => (await markers(page)).published === 1, { message: 'the page\'s publish handler to run' });
    assert.equal(await guardDialog(page), null, 'no step was stopped after 仍要发表');
    const list = await waitFor(async () => { const l = await overrides(`appmsgid:${appmsgid}`); return l.length === 1 && l[0].outcome === 'published' ? l : null; }, { message: 'the record settled as published' });
    const m = await markers(page);
    assert.deepEqual(m.steps.slice(-6), ['mass', 'popover', 'claim', 'double', 'published', 'done']);
    assert.equal(list[0].reason, '禁毒宣传引用，已报分管领导同意');
    assert.equal(list[0].step, 'toolbar');
    await page.close();
  });
}

test('publish flow: 仍要发表, then 取消 in WeChat\'s double check (or the dialog\'s ×), is recorded as cancelled, not as published', async () => {
  const page = await withBlock({ appmsgid: 8200 });
  await page.click('#js_send');
  await openGuard(page);
  await page.locator('#wxlint-extension-root .dialog textarea.reason').fill('测试取消');
  await page.locator('#wxlint-extension-root .dialog button.publish').click();
  await confirmStep(page, '.new_mass_send_dialog');
  await page.locator('.double_check_dialog .weui-desktop-btn_default', { hasText: '取消' }).click();
  let list = await waitFor(async () => { const l = await overrides('appmsgid:8200'); return l.length === 1 && l[0].outcome !== 'pending' ? l : null; }, { message: 'the record settled' });
  assert.equal(list[0].outcome, 'cancelled');
  assert.equal((await markers(page)).published, 0);

  // Again (the same findings pass now, no new record), closed with the dialog's ×.
  await page.click('#js_send');
  await page.locator('.new_mass_send_dialog .weui-desktop-dialog__close-btn').click();
  await holds(async () => (await overrides('appmsgid:8200')).length === 1, 1000, 'a second record for the same findings');
  list = await overrides('appmsgid:8200');
  assert.equal(list[0].outcome, 'cancelled');
  await page.close();
});

test('guard dialog: focus stays in the dialog (Tab and Shift+Tab cycle; a click behind it does not take focus away); items jump to the problem; each item can have its own reason', async () => {
  const page = await withBlock({ appmsgid: 8300 });
  await caretAtEnd(page, '.mock-iframe-body .ProseMirror > p:nth-of-type(1)');
  await typeText(page, '代购大麻');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).length === 2, { message: 'two block highlights' });
  await page.click('#js_send');
  await openGuard(page);

  const activeInDialog = () => page.evaluate(() => {
    const sr = document.getElementById('wxlint-extension-root').shadowRoot;
    const a = sr.activeElement;
    return a && a.closest('.dialog') ? (a.className || a.tagName) : `outside: ${document.activeElement && (document.activeElement.id || document.activeElement.tagName)}`;
  });
  const seen = new Set();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    const a = await activeInDialog();
    assert.doesNotMatch(a, /^outside/, `Tab ${i + 1} left the dialog (${a})`);
    seen.add(a);
  }
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('Shift+Tab');
    assert.doesNotMatch(await activeInDialog(), /^outside/);
  }
  // The jump buttons, the reason, the per-item switch and 返回修改 (仍要发表 is disabled until a reason is given).
  assert.ok(['jump', 'reason', 'per-item', 'back'].every((k) => [...seen].some((x) => x.includes(k))), JSON.stringify([...seen]));
  // 保存为草稿 behind the backdrop cannot be reached (focus is brought back to the dialog).
  await page.evaluate(() => document.querySelector('#js_submit button').focus());
  assert.doesNotMatch(await activeInDialog(), /^outside/);
  assert.equal((await markers(page)).draftSaved, 0);

  // Per-item reasons: 仍要发表 needs a reason for every item when there is no general one.
  const dialog = page.locator('#wxlint-extension-root .dialog');
  await dialog.locator('input.per-item').check();
  const own = dialog.locator('input.own-reason');
  assert.equal(await own.count(), 2);
  await own.nth(0).fill('这一处是引用');
  assert.equal(await dialog.locator('button.publish').isDisabled(), true);
  await own.nth(1).fill('这一处已核实');
  assert.equal(await dialog.locator('button.publish').isDisabled(), false);

  // An item jumps to its problem: the dialog closes, the word is selected in the editor.
  await dialog.locator('.block-list button.jump', { hasText: '代购大麻' }).click();
  await waitFor(async () => !(await guardDialog(page)), { message: 'the dialog to close' });
  const selected = await page.evaluate(() => getSelection().toString());
  assert.equal(selected, '代购大麻');
  assert.equal((await markers(page)).sendClicks, 0, 'jumping did not publish');

  // Per-item reasons are recorded with their items (and no general reason copied onto them).
  await page.click('#js_send');
  await openGuard(page);
  await dialog.locator('input.per-item').check();
  await own.nth(0).fill('甲');
  await own.nth(1).fill('乙');
  await dialog.locator('button.publish').click();
  await confirmStep(page, '.new_mass_send_dialog');
  await confirmStep(page, '.double_check_dialog');
  const list = await waitFor(async () => { const l = await overrides('appmsgid:8300'); return l.length && l[0].outcome === 'published' ? l : null; }, { message: 'the record' });
  assert.equal(list[0].reason, '');
  // In the order of the article: 代购大麻 (first paragraph), then 出售冰毒 (the last one).
  assert.deepEqual(list[0].block.map((f) => [f.text, f.reason]), [['代购大麻', '甲'], ['出售冰毒', '乙']]);
  await page.close();
});

test('publish flow: saving a draft and 预览 are never stopped, even in the middle of the flow', async () => {
  const page = await withBlock();
  await page.click('#js_preview');
  await page.click('#js_submit');
  await waitFor(async () => (await markers(page)).draftSaved === 1, { message: 'the draft save' });
  assert.equal(await guardDialog(page), null);
  await page.close();
});


test('guard dialog and panel: a phone number is never broken across two lines', async () => {
  const page = await openEditor(env, 'prosemirror', { article: 'school' });
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('13912345678'), { message: 'the phone number found' });
  // The lines the number takes in an element of the extension's UI (its own text nodes).
  const lines = (sel) => page.evaluate((s) => {
    const sr = document.getElementById('wxlint-extension-root').shadowRoot;
    const out = [];
    for (const root of sr.querySelectorAll(s)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf('13912345678');
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 11);
        out.push(new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size);
      }
    }
    return out;
  }, sel);
  const inPanel = await lines('.panel');
  assert.ok(inPanel.length >= 2, `the number in the panel (${inPanel})`);
  assert.ok(inPanel.every((n) => n === 1), `on one line in the panel: ${inPanel}`);
  await page.click('#js_send');
  await openGuard(page);
  const inDialog = await lines('.dialog');
  assert.ok(inDialog.length >= 2, `the number in the dialog (${inDialog})`);
  assert.ok(inDialog.every((n) => n === 1), `on one line in the dialog: ${inDialog}`);
  await page.close();
});

test('publish flow: no request leaves the intercepted fixture routes', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
