// The options page: rules (on/off, severity, thresholds), custom word lists (.txt / .csv,
// validated by the background's checker before they are saved: a refused file leaves the
// previous list active), the allow-list, and the "publish anyway" records.
import './shared.js';

const { api, KEYS, SEVERITIES, CATEGORIES, buildConfig, csvToLexicon, decodeWordFile } = globalThis.wxlintShared;
const t = (k, s) => api.i18n.getMessage(k, s === undefined ? undefined : [].concat(s).map(String)) || k;
const $ = (id) => document.getElementById(id);
const MAX_FILE = 2 * 1024 * 1024;
const en = t('checkerLocale') === 'en';

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

function send(msg) {
  return api.runtime.sendMessage(msg).then((a) => a || { error: 'no answer' }, (e) => ({ error: String(e && e.message || e) }));
}

function status(id, text, error) {
  const el = $(id);
  el.textContent = text;
  el.className = `status${error ? ' error' : ''}`;
}

function categoryLabel(id) {
  const key = `category_${String(id).replace(/-/g, '_')}`;
  const s = api.i18n.getMessage(key);
  return s || id;
}

for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
document.documentElement.lang = t('checkerLocale');
document.title = t('optionsTitle');

// ---- Rules -------------------------------------------------------------------------------------

let rules = [];
let ruleSettings = {};

function isRange(d) {
  return d && typeof d === 'object' && !Array.isArray(d) && 'value' in d;
}

function optionControl(rule, opt, current) {
  const d = opt.default;
  const desc = en ? opt.descriptionEn : opt.descriptionZh;
  const label = h('label', { for: `opt-${rule.id}-${opt.key}` }, desc || opt.key);
  let control;
  if (isRange(d)) {
    control = h('input', { type: 'number', id: `opt-${rule.id}-${opt.key}`, min: String(d.min), max: String(d.max), step: '1' });
    control.value = String(current ?? d.value);
    control.dataset.kind = 'number';
  } else if (typeof d === 'boolean') {
    control = h('input', { type: 'checkbox', id: `opt-${rule.id}-${opt.key}` });
    control.checked = current ?? d;
    control.dataset.kind = 'boolean';
  } else if (typeof d === 'string' && SEVERITIES.includes(d)) {
    control = h('select', { id: `opt-${rule.id}-${opt.key}` }, SEVERITIES.map((s) => h('option', { value: s }, t(`severity_${s}`))));
    control.value = current ?? d;
    control.dataset.kind = 'severity';
  } else if (Array.isArray(d) && rule.id === 'prohibited' && opt.key === 'ignoreCategories') {
    // The categories of the built-in prohibited-content lexicon (other rules have their own).
    const chosen = new Set(current ?? d);
    control = h('span', { class: 'cats', id: `opt-${rule.id}-${opt.key}` }, CATEGORIES.map((c) => h('label', {},
      h('input', { type: 'checkbox', value: c, checked: chosen.has(c) }), ' ', categoryLabel(c))));
    control.dataset.kind = 'categories';
  } else if (Array.isArray(d)) {
    control = h('input', { type: 'text', id: `opt-${rule.id}-${opt.key}`, placeholder: t('optListHint') });
    control.value = (current ?? d).join('，');
    control.dataset.kind = 'list';
  } else {
    control = h('input', { type: 'text', id: `opt-${rule.id}-${opt.key}` });
    control.value = String(current ?? d ?? '');
    control.dataset.kind = 'text';
  }
  control.dataset.key = opt.key;
  control.classList.add('opt');
  return [label, control];
}

function renderRules() {
  const list = $('rule-list');
  list.replaceChildren();
  for (const rule of rules) {
    const s = ruleSettings[rule.id] || {};
    const enabled = s.enabled ?? rule.enabledByDefault;
    const box = h('div', { class: `rule${enabled ? '' : ' off'}`, 'data-rule': rule.id });
    const check = h('input', { type: 'checkbox', class: 'enabled', checked: enabled, title: t('optEnabled') });
    check.addEventListener('change', () => box.classList.toggle('off', !check.checked));
    const sev = h('select', { class: 'severity', 'aria-label': t('optSeverity') },
      h('option', { value: '' }, t('severityDefault', [t(`severity_${rule.defaultSeverity}`)])),
      SEVERITIES.map((x) => h('option', { value: x }, t(`severity_${x}`))));
    sev.value = s.severity || '';
    box.append(
      h('div', { class: 'head' },
        check,
        h('span', { class: 'name' }, en ? rule.nameEn : rule.nameZh),
        h('span', { class: 'id' }, rule.id),
        h('label', { class: 'sev' }, `${t('optSeverity')} `, sev)),
      h('div', { class: 'desc' }, en ? rule.descriptionEn : rule.descriptionZh));
    if (rule.options && rule.options.length) {
      const opts = h('div', { class: 'opts' });
      for (const opt of rule.options) opts.append(...optionControl(rule, opt, s.options ? s.options[opt.key] : undefined));
      box.append(opts);
    }
    list.append(box);
  }
}

function readRules() {
  const out = {};
  for (const rule of rules) {
    const box = document.querySelector(`.rule[data-rule="${CSS.escape(rule.id)}"]`);
    if (!box) continue;
    const s = {};
    const enabled = box.querySelector('.enabled').checked;
    if (enabled !== rule.enabledByDefault) s.enabled = enabled;
    const sev = box.querySelector('.severity').value;
    if (sev) s.severity = sev;
    const options = {};
    for (const opt of rule.options || []) {
      const c = box.querySelector(`.opt[data-key="${CSS.escape(opt.key)}"]`);
      if (!c) continue;
      let v;
      switch (c.dataset.kind) {
        case 'number': {
          const n = Number(c.value);
          if (c.value.trim() === '' || !Number.isFinite(n)) throw new Error(`${en ? rule.nameEn : rule.nameZh}：${opt.key}`);
          v = Math.round(n);
          if (v === opt.default.value) v = undefined;
          break;
        }
        case 'boolean': v = c.checked === opt.default ? undefined : c.checked; break;
        case 'severity': v = c.value === opt.default ? undefined : c.value; break;
        case 'categories': {
          v = [...c.querySelectorAll('input:checked')].map((i) => i.value);
          if (!v.length && !opt.default.length) v = undefined;
          break;
        }
        case 'list': {
          v = c.value.split(/[,，、;；\s]+/).map((x) => x.trim()).filter(Boolean);
          if (!v.length && !opt.default.length) v = undefined;
          break;
        }
        default: v = c.value === opt.default ? undefined : c.value;
      }
      if (v !== undefined) options[opt.key] = v;
    }
    if (Object.keys(options).length) s.options = options;
    if (Object.keys(s).length) out[rule.id] = s;
  }
  return out;
}

async function saveRules() {
  let next;
  try {
    next = readRules();
  } catch (e) {
    status('rules-status', t('optSaveFailed', [e.message]), true);
    return;
  }
  const stored = await api.storage.local.get(KEYS.allow);
  const config = buildConfig({ [KEYS.rules]: next, [KEYS.allow]: stored[KEYS.allow] });
  const v = await send({ type: 'validateConfig', config });
  if (!v.ok) {
    status('rules-status', t('optSaveFailed', [v.error]), true);
    return;
  }
  ruleSettings = next;
  await api.storage.local.set({ [KEYS.rules]: next, [KEYS.revision]: Date.now() });
  status('rules-status', t('optSaved'));
}

$('rules-save').addEventListener('click', saveRules);
$('rules-reset').addEventListener('click', async () => {
  ruleSettings = {};
  renderRules();
  await api.storage.local.set({ [KEYS.rules]: {}, [KEYS.revision]: Date.now() });
  status('rules-status', t('optSaved'));
});

// ---- Word lists ---------------------------------------------------------------------------------

let lexicons = [];

for (const c of CATEGORIES) $('lex-category').append(h('option', { value: c }, `${categoryLabel(c)}（${c}）`));
$('lex-category').value = 'custom';

function renderLexicons() {
  const body = $('lex-body');
  body.replaceChildren();
  for (const list of lexicons) {
    body.append(h('tr', { 'data-name': list.name },
      h('td', {}, list.name),
      h('td', {}, categoryLabel(list.category)),
      h('td', {}, String(list.entries ?? '')),
      h('td', {}, list.importedAt ? new Date(list.importedAt).toLocaleString() : ''),
      h('td', { class: 'buttons' },
        h('button', { class: 'small export', onclick: () => exportList(list) }, t('optLexExport')), ' ',
        h('button', { class: 'small delete', onclick: () => deleteList(list) }, t('optLexDelete')))));
  }
  $('lex-table').hidden = !lexicons.length;
  $('lex-none').hidden = !!lexicons.length;
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
 * The checker's error message without its "词库 X 第 N 行：" prefix (and, in the Chinese UI,
 * without the English translation the checker appends in parentheses).
 */
function reasonOf(message) {
  let m = String(message || '');
  if (!en && /[\u3400-\u9fff]/.test(m)) m = m.replace(/ \([^\u3000-\u9fff\uff00-\uffef]*\)$/, '');
  const zh = m.match(/第\s*\d+\s*行[：:]\s*([\s\S]*)$/);
  if (zh) return zh[1];
  const enLine = m.match(/line\s+\d+\s*[:：]\s*([\s\S]*)$/i);
  if (enLine) return enLine[1];
  return m.replace(/^词库\s+\S+[：:]\s*/, '');
}

async function importFile(file, category) {
  const name = file.name;
  const refuse = (why) => { status('lex-status', t('optLexRefused', [name, why]), true); return false; };
  if (file.size > MAX_FILE) return refuse(t('optLexTooBig'));
  const text = decodeWordFile(await file.arrayBuffer());
  let lexText = text;
  let lineMap = null;
  if (/\.csv$/i.test(name)) {
    try {
      ({ text: lexText, lineMap } = csvToLexicon(text));
    } catch (e) {
      const why = e.code === 'pipe' ? t('optLexPipe') : e.code === 'directive' ? t('optLexDirective') : String(e.message);
      return refuse(t('optLexLine', [e.csvLine || 0, why]));
    }
  }
  const answer = await send({ type: 'validateLexicon', text: lexText, category, name });
  if (!answer.ok) {
    const line = Number(answer.line) || 0;
    const source = lineMap && line > 0 ? lineMap[line - 1] ?? line : line;
    const why = reasonOf(answer.error);
    return refuse(source > 0 ? t('optLexLine', [source, why]) : why);
  }
  if (!answer.entries && !answer.allowed) return refuse(t('optLexEmpty'));
  const record = {
    name,
    fileName: name,
    category,
    text: lexText,
    entries: answer.entries,
    allowed: answer.allowed,
    importedAt: new Date().toISOString(),
  };
  const stored = await api.storage.local.get(KEYS.lexicons);
  const current = Array.isArray(stored[KEYS.lexicons]) ? stored[KEYS.lexicons] : [];
  const idx = current.findIndex((l) => l.name === name);
  if (idx >= 0) current[idx] = record; else current.push(record);
  await api.storage.local.set({ [KEYS.lexicons]: current, [KEYS.revision]: Date.now() });
  lexicons = current;
  renderLexicons();
  status('lex-status', t('optLexImported', [name, answer.entries, answer.allowed]));
  return true;
}

$('lex-import').addEventListener('click', () => $('lex-file').click());
$('lex-file').addEventListener('change', async (ev) => {
  const files = [...ev.target.files];
  ev.target.value = '';
  const category = $('lex-category').value || 'custom';
  for (const f of files) {
    // eslint-disable-next-line no-await-in-loop
    if (!(await importFile(f, category))) break;
  }
});

// ---- Allow-list ---------------------------------------------------------------------------------

$('allow-save').addEventListener('click', async () => {
  const terms = [...new Set($('allow-text').value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))];
  const stored = await api.storage.local.get(KEYS.rules);
  const config = buildConfig({ [KEYS.rules]: stored[KEYS.rules], [KEYS.allow]: terms });
  const v = await send({ type: 'validateConfig', config });
  if (!v.ok) {
    status('allow-status', t('optSaveFailed', [v.error]), true);
    return;
  }
  await api.storage.local.set({ [KEYS.allow]: terms, [KEYS.revision]: Date.now() });
  $('allow-text').value = terms.join('\n');
  status('allow-status', t('optAllowSaved', [terms.length]));
});

// ---- "Publish anyway" records -------------------------------------------------------------------

let overrides = {};

function overrideRows() {
  const rows = [];
  for (const list of Object.values(overrides)) for (const r of list || []) rows.push(r);
  return rows.sort((a, b) => String(b.at).localeCompare(String(a.at)));
}

function renderOverrides() {
  const ul = $('overrides-list');
  const rows = overrideRows();
  ul.replaceChildren(...rows.slice(0, 100).map((r) => h('li', {},
    h('span', { class: 'when' }, new Date(r.at).toLocaleString()),
    h('b', {}, r.title || ''), ' ',
    h('span', { class: 'terms' }, (r.block || []).map((f) => f.text || f.message).join('、')),
    h('div', { class: 'reason' }, r.reason))));
  if (!rows.length) ul.append(h('li', { class: 'hint' }, t('optOverridesNone')));
}

function csvCell(v) {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

$('overrides-export').addEventListener('click', () => {
  const lines = [['time', 'title', 'reason', 'block', 'review', 'url'].join(',')];
  for (const r of overrideRows()) {
    lines.push([r.at, r.title, r.reason, (r.block || []).map((f) => `${f.rule}:${f.text}`).join('; '),
      (r.review || []).map((f) => `${f.rule}:${f.text}`).join('; '), r.url].map(csvCell).join(','));
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
  const stored = await api.storage.local.get([KEYS.rules, KEYS.lexicons, KEYS.allow, KEYS.overrides]);
  ruleSettings = stored[KEYS.rules] || {};
  lexicons = Array.isArray(stored[KEYS.lexicons]) ? stored[KEYS.lexicons] : [];
  overrides = stored[KEYS.overrides] || {};
  $('allow-text').value = (stored[KEYS.allow] || []).join('\n');
  renderLexicons();
  renderOverrides();
  const meta = await send({ type: 'rules' });
  if (meta.error) {
    const bs = $('background-status');
    bs.hidden = false;
    bs.textContent = t('optBackgroundError', [meta.error]);
    return;
  }
  rules = meta.rules || [];
  renderRules();
  $('version').textContent = t('optVersion', [meta.version || '']);
  const st = await send({ type: 'status' });
  if (st && st.settingsError) {
    const bs = $('background-status');
    bs.hidden = false;
    bs.textContent = t('optSettingsError', [st.settingsError]);
  }
}

api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (KEYS.overrides in changes) {
    overrides = changes[KEYS.overrides].newValue || {};
    renderOverrides();
  }
  if (KEYS.allow in changes && document.activeElement !== $('allow-text')) {
    $('allow-text').value = (changes[KEYS.allow].newValue || []).join('\n');
  }
});

load();
