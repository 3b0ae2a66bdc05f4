// The publish guard: a capture-phase click listener on the top window (and the editor frame)
// for every step of the publish flow, whatever path opened it: the toolbar's 发表 / 保存并群发,
// and the confirmation buttons of the flow's dialogs (the mass-send dialog's 发表 / 群发, a
// confirmation popover, 创作来源's 无需声明并发表 / 无需声明并群发, the double check's 继续发表 /
// 继续群发). With `block` findings in a fresh check, the click is stopped before the page sees it
// and a dialog lists them: 返回修改, a click on an item (jump to it), or 仍要发表 with a reason
// (the click is then dispatched again once, past the guard, and the same findings do not stop the
// following steps). Saving a draft, autosave and preview are never stopped.
//
// "Publish anyway" is recorded at once as pending, and settled by what the page then does: it
// becomes `published` when the flow's last dialog closes after a confirmation (or the page goes
// away), `cancelled` when the user leaves the flow by 取消 / 关闭 / 去声明.
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  const W = ns.selectors.wechat;
  const h = ns.h;
  const t = (k, s) => ns.t(k, s);
  const NEVER = W.neverBlock.join(', ');
  const SUBMIT = W.submitButtons.join(', ');
  const DIALOGS = W.publishDialogs.join(', ');
  const SPECIFIC_DIALOGS = '.new_mass_send_dialog, .double_check_dialog, .mass_send_dialog, .safe_check';
  const CLOSE = W.closeButtons.join(', ');
  const BYPASS_MS = 10 * 60 * 1000;
  /** How long the flow may wait for the page's dialogs before it is settled anyway. */
  const FLOW_MAX_MS = 15 * 60 * 1000;

  /** @type {GuardHooks} */
  let hooks = {
    fresh: () => ({ ready: true, result: { findings: [], map: null, article: null, ms: null, at: 0 } }),
    onOverride: null,
    onOutcome: null,
    ruleName: (id) => id,
    describe: () => ({ where: '', ignored: false }),
    onBack: null,
    onJump: null,
  };
  let enabled = true;
  let bypassing = false;
  /** After "仍要发表": the same block findings do not stop the following confirmation clicks. */
  let bypass = null; // {signature, until}
  /** @type {HTMLElement | null} */
  let dialog = null;
  /** @type {{id: string, started: number, seenDialog: boolean, last: string | null, confirmed: boolean, quiet: number, timer: any} | null} */
  let flow = null;
  const watched = new WeakSet();

  function safeMatches(el, css) {
    try { return el.matches(css); } catch (_) { return false; }
  }

  /** @param {Element} el */
  function textOf(el) {
    return (el.textContent || '').replace(/\s+/g, '');
  }

  /** The publish dialog an element is in, or null (a generic dialog must speak of publishing). */
  function publishDialogOf(el) {
    let d = null;
    try { d = el.closest(DIALOGS); } catch (_) { d = null; }
    if (!d) return null;
    const specific = el.closest(SPECIFIC_DIALOGS);
    if (specific) return specific;
    // The outermost generic container, so that its whole text is read.
    let outer = d;
    for (let p = d.parentElement; p; p = p.parentElement) {
      try { if (p.matches(DIALOGS)) outer = p; } catch (_) { break; }
    }
    return W.publishWords.test(outer.textContent || '') ? outer : null;
  }

  /**
   * What a click is for: {button, kind: 'toolbar' | 'confirm' | 'cancel'} or null (not the
   * publish flow, a draft save, a preview, the extension's own UI).
   * @param {Event} ev
   */
  function classify(ev) {
    const path = typeof ev.composedPath === 'function' ? ev.composedPath() : [ev.target];
    const elements = /** @type {Element[]} */ (path.filter((n) => n && /** @type {Node} */ (n).nodeType === 1));
    if (elements.some((el) => safeMatches(el, NEVER))) return null;
    for (const el of elements) {
      if (ns.ui.isOwn(el)) return null;
      if (safeMatches(el, SUBMIT)) return { button: el, kind: 'toolbar' };
      if (safeMatches(el, CLOSE) && publishDialogOf(el)) return { button: el, kind: 'cancel' };
      if (!safeMatches(el, W.buttonLike)) continue;
      const text = textOf(el);
      const inDialog = publishDialogOf(el);
      if (!inDialog) continue;
      if (W.confirmTexts.includes(text) || (W.confirmTextsInContext.includes(text) && W.publishWords.test(inDialog.textContent || ''))) {
        return { button: el, kind: 'confirm' };
      }
      if (W.cancelTexts.includes(text)) return { button: el, kind: 'cancel' };
    }
    return null;
  }

  /** @param {Finding[]} findings */
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

  /** @param {CheckResult | {error: string} | null} result */
  function blockFindings(result) {
    return (result && 'findings' in result ? result.findings || [] : []).filter((f) => f.severity === 'block');
  }

  function bypassValid(result) {
    return !!bypass && bypass.until > Date.now() && bypass.signature === signature((result && result.findings) || []);
  }

  // ---- Following the flow after 仍要发表 ------------------------------------------------------

  /** Whether one of the publish flow's dialogs is shown. */
  function flowDialogOpen() {
    for (const el of document.querySelectorAll(DIALOGS)) {
      if (ns.ui.isOwn(el)) continue;
      if (!(el.matches(SPECIFIC_DIALOGS) || W.publishWords.test(el.textContent || ''))) continue;
      if (ns.adapters.visible(el)) return true;
    }
    return false;
  }

  function settle(outcome) {
    if (!flow) return;
    const f = flow;
    flow = null;
    clearInterval(f.timer);
    try { if (hooks.onOutcome) hooks.onOutcome(f.id, outcome); } catch (_) { /* storage gone */ }
  }

  function startFlow(id) {
    if (flow) settle(flow.confirmed && flow.last === 'confirm' ? 'published' : 'cancelled');
    flow = { id, started: Date.now(), seenDialog: false, last: null, confirmed: false, quiet: 0, timer: null };
    const f = flow;
    f.timer = setInterval(() => {
      if (flow !== f) return;
      if (flowDialogOpen()) { f.seenDialog = true; f.quiet = 0; return; }
      f.quiet += 1;
      const waited = Date.now() - f.started;
      if (f.last === 'cancel' && f.quiet >= 2) settle('cancelled');
      else if (f.last === 'confirm' && f.quiet >= 2) settle('published');
      // The click went through and the page asked nothing more: it published.
      else if (!f.seenDialog && !f.last && waited > 3000) settle('published');
      else if (waited > FLOW_MAX_MS) settle(f.confirmed ? 'published' : 'cancelled');
    }, 300);
  }

  function noteFlow(kind) {
    if (!flow) return;
    if (kind === 'cancel') flow.last = 'cancel';
    if (kind === 'confirm') { flow.last = 'confirm'; flow.confirmed = true; }
    flow.quiet = 0;
  }

  window.addEventListener('pagehide', () => {
    if (flow) settle(flow.confirmed || !flow.seenDialog ? 'published' : 'cancelled');
  });

  // ---- Clicks --------------------------------------------------------------------------------

  function onClick(ev) {
    if (bypassing || !enabled) return;
    const target = classify(ev);
    if (!target) return;
    if (target.kind === 'cancel') { noteFlow('cancel'); return; }
    if (!ns.alive()) return;
    const origin = ev.target && ev.target.nodeType === 1 ? ev.target : target.button;
    let r;
    try { r = hooks.fresh(); } catch (_) { return; }
    if (r.ready) {
      if (decide(ev, origin, target, r.result)) noteFlow('confirm');
      return;
    }
    // A check is pending: hold the click until it is done.
    stop(ev);
    showWaiting();
    r.promise.then(
      (result) => {
        closeDialog();
        if (!result || 'error' in result || !blockFindings(result).length || bypassValid(result)) {
          noteFlow('confirm');
          redispatch(origin);
        } else {
          showDialog(origin, target, result);
        }
      },
      () => { closeDialog(); redispatch(origin); }, // the checker failed: never lock the user out
    );
  }

  /** Stops the click and shows the dialog when it must; returns whether the click passes. */
  function decide(ev, origin, target, result) {
    if (!result || result.error) return true; // no result: pass through
    if (!blockFindings(result).length) return true; // untouched
    if (bypassValid(result)) return true;
    stop(ev);
    showDialog(origin, target, result);
    return false;
  }

  // ---- Dialog --------------------------------------------------------------------------------

  function closeDialog() {
    onEscape = null;
    if (dialog) {
      dialog.remove();
      dialog = null;
    }
  }

  /** The focusable elements of the dialog, in order. */
  function focusables(box) {
    return [...box.querySelectorAll('button, textarea, input, [tabindex="0"]')]
      .filter((el) => !el.disabled && !el.closest('[hidden]') && el.getClientRects().length);
  }

  function frame(children, cls) {
    closeDialog();
    if (ns.highlight) ns.highlight.hideCard();
    const box = h('div', { class: `dialog ${cls || ''}`, role: 'alertdialog', 'aria-modal': 'true', tabindex: '-1' }, children);
    const backdrop = h('div', { class: 'backdrop' }, box);
    // Keys typed in the dialog are ours: keep them from the page (editor shortcuts).
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste']) {
      backdrop.addEventListener(type, (e) => e.stopPropagation());
    }
    // Focus stays in the dialog: Tab and Shift+Tab cycle through its controls.
    box.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const list = focusables(box);
      if (!list.length) { e.preventDefault(); return; }
      const active = /** @type {Element} */ (ns.ui.shadow.activeElement);
      const i = list.indexOf(active);
      let next = e.shiftKey ? i - 1 : i + 1;
      if (next < 0) next = list.length - 1;
      if (next >= list.length) next = 0;
      e.preventDefault();
      list[next].focus();
    });
    ns.ui.ensure().appendChild(backdrop);
    ns.ui.setModal(true);
    dialog = backdrop;
    return { backdrop, box };
  }

  /** What Escape does while the dialog is open (wherever the focus is): 返回修改. */
  let onEscape = null;
  document.addEventListener('keydown', (e) => {
    if (!dialog || !dialog.isConnected || e.key !== 'Escape' || !onEscape) return;
    if (ns.ui.isOwn(/** @type {Node} */ (e.target))) return; // handled inside the dialog
    e.preventDefault();
    e.stopPropagation();
    onEscape();
  }, true);

  // Focus that leaves the dialog (a click on the page behind it, the browser's own focus moves)
  // is brought back.
  document.addEventListener('focusin', (e) => {
    if (!dialog || !dialog.isConnected) return;
    if (ns.ui.isOwn(/** @type {Node} */ (e.target))) return;
    const list = focusables(dialog);
    if (list.length) list[0].focus();
  }, true);

  function showWaiting() {
    frame([h('h2', {}, t('guardWaiting'))], 'waiting');
  }

  /** One finding in the dialog: a button that jumps to it, and (for block) its own reason. */
  function line(f, own) {
    const d = hooks.describe(f);
    const jump = h('button', {
      class: 'jump', type: 'button', title: t('guardJump'),
      onclick: () => { closeDialog(); ns.ui.setModal(false); if (hooks.onJump) hooks.onJump(f); },
    },
    h('span', { class: 'where' }, `[${hooks.ruleName(f.rule)}${d.where ? ` · ${d.where}` : ''}] `),
    f.text ? `“${ns.ellipsis(f.text, 40)}”：` : '',
    f.message,
    f.suggestion ? h('span', { class: 'sugg' }, `（${t('suggestionPrefix')}${f.suggestion}）`) : '',
    d.ignored ? h('span', { class: 'where' }, t('ignoredMark')) : '');
    return h('li', { 'data-severity': f.severity }, jump, own || null);
  }

  function showDialog(origin, target, result) {
    const findings = result.findings || [];
    const blocks = findings.filter((f) => f.severity === 'block');
    const reviews = findings.filter((f) => f.severity === 'review');
    const reason = /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'reason', placeholder: t('guardReasonPlaceholder'), 'aria-label': t('guardReasonLabel') }));
    const publish = /** @type {HTMLButtonElement} */ (h('button', { class: 'danger publish', disabled: true }, t('guardPublish')));
    const back = h('button', { class: 'primary back' }, t('guardBack'));
    /** @type {HTMLInputElement[]} */
    const own = blocks.map((f) => /** @type {HTMLInputElement} */ (h('input', {
      type: 'text', class: 'own-reason', placeholder: t('guardOwnReasonPlaceholder'),
      'aria-label': t('guardOwnReasonLabel', [ns.ellipsis(f.text || hooks.ruleName(f.rule), 20)]),
    })));
    const ownBox = h('div', { class: 'own-reasons', hidden: true });
    const perItem = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', class: 'per-item' }));
    const blockList = h('ul', { class: 'block-list' }, blocks.map((f, i) => line(f, h('span', { class: 'own', hidden: true }, own[i]))));
    const content = h('div', { class: 'content' },
      h('p', { class: 'intro' }, t('guardIntro', [String(blocks.length)])),
      h('h3', { class: 'block' }, t('guardBlockHeading', [String(blocks.length)])),
      blockList,
      reviews.length ? h('h3', { class: 'review' }, t('guardReviewHeading', [String(reviews.length)])) : null,
      reviews.length ? h('ul', { class: 'review-list' }, reviews.map((f) => line(f, null))) : null,
      h('label', { class: 'reason-label' }, t('guardReasonLabel')),
      reason,
      h('label', { class: 'check' }, perItem, ' ', t('guardPerItem')),
      ownBox,
      h('div', { class: 'hint' }, t('guardReasonHint')));
    const { box } = frame([
      h('h2', {}, t('guardTitle')),
      content,
      h('div', { class: 'buttons' }, publish, back),
    ]);
    const update = () => {
      const general = !!reason.value.trim();
      const each = perItem.checked && own.every((i) => i.value.trim());
      publish.disabled = !(general || each);
    };
    perItem.addEventListener('change', () => {
      for (const s of blockList.querySelectorAll('.own')) /** @type {HTMLElement} */ (s).hidden = !perItem.checked;
      update();
    });
    reason.addEventListener('input', update);
    for (const i of own) i.addEventListener('input', update);
    back.addEventListener('click', () => {
      closeDialog();
      ns.ui.setModal(false);
      if (hooks.onBack) hooks.onBack(blocks[0]);
    });
    publish.addEventListener('click', () => {
      const why = reason.value.trim();
      const each = perItem.checked ? own.map((i) => i.value.trim()) : blocks.map(() => '');
      if (!why && !each.every(Boolean)) { reason.focus(); return; }
      closeDialog();
      ns.ui.setModal(false);
      const describe = (f, i) => ({
        rule: f.rule, severity: f.severity, field: f.field, block: f.block ?? null, text: f.text,
        message: f.message, where: hooks.describe(f).where, reason: i === undefined ? '' : each[i] || '',
      });
      /** @type {OverrideRecord} */
      const record = {
        id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`,
        at: new Date().toISOString(),
        reason: why,
        button: textOf(target.button).slice(0, 20),
        step: target.kind,
        outcome: 'pending',
        block: blocks.map((f, i) => describe(f, i)),
        review: reviews.map((f) => describe(f)),
      };
      try { if (hooks.onOverride) hooks.onOverride(record); } catch (_) { /* storage gone */ }
      bypass = { signature: signature(findings), until: Date.now() + BYPASS_MS };
      startFlow(record.id);
      if (target.kind === 'confirm') noteFlow('confirm');
      redispatch(origin);
    });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); back.click(); }
    });
    onEscape = () => back.click();
    back.focus();
    setTimeout(() => { if (dialog && !ns.ui.isOwn(document.activeElement)) back.focus(); }, 0);
  }

  /** Guard clicks in a window (the top one, and the old editor's frame). */
  function watchWindow(win) {
    if (!win || watched.has(win)) return;
    watched.add(win);
    win.addEventListener('click', onClick, true);
  }

  ns.guard = {
    /** @param {Partial<GuardHooks>} h2 */
    install(h2) {
      hooks = { ...hooks, ...h2 };
      watchWindow(window);
    },
    watchWindow,
    /** Off on sites without publishing (秀米, 135编辑器). */
    setEnabled(v) { enabled = !!v; },
    /** Diagnostics: whether the dialog is open. */
    isOpen: () => !!dialog,
  };
})();
