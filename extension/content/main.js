// Wiring: editor edits → debounce (300 ms) → extract → one message to the background → draw.
// Keeps the latest result for the publish guard, the ignored findings of this article, the
// findings seen in this session (per article: the review sheet's 已修改), and timings
// (answered to {type: 'stats'} from the popup or tests — nothing is put in the page).
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || {});
  if (window.top !== window || ns.started) return;
  ns.started = true;

  const { KEYS, ignoreKey, articleStats, findingExcerpt } = globalThis.wxlintShared;
  const api = ns.api;
  const DEBOUNCE_MS = 300;
  const MAX_LATENCIES = 500;

  const S = {
    editor: null,
    watcher: null,
    observers: [],
    result: null, // {findings, map, article, ms, at}
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
    /** Findings seen by the checks of this session: articleKey → Map(historyKey → entry). */
    history: new Map(),
    articleKey: null,
    pageId: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`,
    stats: { checks: 0, lastMs: null, latencies: [], last: null, errors: 0 },
    noticeShown: false,
  };
  ns.state = S;

  // ---- Article identity, ignored findings, overrides ---------------------------------------

  function currentArticleKey() {
    try {
      const id = new URL(location.href).searchParams.get('appmsgid');
      if (id) return `appmsgid:${id}`;
    } catch (_) { /* keep */ }
    return `page:${S.pageId}`;
  }

  async function loadIgnored() {
    S.articleKey = currentArticleKey();
    if (!S.articleKey.startsWith('appmsgid:')) return;
    try {
      const stored = await api.storage.local.get(KEYS.ignored);
      const all = stored[KEYS.ignored] || {};
      for (const k of all[S.articleKey] || []) S.ignored.add(k);
    } catch (_) { /* none */ }
  }

  async function saveIgnored() {
    S.articleKey = currentArticleKey();
    if (!S.articleKey.startsWith('appmsgid:')) return; // a new article: in memory only
    try {
      const stored = await api.storage.local.get(KEYS.ignored);
      const all = stored[KEYS.ignored] || {};
      all[S.articleKey] = [...S.ignored];
      await api.storage.local.set({ [KEYS.ignored]: all });
    } catch (_) { /* extension reloaded */ }
  }

  async function recordOverride(record) {
    const key = currentArticleKey();
    const full = {
      ...record,
      articleKey: key,
      url: location.href.replace(/([?&])token=[^&]*/, '$1token='),
      title: (S.result && S.result.article && S.result.article.title) || '',
    };
    S.overrides.push(full);
    try {
      const stored = await api.storage.local.get(KEYS.overrides);
      const all = stored[KEYS.overrides] || {};
      const list = Array.isArray(all[key]) ? all[key] : [];
      list.push(full);
      all[key] = list.slice(-50);
      await api.storage.local.set({ [KEYS.overrides]: all });
    } catch (_) { /* kept in memory */ }
  }

  // ---- Findings seen in this session (for the review sheet's 已修改) ------------------------

  /**
   * What makes two findings of different checks "the same problem": the rule, the field and
   * the matched text; for findings without a text of their own (an image without a caption)
   * or whose text is only the overflow (the length rules), where they are instead.
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
    return (api.i18n.getMessage('checkerLocale') === 'en' ? r.nameEn : r.nameZh) || id;
  }

  function ruleOrder(id) {
    const i = S.rules.findIndex((r) => r.id === id);
    return i < 0 ? 999 : i;
  }

  /** Where a finding is, for the panel and the dialog: 标题 / 正文第 3 段 / 第 2 张图片. */
  function whereOf(f) {
    if (f.field !== 'body') return ns.t(`field_${f.field}`);
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

  async function check(trigger) {
    const firedAt = performance.now();
    const inputAt = trigger === 'input' ? S.lastInputAt : null;
    S.dirty = false;
    if (!S.editor) {
      S.result = { findings: [], map: null, article: null, ms: null, at: Date.now() };
      redraw();
      return S.result;
    }
    render({ checking: true });
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
    if (!answer || answer.error || !Array.isArray(answer.findings)) {
      S.error = (answer && answer.error) || 'no answer';
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
      chars: ex.article.blocks.reduce((n, b) => n + (b.text ? b.text.length : 0), 0),
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
    return S.result;
  }

  /** For the guard: the latest result if it is up to date, else a promise of a fresh one. */
  function fresh() {
    if (!S.editor) return { ready: true, result: { findings: [] } };
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
  }

  function counts() {
    const c = { block: 0, review: 0, warn: 0, info: 0 };
    for (const it of S.items) if (!it.ignored) c[it.finding.severity] = (c[it.finding.severity] || 0) + 1;
    return c;
  }

  function render(extra) {
    const recognised = !!S.editor;
    const el = ns.panel.element();
    // On other appmsg pages (lists…) the panel stays hidden until an editor appears; on an
    // editor URL it says so when nothing was recognised after a grace period.
    const show = recognised || (S.noticeShown && ns.adapters.isEditorUrl());
    if (el) el.hidden = !show;
    if (!show) return;
    ns.panel.render({
      items: S.items.filter((it) => !it.ignored),
      counts: counts(),
      status: {
        recognised,
        generation: S.editor && S.editor.generation,
        checking: !!(extra && extra.checking),
        checked: !!S.result,
        error: S.error,
        ms: S.stats.last ? S.stats.last.totalMs : null,
        // Ignored `block` findings still stop 发表 (the dialog asks for a reason): say so.
        ignoredBlocks: S.items.filter((it) => it.ignored && it.finding.severity === 'block').length,
      },
    });
  }

  // ---- Editor wiring -------------------------------------------------------------------------

  function onEvent(ev) {
    if (ns.ui.isOwn(ev.target)) return;
    if (ev.type === 'compositionstart') { S.composing = true; return; }
    if (ev.type === 'compositionend') S.composing = false;
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
      observe(editor.body.root);
      listen(editor.body.doc);
      if (editor.body.win && editor.body.win !== window) ns.guard.watchWindow(editor.body.win);
    }
    if (editor.title && editor.title.kind === 'dom') observe(editor.title.root);
    run('editor');
  }

  // ---- Hover card actions ---------------------------------------------------------------------

  function ignore(it) {
    S.ignored.add(ignoreKey(it.finding));
    saveIgnored();
    redraw();
  }

  async function allow(it) {
    const answer = await ns.send({ type: 'addAllow', text: it.finding.text });
    if (answer && answer.ok) {
      // Gone from the next check because of the allow-list, not an edit: say so on the sheet.
      const entry = historyOf(currentArticleKey()).get(historyKey(it.finding));
      if (entry) entry.allowed = true;
      if (typeof answer.revision === 'number') S.revision = answer.revision;
      S.dirty = true;
      run('allow');
    } else {
      S.error = (answer && answer.error) || 'addAllow';
      render();
    }
  }

  function canAllow(f) {
    const r = S.ruleIndex.get(f.rule);
    return !!f.text && !!r && !!r.usesLexicon;
  }

  // ---- Review sheet (审核单) -------------------------------------------------------------------

  /** The account's name if the page shows it, else ''. */
  function accountName() {
    const el = ns.queryFirst(document, ns.selectors.accountName);
    return el ? ns.ellipsis((el.textContent || '').replace(/\s+/g, ' ').trim(), 60) : '';
  }

  /** "Publish anyway" records of this article: this page's, and those stored for its id. */
  async function overrideRecords(key) {
    const list = S.overrides.filter((r) => r.articleKey === key || r.articleKey === `page:${S.pageId}`);
    if (key.startsWith('appmsgid:')) {
      try {
        const stored = await api.storage.local.get(KEYS.overrides);
        const all = stored[KEYS.overrides] || {};
        for (const r of Array.isArray(all[key]) ? all[key] : []) {
          if (r && !list.some((x) => x.at === r.at && x.reason === r.reason)) list.push(r);
        }
      } catch (_) { /* this page's only */ }
    }
    return list.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  }

  const FIELD_ORDER = ['title', 'author', 'digest', 'body'];

  /**
   * The data of the review sheet, from the article as checked now (a pending check is waited
   * for): the article's texts, every finding with its state, the findings fixed since an
   * earlier check of this session. Rendering and the fingerprint are the sheet page's.
   */
  async function sheetData() {
    const r = fresh();
    const result = r.ready ? r.result : await r.promise;
    if (!S.editor || !result || !result.article) return { error: ns.t('sheetNoArticle') };
    if (result.error) return { error: result.error };
    const article = result.article;
    const key = currentArticleKey();
    const records = await overrideRecords(key);
    const same = (f) => (x) => x && x.rule === f.rule && x.field === f.field && x.text === f.text;
    const findings = result.findings.map((f) => {
      let record = null;
      for (const rec of records) if ([...(rec.block || []), ...(rec.review || [])].some(same(f))) record = rec;
      const ignored = S.ignored.has(ignoreKey(f));
      return {
        rule: f.rule, ruleName: ruleName(f.rule), severity: f.severity, field: f.field, where: whereOf(f),
        text: f.text, message: f.message, suggestion: f.suggestion || null,
        excerpt: findingExcerpt(article, f),
        state: record ? 'override' : ignored ? 'ignored' : 'open',
        reason: record ? record.reason : null,
        decidedAt: record ? record.at : null,
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
      version: 1,
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
    };
  }

  /** 生成审核单: the data goes to the background, which opens the sheet in a new tab. */
  async function openReviewSheet() {
    const data = await sheetData();
    if (data.error) return data;
    return ns.send({ type: 'openReviewSheet', sheet: data });
  }

  // ---- Messages from the popup / tests --------------------------------------------------------

  function status() {
    return {
      url: location.href,
      recognised: !!S.editor,
      generation: S.editor ? S.editor.generation : null,
      editorUrl: ns.adapters.isEditorUrl(),
      checked: !!S.result,
      error: S.error,
      counts: counts(),
      findings: S.items.length,
      ignored: S.items.filter((i) => i.ignored).length,
      highlight: ns.highlight.info(),
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
    if (rulesAnswer && Array.isArray(rulesAnswer.rules)) {
      S.rules = rulesAnswer.rules;
      for (const r of S.rules) S.ruleIndex.set(r.id, r);
    }
    try {
      const stored = await api.storage.local.get([KEYS.revision, KEYS.debug]);
      S.revision = stored[KEYS.revision] ?? null;
      const debug = stored[KEYS.debug];
      if (debug && debug.forceOverlay) ns.highlight.setForceOverlay(true);
    } catch (_) { /* none */ }
    await loadIgnored();

    ns.highlight.configure({ ruleName, onIgnore: ignore, onAllow: allow, canAllow });
    await ns.panel.init({
      ruleName,
      ruleOrder,
      onRecheck: () => { S.dirty = true; run('manual'); },
      onSelect: (it) => ns.highlight.flash(it),
      onOptions: () => ns.send({ type: 'openOptions' }),
      onSheet: openReviewSheet,
    });
    ns.guard.install({
      fresh,
      ruleName,
      describe: (f) => ({ where: whereOf(f), ignored: S.ignored.has(ignoreKey(f)) }),
      onOverride: recordOverride,
      onBack: (f) => {
        const it = f && S.items.find((i) => i.finding === f);
        if (it && it.target) ns.highlight.flash(it, true);
      },
    });
    listen(document);

    api.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if (KEYS.debug in changes) {
        const debug = changes[KEYS.debug].newValue;
        ns.highlight.setForceOverlay(!!(debug && debug.forceOverlay));
        S.dirty = true;
        run('settings');
      }
      if (KEYS.revision in changes) {
        S.revision = changes[KEYS.revision].newValue ?? null;
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
