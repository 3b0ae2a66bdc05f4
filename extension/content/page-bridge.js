// Runs in the page's MAIN world on the WeChat editor (a content script with "world": "MAIN"):
// the only way to read the editor's own page globals, which the checker uses to cross-check
// what the DOM extraction read (the DOM stays the primary source):
//   window.__mpTitleEditor.getContentLength()  the title as the editor counts it
//   window.__MP_Editor_JSAPI__.invoke({apiName: 'mp_editor_get_content', …})  the body's HTML
// It answers requests of the extension's isolated content script (a `wxlint:ask` event on the
// document, JSON in `detail`) with a `wxlint:answer` event. It only reads; it never calls an API
// that changes the article, and it sends nothing anywhere else.
(function () {
  'use strict';
  if (window.__wxlintBridge) return;
  Object.defineProperty(window, '__wxlintBridge', { value: true });

  function titleInfo() {
    try {
      const t = window.__mpTitleEditor;
      if (!t || typeof t.getContentLength !== 'function') return {};
      const length = Number(t.getContentLength());
      return Number.isFinite(length) ? { titleLength: length } : {};
    } catch (_) {
      return {};
    }
  }

  function content() {
    return new Promise((resolve) => {
      let done = false;
      const finish = (v) => { if (!done) { done = true; resolve(v); } };
      try {
        const jsapi = window.__MP_Editor_JSAPI__;
        if (!jsapi || typeof jsapi.invoke !== 'function') { finish(null); return; }
        jsapi.invoke({
          apiName: 'mp_editor_get_content',
          apiParam: {},
          sucCb: (r) => finish(r && typeof r.content === 'string' ? r.content : null),
          errCb: () => finish(null),
        });
      } catch (_) {
        finish(null);
      }
      setTimeout(() => finish(null), 1500);
    });
  }

  document.addEventListener('wxlint:ask', async (ev) => {
    let req;
    try { req = JSON.parse(String(/** @type {CustomEvent} */ (ev).detail)); } catch (_) { return; }
    if (!req || typeof req.id !== 'string') return;
    const want = Array.isArray(req.what) ? req.what : [];
    const answer = { id: req.id };
    if (want.includes('title')) Object.assign(answer, titleInfo());
    if (want.includes('content')) {
      const html = await content();
      if (html !== null) answer.content = html.length > 12_000_000 ? null : html;
    }
    document.dispatchEvent(new CustomEvent('wxlint:answer', { detail: JSON.stringify(answer) }));
  });
})();
