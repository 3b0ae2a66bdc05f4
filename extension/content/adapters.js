// Finding the editor's fields, per generation, and noticing when the editor appears later or
// is replaced (the editor is a single-page app: it renders after document_idle).
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || {});
  const S = ns.selectors;

  /** The shadow root of a host, open or (where the browser lets an extension see it) closed. */
  function shadowOf(host) {
    try {
      if (host.openOrClosedShadowRoot) return host.openOrClosedShadowRoot; // Firefox
    } catch (_) { /* not exposed */ }
    try {
      const api = ns.api;
      if (api && api.dom && api.dom.openOrClosedShadowRoot) return api.dom.openOrClosedShadowRoot(host); // Chromium
    } catch (_) { /* not an element we may look into */ }
    return host.shadowRoot || null;
  }

  function isTitleProseMirror(el) {
    if (el.getAttribute('data-placeholder') === S.titlePlaceholder) return true;
    return S.titleAreas.some((css) => { try { return !!el.closest(css); } catch (_) { return false; } });
  }

  function inBodyContainer(el) {
    return S.bodyContainers.some((css) => { try { return !!el.closest(css); } catch (_) { return false; } });
  }

  /** The new editor's body ProseMirror: in the page, or inside an open shadow root. */
  function findProseMirrorBody(doc) {
    const candidates = [];
    for (const el of doc.querySelectorAll(S.proseMirror)) {
      if (!isTitleProseMirror(el)) candidates.push({ root: el, shadowRoot: null });
    }
    const hosts = new Set();
    for (const css of S.shadowHosts) {
      try { doc.querySelectorAll(css).forEach((h) => hosts.add(h)); } catch (_) { /* skip */ }
    }
    for (const host of hosts) {
      const sr = shadowOf(host);
      if (!sr) continue;
      for (const el of sr.querySelectorAll(S.proseMirror)) {
        if (!isTitleProseMirror(el)) candidates.push({ root: el, shadowRoot: sr, host });
      }
    }
    if (!candidates.length) return null;
    return candidates.find((c) => c.shadowRoot || inBodyContainer(c.root)) || candidates[0];
  }

  /** The old editor's body: the editable body of the same-origin iframe#ueditor_0. */
  function findUEditorBody(doc) {
    const frame = doc.querySelector(S.ueditorFrame);
    if (!frame) return null;
    let fdoc = null;
    try { fdoc = frame.contentDocument; } catch (_) { return { frame, root: null, inaccessible: true }; }
    if (!fdoc || !fdoc.documentElement) return { frame, root: null };
    const root = ns.queryFirst(fdoc, S.ueditorBody);
    return { frame, root: root || null };
  }

  function inputField(el) {
    return el ? { kind: 'input', el } : null;
  }

  /**
   * Look for the editor. Returns null when nothing is recognised, else
   * {generation: 'prosemirror'|'ueditor', body: {root, doc, win, frame, shadowRoot},
   *  title, author, digest} — each field {kind: 'dom', root} or {kind: 'input', el} or null.
   */
  function detect() {
    const doc = document;
    let generation = null;
    let body = null;
    const pm = findProseMirrorBody(doc);
    if (pm) {
      generation = 'prosemirror';
      body = { root: pm.root, doc, win: window, frame: null, shadowRoot: pm.shadowRoot };
    } else {
      const ue = findUEditorBody(doc);
      if (ue && ue.root) {
        generation = 'ueditor';
        const fdoc = ue.root.ownerDocument;
        body = { root: ue.root, doc: fdoc, win: fdoc.defaultView, frame: ue.frame, shadowRoot: null };
      }
    }
    let title = null;
    const titlePm = ns.queryFirst(doc, S.titleProseMirror);
    if (titlePm) title = { kind: 'dom', root: titlePm };
    else title = inputField(ns.queryFirst(doc, S.titleInput) || ns.queryFirst(doc, S.titleTextarea));
    const author = inputField(ns.queryFirst(doc, S.author));
    const digest = inputField(ns.queryFirst(doc, S.digest));
    // Recognised: a body of either generation, or at least the new editor's title ProseMirror.
    if (!body && !(title && title.kind === 'dom')) return null;
    return { generation: generation || 'prosemirror', body, title, author, digest };
  }

  function targetOf(field) {
    return field ? field.root || field.el : null;
  }

  function sameEditor(a, b) {
    if (!a || !b) return a === b;
    return a.generation === b.generation
      && (a.body && a.body.root) === (b.body && b.body.root)
      && targetOf(a.title) === targetOf(b.title)
      && targetOf(a.author) === targetOf(b.author)
      && targetOf(a.digest) === targetOf(b.digest);
  }

  /** Whether the URL is an article editor (as opposed to another appmsg page, e.g. a list). */
  function isEditorUrl() {
    const u = location.href;
    return /appmsg_edit|[?&]action=edit\b|[?&]isNew=1\b/.test(u);
  }

  /**
   * Watch the document for the editor appearing, changing or going away: a MutationObserver on
   * the document (throttled) plus a slow poll (an iframe's document is replaced without any
   * mutation in the top document). Calls onChange(editor|null) when the result changes.
   */
  function watch(onChange, isOwnNode) {
    let current = detect();
    const recheck = ns.throttle(() => {
      const next = detect();
      if (!sameEditor(current, next)) {
        current = next;
        onChange(next);
      }
    }, 500);
    const mo = new MutationObserver((records) => {
      if (isOwnNode && records.every((r) => isOwnNode(r.target) || [...r.addedNodes, ...r.removedNodes].every(isOwnNode))) return;
      recheck();
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
    const poll = setInterval(() => { if (!ns.alive()) { clearInterval(poll); mo.disconnect(); return; } recheck(); }, 2000);
    return { current: () => current, recheck, stop() { mo.disconnect(); clearInterval(poll); } };
  }

  ns.adapters = { detect, watch, sameEditor, isEditorUrl, shadowOf };
})();
