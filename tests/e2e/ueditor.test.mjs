// End-to-end tests of the extension on the OLD editor (UEditor) fixture: title/author/digest
// inputs, the body in the same-origin iframe#ueditor_0 (its own CSS.highlights registry), the
// toolbar buttons wrapped in <span id="js_send"> etc. One browser context for the whole file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openEditor, waitFor, holds, highlights, highlightTexts, panel, guardDialog, markers,
  editorHtml, watchMutations, takeMutations, caretAtEnd, typeText, highlightPoint, stats, status,
  baselineUrl, assertOnlyFixtureTraffic, TIMEOUT,
} from './harness.mjs';

const FRAME = '#ueditor_0';
const LAST = '#wxlint-fixture-last';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const sortRanges = (list) => [...list].sort((a, b) => `${a.paragraph}${a.text}`.localeCompare(`${b.paragraph}${b.text}`));

/** The overlay boxes of the block severity (findings in inputs), and where the title text is. */
async function titleBoxes(page, prefix, word) {
  return page.evaluate(({ prefix: pre, word: w }) => {
    const sr = document.getElementById('wxlint-extension-root').shadowRoot;
    const boxes = [...sr.querySelectorAll('.layer .box.range.block')].map((b) => b.getBoundingClientRect())
      .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
    const input = document.querySelector('textarea#title');
    const cs = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = cs.font;
    const r = input.getBoundingClientRect();
    const x0 = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) - input.scrollLeft;
    return {
      boxes,
      input: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
      expectLeft: x0 + ctx.measureText(pre).width,
      expectWidth: ctx.measureText(w).width,
    };
  }, { prefix, word });
}

test('ueditor: prohibited words typed into the iframe body are highlighted on exactly their characters (plain, after emoji, with U+200B); the title textarea gets a box on the word', async () => {
  const page = await openEditor(env, 'ueditor');
  assert.equal((await status(env, page)).generation, 'ueditor');
  assert.deepEqual(await highlightTexts(page, 'wxlint-block', FRAME), []);

  await caretAtEnd(page, LAST, FRAME);
  await typeText(page, '出售冰毒');
  await caretAtEnd(page, 'body > p:nth-of-type(2)', FRAME);
  await typeText(page, '😀👍🏽有人代购大麻');
  await caretAtEnd(page, 'body > p:nth-of-type(1)', FRAME);
  await typeText(page, '出售\u200B海洛因');

  const expected = sortRanges([
    { text: '出售冰毒', where: 'body', paragraph: 'wxlint-fixture-last' },
    { text: '代购大麻', where: 'body', paragraph: '#1' },
    { text: '出售\u200B海洛因', where: 'body', paragraph: '#0' },
  ]);
  let last;
  await waitFor(async () => {
    last = sortRanges((await highlights(page, FRAME))['wxlint-block'] || []);
    return last.length === expected.length;
  }, { message: 'three block highlights in the iframe' }).catch((e) => { throw new Error(`${e.message}; ranges: ${JSON.stringify(last)}`); });
  assert.deepEqual(last, expected);
  assert.deepEqual(await highlightTexts(page, 'wxlint-block'), [], 'nothing registered in the top document for the body');

  // The title is a <textarea>: no Range; the panel lists it and an overlay box covers the word.
  await page.click('textarea#title');
  await page.keyboard.press('End');
  const before = await page.inputValue('textarea#title');
  await typeText(page, '😀出售\u200B冰毒');
  const p = await waitFor(async () => {
    const x = await panel(page);
    return x.items.some((i) => i.where === '标题' && i.rule === 'prohibited') ? x : null;
  }, { message: 'the title finding in the panel' });
  assert.deepEqual(p.items.filter((i) => i.where === '标题').map((i) => i.text), ['“出售\u200B冰毒”']);
  assert.equal(p.badges.block, 4);
  await page.locator('textarea#title').blur();
  const geo = await waitFor(async () => { const g = await titleBoxes(page, `${before}😀`, '出售\u200B冰毒'); return g.boxes.length === 1 ? g : null; }, { message: 'one overlay box for the title word' });
  const [box] = geo.boxes;
  assert.ok(box.top >= geo.input.top - 1 && box.bottom <= geo.input.bottom + 1, `box inside the input vertically: ${JSON.stringify(geo)}`);
  assert.ok(Math.abs(box.left - geo.expectLeft) <= 4, `box starts at the word: ${JSON.stringify(geo)}`);
  assert.ok(Math.abs((box.right - box.left) - geo.expectWidth) <= 4, `box as wide as the word: ${JSON.stringify(geo)}`);
  assert.deepEqual(page.e2eErrors, []);
  await page.close();
});

test('ueditor: the captioned image is not reported; a 70-character title is', async () => {
  const page = await openEditor(env, 'ueditor');
  let p = await panel(page);
  assert.doesNotMatch(p.text, /旧版编辑器|毫秒/);
  assert.deepEqual(p.items.filter((i) => i.rule === 'image-caption'), [], 'the image has a grey, small, centred caption');
  const title70 = '城南小学开展安全教育月系列活动民警进校园讲解交通安全知识全校师生参加应急疏散演练并学习防溺水防诈骗等安全常识家长纷纷点赞活动效果良好受到社会各界广泛好评'.slice(0, 70);
  assert.equal(title70.length, 70);
  await page.fill('textarea#title', title70);
  p = await waitFor(async () => {
    const x = await panel(page);
    return x.items.some((i) => i.rule === 'title-length' && i.severity === 'block') ? x : null;
  }, { message: 'a title-length block finding' });
  const tl = p.items.filter((i) => i.rule === 'title-length');
  assert.equal(tl.length, 1);
  assert.equal(tl[0].where, '标题');
  assert.match(tl[0].message, /70/);
  await page.close();
});

test('ueditor: checking, hovering, ignoring (忽略 in the hover card) and re-checking leave the iframe document byte-identical', async () => {
  const bare = await env.context.newPage();
  await bare.goto(baselineUrl('ueditor'));
  await bare.waitForFunction(() => document.querySelector('#ueditor_0')?.contentDocument?.getElementById('wxlint-fixture-last'));
  const baseline = await editorHtml(bare);
  assert.equal(await bare.evaluate(() => !!document.getElementById('wxlint-extension-root')), false);
  await bare.close();

  const page = await openEditor(env, 'ueditor');
  assert.deepEqual(await editorHtml(page), baseline, 'checking changed the article DOM');

  await watchMutations(page);
  await caretAtEnd(page, LAST, FRAME);
  await typeText(page, '出售冰毒');
  const add = (x) => x.replace('供稿：城南小学德育处</span>', '供稿：城南小学德育处出售冰毒</span>');
  const typed = { ...baseline, body: add(baseline.body), bodyOuter: add(baseline.bodyOuter), frameDocument: add(baseline.frameDocument) };
  assert.notEqual(typed.body, baseline.body);
  assert.ok((await takeMutations(page)).length > 0, 'typing itself is seen by the observer');

  await waitFor(async () => (await highlightTexts(page, 'wxlint-block', FRAME)).includes('出售冰毒'), { message: 'the block highlight' });
  assert.deepEqual(await editorHtml(page), typed);
  assert.deepEqual(await takeMutations(page), []);

  const pt = await highlightPoint(page, 'wxlint-block', '出售冰毒', FRAME);
  assert.ok(pt);
  await page.mouse.move(pt.x - 30, pt.y - 30);
  await page.mouse.move(pt.x, pt.y, { steps: 4 });
  const card = page.locator('#wxlint-extension-root .card');
  await card.waitFor({ state: 'visible', timeout: TIMEOUT });
  await card.locator('button', { hasText: '忽略' }).click();
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block', FRAME)).length === 0, { message: 'the ignored finding to lose its highlight' });
  await waitFor(async () => (await panel(page)).badges.ok === '无问题', { message: 'the panel to show no findings' });
  assert.deepEqual(await editorHtml(page), typed);
  assert.deepEqual(await takeMutations(page), []);

  const n = (await stats(env, page)).checks;
  await page.locator('#wxlint-extension-root .panel button.recheck').click();
  await waitFor(async () => (await stats(env, page)).checks > n, { message: 'the manual re-check' });
  assert.deepEqual(await highlightTexts(page, 'wxlint-block', FRAME), [], 'still ignored after a re-check');
  assert.deepEqual(await editorHtml(page), typed);
  assert.deepEqual(await takeMutations(page), []);
  await page.close();
});

test('ueditor: 保存并群发 with a block finding is stopped; 返回修改 keeps it stopped; 保存 passes; 仍要发表 with a reason passes once', async () => {
  const page = await openEditor(env, 'ueditor');
  await caretAtEnd(page, LAST, FRAME);
  await typeText(page, '出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block', FRAME)).includes('出售冰毒'), { message: 'the block highlight' });

  await page.click('#js_send button');
  await waitFor(async () => { const x = await guardDialog(page); return x && !x.waiting; }, { message: 'the guard dialog' });
  assert.match((await guardDialog(page)).text, /出售冰毒/);
  assert.equal((await markers(page)).sendClicks, 0);
  await page.locator('#wxlint-extension-root .dialog button.back').click();
  await waitFor(async () => !(await guardDialog(page)), { message: 'the dialog to close' });
  await holds(async () => (await markers(page)).sendClicks === 0, 800, '返回修改 let the click through');

  await page.click('#js_submit button');
  await waitFor(async () => (await markers(page)).draftSaved === 1, { message: 'the draft save' });
  assert.equal(await guardDialog(page), null);

  await page.click('#js_send button');
  await waitFor(async () => { const x = await guardDialog(page); return x && !x.waiting; }, { message: 'the guard dialog again' });
  const dialog = page.locator('#wxlint-extension-root .dialog');
  await dialog.locator('textarea.reason').fill('引用禁毒宣传材料原文');
  await dialog.locator('button.publish').click();
  await waitFor(async () => (await markers(page)).sendClicks === 1, { message: 'the click to reach the page' });
  await page.locator('.mass_send_dialog .js_confirm').click();
  await page.locator('.double_check_dialog .js_confirm', { hasText: '继续群发' }).click();
  await waitFor(async () => (await markers(page)).published === 1, { message: '继续群发 to reach the page' });
  assert.equal((await markers(page)).sendClicks, 1);
  assert.equal(await guardDialog(page), null);
  await page.close();
});

test('ueditor: a clean article passes through (保存并群发 reaches the page)', async () => {
  const page = await openEditor(env, 'ueditor');
  assert.equal((await status(env, page)).counts.block, 0);
  await page.click('#js_send button');
  await waitFor(async () => (await markers(page)).sendClicks === 1, { message: 'the click to reach the page' });
  await page.locator('.mass_send_dialog .js_confirm').click();
  await page.locator('.double_check_dialog .js_confirm').click();
  await waitFor(async () => (await markers(page)).published === 1, { message: 'the publish to reach the page' });
  assert.equal(await guardDialog(page), null);
  await page.close();
});

test('ueditor: an editor iframe that appears late (delay=2500) is found and checked', async () => {
  const page = await openEditor(env, 'ueditor', { delay: 2500 }, { waitChecked: false });
  const st = await waitFor(async () => { const s = await status(env, page); return s.recognised && s.checked ? s : null; }, { message: 'the late editor' });
  assert.equal(st.generation, 'ueditor');
  await caretAtEnd(page, LAST, FRAME);
  await typeText(page, '出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block', FRAME)).includes('出售冰毒'), { message: 'the highlight in the late iframe' });
  await page.close();
});

test('ueditor: a body iframe rewritten or replaced by the page (e.g. source mode and back) is followed', async () => {
  const page = await openEditor(env, 'ueditor');
  await page.evaluate(() => {
    const d = document.querySelector('#ueditor_0').contentDocument;
    d.open();
    d.write('<!DOCTYPE html><html class="view"><head></head><body class="view" contenteditable="true"><p id="wxlint-fixture-last">改写后的正文</p></body></html>');
    d.close();
  });
  await caretAtEnd(page, LAST, FRAME);
  await typeText(page, '出售冰毒');
  await waitFor(async () => (await highlightTexts(page, 'wxlint-block', FRAME)).includes('出售冰毒'), { message: 'the highlight in the rewritten document' });

  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'ueditor_0';
    document.querySelector('#ueditor_0').replaceWith(f);
    const d = f.contentDocument;
    d.open();
    d.write('<!DOCTYPE html><html class="view"><head></head><body class="view" contenteditable="true"><p id="wxlint-fixture-last">新的编辑框</p></body></html>');
    d.close();
  });
  await caretAtEnd(page, LAST, FRAME);
  await typeText(page, '代购大麻');
  await waitFor(async () => {
    const texts = await highlightTexts(page, 'wxlint-block', FRAME);
    return texts.length === 1 && texts[0] === '代购大麻';
  }, { message: 'the highlight in the new iframe' });
  await page.click('#js_send button');
  await waitFor(async () => { const x = await guardDialog(page); return x && !x.waiting && /代购大麻/.test(x.text); }, { message: 'the guard with the new body' });
  assert.equal((await markers(page)).sendClicks, 0);
  await page.close();
});

test('ueditor: no request leaves the intercepted fixture routes (pages, extension pages, service worker)', async (t) => {
  await assertOnlyFixtureTraffic(env, t);
});
