// Background: the only place the WebAssembly checker runs (a page's CSP can forbid WASM in a
// content script; the extension's own service worker / background page is not affected).
//
// Chromium: an MV3 module service worker. Firefox: a module background script (the same file,
// listed under background.scripts). Static imports only, no top-level await; the checker is
// initialised lazily on the first message and rebuilt when the settings change.
//
// Messages (chrome.runtime.sendMessage), each answered asynchronously:
//   {type: 'check', article, revision?} → {findings, ms} | {error}
//   {type: 'rules'}                     → {rules, version, locale} | {error}
//   {type: 'validateLexicon', text, category?, name?} → {ok: true, entries, allowed} | {error, line}
//   {type: 'validateConfig', config}    → {ok: true} | {error}
//   {type: 'addAllow', text}            → {ok: true, allow, revision} | {error}
//   {type: 'removeAllow', text}         → {ok: true, allow, revision} (the undo of addAllow)
//   {type: 'managed'}                   → {managed} (the organisation's settings, parsed; null when none)
//   {type: 'badge', counts}             → {ok: true} (the toolbar badge of the sender's tab)
//   {type: 'sites'}                     → {sites: {xiumi: {enabled, granted, registered}, e135: …}}
//   {type: 'checkSelection', tabId}     → {ok: true, mode} | {error} (the popup's 检查选中的文字)
//   {type: 'status'}                    → {ready, version, lexicons, settingsError, lexiconErrors, checks, startup}
//   {type: 'openOptions'}               → {ok: true}
//   {type: 'openReviewSheet', sheet}    → {ok: true, id} (stores the sheet data one-time, opens review-sheet.html)
import init, { Checker, version, buildId, restoreStartupSnapshot, startupSnapshot } from '../pkg/wxlint.js';
import { restoreSnapshot, saveSnapshot } from './startup-cache.js';
import './shared.js';

const { api, KEYS, SETTINGS_KEYS, SITES, buildConfig, sheetStorage, readManaged, getStored } = globalThis.wxlintShared;

/** Review sheet data nobody opened (the tab was closed before it loaded) goes after a day. */
const SHEET_MAX_AGE_MS = 24 * 60 * 60 * 1000;

let initPromise = null;
/**
 * The checker built from the current settings, or null until the first message.
 * @type {Checker | null}
 */
let checker = null;
/**
 * A promise for the rebuild in progress (or done).
 * @type {Promise<Checker> | null}
 */
let buildPromise = null;
/** The settings revision the checker was built from. */
let builtRevision = null;
let settingsError = null;
/** @type {{name: string, line: number, error: string}[]} */
let lexiconErrors = [];
/** The organisation's settings the checker was built with (parseManaged()), or null. */
let managed = null;
let checks = 0;
/**
 * How this worker started (startup-cache.js): `snapshot` is 'restored', 'none', 'refused' or
 * 'unavailable' after start, then 'saved' once a snapshot was stored; `ms` the time it took.
 * Also on globalThis for the end-to-end tests.
 */
const startup = { snapshot: 'pending', ms: 0 };
globalThis.wxlintStartup = startup;
const wx = { buildId, restoreStartupSnapshot, startupSnapshot };
let snapshotSaving = false;

/** After the first check of a worker that built everything: store the snapshot, when idle. */
function saveSnapshotSoon() {
  if (snapshotSaving || startup.snapshot === 'restored' || startup.snapshot === 'saved') return;
  snapshotSaving = true;
  setTimeout(() => {
    saveSnapshot(wx).then((r) => Object.assign(startup, r));
  }, 1000);
}

function ensureInit() {
  if (!initPromise) {
    initPromise = init({ module_or_path: api.runtime.getURL('pkg/wxlint_bg.wasm') })
      .then(async () => Object.assign(startup, await restoreSnapshot(wx)))
      .catch((e) => {
        initPromise = null;
        throw e;
      });
  }
  return initPromise;
}

/** @returns {Promise<Checker>} */
async function build() {
  await ensureInit();
  const stored = await getStored(SETTINGS_KEYS);
  managed = await readManaged();
  const config = buildConfig(stored, managed);
  let next;
  settingsError = null;
  try {
    next = new Checker(config);
  } catch (e) {
    // A stored configuration the checker refuses (e.g. written by an older version): keep
    // checking with the defaults (and the allow-list), and say so in the status.
    settingsError = String(e && e.message || e);
    try {
      next = new Checker({ locale: config.locale, allow: config.allow });
    } catch (_) {
      next = new Checker({ locale: config.locale });
    }
  }
  lexiconErrors = [];
  const lists = [...((managed && managed.lexicons) || []), ...((managed && managed.lock) ? [] : (stored[KEYS.lexicons] || []))];
  const sources = lists.map((list) => ({
    text: String(list.text || ''),
    category: list.category || 'custom',
    name: list.name || list.fileName || 'custom',
  }));
  // One compilation for every list; only when one is refused, list by list, so that the
  // others still load and each refusal is reported with its line.
  let batched = sources.length === 0;
  if (!batched) {
    try {
      next.loadLexicons(sources);
      batched = true;
    } catch (_) {
      batched = false;
    }
  }
  if (!batched) {
    sources.forEach((source, i) => {
      try {
        next.loadLexicon(source.text, source.category, source.name);
      } catch (e) {
        const list = lists[i];
        lexiconErrors.push({ name: list.label || list.name, line: e.line ?? 0, error: String(e.message || e) });
      }
    });
  }
  if (checker) checker.free();
  checker = next;
  builtRevision = stored[KEYS.revision] ?? null;
  return checker;
}

let rebuilding = false;

/**
 * The checker, (re)built first when none exists yet or when `revision` is newer than it.
 * @returns {Promise<Checker>}
 */
function ready(revision) {
  if (!buildPromise) return rebuild();
  if (typeof revision === 'number' && revision > (builtRevision ?? 0) && !rebuilding) return rebuild();
  return buildPromise;
}

/** @returns {Promise<Checker>} */
function rebuild() {
  rebuilding = true;
  const p = (buildPromise || Promise.resolve()).catch(() => {}).then(build);
  buildPromise = p;
  p.then(
    () => { if (buildPromise === p) rebuilding = false; },
    () => { if (buildPromise === p) { rebuilding = false; buildPromise = null; } },
  );
  return p;
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') {
    if (buildPromise) rebuild();
    return;
  }
  if (area !== 'local') return;
  if (SETTINGS_KEYS.some((k) => k in changes) && buildPromise) rebuild();
  if (KEYS.sites in changes) syncSiteScripts();
});

// ---- 秀米 and 135编辑器: content scripts only where the user granted the host ---------------------

/** The content scripts of the WeChat editor (manifest.json), reused for the other sites. */
function contentScriptFiles() {
  const cs = (api.runtime.getManifest().content_scripts || []).find((c) => (c.js || []).some((f) => f.endsWith('/main.js')));
  return cs ? cs.js : [];
}

/** Register (or unregister) the content scripts of each optional site: enabled and granted. */
async function syncSiteScripts() {
  if (!api.scripting || !api.scripting.registerContentScripts) return siteStates();
  const stored = await getStored(KEYS.sites);
  const wanted = stored[KEYS.sites] || {};
  for (const [site, def] of Object.entries(SITES)) {
    const id = `wxlint-${site}`;
    let granted = false;
    try { granted = await api.permissions.contains({ origins: def.origins }); } catch (_) { granted = false; }
    let registered = [];
    try { registered = await api.scripting.getRegisteredContentScripts({ ids: [id] }); } catch (_) { registered = []; }
    const want = !!wanted[site] && granted;
    try {
      if (want && !registered.length) {
        await api.scripting.registerContentScripts([{ id, matches: def.matches, js: contentScriptFiles(), runAt: 'document_idle', allFrames: false, persistAcrossSessions: true }]);
      } else if (!want && registered.length) {
        await api.scripting.unregisterContentScripts({ ids: [id] });
      }
    } catch (e) {
      console.warn('wxlint: content scripts for', site, e);
    }
  }
  return siteStates();
}

async function siteStates() {
  const stored = await getStored(KEYS.sites);
  const wanted = stored[KEYS.sites] || {};
  const out = {};
  for (const [site, def] of Object.entries(SITES)) {
    let granted = false;
    try { granted = await api.permissions.contains({ origins: def.origins }); } catch (_) { granted = false; }
    let registered = false;
    try { registered = !!(api.scripting && (await api.scripting.getRegisteredContentScripts({ ids: [`wxlint-${site}`] })).length); } catch (_) { registered = false; }
    out[site] = { enabled: !!wanted[site], granted, registered };
  }
  return out;
}

if (api.permissions && api.permissions.onAdded) {
  api.permissions.onAdded.addListener(() => { syncSiteScripts(); });
  api.permissions.onRemoved.addListener(() => { syncSiteScripts(); });
}
api.runtime.onInstalled.addListener(() => { syncSiteScripts(); });
if (api.runtime.onStartup) api.runtime.onStartup.addListener(() => { syncSiteScripts(); });

// ---- 用 wxlint 检查选中的文字: any page, on request, with activeTab only ---------------------------

/** The scripts of the selection check (the panel and highlights, without the editor wiring). */
const SELECTION_FILES = ['extension/shared.js', 'extension/content/util.js', 'extension/content/selectors.js',
  'extension/content/styles.js', 'extension/content/adapters.js', 'extension/content/extract.js',
  'extension/content/highlight.js', 'extension/content/panel.js', 'extension/content/selection.js'];

/**
 * Check the selection (or the field being edited) in a tab's frame. Needs access to the page: the
 * activeTab grant the context menu or the toolbar button gives; without it, executeScript fails
 * and nothing is injected. On a WeChat editor page (checked anyway) it re-checks the article.
 * @param {number} tabId
 * @param {number} [frameId]
 */
async function checkSelection(tabId, frameId) {
  const target = { tabId, frameIds: [frameId || 0] };
  try {
    const [probe] = await api.scripting.executeScript({
      target,
      func: () => {
        const n = /** @type {any} */ (globalThis).wxlint;
        if (n && n.selection) { n.selection.run(); return 'again'; }
        if (n && n.started) return 'editor';
        return 'fresh';
      },
    });
    const mode = probe && probe.result;
    if (mode === 'fresh') await api.scripting.executeScript({ target, files: SELECTION_FILES });
    else if (mode === 'editor') await api.tabs.sendMessage(tabId, { type: 'recheck' });
    return { ok: true, mode };
  } catch (e) {
    return { error: errorText(e) };
  }
}
// For the tests, which cannot click the browser's own menu: the same function.
globalThis.wxlintCheckSelection = checkSelection;

const MENU_ID = 'wxlint-check-selection';
function createMenus() {
  if (!api.contextMenus) return;
  try {
    api.contextMenus.removeAll(() => {
      api.contextMenus.create({ id: MENU_ID, title: api.i18n.getMessage('menuCheckSelection'), contexts: ['selection', 'editable'] });
    });
  } catch (_) { /* no menus in this browser */ }
}
if (api.contextMenus) {
  api.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab && typeof tab.id === 'number') checkSelection(tab.id, info.frameId);
  });
}
api.runtime.onInstalled.addListener(createMenus);

// ---- The toolbar badge: the worst open finding of each tab -------------------------------------

const BADGE_COLORS = { block: '#c62828', review: '#7b1fa2', warn: '#b45309', info: '#1565c0' };

async function setBadge(tabId, counts) {
  if (typeof tabId !== 'number' || !api.action) return;
  const order = ['block', 'review', 'warn', 'info'];
  const worst = order.find((s) => (counts && counts[s]) > 0);
  const label = (s) => api.i18n.getMessage(`severity_${s}`) || s;
  const parts = order.filter((s) => counts && counts[s] > 0).map((s) => `${label(s)} ${counts[s]}`);
  try {
    await api.action.setBadgeText({ tabId, text: worst ? String(counts[worst]) : '' });
    if (worst) await api.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[worst] });
    await api.action.setTitle({ tabId, title: parts.length ? `${api.i18n.getMessage('actionTitle')}：${parts.join(' · ')}` : api.i18n.getMessage('actionTitle') });
  } catch (_) { /* the tab is gone */ }
}

function errorText(e) {
  return String((e && e.message) || e);
}

/** Store a review sheet's data under a one-time key and open the sheet in a tab next to the sender's. */
async function openReviewSheet(sheet, sender) {
  if (!sheet || typeof sheet !== 'object' || !sheet.article) return { error: 'no sheet data' };
  let checkerVersion = null;
  try {
    await ensureInit();
    checkerVersion = version();
  } catch (_) { /* the sheet says nothing about it */ }
  const area = sheetStorage();
  try {
    const all = await getStored(null, area);
    const stale = Object.keys(all).filter((k) => k.startsWith(KEYS.sheetPrefix)
      && !(all[k] && all[k].storedAt > Date.now() - SHEET_MAX_AGE_MS));
    if (stale.length) await area.remove(stale);
  } catch (_) { /* nothing to tidy */ }
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  await area.set({ [KEYS.sheetPrefix + id]: { ...sheet, id, storedAt: Date.now(), checkerVersion } });
  const url = api.runtime.getURL(`extension/review-sheet.html?id=${id}`);
  const tab = sender && sender.tab;
  try {
    const props = { url };
    if (tab && typeof tab.id === 'number') {
      props.openerTabId = tab.id;
      if (typeof tab.index === 'number') props.index = tab.index + 1;
      if (typeof tab.windowId === 'number') props.windowId = tab.windowId;
    }
    await api.tabs.create(props);
  } catch (_) {
    await api.tabs.create({ url });
  }
  return { ok: true, id };
}

async function handle(msg, sender) {
  switch (msg && msg.type) {
    case 'check': {
      const c = await ready(msg.revision);
      const t0 = performance.now();
      const findings = c.check(msg.article || {});
      checks += 1;
      saveSnapshotSoon();
      return { findings, ms: performance.now() - t0 };
    }
    case 'rules': {
      await ensureInit();
      return { rules: Checker.rules(), version: version(), locale: globalThis.wxlintShared.checkerLocale() };
    }
    case 'validateLexicon': {
      await ensureInit();
      // A throwaway checker without the built-in lexicon: cheap, and the active one is untouched.
      const v = new Checker({ builtinLexicon: false });
      try {
        const stats = v.loadLexicon(String(msg.text ?? ''), msg.category || 'custom', msg.name || 'custom');
        return { ok: true, entries: stats.entries, allowed: stats.allowed };
      } catch (e) {
        return { error: errorText(e), line: typeof e.line === 'number' ? e.line : 0 };
      } finally {
        v.free();
      }
    }
    case 'validateConfig': {
      await ensureInit();
      try {
        const v = new Checker({ ...(msg.config || {}), builtinLexicon: false });
        v.free();
        return { ok: true };
      } catch (e) {
        return { error: errorText(e) };
      }
    }
    case 'addAllow':
    case 'removeAllow': {
      const text = String(msg.text ?? '').trim();
      if (!text) return { error: 'empty' };
      const stored = await getStored([KEYS.allow]);
      let allow = Array.isArray(stored[KEYS.allow]) ? stored[KEYS.allow] : [];
      if (msg.type === 'addAllow') { if (!allow.includes(text)) allow.push(text); } else allow = allow.filter((x) => x !== text);
      await api.storage.local.set({ [KEYS.allow]: allow, [KEYS.revision]: Date.now() });
      await rebuild();
      return { ok: true, allow, revision: builtRevision };
    }
    case 'managed': {
      return { managed: await readManaged() };
    }
    case 'badge': {
      await setBadge(sender && sender.tab && sender.tab.id, msg.counts);
      return { ok: true };
    }
    case 'sites': {
      return { sites: await syncSiteScripts() };
    }
    case 'checkSelection': {
      return checkSelection(Number(msg.tabId), 0);
    }
    case 'status': {
      let ok = true;
      try { await ready(); } catch (_) { ok = false; }
      return {
        ready: ok && !!checker,
        version: ok ? version() : null,
        lexicons: checker ? checker.lexiconNames() : [],
        settingsError,
        lexiconErrors,
        managed: managed ? { org: managed.org, lock: managed.lock, errors: managed.errors } : null,
        checks,
        startup: { snapshot: startup.snapshot, ms: startup.ms },
      };
    }
    case 'openOptions': {
      await api.runtime.openOptionsPage();
      return { ok: true };
    }
    case 'openReviewSheet':
      return openReviewSheet(msg.sheet, sender);
    default:
      return undefined;
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg.type !== 'string') return false;
  const known = ['check', 'rules', 'validateLexicon', 'validateConfig', 'addAllow', 'removeAllow', 'managed', 'badge', 'sites', 'checkSelection', 'status', 'openOptions', 'openReviewSheet'];
  if (!known.includes(msg.type)) return false; // e.g. 'stats' is for the content script
  handle(msg, sender).then(
    (answer) => sendResponse(answer),
    (e) => sendResponse({ error: errorText(e) }),
  );
  return true;
});
