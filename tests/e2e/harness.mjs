// Helpers for the extension's end-to-end tests (node:test + playwright-core + Debian's Chromium)
// and for bench/extension-latency.mjs.
//
// - launch(): a persistent context with the unpacked extension (the repository root) loaded, the
//   fixture pages served at the REAL editor address (https://mp.weixin.qq.com/cgi-bin/appmsg…) by
//   request routing with the real site's kind of CSP (`script-src 'self'`), and a log of every
//   request the context makes (pages, extension pages and the extension's service worker).
// - reading what the extension drew: CSS.highlights ranges (read from the page's main world: the
//   registry is per document, so the content script's highlights are visible there), the panel
//   and dialog inside the extension's open shadow root, the content script's own
//   {type: 'stats'} / {type: 'status'} answers (sent from the service worker with
//   chrome.tabs.sendMessage).
// - waiting: poll a condition (never fixed sleeps), with generous timeouts (2 busy cores).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');
export const CHROMIUM = process.env.WXLINT_CHROMIUM || '/usr/bin/chromium';

/** Generous: the machine has 2 cores shared with other work. */
export const TIMEOUT = Number(process.env.WXLINT_E2E_TIMEOUT || 30_000);

export const ORIGIN = 'https://mp.weixin.qq.com';
export const IMAGE_ORIGIN = 'https://mmbiz.qpic.cn';

/** Fixture page files, by the name the tests use. */
export const FIXTURE_PAGES = {
  prosemirror: 'prosemirror-editor.html',
  ueditor: 'ueditor-editor.html',
};

/** A page under /cgi-bin/appmsg with no editor at all (served for e2e_page=noeditor). */
const NO_EDITOR_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>公众号</title>
<link rel="stylesheet" href="/wxlint-e2e/editor.css"></head>
<body class="zh_CN"><div id="app"><div class="weui-desktop-layout">
<p>这里没有编辑器：页面改版后的样子。</p>
<div class="tool_area"><button id="js_submit">保存为草稿</button><button id="js_send" class="mass_send">发表</button></div>
</div></div></body></html>`;

let tabCounter = 0;

/**
 * The editor URL of a fixture. The real addresses: the new editor is
 * `appmsg?t=media/appmsg_edit_v2&action=edit&type=77…`, the old one `appmsg?t=media/appmsg_edit&action=edit&type=10…`.
 * Every page gets a distinct `e2e_tab` parameter so the service worker can find its tab by URL.
 * `page`: 'prosemirror' | 'ueditor' | 'noeditor' (an editor URL without an editor) | 'list'
 * (another appmsg page: not an editor URL). `query`: extra parameters (shadow, delay, empty, appmsgid).
 */
export function editorUrl(page, query = {}) {
  tabCounter += 1;
  const params = new URLSearchParams();
  if (page === 'list') {
    params.set('action', 'list_card');
    params.set('type', '10');
  } else {
    params.set('t', page === 'ueditor' ? 'media/appmsg_edit' : 'media/appmsg_edit_v2');
    params.set('action', 'edit');
    params.set('type', page === 'ueditor' ? '10' : '77');
  }
  params.set('lang', 'zh_CN');
  params.set('token', '123456789');
  for (const [k, v] of Object.entries(query)) params.set(k, String(v));
  if (page === 'noeditor' || page === 'list') params.set('e2e_page', 'noeditor');
  params.set('e2e_tab', String(tabCounter));
  return `${ORIGIN}/cgi-bin/appmsg?${params}`;
}

/**
 * The same fixture at an address the content script does NOT match (the extension is not
 * injected there): the article DOM exactly as the page itself builds it.
 */
export function baselineUrl(page, query = {}) {
  tabCounter += 1;
  const params = new URLSearchParams({ ...query, e2e_tab: String(tabCounter) });
  return `${ORIGIN}/wxlint-e2e/baseline/${FIXTURE_PAGES[page]}?${params}`;
}

/** The other sites' fixture pages: host → {path → file}. */
const SITE_PAGES = {
  'xiumi.us': { '/studio/v5': 'xiumi-editor.html', '/studio/v5/paper': 'xiumi-editor.html' },
  'www.135editor.com': { '/beautify_editor.html': 'e135-editor.html' },
  'news.example.com': { '/notice.html': 'selection-page.html' },
};
export const SITE_ORIGINS = Object.keys(SITE_PAGES).map((h) => `https://${h}`);

/** The address of another site's fixture: 'xiumi' | 'e135' | 'news' (a distinct e2e_tab each time). */
export function siteUrl(site, query = {}) {
  tabCounter += 1;
  const params = new URLSearchParams({ ...query, e2e_tab: String(tabCounter) });
  const base = { xiumi: 'https://xiumi.us/studio/v5', e135: 'https://www.135editor.com/beautify_editor.html', news: 'https://news.example.com/notice.html' }[site];
  const hash = site === 'xiumi' ? '#/paper/for/new/cube/0' : '';
  return `${base}?${params}${hash}`;
}

function assetFor(u) {
  const asset = u.pathname.match(/^\/wxlint-e2e\/([\w.-]+\.(js|css|png))$/);
  if (asset && fs.existsSync(path.join(FIXTURES, asset[1]))) {
    const type = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', png: 'image/png' }[asset[2]];
    return { headers: { 'content-type': type }, body: fs.readFileSync(path.join(FIXTURES, asset[1])) };
  }
  return null;
}

function siteFixtureFor(url) {
  const u = new URL(url);
  const pages = SITE_PAGES[u.host];
  if (!pages) return null;
  const file = pages[u.pathname];
  if (file) return { headers: { 'content-type': 'text/html; charset=utf-8' }, body: fs.readFileSync(path.join(FIXTURES, file)) };
  return assetFor(u);
}

/**
 * A copy of the extension (for tests only; the shipped manifest.json is never changed) whose
 * manifest also grants `hosts` as host permissions: the state of a browser where the user granted
 * the optional hosts. Returns its directory (a unique path: a unique extension id).
 */
export function stageExtension(hosts = []) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-ext-')));
  fs.mkdirSync(path.join(dir, 'pkg'), { recursive: true });
  for (const d of ['_locales', 'extension', 'icons']) fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  for (const f of ['wxlint.js', 'wxlint_bg.wasm']) fs.copyFileSync(path.join(ROOT, 'pkg', f), path.join(dir, 'pkg', f));
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...manifest.host_permissions, ...hosts];
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

function fixtureFor(url) {
  const u = new URL(url);
  const html = { 'content-type': 'text/html; charset=utf-8' };
  if (u.pathname === '/cgi-bin/appmsg') {
    const which = u.searchParams.get('e2e_page');
    if (which === 'noeditor') return { headers: html, body: NO_EDITOR_PAGE };
    const t = u.searchParams.get('t') || '';
    const file = t === 'media/appmsg_edit' ? FIXTURE_PAGES.ueditor : FIXTURE_PAGES.prosemirror;
    return { headers: html, body: fs.readFileSync(path.join(FIXTURES, file)) };
  }
  const base = u.pathname.match(/^\/wxlint-e2e\/baseline\/([\w.-]+\.html)$/);
  if (base && Object.values(FIXTURE_PAGES).includes(base[1])) {
    return { headers: html, body: fs.readFileSync(path.join(FIXTURES, base[1])) };
  }
  const asset = u.pathname.match(/^\/wxlint-e2e\/([\w.-]+\.(js|css|png))$/);
  if (asset && fs.existsSync(path.join(FIXTURES, asset[1]))) {
    const type = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', png: 'image/png' }[asset[2]];
    return { headers: { 'content-type': type }, body: fs.readFileSync(path.join(FIXTURES, asset[1])) };
  }
  if (u.pathname === '/wxlint-e2e/canary') return { headers: { 'content-type': 'text/plain' }, body: 'canary' };
  return null;
}

/**
 * Launch Chromium with the extension. Returns
 * {context, extensionId, requests, close(), …} where `requests` is the log of every request
 * seen by the context: {url, method, type, serviceWorker, request}; env.handledBy(entry) tells how it was answered: 'fixture',
 * 'image', 'not-found' (an unknown path under mp.weixin.qq.com: answered 404 by the route),
 * 'blocked' (anything else: aborted) or null (not routed, e.g. chrome-extension://)).
 */
export async function launch(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxlint-e2e-'));
  // WXLINT_E2E_EXTENSION_DIR: run the suite against another copy of the extension (e.g. one
  // with a deliberately broken line, to see a test fail).
  const extensionDir = options.extensionDir || process.env.WXLINT_E2E_EXTENSION_DIR || ROOT;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    // The Chinese UI of the extension (_locales/zh_CN) needs the browser's UI language.
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--lang=zh-CN',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // options.extensionDebugging: CDP's Extensions domain (Extensions.triggerAction: a click on
      // the extension's toolbar button, which opens its popup and grants activeTab).
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });

  const requests = [];
  const handled = new Map(); // request → handler
  context.on('request', (r) => {
    let sw = false;
    try { sw = !!r.serviceWorker(); } catch (_) { /* older API */ }
    requests.push({ url: r.url(), method: r.method(), type: r.resourceType(), serviceWorker: sw, request: r });
  });
  const note = (route, how) => handled.set(route.request(), how);

  // Routes run in the reverse order of registration: the catch-all first, then the specific ones.
  await context.route((u) => /^(https?|wss?|ftp):$/.test(u.protocol), (route) => {
    note(route, 'blocked');
    return route.abort('blockedbyclient');
  });
  for (const origin of SITE_ORIGINS) {
    await context.route(`${origin}/**`, (route) => {
      const f = siteFixtureFor(route.request().url());
      if (!f) {
        note(route, 'not-found');
        return route.fulfill({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' });
      }
      note(route, 'fixture');
      return route.fulfill({ status: 200, headers: { ...f.headers, 'content-security-policy': "script-src 'self'", 'cache-control': 'no-store' }, body: f.body });
    });
  }
  await context.route('https://img.xiumi.us/**', (route) => {
    note(route, 'image');
    return route.fulfill({ status: 200, headers: { 'content-type': 'image/png' }, body: fs.readFileSync(path.join(FIXTURES, 'photo.png')) });
  });
  await context.route(`${IMAGE_ORIGIN}/**`, (route) => {
    note(route, 'image');
    return route.fulfill({ status: 200, headers: { 'content-type': 'image/png' }, body: fs.readFileSync(path.join(FIXTURES, 'photo.png')) });
  });
  await context.route(`${ORIGIN}/**`, (route) => {
    const f = fixtureFor(route.request().url());
    if (!f) {
      note(route, 'not-found');
      return route.fulfill({ status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' });
    }
    note(route, 'fixture');
    return route.fulfill({
      status: 200,
      headers: { ...f.headers, 'content-security-policy': "script-src 'self'", 'cache-control': 'no-store' },
      body: f.body,
    });
  });

  let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) {
    sw = await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: TIMEOUT,
    });
  }
  const extensionId = new URL(sw.url()).host;
  // The tests read the extension's Chinese UI (_locales/zh_CN): Chromium only runs in zh-CN when
  // its locale pack is installed (Debian: chromium-l10n); otherwise say so instead of failing later.
  const uiLanguage = await sw.evaluate(() => chrome.i18n.getUILanguage());
  if (!/^zh/i.test(uiLanguage) && !options.anyLanguage) {
    await context.close().catch(() => {});
    throw new Error(`Chromium runs in ${uiLanguage}, not zh-CN: install its locale pack (apt-get install -y chromium-l10n)`);
  }

  const env = {
    context,
    extensionId,
    userDataDir,
    requests,
    /** How a logged request was answered (see above). */
    handledBy: (entry) => handled.get(entry.request) ?? null,
    /** The extension's service worker (looked up again: it can be restarted). */
    async serviceWorker() {
      const w = context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${extensionId}/`));
      if (w) return w;
      return context.waitForEvent('serviceworker', { predicate: (x) => x.url().startsWith(`chrome-extension://${extensionId}/`), timeout: TIMEOUT });
    },
    extensionUrl: (p) => `chrome-extension://${extensionId}/${p}`,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return env;
}

// ---- Waiting ------------------------------------------------------------------------------------

/** Poll `fn` until it returns a truthy value; returns it. Throws with `message` (and the last value). */
export async function waitFor(fn, { timeout = TIMEOUT, interval = 100, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      lastError = null;
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const detail = lastError ? `error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Hold for `ms` while asserting that `fn` stays truthy (for "nothing happens" checks). */
export async function holds(fn, ms, message) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    assert.ok(await fn(), message);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// ---- Messages to the content script ---------------------------------------------------------------

/**
 * Send `msg` to the content script of `page` (chrome.tabs.sendMessage from the service worker;
 * the tab is found by its URL, unique thanks to `e2e_tab`).
 */
export async function tabMessage(env, page, msg) {
  const sw = await env.serviceWorker();
  return sw.evaluate(async ({ url, msg: m }) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (!tab) throw new Error(`no tab with url ${url} (tabs: ${tabs.map((t) => t.url).join(', ')})`);
    return chrome.tabs.sendMessage(tab.id, m);
  }, { url: page.url(), msg });
}

export const stats = (env, page) => tabMessage(env, page, { type: 'stats' });
export const status = (env, page) => tabMessage(env, page, { type: 'status' });

// ---- Pages ------------------------------------------------------------------------------------------

/**
 * Open an editor fixture and wait until the extension recognised it and finished its first check.
 * Returns the page.
 */
export async function openEditor(env, kind, query = {}, { waitChecked = true } = {}) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.e2eErrors = errors;
  await page.goto(editorUrl(kind, query), { waitUntil: 'load' });
  if (waitChecked) {
    await waitFor(async () => {
      const st = await status(env, page);
      return st.recognised && st.checked && !st.error ? st : null;
    }, { message: `the extension to check the ${kind} fixture` });
  }
  return page;
}

/**
 * Open an editor fixture in a window of `width` × `height` CSS pixels at `scale` (1.5: the
 * browser zoomed to 150 %, i.e. a window of width × scale device pixels), and wait for the check.
 */
export async function openEditorAt(env, kind, query, { width, height, scale = 1 }) {
  const page = await env.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.e2eErrors = errors;
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: false });
  page.e2eCdp = cdp;
  await page.goto(editorUrl(kind, query), { waitUntil: 'load' });
  await waitFor(async () => {
    const st = await status(env, page);
    return st.recognised && st.checked && !st.error ? st : null;
  }, { message: `the extension to check the ${kind} fixture` });
  return page;
}

/**
 * Screenshots kept as test artefacts: target/e2e-screenshots/NAME.png, and a JPEG beside it for
 * the README (scripts/update-screenshots.mjs copies those to docs/screenshots/).
 */
export async function screenshot(page, name) {
  const dir = path.join(ROOT, 'target/e2e-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  if (page.e2eCdp) {
    // A page sized by Emulation.setDeviceMetricsOverride (openEditorAt): Playwright's own
    // screenshot would put its viewport back for the capture; ask the browser directly.
    for (const [format, f, extra] of [['png', file, {}], ['jpeg', path.join(dir, `${name}.jpg`), { quality: 78 }]]) {
      const { data } = await page.e2eCdp.send('Page.captureScreenshot', { format, ...extra });
      fs.writeFileSync(f, Buffer.from(data, 'base64'));
    }
    return file;
  }
  await page.screenshot({ path: file, caret: 'initial' });
  await page.screenshot({ path: path.join(dir, `${name}.jpg`), type: 'jpeg', quality: 78, caret: 'initial' });
  return file;
}

/**
 * The boxes of every finding drawn in the top window's viewport: the ranges of CSS.highlights
 * (in the page and in same-origin frames) and the overlay's boxes, clipped to the viewport.
 */
export async function findingRects(page) {
  return page.evaluate(() => {
    const out = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const add = (r, dx, dy, what) => {
      const x = { left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy, what };
      if (x.right > 0 && x.left < vw && x.bottom > 0 && x.top < vh && x.right - x.left > 0.5) out.push(x);
    };
    const wins = [[window, 0, 0]];
    for (const f of document.querySelectorAll('iframe')) {
      try { const r = f.getBoundingClientRect(); if (f.contentWindow.CSS) wins.push([f.contentWindow, r.left + f.clientLeft, r.top + f.clientTop]); } catch (_) { /* cross-origin */ }
    }
    for (const [w, dx, dy] of wins) {
      if (!w.CSS || !w.CSS.highlights) continue;
      for (const [name, hl] of w.CSS.highlights) {
        if (name === 'wxlint-flash') continue;
        for (const range of hl) for (const r of range.getClientRects()) add(r, dx, dy, `${name}:${range.toString()}`);
      }
    }
    const sr = document.getElementById('wxlint-extension-root')?.shadowRoot;
    if (sr) for (const b of sr.querySelectorAll('.layer .box:not(.flash)')) add(b.getBoundingClientRect(), 0, 0, `box:${b.className}`);
    return out;
  });
}

export const intersects = (a, b) => a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5;

/** The extension's options page. */
export async function openOptions(env) {
  const page = await env.context.newPage();
  await page.goto(env.extensionUrl('extension/options.html'));
  await page.waitForSelector('#rule-list .rule', { timeout: TIMEOUT });
  return page;
}

// ---- Reading what the extension drew ----------------------------------------------------------------

/**
 * The highlight registry of the top document (frame: null) or of the document of the iframe
 * matching `frame`, read from the page's main world:
 * {name: [{text, where, paragraph}]} where `where` is 'title' | 'body' | 'other' and `paragraph`
 * the id (or index among its siblings) of the nearest <p>.
 */
export async function highlights(page, frame = null) {
  return page.evaluate((frameSel) => {
    const win = frameSel ? document.querySelector(frameSel).contentWindow : window;
    const out = {};
    if (!win.CSS || !win.CSS.highlights) return out;
    const describe = (r) => {
      const node = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
      const title = node.closest('.title-editor__input, #js_title_main');
      const body = node.closest('.mock-iframe-body .ProseMirror, body.view') || (node.getRootNode().host ? node.closest('.ProseMirror') : null);
      const p = node.closest('p');
      let paragraph = null;
      if (p) paragraph = p.id || `#${[...p.parentNode.children].indexOf(p)}`;
      return { text: r.toString(), where: title ? 'title' : body ? 'body' : 'other', paragraph };
    };
    for (const [name, hl] of win.CSS.highlights) out[name] = [...hl].map(describe);
    return out;
  }, frame);
}

/** Texts of one highlight, e.g. highlightTexts(page, 'wxlint-block'). */
export async function highlightTexts(page, name, frame = null) {
  const all = await highlights(page, frame);
  return (all[name] || []).map((r) => r.text);
}

/**
 * The panel, read from the extension's shadow root. null when the host does not exist;
 * {closed: true} when the shadow root is closed (not readable from the page).
 */
export async function panel(page) {
  return page.evaluate(() => {
    const host = document.getElementById('wxlint-extension-root');
    if (!host) return null;
    const sr = host.shadowRoot;
    if (!sr) return { closed: true };
    const el = sr.querySelector('.panel');
    if (!el) return { exists: false };
    const notice = sr.querySelector('.panel .notice');
    // Labelled badges ("必须修改 3"): the count is in data-count.
    const badges = {};
    const labels = [];
    for (const b of sr.querySelectorAll('.panel .badges .badge')) {
      labels.push(b.textContent);
      if (b.dataset.severity) badges[b.dataset.severity] = Number(b.dataset.count);
      else if (b.classList.contains('ok')) badges.ok = b.textContent;
    }
    const rowOf = (li, rule) => {
      const text = li.querySelector('.text');
      const where = li.querySelector('.where');
      const times = li.querySelector('.times');
      let t = text ? text.textContent.slice(where ? where.textContent.length : 0) : '';
      if (times) t = t.slice(0, t.length - times.textContent.length);
      return {
        rule,
        severity: li.dataset.severity,
        count: Number(li.dataset.count || 1),
        where: where ? where.textContent : '',
        text: t,
        message: (li.querySelector('.msg') || {}).textContent || '',
        actions: [...li.querySelectorAll('.actions button')].map((b) => b.textContent),
      };
    };
    const items = [];
    for (const g of sr.querySelectorAll('.panel .group')) {
      for (const li of g.querySelectorAll('li.item')) items.push(rowOf(li, g.dataset.rule));
    }
    const ignored = [...sr.querySelectorAll('.panel .ignored-list li.item')].map((li) => rowOf(li, li.dataset.rule));
    const logo = sr.querySelector('.panel .logo');
    const r = el.getBoundingClientRect();
    const info = sr.querySelector('.panel .notice.info');
    return {
      exists: true,
      hidden: el.hidden || getComputedStyle(el).display === 'none',
      collapsed: el.classList.contains('collapsed'),
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
      status: (sr.querySelector('.panel .status') || {}).textContent || '',
      logo: logo ? logo.className.replace(/^logo\s*/, '') : null,
      notice: notice && !notice.hidden ? notice.textContent : null,
      info: info && !info.hidden ? info.textContent : null,
      empty: (sr.querySelector('.panel .empty') || {}).textContent || null,
      badges,
      labels,
      items,
      ignored,
      text: el.innerText,
    };
  });
}

/** The guard dialog (in the shadow root): null when closed. */
export async function guardDialog(page) {
  return page.evaluate(() => {
    const sr = document.getElementById('wxlint-extension-root')?.shadowRoot;
    const d = sr && sr.querySelector('.backdrop .dialog');
    if (!d) return null;
    return {
      waiting: d.classList.contains('waiting'),
      heading: (d.querySelector('h2') || {}).textContent || '',
      blockItems: [...d.querySelectorAll('.block-list li')].map((li) => li.textContent),
      publishDisabled: d.querySelector('button.publish') ? d.querySelector('button.publish').disabled : null,
      text: d.innerText,
    };
  });
}

/**
 * The page's own markers (set by the fixture's handlers, in the main world): sendClicks (the
 * toolbar's 发表 reached the page), massDialogs, published (the page's publish handler ran: the
 * last confirmation), cancelled, draftSaved, and the steps of the flow in order.
 */
export async function markers(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__marks || {})));
}

// ---- The article DOM ------------------------------------------------------------------------------

/**
 * The article DOM as the page has it: {body, bodyOuter, title, titleOuter, frameDocument}:
 * innerHTML and outerHTML of the body's editable element (the body ProseMirror, or the old
 * editor's iframe <body>), of the title ProseMirror (the old editor: the title input's value and
 * outerHTML), and the whole iframe document of the old editor (null in the new one).
 */
export async function editorHtml(page) {
  return page.evaluate(() => {
    const frame = document.querySelector('iframe#ueditor_0');
    let bodyEl = null;
    if (frame) bodyEl = frame.contentDocument.body;
    else {
      const host = document.querySelector('.editor-v-root');
      const scope = host && host.shadowRoot ? host.shadowRoot : document;
      bodyEl = scope.querySelector('.mock-iframe-body .ProseMirror');
    }
    const titlePm = document.querySelector('.title-editor__input .ProseMirror');
    const titleInput = document.querySelector('textarea#title:not([style*="display: none"])') || document.querySelector('input#title');
    return {
      body: bodyEl ? bodyEl.innerHTML : null,
      bodyOuter: bodyEl ? bodyEl.outerHTML : null,
      title: titlePm ? titlePm.innerHTML : titleInput ? titleInput.value : null,
      titleOuter: (titlePm || titleInput || {}).outerHTML ?? null,
      frameDocument: frame ? frame.contentDocument.documentElement.outerHTML : null,
    };
  });
}

/**
 * Start recording every mutation of the article (body + title, attributes, text, children) from
 * the main world. Read and reset with takeMutations(page).
 */
export async function watchMutations(page) {
  await page.evaluate(() => {
    const frame = document.querySelector('iframe#ueditor_0');
    const host = document.querySelector('.editor-v-root');
    const scope = host && host.shadowRoot ? host.shadowRoot : document;
    const roots = [
      frame ? frame.contentDocument.documentElement : scope.querySelector('.mock-iframe-body .ProseMirror'),
      document.querySelector('.title-editor__input .ProseMirror') || document.querySelector('textarea#title') || document.querySelector('input#title'),
    ].filter(Boolean);
    window.__e2eMutations = [];
    if (window.__e2eObserver) window.__e2eObserver.disconnect();
    const MO = (frame ? frame.contentWindow : window).MutationObserver;
    const mo = new MO((records) => {
      for (const r of records) {
        window.__e2eMutations.push(`${r.type} ${r.target.nodeName}${r.attributeName ? ` @${r.attributeName}` : ''}`);
      }
    });
    for (const root of roots) mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__e2eObserver = mo;
  });
}

export async function takeMutations(page) {
  return page.evaluate(() => {
    const recs = window.__e2eObserver ? window.__e2eObserver.takeRecords() : [];
    for (const r of recs) window.__e2eMutations.push(`${r.type} ${r.target.nodeName}`);
    const out = window.__e2eMutations || [];
    window.__e2eMutations = [];
    return out;
  });
}

// ---- Typing -------------------------------------------------------------------------------------------

/**
 * Put the caret at the end of the element matched by `selector` (in the top document, the
 * body shadow root, or the iframe `frame`) and focus its editable host, like a click at the end
 * of the line.
 */
export async function caretAtEnd(page, selector, frame = null) {
  await page.evaluate(({ sel, frameSel }) => {
    const doc = frameSel ? document.querySelector(frameSel).contentDocument : document;
    const host = document.querySelector('.editor-v-root');
    let el = doc.querySelector(sel);
    if (!el && host && host.shadowRoot) el = host.shadowRoot.querySelector(sel);
    if (!el) throw new Error(`caretAtEnd: no ${sel}`);
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
    const editable = el.closest('[contenteditable="true"]') || doc.body;
    if (frameSel) document.querySelector(frameSel).contentWindow.focus();
    editable.focus();
    const sel2 = (el.getRootNode().getSelection ? el.getRootNode() : doc).getSelection();
    if (last) sel2.collapse(last, last.length); else sel2.collapse(el, el.childNodes.length);
  }, { sel: selector, frameSel: frame });
}

/** Type text: characters with key events, and the characters a keyboard lacks as inserted text. */
export async function typeText(page, text) {
  for (const part of text.split(/([\u200B-\u200D\u2060\uFEFF])/)) {
    if (!part) continue;
    if (/^[\u200B-\u200D\u2060\uFEFF]$/.test(part)) await page.keyboard.insertText(part);
    else await page.keyboard.type(part);
  }
}

/** The centre of the first client rect of a highlighted range (top-level viewport coordinates). */
export async function highlightPoint(page, name, text, frame = null) {
  return page.evaluate(({ n, t, frameSel }) => {
    const fe = frameSel ? document.querySelector(frameSel) : null;
    const win = fe ? fe.contentWindow : window;
    const hl = win.CSS.highlights.get(n);
    if (!hl) return null;
    const r = [...hl].find((x) => x.toString() === t);
    if (!r) return null;
    // Bring it into view first (the fixtures have a fixed toolbar at the bottom, like the real editor).
    const node = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
    node.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = r.getClientRects()[0];
    if (!rect) return null;
    let dx = 0;
    let dy = 0;
    if (fe) { const fr = fe.getBoundingClientRect(); dx = fr.left + fe.clientLeft; dy = fr.top + fe.clientTop; }
    return { x: rect.left + rect.width / 2 + dx, y: rect.top + rect.height / 2 + dy };
  }, { n: name, t: text, frameSel: frame });
}

// ---- Requests ---------------------------------------------------------------------------------------

/** Group the request log: {'origin+path': count}, and the entries that broke the rule. */
export function summarizeRequests(env) {
  const byTarget = {};
  const offenders = [];
  for (const r of env.requests) {
    const u = new URL(r.url);
    const how = env.handledBy(r);
    const key = u.protocol === 'chrome-extension:'
      ? `chrome-extension://<id>${u.pathname}`
      : `${u.origin}${u.pathname}${r.serviceWorker ? ' (service worker)' : ''} [${how}]`;
    byTarget[key] = (byTarget[key] || 0) + 1;
    const ok = (u.protocol === 'chrome-extension:' && u.host === env.extensionId)
      || u.protocol === 'data:' || u.protocol === 'blob:'
      || how === 'fixture' || how === 'image';
    if (!ok) offenders.push({ url: r.url, how, serviceWorker: r.serviceWorker, type: r.type });
  }
  return { total: env.requests.length, byTarget, offenders };
}

/**
 * Assert that every request went to an intercepted fixture route or to the extension itself, and
 * that the log did see the service worker (a canary request from it, answered by the fixture route).
 */
export async function assertOnlyFixtureTraffic(env, t) {
  const sw = await env.serviceWorker();
  const canary = `${ORIGIN}/wxlint-e2e/canary?from=service-worker`;
  const body = await sw.evaluate((u) => fetch(u).then((r) => r.text()), canary);
  assert.equal(body, 'canary');
  await waitFor(() => env.requests.some((r) => r.url === canary && r.serviceWorker), { message: 'the service worker canary in the request log' });
  const summary = summarizeRequests(env);
  if (t) t.diagnostic(`requests: ${JSON.stringify(summary.byTarget)}`);
  if (process.env.WXLINT_E2E_LOG_REQUESTS) console.error(JSON.stringify(summary, null, 2));
  assert.deepEqual(summary.offenders, [], 'requests outside the fixture routes and the extension');
  return summary;
}
