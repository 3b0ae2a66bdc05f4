// 用 wxlint 检查选中的文字: injected into any page on request (the context menu or the popup),
// with the activeTab permission only (no persistent host permission). Checks the selected text,
// or the field being edited (a textarea, an input, a contenteditable element) when nothing is
// selected, and shows the findings in the panel with highlights on the page. Nothing is changed
// on the page; there is no guard (there is no publishing here). Run again, it checks the current
// selection again.
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  if (ns.selection) { ns.selection.run(); return; }

  const { ignoreKey } = globalThis.wxlintShared;
  const S = { result: null, items: [], ignored: new Set(), rules: new Map(), editable: null, error: null, chars: 0 };

  /** The part of segment list `segs` inside `range`: {text, segs} (offsets re-based). */
  function clip(segs, range) {
    let text = '';
    const out = [];
    for (const s of segs) {
      if (!s.node) continue;
      if (!range.intersectsNode(s.node)) continue;
      let a = 0;
      let b = s.length;
      if (!s.br && s.node.nodeType === 3) {
        if (s.node === range.startContainer) a = range.startOffset;
        if (s.node === range.endContainer) b = range.endOffset;
      }
      if (b <= a) continue;
      const data = s.br ? '\n' : /** @type {Text} */ (s.node).data.slice(a, b);
      out.push({ node: s.node, start: text.length, length: b - a, br: s.br, base: a });
      text += data;
    }
    return { text, segs: out };
  }

  /**
   * What to check: the selection's text, else the focused field.
   * @returns {{article: Article, map: ArticleMap, input?: HTMLInputElement | HTMLTextAreaElement, from?: number} | null}
   */
  function extractSelection() {
    const sel = document.getSelection();
    const active = /** @type {HTMLElement} */ (document.activeElement);
    const isField = active && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT' && /^(text|search|url|email|)$/i.test(/** @type {HTMLInputElement} */ (active).type)));
    if (isField) {
      const el = /** @type {HTMLTextAreaElement} */ (active);
      const value = String(el.value || '');
      const a = el.selectionStart ?? 0;
      const b = el.selectionEnd ?? 0;
      const whole = b <= a;
      S.editable = el;
      // The field's whole text, or the part of it that is selected (offsets shifted by `from`).
      const text = whole ? value : value.slice(a, b);
      return {
        article: { blocks: [{ type: 'text', text }] },
        map: { title: null, author: null, digest: null, blocks: [{ type: 'text', el, segs: [] }], body: null },
        input: el,
        from: whole ? 0 : a,
      };
    }
    let ranges = [];
    if (sel && sel.rangeCount && !sel.isCollapsed) {
      for (let i = 0; i < sel.rangeCount; i += 1) ranges.push(sel.getRangeAt(i));
    } else if (active && active.isContentEditable) {
      const r = document.createRange();
      r.selectNodeContents(active);
      ranges = [r];
    }
    if (!ranges.length) return null;
    const blocks = [];
    const maps = [];
    for (const range of ranges) {
      const anc = range.commonAncestorContainer;
      const root = anc.nodeType === 1 ? /** @type {Element} */ (anc) : anc.parentElement;
      if (!root) continue;
      const w = ns.extract.walk(root, 'body');
      w.blocks.forEach((b, i) => {
        const m = w.maps[i];
        if (b.type === 'image') {
          if (range.intersectsNode(m.el)) { blocks.push(b); maps.push(m); }
          return;
        }
        const c = clip(m.segs, range);
        if (!/[^\s\u200B-\u200D\u2060\uFEFF]/.test(c.text)) return;
        blocks.push({ ...b, text: c.text });
        maps.push({ ...m, segs: c.segs.map(({ base, ...s }) => s), bases: c.segs.map((s) => s.base || 0) });
      });
    }
    return { article: { blocks }, map: { title: null, author: null, digest: null, blocks: maps, body: null } };
  }

  /** Where a finding is on the page (a cut segment's offsets are shifted back to its node). */
  function locate(f, ex) {
    const m = ex.map.blocks[f.block];
    if (!m) return null;
    if (ex.input) return { kind: 'input', el: ex.input, start: f.start + ex.from, end: f.end + ex.from };
    if (!(f.end > f.start)) return m.el ? { kind: 'element', el: m.el } : null;
    const bases = m.bases || [];
    // A position in the selected text → a node and an offset in that node (a cut segment starts
    // at `base` in its node).
    const at = (pos, isEnd) => {
      for (let i = 0; i < m.segs.length; i += 1) {
        const s = m.segs[i];
        const a = s.start;
        const b = s.start + s.length;
        if (isEnd ? pos > a && pos <= b : pos >= a && pos < b) return { node: s.node, offset: (bases[i] || 0) + (pos - a), br: s.br };
      }
      return null;
    };
    const a = at(f.start, false);
    const b = at(f.end, true);
    if (!a || !b || a.br || b.br) return m.el ? { kind: 'element', el: m.el } : null;
    try {
      const r = document.createRange();
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
      return r.collapsed ? null : { kind: 'range', range: r, doc: document };
    } catch (_) {
      return null;
    }
  }

  function ruleName(id) {
    const r = S.rules.get(id);
    return r ? ((ns.t('checkerLocale') === 'en' ? r.nameEn : r.nameZh) || id) : id;
  }

  function rowsOf(items) {
    const map = new Map();
    for (const it of items) {
      const f = it.finding;
      const key = `${f.rule}\u0001${f.severity}\u0001${f.text}\u0001${f.message}`;
      let row = map.get(key);
      if (!row) { row = { key, finding: f, items: [] }; map.set(key, row); }
      row.items.push(it);
    }
    return [...map.values()];
  }

  function render() {
    const c = { block: 0, review: 0, warn: 0, info: 0 };
    for (const it of S.items) if (!it.ignored) c[it.finding.severity] += 1;
    const notes = [S.result ? ns.t('selectionChecked', [String(S.chars)]) : ns.t('selectionNothing')];
    ns.panel.render({
      rows: rowsOf(S.items.filter((it) => !it.ignored)),
      ignoredRows: rowsOf(S.items.filter((it) => it.ignored)),
      counts: c,
      status: { site: 'selection', recognised: !!S.result, checked: !!S.result, error: S.error, guarded: false, notes },
    });
  }

  function draw() {
    ns.highlight.draw(S.items.filter((it) => !it.ignored));
    render();
  }

  async function run() {
    const ex = extractSelection();
    if (!ex) {
      S.result = null;
      S.items = [];
      ns.highlight.clear();
      render();
      return { ok: false };
    }
    const answer = await ns.send({ type: 'check', article: ex.article });
    if (!answer || 'error' in answer) {
      S.error = (answer && 'error' in answer && answer.error) || 'no answer';
      render();
      return { error: S.error };
    }
    S.error = null;
    // The article has no title, author or digest (left out: not the page's), so the checker
    // reports only on the checked text.
    S.result = { ex, findings: answer.findings };
    S.chars = ex.article.blocks.reduce((n, b) => n + (b.type === 'text' ? Array.from(b.text).length : 0), 0);
    let n = 0;
    S.items = answer.findings.map((f) => ({
      id: n++,
      finding: f,
      ignored: S.ignored.has(ignoreKey(f)),
      where: f.field === 'body' ? ns.t('whereParagraph', [String((f.block ?? 0) + 1)]) : ns.t(`field_${f.field}`),
      target: locate(f, ex),
    }));
    draw();
    return { ok: true, findings: answer.findings.length };
  }

  async function start() {
    const rules = await ns.send({ type: 'rules' });
    if (rules && 'rules' in rules) for (const r of rules.rules) S.rules.set(r.id, r);
    const canAllow = (f) => !!f.text && globalThis.wxlintShared.canAllowRule(S.rules.get(f.rule));
    const ignore = (row) => { for (const it of row.items) S.ignored.add(ignoreKey(it.finding)); S.items.forEach((it) => { it.ignored = S.ignored.has(ignoreKey(it.finding)); }); draw(); };
    const unignore = (row) => { for (const it of row.items) S.ignored.delete(ignoreKey(it.finding)); S.items.forEach((it) => { it.ignored = S.ignored.has(ignoreKey(it.finding)); }); draw(); };
    const allow = async (row) => {
      const text = row.finding.text;
      const a = await ns.send({ type: 'addAllow', text });
      if (a && 'ok' in a) {
        ns.panel.toast(ns.t('allowedToast', [ns.ellipsis(text, 20)]), async () => { await ns.send({ type: 'removeAllow', text }); run(); });
        run();
      }
    };
    ns.highlight.configure({
      ruleName,
      canAllow,
      onIgnore: (it) => ignore(rowsOf([it])[0]),
      onAllow: allow,
      panelRect: () => ns.panel.rect(),
      collapsePanel: () => ns.panel.collapse(),
    });
    ns.highlight.watchDocument(document);
    await ns.panel.init({
      kind: 'selection',
      expanded: true,
      ruleName,
      onRecheck: () => run(),
      onSelect: (row) => { const it = row.items.find((x) => x.target); if (it) ns.highlight.flash(it, false); },
      onIgnore: ignore,
      onUnignore: unignore,
      onAllow: allow,
      canAllow,
      onOptions: () => ns.send({ type: 'openOptions' }),
      onSheet: null,
      column: () => null,
    });
    const el = ns.panel.element();
    if (el) { const sheet = el.querySelector('button.sheet'); if (sheet) /** @type {HTMLElement} */ (sheet).hidden = true; }
    return run();
  }

  ns.selection = { run, start };
  ns.selection.ready = start();
})();
