// Wiring: editor edits → debounce (300 ms) → extract → one message to the background → draw.
// Keeps the latest result for the publish guard, the ignored findings of this article, the
// findings seen in this session (per article: the review sheet's 已修改), the "publish anyway"
// records and how they ended, and timings (answered to {type: 'stats'} from the popup or tests —
// nothing is put in the page).
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  if (window.top !== window || ns.started) return;
  ns.started = true;

  const { KEYS, ignoreKey, articleStats, findingExcerpt, canAllowRule, getStored } = globalThis.wxlintShared;
  const api = ns.api;
  const DEBOUNCE_MS = 300;
  const MAX_LATENCIES = 500;

  /** @type {MainState} */
  const S = {
    editor: null,
    watcher: null,
    observers: [],
    result: null,
    items: [],
    error: null,
    dirty: true,
    timer: null,
    inflight: null,
    rerun: false,
    composing: false,
    lastInputAt: null,
    revision: null,
    rules: [],
    ruleIndex: new Map(),
    ignored: new Set(),
    overrides: [],
    history: new Map(),
    articleKey: null,
    pageId: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`,
    stats: { checks: 0, lastMs: null, latencies: [], last: null, errors: 0 },
    noticeShown: false,
    /** 秀米 / 135编辑器: the text of the copy / sync button found ('' none; null not looked yet). */
    syncButton: null,
    cursor: new Map(),
    crossCheck: null,
    mismatchStreak: { title: 0, body: 0 },
  };
  ns.state = S;

  const site = ns.adapters.site();

  // ---- Article identity, ignored findings, overrides ---------------------------------------

  function currentArticleKey() {
    try {
      const u = new URL(location.href);
      const id = u.searchParams.get('appmsgid');
      if (id) return `appmsgid:${id}`;
      if (site === 'xiumi' && /paper\/(?:for\/)?([\w-]+)/.test(u.hash)) return `xiumi:${u.hash.match(/paper\/(?:for\/)?([\w-]+)/)[1]}`;
    } catch (_) { /* keep */ }
    return `page:${S.pageId}`;
  }

  /** Whether ignored findings of this article are kept after the page is closed. */
  const persistent = (key) => !key.startsWith('page:');

  async function loadIgnored() {
    S.articleKey = currentArticleKey();
    if (!persistent(S.articleKey)) return;
    try {
      const stored = await getStored(KEYS.ignored);
      const all = stored[KEYS.ignored] || {};
      for (const k of all[S.articleKey] || []) S.ignored.add(k);
    } catch (_) { /* none */ }
  }

  async function saveIgnored() {
    S.articleKey = currentArticleKey();
    if (!persistent(S.articleKey)) return; // a new article: in memory only
    try {
      const stored = await getStored(KEYS.ignored);
      const all = stored[KEYS.ignored] || {};
      if (S.ignored.size) all[S.articleKey] = [...S.ignored]; else delete all[S.articleKey];
      await api.storage.local.set({ [KEYS.ignored]: all });
    } catch (_) { /* extension reloaded */ }
  }

  /** @param {OverrideRecord} record */
  async function recordOverride(record) {
    const key = currentArticleKey();
    const full = {
      ...record,
      articleKey: key,
      url: location.href.replace(/([?&])token=[^&]*/, '$1token='),
      title: (S.result && S.result.article && S.result.article.title) || '',
    };
    S.overrides.push(full);
    await storeOverride(key, (list) => { list.push(full); return list; });
  }

  /** Settle a "publish anyway" record: what the page did after it. */
  async function settleOverride(id, outcome) {
    const rec = S.overrides.find((r) => r.id === id);
    if (!rec) return;
    rec.outcome = outcome;
    rec.settledAt = new Date().toISOString();
    await storeOverride(rec.articleKey, (list) => list.map((r) => (r.id === id ? { ...r, outcome, settledAt: rec.settledAt } : r)));
  }

  async function storeOverride(key, change) {
    try {
      const stored = await getStored(KEYS.overrides);
      const all = stored[KEYS.overrides] || {};
      const list = Array.isArray(all[key]) ? all[key] : [];
      all[key] = change(list).slice(-50);
      await api.storage.local.set({ [KEYS.overrides]: all });
    } catch (_) { /* kept in memory */ }
  }

  // ---- Findings seen in this session (for the review sheet's 已修改) ------------------------

  /**
   * What makes two findings of different checks "the same problem": the rule, the field and
   * the matched text; for findings without a text of their own (an image without a caption)
   * or whose text is only the overflow (the length rules), where they are instead.
   * @param {Finding} f
   */
  function historyKey(f) {
    const what = !f.text || /-length$/.test(f.rule) ? `@${whereOf(f)}` : f.text;
    return `${f.rule}\u0001${f.field}\u0001${what}`;
  }

  /** The history of the current article (a new article's history follows it once it has an id). */
  function historyOf(key) {
    let h = S.history.get(key);
    if (!h) {
      const early = S.history.get(`page:${S.pageId}`);
      if (early && key !== `page:${S.pageId}`) {
        h = early;
        S.history.delete(`page:${S.pageId}`);
      } else {
        h = new Map();
      }
      S.history.set(key, h);
    }
    return h;
  }

  function recordHistory(result) {
    const h = historyOf(currentArticleKey());
    const now = Date.now();
    for (const f of result.findings) {
      const k = historyKey(f);
      const entry = h.get(k);
      const seen = {
        rule: f.rule, severity: f.severity, field: f.field, where: whereOf(f), text: f.text,
        message: f.message, suggestion: f.suggestion || null, excerpt: findingExcerpt(result.article, f),
      };
      if (entry) {
        entry.finding = seen;
        entry.lastSeen = now;
        entry.allowed = false;
      } else {
        h.set(k, { finding: seen, firstSeen: now, lastSeen: now, allowed: false });
      }
    }
  }

  // ---- Labels --------------------------------------------------------------------------------

  function ruleName(id) {
    const r = S.ruleIndex.get(id);
    if (!r) return id;
    return (ns.t('checkerLocale') === 'en' ? r.nameEn : r.nameZh) || id;
  }

  function ruleOrder(id) {
    const i = S.rules.findIndex((r) => r.id === id);
    return i < 0 ? 999 : i;
  }

  /**
   * Where a finding is, for the panel and the dialog: 标题 / 正文第 3 段 / 第 2 张图片.
   * @param {Finding} f
   */
  function whereOf(f) {
    if (f.field !== 'body') {
      const m = S.result && S.result.map && S.result.map[f.field];
      const base = ns.t(`field_${f.field}`);
      return m && m.readonly ? ns.t('whereReadonly', [base]) : base;
    }
    const blocks = S.result && S.result.article ? S.result.article.blocks : [];
    const b = blocks[f.block];
    if (!b) return ns.t('field_body');
    let n = 0;
    for (let i = 0; i <= f.block; i += 1) if (blocks[i] && blocks[i].type === b.type) n += 1;
    return b.type === 'image'
      ? ns.t(f.end > f.start ? 'whereImageCaption' : 'whereImage', [String(n)])
      : ns.t('whereParagraph', [String(n)]);
  }

  // ---- Checking ------------------------------------------------------------------------------

  // User input (re)starts the debounce and is the start of the latency measurement; a DOM
  // mutation alone (the editor re-rendering after the same input) neither restarts a pending
  // debounce nor moves the measurement's start.
  function schedule(fromInput) {
    S.dirty = true;
    if (S.composing) return;
    if (fromInput) S.lastInputAt = performance.now();
    else if (S.timer) return;
    clearTimeout(S.timer);
    S.timer = setTimeout(() => { S.timer = null; run('input'); }, DEBOUNCE_MS);
  }

  function fieldValues() {
    const e = S.editor;
    const v = (f) => (f && f.kind === 'input' ? String(f.el.value ?? '') : null);
    return e ? [v(e.title), v(e.author), v(e.digest)] : [];
  }

  function fieldsChanged() {
    if (!S.result || !S.result.article) return false;
    const [title, author, digest] = fieldValues();
    const a = S.result.article;
    return (title !== null && title !== undefined && title !== a.title)
      || (author !== null && author !== undefined && author !== a.author)
      || (digest !== null && digest !== undefined && digest !== a.digest);
  }

  async function run(trigger) {
    clearTimeout(S.timer);
    S.timer = null;
    if (S.inflight) {
      S.rerun = true;
      return S.inflight;
    }
    const p = check(trigger);
    S.inflight = p;
    try {
      return await p;
    } finally {
      S.inflight = null;
      if (S.rerun) {
        S.rerun = false;
        if (S.dirty) run('rerun');
      }
    }
  }

  /** @returns {Promise<CheckResult | {error: string}>} */
  async function check(trigger) {
    const firedAt = performance.now();
    const inputAt = trigger === 'input' ? S.lastInputAt : null;
    S.dirty = false;
    if (!S.editor) {
      S.result = { findings: [], map: null, article: null, ms: null, at: Date.now() };
      redraw();
      return S.result;
    }
    ns.panel.checking();
    let ex;
    try {
      ex = ns.extract.extractArticle(S.editor);
    } catch (e) {
      S.error = `extract: ${e && e.message}`;
      S.stats.errors += 1;
      render();
      return { error: S.error };
    }
    const extracted = performance.now();
    const answer = await ns.send({ type: 'check', article: ex.article, revision: S.revision });
    const answered = performance.now();
    if (!answer || 'error' in answer || !Array.isArray(answer.findings)) {
      S.error = (answer && 'error' in answer && answer.error) || 'no answer';
      S.stats.errors += 1;
      render();
      return { error: S.error };
    }
    S.error = null;
    S.result = { findings: answer.findings, map: ex.map, article: ex.article, ms: answer.ms, at: Date.now() };
    redraw();
    try { recordHistory(S.result); } catch (_) { /* the sheet just lacks 已修改 */ }
    const drawn = performance.now();
    const st = S.stats;
    st.checks += 1;
    st.lastMs = drawn - firedAt;
    st.last = {
      trigger,
      blocks: ex.article.blocks.length,
      chars: ex.article.blocks.reduce((n, b) => n + (b.type === 'text' ? b.text.length : 0), 0),
      findings: answer.findings.length,
      extractMs: extracted - firedAt,
      roundTripMs: answered - extracted,
      checkMs: answer.ms,
      drawMs: drawn - answered,
      totalMs: drawn - firedAt,
    };
    if (inputAt !== null) {
      // Keystroke → highlights drawn, without the debounce wait itself.
      st.latencies.push(Math.max(0, drawn - inputAt - DEBOUNCE_MS));
      if (st.latencies.length > MAX_LATENCIES) st.latencies.shift();
    }
    crossCheckSoon();
    return S.result;
  }

  /**
   * For the guard: the latest result if it is up to date, else a promise of a fresh one.
   * @returns {ReturnType<GuardHooks['fresh']>}
   */
  function fresh() {
    if (!S.editor) return { ready: true, result: { findings: [], map: null, article: null, ms: null, at: Date.now() } };
    if (S.result && !S.dirty && !S.inflight && !S.timer && !S.composing && !fieldsChanged()) {
      return { ready: true, result: S.result };
    }
    S.composing = false;
    const promise = (async () => {
      clearTimeout(S.timer);
      S.timer = null;
      if (S.inflight) {
        try { await S.inflight; } catch (_) { /* ignore */ }
      }
      if (S.inflight) {
        try { await S.inflight; } catch (_) { /* ignore */ }
      }
      if (S.dirty || !S.result || fieldsChanged()) return run('guard');
      return S.result;
    })();
    return { ready: false, promise };
  }

  // ---- Cross-check with the editor's own API (MAIN world bridge) -----------------------------

  /** The cross-check waits for a pause in the typing: it never competes with a keystroke's check. */
  const CROSS_CHECK_PAUSE_MS = 2500;
  let crossTimer = null;
  function crossCheckSoon() {
    if (site !== 'wechat' || !S.result || !S.result.article) return;
    clearTimeout(crossTimer);
    crossTimer = setTimeout(() => {
      if (S.dirty || S.inflight || S.timer) { crossCheckSoon(); return; }
      crossCheck();
    }, CROSS_CHECK_PAUSE_MS);
  }

  const squash = (s) => String(s || '').replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '');

  async function crossCheck() {
    const result = S.result;
    if (!result || !result.article || !ns.bridge) return;
    const answer = await ns.bridge.ask(['title', 'content']);
    if (!answer || result !== S.result || S.dirty) return;
    /** @type {CrossCheck} */
    const cc = { at: Date.now(), title: null, body: null };
    if (typeof answer.titleLength === 'number') {
      const ours = (result.article.title || '').trim().length;
      cc.title = { editor: answer.titleLength, extracted: ours, ok: answer.titleLength === ours };
    }
    if (typeof answer.content === 'string') {
      const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${answer.content}</body>`, 'text/html');
      const { blocks } = ns.extract.walk(doc.body, 'body');
      const theirs = squash(blocks.map((b) => (b.type === 'text' ? b.text : b.caption || '')).join(''));
      const ours = squash(result.article.blocks.map((b) => (b.type === 'text' ? b.text : b.caption || '')).join(''));
      cc.body = { editor: [...theirs].length, extracted: [...ours].length, ok: theirs === ours };
    }
    // A difference must be seen twice in a row (the user may have typed in between).
    for (const k of ['title', 'body']) S.mismatchStreak[k] = cc[k] && !cc[k].ok ? S.mismatchStreak[k] + 1 : 0;
    S.crossCheck = cc;
    render();
    if ((cc.title && !cc.title.ok) || (cc.body && !cc.body.ok)) crossCheckSoon();
  }

  function crossCheckNotes() {
    const cc = S.crossCheck;
    const notes = [];
    if (!cc) return notes;
    if (cc.title && !cc.title.ok && S.mismatchStreak.title >= 2) notes.push(ns.t('crossTitle', [String(cc.title.editor), String(cc.title.extracted)]));
    if (cc.body && !cc.body.ok && S.mismatchStreak.body >= 2) notes.push(ns.t('crossBody', [String(cc.body.editor), String(cc.body.extracted)]));
    return notes;
  }

  // ---- Drawing -------------------------------------------------------------------------------

  function redraw() {
    const r = S.result;
    const findings = (r && r.findings) || [];
    S.items = findings.map((f, id) => ({
      id,
      finding: f,
      ignored: S.ignored.has(ignoreKey(f)),
      where: whereOf(f),
      target: r.map ? ns.extract.locate(f, r.map) : null,
    }));
    const visible = S.items.filter((it) => !it.ignored);
    ns.highlight.draw(visible, S.editor && S.editor.body ? S.editor.body.shadowRoot : null);
    render();
    if (site !== 'wechat') syncBadges();
  }

  function counts() {
    const c = { block: 0, review: 0, warn: 0, info: 0 };
    for (const it of S.items) if (!it.ignored) c[it.finding.severity] = (c[it.finding.severity] || 0) + 1;
    return c;
  }

  /** Identical findings (same rule, severity, text and message) on one row, in document order. */
  function rows(items) {
    const map = new Map();
    for (const it of items) {
      const f = it.finding;
      const key = `${f.rule}\u0001${f.severity}\u0001${f.text}\u0001${f.message}`;
      let row = map.get(key);
      if (!row) { row = { key, finding: f, items: [] }; map.set(key, row); }
      row.items.push(it);
    }
    return [...map.values()];
  }

  let lastBadge = '';
  function render(extra) {
    const recognised = !!S.editor;
    const el = ns.panel.element();
    // On other appmsg pages (lists…) the panel stays hidden until an editor appears; on an
    // editor URL it says so when nothing was recognised after a grace period.
    const show = recognised || (S.noticeShown && ns.adapters.isEditorUrl());
    if (el) el.hidden = !show;
    const c = counts();
    const badge = JSON.stringify(c);
    if (badge !== lastBadge && ns.alive()) {
      lastBadge = badge;
      ns.send({ type: 'badge', counts: c });
    }
    if (!show) return;
    const notes = crossCheckNotes();
    if (S.editor && S.editor.site === 'e135') {
      const missing = ['title', 'author', 'digest'].filter((k) => !S.editor.recognised[k]).map((k) => ns.t(`field_${k}`));
      notes.unshift(missing.length ? ns.t('recognisedPartly', [ns.t('site_e135'), missing.join('、')]) : ns.t('recognisedAll', [ns.t('site_e135')]));
    }
    if (S.editor && S.editor.site !== 'wechat') {
      notes.push(ns.t('noGuardHere'));
      if (S.syncButton !== null) notes.push(S.syncButton ? ns.t('syncButtonFound', [S.syncButton]) : ns.t('syncButtonMissing'));
    }
    ns.panel.render({
      rows: rows(S.items.filter((it) => !it.ignored)),
      ignoredRows: rows(S.items.filter((it) => it.ignored)),
      counts: c,
      status: {
        site,
        recognised,
        generation: S.editor && S.editor.generation,
        checking: !!(extra && extra.checking),
        checked: !!S.result,
        error: S.error,
        guarded: site === 'wechat',
        notes,
        // Ignored `block` findings still stop 发表 (the dialog asks for a reason): say so.
        ignoredBlocks: S.items.filter((it) => it.ignored && it.finding.severity === 'block').length,
      },
    });
  }

  // ---- Layout helpers for the panel and the overlay --------------------------------------------

  const SITE_SEL = ns.selectors[site] || ns.selectors.wechat;

  /** The article column in the top viewport: the union of the body's and the title's boxes. */
  function column() {
    const e = S.editor;
    let box = null;
    const add = (el) => {
      if (!el || !el.isConnected) return;
      const off = ns.highlight.frameOffset(el.ownerDocument);
      const r = el.getBoundingClientRect();
      if (!r.width) return;
      const x = { left: r.left + off.x, right: r.right + off.x, top: r.top + off.y };
      box = box ? { left: Math.min(box.left, x.left), right: Math.max(box.right, x.right), top: Math.min(box.top, x.top) } : x;
    };
    if (e && e.body) {
      // The old editor's body fills its iframe; the frame's box is the column.
      if (e.body.frame) add(e.body.frame); else e.body.roots.forEach(add);
    }
    if (e && e.title) add(e.title.kind === 'dom' ? e.title.root : e.title.el);
    if (!box) add(ns.queryFirst(document, SITE_SEL.column || []));
    return box;
  }

  /** The part of the window the site's fixed bars leave free: {top, bottom}. */
  function bars() {
    const vh = document.documentElement.clientHeight || window.innerHeight;
    let top = 0;
    let bottom = vh;
    for (const r of fixedBarRects()) {
      if (r.width < window.innerWidth / 2) continue; // popovers and small floats are not bars
      if (r.top <= 1 && r.bottom < vh / 3) top = Math.max(top, r.bottom);
      else if (r.bottom >= vh - 1 && r.top > (vh * 2) / 3) bottom = Math.min(bottom, r.top);
    }
    return { top, bottom };
  }

  /** The fixed bars' boxes, read at most every 500 ms (reading them forces a layout). */
  let barsCache = null;
  function fixedBarRects() {
    const now = Date.now();
    if (barsCache && now - barsCache.at < 500) return barsCache.rects;
    const rects = readFixedBarRects();
    barsCache = { at: now, rects };
    return rects;
  }
  window.addEventListener('resize', () => { barsCache = null; }, { passive: true });

  function readFixedBarRects() {
    const out = [];
    for (const css of SITE_SEL.fixedBars || []) {
      let list = [];
      try { list = [...document.querySelectorAll(css)]; } catch (_) { continue; }
      for (const el of list) {
        if (ns.ui.isOwn(el)) continue;
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.visibility === 'hidden') continue;
        // Only what stays put over the article while it scrolls.
        if (cs.position !== 'fixed' && cs.position !== 'sticky') continue;
        const r = el.getBoundingClientRect();
        if (r.width && r.height) out.push(r);
      }
    }
    return out;
  }

  // ---- The site's own dialogs ------------------------------------------------------------------

  const MODALS = (SITE_SEL.modalDialogs || []).join(', ');
  function pageModalOpen() {
    if (!MODALS) return false;
    for (const el of document.querySelectorAll(MODALS)) {
      if (!ns.ui.isOwn(el) && ns.adapters.visible(el)) return true;
    }
    return false;
  }
  const watchModals = ns.throttle(() => {
    const open = pageModalOpen();
    if (open !== ns.ui.pageModal()) {
      ns.ui.setPageModal(open);
      barsCache = null;
      if (open) ns.highlight.hideCard(); else { ns.panel.place(true); ns.highlight.layout(); }
    }
  }, 150);

  // ---- Editor wiring -------------------------------------------------------------------------

  function onEvent(ev) {
    if (ns.ui.isOwn(ev.target)) return;
    if (ev.type === 'compositionstart') { S.composing = true; return; }
    if (ev.type === 'compositionend') S.composing = false;
    // The text under a hover card is being changed: the card would be stale.
    if (ev.type === 'input' || ev.type === 'paste' || ev.type === 'cut') ns.highlight.hideCard();
    schedule(true);
  }

  const listened = new WeakSet();
  function listen(doc) {
    if (!doc || listened.has(doc)) return;
    listened.add(doc);
    for (const type of ['input', 'compositionstart', 'compositionend', 'paste', 'cut', 'drop']) {
      doc.addEventListener(type, onEvent, { capture: true, passive: true });
    }
    ns.highlight.watchDocument(doc);
  }

  /** @param {Editor | null} editor */
  function attach(editor) {
    for (const o of S.observers) o.disconnect();
    S.observers = [];
    S.editor = editor;
    if (!editor) {
      S.result = null;
      S.items = [];
      ns.highlight.clear();
      render();
      return;
    }
    const observe = (root) => {
      if (!root) return;
      const mo = new MutationObserver(() => schedule(false));
      mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'src', 'data-src'] });
      S.observers.push(mo);
    };
    if (editor.body) {
      editor.body.roots.forEach(observe);
      listen(editor.body.doc);
      if (editor.body.win && editor.body.win !== window && site === 'wechat') ns.guard.watchWindow(editor.body.win);
    }
    for (const f of [editor.title, editor.digest]) if (f && f.kind === 'dom') observe(f.root);
    ns.panel.place(true);
    run('editor');
  }

  // ---- Actions: ignore, allow-list, jump -----------------------------------------------------

  /** @param {Row} row */
  function ignoreRow(row) {
    const keys = [...new Set(row.items.map((it) => ignoreKey(it.finding)))];
    const added = keys.filter((k) => !S.ignored.has(k));
    for (const k of added) S.ignored.add(k);
    saveIgnored();
    redraw();
    const n = row.items.length;
    ns.panel.toast(ns.t(n > 1 ? 'ignoredToastMany' : 'ignoredToast', [ns.ellipsis(row.finding.text || ruleName(row.finding.rule), 20), String(n)]), () => {
      for (const k of added) S.ignored.delete(k);
      saveIgnored();
      redraw();
    });
  }

  /** @param {Row} row */
  function unignoreRow(row) {
    for (const it of row.items) S.ignored.delete(ignoreKey(it.finding));
    saveIgnored();
    redraw();
  }

  /** @param {Row | Item} rowOrItem */
  async function allow(rowOrItem) {
    const f = rowOrItem.finding;
    const text = f.text;
    const answer = await ns.send({ type: 'addAllow', text });
    if (answer && 'ok' in answer && answer.ok) {
      // Gone from the next check because of the allow-list, not an edit: say so on the sheet.
      const entry = historyOf(currentArticleKey()).get(historyKey(f));
      if (entry) entry.allowed = true;
      if (typeof answer.revision === 'number') S.revision = answer.revision;
      S.dirty = true;
      run('allow');
      ns.panel.toast(ns.t('allowedToast', [ns.ellipsis(text, 20)]), async () => {
        const back = await ns.send({ type: 'removeAllow', text });
        if (back && 'revision' in back && typeof back.revision === 'number') S.revision = back.revision;
        S.dirty = true;
        run('allow');
      });
    } else {
      S.error = (answer && 'error' in answer && answer.error) || 'addAllow';
      render();
    }
  }

  /** @param {Finding} f */
  function canAllow(f) {
    const r = S.ruleIndex.get(f.rule);
    return !!f.text && canAllowRule(r);
  }

  /** A row clicked in the panel: the next of its occurrences. @param {Row} row */
  function selectRow(row) {
    const list = row.items.filter((it) => it.target);
    if (!list.length) return;
    const i = ((S.cursor.get(row.key) ?? -1) + 1) % list.length;
    S.cursor.set(row.key, i);
    const f = list[i].finding;
    S.lastJump = { rule: f.rule, field: f.field, block: f.block ?? null, start: f.start, text: f.text };
    ns.highlight.flash(list[i], false);
  }

  // ---- Review sheet (审核单) -------------------------------------------------------------------

  /** The account's name if the page shows it, else ''. */
  function accountName() {
    const el = ns.queryFirst(document, SITE_SEL.accountName || []);
    return el ? ns.ellipsis((el.textContent || '').replace(/\s+/g, ' ').trim(), 60) : '';
  }

  /** "Publish anyway" records of this article: this page's, and those stored for its id. */
  async function overrideRecords(key) {
    const list = S.overrides.filter((r) => r.articleKey === key || r.articleKey === `page:${S.pageId}`);
    if (persistent(key)) {
      try {
        const stored = await getStored(KEYS.overrides);
        const all = stored[KEYS.overrides] || {};
        for (const r of Array.isArray(all[key]) ? all[key] : []) {
          const mine = list.find((x) => (x.id && x.id === r.id) || (x.at === r.at && x.reason === r.reason));
          if (!mine) list.push(r);
        }
      } catch (_) { /* this page's only */ }
    }
    return list.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  }

  const FIELD_ORDER = ['title', 'author', 'digest', 'body'];

  /**
   * The data of the review sheet, from the article as checked now (a pending check is waited
   * for): the article's texts, every finding with the state it really ended in, the findings
   * fixed since an earlier check of this session, and the "publish anyway" records that went
   * through (each reason once). Rendering and the fingerprint are the sheet page's.
   */
  async function sheetData() {
    const r = fresh();
    const result = 'promise' in r ? await r.promise : r.result;
    if (!S.editor || !result || 'error' in result || !result.article) return { error: result && 'error' in result ? result.error : ns.t('sheetNoArticle') };
    const article = result.article;
    const key = currentArticleKey();
    // Only records after which the page really published count as 仍要发表.
    const published = (await overrideRecords(key)).filter((rec) => rec.outcome === 'published' || (!rec.outcome && !rec.id));
    const records = published.map((rec, i) => ({
      no: i + 1, at: rec.at, reason: rec.reason || '', button: rec.button || '',
      items: (rec.block || []).map((x) => ({ rule: x.rule, ruleName: ruleName(x.rule), text: x.text, where: x.where || '', reason: x.reason || '' })),
    }));
    const same = (f) => (x) => x && x.rule === f.rule && x.field === f.field && x.text === f.text;
    const findings = result.findings.map((f) => {
      let rec = null;
      let item = null;
      published.forEach((p, i) => {
        const hit = (p.block || []).find(same(f));
        if (hit) { rec = records[i]; item = hit; }
      });
      const ignored = S.ignored.has(ignoreKey(f));
      return {
        rule: f.rule, ruleName: ruleName(f.rule), severity: f.severity, field: f.field, where: whereOf(f),
        text: f.text, message: f.message, suggestion: f.suggestion || null,
        excerpt: findingExcerpt(article, f),
        state: rec ? 'override' : ignored ? 'ignored' : 'open',
        reason: item && item.reason ? item.reason : null,
        record: rec ? rec.no : null,
        decidedAt: rec ? rec.at : null,
        order: [ns.severityRank(f.severity), FIELD_ORDER.indexOf(f.field), f.block ?? -1, f.start ?? 0],
      };
    });
    const cmp = (a, b) => {
      for (let i = 0; i < a.order.length; i += 1) if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
      return 0;
    };
    findings.sort(cmp);
    const now = new Set(result.findings.map(historyKey));
    const fixed = [...historyOf(key).entries()]
      .filter(([k]) => !now.has(k))
      .map(([, e]) => ({ ...e.finding, ruleName: ruleName(e.finding.rule), state: e.allowed ? 'allowed' : 'fixed', lastSeen: new Date(e.lastSeen).toISOString() }))
      .sort((a, b) => ns.severityRank(a.severity) - ns.severityRank(b.severity));
    for (const f of findings) delete f.order;
    return {
      version: 2,
      createdAt: new Date().toISOString(),
      checkedAt: new Date(result.at).toISOString(),
      extensionVersion: api.runtime.getManifest().version,
      account: accountName(),
      articleKey: key,
      article: {
        title: article.title,
        author: article.author,
        digest: article.digest,
        blocks: article.blocks.map((b) => (b.type === 'image' ? { type: 'image', caption: b.caption ?? null } : { type: 'text', text: b.text })),
      },
      stats: articleStats(article),
      findings,
      fixed,
      records,
    };
  }

  /** 生成审核单: the data goes to the background, which opens the sheet in a new tab. */
  async function openReviewSheet() {
    const data = await sheetData();
    if ('error' in data) return data;
    return ns.send({ type: 'openReviewSheet', sheet: data });
  }

  // ---- 秀米 / 135编辑器: a warning badge on the copy / sync button -------------------------------

  function syncButtons() {
    const texts = SITE_SEL.syncButtons || [];
    if (!texts.length) return [];
    const out = [];
    for (const el of document.querySelectorAll('button, a, [role="button"], .btn, span, div')) {
      if (ns.ui.isOwn(el) || el.children.length > 2) continue;
      const t = (el.textContent || '').replace(/\s+/g, '');
      if (t && texts.includes(t) && ns.adapters.visible(el)) {
        // The innermost element with the text, once.
        if (!out.some((o) => o.contains(el) || el.contains(o))) out.push(el);
        else for (let i = 0; i < out.length; i += 1) if (el.contains(out[i]) === false && out[i].contains(el)) out[i] = el;
      }
    }
    return out;
  }

  const syncBadges = ns.throttle(() => drawSyncBadges(), 300);
  function drawSyncBadges() {
    const layer = ns.ui.part('marks');
    const c = counts();
    const n = c.block + c.review;
    const found = syncButtons();
    const text = found.length ? (found[0].textContent || '').replace(/\s+/g, '') : '';
    if (text !== S.syncButton) {
      // The panel says whether the button was found (where the badge and the reminder go).
      S.syncButton = text;
      render();
    }
    const list = n ? found : [];
    layer.replaceChildren(...list.map((b) => {
      const r = b.getBoundingClientRect();
      return ns.h('div', { class: 'sync-badge', title: ns.t('syncBadgeTitle', [String(c.block), String(c.review)]), style: { left: `${r.right}px`, top: `${r.top}px` } }, String(n));
    }));
  }

  /** Before the user copies or syncs: a summary, never a block. */
  function onSyncClick(ev) {
    if (site === 'wechat' || !S.result) return;
    const el = ev.target && ev.target.nodeType === 1 ? ev.target : null;
    if (!el || ns.ui.isOwn(el)) return;
    const buttons = syncButtons();
    if (!buttons.some((b) => b === el || b.contains(el) || el.contains(b))) return;
    const c = counts();
    if (c.block + c.review === 0) return;
    ns.panel.toast(ns.t('syncSummary', [String(c.block), String(c.review), String(c.warn + c.info)]));
  }

  // ---- Messages from the popup / tests --------------------------------------------------------

  function status() {
    return {
      url: location.href,
      site,
      kind: S.editor ? S.editor.kind : null,
      recognised: !!S.editor,
      fields: S.editor ? S.editor.recognised : null,
      syncButton: S.syncButton,
      generation: S.editor ? S.editor.generation : null,
      editorUrl: ns.adapters.isEditorUrl(),
      checked: !!S.result,
      checking: !!S.inflight,
      error: S.error,
      counts: counts(),
      findings: S.items.length,
      ignored: S.items.filter((i) => i.ignored).length,
      highlight: ns.highlight.info(),
      crossCheck: S.crossCheck,
      pageModal: ns.ui.pageModal(),
      lastJump: S.lastJump || null,
    };
  }

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || typeof msg.type !== 'string') return false;
    if (msg.type === 'stats') {
      const st = S.stats;
      sendResponse({ checks: st.checks, lastMs: st.lastMs, latencies: st.latencies.slice(), last: st.last, errors: st.errors, debounceMs: DEBOUNCE_MS });
      return false;
    }
    if (msg.type === 'status') {
      sendResponse(status());
      return false;
    }
    if (msg.type === 'article') {
      sendResponse({ article: S.result ? S.result.article : null, findings: S.result ? S.result.findings : [] });
      return false;
    }
    if (msg.type === 'recheck') {
      S.dirty = true;
      run('manual').then(() => sendResponse(status()), () => sendResponse(status()));
      return true;
    }
    return false;
  });

  // ---- Start -----------------------------------------------------------------------------------

  async function start() {
    const rulesAnswer = await ns.send({ type: 'rules' });
    if (rulesAnswer && 'rules' in rulesAnswer && Array.isArray(rulesAnswer.rules)) {
      S.rules = rulesAnswer.rules;
      for (const r of S.rules) S.ruleIndex.set(r.id, r);
    }
    try {
      const stored = await getStored([KEYS.revision, KEYS.debug]);
      S.revision = stored[KEYS.revision] ?? null;
      const debug = stored[KEYS.debug];
      if (debug && debug.forceOverlay) ns.highlight.setForceOverlay(true);
    } catch (_) { /* none */ }
    await loadIgnored();

    ns.highlight.configure({
      ruleName,
      onIgnore: (it) => ignoreRow(rows([it])[0]),
      onAllow: allow,
      canAllow,
      panelRect: () => ns.panel.rect(),
      bars,
      occluders: fixedBarRects,
      collapsePanel: () => ns.panel.collapse(),
    });
    const first = ns.adapters.detect();
    await ns.panel.init({
      kind: first ? first.kind : site,
      ruleName,
      ruleOrder,
      onRecheck: () => { S.dirty = true; run('manual'); },
      onSelect: selectRow,
      onIgnore: ignoreRow,
      onUnignore: unignoreRow,
      onAllow: allow,
      canAllow,
      onOptions: () => ns.send({ type: 'openOptions' }),
      onSheet: openReviewSheet,
      column,
      bars,
    });
    ns.guard.setEnabled(site === 'wechat');
    ns.guard.install({
      fresh,
      ruleName,
      describe: (f) => ({ where: whereOf(f), ignored: S.ignored.has(ignoreKey(f)) }),
      onOverride: recordOverride,
      onOutcome: settleOverride,
      onBack: (f) => {
        const it = f && S.items.find((i) => i.finding === f);
        if (it && it.target) ns.highlight.flash(it, true);
      },
      onJump: (f) => {
        const it = f && S.items.find((i) => i.finding === f);
        if (it && it.target) ns.highlight.flash(it, true);
      },
    });
    listen(document);
    document.addEventListener('click', onSyncClick, true);

    api.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if (KEYS.debug in changes) {
        const debug = /** @type {any} */ (changes[KEYS.debug].newValue);
        ns.highlight.setForceOverlay(!!(debug && debug.forceOverlay));
        S.dirty = true;
        run('settings');
      }
      if (KEYS.revision in changes) {
        S.revision = /** @type {number | null} */ (changes[KEYS.revision].newValue ?? null);
        // Let the background rebuild first; the revision sent with the check makes it catch up.
        S.dirty = true;
        clearTimeout(S.timer);
        S.timer = setTimeout(() => { S.timer = null; run('settings'); }, DEBOUNCE_MS);
      }
    });

    S.watcher = ns.adapters.watch((editor) => attach(editor), (node) => ns.ui.isOwn(node));
    attach(S.watcher.current());
    if (!S.editor && ns.adapters.isEditorUrl()) {
      // Give the editor a moment to render before saying it was not recognised.
      setTimeout(() => { S.noticeShown = true; render(); }, 4000);
    }
    // The site's dialogs come and go: hide ours under them.
    new MutationObserver((records) => {
      if (records.every((r) => ns.ui.isOwn(r.target))) return;
      watchModals();
      if (site !== 'wechat') syncBadges();
    }).observe(document.body || document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] });
    window.addEventListener('scroll', () => { if (site !== 'wechat') syncBadges(); }, { passive: true, capture: true });
    watchModals();
    // Fields set by the page's scripts (no input event), e.g. a draft being loaded.
    setInterval(() => {
      if (!ns.alive()) return;
      if (S.editor && !S.dirty && !S.inflight && fieldsChanged()) schedule();
    }, 1500);
  }

  start().catch((e) => {
    S.error = String((e && e.message) || e);
    try { render(); } catch (_) { /* nothing more to do */ }
  });

  ns.main = { run, fresh, status, stats: () => S.stats, sheetData };
})();
