// End-to-end tests of the extension on the NEW editor (Vue + ProseMirror) fixture, served at the
// real address with `script-src 'self'`. One browser context for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openEditor, waitFor, holds, highlights, highlightTexts, panel, guardDialog, markers,
  editorHtml, watchMutations, takeMutations, caretAtEnd, typeText, highlightPoint, stats, status,
  baselineUrl, editorUrl as editorUrlFor, assertOnlyFixtureTraffic, TIMEOUT,
} from './harness.mjs';

const BODY = '.mock-iframe-body .ProseMirror';
const TITLE = '.title-editor__input .ProseMirror';
const LAST = '#wxlint-fixture-last';
const P1 = `${BODY} > p:nth-of-type(1)`;
const P2 = `${BODY} > p:nth-of-type(2)`;

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sortRanges = (list) => [...list].sort((a, b) => `${a.where}${a.paragraph}${a.text}`.localeCompare(`${b.where}${b.paragraph}${b.text}`));

test('prosemirror: the fixture is served at the real address with the real kind of CSP (inline scripts blocked)', async () => {
  const page = await env.context.newPage();
  const response = await page.goto(editorUrlFor('prosemirror'));
  assert.match(page.url(), /^https:\/\/mp\.weixin\.qq\.com\/cgi-bin\/appmsg\?t=media%2Fappmsg_edit_v2&action=edit&/);
  assert.equal(response.headers()['content-security-policy'], "script-src 'self'");
  const inline = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(`blocked: ${e.violatedDirective}`), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true;';
    document.head.append(s);
    setTimeout(() => resolve(window.__inlineRan ? 'ran' : 'no event'), 2000);
  }));
  assert.match(inline, /^blocked: script-src/);
  await waitFor(async () => (await status(env, page)).checked, { message: 'the extension checking under that CSP' });
  await page.close();
});

test('prosemirror: prohibited words typed into the body and the title are highlighted on exactly their characters (plain, after emoji, with U+200B)', async () => {
  const page = await openEditor(env, 'prosemirror');
  assert.deepEqual(await highlightTexts(page, 'wxlint-block'), [], 'the fixture starts without block findings');

  await caretAtEnd(page, LAST);
  await typeText(page, '出售冰毒');
  // An emoji (two surrogate pairs, one with a skin-tone modifier) earlier in the paragraph.
  await caretAtEnd(page, P2);
  await typeText(page, '😀👍🏽有人代购大麻');
  // A zero-width space inside the word: the range must include it.
  await caretAtEnd(page, P1);
  await typeText(page, '出售\u200B海洛因');
  // The title ProseMirror: an emoji before, a zero-width space inside.
  await caretAtEnd(page, `${TITLE} p`);
  await typeText(page, '😀出售\u200B冰毒');

  const expected = sortRanges([
    { text: '出售冰毒', where: 'body', paragraph: 'wxlint-fixture-last' },
    { text: '代购大麻', where: 'body', paragraph: '#1' },
    { text: '出售\u200B海洛因', where: 'body', paragraph: '#0' },
    { text: '出售\u200B冰毒', where: 'title', paragraph: '#0' },
  ]);
  let last;
  await waitFor(async () => {
    last = sortRanges((await highlights(page))['wxlint-block'] || []);
    return last.length === expected.length;
  }, { message: 'four block highlights' }).catch((e) => { throw new Error(`${e.message}; ranges: ${JSON.stringify(last)}`); });
  assert.deepEqual(last, expected);

  // The panel lists the same four, with where they are.
  const p = await panel(page);
  const prohibited = p.items.filter((i) => i.rule === 'prohibited').map((i) => `${i.where}|${i.text}`).sort();
  assert.deepEqual(prohibited, [
    '标题|“出售\u200B冰毒”', '正文第 1 段|“出售\u200B海洛因”', '正文第 2 段|“代购大麻”', '正文第 6 段|“出售冰毒”',
  ].sort());
  assert.equal(p.badges.block, 4);
  assert.ok(p.items.every((i) => i.severity !== 'block' || i.rule === 'prohibited'), JSON.stringify(p.items));

  // Deleting the word removes its highlight and keeps the others.
  await caretAtEnd(page, LAST);
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Backspace');
  await waitFor(async () => {
    const texts = await highlightTexts(page, 'wxlint-block');
    return texts.length === 3 && !texts.includes('出售冰毒');
  }, { message: 'the deleted word to lose its highlight' });
  assert.deepEqual(page.e2eErrors, []);
  await page.close();
});

test('prosemirror: the panel reports the image without a caption and a 70-character title (64 is only a warning)', async () => {
  const page = await openEditor(env, 'prosemirror');
  let p = await panel(page);
  assert.ok(p && !p.closed, 'the panel is readable (open shadow root)');
  assert.equal(p.hidden, false);
  // Nothing about timings or the editor's generation is shown to the user.
  assert.doesNotMatch(p.text, /新版编辑器|旧版编辑器|毫秒|\bms\b/);
  const captions = p.items.filter((i) => i.rule === 'image-caption');
  assert.deepEqual(captions.map((i) => i.where), ['第 2 张图片'], 'only the second image lacks a caption');
  assert.equal(captions[0].severity, 'warn');
  assert.match(captions[0].message, /图片说明/);

  const title70 = '柳河镇中心幼儿园举办亲子阅读月启动仪式暨书香家庭评选表彰大会全体家长和小朋友欢聚一堂共同分享阅读的快乐并交流亲子共读经验现场气氛热烈孩子们收获满满'.slice(0, 70);
  assert.equal(title70.length, 70);
  await caretAtEnd(page, `${TITLE} p`);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(title70);
  p = await waitFor(async () => {
    const x = await panel(page);
    return x.items.some((i) => i.rule === 'title-length' && i.severity === 'block') ? x : null;
  }, { message: 'a title-length block finding' });
  const tl = p.items.filter((i) => i.rule === 'title-length');
  assert.equal(tl.length, 1, JSON.stringify(tl));
  assert.equal(tl[0].where, '标题');
  assert.match(tl[0].message, /70/);
  assert.match(tl[0].message, /64/);
  assert.ok(p.badges.block >= 1);

  // Exactly 64: no block any more (the recommended length is a separate warning).
  await caretAtEnd(page, `${TITLE} p`);
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(title70.slice(0, 64));
  p = await waitFor(async () => {
    const x = await panel(page);
    return x.items.some((i) => i.rule === 'title-length') && !x.items.some((i) => i.rule === 'title-length' && i.severity === 'block') ? x : null;
  }, { message: 'the 64-character title to be only a warning' });
  assert.deepEqual(p.items.filter((i) => i.rule === 'title-length').map((i) => i.severity), ['warn']);
  await page.close();
});

test('prosemirror: checking, hovering, ignoring (忽略 in the hover card) and re-checking leave the article DOM byte-identical', async () => {
  // The DOM the page builds without the extension (same fixture at a path the content script does not match).
  const bare = await env.context.newPage();
  await bare.goto(baselineUrl('prosemirror'));
  await bare.waitForSelector(BODY);
  const baseline = await editorHtml(bare);
  assert.equal(await bare.evaluate(() => !!document.getElementById('wxlint-extension-root')), false, 'no extension on the baseline page');
  await bare.close();

  const page = await openEditor(env, 'prosemirror');
  await waitFor(async () => (await panel(page)).items.some((i) => i.rule === 'image-caption'), { message: 'the first check in the panel' });
  assert.deepEqual(await editorHtml(page), baseline, 'checking changed the article DOM');

  await watchMutations(page);
  await caretAtEnd(page, LAST);
  await typeText(page, '出售冰毒');
  await caretAtEnd(page, `${TITLE} p`);
  await typeText(page, '代购大麻');
  const addBody = (x) => x.replace('供稿：柳河镇中心幼儿园</span>', '供稿：柳河镇中心幼儿园出售冰毒</span>');
  const addTitle = (x) => x.replace('启动仪式</span>', '启动仪式代购大麻</span>');
  const typed = {
    body: addBody(baseline.body),
    bodyOuter: addBody(baseline.bodyOuter),
    title: addTitle(baseline.title),
    titleOuter: addTitle(baseline.titleOuter),
    frameDocument: null,
  };
  assert.notEqual(typed.body, baseline.body);
  assert.notEqual(typed.title, baseline.title);
  assert.ok((await takeMutations(page)).length > 0, 'typing itself is seen by the observer');

  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).length === 2, { message: 'two block highlights' });
  assert.deepEqual(await editorHtml(page), typed);
  assert.deepEqual(await takeMutations(page), [], 'the check mutated the article');

  // Hover the body word: the card offers 忽略.
  const pt = await highlightPoint(page, 'wxlint-block', '出售冰毒');
  assert.ok(pt, 'the highlighted range has a box');
  await page.mouse.move(pt.x - 30, pt.y + 40);
  await page.mouse.move(pt.x, pt.y, { steps: 4 });
  const card = page.locator('#wxlint-extension-root .card');
  await card.waitFor({ state: 'visible', timeout: TIMEOUT });
  assert.match(await card.innerText(), /违禁/);
  await card.locator('button', { hasText: '忽略' }).click();
  await waitFor(async () => {
    const texts = await highlightTexts(page, 'wxlint-block');
    return texts.length === 1 && texts[0] === '代购大麻';
  }, { message: 'the ignored finding to lose its highlight' });
  await waitFor(async () => {
    const p = await panel(page);
    return p.badges.block === 1 && !p.items.some((i) => i.text === '“出售冰毒”');
  }, { message: 'the panel to drop the ignored finding' });
  // The panel says that an ignored `block` finding still stops 发表.
  assert.match((await panel(page)).notice || '', /已忽略 1 处“必须修改”/);
  assert.deepEqual(await editorHtml(page), typed, 'ignoring changed the article DOM');
  assert.deepEqual(await takeMutations(page), []);

  // 重新检查 and clicking a panel item (scroll + blink) change nothing either; the ignored finding stays ignored.
  const before = (await stats(env, page)).checks;
  await page.locator('#wxlint-extension-root .panel button.recheck').click();
  await waitFor(async () => (await stats(env, page)).checks > before, { message: 'the manual re-check' });
  await page.locator('#wxlint-extension-root .panel li.item', { hasText: '代购大麻' }).click();
  await page.locator('#wxlint-extension-root .panel li.item', { hasText: '第 2 张图片' }).click();
  await waitFor(async () => (await highlights(page))['wxlint-flash']?.length === 0, { message: 'the blink to end' });
  assert.deepEqual(await highlightTexts(page, 'wxlint-block'), ['代购大麻']);
  assert.deepEqual(await editorHtml(page), typed);
  assert.deepEqual(await takeMutations(page), []);
  await page.close();
});

test('prosemirror: a finding ignored in a saved article (appmsgid) stays ignored after a reload; other articles are not affected', async () => {
  const page = await openEditor(env, 'prosemirror', { appmsgid: 4242 });
  await caretAtEnd(page, LAST);
  await typeText(page, '出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'the block highlight' });
  const pt = await highlightPoint(page, 'wxlint-block', '出售冰毒');
  await page.mouse.move(pt.x + 120, pt.y + 60);
  await page.mouse.move(pt.x, pt.y, { steps: 4 });
  await page.locator('#wxlint-extension-root .card button', { hasText: '忽略' }).click();
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).length === 0, { message: 'the ignored highlight gone' });
  await page.reload();
  await waitFor(async () => (await status(env, page)).checked, { message: 'the check after the reload' });
  await caretAtEnd(page, LAST);
  await typeText(page, '出售冰毒');
  await waitFor(async () => (await status(env, page)).ignored === 1, { message: 'the finding found again and ignored' });
  assert.deepEqual(await highlightTexts(page, 'wxlint-block'), []);
  await page.close();

  const other = await openEditor(env, 'prosemirror', { appmsgid: 4243 });
  await caretAtEnd(other, LAST);
  await typeText(other, '出售冰毒');
  await waitFor(async () => (await highlightTexts(other, 'wxlint-block')).includes('出售冰毒'), { message: 'the finding in another article' });
  await other.close();
});

test('prosemirror: 发表 with a block finding is stopped before the page; 返回修改 keeps it stopped; 保存为草稿 passes; 仍要发表 with a reason lets the whole flow through once', async () => {
  const page = await openEditor(env, 'prosemirror');
  await caretAtEnd(page, LAST);
  await typeText(page, '出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'the block highlight' });

  await page.click('#js_send');
  const d = await waitFor(async () => { const x = await guardDialog(page); return x && !x.waiting ? x : null; }, { message: 'the guard dialog' });
  assert.match(d.text, /出售冰毒/);
  assert.equal(d.publishDisabled, true, '仍要发表 needs a reason first');
  assert.equal((await markers(page)).sendClicks, 0, 'the click never reached the page');

  await page.locator('#wxlint-extension-root .dialog button.back').click();
  await waitFor(async () => !(await guardDialog(page)), { message: 'the dialog to close' });
  await holds(async () => (await markers(page)).sendClicks === 0, 800, '返回修改 let the click through');

  // Saving a draft is never intercepted, even with block findings.
  await page.click('#js_submit');
  await waitFor(async () => (await markers(page)).draftSaved === 1, { message: 'the draft save to reach the page' });
  assert.equal(await guardDialog(page), null);

  // 仍要发表 with a reason: the click reaches the page once, and the flow's own confirmations are not stopped again.
  await page.click('#js_send');
  await waitFor(async () => { const x = await guardDialog(page); return x && !x.waiting; }, { message: 'the guard dialog again' });
  const dialog = page.locator('#wxlint-extension-root .dialog');
  await dialog.locator('textarea.reason').fill('已与分管领导确认，属于禁毒宣传引用');
  assert.equal(await dialog.locator('button.publish').isDisabled(), false);
  await dialog.locator('button.publish').click();
  await waitFor(async () => (await markers(page)).sendClicks === 1, { message: 'the publish click to reach the page' });
  await page.locator('.new_mass_send_dialog .weui-desktop-btn_primary').click();
  await page.locator('.double_check_dialog .weui-desktop-btn_primary', { hasText: '继续发表' }).click();
  await waitFor(async () => (await markers(page)).published === 1, { message: 'the page to publish' });
  assert.equal(await guardDialog(page), null);
  assert.equal((await markers(page)).sendClicks, 1, 'exactly one publish click');

  // The reason is kept (locally) with the findings, the URL without its token, and it is marked
  // as published once the flow's dialogs are gone.
  const sw = await env.serviceWorker();
  const records = await waitFor(async () => {
    const overrides = await sw.evaluate(async () => (await chrome.storage.local.get('wxlint.overrides'))['wxlint.overrides']);
    const list = Object.values(overrides || {}).flat();
    return list.length === 1 && list[0].outcome === 'published' ? list : null;
  }, { message: 'the record to be settled as published' });
  assert.equal(records[0].reason, '已与分管领导确认，属于禁毒宣传引用');
  assert.deepEqual(records[0].block.map((f) => f.text), ['出售冰毒']);
  assert.match(records[0].url, /[?&]token=(&|$)/);
  assert.doesNotMatch(records[0].url, /123456789/);
  await page.close();
});

test('prosemirror: text typed through an input method (composition) is checked once the composition ends, not during it', async () => {
  const page = await openEditor(env, 'prosemirror');
  const cdp = await env.context.newCDPSession(page);
  await caretAtEnd(page, LAST);
  const n = (await stats(env, page)).checks;
  await cdp.send('Input.imeSetComposition', { text: 'chu', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.imeSetComposition', { text: 'chushou', selectionStart: 7, selectionEnd: 7 });
  await holds(async () => (await stats(env, page)).checks === n, 1000, 'checked while composing');
  await cdp.send('Input.insertText', { text: '出售冰毒' });
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block')).includes('出售冰毒'), { message: 'the committed text to be checked' });
  assert.equal(await page.locator(LAST).innerHTML(), '<span leaf="">供稿：柳河镇中心幼儿园出售冰毒</span>');
  await cdp.detach();
  await page.close();
});

test('prosemirror: a word typed just before clicking 发表 is still caught (the guard waits for the check)', async () => {
  const page = await openEditor(env, 'prosemirror');
  await caretAtEnd(page, LAST);
  await typeText(page, '代购大麻');
  await page.click('#js_send'); // within the 300 ms debounce
  await waitFor(async () => { const x = await guardDialog(page); return x && !x.waiting; }, { message: 'the guard dialog after the pending check' });
  assert.match((await guardDialog(page)).text, /代购大麻/);
  assert.equal((await markers(page)).sendClicks, 0);
  await page.keyboard.press('Escape');
  await waitFor(async () => !(await guardDialog(page)), { message: 'Escape to close the dialog' });
  assert.equal((await markers(page)).sendClicks, 0);
  await page.close();
});

test('prosemirror: a clean article passes through: 发表 and every step of the page\'s flow reach the page untouched', async () => {
  const page = await openEditor(env, 'prosemirror', { popover: 1, claim: 1 });
  const st = await status(env, page);
  assert.equal(st.counts.block, 0, 'the fixture has no block findings');
  await page.click('#js_send');
  await waitFor(async () => (await markers(page)).sendClicks === 1, { message: 'the click to reach the page' });
  assert.equal(await guardDialog(page), null);
  await page.locator('.new_mass_send_dialog .weui-desktop-btn_primary').click();
  await page.locator('.weui-desktop-popover__wrp .weui-desktop-btn_primary').click();
  await page.locator('.weui-desktop-dialog__wrp .weui-desktop-btn_primary', { hasText: '无需声明并发表' }).click();
  await page.locator('.double_check_dialog .weui-desktop-btn_primary').click();
  await waitFor(async () => (await markers(page)).published === 1, { message: 'the page to publish' });
  assert.equal(await guardDialog(page), null);
  assert.deepEqual((await markers(page)).steps.slice(0, 5), ['mass', 'popover', 'claim', 'double', 'published']);
  await page.close();
});

test('prosemirror: a body inside the open shadow root (shadow=1) and an editor that appears late (delay=2500) are found and checked', async () => {
  const shadow = await openEditor(env, 'prosemirror', { shadow: 1 });
  await caretAtEnd(shadow, LAST);
  await typeText(shadow, '出售冰毒');
  await waitFor(async () => {
    const r = (await highlights(shadow))['wxlint-block'] || [];
    return r.length === 1 && r[0].text === '出售冰毒' && r[0].where === 'body';
  }, { message: 'the highlight inside the shadow root' });
  await shadow.close();

  const late = await openEditor(env, 'prosemirror', { delay: 2500 }, { waitChecked: false });
  const st = await waitFor(async () => { const s = await status(env, late); return s.recognised && s.checked ? s : null; }, { message: 'the late editor' });
  assert.equal(st.generation, 'prosemirror');
  await waitFor(async () => (await panel(late)).items.some((i) => i.rule === 'image-caption'), { message: 'the late editor checked' });
  await late.close();
});

test('prosemirror: the overlay fallback (wxlint.debug forceOverlay) draws boxes exactly over the word, and no Highlight', async () => {
  const sw = await env.serviceWorker();
  await sw.evaluate(() => chrome.storage.local.set({ 'wxlint.debug': { forceOverlay: true } }));
  try {
    const page = await openEditor(env, 'prosemirror');
    await caretAtEnd(page, LAST);
    await typeText(page, '出售冰毒');
    await page.locator(LAST).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const round = (r) => ({ left: Math.round(r.left), top: Math.round(r.top), right: Math.round(r.right), bottom: Math.round(r.bottom) });
    const geo = await waitFor(() => page.evaluate(() => {
      const rect = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      const sr = document.getElementById('wxlint-extension-root').shadowRoot;
      const boxes = [...sr.querySelectorAll('.layer .box.range.block')].map((b) => rect(b.getBoundingClientRect()));
      const t = document.querySelector('#wxlint-fixture-last span[leaf]').firstChild;
      const i = t.data.indexOf('出售冰毒');
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 4);
      const expected = [...r.getClientRects()].map(rect);
      const registered = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
      return boxes.length && Math.abs(boxes[0].top - expected[0].top) < 1 ? { boxes, expected, registered } : null;
    }), { message: 'an overlay box over the word' });
    assert.deepEqual(geo.boxes.map(round), geo.expected.map(round));
    assert.equal(geo.registered, 0, 'nothing in CSS.highlights with the overlay');
    await page.close();
  } finally {
    await sw.evaluate(() => chrome.storage.local.remove('wxlint.debug'));
  }
});

test('prosemirror: no request leaves the intercepted fixture routes (pages, extension pages, service worker)', async (t) => {
  const summary = await assertOnlyFixtureTraffic(env, t);
  assert.ok(summary.total > 0);
});
