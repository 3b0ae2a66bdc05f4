// The publish guard: a capture-phase click listener on the top window (and the editor frame)
// for the publish buttons. With `block` findings in a fresh check, the click is stopped before
// the page sees it and a dialog lists them: 返回修改, or 仍要发表 with a reason (the click is then
// dispatched again once, bypassing the guard). `review` findings are listed under 需分管领导审核.
// Without block findings the click passes through untouched. Saving a draft is never blocked.
(function () {
  'use strict';
  const ns = (globalThis.wxlint = globalThis.wxlint || {});
  const S = ns.selectors;
  const h = ns.h;
  const t = (k, s) => ns.t(k, s);
  const NEVER = S.neverBlock.join(', ');
  const SUBMIT = S.submitButtons.join(', ');
  const DIALOGS = S.dialogs.join(', ');
  const BYPASS_MS = 10 * 60 * 1000;

  let hooks = {
    /** → {ready: true, result} | {ready: false, promise} */
    fresh: () => ({ ready: true, result: { findings: [] } }),
    onOverride: null,
    ruleName: (id) => id,
    describe: (f) => ({ where: '', ignored: false }),
    onBack: null,
  };
  let bypassing = false;
  /** After "仍要发表": the same block findings do not stop the following confirmation clicks. */
  let bypass = null; // {signature, until}
  let dialog = null;
  const watched = new WeakSet();

  function safeMatches(el, css) {
    try { return el.matches(css); } catch (_) { return false; }
  }

  function textOf(el) {
    return (el.textContent || '').replace(/\s+/g, '');
  }

  /** The publish button a click is for, or null (not a publish button, or a draft save). */
  function publishTarget(ev) {
    const path = typeof ev.composedPath === 'function' ? ev.composedPath() : [ev.target];
    const elements = path.filter((n) => n && n.nodeType === 1);
    if (elements.some((el) => safeMatches(el, NEVER))) return null;
    for (const el of elements) {
      if (ns.ui.isOwn(el)) return null;
      if (safeMatches(el, SUBMIT)) return el;
      if (safeMatches(el, S.buttonLike) && S.confirmTexts.includes(textOf(el)) && el.closest(DIALOGS)) return el;
    }
    return null;
  }

  function signature(findings) {
    return findings.filter((f) => f.severity === 'block')
      .map((f) => `${f.rule}\u0001${f.field}\u0001${f.block ?? ''}\u0001${f.text}`).sort().join('\u0002');
  }

  function stop(ev) {
    ev.preventDefault();
    ev.stopImmediatePropagation();
    ev.stopPropagation();
  }

  /** Dispatch the click again, once, past the guard. */
  function redispatch(origin) {
    if (!origin || !origin.isConnected) return;
    bypassing = true;
    try {
      origin.click();
    } finally {
      bypassing = false;
    }
  }

  function onClick(ev) {
    if (bypassing) return;
    const button = publishTarget(ev);
    if (!button) return;
    if (!ns.alive()) return;
    const origin = ev.target && ev.target.nodeType === 1 ? ev.target : button;
    let r;
    try { r = hooks.fresh(); } catch (_) { return; }
    if (r.ready) {
      decide(ev, origin, button, r.result);
      return;
    }
    // A check is pending: hold the click until it is done.
    stop(ev);
    showWaiting();
    r.promise.then(
      (result) => {
        closeDialog();
        if (!result || result.error || !blockFindings(result).length || bypassValid(result)) redispatch(origin);
        else showDialog(origin, button, result);
      },
      () => { closeDialog(); redispatch(origin); }, // the checker failed: never lock the user out
    );
  }

  function blockFindings(result) {
    return (result.findings || []).filter((f) => f.severity === 'block');
  }

  function bypassValid(result) {
    return !!bypass && bypass.until > Date.now() && bypass.signature === signature(result.findings || []);
  }

  function decide(ev, origin, button, result) {
    if (!result || result.error) return; // no result: pass through
    if (!blockFindings(result).length) return; // untouched
    if (bypassValid(result)) return;
    stop(ev);
    showDialog(origin, button, result);
  }

  // ---- Dialog --------------------------------------------------------------------------------

  function closeDialog() {
    if (dialog) {
      dialog.remove();
      dialog = null;
    }
  }

  function frame(children, cls) {
    closeDialog();
    if (ns.highlight) ns.highlight.hideCard();
    const box = h('div', { class: `dialog ${cls || ''}`, role: 'alertdialog', 'aria-modal': 'true' }, children);
    const backdrop = h('div', { class: 'backdrop' }, box);
    // Keys typed in the dialog are ours: keep them from the page (editor shortcuts).
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste']) {
      backdrop.addEventListener(type, (e) => e.stopPropagation());
    }
    ns.ui.ensure().appendChild(backdrop);
    dialog = backdrop;
    return { backdrop, box };
  }

  function showWaiting() {
    frame([h('h2', {}, t('guardWaiting'))], 'waiting');
  }

  function line(f) {
    const d = hooks.describe(f);
    return h('li', { 'data-severity': f.severity },
      h('span', { class: 'where' }, `[${hooks.ruleName(f.rule)}${d.where ? ` · ${d.where}` : ''}] `),
      f.text ? `“${ns.ellipsis(f.text, 40)}”：` : '',
      f.message,
      f.suggestion ? h('span', { class: 'sugg' }, `（${t('suggestionPrefix')}${f.suggestion}）`) : '',
      d.ignored ? h('span', { class: 'where' }, t('ignoredMark')) : '');
  }

  function showDialog(origin, button, result) {
    const findings = result.findings || [];
    const blocks = findings.filter((f) => f.severity === 'block');
    const reviews = findings.filter((f) => f.severity === 'review');
    const reason = h('textarea', { class: 'reason', placeholder: t('guardReasonPlaceholder'), 'aria-label': t('guardReasonLabel') });
    const publish = h('button', { class: 'danger publish', disabled: true }, t('guardPublish'));
    const back = h('button', { class: 'primary back' }, t('guardBack'));
    const content = h('div', { class: 'content' },
      h('p', { class: 'intro' }, t('guardIntro', [String(blocks.length)])),
      h('h3', { class: 'block' }, t('guardBlockHeading', [String(blocks.length)])),
      h('ul', { class: 'block-list' }, blocks.map(line)),
      reviews.length ? h('h3', { class: 'review' }, t('guardReviewHeading', [String(reviews.length)])) : null,
      reviews.length ? h('ul', { class: 'review-list' }, reviews.map(line)) : null,
      h('label', {}, t('guardReasonLabel')),
      reason,
      h('div', { class: 'hint' }, t('guardReasonHint')));
    const { box } = frame([
      h('h2', {}, t('guardTitle')),
      content,
      h('div', { class: 'buttons' }, publish, back),
    ]);
    reason.addEventListener('input', () => { publish.disabled = !reason.value.trim(); });
    back.addEventListener('click', () => {
      closeDialog();
      if (hooks.onBack) hooks.onBack(blocks[0]);
    });
    publish.addEventListener('click', () => {
      const why = reason.value.trim();
      if (!why) { reason.focus(); return; }
      closeDialog();
      const record = {
        at: new Date().toISOString(),
        reason: why,
        button: textOf(button).slice(0, 20),
        block: blocks.map((f) => ({ rule: f.rule, severity: f.severity, field: f.field, text: f.text, message: f.message })),
        review: reviews.map((f) => ({ rule: f.rule, severity: f.severity, field: f.field, text: f.text, message: f.message })),
      };
      try { if (hooks.onOverride) hooks.onOverride(record); } catch (_) { /* storage gone */ }
      bypass = { signature: signature(findings), until: Date.now() + BYPASS_MS };
      redispatch(origin);
    });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); back.click(); }
    });
    setTimeout(() => back.focus(), 0);
  }

  /** Guard clicks in a window (the top one, and the old editor's frame). */
  function watchWindow(win) {
    if (!win || watched.has(win)) return;
    watched.add(win);
    win.addEventListener('click', onClick, true);
  }

  ns.guard = {
    install(h2) {
      hooks = { ...hooks, ...h2 };
      watchWindow(window);
    },
    watchWindow,
    /** Diagnostics: whether the dialog is open. */
    isOpen: () => !!dialog,
  };
})();
