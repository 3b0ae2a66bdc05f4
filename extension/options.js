// The options page: rules (on/off, level, thresholds, categories as checkboxes), the other sites
// (秀米, 135编辑器: their host permission is requested here), custom word lists (.txt / .csv,
// validated by the background's checker: a refused file leaves the previous list active; bad
// lines can be skipped, and are still reported), the allow-list (what it covers is said
// exactly), the whole configuration as one file, the "publish anyway" records. Settings set by
// the organisation (storage.managed) are shown locked. Rules and the allow-list are saved from
// the sticky bar at the bottom, which says when there are unsaved changes.
import './shared.js';

const {
  api, KEYS, SEVERITIES, CATEGORIES, RULE_CHOICES, SITES, buildConfig, csvToLexicon, decodeWordFile,
  exportSettings, parseSettingsFile, getStored,
} = globalThis.wxlintShared;

/** @param {string} k @param {unknown} [s] */
const t = (k, s) => api.i18n.getMessage(k, s === undefined ? undefined : [].concat(s).map(String)) || k;
/** @param {string} id */
const $ = (id) => /** @type {any} */ (document.getElementById(id));
const MAX_FILE = 2 * 1024 * 1024;
const MAX_SKIP = 500;
const en = t('checkerLocale') === 'en';

/**
 * @param {string} tag
 * @param {Record<string, any> | null} [props]
 * @param {...any} children
 * @returns {any}
 */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** @returns {Promise<any>} */
function send(msg) {
  return api.runtime.sendMessage(msg).then((a) => a || { error: 'no answer' }, (e) => ({ error: String((e && e.message) || e) }));
}

function status(id, text, error) {
  const el = $(id);
  el.textContent = text;
  el.className = `status${error ? ' error' : ''}`;
}

function categoryLabel(id) {
  return api.i18n.getMessage(`category_${String(id).replace(/-/g, '_')}`) || id;
}

/**
 * The choices a list option's metadata names: the trailing "（id 名称、id 名称…）" of its Chinese
 * description (src/rules/*.rs) → [[id, 名称]]; [] when the description lists none that way.
 * @returns {[string, string][]}
 */
function metaChoices(opt) {
  const m = /[（(]([^（）()]*)[）)]\s*$/.exec((opt && opt.descriptionZh) || '');
  if (!m) return [];
  const items = m[1].split('、').map((x) => /^\s*([a-z][a-z0-9-]*)\s+(\S.*?)\s*$/.exec(x));
  return items.every(Boolean) ? items.map((x) => /** @type {[string, string]} */ ([x[1], x[2]])) : [];
}

/** A choice's label: its `choice_<rule>_<id>` message, else the name the metadata gives it (Chinese UI), else the category's. */
function choiceLabel(rule, id, metaLabel) {
  return api.i18n.getMessage(`choice_${rule.replace(/-/g, '_')}_${String(id).replace(/-/g, '_')}`)
    || (!en && metaLabel) || categoryLabel(id);
}

for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n);
document.documentElement.lang = t('checkerLocale');
document.title = t('optionsTitle');
document.querySelector('nav.toc').setAttribute('aria-label', t('optToc'));
$('savebar').setAttribute('aria-label', t('optSave'));

// ---- The organisation's settings -----------------------------------------------------------------

/** @type {ReturnType<typeof globalThis.wxlintShared.parseManaged>} */
let managed = null;
const lockedRule = (id) => !!managed && (managed.lock || Object.prototype.hasOwnProperty.call(managed.rules, id));
const lockTag = () => h('span', { class: 'lock', title: t('optManagedTitle', [managed && managed.org ? managed.org : t('optManagedOrg')]) }, '🔒 ', t('optManagedShort'));

function renderManaged() {
  const banner = $('managed-banner');
  if (!managed) { banner.hidden = true; return; }
  banner.hidden = false;
  const org = managed.org || t('optManagedOrg');
  banner.replaceChildren('🔒 ', t(managed.lock ? 'optManagedLocked' : 'optManagedSome', [org]));
  if (managed.errors.length) banner.append(h('span', { class: 'error' }, ' ', t('optManagedErrors', [managed.errors.join('；')])));
}

// ---- Rules -------------------------------------------------------------------------------------

/** @type {import('../pkg/wxlint').RuleMeta[]} */
let rules = [];
let ruleSettings = {};

function isRange(d) {
  return d && typeof d === 'object' && !Array.isArray(d) && 'value' in d;
}

/** The option's description without a trailing list of ids in parentheses (shown as checkboxes). */
function plainDescription(desc, hasChoices) {
  if (!hasChoices) return desc;
  return desc.replace(/[（(][^（）()]*[a-z][a-z-]*[^（）()]*[）)]\s*$/, '').trim();
}

function optionControl(rule, opt, current, locked) {
  const d = opt.default;
  // The ids of the hand list (shared.js), then any further id the rule's metadata lists.
  const fromMeta = Array.isArray(opt.default) ? metaChoices(opt) : [];
  const hand = RULE_CHOICES[rule.id] && RULE_CHOICES[rule.id][opt.key];
  const choices = hand || fromMeta.length ? [...new Set([...(hand || []), ...fromMeta.map(([c]) => c)])] : null;
  const metaLabels = new Map(fromMeta);
  const desc = plainDescription(en ? opt.descriptionEn : opt.descriptionZh, !!choices);
  const id = `opt-${rule.id}-${opt.key}`;
  const label = h('label', { for: id, class: 'opt-label' }, desc || opt.key);
  let control;
  if (isRange(d)) {
    control = h('input', { type: 'number', id, min: String(d.min), max: String(d.max), step: '1' });
    control.value = String(current ?? d.value);
    control.dataset.kind = 'number';
  } else if (typeof d === 'boolean') {
    control = h('input', { type: 'checkbox', id });
    control.checked = current ?? d;
    control.dataset.kind = 'boolean';
  } else if (typeof d === 'string' && SEVERITIES.includes(/** @type {Severity} */ (d))) {
    control = h('select', { id }, SEVERITIES.map((s) => h('option', { value: s }, t(`severity_${s}`))));
    control.value = current ?? d;
    control.dataset.kind = 'severity';
  } else if (Array.isArray(d) && choices) {
    const chosen = new Set(current ?? d);
    const list = rule.id === 'prohibited' ? CATEGORIES : choices;
    // Stored ids this version does not offer (a newer version's, a hand-edited settings file):
    // shown ticked as they are and saved again unless unticked, never dropped silently.
    const unknown = [...chosen].filter((c) => typeof c === 'string' && !list.includes(c));
    control = h('fieldset', { class: 'cats', id },
      h('legend', { class: 'sr-only' }, desc),
      list.map((c) => h('label', { class: 'cat' }, h('input', { type: 'checkbox', value: c, checked: chosen.has(c), disabled: locked }), ' ', choiceLabel(rule.id, c, metaLabels.get(c)))),
      unknown.map((c) => h('label', { class: 'cat unknown', title: t('optChoiceUnknown') }, h('input', { type: 'checkbox', value: c, checked: true, disabled: locked }), ' ', choiceLabel(rule.id, c))));
    control.dataset.kind = 'categories';
    label.removeAttribute('for');
  } else if (Array.isArray(d)) {
    control = h('input', { type: 'text', id, placeholder: t('optListHint') });
    control.value = (current ?? d).join('，');
    control.dataset.kind = 'list';
  } else {
    control = h('input', { type: 'text', id });
    control.value = String(current ?? d ?? '');
    control.dataset.kind = 'text';
  }
  control.dataset.key = opt.key;
  control.classList.add('opt');
  if (locked) control.disabled = true;
  return h('div', { class: 'opt-row' }, label, control);
}

function defaultLabel(rule) {
  return rule.usesLexicon ? t('severityDefaultEntry') : t('severityDefault', [t(`severity_${rule.defaultSeverity}`)]);
}

function renderRules() {
  const list = $('rule-list');
  list.replaceChildren();
  for (const rule of rules) {
    const locked = lockedRule(rule.id);
    // A locked rule shows what the checker uses: the organisation's setting alone (buildConfig
    // replaces the user's setting of a managed rule, and uses none of the user's under
    // lockUserSettings); the user's stays stored, untouched.
    const s = (locked ? managed && managed.rules[rule.id] : ruleSettings[rule.id]) || {};
    const enabled = s.enabled ?? rule.enabledByDefault;
    const box = h('div', { class: `rule${enabled ? '' : ' off'}${locked ? ' locked' : ''}`, 'data-rule': rule.id });
    const checkId = `enabled-${rule.id}`;
    const check = h('input', { type: 'checkbox', class: 'enabled', id: checkId, checked: enabled, disabled: locked });
    check.addEventListener('change', () => box.classList.toggle('off', !check.checked));
    const sevId = `severity-${rule.id}`;
    const sev = h('select', { class: 'severity', id: sevId, disabled: locked },
      h('option', { value: '' }, defaultLabel(rule)),
      SEVERITIES.map((x) => h('option', { value: x }, t(`severity_${x}`))));
    sev.value = s.severity || '';
    box.append(
      h('div', { class: 'head' },
        check,
        h('label', { class: 'name', for: checkId }, en ? rule.nameEn : rule.nameZh),
        locked ? lockTag() : null,
        h('span', { class: 'sev' }, h('label', { for: sevId }, t('optSeverity')), ' ', sev)),
      h('div', { class: 'desc' }, en ? rule.descriptionEn : rule.descriptionZh));
    if (rule.options && rule.options.length) {
      box.append(h('div', { class: 'opts' }, rule.options.map((opt) => optionControl(rule, opt, s.options ? s.options[opt.key] : undefined, locked))));
    }
    list.append(box);
  }
}

function readRules() {
  const out = {};
  for (const rule of rules) {
    if (lockedRule(rule.id)) {
      if (ruleSettings[rule.id]) out[rule.id] = ruleSettings[rule.id];
      continue;
    }
    const box = document.querySelector(`.rule[data-rule="${CSS.escape(rule.id)}"]`);
    if (!box) continue;
    const s = {};
    const enabled = /** @type {HTMLInputElement} */ (box.querySelector('.enabled')).checked;
    if (enabled !== rule.enabledByDefault) s.enabled = enabled;
    const sev = /** @type {HTMLSelectElement} */ (box.querySelector('.severity')).value;
    if (sev) s.severity = sev;
    const options = {};
    for (const opt of rule.options || []) {
      const c = /** @type {any} */ (box.querySelector(`.opt[data-key="${CSS.escape(opt.key)}"]`));
      if (!c) continue;
      let v;
      const d = /** @type {any} */ (opt.default);
      switch (c.dataset.kind) {
        case 'number': {
          const n = Number(c.value);
          if (c.value.trim() === '' || !Number.isFinite(n) || n < d.min || n > d.max) {
            throw new Error(t('optBadNumber', [en ? rule.nameEn : rule.nameZh, en ? opt.descriptionEn : opt.descriptionZh, String(d.min), String(d.max)]));
          }
          v = Math.round(n);
          if (v === d.value) v = undefined;
          break;
        }
        case 'boolean': v = c.checked === d ? undefined : c.checked; break;
        case 'severity': v = c.value === d ? undefined : c.value; break;
        case 'categories': {
          v = [...c.querySelectorAll('input:checked')].map((i) => i.value);
          if (!v.length && !d.length) v = undefined;
          break;
        }
        case 'list': {
          v = c.value.split(/[,，、;；\s]+/).map((x) => x.trim()).filter(Boolean);
          if (!v.length && !d.length) v = undefined;
          break;
        }
        default: v = c.value === d ? undefined : c.value;
      }
      if (v !== undefined) options[opt.key] = v;
    }
    if (Object.keys(options).length) s.options = options;
    if (Object.keys(s).length) out[rule.id] = s;
  }
  return out;
}

$('rules-reset').addEventListener('click', () => {
  ruleSettings = Object.fromEntries(Object.entries(ruleSettings).filter(([id]) => lockedRule(id)));
  renderRules();
  updateDirty();
});

// ---- Allow-list ---------------------------------------------------------------------------------

function allowTerms() {
  return [...new Set($('allow-text').value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))];
}

function renderManagedAllow() {
  const box = $('allow-managed');
  const terms = managed ? managed.allow : [];
  box.hidden = !terms.length;
  box.replaceChildren(h('div', { class: 'lock-line' }, lockTag(), ' ', t('optAllowManaged', [String(terms.length)])),
    h('div', { class: 'terms' }, terms.map((x) => h('span', { class: 'term' }, x))));
  const lock = !!(managed && managed.lock);
  $('allow-text').disabled = lock;
}

// ---- Saving (the sticky bar) --------------------------------------------------------------------

/** What is saved now: the form is compared with it. */
let savedSnapshot = '';

function snapshot() {
  let r;
  try { r = readRules(); } catch (_) { r = '(invalid)'; }
  return JSON.stringify({ rules: r, allow: allowTerms() });
}

function updateDirty() {
  const dirty = snapshot() !== savedSnapshot;
  $('savebar').classList.toggle('dirty', dirty);
  $('save').disabled = !dirty;
  $('discard').disabled = !dirty;
  if (dirty) { $('save-state').textContent = t('optUnsaved'); $('save-state').className = 'save-state dirty'; }
  else if (!$('save-state').classList.contains('saved') && !$('save-state').classList.contains('error')) { $('save-state').textContent = t('optAllSaved'); $('save-state').className = 'save-state'; }
}

document.addEventListener('input', (e) => { if (/** @type {Element} */ (e.target).closest('#rules-section, #allow-section')) { $('save-state').classList.remove('saved', 'error'); updateDirty(); } });
document.addEventListener('change', (e) => { if (/** @type {Element} */ (e.target).closest('#rules-section, #allow-section')) { $('save-state').classList.remove('saved', 'error'); updateDirty(); } });

async function save() {
  let next;
  try {
    next = readRules();
  } catch (e) {
    $('save-state').textContent = t('optSaveFailed', [e.message]);
    $('save-state').className = 'save-state error';
    return false;
  }
  const terms = allowTerms();
  const config = buildConfig({ [KEYS.rules]: next, [KEYS.allow]: terms }, managed);
  const v = await send({ type: 'validateConfig', config });
  if (!v.ok) {
    $('save-state').textContent = t('optSaveFailed', [v.error]);
    $('save-state').className = 'save-state error';
    return false;
  }
  ruleSettings = next;
  await api.storage.local.set({ [KEYS.rules]: next, [KEYS.allow]: terms, [KEYS.revision]: Date.now() });
  $('allow-text').value = terms.join('\n');
  savedSnapshot = snapshot();
  $('save-state').textContent = t('optSaved');
  $('save-state').className = 'save-state saved';
  updateDirty();
  return true;
}

$('save').addEventListener('click', save);
$('discard').addEventListener('click', async () => {
  const stored = await getStored([KEYS.rules, KEYS.allow]);
  ruleSettings = stored[KEYS.rules] || {};
  $('allow-text').value = (stored[KEYS.allow] || []).join('\n');
  renderRules();
  savedSnapshot = snapshot();
  $('save-state').textContent = t('optDiscarded');
  $('save-state').className = 'save-state';
  updateDirty();
});
window.addEventListener('beforeunload', (e) => {
  if (snapshot() !== savedSnapshot) { e.preventDefault(); e.returnValue = ''; }
});

// ---- Other sites (optional host permissions) ------------------------------------------------------

/** Changes of the site switches so far: a render that started before one must not undo it. */
let siteEdits = 0;

async function renderSites() {
  const edits = siteEdits;
  const answer = await send({ type: 'sites' });
  // The user clicked a switch while the answer was on its way (the background worker may be
  // starting): that change renders its own state when it is done.
  if (edits !== siteEdits) return;
  const sites = (answer && answer.sites) || {};
  for (const site of Object.keys(SITES)) {
    const box = $(`site-${site}`);
    const st = sites[site] || { enabled: false, granted: false };
    box.checked = !!(st.enabled && st.granted);
    $(`site-${site}-state`).textContent = st.enabled && st.granted ? t('optSiteOn') : st.enabled && !st.granted ? t('optSiteNoPermission') : t('optSiteOff');
  }
}

for (const site of Object.keys(SITES)) {
  $(`site-${site}`).addEventListener('change', async (e) => {
    const box = /** @type {HTMLInputElement} */ (e.target);
    siteEdits++;
    // The browser asks the user; it must be asked within the click (before anything is awaited).
    const asked = box.checked ? api.permissions.request({ origins: SITES[site].origins }).catch(() => false) : null;
    const stored = await getStored(KEYS.sites);
    const sites = { ...(stored[KEYS.sites] || {}) };
    if (box.checked) {
      const granted = await asked;
      if (!granted) { box.checked = false; $(`site-${site}-state`).textContent = t('optSiteRefused'); return; }
      sites[site] = true;
    } else {
      sites[site] = false;
      try { await api.permissions.remove({ origins: SITES[site].origins }); } catch (_) { /* kept */ }
    }
    await api.storage.local.set({ [KEYS.sites]: sites });
    await renderSites();
  });
}

// ---- Word lists ---------------------------------------------------------------------------------

let lexicons = [];

for (const c of CATEGORIES) $('lex-category').append(h('option', { value: c }, categoryLabel(c)));
$('lex-category').value = 'custom';

function renderLexicons() {
  const body = $('lex-body');
  body.replaceChildren();
  const lock = !!(managed && managed.lock);
  for (const list of (managed ? managed.lexicons : [])) {
    body.append(h('tr', { 'data-name': list.name, class: 'locked' },
      h('td', {}, list.label || list.name),
      h('td', {}, categoryLabel(list.category)),
      h('td', {}, ''),
      h('td', {}, ''),
      h('td', { class: 'buttons' }, lockTag())));
  }
  for (const list of lexicons) {
    body.append(h('tr', { 'data-name': list.name },
      h('td', {}, list.name),
      h('td', {}, categoryLabel(list.category)),
      h('td', {}, String(list.entries ?? '')),
      h('td', {}, list.importedAt ? new Date(list.importedAt).toLocaleString() : ''),
      h('td', { class: 'buttons' },
        h('button', { class: 'small export', type: 'button', onclick: () => exportList(list) }, t('optLexExport')), ' ',
        h('button', { class: 'small delete', type: 'button', disabled: lock, onclick: () => deleteList(list) }, t('optLexDelete')))));
  }
  const any = lexicons.length + (managed ? managed.lexicons.length : 0);
  $('lex-table').hidden = !any;
  $('lex-none').hidden = !!any;
  $('lex-import').disabled = lock;
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type: type || 'text/plain;charset=utf-8' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function exportList(list) {
  const base = String(list.name || 'wordlist').replace(/\.(txt|csv)$/i, '');
  download(`${base}.txt`, list.text);
}

async function deleteList(list) {
  if (!window.confirm(t('optLexDeleteConfirm', [list.name]))) return;
  lexicons = lexicons.filter((l) => l.name !== list.name);
  await api.storage.local.set({ [KEYS.lexicons]: lexicons, [KEYS.revision]: Date.now() });
  renderLexicons();
}

/**
 * A lexicon error in plain words: what is wrong with the line and what to write instead.
 * The checker's message is "<Chinese> (<English reason>)"; the English reason is stable.
 * @param {string} message
 */
function explain(message) {
  const m = String(message || '');
  const reason = (m.match(/\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/) || [])[1] || '';
  /** @type {[RegExp, (x: RegExpMatchArray) => string][]} */
  const rules = [
    [/^field '(.*)' is not key=value$/, (x) => t('lexErrNotKeyValue', [x[1]])],
    [/^unknown field '(.*?)'/, (x) => t('lexErrUnknownField', [x[1]])],
    [/^unknown severity '(.*?)'/, (x) => t('lexErrSeverity', [x[1]])],
    [/^field '(.*)' is empty$/, (x) => t('lexErrEmptyField', [x[1]])],
    [/^term '(.*)' has no letter or digit$/, (x) => t('lexErrNoLetter', [x[1]])],
    [/^term longer than (\d+)/, (x) => t('lexErrTooLong', [x[1]])],
    [/^unknown directive '@(.*)'$/, (x) => t('lexErrDirective', [x[1]])],
    [/^invalid category id '(.*?)'/, (x) => t('lexErrCategory', [x[1]])],
    [/^@rule needs a rule id/, () => t('lexErrRule')],
    [/^@allow takes no argument$/, () => t('lexErrAllow')],
    [/valid UTF-8/, () => t('lexErrEncoding')],
  ];
  for (const [re, fn] of rules) {
    const x = reason.match(re);
    if (x) return fn(x);
  }
  // The checker's own Chinese reason, without its "词库 X 第 N 行：" prefix.
  let zh = m.replace(/\s\([^()]*\)\s*$/, '');
  zh = zh.replace(/^词库\s+.*?(第\s*\d+\s*行)?[：:]\s*/, '');
  return zh || m;
}

function csvWhy(code) {
  return code === 'pipe' ? t('optLexPipe') : code === 'directive' ? t('optLexDirective') : code;
}

/**
 * Find every bad line: validate, blank the line the checker names, again (line numbers stay).
 * @returns {Promise<{ok: boolean, problems: {line: number, why: string}[], text: string, entries: number, allowed: number, error?: string}>}
 */
async function validateAll(text, category, name) {
  const lines = text.split('\n');
  const problems = [];
  for (let i = 0; i <= MAX_SKIP; i += 1) {
    const answer = await send({ type: 'validateLexicon', text: lines.join('\n'), category, name });
    if (answer.ok) return { ok: true, problems, text: lines.join('\n'), entries: answer.entries, allowed: answer.allowed };
    const line = Number(answer.line) || 0;
    if (line < 1 || line > lines.length) return { ok: false, problems, text, entries: 0, allowed: 0, error: explain(answer.error) };
    problems.push({ line, why: explain(answer.error) });
    lines[line - 1] = '';
  }
  return { ok: false, problems, text, entries: 0, allowed: 0, error: t('optLexTooManyProblems', [String(MAX_SKIP)]) };
}

/** @returns {Promise<boolean>} */
async function importFile(file, category) {
  const name = file.name;
  $('lex-problems').hidden = true;
  const refuse = (why) => { status('lex-status', t('optLexRefused', [name, why]), true); return false; };
  if (file.size > MAX_FILE) return refuse(t('optLexTooBig'));
  const raw = decodeWordFile(await file.arrayBuffer());
  const sourceLines = raw.split(/\r?\n/);
  let lexText = raw;
  /** @type {number[] | null} */
  let lineMap = null;
  /** @type {{line: number, why: string}[]} */
  let csvProblems = [];
  if (/\.csv$/i.test(name)) {
    const converted = csvToLexicon(raw, { lenient: true });
    lexText = converted.text;
    lineMap = converted.lineMap;
    csvProblems = converted.errors.map((e) => ({ line: e.csvLine, why: csvWhy(e.code) }));
  }
  const result = await validateAll(lexText.replace(/\r\n/g, '\n'), category, name);
  if (!result.ok && !result.problems.length) return refuse(result.error || '');
  const problems = [
    ...csvProblems,
    ...result.problems.map((p) => ({ line: lineMap ? (lineMap[p.line - 1] ?? p.line) : p.line, why: p.why })),
  ].sort((a, b) => a.line - b.line);
  if (!result.ok) return refuse(result.error || '');
  if (problems.length) {
    const go = await askSkip(name, problems, sourceLines, result.entries);
    if (!go) { status('lex-status', t('optLexRefused', [name, t('optLexNotImported')]), true); return false; }
  }
  if (!result.entries && !result.allowed) return refuse(t('optLexEmpty'));
  // Blank lines stand in for the skipped ones: the rest keeps its line numbers.
  const record = {
    name,
    fileName: name,
    category,
    text: result.text,
    entries: result.entries,
    allowed: result.allowed,
    skipped: problems.map((p) => p.line),
    importedAt: new Date().toISOString(),
  };
  const stored = await getStored(KEYS.lexicons);
  const current = Array.isArray(stored[KEYS.lexicons]) ? stored[KEYS.lexicons] : [];
  const idx = current.findIndex((l) => l.name === name);
  if (idx >= 0) current[idx] = record; else current.push(record);
  await api.storage.local.set({ [KEYS.lexicons]: current, [KEYS.revision]: Date.now() });
  lexicons = current;
  renderLexicons();
  status('lex-status', problems.length
    ? t('optLexImportedSkipped', [name, String(result.entries), String(result.allowed), problems.map((p) => p.line).join('、')])
    : t('optLexImported', [name, String(result.entries), String(result.allowed)]));
  return true;
}

/** The bad lines, quoted, with what to write instead; "skip them" is the user's explicit choice. */
function askSkip(name, problems, sourceLines, entries) {
  return new Promise((resolve) => {
    const box = $('lex-problems');
    const yes = h('button', { type: 'button', class: 'primary skip' }, t('optLexSkip', [String(problems.length), String(entries)]));
    const no = h('button', { type: 'button', class: 'cancel' }, t('optLexDontImport'));
    box.replaceChildren(
      h('p', { class: 'error' }, t('optLexProblems', [name, String(problems.length)])),
      h('ol', { class: 'problem-list' }, problems.slice(0, 50).map((p) => h('li', { 'data-line': String(p.line) },
        h('b', {}, t('optLexLineNo', [String(p.line)])), ' ',
        h('q', { class: 'line' }, (sourceLines[p.line - 1] || '').trim() || t('optLexEmptyLine')),
        h('div', { class: 'why' }, p.why)))),
      problems.length > 50 ? h('p', {}, t('optLexMoreProblems', [String(problems.length - 50)])) : null,
      h('div', { class: 'actions' }, yes, no));
    box.hidden = false;
    yes.addEventListener('click', () => { box.hidden = true; resolve(true); });
    no.addEventListener('click', () => { box.hidden = true; resolve(false); });
    yes.focus();
  });
}

$('lex-import').addEventListener('click', () => $('lex-file').click());
$('lex-file').addEventListener('change', async (ev) => {
  const files = [...ev.target.files];
  ev.target.value = '';
  const category = $('lex-category').value || 'custom';
  for (const f of files) {
    if (!(await importFile(f, category))) break;
  }
});

// ---- The whole configuration as one file -----------------------------------------------------------

$('settings-export').addEventListener('click', async () => {
  const stored = await getStored([KEYS.rules, KEYS.allow, KEYS.lexicons, KEYS.sites]);
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  download(`wxlint-settings-${day}.json`, `${JSON.stringify(exportSettings(stored), null, 2)}\n`, 'application/json');
  status('backup-status', t('optBackupExported'));
});

$('settings-import').addEventListener('click', () => $('settings-file').click());
$('settings-file').addEventListener('change', async (ev) => {
  const file = ev.target.files[0];
  ev.target.value = '';
  if (!file) return;
  $('backup-confirm').hidden = true;
  let data;
  try {
    data = parseSettingsFile(decodeWordFile(await file.arrayBuffer()));
  } catch (e) {
    const why = e.code === 'json' ? t('optBackupNotJson') : e.code === 'format' ? t('optBackupNotOurs') : t('optBackupBadField', [e.field]);
    status('backup-status', t('optBackupRefused', [file.name, why]), true);
    return;
  }
  const config = buildConfig({ [KEYS.rules]: data.rules, [KEYS.allow]: data.allow }, managed);
  const v = await send({ type: 'validateConfig', config });
  if (!v.ok) { status('backup-status', t('optBackupRefused', [file.name, v.error]), true); return; }
  const checked = [];
  for (const l of data.lexicons) {
    const a = await send({ type: 'validateLexicon', text: l.text, category: l.category, name: l.name });
    if (!a.ok) { status('backup-status', t('optBackupRefused', [file.name, `${l.name}：${t('optLexLineNo', [String(a.line || 0)])} ${explain(a.error)}`]), true); return; }
    checked.push({ ...l, fileName: l.name, entries: a.entries, allowed: a.allowed, importedAt: new Date().toISOString() });
  }
  const box = $('backup-confirm');
  const yes = h('button', { type: 'button', class: 'primary apply' }, t('optBackupApply'));
  const no = h('button', { type: 'button' }, t('cancel'));
  box.replaceChildren(
    h('p', {}, t('optBackupSummary', [file.name, String(Object.keys(data.rules).length), String(data.allow.length), String(checked.length)])),
    h('p', { class: 'error' }, t('optBackupReplaces')),
    h('div', { class: 'actions' }, yes, no));
  box.hidden = false;
  yes.focus();
  no.addEventListener('click', () => { box.hidden = true; });
  yes.addEventListener('click', async () => {
    box.hidden = true;
    await api.storage.local.set({ [KEYS.rules]: data.rules, [KEYS.allow]: data.allow, [KEYS.lexicons]: checked, [KEYS.revision]: Date.now() });
    await load();
    status('backup-status', t('optBackupImported', [file.name]));
  });
});

// ---- "Publish anyway" records -------------------------------------------------------------------

let overrides = {};

function overrideRows() {
  const rows = [];
  for (const list of Object.values(overrides)) for (const r of list || []) rows.push(r);
  return rows.sort((a, b) => String(b.at).localeCompare(String(a.at)));
}

function outcomeLabel(r) {
  return t(`outcome_${r.outcome || 'published'}`);
}

function renderOverrides() {
  const ul = $('overrides-list');
  const rows = overrideRows();
  ul.replaceChildren(...rows.slice(0, 100).map((r) => h('li', { 'data-outcome': r.outcome || 'published' },
    h('span', { class: 'when' }, new Date(r.at).toLocaleString()),
    h('span', { class: `outcome ${r.outcome || 'published'}` }, outcomeLabel(r)), ' ',
    h('b', {}, r.title || ''), ' ',
    h('span', { class: 'terms' }, (r.block || []).map((f) => f.text || f.message).join('、')),
    r.reason ? h('div', { class: 'reason' }, r.reason) : null,
    (r.block || []).filter((f) => f.reason).map((f) => h('div', { class: 'reason' }, `“${f.text}”：${f.reason}`)))));
  if (!rows.length) ul.append(h('li', { class: 'hint' }, t('optOverridesNone')));
}

function csvCell(v) {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

$('overrides-export').addEventListener('click', () => {
  const head = ['optCsvTime', 'optCsvOutcome', 'optCsvTitle', 'optCsvReason', 'optCsvBlock', 'optCsvReview', 'optCsvUrl'].map((k) => t(k));
  const lines = [head.join(',')];
  for (const r of overrideRows()) {
    lines.push([r.at, outcomeLabel(r), r.title, r.reason,
      (r.block || []).map((f) => `${f.text}${f.reason ? `（${f.reason}）` : ''}`).join('; '),
      (r.review || []).map((f) => f.text).join('; '), r.url].map(csvCell).join(','));
  }
  download('wxlint-publish-anyway.csv', `\uFEFF${lines.join('\r\n')}\r\n`, 'text/csv;charset=utf-8');
});

$('overrides-clear').addEventListener('click', async () => {
  if (!window.confirm(t('optOverridesConfirm'))) return;
  overrides = {};
  await api.storage.local.set({ [KEYS.overrides]: {} });
  renderOverrides();
});

// ---- Load ---------------------------------------------------------------------------------------

async function load() {
  const stored = await getStored([KEYS.rules, KEYS.lexicons, KEYS.allow, KEYS.overrides]);
  ruleSettings = stored[KEYS.rules] || {};
  lexicons = Array.isArray(stored[KEYS.lexicons]) ? stored[KEYS.lexicons] : [];
  overrides = stored[KEYS.overrides] || {};
  $('allow-text').value = (stored[KEYS.allow] || []).join('\n');
  const m = await send({ type: 'managed' });
  managed = (m && m.managed) || null;
  renderManaged();
  renderManagedAllow();
  renderLexicons();
  renderOverrides();
  renderSites();
  const meta = await send({ type: 'rules' });
  if (meta.error) {
    const bs = $('background-status');
    bs.hidden = false;
    bs.textContent = t('optBackgroundError', [meta.error]);
    return;
  }
  rules = meta.rules || [];
  renderRules();
  $('rules-reset').disabled = !!(managed && managed.lock);
  savedSnapshot = snapshot();
  updateDirty();
  $('version').textContent = t('optVersion', [meta.version || '']);
  const st = await send({ type: 'status' });
  if (st && st.settingsError) {
    const bs = $('background-status');
    bs.hidden = false;
    bs.textContent = t('optSettingsError', [st.settingsError]);
  }
  document.documentElement.dataset.state = 'ready';
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed') { load(); return; }
  if (area !== 'local') return;
  if (KEYS.overrides in changes) {
    overrides = /** @type {any} */ (changes[KEYS.overrides].newValue) || {};
    renderOverrides();
  }
  if (KEYS.allow in changes && document.activeElement !== $('allow-text') && snapshot() === savedSnapshot) {
    $('allow-text').value = (/** @type {string[]} */ (changes[KEYS.allow].newValue) || []).join('\n');
    savedSnapshot = snapshot();
  }
  if (KEYS.lexicons in changes) {
    lexicons = /** @type {any[]} */ (changes[KEYS.lexicons].newValue) || [];
    renderLexicons();
  }
  if (KEYS.sites in changes) renderSites();
});

load();
