// wxlint/codemirror: a `@codemirror/lint` source for CodeMirror 6, for Markdown editors of
// WeChat articles (such as doocs-md): the document is checked by the wxlint WebAssembly checker
// and the findings become lint diagnostics at exact positions (CodeMirror counts UTF-16 code
// units, like the checker's offsets: emoji and zero-width characters map one to one).
//
//   import init, { Checker } from 'wxlint';
//   import { wxlintLinter } from 'wxlint/codemirror';
//   await init();
//   const extensions = [markdown(), wxlintLinter({ checker: new Checker() }), lintGutter()];
//
// Every non-empty line is a block of the article (Chinese Markdown is rarely wrapped inside a
// paragraph): headings, list and quote markers are left out of the text (not out of the
// offsets); a line that is only an image (`![alt](src)`) is an image block; a first line `# …`
// is the title.
import { linter, setDiagnosticsEffect } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { ViewPlugin, logException } from '@codemirror/view';

const IMAGE = /^\s*!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^"']*["'])?\s*\)\s*$/;
const PREFIX = /^(\s{0,3}#{1,6}\s+|\s*>\s?|\s*(?:[-*+]|\d{1,9}[.)])\s+)/;

/**
 * The checker's article model from Markdown source: {article, spans} where spans[i] = {from, to}
 * is where block i's text starts and ends in the document (`title` for the title line).
 * @param {string} source
 * @param {{titleFromHeading?: boolean, author?: string, digest?: string}} [options]
 */
export function articleFromMarkdown(source, options = {}) {
  const blocks = [];
  const spans = [];
  let title = '';
  let titleSpan = null;
  let offset = 0;
  let first = true;
  let fence = false;
  for (const line of source.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (/^\s*(```|~~~)/.test(line)) { fence = !fence; continue; }
    if (fence || !line.trim()) continue;
    if (first && options.titleFromHeading !== false && /^#\s+\S/.test(line)) {
      const lead = line.match(/^#\s+/)[0].length;
      title = line.slice(lead);
      titleSpan = { from: start + lead, to: start + line.length };
      first = false;
      continue;
    }
    first = false;
    const img = line.match(IMAGE);
    if (img) {
      blocks.push({ type: 'image', src: img[2], alt: img[1] || null, caption: null });
      spans.push({ from: start, to: start + line.length, image: true });
      continue;
    }
    const prefix = (line.match(PREFIX) || [''])[0];
    const heading = /^\s{0,3}#/.test(prefix);
    blocks.push({ type: 'text', text: line.slice(prefix.length), style: { heading } });
    spans.push({ from: start + prefix.length, to: start + line.length });
  }
  // Author and digest are outside the document: left out unless given, so nothing is reported
  // about them. The title is the first heading line when titleFromHeading is on (a document
  // without one gets 标题不能为空), else unknown.
  const known = options.titleFromHeading !== false;
  return { article: { title: known ? title : null, author: options.author ?? null, digest: options.digest ?? null, blocks }, spans, titleSpan };
}

const SEVERITY = { block: 'error', review: 'warning', warn: 'warning', info: 'info' };
const LABEL_ZH = { block: '必须修改', review: '需领导审核', warn: '建议修改', info: '提示' };
const LABEL_EN = { block: 'must fix', review: 'needs sign-off', warn: 'should fix', info: 'note' };

/**
 * Findings → CodeMirror diagnostics (`{from, to, severity, message, source}`).
 * @param {any[]} findings
 * @param {ReturnType<typeof articleFromMarkdown>} model
 * @param {'zh-CN' | 'en'} [locale]
 */
export function diagnosticsFor(findings, model, locale) {
  const labels = locale === 'en' ? LABEL_EN : LABEL_ZH;
  const out = [];
  for (const f of findings) {
    let span = null;
    if (f.field === 'body' && typeof f.block === 'number') span = model.spans[f.block];
    else if (f.field === 'title') span = model.titleSpan;
    if (!span) continue;
    const ranged = f.end > f.start && !span.image;
    const from = ranged ? span.from + f.start : span.from;
    const to = ranged ? span.from + f.end : span.to;
    const text = f.suggestion ? `${f.message}（${locale === 'en' ? 'suggestion: ' : '建议：'}${f.suggestion}）` : f.message;
    out.push({ from, to, severity: SEVERITY[f.severity] || 'info', message: `${labels[f.severity] || f.severity}：${text}`, source: `wxlint ${f.rule}`, markClass: `wxlint-${f.severity}` });
  }
  return out;
}

/**
 * The lint source as a CodeMirror extension.
 *
 * With the default delay 0, the document is checked in the transaction that changes it: its
 * diagnostics are added to that transaction (`setDiagnosticsEffect`), so a keystroke updates the
 * view once, marks included (a @codemirror/lint source would run after the keystroke's update
 * and update the view a second time). A document that is loaded without a transaction (the
 * editor's first state, `view.setState`) is checked right after the view is created. With a
 * delay, the check is an ordinary @codemirror/lint source run that long after the last change.
 * @param {object} options
 * @param {{check(article: object): any[]}} options.checker a `Checker` from `wxlint` (initialised)
 * @param {number} [options.delay=0] ms after the last change before checking (@codemirror/lint's delay)
 * @param {boolean} [options.titleFromHeading=true] a first line `# …` is the title
 * @param {(findings: any[], ms: number) => void} [options.onFindings]
 * @param {'zh-CN' | 'en'} [options.locale='zh-CN']
 */
export function wxlintLinter(options) {
  const { checker } = options || {};
  if (!checker || typeof checker.check !== 'function') throw new TypeError('wxlintLinter: options.checker must be a wxlint Checker');
  const now = () => (globalThis.performance || Date).now();
  /** @param {import('@codemirror/state').Text} doc */
  const diagnose = (doc) => {
    const t0 = now();
    const model = articleFromMarkdown(doc.toString(), options);
    const findings = checker.check(model.article);
    const diagnostics = diagnosticsFor(findings, model, options.locale);
    if (options.onFindings) options.onFindings(findings, now() - t0);
    return diagnostics;
  };
  const delay = Number.isFinite(options.delay) ? options.delay : 0;
  if (delay > 0) return linter((view) => diagnose(view.state.doc), { delay });
  return [
    // The lint state, marks, tooltips and gutter, without a source of its own.
    linter(null),
    EditorState.transactionExtender.of((tr) => {
      if (!tr.docChanged) return null;
      try {
        return { effects: setDiagnosticsEffect.of(diagnose(tr.newDoc)) };
      } catch (e) {
        // A failed check must not stop the edit: the old marks stay, mapped through it.
        logException(tr.startState, e, 'wxlint');
        return null;
      }
    }),
    ViewPlugin.define((view) => {
      let pending = setTimeout(() => {
        pending = null;
        try {
          view.dispatch({ effects: setDiagnosticsEffect.of(diagnose(view.state.doc)) });
        } catch (e) {
          logException(view.state, e, 'wxlint');
        }
      }, 0);
      return { destroy() { if (pending !== null) clearTimeout(pending); } };
    }),
  ];
}
