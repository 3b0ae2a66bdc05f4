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
    /** Sites besides WeChat the user enabled ({xiumi: true, e135: true}); needs their host permission. */
    sites: 'wxlint.sites',
    /**
     * Review sheet data waiting for its page, one-time: `wxlint.sheet.<id>` in
     * storage.session (storage.local where there is no session area). Read and removed by
     * review-sheet.js.
     */
    sheetPrefix: 'wxlint.sheet.',
  };

  const SETTINGS_KEYS = [KEYS.rules, KEYS.lexicons, KEYS.allow, KEYS.revision];

  /**
   * The choices of the rules' list options that name categories or topics (shown as checkboxes
   * with their Chinese labels: `choice_<rule>_<id>` in _locales). The ids are those the rules'
   * option descriptions list (src/rules/*.rs); the options page adds any further id a rule's
   * metadata lists (options.js `metaChoices`), so a category added in Rust still gets a checkbox.
   */
  const RULE_CHOICES = {
    prohibited: { ignoreCategories: ['gambling', 'drugs', 'pornography', 'violence-terror', 'weapons', 'cults-superstition', 'fraud', 'insults', 'custom'] },
    expression: { ignoreCategories: ['disability', 'criminal', 'territory', 'ethnic-religion'] },
    'sign-off-topic': { ignoreCategories: ['emergency', 'major-meeting', 'party-government', 'education-reform', 'large-event', 'school-image'] },
    typo: { ignoreCategories: ['misspelling', 'rewritten', 'context', 'de-di-de', 'doubled'] },
  };

  /**
   * Rules whose findings are wording errors that must be corrected (a typo'd official phrase,
   * a misspelling): 加入白名单 is never offered for them — a wrong wording is wrong in every
   * article.
   */
  const NO_ALLOW_RULES = ['official-wording', 'typo'];

  /** Whether 加入白名单 may be offered for findings of this rule (its metadata). */
  function canAllowRule(meta) {
    return !!meta && !!meta.usesLexicon && !NO_ALLOW_RULES.includes(meta.id);
  }

  /** Optional sites and the host permissions they need (manifest optional_host_permissions). */
  const SITES = {
    xiumi: { origins: ['https://xiumi.us/*', 'https://*.xiumi.us/*'], matches: ['https://xiumi.us/studio/*', 'https://*.xiumi.us/studio/*'] },
    e135: { origins: ['https://www.135editor.com/*', 'https://135editor.com/*'], matches: ['https://www.135editor.com/*', 'https://135editor.com/*'] },
  };

  /** @type {Severity[]} */
  const SEVERITIES = ['block', 'review', 'warn', 'info'];

  /** Categories of the built-in lexicon (ids as in lexicons/default/*.txt), plus `custom`. */
  const CATEGORIES = [
    'gambling', 'drugs', 'pornography', 'violence-terror', 'weapons',
    'cults-superstition', 'fraud', 'insults', 'custom',
  ];

  /**
   * Read stored values (storage.local by default) as plain data.
   * @param {string | string[] | null} keys
   * @returns {Promise<Record<string, any>>}
   */
  async function getStored(keys, area) {
    return /** @type {Record<string, any>} */ (await (area || api.storage.local).get(keys));
  }

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
   * did not touch are left out, so per-entry lexicon severities keep applying. With `managed`
   * (parseManaged()), the organisation's rule settings replace the user's for those rules, its
   * allow-list is added to the user's, and with `lock` the user's own settings are not used.
   */
  function buildConfig(stored, managed) {
    /** @type {import('../pkg/wxlint').Config & {locale: string, rules: Record<string, any>}} */
    const config = { locale: checkerLocale(), rules: {} };
    const m = managed || null;
    const rules = { ...((m && m.lock) ? {} : ((stored && stored[KEYS.rules]) || {})), ...((m && m.rules) || {}) };
    for (const [id, s] of Object.entries(rules)) {
      if (!s || typeof s !== 'object') continue;
      const setting = {};
      if (s.enabled === false) {
        config.rules[id] = 'off';
        continue;
      }
      if (s.severity && SEVERITIES.includes(/** @type {Severity} */ (s.severity))) setting.severity = s.severity;
      for (const [k, v] of Object.entries(s.options || {})) {
        if (v !== undefined && v !== null && v !== '') setting[k] = v;
      }
      if (Object.keys(setting).length) config.rules[id] = setting;
    }
    const own = (m && m.lock) ? [] : ((stored && stored[KEYS.allow]) || []);
    const allow = [...new Set([...((m && m.allow) || []), ...(Array.isArray(own) ? own : [])])];
    if (allow.length) config.allow = allow.filter((t) => typeof t === 'string' && t.trim());
    if (m && typeof m.maxGap === 'number') config.maxGap = m.maxGap;
    if (m && typeof m.builtinLexicon === 'boolean') config.builtinLexicon = m.builtinLexicon;
    return config;
  }

  // ---- Organisation-wide settings (storage.managed, extension/managed-schema.json) --------------

  const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);

  /**
   * The policy an administrator pushed (chrome.storage.managed) → {org, rules, allow, lexicons,
   * lock, maxGap?, builtinLexicon?, errors: [string]}. Unusable parts are left out and named in
   * `errors` (the rest still applies); null when nothing is managed.
   */
  function parseManaged(raw) {
    if (!isObject(raw) || !Object.keys(raw).length) return null;
    const out = { org: '', rules: {}, allow: [], lexicons: [], lock: false, errors: [] };
    if (typeof raw.organization === 'string') out.org = raw.organization.trim().slice(0, 80);
    out.lock = raw.lockUserSettings === true;
    if (typeof raw.configJson === 'string' && raw.configJson.trim()) {
      try {
        const cfg = JSON.parse(raw.configJson);
        if (!isObject(cfg)) throw new Error('not an object');
        if (isObject(cfg.rules)) {
          for (const [id, v] of Object.entries(cfg.rules)) {
            if (v === 'off' || v === false) out.rules[id] = { enabled: false };
            else if (v === true) out.rules[id] = { enabled: true };
            else if (typeof v === 'string' && SEVERITIES.includes(/** @type {Severity} */ (v))) out.rules[id] = { severity: v };
            else if (isObject(v)) {
              const { enabled, severity, ...options } = v;
              out.rules[id] = { ...(typeof enabled === 'boolean' ? { enabled } : {}), ...(SEVERITIES.includes(severity) ? { severity } : {}), options };
            }
          }
        }
        if (Array.isArray(cfg.allow)) out.allow.push(...cfg.allow.filter((x) => typeof x === 'string'));
        if (typeof cfg.maxGap === 'number') out.maxGap = cfg.maxGap;
        if (typeof cfg.builtinLexicon === 'boolean') out.builtinLexicon = cfg.builtinLexicon;
      } catch (e) {
        out.errors.push(`configJson: ${String((e && e.message) || e)}`);
      }
    }
    if (isObject(raw.rules)) {
      for (const [id, v] of Object.entries(raw.rules)) {
        if (!isObject(v)) continue;
        const prev = out.rules[id] || {};
        const next = { ...prev };
        if (typeof v.enabled === 'boolean') next.enabled = v.enabled;
        if (typeof v.severity === 'string' && SEVERITIES.includes(v.severity)) next.severity = v.severity;
        out.rules[id] = next;
      }
    }
    if (Array.isArray(raw.allow)) out.allow.push(...raw.allow.filter((x) => typeof x === 'string' && x.trim()).map((x) => x.trim()));
    out.allow = [...new Set(out.allow)];
    if (Array.isArray(raw.lexicons)) {
      raw.lexicons.forEach((l, i) => {
        if (!isObject(l) || typeof l.text !== 'string' || !l.text.trim()) { out.errors.push(`lexicons[${i}]: no text`); return; }
        const name = typeof l.name === 'string' && l.name.trim() ? l.name.trim() : `list-${i + 1}`;
        out.lexicons.push({ name: `managed:${name}`, label: name, category: typeof l.category === 'string' && l.category ? l.category : 'custom', text: l.text });
      });
    }
    return out;
  }

  /** Read the managed policy (null when there is none or the browser has no managed storage). */
  async function readManaged() {
    try {
      if (!api.storage || !api.storage.managed) return null;
      const raw = await api.storage.managed.get(null);
      return parseManaged(raw);
    } catch (_) {
      return null; // Firefox without a managed-storage manifest, Chromium without a policy
    }
  }

  // ---- The whole configuration as one file ----------------------------------------------------

  const EXPORT_FORMAT = 'wxlint-settings';

  /** The user's own settings (not the organisation's) as one JSON-able object. */
  function exportSettings(stored) {
    return {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      rules: (stored && stored[KEYS.rules]) || {},
      allow: (stored && stored[KEYS.allow]) || [],
      lexicons: ((stored && stored[KEYS.lexicons]) || []).map((l) => ({ name: l.name, category: l.category, text: l.text, entries: l.entries, allowed: l.allowed, importedAt: l.importedAt })),
      sites: (stored && stored[KEYS.sites]) || {},
    };
  }

  /**
   * A settings file → {rules, allow, lexicons, sites}; throws an Error whose `code` names what is
   * wrong ('json' | 'format' | 'field') and `field` the part.
   */
  function parseSettingsFile(text) {
    let data;
    try { data = JSON.parse(String(text).replace(/^\uFEFF/, '')); } catch (e) { throw Object.assign(new Error('json'), { code: 'json', detail: String(e.message) }); }
    if (!isObject(data) || data.format !== EXPORT_FORMAT) throw Object.assign(new Error('format'), { code: 'format' });
    const fail = (field) => { throw Object.assign(new Error('field'), { code: 'field', field }); };
    if (data.rules !== undefined && !isObject(data.rules)) fail('rules');
    if (data.allow !== undefined && !(Array.isArray(data.allow) && data.allow.every((x) => typeof x === 'string'))) fail('allow');
    if (data.lexicons !== undefined && !(Array.isArray(data.lexicons) && data.lexicons.every((l) => isObject(l) && typeof l.text === 'string' && typeof l.name === 'string'))) fail('lexicons');
    return {
      rules: data.rules || {},
      allow: data.allow || [],
      lexicons: (data.lexicons || []).map((l) => ({ name: l.name, category: typeof l.category === 'string' ? l.category : 'custom', text: l.text })),
      sites: isObject(data.sites) ? data.sites : {},
    };
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
   * suggestion (`term | suggest=...`). Returns {text, lineMap, errors} where lineMap[i] is the
   * CSV line of lexicon line i+1. A row the lexicon format cannot express is an Error with
   * `csvLine` and `code` ('pipe' | 'directive'): thrown, or with {lenient: true} left out and
   * listed in `errors`.
   */
  function csvToLexicon(csv, options) {
    const lenient = !!(options && options.lenient);
    const rows = parseCsv(csv);
    const out = [];
    const lineMap = [];
    const errors = [];
    const bad = (row, code) => {
      const e = Object.assign(new Error(code), { csvLine: row.line, code });
      if (!lenient) throw e;
      errors.push(e);
    };
    rows.forEach((row, index) => {
      const term = (row.fields[0] || '').trim();
      const suggest = (row.fields[1] || '').trim();
      if (index === 0 && HEADER_WORDS.test(term)) { return; }
      if (!term) return;
      if (term.includes('|') || suggest.includes('|')) { bad(row, 'pipe'); return; }
      if (term.startsWith('#') || term.startsWith('@')) { bad(row, 'directive'); return; }
      out.push(suggest ? `${term} | suggest=${suggest}` : term);
      lineMap.push(row.line);
    });
    return { text: out.join('\n') + (out.length ? '\n' : ''), lineMap, errors };
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
    api, KEYS, SETTINGS_KEYS, SEVERITIES, CATEGORIES, RULE_CHOICES, NO_ALLOW_RULES, SITES,
    getStored, checkerLocale, buildConfig, parseCsv, csvToLexicon, decodeWordFile, ignoreKey, canAllowRule,
    parseManaged, readManaged, exportSettings, parseSettingsFile,
    sheetStorage, bodyTexts, canonicalText, articleStats, findingExcerpt,
  };
})();
