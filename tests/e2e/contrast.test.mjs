// Colour contrast of the extension's own UI, read from computed styles: every element with text
// in the panel (with all its parts shown: badges, rows, notices, the allow-list confirmation, the
// ignored list, the toast), the hover card, the guard dialog, the popup and the options page.
// The text colour is composited over the element's effective background (the backgrounds of its
// ancestors, down to the page's), opacity included; disabled controls are left out (WCAG 1.4.3
// exempts inactive components). Every pair must reach 4.5:1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openEditor, openOptions, waitFor, panel, highlightPoint, caretAtEnd, typeText, tabMessage, TIMEOUT,
} from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Runs in the page: [{text, fg, bg, ratio}] for every text-bearing element under `rootSel`. */
function measure(rootSel) {
  const parse = (c) => {
    const m = String(c).match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => {
    const a = top[3] + under[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map((i) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat(a);
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const parentOf = (el) => el.parentElement || (el.parentNode && el.parentNode.host) || null;
  const backgroundOf = (el) => {
    const layers = [];
    for (let e = el; e; e = parentOf(e)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let bg = [255, 255, 255, 1];
    for (const c of layers.reverse()) bg = over(c, bg);
    return bg;
  };
  const opacityOf = (el) => { let o = 1; for (let e = el; e; e = parentOf(e)) o *= Number(getComputedStyle(e).opacity); return o; };
  const roots = [];
  for (const sel of rootSel) {
    if (sel.startsWith('shadow:')) {
      const sr = document.getElementById('wxlint-extension-root')?.shadowRoot;
      if (sr) roots.push(...sr.querySelectorAll(sel.slice(7)));
    } else {
      roots.push(...document.querySelectorAll(sel));
    }
  }
  const out = [];
  for (const root of roots) {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.data.trim()).map((n) => n.data.trim()).join(' ');
      if (!own) continue;
      if (!el.getClientRects().length) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || cs.display === 'none') continue;
      if (el.closest(':disabled') || el.matches(':disabled')) continue;
      const bg = backgroundOf(el);
      const fgRaw = parse(cs.color);
      const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacityOf(el)], bg);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      out.push({ text: own.slice(0, 30), cls: `${el.tagName.toLowerCase()}.${el.className}`, fg: cs.color, bg: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`, ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100 });
    }
  }
  return out;
}

function assertContrast(list, where) {
  assert.ok(list.length > 10, `${where}: text elements measured (${list.length})`);
  const low = list.filter((x) => x.ratio < 4.5);
  assert.deepEqual(low, [], `${where}: pairs below 4.5:1`);
  const min = Math.min(...list.map((x) => x.ratio));
  console.log(`${where}: ${list.length} text elements, lowest contrast ${min}:1`);
}

test('contrast: the panel (every part shown), the hover card, the allow-list confirmation, the toast and the guard dialog', async () => {
  const page = await openEditor(env, 'prosemirror', { article: 'school', appmsgid: 9400 });
  await waitFor(async () => (await panel(page))?.items.length >= 5, { message: 'the findings' });
  // The 1280 px window has room: it is docked open. Ignore one row to have the ignored list.
  await page.locator('#wxlint-extension-root .panel li.item[data-rule="personal-data"] button.ignore').click();
  await page.locator('#wxlint-extension-root .panel button.show-ignored').click();
  await page.locator('#wxlint-extension-root .panel li.item[data-rule="ad-law"] button.allow').click();
  await page.locator('#wxlint-extension-root .panel .confirm').waitFor({ state: 'visible' });
  let list = await page.evaluate(measure, ['shadow:.panel', 'shadow:.toast']);
  assertContrast(list, 'panel');
  await page.locator('#wxlint-extension-root .panel .confirm button.no').click();

  const pt = await highlightPoint(page, 'wxlint-block', '警钟常鸣');
  await page.mouse.move(pt.x - 20, pt.y + 30);
  await page.mouse.move(pt.x, pt.y, { steps: 4 });
  await page.locator('#wxlint-extension-root .card').waitFor({ state: 'visible', timeout: TIMEOUT });
  list = await page.evaluate(measure, ['shadow:.card']);
  assert.ok(list.length >= 3);
  assert.deepEqual(list.filter((x) => x.ratio < 4.5), [], 'hover card');

  await page.mouse.move(5, 5);
  await page.click('#js_send');
  await page.locator('#wxlint-extension-root .dialog textarea.reason').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.locator('#wxlint-extension-root .dialog input.per-item').check();
  list = await page.evaluate(measure, ['shadow:.dialog']);
  assertContrast(list, 'guard dialog');
  await page.close();
});

test('contrast: the toolbar popup, with findings of every level', async () => {
  const editor = await openEditor(env, 'prosemirror', { article: 'school' });
  const sw = await env.serviceWorker();
  const tabId = await sw.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url).id, editor.url());
  const popup = await env.context.newPage();
  await popup.goto(env.extensionUrl(`extension/popup.html?tabId=${tabId}`));
  await popup.waitForSelector('#counts:not([hidden]) .count');
  const list = await popup.evaluate(measure, ['body']);
  assert.ok(list.length >= 8);
  assert.deepEqual(list.filter((x) => x.ratio < 4.5), [], 'popup');
  console.log(`popup: lowest contrast ${Math.min(...list.map((x) => x.ratio))}:1`);
  const st = await tabMessage(env, editor, { type: 'status' });
  assert.ok(st.counts.block > 0 && st.counts.warn > 0);
  await popup.close();
  await editor.close();
});

test('contrast: the options page, with the problems list of a bad word list and unsaved changes', async () => {
  const options = await openOptions(env);
  await options.setInputFiles('#lex-file', { name: 'bad.txt', mimeType: 'text/plain', buffer: Buffer.from('好词\n坏词 | 严重\n') });
  await options.locator('#lex-problems').waitFor({ state: 'visible' });
  await options.locator('#allow-text').fill('路口交通');
  const list = await options.evaluate(measure, ['body']);
  assertContrast(list, 'options page');
  await options.close();
});
