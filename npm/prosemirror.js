// wxlint/prosemirror: a ProseMirror plugin (usable in TipTap through `addProseMirrorPlugins`)
// that checks the document with the wxlint WebAssembly checker and draws the findings as
// decorations, with a suggestion popup. The judgement is the checker's (the same Rust core as the
// CLI and the extension); this file maps the document to the checker's article model and the
// findings' UTF-16 offsets back to document positions, exactly (ProseMirror counts text
// positions in UTF-16 code units too: emoji and zero-width characters map one to one).
//
//   import init, { Checker } from 'wxlint';
//   import { wxlintPlugin } from 'wxlint/prosemirror';
//   await init();
//   const plugins = [wxlintPlugin({ checker: new Checker() })];
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** The plugin's key: `wxlintKey.getState(state)` → {decorations, findings, article}. */
export const wxlintKey = new PluginKey('wxlint');

const SEVERITY_ZH = { block: '必须修改', review: '需领导审核', warn: '建议修改', info: '提示' };
const SEVERITY_EN = { block: 'Must fix', review: 'Needs sign-off', warn: 'Should fix', info: 'Note' };

const num = (v) => {
  const n = typeof v === 'number' ? v : parseFloat(v);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
};

/**
 * The checker's article model from a ProseMirror document: every textblock is a text block
 * (a heading is marked as one, `textAlign` / `align` attributes become the alignment hint), every
 * block-level leaf node with a `src` attribute, and every textblock holding only an inline image,
 * an image block. Hard breaks are "\n"; other inline
 * leaves (inline images, mentions) one U+FFFC each, so that offsets stay exact.
 * Returns {article, maps}: maps[i] = {pos, segs: [{text, pos, len}]} for text blocks, {pos, size}
 * for images, to turn the findings' offsets back into positions.
 * @param {import('prosemirror-model').Node} doc
 * @param {{title?: string, author?: string, digest?: string}} [fields]
 */
export function articleFromDoc(doc, fields = {}) {
  const blocks = [];
  const maps = [];
  doc.descendants((node, pos) => {
    // A paragraph holding nothing but an inline image (the basic schema's images) is an image block.
    if (node.isTextblock && node.childCount === 1 && node.firstChild.attrs && typeof node.firstChild.attrs.src === 'string') {
      const img = node.firstChild;
      blocks.push({ type: 'image', src: img.attrs.src, alt: img.attrs.alt || null, width: num(img.attrs.width), height: num(img.attrs.height), caption: null });
      maps.push({ pos: pos + 1, size: img.nodeSize, image: true });
      return false;
    }
    if (node.isTextblock) {
      let text = '';
      const segs = [];
      node.forEach((child, offset) => {
        const p = pos + 1 + offset;
        if (child.isText) {
          segs.push({ text: text.length, pos: p, len: child.text.length });
          text += child.text;
        } else {
          const br = /^hard_?break$/i.test(child.type.name);
          segs.push({ text: text.length, pos: p, len: 1, atom: true });
          text += br ? '\n' : '\uFFFC';
        }
      });
      const align = node.attrs && (node.attrs.textAlign || node.attrs.align);
      blocks.push({ type: 'text', text, style: { heading: node.type.name === 'heading', align: ['left', 'center', 'right', 'justify'].includes(align) ? align : null } });
      maps.push({ pos, segs, size: node.nodeSize });
      return false;
    }
    if (node.isLeaf && node.attrs && typeof node.attrs.src === 'string') {
      blocks.push({ type: 'image', src: node.attrs.src, alt: node.attrs.alt || null, width: num(node.attrs.width), height: num(node.attrs.height), caption: null });
      maps.push({ pos, size: node.nodeSize, image: true });
      return false;
    }
    return true;
  });
  // A field the caller does not give is left out, so nothing is reported about it (an editor of
  // the body alone has no title to be empty); '' means known and empty.
  return { article: { title: fields.title ?? null, author: fields.author ?? null, digest: fields.digest ?? null, blocks }, maps };
}

/** A UTF-16 offset of a text block → a document position (`end`: the position after it). */
function positionAt(map, offset, end) {
  const segs = map.segs;
  for (const s of segs) {
    if (end ? offset > s.text && offset <= s.text + s.len : offset >= s.text && offset < s.text + s.len) return s.pos + (offset - s.text);
  }
  // An empty block, or the end of the block.
  if (!segs.length) return map.pos + 1;
  const last = segs[segs.length - 1];
  return last.pos + last.len;
}

/**
 * Findings → [{from, to, finding, node?}] in document positions (body findings only: the
 * title, author and digest are not in the document).
 */
export function findingRanges(findings, maps) {
  const out = [];
  for (const f of findings) {
    if (f.field !== 'body' || typeof f.block !== 'number') continue;
    const m = maps[f.block];
    if (!m) continue;
    if (m.image) {
      out.push({ from: m.pos, to: m.pos + m.size, finding: f, node: true });
    } else if (f.end > f.start) {
      out.push({ from: positionAt(m, f.start, false), to: positionAt(m, f.end, true), finding: f });
    } else {
      // A finding about the whole block (no span of text): the block's node.
      out.push({ from: m.pos, to: m.pos + m.size, finding: f, node: true });
    }
  }
  return out;
}

function decorationsFor(doc, ranges, prefix) {
  const decos = [];
  ranges.forEach((r, i) => {
    const f = r.finding;
    const attrs = { class: `${prefix} ${prefix}-${f.severity}`, 'data-wxlint-index': String(i), 'data-wxlint-rule': f.rule };
    decos.push(r.node ? Decoration.node(r.from, r.to, attrs, { finding: f, index: i }) : Decoration.inline(r.from, r.to, attrs, { finding: f, index: i, inclusiveStart: false, inclusiveEnd: false }));
  });
  return DecorationSet.create(doc, decos);
}

/** The default style of the marks and the popup (injected once per document, scoped to the prefix). */
function styleText(prefix) {
  return `
.${prefix}-block { background: rgba(229,57,53,.14); text-decoration: underline wavy #e53935; text-decoration-skip-ink: none; }
.${prefix}-review { background: rgba(142,36,170,.12); text-decoration: underline wavy #8e24aa; text-decoration-skip-ink: none; }
.${prefix}-warn { background: rgba(245,124,0,.12); text-decoration: underline wavy #f57c00; text-decoration-skip-ink: none; }
.${prefix}-info { text-decoration: underline dotted #1e88e5; }
img.${prefix}, .${prefix}.ProseMirror-selectednode { outline: 2px dashed #f57c00; outline-offset: 2px; background: none; text-decoration: none; }
.${prefix}-popup { position: absolute; z-index: 20; max-width: 320px; padding: 8px 10px; background: #fff; color: #1f2329; border: 1px solid #dcdfe3; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 13px/1.5 system-ui, sans-serif; }
.${prefix}-popup .sev { display: inline-block; padding: 0 6px; border-radius: 9px; color: #fff; font-size: 12px; margin-right: 6px; }
.${prefix}-popup .sev.block { background: #c62828; } .${prefix}-popup .sev.review { background: #7b1fa2; } .${prefix}-popup .sev.warn { background: #b45309; } .${prefix}-popup .sev.info { background: #1565c0; }
.${prefix}-popup .sugg { color: #067a3a; margin-top: 2px; }
.${prefix}-popup button { margin-top: 6px; font: inherit; padding: 1px 8px; border: 1px solid #c9cdd2; border-radius: 4px; background: #fff; color: #1f2329; cursor: pointer; }
`;
}

/**
 * The plugin.
 * @param {object} options
 * @param {{check(article: object): any[]}} options.checker a `Checker` from `wxlint` (initialised)
 * @param {number} [options.delay=0] ms to wait after the last change before checking (0: next task)
 * @param {() => {title?: string, author?: string, digest?: string}} [options.fields] the fields outside the document
 * @param {(findings: any[], ms: number) => void} [options.onFindings] every result, the title's findings included
 * @param {boolean} [options.popup=true] the suggestion popup on click / keyboard focus of a mark
 * @param {'zh-CN' | 'en'} [options.locale='zh-CN']
 * @param {string} [options.classPrefix='wxlint']
 */
export function wxlintPlugin(options) {
  const { checker } = options || {};
  if (!checker || typeof checker.check !== 'function') throw new TypeError('wxlintPlugin: options.checker must be a wxlint Checker');
  const delay = Number.isFinite(options.delay) ? options.delay : 0;
  const prefix = options.classPrefix || 'wxlint';
  const labels = options.locale === 'en' ? SEVERITY_EN : SEVERITY_ZH;
  const ignored = new Set();
  const ignoreKey = (f) => `${f.rule}\u0001${f.text}`;

  function run(doc) {
    const t0 = (globalThis.performance || Date).now();
    const { article, maps } = articleFromDoc(doc, options.fields ? options.fields() : {});
    const findings = checker.check(article).filter((f) => !ignored.has(ignoreKey(f)));
    const ranges = findingRanges(findings, maps);
    return { decorations: decorationsFor(doc, ranges, prefix), findings, ranges, article, ms: (globalThis.performance || Date).now() - t0 };
  }

  return new Plugin({
    key: wxlintKey,
    state: {
      init: (_, state) => run(state.doc),
      apply(tr, value) {
        const next = tr.getMeta(wxlintKey);
        if (next) return next;
        if (!tr.docChanged) return value;
        // Until the next check, the marks move with the text.
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), stale: true };
      },
    },
    props: {
      decorations: (state) => wxlintKey.getState(state).decorations,
    },
    view(view) {
      let timer = null;
      let popup = null;
      const doc = view.dom.ownerDocument;
      if (!doc.getElementById(`${prefix}-style`)) {
        const style = doc.createElement('style');
        style.id = `${prefix}-style`;
        style.textContent = styleText(prefix);
        doc.head.appendChild(style);
      }
      const check = () => {
        timer = null;
        if (view.isDestroyed) return;
        const result = run(view.state.doc);
        view.dispatch(view.state.tr.setMeta(wxlintKey, result).setMeta('addToHistory', false));
        if (options.onFindings) options.onFindings(result.findings, result.ms);
      };
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(check, delay);
      };
      const closePopup = () => { if (popup) { popup.remove(); popup = null; } };
      const showPopup = (index) => {
        closePopup();
        const st = wxlintKey.getState(view.state);
        const r = st.ranges && st.ranges[index];
        if (!r || options.popup === false) return;
        const f = r.finding;
        const box = doc.createElement('div');
        box.className = `${prefix}-popup`;
        box.setAttribute('role', 'dialog');
        const sev = doc.createElement('span');
        sev.className = `sev ${f.severity}`;
        sev.textContent = labels[f.severity] || f.severity;
        const msg = doc.createElement('div');
        msg.append(sev, f.message);
        box.appendChild(msg);
        if (f.suggestion) {
          const s = doc.createElement('div');
          s.className = 'sugg';
          s.textContent = `${options.locale === 'en' ? 'Suggestion: ' : '建议：'}${f.suggestion}`;
          box.appendChild(s);
        }
        const ignore = doc.createElement('button');
        ignore.type = 'button';
        ignore.textContent = options.locale === 'en' ? 'Ignore' : '忽略';
        ignore.addEventListener('click', () => { ignored.add(ignoreKey(f)); closePopup(); check(); });
        box.appendChild(ignore);
        const coords = view.coordsAtPos(Math.min(r.to, view.state.doc.content.size));
        const host = view.dom.offsetParent || doc.body;
        const hr = host.getBoundingClientRect();
        box.style.left = `${coords.left - hr.left + host.scrollLeft}px`;
        box.style.top = `${coords.bottom - hr.top + host.scrollTop + 4}px`;
        host.appendChild(box);
        popup = box;
      };
      const onClick = (ev) => {
        const el = ev.target && ev.target.closest && ev.target.closest(`[data-wxlint-index]`);
        if (el && view.dom.contains(el)) showPopup(Number(el.getAttribute('data-wxlint-index')));
        else if (!(popup && popup.contains(ev.target))) closePopup();
      };
      const onKey = (ev) => { if (ev.key === 'Escape') closePopup(); };
      doc.addEventListener('mousedown', onClick, true);
      doc.addEventListener('keydown', onKey, true);
      return {
        update(v, prev) {
          if (v.state.doc !== prev.doc) { closePopup(); schedule(); }
        },
        destroy() {
          clearTimeout(timer);
          closePopup();
          doc.removeEventListener('mousedown', onClick, true);
          doc.removeEventListener('keydown', onKey, true);
        },
      };
    },
  });
}
