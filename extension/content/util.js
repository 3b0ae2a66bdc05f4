// Small helpers shared by the content-script files: messages, element building (no innerHTML:
// finding texts come from the page), throttling.
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || /** @type {WxlintNs} */ (/** @type {any} */ ({})));
  const api = globalThis.browser ?? globalThis.chrome;
  ns.api = api;

  /** A UI string from _locales (Simplified Chinese first). */
  ns.t = (key, subs) => {
    try {
      const s = api.i18n.getMessage(key, subs === undefined ? undefined : [].concat(subs).map(String));
      if (s) return s;
    } catch (_) { /* the extension was reloaded: its API is gone */ }
    return key;
  };

  /**
   * Build an element in `doc` (default: the top document): h('div', {class: 'x', onclick: fn,
   * title: '…', style: {left: '1px'}}, child, 'text', [more]).
   */
  ns.h = function h(tag, props, ...children) {
    const el = (ns.h.doc || document).createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else if (k in el && typeof v !== 'string') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    const add = (c) => {
      if (c === undefined || c === null || c === false) return;
      if (Array.isArray(c)) c.forEach(add);
      else el.append(typeof c === 'object' && c.nodeType ? c : String(c));
    };
    children.forEach(add);
    return el;
  };

  /** Call `fn` at most once per `ms`, trailing call included. */
  ns.throttle = (fn, ms) => {
    let last = 0;
    let timer = null;
    return function throttled() {
      const now = Date.now();
      const wait = last + ms - now;
      if (wait <= 0) {
        last = now;
        fn();
      } else if (!timer) {
        timer = setTimeout(() => { timer = null; last = Date.now(); fn(); }, wait);
      }
    };
  };

  /** Shorten a text for a list line. */
  ns.ellipsis = (s, n) => {
    const chars = Array.from(String(s ?? ''));
    return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : chars.join('');
  };

  /** Whether the extension context is still alive (it dies when the extension is reloaded). */
  ns.alive = () => {
    try { return !!(api.runtime && api.runtime.id); } catch (_) { return false; }
  };

  /** Send a message to the background; resolves to the answer, or {error} on failure. */
  ns.send = async (msg) => {
    if (!ns.alive()) return { error: 'extension context invalidated' };
    try {
      const answer = await api.runtime.sendMessage(msg);
      return answer === undefined ? { error: 'no answer' } : answer;
    } catch (e) {
      return { error: String((e && e.message) || e) };
    }
  };

  /** Severity order, most serious first. */
  ns.SEVERITIES = ['block', 'review', 'warn', 'info'];
  ns.severityRank = (s) => { const i = ns.SEVERITIES.indexOf(/** @type {Severity} */ (s)); return i < 0 ? 9 : i; };
})();
