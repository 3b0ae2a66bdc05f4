// Shared between the background (imported as an ES module), the options page, the popup and
// the content scripts (listed first, as a classic script). No judgement here: storage keys,
// the settings → Config conversion and the word-list file conversion only.
//
// Written so that it runs both as a classic script and as a module (strict, no import/export):
// everything goes on `globalThis.wxlintShared`.
(function () {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  /** chrome.storage.local keys. */
  const KEYS = {
    /** Rule overrides: {ruleId: {enabled?: boolean, severity?: Severity, options?: {key: value}}}. */
    rules: 'wxlint.rules',
    /** Custom word lists: [{name, category, text, fileName, entries, allowed, importedAt}]. */
    lexicons: 'wxlint.lexicons',
    /** Allow-list terms: [string]. */
    allow: 'wxlint.allow',
    /** Bumped (Date.now()) by every writer of the three keys above. */
    revision: 'wxlint.revision',
    /** Panel position: {left, top, collapsed}. */
    panel: 'wxlint.panel',
    /** Ignored findings per article: {articleKey: [ignoreKey]}. */
    ignored: 'wxlint.ignored',
    /** "Publish anyway" reasons per article: {articleKey: [record]}. */
    overrides: 'wxlint.overrides',
    /** For tests: {forceOverlay: true} draws with the overlay even where the Highlight API exists. */
    debug: 'wxlint.debug',
    /**
     * Review sheet data waiting for its page, one-time: `wxlint.sheet.<id>` in
     * storage.session (storage.local where there is no session area). Read and removed by
     * review-sheet.js.
     */
    sheetPrefix: 'wxlint.sheet.',
  };

  const SETTINGS_KEYS = [KEYS.rules, KEYS.lexicons, KEYS.allow, KEYS.revision];

  const SEVERITIES = ['block', 'review', 'warn', 'info'];

  /** Categories of the built-in lexicon (ids as in lexicons/default/*.txt), plus `custom`. */
  const CATEGORIES = [
    'gambling', 'drugs', 'pornography', 'violence-terror', 'weapons',
    'cults-superstition', 'fraud', 'insults', 'custom',
  ];

  /** The `locale` of the Rust messages matching the UI language the browser picked. */
  function checkerLocale() {
    try {
      const l = api.i18n.getMessage('checkerLocale');
      if (l === 'en' || l === 'zh-CN') return l;
    } catch (_) { /* not available */ }
    return 'zh-CN';
  }

  /**
   * Stored settings → the Config JSON the Rust checker reads (README "配置"). Rules the user
   * did not touch are left out, so per-entry lexicon severities keep applying.
   */
  function buildConfig(stored) {
    const config = { locale: checkerLocale(), rules: {} };
    const rules = (stored && stored[KEYS.rules]) || {};
    for (const [id, s] of Object.entries(rules)) {
      if (!s || typeof s !== 'object') continue;
      const setting = {};
      if (s.enabled === false) {
        config.rules[id] = 'off';
        continue;
      }
      if (s.severity && SEVERITIES.includes(s.severity)) setting.severity = s.severity;
      for (const [k, v] of Object.entries(s.options || {})) {
        if (v !== undefined && v !== null && v !== '') setting[k] = v;
      }
      if (Object.keys(setting).length) config.rules[id] = setting;
    }
    const allow = (stored && stored[KEYS.allow]) || [];
    if (Array.isArray(allow) && allow.length) config.allow = allow.filter((t) => typeof t === 'string' && t.trim());
    return config;
  }

  /** Split one CSV record list (RFC 4180 quotes). Returns [{fields, line}] with 1-based source lines. */
  function parseCsv(text) {
    const rows = [];
    let fields = [];
    let field = '';
    let quoted = false;
    let line = 1;
    let rowLine = 1;
    let i = 0;
    const delim = text.includes('\t') && !text.includes(',') ? '\t' : ',';
    const endRow = () => {
      fields.push(field);
      rows.push({ fields, line: rowLine });
      fields = [];
      field = '';
    };
    while (i < text.length) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          quoted = false; i += 1; continue;
        }
        if (c === '\n') line += 1;
        field += c; i += 1; continue;
      }
      if (c === '"' && field.trim() === '') { field = ''; quoted = true; i += 1; continue; }
      if (c === delim) { fields.push(field); field = ''; i += 1; continue; }
      if (c === '\r') { i += 1; continue; }
      if (c === '\n') { endRow(); line += 1; rowLine = line; i += 1; continue; }
      field += c; i += 1;
    }
    if (field !== '' || fields.length) endRow();
    return rows;
  }

  const HEADER_WORDS = /^(term|terms|word|words|keyword|词|词语|词条|关键词|敏感词|违禁词)$/i;

  /**
   * A .csv word list → lexicon text: first column the term, optional second column the
   * suggestion (`term | suggest=...`). Returns {text, lineMap} where lineMap[i] is the CSV
   * line of lexicon line i+1. Throws an Error with `csvLine` and `code` ('pipe' | 'directive')
   * for a row the lexicon format cannot express.
   */
  function csvToLexicon(csv) {
    const rows = parseCsv(csv);
    const out = [];
    const lineMap = [];
    rows.forEach((row, index) => {
      const term = (row.fields[0] || '').trim();
      const suggest = (row.fields[1] || '').trim();
      if (index === 0 && HEADER_WORDS.test(term)) { return; }
      if (!term) return;
      if (term.includes('|') || suggest.includes('|')) {
        throw Object.assign(new Error('pipe'), { csvLine: row.line, code: 'pipe' });
      }
      if (term.startsWith('#') || term.startsWith('@')) {
        throw Object.assign(new Error('directive'), { csvLine: row.line, code: 'directive' });
      }
      out.push(suggest ? `${term} | suggest=${suggest}` : term);
      lineMap.push(row.line);
    });
    return { text: out.join('\n') + (out.length ? '\n' : ''), lineMap };
  }

  /** Decode a word-list file: UTF-8 (with or without BOM), else GB18030 (Excel on Chinese Windows). */
  function decodeWordFile(buffer) {
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch (_) {
      text = new TextDecoder('gb18030').decode(buffer);
    }
    return text.replace(/^\uFEFF/, '');
  }

  /** Key of a finding for "ignore for this article". */
  function ignoreKey(finding) {
    return `${finding.rule}\u0001${finding.field}\u0001${finding.text}`;
  }

  // ---- Review sheet (审核单) ------------------------------------------------------------------

  /** The storage area the review sheet data passes through. */
  function sheetStorage() {
    return (api.storage && api.storage.session) || api.storage.local;
  }

  /** Characters the editors insert on their own: not counted as characters of the text. */
  const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

  /** The text of every body block that has some: a text block's text, an image's caption. */
  function bodyTexts(article) {
    const out = [];
    for (const b of (article && article.blocks) || []) {
      if (!b) continue;
      if (b.type === 'image') {
        if (typeof b.caption === 'string' && b.caption) out.push(b.caption);
      } else if (typeof b.text === 'string') {
        out.push(b.text);
      }
    }
    return out;
  }

  /**
   * The text the review sheet's fingerprint is computed from:
   * title + "\n" + author + "\n" + digest + "\n" + the body texts joined with "\n".
   */
  function canonicalText(article) {
    const a = article || {};
    return `${a.title || ''}\n${a.author || ''}\n${a.digest || ''}\n${bodyTexts(a).join('\n')}`;
  }

  /** {chars, images}: body characters (code points, not UTF-16 units; zero-width ones left out), images. */
  function articleStats(article) {
    let chars = 0;
    for (const text of bodyTexts(article)) chars += Array.from(text.replace(ZERO_WIDTH, '')).length;
    const images = ((article && article.blocks) || []).filter((b) => b && b.type === 'image').length;
    return { chars, images };
  }

  /** The text a finding's offsets (UTF-16) refer to. */
  function findingSource(article, f) {
    if (!article || !f) return '';
    if (f.field !== 'body') return typeof article[f.field] === 'string' ? article[f.field] : '';
    const b = (article.blocks || [])[f.block];
    if (!b) return '';
    return String((b.type === 'image' ? b.caption : b.text) || '');
  }

  /**
   * The finding in its context: {before, match, after, cutBefore, cutAfter} with up to `radius`
   * characters (code points) either side; null when the finding has no span.
   */
  function findingExcerpt(article, f, radius = 15) {
    const src = findingSource(article, f);
    if (!(f && f.end > f.start) || f.end > src.length) return null;
    const before = Array.from(src.slice(0, f.start));
    const after = Array.from(src.slice(f.end));
    return {
      before: before.slice(-radius).join(''),
      match: src.slice(f.start, f.end),
      after: after.slice(0, radius).join(''),
      cutBefore: before.length > radius,
      cutAfter: after.length > radius,
    };
  }

  globalThis.wxlintShared = {
    api, KEYS, SETTINGS_KEYS, SEVERITIES, CATEGORIES,
    checkerLocale, buildConfig, parseCsv, csvToLexicon, decodeWordFile, ignoreKey,
    sheetStorage, bodyTexts, canonicalText, articleStats, findingExcerpt,
  };
})();
