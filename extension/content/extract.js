// DOM → article model (src/model.rs) + a map from each block's UTF-16 offsets back to DOM text
// nodes. Only extraction: every judgement is made by the Rust checker.
//
// Text is the exact concatenation of the text nodes' data (offsets map back 1:1). The only
// things left out: whitespace-only text nodes (and <br>) at the start or end of a block,
// placeholder nodes, and blocks with nothing visible. <br> inside a block is "\n", recorded in
// the map as a zero-content boundary.
(function () {
  'use strict';
  const ns = globalThis.wxlint;
  const S = ns.selectors;
  /** Placeholder nodes of the site being extracted (set by extractArticle). */
  let PLACEHOLDER = S.wechat.placeholders.join(', ');
  const BLOCK_TAGS = new Set(S.blockTags);
  const SKIP_TAGS = new Set(S.skipTags);
  const BLOCK_DISPLAYS = new Set(S.blockDisplays);
  const HEADINGS = new Set(S.headingTags);
  const WHITESPACE_ONLY = /^[ \t\n\r\f]*$/;
  const VISIBLE = /[^\s\u200B\u200C\u200D\u2060\uFEFF]/;

  const tagOf = (el) => (el.tagName || '').toUpperCase();

  function isPlaceholder(el, root) {
    if (el === root || !PLACEHOLDER) return false;
    try { return el.matches(PLACEHOLDER); } catch (_) { return false; }
  }

  function isSkipped(el, root) {
    return SKIP_TAGS.has(tagOf(el)) || isPlaceholder(el, root);
  }

  const DISPLAY = /(?:^|;)\s*display\s*:\s*([a-z-]+)/gi;

  /**
   * Block-level by tag or by an inline `display` (read from the attribute: touching
   * `el.style` makes Chromium write an empty style="" into the article when it is edited).
   */
  function isBlock(el) {
    if (BLOCK_TAGS.has(tagOf(el))) return true;
    const st = el.getAttribute('style');
    if (!st || !st.includes('display')) return false;
    let d = null;
    for (const m of st.matchAll(DISPLAY)) d = m[1].toLowerCase();
    return !!d && BLOCK_DISPLAYS.has(d);
  }

  /** Whether `node` is inside a left-out element, below `root`. */
  function insideSkipped(node, root) {
    for (let el = node.nodeType === 1 ? node : node.parentElement; el && el !== root; el = el.parentElement) {
      if (isSkipped(el, root)) return true;
    }
    return false;
  }

  /** The nearest block-level element of `node` below or at `root`. */
  function blockOf(node, root) {
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (el === root || isBlock(el)) return el;
    }
    return root;
  }

  function computedAlign(value) {
    switch (value) {
      case 'center': case '-webkit-center': case '-moz-center': return 'center';
      case 'right': case 'end': case '-webkit-right': case '-moz-right': return 'right';
      case 'justify': return 'justify';
      case 'left': case 'start': case '-webkit-left': case '-moz-left': return 'left';
      default: return null;
    }
  }

  function toInt(v) {
    return Number.isFinite(v) && v >= 0.5 && v < 4294967295 ? Math.round(v) : null;
  }

  function attrNumber(el, name) {
    const v = (el.getAttribute(name) || '').trim();
    if (!v || v.endsWith('%')) return null;
    const n = parseFloat(v);
    return Number.isFinite(n) ? n : null;
  }

  /** An <img> → ImageBlock (without caption). */
  function imageBlock(img) {
    const src = (img.getAttribute('data-src') || '').trim() || (img.getAttribute('src') || '').trim();
    const altAttr = (img.getAttribute('alt') || '').trim();
    let width = toInt(attrNumber(img, 'data-w'));
    if (width === null && img.naturalWidth) width = toInt(img.naturalWidth);
    if (width === null) width = toInt(attrNumber(img, 'width'));
    const ratio = attrNumber(img, 'data-ratio');
    let height = null;
    if (width !== null && ratio !== null && ratio > 0) height = toInt(width * ratio);
    if (height === null && img.naturalHeight) height = toInt(img.naturalHeight);
    if (height === null) height = toInt(attrNumber(img, 'height'));
    return { type: 'image', src, alt: altAttr || null, width, height, caption: null };
  }

  /**
   * Walk `root` into blocks. mode 'body': text and image blocks; mode 'text': text only.
   * Returns {blocks: [model block], maps: [block map]}. A text block map is
   * {type: 'text', el, segs}; an image block map is {type: 'image', el: img, segs (caption), captionEl}.
   * A segment is {node, start, length, br?, virtual?}: `start` in UTF-16 units of the block text.
   */
  function walk(root, mode) {
    const blocks = [];
    const maps = [];
    const styleCache = new Map();
    const cs = (el) => {
      let s = styleCache.get(el);
      if (!s) {
        const c = el.ownerDocument.defaultView.getComputedStyle(el);
        s = { fontSize: parseFloat(c.fontSize), color: c.color, align: c.textAlign };
        styleCache.set(el, s);
      }
      return s;
    };

    // Block elements that directly hold an image (their text is "with image").
    const imageParagraphs = new Set();
    if (mode === 'body') {
      for (const img of root.querySelectorAll('img')) {
        if (isSkipped(img, root) || insideSkipped(img, root)) continue;
        imageParagraphs.add(blockOf(img, root));
      }
    }

    let pending = null;
    const reset = () => {
      pending = { text: '', segs: [], waiting: [], counts: new Map(), blockEl: null, heading: false };
    };
    reset();

    const append = (seg, data) => {
      seg.start = pending.text.length;
      pending.segs.push(seg);
      pending.text += data;
    };

    const commitWaiting = () => {
      for (const w of pending.waiting) {
        if (w.br) append({ node: w.node, length: 1, br: true }, '\n');
        else append({ node: w.node, length: w.node.data.length }, w.node.data);
      }
      pending.waiting = [];
    };

    const flush = () => {
      const p = pending;
      reset();
      if (!VISIBLE.test(p.text)) return;
      let best = null;
      let bestCount = -1;
      for (const [el, n] of p.counts) if (n > bestCount) { best = el; bestCount = n; }
      const style = { align: null, fontSize: null, color: null, withImage: false, heading: p.heading };
      try {
        if (p.blockEl) style.align = computedAlign(cs(p.blockEl).align);
        if (best) {
          const s = cs(best);
          style.fontSize = Number.isFinite(s.fontSize) && s.fontSize > 0 ? s.fontSize : null;
          style.color = s.color || null;
        }
      } catch (_) { /* detached while walking */ }
      style.withImage = !!p.blockEl && imageParagraphs.has(p.blockEl);
      blocks.push({ type: 'text', text: p.text, style });
      maps.push({ type: 'text', el: p.blockEl || root, segs: p.segs });
    };

    const onText = (node, frame) => {
      const data = node.data;
      if (!data) return;
      if (WHITESPACE_ONLY.test(data)) {
        if (pending.text) pending.waiting.push({ node });
        return;
      }
      commitWaiting();
      if (!pending.blockEl) {
        pending.blockEl = frame.blockEl;
        pending.heading = frame.heading;
      }
      append({ node, length: data.length }, data);
      const parent = node.parentElement || root;
      let visible = 0;
      for (const ch of data) if (VISIBLE.test(ch)) visible += 1;
      if (visible) pending.counts.set(parent, (pending.counts.get(parent) || 0) + visible);
    };

    const onBr = (br) => {
      if (pending.text) pending.waiting.push({ node: br, br: true });
    };

    // Figures: the caption of a figure holding an image goes to its image block(s).
    const figureInfo = new Map();
    const figureOf = (fig) => {
      let info = figureInfo.get(fig);
      if (!info) {
        const img = [...fig.querySelectorAll('img')].find((i) => !isSkipped(i, root) && !insideSkipped(i, root));
        const fc = fig.querySelector('figcaption');
        let caption = null;
        if (img && fc && !insideSkipped(fc, root)) caption = flatten(fc, '\n');
        info = { hasImage: !!img, captionEl: fc, caption };
        figureInfo.set(fig, info);
      }
      return info;
    };

    // Iterative depth-first walk with enter/leave steps.
    /** @type {{node?: Node, frame?: any, leave?: boolean, block?: boolean}[]} */
    const stack = [{ node: root, frame: { blockEl: root, heading: HEADINGS.has(tagOf(root)), figure: null } }];
    while (stack.length) {
      const step = stack.pop();
      if (step.leave) {
        if (step.block) flush();
        continue;
      }
      const { node, frame } = step;
      if (node.nodeType === 3) { onText(node, frame); continue; }
      if (node.nodeType !== 1) continue;
      const el = node;
      const isRoot = el === root;
      const block = isRoot || isBlock(el);
      if (!isRoot && isSkipped(el, root)) {
        if (block) flush();
        continue;
      }
      const tag = tagOf(el);
      if (tag === 'BR') { onBr(el); continue; }
      if (tag === 'IMG') {
        if (mode === 'body') {
          flush();
          const image = imageBlock(el);
          const fig = frame.figure;
          let segs = [];
          let captionEl = null;
          if (fig && fig.caption && VISIBLE.test(fig.caption.text)) {
            image.caption = fig.caption.text;
            segs = fig.caption.segs;
            captionEl = fig.captionEl;
          }
          blocks.push(image);
          maps.push({ type: 'image', el, segs, captionEl });
        }
        continue;
      }
      if (tag === 'FIGCAPTION' && frame.figure && frame.figure.hasImage && mode === 'body') {
        flush();
        continue; // already attached to the figure's image
      }
      if (block) flush();
      const child = {
        blockEl: block ? el : frame.blockEl,
        heading: frame.heading || HEADINGS.has(tag),
        figure: tag === 'FIGURE' && mode === 'body' ? figureOf(el) : frame.figure,
      };
      stack.push({ leave: true, block });
      const kids = el.childNodes;
      for (let i = kids.length - 1; i >= 0; i -= 1) stack.push({ node: kids[i], frame: child });
    }
    flush();
    return { blocks, maps };
  }

  /**
   * The text of an element as one string (its blocks joined by `separator`, recorded as
   * virtual segments), with its segments: {text, segs}.
   */
  function flatten(el, separator) {
    const { blocks, maps } = walk(el, 'text');
    let text = '';
    const segs = [];
    blocks.forEach((b, i) => {
      if (i > 0) {
        segs.push({ node: null, start: text.length, length: separator.length, virtual: true });
        text += separator;
      }
      for (const s of maps[i].segs) segs.push({ ...s, start: s.start + text.length });
      text += b.text;
    });
    return { text, segs };
  }

  /** @param {Field | null} field @returns {{text: string | null, map: FieldMap | null}} */
  function fieldOf(field) {
    if (!field) return { text: null, map: null };
    if (field.kind === 'input') return { text: String(field.el.value ?? ''), map: { kind: 'input', el: field.el, readonly: !!field.readonly } };
    const { text, segs } = flatten(field.root, ' ');
    return { text, map: { kind: 'dom', el: field.root, segs, readonly: !!field.readonly } };
  }

  /**
   * Extract the article from a detected editor (adapters.detect()): the body is the blocks of
   * each of its roots, in order.
   * @param {Editor | null} editor
   * @returns {{article: Article, map: ArticleMap}}
   */
  function extractArticle(editor) {
    const site = (editor && editor.site) || 'wechat';
    PLACEHOLDER = ((S[site] && S[site].placeholders) || S.wechat.placeholders).join(', ');
    const title = fieldOf(editor && editor.title);
    const author = fieldOf(editor && editor.author);
    const digest = fieldOf(editor && editor.digest);
    /** @type {Block[]} */
    const blocks = [];
    const maps = [];
    for (const root of (editor && editor.body && editor.body.roots) || []) {
      if (!root.isConnected) continue;
      const w = walk(root, 'body');
      blocks.push(...w.blocks);
      maps.push(...w.maps);
    }
    // A field not recognised on the page is left out of the article: the checker then reports
    // nothing about it (an empty title found on the page is '', and 标题不能为空).
    /** @type {Article} */
    const article = { blocks };
    if (title.text !== null) article.title = title.text;
    if (author.text !== null) article.author = author.text;
    if (digest.text !== null) article.digest = digest.text;
    return {
      article,
      map: { title: title.map, author: author.map, digest: digest.map, blocks: maps, body: editor && editor.body },
    };
  }

  // ---- Offsets → DOM ------------------------------------------------------------------------

  /** A UTF-16 position in a segment list → [node, offset] (a DOM boundary point), or null. */
  /** @returns {[Node, number] | null} */
  function pointAt(segs, pos, isEnd) {
    let chosen = null;
    for (const s of segs) {
      if (!s.node) continue;
      const a = s.start;
      const b = s.start + s.length;
      if (isEnd ? pos > a && pos <= b : pos >= a && pos < b) { chosen = s; break; }
    }
    if (!chosen) {
      for (const s of segs) if (s.node && pos >= s.start && pos <= s.start + s.length) { chosen = s; break; }
    }
    if (!chosen) return null;
    const off = pos - chosen.start;
    if (chosen.br) {
      const parent = chosen.node.parentNode;
      if (!parent) return null;
      const idx = Array.prototype.indexOf.call(parent.childNodes, chosen.node);
      return [parent, off <= 0 ? idx : idx + 1];
    }
    return [chosen.node, Math.max(0, Math.min(off, chosen.node.length))];
  }

  /** A Range for [start, end) of a segment list, or null when the DOM moved on. */
  function rangeFor(segs, start, end) {
    if (!segs || !segs.length || !(end > start)) return null;
    const a = pointAt(segs, start, false);
    const b = pointAt(segs, end, true);
    if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
    try {
      const range = a[0].ownerDocument.createRange();
      range.setStart(a[0], a[1]);
      range.setEnd(b[0], b[1]);
      return range.collapsed ? null : range;
    } catch (_) {
      return null;
    }
  }

  /**
   * Where a finding is in the page:
   *   {kind: 'range', range, doc}              text in the body / title ProseMirror / figcaption;
   *   {kind: 'input', el, start, end}          text in an <input>/<textarea>;
   *   {kind: 'element', el}                    a whole image, block or field;
   *   null                                     not locatable (e.g. a hidden field).
   */
  /** @returns {Target | null} */
  function locate(finding, map) {
    if (!map) return null;
    if (finding.field !== 'body') {
      const f = map[finding.field];
      if (!f) return null;
      if (f.kind === 'input') {
        if (finding.end > finding.start) return { kind: 'input', el: f.el, start: finding.start, end: finding.end };
        return { kind: 'element', el: f.el };
      }
      const range = rangeFor(f.segs, finding.start, finding.end);
      return range ? { kind: 'range', range, doc: f.el.ownerDocument } : { kind: 'element', el: f.el };
    }
    const b = typeof finding.block === 'number' ? map.blocks[finding.block] : null;
    if (!b) return null;
    if (finding.end > finding.start) {
      const range = rangeFor(b.segs, finding.start, finding.end);
      if (range) return { kind: 'range', range, doc: b.el.ownerDocument };
    }
    return b.el && b.el.isConnected ? { kind: 'element', el: b.el } : null;
  }

  ns.extract = { extractArticle, walk, flatten, locate, rangeFor, pointAt };
})();
