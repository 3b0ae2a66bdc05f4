// The panel (in the extension's shadow root): a status icon for the worst open finding, labelled
// counts (必须修改 3 · 需领导审核 2 …), the findings grouped by rule with identical ones on one row,
// keyboard-reachable actions on every row (在本文忽略, 加入白名单 with a confirmation that says its
// scope), an undo toast, a 显示已忽略 view, 重新检查, 生成审核单 and 设置.
//
// It never hides the article: it docks in the free margin beside the article column when there
// is room, and otherwise starts collapsed to a small badge in a margin; dragged or resized, it is
// kept fully on screen, between the site's fixed top and bottom bars (the bottom one holds 发表
// and 保存为草稿: our root is stacked above the page); its place is remembered per kind of editor
// page.
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  const h = ns.h;
  const t = (k, s) => ns.t(k, s);
  const { KEYS } = globalThis.wxlintShared;

  const GAP = 12;
  const MIN_W = 240;
  const MAX_W = 340;
  const DEFAULT_TOP = 72;

  /** @type {PanelPlace & {kind: string, closedGroups: Set<string>, showIgnored: boolean}} */
  const state = { kind: 'default', mode: 'auto', left: null, top: null, width: null, height: null, collapsed: null, closedGroups: new Set(), showIgnored: false };
  /** @type {Record<string, PanelPlace>} */
  let saved = {};
  /** @type {HTMLElement | null} */
  let el = null;
  /** @type {Record<string, any>} */
  let parts = {};
  /** @type {PanelHandlers} */
  let handlers = {
    onRecheck: null, onSelect: null, onOptions: null, onSheet: null, onIgnore: null, onUnignore: null,
    onAllow: null, canAllow: () => false, ruleName: (id) => id, ruleOrder: () => 0,
    column: () => null, bars: () => ({ top: 0, bottom: window.innerHeight }),
  };
  let messageTimer = null;
  let toastTimer = null;
  /** @type {PanelState | null} */
  let last = null;
  /** What the list shows now (rows, states): an unchanged list is not rebuilt. */
  let shown = '';
  /** The page's geometry, read at most once a second (reading it forces a layout of the page). */
  let geometry = null;
  /** Whether the panel is shown collapsed right now (user's choice, or no room). */
  let collapsedNow = false;

  /** @param {Partial<PanelHandlers> & {kind?: string, expanded?: boolean}} h2 */
  async function init(h2) {
    handlers = { ...handlers, ...h2 };
    if (h2.kind) state.kind = h2.kind;
    try {
      const stored = await globalThis.wxlintShared.getStored(KEYS.panel);
      const p = stored[KEYS.panel];
      // {kind: place}; an older single {left, top, collapsed} is not used.
      if (p && typeof p === 'object' && !('left' in p)) saved = /** @type {Record<string, PanelPlace>} */ (p);
      const mine = saved[state.kind];
      if (mine && typeof mine === 'object') {
        if (mine.mode === 'float') state.mode = 'float';
        for (const k of ['left', 'top', 'width', 'height']) if (Number.isFinite(mine[k])) state[k] = mine[k];
        if (typeof mine.collapsed === 'boolean') state.collapsed = mine.collapsed;
      } else if (h2.expanded) {
        state.collapsed = false;
      }
    } catch (_) { /* defaults */ }
    build();
    window.addEventListener('resize', () => { geometry = null; place(); }, { passive: true });
  }

  function save() {
    saved[state.kind] = { mode: state.mode, left: state.left, top: state.top, width: state.width, height: state.height, collapsed: state.collapsed };
    try {
      ns.api.storage.local.set({ [KEYS.panel]: saved });
    } catch (_) { /* extension reloaded */ }
  }

  function build() {
    const shadow = ns.ui.ensure();
    parts.logo = h('span', { class: 'logo idle', role: 'img', 'aria-label': t('statusIdle') }, '…');
    parts.badges = h('div', { class: 'badges', 'aria-live': 'polite' });
    parts.short = h('span', { class: 'short' });
    parts.dock = h('button', { class: 'dock', title: t('panelDock'), 'aria-label': t('panelDock'), hidden: true, onclick: () => { state.mode = 'auto'; state.width = null; state.height = null; save(); place(); } }, '⇲');
    parts.toggle = h('button', { class: 'toggle', 'aria-expanded': 'true', onclick: () => setCollapsed(!collapsedNow) });
    parts.head = h('div', { class: 'head' },
      parts.logo,
      h('span', { class: 'name' }, t('panelTitle')),
      parts.short,
      parts.badges,
      parts.dock,
      parts.toggle);
    parts.status = h('div', { class: 'status', role: 'status' });
    parts.notice = h('div', { class: 'notice', hidden: true });
    parts.notice2 = h('div', { class: 'notice info', hidden: true });
    parts.message = h('div', { class: 'notice error message', role: 'alert', hidden: true });
    parts.confirm = h('div', { class: 'confirm', hidden: true, role: 'dialog' });
    parts.list = h('div', { class: 'groups' });
    parts.ignoredBar = h('div', { class: 'ignored-bar', hidden: true });
    parts.ignoredList = h('ul', { class: 'ignored-list', hidden: true });
    parts.body = h('div', { class: 'body' }, parts.status, parts.notice, parts.notice2, parts.message, parts.confirm, parts.list, parts.ignoredBar, parts.ignoredList);
    parts.sheet = h('button', { class: 'sheet', title: t('panelSheetHint'), onclick: () => openSheet() }, t('panelSheet'));
    parts.foot = h('div', { class: 'foot' },
      h('button', { class: 'primary recheck', onclick: () => handlers.onRecheck && handlers.onRecheck() }, t('recheck')),
      parts.sheet,
      h('button', { class: 'link options', onclick: () => handlers.onOptions && handlers.onOptions() }, t('openOptions')));
    el = h('div', { class: 'panel', role: 'complementary', 'aria-label': t('panelTitle') }, parts.head, parts.body, parts.foot);
    shadow.appendChild(el);
    parts.toast = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite', hidden: true });
    shadow.appendChild(parts.toast);
    enableDrag();
    enableResize();
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

  /** The row the last ignore / allow action came from (its key): where focus returns after 撤销. */
  let actedKey = null;

  /** Whether keyboard focus is lost (on the page's body: its button went with the row) or in our UI. */
  function focusLostOrOurs() {
    const shadow = el && el.getRootNode();
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) return true;
    return !!shadow && ns.ui.isOwn(active) && !!(/** @type {ShadowRoot} */ (shadow).activeElement);
  }

  /** Focus back in the panel: the row acted on if it is there again, else the first row, else its toggle. */
  function refocusPanel(key) {
    if (!el || collapsedNow) { if (parts.toggle) parts.toggle.focus({ preventScroll: true }); return; }
    const rows = /** @type {HTMLElement[]} */ ([...el.querySelectorAll('li.item[tabindex="0"]')]);
    const target = rows.find((r) => r.dataset.key === key) || rows[0] || parts.toggle;
    if (target) target.focus({ preventScroll: true });
  }

  /**
   * A toast at the bottom of the window, with 撤销 when `undo` is given. When the action left
   * keyboard focus nowhere (its row is gone) or in our UI, focus goes to 撤销; the toast stays
   * while 撤销 has focus (no timeout under the keyboard user), Escape closes it, and focus then
   * returns to the panel.
   */
  function toast(text, undo) {
    clearTimeout(toastTimer);
    const box = parts.toast;
    const children = [h('span', { class: 'text' }, text)];
    /** @type {HTMLButtonElement | null} */
    let undoButton = null;
    const key = actedKey;
    actedKey = null;
    if (undo) {
      undoButton = /** @type {HTMLButtonElement} */ (h('button', {
        class: 'undo',
        onclick: () => {
          const hadFocus = box.contains(/** @type {ShadowRoot} */ (box.getRootNode()).activeElement);
          hideToast();
          undo();
          if (hadFocus) requestAnimationFrame(() => refocusPanel(key));
        },
        onkeydown: (ev) => {
          if (ev.key !== 'Escape') return;
          ev.preventDefault();
          ev.stopPropagation();
          hideToast();
          refocusPanel(key);
        },
        onfocus: () => clearTimeout(toastTimer),
        onblur: () => { clearTimeout(toastTimer); toastTimer = setTimeout(hideToast, 8000); },
      }, t('undo')));
      children.push(undoButton);
    }
    const moveFocus = !!undoButton && focusLostOrOurs();
    box.replaceChildren(...children);
    box.hidden = false;
    // Next to the panel (in the margin it uses), not over the article's text.
    const r = rect();
    const vp = viewport();
    box.style.transform = 'none';
    if (r) {
      const width = Math.max(240, Math.min(360, r.width));
      const left = Math.min(Math.max(8, r.left), vp.w - width - 8);
      const below = r.bottom + 8;
      box.style.maxWidth = `${width}px`;
      box.style.left = `${left}px`;
      box.style.bottom = '';
      const h = box.offsetHeight || 60;
      box.style.top = `${below + h <= vp.h - 8 ? below : Math.max(8, r.top - h - 8)}px`;
    } else {
      box.style.top = '';
      box.style.left = '';
      box.style.maxWidth = '';
      box.style.bottom = '72px';
      box.style.transform = '';
    }
    toastTimer = setTimeout(hideToast, 8000);
    if (moveFocus) undoButton.focus({ preventScroll: true });
  }

  function hideToast() {
    clearTimeout(toastTimer);
    if (parts.toast) parts.toast.hidden = true;
  }

  // ---- Place ----------------------------------------------------------------------------------

  function viewport() {
    const de = document.documentElement;
    return { w: de.clientWidth || window.innerWidth, h: de.clientHeight || window.innerHeight };
  }

  /** The column and the bars, from a cache of at most a second. */
  function pageGeometry() {
    const now = Date.now();
    if (!geometry || now - geometry.at > 1000) geometry = { at: now, bars: handlers.bars(), col: handlers.column() };
    return geometry;
  }

  /** Where the panel goes now: docked, floating, or a badge in a margin. */
  function place(fresh) {
    if (!el) return;
    if (fresh) geometry = null;
    const vp = viewport();
    const { bars, col } = pageGeometry();
    const top0 = Math.max(bars.top + GAP, Math.min(DEFAULT_TOP, vp.h / 4));
    const bottom0 = Math.min(vp.h, bars.bottom) - GAP;
    // Wherever it is dragged or resized to, it stays within the band the site's bars leave free.
    const lo = clamp(bars.top, 0, vp.h);
    const hi = clamp(bars.bottom, lo, vp.h);
    const freeRight = col ? vp.w - col.right - 2 * GAP : 0;
    const freeLeft = col ? col.left - 2 * GAP : 0;
    let dock = null;
    if (state.mode === 'auto' && col) {
      if (freeRight >= MIN_W) dock = { side: 'right', width: Math.min(MAX_W, freeRight) };
      else if (freeLeft >= MIN_W) dock = { side: 'left', width: Math.min(MAX_W, freeLeft) };
    }
    // Collapsed: the user's choice, else (automatic) whenever there is no room to dock.
    const collapsed = state.collapsed !== null ? state.collapsed : state.mode === 'auto' && !dock;
    setCollapsedClass(collapsed);
    if (!collapsed) el.classList.remove('vertical');
    parts.dock.hidden = state.mode !== 'float';
    el.classList.toggle('resizable', !collapsed);
    if (collapsed) {
      el.style.width = '';
      el.style.height = '';
      el.style.maxHeight = '';
      el.classList.remove('vertical');
      let bw = el.offsetWidth || 80;
      let bh = el.offsetHeight || 32;
      const margin = 4;
      const rightRoom = col ? vp.w - col.right - 2 * margin : vp.w;
      const leftRoom = col ? col.left - 2 * margin : 0;
      let left;
      let top;
      if (state.mode === 'float' && Number.isFinite(state.left)) {
        left = state.left;
        top = state.top;
      } else if (rightRoom >= bw) {
        left = vp.w - margin - bw;
        top = top0;
      } else if (leftRoom >= bw) {
        left = col.left - margin - bw;
        top = top0;
      } else {
        // A narrow margin: the badge stands upright in it.
        el.classList.add('vertical');
        bw = el.offsetWidth || 30;
        bh = el.offsetHeight || 60;
        if (rightRoom >= bw) left = vp.w - margin - bw;
        else if (leftRoom >= bw) left = col.left - margin - bw;
        else left = vp.w - bw - margin;
        top = top0;
      }
      setBox(clamp(left, 0, vp.w - bw), clamp(top, lo, hi - bh), null, null);
      return;
    }
    let width;
    let left;
    let top;
    let height = null;
    if (state.mode === 'float') {
      width = clamp(state.width || 320, MIN_W, Math.max(MIN_W, vp.w - 2 * GAP));
      left = Number.isFinite(state.left) ? state.left : vp.w - width - GAP;
      top = Number.isFinite(state.top) ? state.top : top0;
      if (Number.isFinite(state.height)) height = state.height;
    } else if (dock) {
      width = dock.width;
      left = dock.side === 'right' ? col.right + GAP + (freeRight - width) / 2 : col.left - GAP - width - (freeLeft - width) / 2;
      top = top0;
    } else {
      // Expanded by the user where there is no margin: over the text, at the right.
      width = Math.min(320, vp.w - 2 * GAP);
      left = vp.w - width - GAP;
      top = top0;
    }
    const maxH = Math.max(120, Math.min(bottom0 - Math.max(lo, top), hi - lo));
    if (height !== null) height = clamp(height, 120, maxH);
    el.style.maxHeight = `${Math.max(120, Math.min(vp.h - 2 * GAP, bottom0 - top0, 640))}px`;
    setBox(null, null, width, height);
    const pw = el.offsetWidth || width;
    const ph = el.offsetHeight || 200;
    setBox(clamp(left, 0, vp.w - pw), clamp(top, lo, hi - ph), width, height);
  }

  function clamp(v, lo, hi) {
    return Math.min(Math.max(lo, v), Math.max(lo, hi));
  }

  function setBox(left, top, width, height) {
    if (left !== null) el.style.left = `${Math.round(left)}px`;
    if (top !== null) el.style.top = `${Math.round(top)}px`;
    if (width !== null) el.style.width = `${Math.round(width)}px`;
    el.style.height = height !== null ? `${Math.round(height)}px` : '';
  }

  function setCollapsedClass(v) {
    collapsedNow = v;
    el.classList.toggle('collapsed', v);
    parts.toggle.textContent = v ? '+' : '–';
    parts.toggle.title = v ? t('panelExpand') : t('panelCollapse');
    parts.toggle.setAttribute('aria-label', parts.toggle.title);
    parts.toggle.setAttribute('aria-expanded', v ? 'false' : 'true');
  }

  /** The user collapses or expands the panel. */
  function setCollapsed(v) {
    state.collapsed = v;
    save();
    place();
    if (!v) parts.toggle.focus();
  }

  function enableDrag() {
    let start = null;
    parts.head.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0 || ev.target.closest('button')) return;
      const r = el.getBoundingClientRect();
      start = { x: ev.clientX, y: ev.clientY, left: r.left, top: r.top, moved: false };
      parts.head.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    parts.head.addEventListener('pointermove', (ev) => {
      if (!start) return;
      const dx = ev.clientX - start.x;
      const dy = ev.clientY - start.y;
      if (!start.moved && Math.abs(dx) + Math.abs(dy) <= 3) return;
      if (!start.moved) {
        start.moved = true;
        state.mode = 'float';
        if (!collapsedNow) { state.width = el.offsetWidth; }
      }
      state.left = start.left + dx;
      state.top = start.top + dy;
      place();
      // What place() clamped it to is where it is.
      state.left = parseFloat(el.style.left);
      state.top = parseFloat(el.style.top);
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
    parts.head.addEventListener('dblclick', (ev) => { if (!ev.target.closest('button')) setCollapsed(!collapsedNow); });
  }

  /** The CSS resize handle (bottom-right corner): a resized panel floats where it is. */
  function enableResize() {
    let before = null;
    el.addEventListener('pointerdown', (ev) => {
      if (collapsedNow) return;
      const r = el.getBoundingClientRect();
      if (ev.clientX > r.right - 18 && ev.clientY > r.bottom - 18) before = { w: r.width, h: r.height };
    });
    window.addEventListener('pointerup', () => {
      if (!before || !el) return;
      const r = el.getBoundingClientRect();
      const changed = Math.abs(r.width - before.w) > 1 || Math.abs(r.height - before.h) > 1;
      before = null;
      if (!changed) return;
      state.mode = 'float';
      state.left = r.left;
      state.top = r.top;
      state.width = r.width;
      state.height = r.height;
      place();
      save();
    }, true);
  }

  /** The panel's box in the top viewport, or null when it is not shown. */
  function rect() {
    if (!el || el.hidden || !el.isConnected || ns.ui.pageModal()) return null;
    const r = el.getBoundingClientRect();
    return r.width && r.height ? r : null;
  }

  /** Collapse to the badge (e.g. when an expanded panel would hide a finding that was jumped to). */
  function collapse() {
    if (collapsedNow) return;
    state.collapsed = true;
    place();
  }

  // ---- Rendering ------------------------------------------------------------------------------

  const LOGO = { block: '!', review: '审', warn: '!', info: 'i', ok: '✓', idle: '…' };

  function headline(counts, status) {
    const worst = ns.SEVERITIES.find((s) => (counts[s] || 0) > 0);
    let cls = 'idle';
    if (worst) cls = worst;
    else if (status.recognised && status.checked && !status.error) cls = 'ok';
    parts.logo.className = `logo ${cls}`;
    parts.logo.textContent = LOGO[cls];
    parts.logo.setAttribute('aria-label', t(`status_${cls}`));
    parts.logo.title = t(`status_${cls}`);
    const list = [];
    for (const sev of ns.SEVERITIES) {
      const n = counts[sev] || 0;
      if (n) list.push(h('span', { class: `badge ${sev}`, 'data-severity': sev, 'data-count': String(n) }, t('badgeCount', [t(`severity_${sev}`), String(n)])));
    }
    const summary = list.map((b) => b.textContent).join(' · ');
    if (!list.length) {
      if (cls === 'ok') list.push(h('span', { class: 'badge ok' }, t('badgeOk')));
      else if (status.checking || !status.checked) list.push(h('span', { class: 'badge idle' }, t('checking')));
    }
    parts.badges.replaceChildren(...list);
    // The collapsed badge is small: the icon says the level, the number how many (and the
    // tooltip / accessible name say it in words).
    parts.short.textContent = worst ? String(counts[worst]) : '';
    parts.short.setAttribute('aria-label', summary || t(`status_${cls}`));
    el.title = summary || '';
  }

  /**
   * Show a state: {rows: [Row], ignoredRows: [Row], counts, status}.
   * @param {PanelState} s
   */
  function render(s) {
    last = s;
    if (!el) return;
    if (!el.isConnected) ns.ui.ensure().appendChild(el);
    const { rows = [], ignoredRows = [], counts = {}, status = {} } = s;
    headline(counts, status);
    parts.status.textContent = status.checking ? t('checking') : '';
    // The same list as shown (typing elsewhere in the article): only the status changed.
    const key = JSON.stringify([rows.map((r) => [r.key, r.items.length, r.items[0] && r.items[0].where]), ignoredRows.map((r) => [r.key, r.items.length]),
      status.error, status.recognised, status.checked, status.ignoredBlocks, status.notes, state.showIgnored, [...state.closedGroups]]);
    if (key === shown) return;
    shown = key;

    if (status.error) {
      showNotice(parts.notice, 'notice error', t('checkFailed', [status.error]));
    } else if (!status.recognised) {
      showNotice(parts.notice, 'notice', t(status.site === 'wechat' || !status.site ? 'editorNotRecognised' : 'editorNotRecognisedOther'));
    } else if (status.ignoredBlocks > 0 && status.guarded) {
      showNotice(parts.notice, 'notice', t('ignoredBlocksStillGuarded', [String(status.ignoredBlocks)]));
    } else {
      parts.notice.hidden = true;
    }
    const notes = status.notes || [];
    if (notes.length) showNotice(parts.notice2, 'notice info', notes.join(' '));
    else parts.notice2.hidden = true;

    const groups = new Map();
    for (const row of rows) {
      const id = row.finding.rule;
      if (!groups.has(id)) groups.set(id, []);
      groups.get(id).push(row);
    }
    const ordered = [...groups.entries()].sort((a, b) => {
      const sa = Math.min(...a[1].map((r) => ns.severityRank(r.finding.severity)));
      const sb = Math.min(...b[1].map((r) => ns.severityRank(r.finding.severity)));
      return sa - sb || handlers.ruleOrder(a[0]) - handlers.ruleOrder(b[0]);
    });
    const nodes = ordered.map(([rule, list]) => group(rule, list));
    if (!nodes.length && status.recognised && status.checked && !status.error) {
      nodes.push(h('div', { class: 'empty' }, t('noFindings')));
    }
    parts.list.replaceChildren(...nodes);

    const ignoredCount = ignoredRows.reduce((n, r) => n + r.items.length, 0);
    parts.ignoredBar.hidden = !ignoredRows.length;
    if (!ignoredRows.length) state.showIgnored = false;
    parts.ignoredBar.replaceChildren(h('button', {
      class: 'link show-ignored', 'aria-expanded': state.showIgnored ? 'true' : 'false',
      onclick: () => { state.showIgnored = !state.showIgnored; render(last); },
    }, t(state.showIgnored ? 'hideIgnored' : 'showIgnored', [String(ignoredCount)])));
    parts.ignoredList.hidden = !state.showIgnored;
    parts.ignoredList.replaceChildren(...(state.showIgnored ? ignoredRows.map((r) => rowNode(r, true)) : []));
    place();
  }

  function showNotice(node, cls, text) {
    node.hidden = false;
    node.className = cls;
    node.textContent = text;
  }

  /** @param {string} rule @param {Row[]} list */
  function group(rule, list) {
    const closed = state.closedGroups.has(rule);
    const g = h('div', { class: `group${closed ? ' closed' : ''}`, 'data-rule': rule });
    const arrow = h('span', { class: 'arrow', 'aria-hidden': 'true' }, closed ? '▸' : '▾');
    const n = list.reduce((k, r) => k + r.items.length, 0);
    const head = h('button', { class: 'gh', 'aria-expanded': closed ? 'false' : 'true', onclick: () => {
      if (state.closedGroups.has(rule)) state.closedGroups.delete(rule); else state.closedGroups.add(rule);
      g.classList.toggle('closed');
      const isClosed = g.classList.contains('closed');
      arrow.textContent = isClosed ? '▸' : '▾';
      head.setAttribute('aria-expanded', isClosed ? 'false' : 'true');
    } });
    head.append(h('span', {}, handlers.ruleName(rule)), h('span', { class: 'count' }, `(${n})`), arrow);
    g.append(head, h('ul', {}, list.map((r) => rowNode(r, false))));
    return g;
  }

  /**
   * The row of this key in the latest state: a list that did not change is not rebuilt, but
   * its findings (and where they are in the page) are those of the latest check.
   */
  function latest(row, ignored) {
    const list = last ? (ignored ? last.ignoredRows : last.rows) : [];
    return (list || []).find((r) => r.key === row.key) || row;
  }

  /** One row: identical findings together (“xx” ×9), its actions as real buttons. */
  function rowNode(row, ignored) {
    const f = row.finding;
    const n = row.items.length;
    const where = n > 1 ? t('whereMany', [row.items[0].where || '', String(n)]) : (row.items[0].where || '');
    const actions = [];
    if (ignored) {
      actions.push(h('button', { class: 'unignore', onclick: (e) => { e.stopPropagation(); if (handlers.onUnignore) handlers.onUnignore(latest(row, true)); } }, t('unignore')));
    } else {
      actions.push(h('button', { class: 'ignore', title: t('ignoreHint'), onclick: (e) => { e.stopPropagation(); actedKey = row.key; if (handlers.onIgnore) handlers.onIgnore(latest(row, false)); } }, t('ignore')));
      if (handlers.canAllow(f)) {
        actions.push(h('button', { class: 'allow', title: t('allowHint'), onclick: (e) => { e.stopPropagation(); askAllow(latest(row, false)); } }, t('addToAllowList')));
      }
    }
    const select = () => { if (!ignored && handlers.onSelect) handlers.onSelect(latest(row, false)); };
    const label = `${where} ${f.text ? `“${f.text}”` : ''} ${f.message}`;
    return h('li', {
      class: `item ${f.severity}${ignored ? ' ignored' : ''}`,
      'data-severity': f.severity,
      'data-rule': f.rule,
      'data-count': String(n),
      'data-key': row.key,
      title: f.suggestion ? `${f.message}\n${t('suggestionPrefix')}${f.suggestion}` : f.message,
      tabindex: ignored ? '-1' : '0',
      role: ignored ? null : 'button',
      'aria-label': label,
      onclick: (e) => { if (!e.target.closest('button')) select(); },
      onkeydown: (ev) => {
        if (ev.target !== ev.currentTarget) return;
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); ev.stopPropagation(); select(); }
      },
    },
    h('span', { class: `dot ${f.severity}`, 'aria-hidden': 'true' }),
    h('div', { class: 'main' },
      h('div', { class: 'text' }, h('span', { class: 'where' }, where), f.text ? `“${ns.ellipsis(f.text, 24)}”` : '', n > 1 ? h('span', { class: 'times' }, `×${n}`) : null),
      h('div', { class: 'msg' }, f.message),
      h('div', { class: 'actions' }, actions)));
  }

  /** 加入白名单 asks first, saying what it covers. */
  function askAllow(row) {
    const text = row.finding.text;
    const yes = h('button', { class: 'primary yes' }, t('allowConfirmYes'));
    const no = h('button', { class: 'no' }, t('cancel'));
    const box = parts.confirm;
    box.replaceChildren(
      h('p', {}, t('allowConfirmQuestion', [text])),
      h('p', { class: 'scope' }, t('allowConfirmScope', [text])),
      h('p', {}, t('allowConfirmDetail', [text])),
      h('div', { class: 'buttons' }, yes, no));
    box.hidden = false;
    const close = () => { box.hidden = true; box.replaceChildren(); };
    yes.addEventListener('click', () => { close(); actedKey = row.key; if (handlers.onAllow) handlers.onAllow(latest(row, false)); });
    no.addEventListener('click', close);
    box.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } }, { once: true });
    box.scrollIntoView({ block: 'nearest' });
    yes.focus();
  }

  /** A check started: say so, without rebuilding anything. */
  function checking() {
    if (parts.status) parts.status.textContent = t('checking');
  }

  ns.panel = {
    init,
    render,
    checking,
    message,
    toast,
    hideToast,
    place,
    rect,
    collapse,
    /** Diagnostics for tests: the panel element. */
    element: () => el,
  };
})();
