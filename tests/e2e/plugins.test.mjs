// The npm package's editor plugins in a real browser (Debian's Chromium via playwright-core; no
// extension): the demo pages of examples/ built by scripts/build-examples.mjs (esbuild, the real
// ProseMirror / TipTap / CodeMirror packages, the real WASM checker) served at
// https://demo.wxlint.test/. Text is typed with the keyboard; decorations and diagnostics must
// sit at exactly the characters of each finding, emoji and zero-width characters included.
// Screenshots: target/e2e-screenshots/plugin-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, TIMEOUT, waitFor, screenshot } from './harness.mjs';
import { buildExamples } from '../../scripts/build-examples.mjs';

const ORIGIN = 'https://demo.wxlint.test';
let browser;
let context;
let dir;
const outside = [];

before(async () => {
  dir = await buildExamples();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'zh-CN' });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== ORIGIN) { outside.push(u.href); return route.abort('blockedbyclient'); }
    const file = path.join(dir, path.basename(u.pathname));
    if (!fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' }[path.extname(file)] || 'application/octet-stream';
    return route.fulfill({ status: 200, headers: { 'content-type': type, 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'" }, body: fs.readFileSync(file) });
  });
});

after(async () => { await browser?.close(); });

async function openDemo(name, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.e2eErrors = errors;
  await page.goto(`${ORIGIN}/${name}.html${query}`);
  await page.waitForFunction(() => window.wxlintDemo && window.wxlintDemo.view, null, { timeout: TIMEOUT });
  return page;
}

/** ProseMirror: every decoration as {from, to, text (document text between), rule, severity, dom}. */
const pmDecorations = (page) => page.evaluate(() => {
  const { view, key } = window.wxlintDemo;
  const st = key.getState(view.state);
  return st.ranges.map((r, i) => {
    const dom = [...view.dom.querySelectorAll(`[data-wxlint-index="${i}"]`)].map((e) => e.textContent).join('');
    return { from: r.from, to: r.to, text: view.state.doc.textBetween(r.from, r.to, '\n', '\uFFFC'), rule: r.finding.rule, severity: r.finding.severity, finding: r.finding.text, node: !!r.node, dom, stale: !!st.stale };
  });
});

/** The position in the document where `needle` starts in the text of the paragraph whose text contains it. */
const pmPositionOf = (page, needle) => page.evaluate((n) => {
  const { view } = window.wxlintDemo;
  let found = null;
  view.state.doc.descendants((node, pos) => {
    if (found !== null || !node.isTextblock) return found === null;
    const text = node.textContent;
    const i = text.indexOf(n);
    if (i >= 0) found = pos + 1 + i;
    return false;
  });
  return found;
}, needle);

test('prosemirror plugin: the demo\'s findings are decorated on exactly their characters', async () => {
  const page = await openDemo('prosemirror');
  const decos = await pmDecorations(page);
  const texts = decos.filter((d) => !d.node).map((d) => d.text).sort();
  assert.deepEqual(texts, ['13912345678', 'xx', '警钟常鸣'].sort(), JSON.stringify(decos));
  for (const d of decos.filter((x) => !x.node)) {
    assert.equal(d.text, d.finding, 'the decoration covers the finding\'s text');
    assert.equal(d.dom, d.text, 'the marked DOM text is the finding\'s');
  }
  assert.deepEqual(page.e2eErrors, []);
  await page.close();
});

test('prosemirror plugin: words typed with the keyboard (after an emoji, with a zero-width space inside) are decorated at exactly their positions; the popup explains and can ignore', async () => {
  const page = await openDemo('prosemirror');
  await page.locator('#editor .ProseMirror p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type('😀👍🏽出售');
  await page.keyboard.insertText('\u200B');
  await page.keyboard.type('冰毒');
  const want = '出售\u200B冰毒';
  const d = await waitFor(async () => (await pmDecorations(page)).find((x) => x.finding === want && !x.stale), { message: 'the typed word decorated' });
  const at = await pmPositionOf(page, want);
  assert.equal(d.from, at, 'starts at the word (after the emoji\'s four UTF-16 units and more)');
  assert.equal(d.to, at + want.length);
  assert.equal(d.text, want);
  assert.equal(d.dom, want);
  assert.equal(d.severity, 'block');

  // Deleting one character of it: the decoration goes at the next check.
  await page.keyboard.press('Backspace');
  await waitFor(async () => !(await pmDecorations(page)).some((x) => x.finding === want), { message: 'the decoration gone' });
  await page.keyboard.type('毒');
  await waitFor(async () => (await pmDecorations(page)).some((x) => x.finding === want && !x.stale), { message: 'decorated again' });

  // The popup on a click: severity, message, suggestion, 忽略.
  await page.locator('#editor [data-wxlint-rule="official-wording"]').click();
  const popup = page.locator('.wxlint-popup');
  await popup.waitFor({ state: 'visible' });
  const text = await popup.innerText();
  assert.match(text, /必须修改/);
  assert.match(text, /警钟长鸣/);
  await screenshot(page, 'plugin-prosemirror');
  await popup.locator('button', { hasText: '忽略' }).click();
  await waitFor(async () => !(await pmDecorations(page)).some((x) => x.rule === 'official-wording'), { message: 'ignored' });
  assert.deepEqual(page.e2eErrors, []);
  await page.close();
});

test('prosemirror plugin in TipTap: the extension\'s decorations follow typing at exact positions', async () => {
  const page = await openDemo('tiptap');
  let decos = await pmDecorations(page);
  assert.deepEqual(decos.filter((x) => !x.node).map((x) => x.text), ['xx']);
  await page.locator('#editor .ProseMirror p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type('，电话13812345678😀');
  decos = await waitFor(async () => { const x = await pmDecorations(page); return x.some((y) => y.rule === 'personal-data' && !y.stale) ? x : null; }, { message: 'the phone number decorated' });
  const phone = decos.find((x) => x.rule === 'personal-data');
  assert.equal(phone.text, '13812345678');
  assert.equal(phone.from, await pmPositionOf(page, '13812345678'));
  assert.deepEqual(page.e2eErrors, []);
  await page.close();
});

/** CodeMirror: the lint diagnostics with the document text they cover. */
const cmDiagnostics = (page) => page.evaluate(() => {
  const { view } = window.wxlintDemo;
  return window.wxlintDemo.diagnostics().map((d) => ({ ...d, text: view.state.doc.sliceString(d.from, d.to) }));
});

test('codemirror plugin: Markdown findings are lint diagnostics at exactly their characters, emoji and zero-width characters included', async () => {
  const page = await openDemo('codemirror');
  let diags = await waitFor(async () => { const x = await cmDiagnostics(page); return x.length >= 3 ? x : null; }, { message: 'the first diagnostics' });
  const texts = diags.map((d) => d.text);
  for (const t of ['警钟常鸣', 'xx', '13912345678']) assert.ok(texts.includes(t), `${t} in ${JSON.stringify(texts)}`);
  const image = diags.find((d) => /wxlint image-caption/.test(d.source));
  assert.ok(image, 'the image without a caption');
  assert.equal(image.text, '![](https://mmbiz.qpic.cn/sample.png)');
  assert.ok(diags.filter((d) => /警钟常鸣/.test(d.text)).every((d) => d.severity === 'error'));

  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n- 😀👍🏽有人出售');
  await page.keyboard.insertText('\u200B');
  await page.keyboard.type('冰毒');
  const want = '出售\u200B冰毒';
  diags = await waitFor(async () => { const x = await cmDiagnostics(page); return x.some((d) => d.text === want) ? x : null; }, { message: 'the typed word\'s diagnostic' });
  const d = diags.find((x) => x.text === want);
  const at = await page.evaluate((n) => window.wxlintDemo.view.state.doc.toString().lastIndexOf(n), want);
  assert.equal(d.from, at);
  assert.equal(d.to, at + want.length);
  assert.equal(d.severity, 'error');
  assert.match(d.message, /^必须修改：/);
  // The marked text in the editor is the word.
  const marked = await page.evaluate(() => [...document.querySelectorAll('.cm-lintRange-error')].map((e) => e.textContent));
  assert.ok(marked.join('|').includes('冰毒'), JSON.stringify(marked));
  await screenshot(page, 'plugin-codemirror');
  assert.deepEqual(page.e2eErrors, []);
  await page.close();
});

test('codemirror plugin: with the default delay 0 a keystroke updates the view once, its diagnostics included; with a delay they come in an update of their own', async () => {
  for (const [query, sameUpdate] of [['', true], ['?delay=1', false]]) {
    const page = await openDemo('codemirror', query);
    await waitFor(async () => (await cmDiagnostics(page)).length >= 3, { message: `the first diagnostics (${query || 'delay 0'})` });
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.evaluate(() => { window.wxlintDemo.updates = []; });
    await page.keyboard.type('\n有人出售冰毒');
    await waitFor(async () => (await cmDiagnostics(page)).some((d) => d.text === '出售冰毒'), { message: `the typed word's diagnostic (${query || 'delay 0'})` });
    // Let a pending lint run (the delay path) finish.
    await new Promise((r) => setTimeout(r, 300));
    const updates = await page.evaluate(() => window.wxlintDemo.updates);
    const edits = updates.filter((u) => u.docChanged);
    assert.equal(edits.length, 7, JSON.stringify(updates));
    if (sameUpdate) {
      assert.ok(edits.every((u) => u.diagnostics), `every keystroke's update carries its diagnostics: ${JSON.stringify(updates)}`);
      assert.deepEqual(updates.filter((u) => u.diagnostics && !u.docChanged), [], 'no second update for the marks');
    } else {
      assert.ok(updates.some((u) => u.diagnostics && !u.docChanged), `the delayed marks come in their own update: ${JSON.stringify(updates)}`);
    }
    assert.deepEqual(page.e2eErrors, []);
    await page.close();
  }
});

test('plugins: the demos made no request outside their own origin', () => {
  assert.deepEqual(outside, []);
});
