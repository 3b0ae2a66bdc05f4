// Style sheets as text: the extension's own UI (inside its shadow root) and the
// ::highlight() rules adopted by the editor's document. Nothing is ever inserted into the page:
// both are constructable style sheets (not subject to the page's style-src CSP).
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || {});

  ns.COLORS = Object.freeze({
    block: '#e53935',
    review: '#8e24aa',
    warn: '#f57c00',
    info: '#1e88e5',
  });
  const C = ns.COLORS;

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
.root, .panel, .card, .dialog, .layer { font: 13px/1.5 -apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #1f2329; }
button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid #d0d3d6; background: #fff; color: #1f2329; padding: 3px 10px; }
button:hover { background: #f2f3f5; }
button.primary { background: #07c160; border-color: #07c160; color: #fff; }
button.primary:hover { background: #06ad56; }
button.danger { background: #fff; border-color: ${C.block}; color: ${C.block}; }
button.danger:disabled { opacity: 0.45; cursor: not-allowed; }
button.link { border: none; background: none; color: #576b95; padding: 0 4px; }
button.link:hover { text-decoration: underline; background: none; }

/* Overlay (fallback highlights, image and field boxes) */
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; z-index: 1; }
.box { position: absolute; pointer-events: none; border-radius: 2px; }
.box.range { border-bottom: 2px solid; }
.box.range.block { border-color: ${C.block}; background: rgba(229, 57, 53, 0.16); }
.box.range.review { border-color: ${C.review}; background: rgba(142, 36, 170, 0.14); }
.box.range.warn { border-color: ${C.warn}; background: rgba(245, 124, 0, 0.12); }
.box.range.info { border-color: ${C.info}; border-bottom-style: dotted; }
.box.object { border: 2px dashed; }
.box.object.block { border-color: ${C.block}; background: rgba(229, 57, 53, 0.06); }
.box.object.review { border-color: ${C.review}; background: rgba(142, 36, 170, 0.06); }
.box.object.warn { border-color: ${C.warn}; background: rgba(245, 124, 0, 0.06); }
.box.object.info { border-color: ${C.info}; }
.box.flash { background: rgba(255, 213, 0, 0.55); border: 2px solid #ffb300; animation: wxlint-flash 0.5s ease-in-out 3; }
@keyframes wxlint-flash { 50% { opacity: 0.2; } }
.mirror { position: absolute; left: -10000px; top: -10000px; visibility: hidden; overflow: hidden; border-style: solid; border-color: transparent; }

/* Floating panel */
.panel { position: fixed; z-index: 2; width: 320px; max-height: min(70vh, 560px); display: flex; flex-direction: column; background: #fff; border: 1px solid #dcdfe3; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.16); overflow: hidden; pointer-events: auto; }
.panel .head { display: flex; align-items: center; gap: 6px; padding: 7px 8px 7px 10px; background: #f7f8fa; border-bottom: 1px solid #eceef1; cursor: move; user-select: none; touch-action: none; }
.panel.collapsed .head { border-bottom: none; }
.panel .logo { width: 18px; height: 18px; border-radius: 5px; background: #07c160; color: #fff; font-weight: 700; font-size: 12px; display: inline-flex; align-items: center; justify-content: center; flex: none; }
.panel .name { font-weight: 600; white-space: nowrap; }
.panel .badges { display: flex; gap: 4px; margin-left: auto; }
.badge { display: inline-flex; align-items: center; gap: 3px; min-width: 20px; padding: 0 6px; border-radius: 9px; font-size: 12px; line-height: 18px; color: #fff; white-space: nowrap; }
.badge.block { background: ${C.block}; } .badge.review { background: ${C.review}; } .badge.warn { background: ${C.warn}; } .badge.info { background: ${C.info}; }
.badge.zero { background: #e4e6e9; color: #7a7f87; }
.badge.ok { background: #07c160; }
.panel .toggle { border: none; background: none; padding: 0 4px; font-size: 14px; color: #555; }
.panel .body { overflow: auto; padding: 6px 0; flex: 1 1 auto; }
.panel.collapsed .body, .panel.collapsed .foot { display: none; }
.panel .status { padding: 2px 10px 6px; color: #7a7f87; font-size: 12px; }
.panel .notice { margin: 4px 10px 8px; padding: 6px 8px; border-radius: 4px; background: #fff4e5; color: #8a4b00; font-size: 12px; }
.panel .notice.error { background: #fdecea; color: #a12622; }
.panel .empty { padding: 10px; color: #07a04c; text-align: center; }
.group { border-top: 1px solid #f0f1f3; }
.group:first-child { border-top: none; }
.group .gh { display: flex; align-items: center; gap: 6px; padding: 5px 10px; font-weight: 600; cursor: pointer; user-select: none; }
.group .gh .count { color: #7a7f87; font-weight: 400; }
.group .gh .arrow { margin-left: auto; color: #999; font-size: 11px; }
.group.closed ul { display: none; }
.group ul { list-style: none; margin: 0; padding: 0 0 4px; }
.item { display: flex; gap: 6px; padding: 4px 10px 4px 14px; cursor: pointer; align-items: flex-start; }
.item:hover { background: #f5f7fa; }
.item .dot { flex: none; width: 8px; height: 8px; border-radius: 50%; margin-top: 6px; }
.dot.block { background: ${C.block}; } .dot.review { background: ${C.review}; } .dot.warn { background: ${C.warn}; } .dot.info { background: ${C.info}; }
.item .main { min-width: 0; flex: 1; }
.item .text { font-weight: 600; word-break: break-all; }
.item .where { color: #7a7f87; font-size: 12px; margin-right: 4px; font-weight: 400; }
.item .msg { color: #4e5969; font-size: 12px; word-break: break-all; }
.item.ignored { opacity: 0.5; }
.panel .foot { display: flex; gap: 6px; align-items: center; padding: 6px 10px; border-top: 1px solid #eceef1; background: #fafbfc; }
.panel .foot .ms { margin-left: auto; color: #9aa0a6; font-size: 12px; }
.panel .foot { flex-wrap: wrap; }
.panel .foot button, .panel .foot .ms { white-space: nowrap; }
.panel .foot button.sheet:disabled { opacity: 0.55; cursor: progress; }

/* Hover card */
.card { position: fixed; z-index: 3; max-width: 340px; min-width: 220px; background: #fff; border: 1px solid #dcdfe3; border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18); padding: 8px 10px; pointer-events: auto; }
.card .top { display: flex; gap: 6px; align-items: center; margin-bottom: 4px; }
.card .rule { font-weight: 600; }
.card .msg { margin: 2px 0; word-break: break-all; }
.card .sugg { margin: 2px 0; color: #07a04c; word-break: break-all; }
.card .actions { display: flex; gap: 6px; margin-top: 6px; justify-content: flex-end; }

/* Publish guard dialog */
.backdrop { position: fixed; z-index: 4; inset: 0; background: rgba(0, 0, 0, 0.45); display: flex; align-items: center; justify-content: center; pointer-events: auto; }
.dialog { width: min(560px, calc(100vw - 32px)); max-height: calc(100vh - 64px); display: flex; flex-direction: column; background: #fff; border-radius: 8px; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); overflow: hidden; }
.dialog h2 { margin: 0; padding: 14px 18px 10px; font-size: 16px; font-weight: 600; color: ${C.block}; }
.dialog .content { padding: 0 18px; overflow: auto; flex: 1 1 auto; }
.dialog .intro { margin: 0 0 8px; color: #4e5969; }
.dialog h3 { margin: 10px 0 4px; font-size: 13px; }
.dialog h3.block { color: ${C.block}; } .dialog h3.review { color: ${C.review}; }
.dialog ul { margin: 0; padding-left: 18px; }
.dialog li { margin: 3px 0; word-break: break-all; }
.dialog li .where { color: #7a7f87; }
.dialog li .sugg { color: #07a04c; }
.dialog label { display: block; margin: 12px 0 4px; font-weight: 600; }
.dialog textarea { width: 100%; min-height: 64px; resize: vertical; font: inherit; padding: 6px 8px; border: 1px solid #d0d3d6; border-radius: 4px; }
.dialog .hint { color: #9aa0a6; font-size: 12px; margin-top: 2px; }
.dialog .buttons { display: flex; gap: 8px; justify-content: flex-end; padding: 12px 18px 14px; }
.dialog.waiting h2 { color: #1f2329; }
`;

  // ---- The extension's own host element and shadow root --------------------------------------
  // One host appended to the top document's <html> element (never inside the editor), holding
  // the overlay layer, the panel, the hover card and the dialog.
  const HOST_ID = 'wxlint-extension-root';
  let host = null;
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

  /** A container element in the shadow root, created once: ns.ui.part('layer', 'div', 'layer'). */
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
    isOwn(node) { return !!host && (node === host || (node && node.getRootNode && node.getRootNode() === shadow)); },
  };
})();
