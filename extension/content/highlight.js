// Drawing findings without touching the article DOM.
//
// Text ranges: the CSS Custom Highlight API, one Highlight per severity (wxlint-block,
// wxlint-review, wxlint-warn, wxlint-info) registered in the registry of the document that owns
// the ranges (the UEditor iframe has its own CSS.highlights), styled by a constructable style
// sheet adopted by that document (and by a shadow root holding the editor). Without the API:
// boxes from range.getClientRects() in an overlay inside the extension's own shadow root.
// Inputs/textareas cannot hold ranges: their boxes are measured with a hidden mirror element.
// Whole images/fields: dashed boxes in the overlay. A hover card (hit-testing the pointer
// against the findings' client rects) offers 忽略 and 加入白名单.
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  const h = ns.h;
  const NAMES = ['block', 'review', 'warn', 'info'];
  const PRIORITY = { block: 4, review: 3, warn: 2, info: 1, flash: 5 };

  /** Per document: {doc, win, sheet, highlights: {sev: Highlight}, ok}. */
  const surfaces = new Map();
  let items = [];
  /** @type {HighlightHooks} */
  let hooks = {
    ruleName: (id) => id, onIgnore: null, onAllow: null, canAllow: () => false,
    panelRect: () => null, bars: () => ({ top: 0, bottom: window.innerHeight }), collapsePanel: null, occluders: () => [],
  };
  let layoutDirty = true;
  let hitList = [];
  let flash = null; // {item, until}
  let forceOverlay = false; // for tests / browsers without the API

  function adopt(target, sheet) {
    try {
      const list = target.adoptedStyleSheets;
      if (Array.prototype.includes.call(list, sheet)) return true;
      try {
        list.push(sheet);
      } catch (_) {
        target.adoptedStyleSheets = [...list, sheet];
      }
      return Array.prototype.includes.call(target.adoptedStyleSheets, sheet);
    } catch (_) {
      return false;
    }
  }

  /** The highlight surface of a document (created on first use), or null without the API. */
  function surfaceFor(doc, shadowRoot) {
    let s = surfaces.get(doc);
    if (!s) {
      const win = doc.defaultView;
      s = { doc, win, sheet: null, highlights: {}, ok: false, shadowRoots: new Set() };
      try {
        if (!forceOverlay && win && win.CSS && win.CSS.highlights && typeof win.Highlight === 'function') {
          const sheet = new win.CSSStyleSheet();
          sheet.replaceSync(ns.highlightCss);
          s.sheet = sheet;
          for (const name of [...NAMES, 'flash']) {
            const hl = new win.Highlight();
            hl.priority = PRIORITY[name];
            s.highlights[name] = hl;
          }
          s.ok = true;
        }
      } catch (_) {
        s.ok = false;
      }
      surfaces.set(doc, s);
    }
    if (s.ok) {
      // Re-check every time: the page may have replaced its adopted sheets or registry entries.
      if (!adopt(doc, s.sheet)) s.ok = false;
      if (shadowRoot && shadowRoot.ownerDocument === doc) {
        if (adopt(shadowRoot, s.sheet)) s.shadowRoots.add(shadowRoot);
        else s.ok = false;
      }
      try {
        const reg = s.win.CSS.highlights;
        for (const [name, hl] of Object.entries(s.highlights)) {
          if (reg.get(`wxlint-${name}`) !== hl) reg.set(`wxlint-${name}`, hl);
        }
      } catch (_) {
        s.ok = false;
      }
    }
    return s.ok ? s : null;
  }

  // ---- Geometry --------------------------------------------------------------------------------

  /** Offset of a document's viewport in the top window's viewport (same-origin frames). */
  function frameOffset(doc) {
    let x = 0;
    let y = 0;
    let clip = null;
    let win = doc.defaultView;
    while (win && win !== window) {
      let fe = null;
      try { fe = win.frameElement; } catch (_) { fe = null; }
      if (!fe) break;
      const r = fe.getBoundingClientRect();
      const cs = fe.ownerDocument.defaultView.getComputedStyle(fe);
      const ox = r.left + fe.clientLeft + (parseFloat(cs.paddingLeft) || 0);
      const oy = r.top + fe.clientTop + (parseFloat(cs.paddingTop) || 0);
      const frameRect = { left: ox, top: oy, right: ox + fe.clientWidth, bottom: oy + fe.clientHeight };
      clip = clip ? intersect(translate(clip, ox, oy), frameRect) : frameRect;
      x += ox;
      y += oy;
      win = fe.ownerDocument.defaultView;
    }
    return { x, y, clip };
  }

  function translate(r, dx, dy) {
    return { left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy };
  }

  function intersect(a, b) {
    if (!a) return b;
    if (!b) return a;
    return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  }

  /** The parent element, crossing shadow-root boundaries. */
  function parentOf(el) {
    if (el.parentElement) return el.parentElement;
    const p = el.parentNode;
    return p && p.host ? p.host : null;
  }

  /** The part of the top viewport where `el` can be seen (scroll containers, frames). */
  function visibleArea(el) {
    const doc = el.ownerDocument;
    const win = doc.defaultView;
    let area = { left: 0, top: 0, right: win.innerWidth, bottom: win.innerHeight };
    for (let a = parentOf(el); a && a !== doc.documentElement && a !== doc.body; a = parentOf(a)) {
      const cs = win.getComputedStyle(a);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') {
        const r = a.getBoundingClientRect();
        area = intersect(area, { left: r.left + a.clientLeft, top: r.top + a.clientTop, right: r.left + a.clientLeft + a.clientWidth, bottom: r.top + a.clientTop + a.clientHeight });
      }
    }
    const off = frameOffset(doc);
    area = translate(area, off.x, off.y);
    area = intersect(area, off.clip);
    return intersect(area, { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight });
  }

  function clipRect(r, area) {
    const c = intersect(r, area);
    return c.right > c.left && c.bottom > c.top ? c : null;
  }

  function rangeRects(range, area) {
    const doc = range.startContainer.ownerDocument;
    const off = frameOffset(doc);
    const out = [];
    for (const r of range.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      const c = clipRect(translate(r, off.x, off.y), area);
      if (c) out.push(c);
    }
    return out;
  }

  function elementRects(el) {
    if (!el.isConnected) return [];
    const off = frameOffset(el.ownerDocument);
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return [];
    const c = clipRect(translate({ left: r.left - 2, top: r.top - 2, right: r.right + 2, bottom: r.bottom + 2 }, off.x, off.y), visibleArea(el));
    return c ? [c] : [];
  }

  const MIRROR_PROPS = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
    'letterSpacing', 'wordSpacing', 'textTransform', 'textIndent', 'lineHeight', 'tabSize',
    'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
    'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'boxSizing'];

  /** Client rects of [start, end) of an input's/textarea's value, measured with a mirror. */
  function inputRects(el, start, end) {
    if (!el.isConnected) return [];
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return [];
    const cs = el.ownerDocument.defaultView.getComputedStyle(el);
    const mirror = ns.ui.part('mirror');
    for (const p of MIRROR_PROPS) mirror.style[p] = cs[p];
    const isTextarea = el.tagName === 'TEXTAREA';
    mirror.style.whiteSpace = isTextarea ? 'pre-wrap' : 'pre';
    mirror.style.overflowWrap = isTextarea ? 'break-word' : 'normal';
    mirror.style.width = isTextarea ? `${r.width}px` : 'auto';
    mirror.style.height = 'auto';
    const value = String(el.value ?? '');
    const mark = h('span', {}, value.slice(start, end) || '\u200b');
    mirror.replaceChildren(value.slice(0, start), mark, value.slice(end) || '\u200b');
    const mr = mirror.getBoundingClientRect();
    const off = frameOffset(el.ownerDocument);
    const bt = parseFloat(cs.borderTopWidth) || 0;
    const bb = parseFloat(cs.borderBottomWidth) || 0;
    const pt = parseFloat(cs.paddingTop) || 0;
    const pb = parseFloat(cs.paddingBottom) || 0;
    const bl = parseFloat(cs.borderLeftWidth) || 0;
    const br = parseFloat(cs.borderRightWidth) || 0;
    const content = { left: r.left + bl, top: r.top + bt, right: r.right - br, bottom: r.bottom - bb };
    const area = intersect(translate(content, off.x, off.y), visibleArea(el));
    const out = [];
    for (const m of mark.getClientRects()) {
      let left = r.left + (m.left - mr.left) - el.scrollLeft;
      let top = r.top + (m.top - mr.top) - el.scrollTop;
      if (!isTextarea) {
        // A single-line input centres its line vertically in the content box.
        const inner = r.height - bt - bb - pt - pb;
        top = r.top + bt + pt + Math.max(0, (inner - m.height) / 2);
      }
      const c = clipRect(translate({ left, top, right: left + m.width, bottom: top + m.height }, off.x, off.y), area);
      if (c) out.push(c);
    }
    mirror.replaceChildren();
    return out;
  }

  // ---- Drawing ---------------------------------------------------------------------------------

  /**
   * Draw `list`: [{id, finding, target}] (target from ns.extract.locate). Replaces what was
   * drawn before. `bodyShadowRoot` is the shadow root holding the editor, if any.
   */
  function draw(list, bodyShadowRoot) {
    items = list.filter((it) => it.target);
    for (const s of surfaces.values()) {
      if (s.ok) for (const hl of Object.values(s.highlights)) hl.clear();
    }
    for (const it of items) {
      it.overlay = true;
      if (it.target.kind !== 'range') continue;
      const s = surfaceFor(it.target.doc, bodyShadowRoot);
      if (s) {
        const hl = s.highlights[it.finding.severity] || s.highlights.info;
        hl.add(it.target.range);
        it.overlay = false;
      }
    }
    if (flash && !items.includes(flash.item)) flash = null;
    // The hover card follows its finding into the new list, or goes when the finding is gone.
    if (card.item) {
      const k = itemKey(card.item);
      const again = items.find((it) => itemKey(it) === k);
      if (again) card.item = again; else hideCard(true);
    }
    layoutDirty = true;
    layout();
  }

  /** Identity of a finding across checks: the same rule, place and text. */
  function itemKey(it) {
    const f = it.finding;
    return `${f.rule}\u0001${f.field}\u0001${f.block ?? ''}\u0001${f.start}\u0001${f.end}\u0001${f.text}`;
  }

  /** `r` minus `o`: up to four rectangles. */
  function subtract(r, o) {
    if (o.right <= r.left || o.left >= r.right || o.bottom <= r.top || o.top >= r.bottom) return [r];
    const out = [];
    if (o.top > r.top) out.push({ left: r.left, top: r.top, right: r.right, bottom: o.top });
    if (o.bottom < r.bottom) out.push({ left: r.left, top: o.bottom, right: r.right, bottom: r.bottom });
    const top = Math.max(r.top, o.top);
    const bottom = Math.min(r.bottom, o.bottom);
    if (o.left > r.left) out.push({ left: r.left, top, right: o.left, bottom });
    if (o.right < r.right) out.push({ left: o.right, top, right: r.right, bottom });
    return out.filter((x) => x.right - x.left > 0.5 && x.bottom - x.top > 0.5);
  }

  /** Rects with the parts under the site's fixed bars (and popovers) cut away. */
  function unoccluded(rects, occ) {
    let out = rects;
    for (const o of occ) out = out.flatMap((r) => subtract(r, o));
    return out;
  }

  /** Recompute overlay boxes (and the hit-test rects) from the live ranges and elements. */
  function layout() {
    layoutDirty = false;
    const layer = ns.ui.part('layer');
    const boxes = [];
    hitList = [];
    let occ = [];
    try { occ = hooks.occluders(); } catch (_) { occ = []; }
    const areas = new Map();
    const areaOf = (node) => {
      const el = node.nodeType === 1 ? node : node.parentElement;
      const root = (el && el.closest && el.closest('.ProseMirror, body')) || el;
      if (!root) return null;
      let a = areas.get(root);
      if (!a) { a = visibleArea(root); areas.set(root, a); }
      return a;
    };
    for (const it of items) {
      let rects = [];
      const t = it.target;
      try {
        if (t.kind === 'range') {
          const area = areaOf(t.range.startContainer);
          rects = area ? rangeRects(t.range, area) : [];
        } else if (t.kind === 'input') {
          rects = inputRects(t.el, t.start, t.end);
        } else if (t.kind === 'element') {
          rects = elementRects(t.el);
        }
      } catch (_) {
        rects = [];
      }
      if (occ.length) rects = unoccluded(rects, occ);
      it.rects = rects;
      if (rects.length) hitList.push(it);
      if (!it.overlay && !(flash && flash.item === it)) continue;
      const kind = t.kind === 'element' ? 'object' : 'range';
      for (const r of rects) {
        if (it.overlay) boxes.push(box(`box ${kind} ${it.finding.severity}`, r));
        if (flash && flash.item === it) boxes.push(box('box flash', r));
      }
    }
    hitList.sort((a, b) => ns.severityRank(a.finding.severity) - ns.severityRank(b.finding.severity));
    layer.replaceChildren(...boxes);
  }

  function box(cls, r) {
    return h('div', { class: cls, style: { left: `${r.left}px`, top: `${r.top}px`, width: `${r.right - r.left}px`, height: `${r.bottom - r.top}px` } });
  }

  let rafPending = false;
  function scheduleLayout() {
    layoutDirty = true;
    if (rafPending) return;
    rafPending = true;
    const run = () => { rafPending = false; if (layoutDirty) layout(); if (card.item) positionCard(); };
    if (document.visibilityState === 'visible') requestAnimationFrame(run);
    else setTimeout(run, 50);
  }

  // ---- Flash (a finding clicked in the panel) --------------------------------------------------

  function scrollTo(it, select) {
    const t = it.target;
    let el = null;
    if (t.kind === 'range') el = t.range.startContainer.nodeType === 1 ? t.range.startContainer : t.range.startContainer.parentElement;
    else el = t.el;
    if (!el || !el.isConnected) return;
    try { el.scrollIntoView({ block: 'center', inline: 'nearest' }); } catch (_) { el.scrollIntoView(); }
    revealClear(it, el);
    if (t.kind === 'input') {
      try { el.focus({ preventScroll: true }); el.setSelectionRange(t.start, t.end); } catch (_) { /* hidden */ }
    } else if (select && t.kind === 'range') {
      // Put the caret on the text so it can be fixed at once (a selection, not a DOM change).
      try {
        const host = el.closest('[contenteditable="true"], body[contenteditable]');
        if (host) host.focus({ preventScroll: true });
        const sel = t.range.startContainer.ownerDocument.getSelection();
        sel.removeAllRanges();
        sel.addRange(t.range.cloneRange());
      } catch (_) { /* not selectable */ }
    }
  }

  function intersects(a, b) {
    return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  }

  /** The elements that scroll `el` into view, innermost first (across shadow roots and frames). */
  function scrollers(el) {
    const out = [];
    let node = el;
    while (node) {
      const doc = node.ownerDocument;
      const win = doc.defaultView;
      for (let a = parentOf(node); a; a = parentOf(a)) {
        if (a === doc.documentElement || a === doc.body) break;
        const cs = win.getComputedStyle(a);
        if (/(auto|scroll|overlay)/.test(cs.overflowY) && a.scrollHeight > a.clientHeight + 1) out.push(a);
      }
      out.push(doc.scrollingElement || doc.documentElement);
      let fe = null;
      try { fe = win.frameElement; } catch (_) { fe = null; }
      node = fe;
    }
    return out;
  }

  /** Scroll the content by `dy` pixels (positive: the text moves up), as far as the scrollers allow. */
  function scrollContent(el, dy) {
    let left = dy;
    for (const s of scrollers(el)) {
      if (Math.abs(left) < 1) break;
      const before = s.scrollTop;
      s.scrollTop = before + left;
      left -= s.scrollTop - before;
    }
    return dy - left;
  }

  /**
   * After scrolling to a finding: if the panel covers it, scroll on until it sits above or below
   * the panel (within the part of the window the site's bars leave free); where that is not
   * possible, collapse the panel to its badge.
   */
  function revealClear(it, el) {
    layout();
    const r = it.rects && it.rects[0];
    const p = hooks.panelRect();
    if (!r || !p || !intersects(r, p)) return;
    const bars = hooks.bars();
    const m = 12;
    const up = r.bottom - p.top + m; // text above the panel
    const down = p.bottom - r.top + m; // text below the panel
    const options = [];
    if (r.top - up >= bars.top + m) options.push(up);
    if (r.bottom + down <= bars.bottom - m) options.push(-down);
    options.sort((a, b) => Math.abs(a) - Math.abs(b));
    for (const dy of options) {
      scrollContent(el, dy);
      layout();
      const r2 = it.rects && it.rects[0];
      if (r2 && !intersects(r2, p)) return;
      scrollContent(el, -dy);
    }
    if (hooks.collapsePanel) hooks.collapsePanel();
    layout();
  }

  /** Scroll to a finding and make it blink; `select` also selects its text in the editor. */
  function flashItem(it, select) {
    if (!it || !it.target) return;
    scrollTo(it, select);
    flash = { item: it };
    const s = it.target.kind === 'range' ? surfaceFor(it.target.doc) : null;
    if (s) {
      s.highlights.flash.clear();
      s.highlights.flash.add(it.target.range);
    }
    [0, 150].forEach((ms) => setTimeout(scheduleLayout, ms));
    const mine = flash;
    let on = true;
    let n = 0;
    const blink = setInterval(() => {
      n += 1;
      on = !on;
      if (s && flash === mine) {
        if (on) s.highlights.flash.add(it.target.range); else s.highlights.flash.clear();
      }
      if (n >= 6) {
        clearInterval(blink);
        if (s) s.highlights.flash.clear();
        if (flash === mine) { flash = null; scheduleLayout(); }
      }
    }, 250);
  }

  // ---- Hover card ------------------------------------------------------------------------------

  const card = { el: null, item: null, hideTimer: null, over: false, anchor: null };

  /** The element a finding's drawing belongs to: hovering elsewhere (e.g. a page dialog on top) shows nothing. */
  function ownerOf(it) {
    const t = it.target;
    if (t.kind !== 'range') return t.el;
    const n = t.range.startContainer;
    const el = n.nodeType === 1 ? n : n.parentElement;
    return (el && el.closest('[contenteditable="true"], body')) || el;
  }

  function hit(x, y, target) {
    if (layoutDirty) layout();
    for (const it of hitList) {
      const owner = ownerOf(it);
      if (target && owner && !(owner === target || owner.contains(target))) continue;
      for (const r of it.rects) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return { it, r };
      }
    }
    return null;
  }

  function showCard(it, anchor) {
    clearTimeout(card.hideTimer);
    if (card.item === it && card.el && card.el.isConnected) { card.anchor = anchor; return; }
    const f = it.finding;
    const t = ns.t;
    const actions = h('div', { class: 'actions' });
    const normal = () => {
      const buttons = [
        h('button', { class: 'ignore', title: t('ignoreHint'), onclick: () => { hideCard(true); if (hooks.onIgnore) hooks.onIgnore(card.item || it); } }, t('ignore')),
      ];
      if (hooks.canAllow(f)) buttons.push(h('button', { class: 'allow', title: t('allowHint'), onclick: confirmAllow }, t('addToAllowList')));
      actions.replaceChildren(...buttons);
    };
    // 加入白名单 asks first, inside the card, saying that it applies to every article.
    function confirmAllow() {
      const yes = h('button', { class: 'primary yes', onclick: () => { const target = card.item || it; hideCard(true); if (hooks.onAllow) hooks.onAllow(target); } }, t('allowConfirmYes'));
      const no = h('button', { class: 'no', onclick: normal }, t('cancel'));
      actions.replaceChildren(
        h('div', { class: 'msg' }, t('allowConfirmQuestion', [f.text]), ' ', h('b', {}, t('allowConfirmScope', [f.text]))),
        yes, no);
      yes.focus();
    }
    normal();
    const el = h('div', { class: 'card', role: 'dialog', 'aria-label': hooks.ruleName(f.rule) },
      h('div', { class: 'top' },
        h('span', { class: `badge ${f.severity}` }, t(`severity_${f.severity}`)),
        h('span', { class: 'rule' }, hooks.ruleName(f.rule))),
      h('div', { class: 'msg' }, f.message),
      f.suggestion ? h('div', { class: 'sugg' }, t('suggestionPrefix'), f.suggestion) : null,
      actions);
    el.addEventListener('mouseenter', () => { card.over = true; clearTimeout(card.hideTimer); });
    el.addEventListener('mouseleave', () => { card.over = false; scheduleHide(); });
    const root = ns.ui.ensure();
    if (card.el) card.el.remove();
    root.appendChild(el);
    card.el = el;
    card.item = it;
    card.anchor = anchor;
    card.over = false;
    positionCard();
  }

  function positionCard() {
    if (!card.el || !card.anchor) return;
    const r = card.item && card.item.rects && card.item.rects[0] ? card.item.rects[0] : card.anchor;
    const cw = card.el.offsetWidth || 260;
    const ch = card.el.offsetHeight || 100;
    let left = Math.min(Math.max(8, r.left), window.innerWidth - cw - 8);
    let top = r.bottom + 6;
    // A card about a whole box (an image) that is tall enough sits inside the box's top corner,
    // so it never covers the text around the image and the findings in it.
    const box = card.item && card.item.target && card.item.target.kind !== 'range';
    if (box && r.bottom - r.top > ch + 12) {
      top = Math.max(8, r.top + 6);
      left = Math.min(Math.max(8, r.left + 6), window.innerWidth - cw - 8);
    } else if (top + ch > window.innerHeight - 8) {
      top = Math.max(8, r.top - ch - 6);
    }
    card.el.style.left = `${left}px`;
    card.el.style.top = `${top}px`;
  }

  function scheduleHide() {
    clearTimeout(card.hideTimer);
    card.hideTimer = setTimeout(() => { if (!card.over) hideCard(true); }, 300);
  }

  function hideCard(now) {
    clearTimeout(card.hideTimer);
    if (!now) { scheduleHide(); return; }
    if (card.el) card.el.remove();
    card.el = null;
    card.item = null;
    card.anchor = null;
  }

  /** A pointer move, read during dispatch (composedPath() is empty afterwards). */
  function moveOf(ev) {
    const path = typeof ev.composedPath === 'function' ? ev.composedPath() : [];
    const inner = path[0] && path[0].nodeType === 1 ? path[0] : ev.target;
    return { target: ev.target, inner, clientX: ev.clientX, clientY: ev.clientY };
  }

  function onMouseMove(ev, doc) {
    if (ns.ui.isOwn(ev.target)) return; // over the card, panel or dialog
    if (ns.ui.pageModal()) { if (card.el) hideCard(true); return; }
    let x = ev.clientX;
    let y = ev.clientY;
    if (doc !== document) {
      const off = frameOffset(doc);
      x += off.x;
      y += off.y;
    }
    const found = items.length ? hit(x, y, ev.inner) : null;
    if (found) showCard(found.it, found.r);
    else if (card.el && !card.over) scheduleHide();
  }

  // ---- Wiring ----------------------------------------------------------------------------------

  const watchedDocs = new WeakSet();
  /** Listen (passively) for pointer moves and scrolling in a document (top or editor frame). */
  function watchDocument(doc) {
    if (!doc || watchedDocs.has(doc)) return;
    watchedDocs.add(doc);
    let pendingMove = null;
    doc.addEventListener('mousemove', (ev) => {
      const first = !pendingMove;
      pendingMove = moveOf(ev);
      if (!first) return;
      (doc.defaultView || window).requestAnimationFrame(() => { const e = pendingMove; pendingMove = null; if (e) onMouseMove(e, doc); });
    }, { capture: true, passive: true });
    doc.addEventListener('scroll', scheduleLayout, { capture: true, passive: true });
    const win = doc.defaultView;
    if (win) win.addEventListener('resize', scheduleLayout, { passive: true });
  }

  function clear() {
    draw([]);
    hideCard(true);
  }

  ns.highlight = {
    draw,
    clear,
    layout: scheduleLayout,
    flash: flashItem,
    watchDocument,
    /** @param {Partial<HighlightHooks>} h2 */
    configure(h2) { hooks = { ...hooks, ...h2 }; },
    hideCard: () => hideCard(true),
    frameOffset,
    visibleArea,
    /** The items drawn now (with their last measured rects). */
    items: () => items,
    /** Use the overlay even where the Highlight API exists (tests, or a page that breaks it). */
    setForceOverlay(v) { forceOverlay = !!v; for (const s of surfaces.values()) { if (s.ok) for (const hl of Object.values(s.highlights)) hl.clear(); } surfaces.clear(); },
    /** Diagnostics: which documents use the Highlight API, and how many items are drawn. */
    info() {
      return {
        items: items.length,
        overlay: items.filter((i) => i.overlay).length,
        surfaces: [...surfaces.values()].map((s) => ({ frame: s.doc !== document, highlightApi: s.ok })),
      };
    },
  };
})();
