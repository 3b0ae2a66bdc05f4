// Finding the editor's fields, per site (the WeChat editor in both generations and its
// picture-post variant, 秀米, 135编辑器), and noticing when the editor appears later or is
// replaced (the editors are single-page apps: they render after document_idle).
//
// detect() returns an Editor:
//   {site, kind, generation, body: {roots, doc, win, frame, shadowRoot} | null,
//    title, author, digest: Field | null, recognised: {body, title, author, digest}}
// where a Field is {kind: 'dom', root} (a contenteditable surface) or {kind: 'input', el}
// (an <input> / <textarea>), with `readonly` when the page does not let the user change it.
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  const S = ns.selectors;
  const W = S.wechat;

  /**
   * The shadow root of a host, open or (where the browser lets an extension see it) closed.
   * @param {Element} host
   * @returns {ShadowRoot | null}
   */
  function shadowOf(host) {
    try {
      const ff = /** @type {any} */ (host).openOrClosedShadowRoot;
      if (ff) return ff; // Firefox
    } catch (_) { /* not exposed */ }
    try {
      const dom = /** @type {any} */ (ns.api).dom;
      if (dom && dom.openOrClosedShadowRoot) return dom.openOrClosedShadowRoot(host); // Chromium
    } catch (_) { /* not an element we may look into */ }
    return host.shadowRoot || null;
  }

  /** @param {Element | null} el */
  function visible(el) {
    if (!el || !el.isConnected) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    const cs = el.ownerDocument.defaultView.getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  }

  /** @param {HTMLElement | null} el @returns {Field | null} */
  function inputField(el) {
    if (!el) return null;
    const input = /** @type {HTMLInputElement} */ (el);
    return { kind: 'input', el: input, readonly: !!(input.readOnly || input.disabled) };
  }

  /** @param {HTMLElement | null} el @returns {Field | null} */
  function domField(el) {
    return el ? { kind: 'dom', root: el, readonly: el.getAttribute('contenteditable') === 'false' } : null;
  }

  /** Which site this page is. */
  function site() {
    const h = location.hostname;
    if (h === 'xiumi.us' || h.endsWith('.xiumi.us')) return 'xiumi';
    if (h === '135editor.com' || h.endsWith('.135editor.com')) return 'e135';
    // The WeChat content scripts only run on its editor pages (manifest.json); a copy of the
    // extension for tests serves them from another host at the same path.
    if (h === 'mp.weixin.qq.com' || location.pathname.startsWith('/cgi-bin/appmsg')) return 'wechat';
    return 'other';
  }

  // ---- WeChat ------------------------------------------------------------------------------

  /** Whether a URL parameter says this is the picture-post editor (小绿书 / 贴图, createType=8). */
  function isPictureEditorUrl() {
    try { return new URL(location.href).searchParams.get('createType') === '8'; } catch (_) { return false; }
  }

  /** @param {Element} el */
  function isNotBody(el) {
    if (el.getAttribute('data-placeholder') === W.titlePlaceholder) return true;
    return ns.closestAny(el, W.notBody);
  }

  /**
   * The new editor's body ProseMirror: in the page, or inside an open shadow root; never the
   * title, the picture-post text or the 原创 / 转载 fields.
   * @returns {{root: HTMLElement, shadowRoot: ShadowRoot | null} | null}
   */
  function findProseMirrorBody() {
    /** @type {ParentNode[]} */
    const scopes = [document];
    for (const css of W.shadowHosts) {
      try {
        document.querySelectorAll(css).forEach((h) => { const sr = shadowOf(h); if (sr && !scopes.includes(sr)) scopes.push(sr); });
      } catch (_) { /* skip */ }
    }
    for (const css of W.bodyProseMirror) {
      for (const scope of scopes) {
        let list = [];
        try { list = [...scope.querySelectorAll(css)]; } catch (_) { continue; }
        const el = list.find((x) => !isNotBody(x));
        if (el) return { root: /** @type {HTMLElement} */ (el), shadowRoot: scope instanceof ShadowRoot ? scope : null };
      }
    }
    return null;
  }

  /** The old editor's body: the editable body of the same-origin iframe#ueditor_0. */
  function findUEditorBody(frameSel, bodySel) {
    const frame = /** @type {HTMLIFrameElement | null} */ (document.querySelector(frameSel));
    if (!frame) return null;
    let fdoc = null;
    try { fdoc = frame.contentDocument; } catch (_) { return { frame, root: null, inaccessible: true }; }
    if (!fdoc || !fdoc.documentElement) return { frame, root: null };
    return { frame, root: ns.queryFirst(fdoc, bodySel) };
  }

  /** The title: the visible one of the title ProseMirror and the `#title` field (ProseMirror first). */
  function wechatTitle() {
    const pm = ns.queryFirst(document, W.titleProseMirror);
    const field = ns.queryFirst(document, W.titleField);
    if (pm && (visible(pm) || !visible(field))) return domField(pm);
    return inputField(field);
  }

  /** @returns {Editor | null} */
  function detectWechat() {
    const picture = isPictureEditorUrl() || !!ns.queryFirst(document, W.pictureText);
    /** @type {Editor['body']} */
    let body = null;
    let generation = null;
    const pm = findProseMirrorBody();
    if (pm) {
      generation = 'prosemirror';
      body = { roots: [pm.root], doc: document, win: window, frame: null, shadowRoot: pm.shadowRoot };
    } else {
      const ue = findUEditorBody(W.ueditorFrame, W.ueditorBody);
      if (ue && ue.root) {
        generation = 'ueditor';
        const fdoc = ue.root.ownerDocument;
        body = { roots: [ue.root], doc: fdoc, win: fdoc.defaultView, frame: ue.frame, shadowRoot: null };
      }
    }
    const title = wechatTitle();
    const author = inputField(ns.queryFirst(document, W.author));
    const pictureText = picture ? domField(ns.queryFirst(document, W.pictureText)) : null;
    const digest = pictureText || inputField(ns.queryFirst(document, W.digest));
    // Recognised: a body of either generation, the new editor's title ProseMirror, or the
    // picture-post editor's text.
    if (!body && !(title && title.kind === 'dom') && !pictureText) return null;
    return {
      site: 'wechat',
      kind: picture ? 'wechat-picture' : generation === 'ueditor' ? 'wechat-old' : 'wechat-article',
      generation: generation || 'prosemirror',
      body,
      title,
      author,
      digest,
      recognised: { body: !!body, title: !!title, author: !!author, digest: !!digest },
    };
  }

  // ---- 秀米 -----------------------------------------------------------------------------------

  /**
   * 秀米: the paper (its text blocks and its image blocks, in order) when a container is
   * recognised; otherwise the editable blocks themselves (images between them are then missed,
   * and the panel does not claim otherwise).
   * @returns {Editor | null}
   */
  function detectXiumi() {
    const X = S.xiumi;
    const paper = ns.queryFirst(document, X.paper);
    const scope = paper || document.body;
    if (!scope) return null;
    /** @type {HTMLElement[]} */
    const blocks = [];
    for (const el of /** @type {NodeListOf<HTMLElement>} */ (scope.querySelectorAll(X.blocks))) {
      if (ns.ui && ns.ui.isOwn(el)) continue;
      if (ns.closestAny(el, X.notBody)) continue;
      // Only the outermost editable of nested ones is a block.
      const parent = el.parentElement && el.parentElement.closest(X.blocks);
      if (parent && scope.contains(parent)) continue;
      blocks.push(el);
    }
    const roots = paper && blocks.length ? [paper] : blocks;
    const title = inputField(ns.queryFirst(document, X.title));
    const author = inputField(ns.queryFirst(document, X.author));
    const digest = inputField(ns.queryFirst(document, X.digest));
    if (!roots.length && !title) return null;
    return {
      site: 'xiumi',
      kind: 'xiumi',
      generation: 'blocks',
      body: roots.length ? { roots, doc: document, win: window, frame: null, shadowRoot: null } : null,
      title, author, digest,
      recognised: { body: roots.length > 0, title: !!title, author: !!author, digest: !!digest },
    };
  }

  // ---- 135编辑器 --------------------------------------------------------------------------------

  /** @returns {Editor | null} */
  function detectE135() {
    const E = S.e135;
    const ue = findUEditorBody(E.ueditorFrame, E.ueditorBody);
    if (!ue || !ue.root) return null;
    const fdoc = ue.root.ownerDocument;
    const title = inputField(ns.queryFirst(document, E.title));
    const author = inputField(ns.queryFirst(document, E.author));
    const digest = inputField(ns.queryFirst(document, E.digest));
    return {
      site: 'e135',
      kind: 'e135',
      generation: 'ueditor',
      body: { roots: [ue.root], doc: fdoc, win: fdoc.defaultView, frame: ue.frame, shadowRoot: null },
      title, author, digest,
      recognised: { body: true, title: !!title, author: !!author, digest: !!digest },
    };
  }

  /** Look for the editor of this site. @returns {Editor | null} */
  function detect() {
    switch (site()) {
      case 'wechat': return detectWechat();
      case 'xiumi': return detectXiumi();
      case 'e135': return detectE135();
      default: return null;
    }
  }

  /** @param {Field | null} field */
  function targetOf(field) {
    return field ? (field.kind === 'dom' ? field.root : field.el) : null;
  }

  /** @param {Editor | null} a @param {Editor | null} b */
  function sameEditor(a, b) {
    if (!a || !b) return a === b;
    const roots = (e) => (e.body ? e.body.roots : []);
    const ra = roots(a);
    const rb = roots(b);
    return a.kind === b.kind && a.generation === b.generation
      && ra.length === rb.length && ra.every((r, i) => r === rb[i])
      && targetOf(a.title) === targetOf(b.title)
      && targetOf(a.author) === targetOf(b.author)
      && targetOf(a.digest) === targetOf(b.digest);
  }

  /** Whether the URL is an article editor (as opposed to another appmsg page, e.g. a list). */
  function isEditorUrl() {
    const s = site();
    if (s === 'xiumi') return /\/studio\//.test(location.pathname);
    if (s === 'e135') return /editor/.test(location.pathname);
    return /appmsg_edit|[?&]action=edit\b|[?&]isNew=1\b/.test(location.href);
  }

  /**
   * Watch the document for the editor appearing, changing or going away: a MutationObserver on
   * the document (throttled) plus a slow poll (an iframe's document is replaced without any
   * mutation in the top document). Calls onChange(editor|null) when the result changes.
   * @param {(e: Editor | null) => void} onChange
   * @param {(n: Node) => boolean} [isOwnNode]
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

  ns.adapters = { detect, watch, sameEditor, isEditorUrl, shadowOf, site, visible };
})();
