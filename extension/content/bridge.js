// The isolated content script's side of page-bridge.js (MAIN world): ask for what only page
// globals know (the editor's title count, the body as its API returns it). Answers are data
// from the page, used only to cross-check the extraction; nothing here is trusted for checking.
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  const pending = new Map();
  let counter = 0;

  document.addEventListener('wxlint:answer', (ev) => {
    let a;
    try { a = JSON.parse(String(/** @type {CustomEvent} */ (ev).detail)); } catch (_) { return; }
    const p = a && pending.get(a.id);
    if (!p) return;
    pending.delete(a.id);
    clearTimeout(p.timer);
    p.resolve(a);
  });

  /**
   * @param {string[]} what 'title' | 'content'
   * @returns {Promise<{titleLength?: number, content?: string} | null>} null without an answer
   */
  function ask(what) {
    return new Promise((resolve) => {
      counter += 1;
      const id = `${Date.now().toString(36)}-${counter}`;
      const timer = setTimeout(() => { pending.delete(id); resolve(null); }, 2500);
      pending.set(id, { resolve, timer });
      document.dispatchEvent(new CustomEvent('wxlint:ask', { detail: JSON.stringify({ id, what }) }));
    });
  }

  ns.bridge = { ask };
})();
