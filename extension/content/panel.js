// The floating panel (in the extension's shadow root): counts by severity, findings grouped by
// rule, a status line (and a clear notice when no editor is recognised), 重新检查, 生成审核单
// (the printable review sheet, opened in a tab by the background). Movable by
// its header, collapsible; position and state remembered in storage.
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || {});
  const h = ns.h;
  const t = (k, s) => ns.t(k, s);
  const { KEYS } = globalThis.wxlintShared;

  const state = { left: null, top: null, collapsed: false, closedGroups: new Set() };
  let el = null;
  let parts = {};
  let handlers = { onRecheck: null, onSelect: null, onOptions: null, onSheet: null, ruleName: (id) => id, ruleOrder: () => 0 };
  let messageTimer = null;
  let last = null;

  async function init(h2) {
    handlers = { ...handlers, ...h2 };
    try {
      const stored = await ns.api.storage.local.get(KEYS.panel);
      const p = stored[KEYS.panel];
      if (p && typeof p === 'object') {
        if (Number.isFinite(p.left)) state.left = p.left;
        if (Number.isFinite(p.top)) state.top = p.top;
        state.collapsed = !!p.collapsed;
      }
    } catch (_) { /* defaults */ }
    build();
    window.addEventListener('resize', () => place(), { passive: true });
  }

  function save() {
    try {
      ns.api.storage.local.set({ [KEYS.panel]: { left: state.left, top: state.top, collapsed: state.collapsed } });
    } catch (_) { /* extension reloaded */ }
  }

  function build() {
    const shadow = ns.ui.ensure();
    parts.badges = h('div', { class: 'badges' });
    parts.toggle = h('button', { class: 'toggle', title: t('panelCollapse'), onclick: () => setCollapsed(!state.collapsed) });
    parts.head = h('div', { class: 'head' },
      h('span', { class: 'logo' }, '✓'),
      h('span', { class: 'name' }, t('panelTitle')),
      parts.badges,
      parts.toggle);
    parts.status = h('div', { class: 'status' });
    parts.notice = h('div', { class: 'notice', hidden: true });
    parts.message = h('div', { class: 'notice error message', role: 'status', hidden: true });
    parts.list = h('div', { class: 'groups' });
    parts.body = h('div', { class: 'body' }, parts.status, parts.notice, parts.message, parts.list);
    parts.ms = h('span', { class: 'ms' });
    parts.sheet = h('button', { class: 'sheet', title: t('panelSheetHint'), onclick: () => openSheet() }, t('panelSheet'));
    parts.foot = h('div', { class: 'foot' },
      h('button', { class: 'primary recheck', onclick: () => handlers.onRecheck && handlers.onRecheck() }, t('recheck')),
      parts.sheet,
      h('button', { class: 'link options', onclick: () => handlers.onOptions && handlers.onOptions() }, t('openOptions')),
      parts.ms);
    el = h('div', { class: 'panel', role: 'complementary', 'aria-label': t('panelTitle') }, parts.head, parts.body, parts.foot);
    shadow.appendChild(el);
    enableDrag();
    setCollapsed(state.collapsed, true);
    place();
    if (last) render(last);
  }

  /** 生成审核单: one at a time; a failure is said in the panel for a while. */
  async function openSheet() {
    if (!handlers.onSheet || parts.sheet.disabled) return;
    parts.sheet.disabled = true;
    try {
      const answer = await handlers.onSheet();
      if (answer && answer.error) message(t('sheetFailed', [answer.error]));
      else message(null);
    } catch (e) {
      message(t('sheetFailed', [String((e && e.message) || e)]));
    } finally {
      parts.sheet.disabled = false;
    }
  }

  /** Show (or clear, with null) a passing message under the status line. */
  function message(text) {
    clearTimeout(messageTimer);
    parts.message.hidden = !text;
    parts.message.textContent = text || '';
    if (text) messageTimer = setTimeout(() => { parts.message.hidden = true; }, 8000);
  }

  function place() {
    if (!el) return;
    const w = el.offsetWidth || 320;
    const hh = parts.head.offsetHeight || 34;
    if (state.left === null) state.left = window.innerWidth - w - 16;
    if (state.top === null) state.top = 72;
    state.left = Math.min(Math.max(0, state.left), Math.max(0, window.innerWidth - w));
    state.top = Math.min(Math.max(0, state.top), Math.max(0, window.innerHeight - hh));
    el.style.left = `${state.left}px`;
    el.style.top = `${state.top}px`;
  }

  function setCollapsed(v, quiet) {
    state.collapsed = v;
    el.classList.toggle('collapsed', v);
    parts.toggle.textContent = v ? '+' : '–';
    parts.toggle.title = v ? t('panelExpand') : t('panelCollapse');
    if (!quiet) { place(); save(); }
  }

  function enableDrag() {
    let start = null;
    parts.head.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0 || ev.target.closest('button')) return;
      start = { x: ev.clientX, y: ev.clientY, left: state.left, top: state.top, moved: false };
      parts.head.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    parts.head.addEventListener('pointermove', (ev) => {
      if (!start) return;
      const dx = ev.clientX - start.x;
      const dy = ev.clientY - start.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) start.moved = true;
      state.left = start.left + dx;
      state.top = start.top + dy;
      place();
    });
    const end = (ev) => {
      if (!start) return;
      const moved = start.moved;
      start = null;
      try { parts.head.releasePointerCapture(ev.pointerId); } catch (_) { /* released */ }
      if (moved) save();
    };
    parts.head.addEventListener('pointerup', end);
    parts.head.addEventListener('pointercancel', end);
    parts.head.addEventListener('dblclick', (ev) => { if (!ev.target.closest('button')) setCollapsed(!state.collapsed); });
  }

  function badges(counts) {
    const list = [];
    let total = 0;
    for (const sev of ns.SEVERITIES) {
      const n = counts[sev] || 0;
      total += n;
      if (n || sev === 'block') {
        list.push(h('span', { class: `badge ${sev}${n ? '' : ' zero'}`, title: t(`severity_${sev}`), 'data-severity': sev }, String(n)));
      }
    }
    return { list, total };
  }

  /**
   * Show a state: {items: [{id, finding, where, target, ignored}], counts, status: {editor,
   * recognised, editorUrl, checking, error, ms, extractMs}}.
   */
  function render(s) {
    last = s;
    if (!el) return;
    if (!el.isConnected) ns.ui.ensure().appendChild(el);
    const { items = [], counts = {}, status = {} } = s;
    const b = badges(counts);
    if (status.recognised && !status.error && b.total === 0 && !status.checking && status.checked) {
      parts.badges.replaceChildren(h('span', { class: 'badge ok' }, t('badgeOk')));
    } else {
      parts.badges.replaceChildren(...b.list);
    }

    let line = '';
    if (status.recognised) {
      line = status.generation === 'ueditor' ? t('editorOld') : t('editorNew');
      if (status.checking) line += ` · ${t('checking')}`;
    } else {
      line = t('editorNone');
    }
    parts.status.textContent = line;
    parts.ms.textContent = Number.isFinite(status.ms) ? t('checkedIn', [String(Math.round(status.ms))]) : '';

    if (status.error) {
      parts.notice.hidden = false;
      parts.notice.className = 'notice error';
      parts.notice.textContent = t('checkFailed', [status.error]);
    } else if (!status.recognised) {
      parts.notice.hidden = false;
      parts.notice.className = 'notice';
      parts.notice.textContent = t('editorNotRecognised');
    } else if (status.ignoredBlocks > 0) {
      parts.notice.hidden = false;
      parts.notice.className = 'notice';
      parts.notice.textContent = t('ignoredBlocksStillGuarded', [String(status.ignoredBlocks)]);
    } else {
      parts.notice.hidden = true;
    }

    const groups = new Map();
    for (const it of items) {
      const id = it.finding.rule;
      if (!groups.has(id)) groups.set(id, []);
      groups.get(id).push(it);
    }
    const ordered = [...groups.entries()].sort((a, b) => {
      const sa = Math.min(...a[1].map((i) => ns.severityRank(i.finding.severity)));
      const sb = Math.min(...b[1].map((i) => ns.severityRank(i.finding.severity)));
      return sa - sb || handlers.ruleOrder(a[0]) - handlers.ruleOrder(b[0]);
    });
    const nodes = ordered.map(([rule, list]) => group(rule, list));
    if (!nodes.length && status.recognised && status.checked && !status.error) {
      nodes.push(h('div', { class: 'empty' }, t('noFindings')));
    }
    parts.list.replaceChildren(...nodes);
    place();
  }

  function group(rule, list) {
    const closed = state.closedGroups.has(rule);
    const g = h('div', { class: `group${closed ? ' closed' : ''}`, 'data-rule': rule });
    const head = h('div', { class: 'gh', onclick: () => {
      if (state.closedGroups.has(rule)) state.closedGroups.delete(rule); else state.closedGroups.add(rule);
      g.classList.toggle('closed');
      arrow.textContent = g.classList.contains('closed') ? '▸' : '▾';
    } });
    const arrow = h('span', { class: 'arrow' }, closed ? '▸' : '▾');
    head.append(h('span', {}, handlers.ruleName(rule)), h('span', { class: 'count' }, `(${list.length})`), arrow);
    const ul = h('ul', {}, list.map((it) => {
      const f = it.finding;
      return h('li', {
        class: `item ${f.severity}${it.target ? '' : ' unlocated'}`,
        'data-severity': f.severity,
        title: f.suggestion ? `${f.message}\n${t('suggestionPrefix')}${f.suggestion}` : f.message,
        tabindex: '0',
        role: 'button',
        onclick: () => handlers.onSelect && handlers.onSelect(it),
        onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); ev.stopPropagation(); if (handlers.onSelect) handlers.onSelect(it); } },
      },
      h('span', { class: `dot ${f.severity}` }),
      h('div', { class: 'main' },
        h('div', { class: 'text' }, h('span', { class: 'where' }, it.where || ''), f.text ? `“${ns.ellipsis(f.text, 24)}”` : ''),
        h('div', { class: 'msg' }, f.message)));
    }));
    g.append(head, ul);
    return g;
  }

  ns.panel = {
    init,
    render,
    message,
    /** Diagnostics for tests: the rendered counts. */
    element: () => el,
  };
})();
