// The review sheet (审核单): a printable record of one check of an article, for 三审三校 (three
// proofreadings 一校/二校/三校, three reviews 初审/复审/终审, then the administrator publishes). Opened by the background in a tab with
// `?id=ID`; the data (built by the content script, main.js sheetData()) waits under the one-time
// key `wxlint.sheet.ID` in storage.session, is removed once read, and kept in this tab's
// sessionStorage so that reloading the sheet still works. Printing is the browser's own
// (window.print(); "Save as PDF" in its dialog). Nothing here judges anything: the findings are
// the checker's; the sheet only lays them out and computes the text's fingerprint.
(function () {
  'use strict';
  const { api, KEYS, canonicalText, articleStats, sheetStorage, checkerLocale } = globalThis.wxlintShared;

  const t = (key, subs) => {
    try {
      const s = api.i18n.getMessage(key, subs === undefined ? undefined : [].concat(subs).map(String));
      if (s) return s;
    } catch (_) { /* no i18n */ }
    return key;
  };

  /** h('td', {class: 'x', colspan: 3}, child, 'text', [more]); texts are never parsed as HTML. */
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    const add = (c) => {
      if (c === undefined || c === null || c === false) return;
      if (Array.isArray(c)) c.forEach(add);
      else el.append(typeof c === 'object' && c.nodeType ? c : String(c));
    };
    children.forEach(add);
    return el;
  }

  const locale = checkerLocale();
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';

  function formatDate(d) {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(d);
  }
  function formatDateTime(d) {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d);
    return `${formatDate(d)} ${time}`;
  }

  // ---- Data --------------------------------------------------------------------------------------

  const id = new URLSearchParams(location.search).get('id') || '';
  const key = `${KEYS.sheetPrefix}${id}`;

  async function load() {
    if (!/^[a-z0-9]+$/.test(id)) return null;
    try {
      const cached = sessionStorage.getItem(key);
      if (cached) return JSON.parse(cached);
    } catch (_) { /* not cached */ }
    const area = sheetStorage();
    const stored = await area.get(key);
    const data = stored[key];
    if (!data) return null;
    try { sessionStorage.setItem(key, JSON.stringify(data)); } catch (_) { /* a reload will not find it */ }
    await area.remove(key);
    return data;
  }

  /** SHA-256 of the canonical text, as hex. */
  async function sha256Hex(text) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }

  // ---- Parts of the sheet ----------------------------------------------------------------------------

  const STATE_LABEL = {
    open: 'sheetStateOpen', ignored: 'sheetStateIgnored', override: 'sheetStateOverride',
    fixed: 'sheetStateFixed', allowed: 'sheetStateAllowed',
  };

  function valueOrEmpty(text, emptyKey = 'sheetEmpty') {
    return text ? text : h('span', { class: 'empty' }, t(emptyKey));
  }

  function info(data, fingerprint, fullHash) {
    const a = data.article;
    const stats = data.stats || articleStats(a);
    const row = (...cells) => h('tr', {}, cells);
    const th = (k) => h('th', { scope: 'row' }, t(k));
    return h('table', { class: 'info', id: 'info' },
      h('colgroup', {}, h('col', { class: 'i-label' }), h('col', { class: 'i-value' }), h('col', { class: 'i-label' }), h('col', { class: 'i-value' })),
      h('tbody', {},
        row(th('sheetAccount'),
          data.account ? h('td', { id: 'account' }, data.account) : h('td', { id: 'account', class: 'blank' }),
          th('sheetDate'), h('td', { id: 'date' }, formatDate(new Date(data.createdAt || Date.now())))),
        row(th('sheetTitle'), h('td', { id: 'title', class: 'title', colspan: 3 }, valueOrEmpty(a.title))),
        row(th('sheetAuthor'), h('td', { id: 'author' }, valueOrEmpty(a.author)),
          th('sheetCheckedAt'), h('td', { id: 'checked-at' }, formatDateTime(new Date(data.checkedAt)))),
        row(th('sheetChars'), h('td', { id: 'chars' }, t('sheetCharsValue', [stats.chars])),
          th('sheetImages'), h('td', { id: 'images' }, t('sheetImagesValue', [stats.images]))),
        row(th('sheetDigest'), h('td', { id: 'digest', colspan: 3 }, valueOrEmpty(a.digest, 'sheetDigestEmpty'))),
        row(th('sheetFingerprint'), h('td', { colspan: 3 },
          h('span', { id: 'fingerprint', class: 'fingerprint', title: `SHA-256 ${fullHash}`, 'data-sha256': fullHash }, fingerprint),
          h('span', { class: 'note' }, t('sheetFingerprintNote'), t('sheetFingerprintHow'))))));
  }

  function excerpt(f) {
    const e = f.excerpt;
    if (!e) return f.text ? h('span', { class: 'ctx' }, h('mark', {}, f.text)) : h('span', { class: 'ctx empty' }, t('sheetNoText'));
    const flat = (s) => String(s).replace(/\n/g, ' ⏎ ');
    return h('span', { class: 'ctx' },
      e.cutBefore ? h('span', { class: 'cut' }, '…') : null,
      flat(e.before), h('mark', {}, flat(e.match)), flat(e.after),
      e.cutAfter ? h('span', { class: 'cut' }, '…') : null);
  }

  /**
   * A finding's state as it really ended: 仍要发表 only when the page published after the
   * reason was given; its own reason, or a reference to the record with the one reason.
   */
  function stateCell(f) {
    let label = t(STATE_LABEL[f.state] || 'sheetStateOpen');
    if (f.state === 'open' && f.severity === 'review') label = t('sheetStatePending');
    return h('td', { class: 'state-cell' },
      h('span', { class: `state ${f.state}` }, label),
      f.reason ? h('span', { class: 'reason' }, t('sheetReason', [f.reason]))
        : f.record ? h('span', { class: 'reason ref' }, t('sheetSeeRecord', [f.record])) : null);
  }

  function findingRow(f, n) {
    return h('tr', { 'data-rule': f.rule, 'data-severity': f.severity, 'data-state': f.state, class: f.state === 'fixed' || f.state === 'allowed' ? 'gone' : null },
      h('td', { class: 'no' }, String(n)),
      h('td', { class: 'sev-cell' }, h('span', { class: `sev ${f.severity}` }, t(`severity_${f.severity}`))),
      h('td', { class: 'rule' }, f.ruleName || f.rule),
      h('td', { class: 'where' }, f.where || ''),
      h('td', { class: 'text' }, excerpt(f)),
      h('td', { class: 'message' }, f.message || '', f.suggestion ? h('span', { class: 'sugg' }, t('sheetSuggestion', [f.suggestion])) : null),
      stateCell(f));
  }

  function findingsSection(data) {
    const list = data.findings || [];
    const fixed = data.fixed || [];
    const count = (pred) => list.filter(pred).length;
    const bySev = (s) => count((f) => f.severity === s);
    const byState = (s) => count((f) => f.state === s);
    const parts = [h('h2', {}, t('sheetFindingsHeading'))];
    if (!list.length && !fixed.length) {
      parts.push(h('p', { id: 'no-findings' }, t('sheetNoFindings')));
      return parts;
    }
    parts.push(h('p', { id: 'summary' },
      t('sheetSummary', [list.length, bySev('block'), bySev('review'), bySev('warn'), bySev('info')]),
      ' ',
      t('sheetSummaryStates', [byState('open'), byState('ignored'), byState('override'), fixed.length])));
    const rows = [...list, ...fixed].map((f, i) => findingRow(f, i + 1));
    parts.push(h('table', { class: 'findings', id: 'findings' },
      h('colgroup', {}, ['no', 'sev', 'rule', 'where', 'text', 'msg', 'state'].map((c) => h('col', { class: `c-${c}` }))),
      h('thead', {}, h('tr', {}, ['sheetColNo', 'sheetColSeverity', 'sheetColRule', 'sheetColWhere', 'sheetColText', 'sheetColMessage', 'sheetColState'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows)));
    if (fixed.length) parts.push(h('p', { class: 'note' }, t('sheetFixedNote')));
    return parts;
  }

  function reviewSection(data) {
    const list = (data.findings || []).filter((f) => f.severity === 'review');
    const parts = [h('h2', {}, t('sheetReviewHeading'))];
    if (!list.length) {
      parts.push(h('p', { id: 'review-none' }, t('sheetReviewNone')));
      return parts;
    }
    parts.push(h('p', { class: 'note' }, t('sheetReviewIntro')));
    parts.push(h('table', { class: 'findings', id: 'review' },
      h('colgroup', {}, ['no', 'where', 'text', 'why', 'state'].map((c) => h('col', { class: `r-${c}` }))),
      h('thead', {}, h('tr', {}, ['sheetColNo', 'sheetColWhere', 'sheetColText', 'sheetColReason', 'sheetColState'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, list.map((f, i) => h('tr', { 'data-rule': f.rule, 'data-state': f.state },
        h('td', { class: 'no' }, String(i + 1)),
        h('td', { class: 'where' }, f.where || ''),
        h('td', { class: 'text' }, excerpt(f)),
        h('td', { class: 'message' }, f.message || ''),
        stateCell(f))))));
    return parts;
  }

  /** The "publish anyway" records after which the page published: each reason once. */
  function recordsSection(data) {
    const records = data.records || [];
    if (!records.length) return [];
    return [
      h('h2', {}, t('sheetRecordsHeading')),
      h('p', { class: 'note' }, t('sheetRecordsIntro')),
      h('ol', { class: 'records', id: 'records' }, records.map((r) => h('li', { 'data-record': String(r.no) },
        h('span', { class: 'when' }, formatDateTime(new Date(r.at))), ' ',
        h('span', { class: 'what' }, r.items.map((x) => `“${x.text}”`).join('、')), ' ',
        h('span', { class: 'reason' }, r.reason ? t('sheetReason', [r.reason]) : t('sheetRecordNoReason'))))),
    ];
  }

  /** 三审三校: the three proofreadings and the three reviews, then the publisher; cells to fill by hand. */
  function signatureSection() {
    /** @type {[string | null, string[]][]} */
    const groups = [
      ['sheetGroupProof', ['sheetStage1', 'sheetStage2', 'sheetStage3']],
      ['sheetGroupReview', ['sheetStage4', 'sheetStage5', 'sheetStage6']],
      [null, ['sheetStage7']],
    ];
    let n = 0;
    const rows = [];
    for (const [group, stages] of groups) {
      stages.forEach((k, i) => {
        n += 1;
        rows.push(h('tr', { 'data-stage': String(n), 'data-group': group ? t(group) : '' },
          group && i === 0 ? h('th', { scope: 'rowgroup', rowspan: String(stages.length), class: 'group' }, t(group)) : null,
          !group ? h('th', { scope: 'row', class: 'group' }, '') : null,
          h('th', { scope: 'row' }, t(k)), h('td'), h('td'), h('td'), h('td')));
      });
    }
    return [
      h('h2', {}, t('sheetSignHeading')),
      h('table', { class: 'signatures', id: 'signatures' },
        h('colgroup', {}, ['group', 'stage', 'name', 'opinion', 'sign', 'date'].map((c) => h('col', { class: `s-${c}` }))),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', colspan: '2' }, t('sheetColStage')),
          ['sheetColName', 'sheetColOpinion', 'sheetColSign', 'sheetColSignDate'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, rows)),
      h('p', { class: 'note' }, t('sheetProcess')),
    ];
  }

  /**
   * Print: the article's title at the top and 第 N 页 / 共 M 页 at the bottom of every page
   * (CSS page-margin boxes; the title is the article's, so the rule is made here).
   */
  function printStyle(title) {
    const str = (x) => `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]+/g, ' ')}"`;
    const pageOf = t('sheetPageOf', ['\u0001', '\u0002']).split(/(\u0001|\u0002)/)
      .map((part) => (part === '\u0001' ? 'counter(page)' : part === '\u0002' ? 'counter(pages)' : part ? str(part) : ''))
      .filter(Boolean).join(' ');
    const running = t('sheetRunningTitle', [Array.from(title || t('sheetHeading')).slice(0, 60).join('')]);
    const css = `@page {
  size: A4; margin: 18mm 15mm 16mm;
  @top-center { content: ${str(running)}; font: 8.5pt sans-serif; color: #444; }
  @bottom-center { content: ${pageOf}; font: 8.5pt sans-serif; color: #444; }
}`;
    const sheetCss = new CSSStyleSheet();
    sheetCss.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheetCss];
  }

  // ---- Page ----------------------------------------------------------------------------------------

  const sheet = document.getElementById('sheet');
  const printButton = /** @type {HTMLButtonElement} */ (document.getElementById('print'));
  printButton.textContent = t('sheetPrint');
  document.getElementById('close').textContent = t('sheetClose');
  document.getElementById('print-hint').textContent = t('sheetPrintHint');
  document.getElementById('loading').textContent = t('sheetLoading');
  document.title = t('sheetHeading');
  printButton.addEventListener('click', () => window.print());
  document.getElementById('close').addEventListener('click', () => window.close());

  function fail(text) {
    sheet.replaceChildren(h('h1', {}, t('sheetHeading')), h('p', { class: 'missing', id: 'missing' }, text));
    sheet.removeAttribute('aria-busy');
    document.documentElement.dataset.state = 'missing';
  }

  async function render() {
    const data = await load();
    if (!data || !data.article) {
      fail(t('sheetMissing'));
      return;
    }
    const hash = await sha256Hex(canonicalText(data.article));
    const fingerprint = hash.slice(0, 16).match(/.{4}/g).join(' ');
    const created = new Date(data.createdAt || Date.now());
    printStyle(data.article.title);
    sheet.replaceChildren(
      h('h1', { id: 'heading' }, t('sheetHeading')),
      info(data, fingerprint, hash),
      ...findingsSection(data),
      ...reviewSection(data),
      ...recordsSection(data),
      // The signatures and the footer stay together: the last page never holds the footer alone.
      h('div', { class: 'closing', id: 'closing' },
        ...signatureSection(),
        h('footer', {},
          h('span', { id: 'tool-version' }, t('sheetFooter', [data.extensionVersion || api.runtime.getManifest().version, data.checkerVersion || '—'])),
          h('span', {}, t('sheetGeneratedAt', [formatDateTime(created)])))));
    if (data.article.title) document.title = t('sheetDocTitle', [data.article.title]);
    sheet.removeAttribute('aria-busy');
    printButton.disabled = false;
    document.documentElement.dataset.state = 'ready';
  }

  render().catch((e) => fail(`${t('sheetMissing')} (${String((e && e.message) || e)})`));
})();
