// Style sheets as text: the extension's own UI (inside its shadow root) and the
// ::highlight() rules adopted by the editor's document. Nothing is ever inserted into the page:
// both are constructable style sheets (not subject to the page's style-src CSP).
//
// Colours: every text/background pair of the UI has a contrast of at least 4.5:1 (checked by
// tests/e2e/contrast.test.mjs from the computed styles).
(function () {
  'use strict';
  const ns = globalThis.wxlint;

  /** Marks in the article (wavy underlines and tints): bright, they sit on the article's text. */
  ns.COLORS = Object.freeze({
    block: '#e53935',
    review: '#8e24aa',
    warn: '#f57c00',
    info: '#1e88e5',
  });
  const C = ns.COLORS;
  /** The UI's own colours (badges, icons, headings): dark enough for white text on them. */
  const U = Object.freeze({
    block: '#c62828',
    review: '#7b1fa2',
    warn: '#b45309',
    info: '#1565c0',
    ok: '#067a3a',
    okHover: '#05652f',
    ink: '#1f2329',
    muted: '#5c6169',
    line: '#dcdfe3',
    link: '#3d5a8a',
  });
  ns.UI_COLORS = U;

  /** Rules for the editor document (and a shadow root holding the editor). */
  ns.highlightCss = `
::highlight(wxlint-block) { background-color: rgba(229, 57, 53, 0.16); text-decoration: underline wavy ${C.block}; text-decoration-thickness: 1.5px; }
::highlight(wxlint-review) { background-color: rgba(142, 36, 170, 0.14); text-decoration: underline wavy ${C.review}; text-decoration-thickness: 1.5px; }
::highlight(wxlint-warn) { background-color: rgba(245, 124, 0, 0.12); text-decoration: underline wavy ${C.warn}; text-decoration-thickness: 1.5px; }
::highlight(wxlint-info) { text-decoration: underline dotted ${C.info}; text-decoration-thickness: 1.5px; }
::highlight(wxlint-flash) { background-color: rgba(255, 213, 0, 0.75); color: inherit; }
`;

  /** The extension's own UI, inside its shadow root. */
  ns.uiCss = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root, .panel, .card, .dialog, .layer, .toast, .marks { font: 13px/1.5 -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: ${U.ink}; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #c9cdd2; background: #fff; color: ${U.ink}; padding: 3px 10px; }
button:hover { background: #f2f3f5; }
button:focus-visible, [tabindex="0"]:focus-visible, textarea:focus-visible, input:focus-visible { outline: 2px solid ${U.info}; outline-offset: 1px; }
button.primary { background: ${U.ok}; border-color: ${U.ok}; color: #fff; }
button.primary:hover { background: ${U.okHover}; }
button.danger { background: #fff; border-color: ${U.block}; color: ${U.block}; }
button.danger:disabled { opacity: 0.55; cursor: not-allowed; }
button.link { border: none; background: none; color: ${U.link}; padding: 0 4px; }
button.link:hover { text-decoration: underline; background: none; }
button.small { padding: 0 6px; font-size: 12px; line-height: 20px; }

/* While a dialog of the site is open, nothing of ours but our own dialog is drawn over it. */
:host([data-page-modal]) .panel, :host([data-page-modal]) .layer, :host([data-page-modal]) .card,
:host([data-page-modal]) .marks, :host([data-page-modal]) .toast { display: none !important; }

/* Overlay (fallback highlights, image and field outlines): below the site's bars (clipped) */
.layer, .marks { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; z-index: 1; }
.box { position: absolute; pointer-events: none; border-radius: 2px; }
.box.range { border-bottom: 2px solid; }
.box.range.block { border-color: ${C.block}; background: rgba(229, 57, 53, 0.16); }
.box.range.review { border-color: ${C.review}; background: rgba(142, 36, 170, 0.14); }
.box.range.warn { border-color: ${C.warn}; background: rgba(245, 124, 0, 0.12); }
.box.range.info { border-color: ${C.info}; border-bottom-style: dotted; }
.box.object { border: 2px dashed; background: none; }
.box.object.block { border-color: ${C.block}; }
.box.object.review { border-color: ${C.review}; }
.box.object.warn { border-color: ${C.warn}; }
.box.object.info { border-color: ${C.info}; }
.box.flash { background: rgba(255, 213, 0, 0.55); border: 2px solid #ffb300; animation: wxlint-flash 0.5s ease-in-out 3; }
@keyframes wxlint-flash { 50% { opacity: 0.2; } }
.mirror { position: absolute; left: -10000px; top: -10000px; visibility: hidden; overflow: hidden; border-style: solid; border-color: transparent; }
/* A warning badge on a copy / sync button (秀米, 135编辑器): never blocks the click */
.sync-badge { position: absolute; pointer-events: none; transform: translate(-50%, -60%); min-width: 18px; height: 18px; padding: 0 5px; border-radius: 9px; background: ${U.block}; color: #fff; font: 700 11px/18px sans-serif; text-align: center; box-shadow: 0 0 0 2px #fff; }

/* Floating panel */
.panel { position: fixed; z-index: 2; width: 320px; display: flex; flex-direction: column; background: #fff; border: 1px solid ${U.line}; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.16); overflow: hidden; pointer-events: auto; min-width: 240px; min-height: 120px; }
.panel.resizable { resize: both; }
.panel.collapsed { min-height: 0; min-width: 0; width: auto !important; height: auto !important; max-height: none !important; resize: none; border-radius: 18px; }
.panel .head { display: flex; align-items: center; gap: 6px; padding: 6px 8px 6px 10px; background: #f7f8fa; border-bottom: 1px solid #eceef1; cursor: move; user-select: none; touch-action: none; flex: none; }
.panel.collapsed .head { border-bottom: none; padding: 5px 8px; }
.panel .logo { width: 20px; height: 20px; border-radius: 10px; color: #fff; font-weight: 700; font-size: 12px; display: inline-flex; align-items: center; justify-content: center; flex: none; background: ${U.muted}; }
.panel .logo.block { background: ${U.block}; } .panel .logo.review { background: ${U.review}; } .panel .logo.warn { background: ${U.warn}; }
.panel .logo.info { background: ${U.info}; } .panel .logo.ok { background: ${U.ok}; }
.panel .name { font-weight: 600; white-space: nowrap; }
.panel.collapsed .name { display: none; }
.panel .badges { display: flex; gap: 4px; margin-left: auto; flex-wrap: wrap; justify-content: flex-end; }
.panel.collapsed .badges { margin-left: 0; }
.panel .short { display: none; font-weight: 600; white-space: nowrap; }
.panel.collapsed .short { display: inline; }
.panel.collapsed .badges { display: none; }
.panel.collapsed.vertical .head { flex-direction: column; padding: 6px 4px; gap: 4px; }
.panel.collapsed.vertical { border-radius: 15px; }
.badge { display: inline-flex; align-items: center; gap: 3px; padding: 0 7px; border-radius: 9px; font-size: 12px; line-height: 18px; color: #fff; white-space: nowrap; }
.badge.block { background: ${U.block}; } .badge.review { background: ${U.review}; } .badge.warn { background: ${U.warn}; } .badge.info { background: ${U.info}; }
.badge.ok { background: ${U.ok}; }
.badge.idle { background: #eceef1; color: ${U.muted}; }
.panel .toggle, .panel .dock { border: none; background: none; padding: 0 4px; font-size: 14px; color: ${U.muted}; flex: none; }
.panel .body { overflow: auto; padding: 6px 0; flex: 1 1 auto; min-height: 0; }
.panel.collapsed .body, .panel.collapsed .foot, .panel.collapsed .dock { display: none; }
.panel .status { padding: 2px 10px 6px; color: ${U.muted}; font-size: 12px; }
.panel .status:empty { display: none; }
.panel .notice { margin: 4px 10px 8px; padding: 6px 8px; border-radius: 4px; background: #fff4e5; color: #8a4b00; font-size: 12px; }
.panel .notice.error { background: #fdecea; color: #a12622; }
.panel .notice.info { background: #eef3fb; color: #1d4a86; }
.panel .empty { padding: 10px; color: ${U.ok}; text-align: center; }
.group { border-top: 1px solid #f0f1f3; }
.group:first-child { border-top: none; }
.group .gh { display: flex; width: 100%; align-items: center; gap: 6px; padding: 5px 10px; font-weight: 600; cursor: pointer; user-select: none; border: none; background: none; border-radius: 0; text-align: left; }
.group .gh .count { color: ${U.muted}; font-weight: 400; }
.group .gh .arrow { margin-left: auto; color: ${U.muted}; font-size: 11px; }
.group.closed ul { display: none; }
.group ul, .ignored-list { list-style: none; margin: 0; padding: 0 0 4px; }
.item { display: flex; gap: 6px; padding: 4px 10px 4px 14px; cursor: pointer; align-items: flex-start; }
.item:hover, .item:focus-within { background: #f5f7fa; }
.item .dot { flex: none; width: 8px; height: 8px; border-radius: 50%; margin-top: 6px; }
.dot.block { background: ${U.block}; } .dot.review { background: ${U.review}; } .dot.warn { background: ${U.warn}; } .dot.info { background: ${U.info}; }
.item .main { min-width: 0; flex: 1; }
.item .text { font-weight: 600; overflow-wrap: anywhere; }
.item .times { margin-left: 4px; font-weight: 600; color: ${U.muted}; }
.item .where { color: ${U.muted}; font-size: 12px; margin-right: 4px; font-weight: 400; }
.item .msg { color: #4e5969; font-size: 12px; overflow-wrap: anywhere; }
.item .actions { display: flex; gap: 4px; margin-top: 3px; flex-wrap: wrap; }
.item .actions button { font-size: 12px; padding: 0 6px; line-height: 20px; }
.item.ignored { opacity: 1; }
.item.ignored .text, .item.ignored .msg { color: ${U.muted}; text-decoration: line-through; }
.panel .ignored-bar { padding: 4px 10px; }
.panel .foot { display: flex; gap: 6px; align-items: center; padding: 6px 10px; border-top: 1px solid #eceef1; background: #fafbfc; flex-wrap: wrap; flex: none; }
.panel .foot button { white-space: nowrap; }
.panel .foot button.sheet:disabled { opacity: 0.6; cursor: progress; }
.panel .confirm { margin: 6px 10px; padding: 8px 10px; border: 1px solid ${U.line}; border-radius: 6px; background: #fff; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.1); }
.panel .confirm p { margin: 0 0 6px; }
.panel .confirm .scope { font-weight: 600; color: ${U.block}; }
.panel .confirm .buttons { display: flex; gap: 6px; justify-content: flex-end; }

/* Toast (undo) */
.toast { position: fixed; z-index: 3; left: 50%; bottom: 72px; transform: translateX(-50%); display: flex; gap: 10px; align-items: center; padding: 8px 14px; border-radius: 6px; background: #2b2f36; color: #fff; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25); pointer-events: auto; max-width: min(560px, calc(100vw - 32px)); }
.toast button.undo { background: none; border: 1px solid #c9cdd2; color: #fff; padding: 1px 10px; }
.toast button.undo:hover { background: rgba(255, 255, 255, 0.12); }

/* Hover card */
.card { position: fixed; z-index: 3; max-width: 340px; min-width: 220px; background: #fff; border: 1px solid ${U.line}; border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); padding: 8px 10px; pointer-events: auto; }
.card .top { display: flex; gap: 6px; align-items: center; margin-bottom: 4px; }
.card .rule { font-weight: 600; }
.card .msg { margin: 2px 0; overflow-wrap: anywhere; }
.card .sugg { margin: 2px 0; color: ${U.ok}; overflow-wrap: anywhere; }
.card .actions { display: flex; gap: 6px; margin-top: 6px; justify-content: flex-end; flex-wrap: wrap; }

/* Publish guard dialog */
.backdrop { position: fixed; z-index: 4; inset: 0; background: rgba(0, 0, 0, 0.45); display: flex; align-items: center; justify-content: center; pointer-events: auto; }
.dialog { width: min(600px, calc(100vw - 32px)); max-height: calc(100vh - 64px); display: flex; flex-direction: column; background: #fff; border-radius: 8px; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); overflow: hidden; }
.dialog:focus { outline: none; }
.dialog h2 { margin: 0; padding: 14px 18px 10px; font-size: 16px; font-weight: 600; color: ${U.block}; }
.dialog .content { padding: 0 18px; overflow: auto; flex: 1 1 auto; }
.dialog .intro { margin: 0 0 8px; color: #4e5969; }
.dialog h3 { margin: 10px 0 4px; font-size: 13px; }
.dialog h3.block { color: ${U.block}; } .dialog h3.review { color: ${U.review}; }
.dialog ul { margin: 0; padding-left: 18px; }
.dialog li { margin: 3px 0; overflow-wrap: anywhere; }
.dialog li button.jump { border: none; background: none; padding: 1px 2px; text-align: left; color: ${U.ink}; white-space: normal; overflow-wrap: anywhere; }
.dialog li button.jump:hover { background: #f2f3f5; text-decoration: underline; }
.dialog li .where { color: ${U.muted}; }
.dialog li .sugg { color: ${U.ok}; }
.dialog li .own { display: block; margin: 2px 0 6px 2px; }
.dialog li .own input { width: 100%; font: inherit; padding: 3px 6px; border: 1px solid #c9cdd2; border-radius: 4px; }
.dialog label.reason-label { display: block; margin: 12px 0 4px; font-weight: 600; }
.dialog label.check { display: block; margin: 6px 0 0; color: #4e5969; }
.dialog textarea { width: 100%; min-height: 64px; resize: vertical; font: inherit; padding: 6px 8px; border: 1px solid #c9cdd2; border-radius: 4px; }
.dialog .hint { color: ${U.muted}; font-size: 12px; margin-top: 4px; }
.dialog .buttons { display: flex; gap: 8px; justify-content: flex-end; padding: 12px 18px 14px; }
.dialog.waiting h2 { color: ${U.ink}; }
`;

  // ---- The extension's own host element and shadow root --------------------------------------
  // One host appended to the top document's <html> element (never inside the editor), holding
  // the overlay layer, the panel, the hover card and the dialog.
  const HOST_ID = 'wxlint-extension-root';
  /** @type {HTMLElement | null} */
  let host = null;
  /** @type {ShadowRoot | null} */
  let shadow = null;
  let sheet = null;

  function ensure() {
    if (!host) {
      host = document.createElement('div');
      host.id = HOST_ID;
      host.setAttribute('translate', 'no');
      shadow = host.attachShadow({ mode: 'open' });
      sheet = new CSSStyleSheet();
      sheet.replaceSync(ns.uiCss);
      shadow.adoptedStyleSheets = [sheet];
      const hs = host.style;
      hs.setProperty('all', 'initial', 'important');
      hs.setProperty('position', 'fixed', 'important');
      hs.setProperty('left', '0', 'important');
      hs.setProperty('top', '0', 'important');
      hs.setProperty('width', '0', 'important');
      hs.setProperty('height', '0', 'important');
      hs.setProperty('z-index', '2147483646', 'important');
      hs.setProperty('display', 'block', 'important');
    }
    if (!host.isConnected) document.documentElement.appendChild(host);
    return shadow;
  }

  /** A container element in the shadow root, created once: ns.ui.part('layer'). */
  const parts = new Map();
  function part(name, className) {
    const root = ensure();
    let el = parts.get(name);
    if (!el) {
      el = document.createElement('div');
      el.className = className || name;
      parts.set(name, el);
    }
    if (el.parentNode !== root) root.appendChild(el);
    return el;
  }

  ns.ui = {
    ensure,
    part,
    get host() { return host; },
    get shadow() { return shadow; },
    /** Whether a node is (in) the extension's own UI. */
    isOwn(node) { return !!host && (node === host || (!!node && typeof node.getRootNode === 'function' && node.getRootNode() === shadow)); },
    /** Our own modal dialog is open (the guard). */
    setModal(v) { ensure(); if (v) host.setAttribute('data-modal', ''); else host.removeAttribute('data-modal'); },
    /** A dialog of the site is open: hide the panel, boxes and cards (not our own dialog). */
    setPageModal(v) {
      ensure();
      const had = host.hasAttribute('data-page-modal');
      if (v === had) return;
      if (v) host.setAttribute('data-page-modal', ''); else host.removeAttribute('data-page-modal');
    },
    pageModal() { return !!host && host.hasAttribute('data-page-modal'); },
  };
})();
