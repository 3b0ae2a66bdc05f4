//! Walking a body element into [`Block`]s.
//!
//! The walk goes through the tree in document order with an explicit stack (no recursion, so
//! depth costs heap, not call stack). Block-level elements end the current text block; text
//! between them accumulates with whitespace collapsed as a browser would (runs of ASCII
//! whitespace become one space, dropped at block edges; `<br>` is `\n`; `pre` keeps its
//! whitespace; non-ASCII characters such as U+200B or U+3000 are kept exactly). Images become
//! image blocks where they stand, splitting the text around them. Each text block carries the
//! style hints the caption rule needs: alignment, the font size and colour of most of its
//! characters, whether it shares its paragraph with an image, whether it is a heading.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::rc::Rc;

use scraper::{ElementRef, Node};

use super::image::{image, Caption, Figure};
use super::style::{self, InlineStyle};
use crate::model::{Align, Block, TextBlock, TextStyle};

/// Elements that start and end a text block.
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "audio", "blockquote", "body", "canvas", "caption", "center",
    "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
    "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "video", "xmp",
];

/// Elements left out with everything inside them.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "textarea", "select", "iframe",
    "object", "datalist", "frameset", "noembed", "noframes",
];

/// Inline `display` values that make an element block-level.
const BLOCK_DISPLAYS: &[&str] = &["block", "flex", "grid", "list-item", "table", "table-row", "table-cell", "flow-root"];

/// What the walk produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Text and image blocks, figure captions attached to their images.
    Body,
    /// Text only (for titles and captions): images are ignored.
    TextOnly,
}

/// Walk `root` into blocks, leaving out the elements in `skip` (e.g. the `h1` taken as title).
pub(crate) fn walk<'a>(root: ElementRef<'a>, skip: &[ElementRef<'a>], mode: Mode) -> Vec<Block> {
    let mut walker = Walker::new(root, skip, mode);
    walker.run();
    walker.blocks
}

/// The text of an element as a reader sees it, its blocks joined by `separator`.
pub(crate) fn text_of(el: ElementRef<'_>, separator: &str) -> String {
    walk(el, &[], Mode::TextOnly)
        .into_iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(t.text),
            Block::Image(_) => None,
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// A stable identity for an element of a parsed document (its address in the tree).
fn key(el: ElementRef<'_>) -> usize {
    el.value() as *const scraper::node::Element as usize
}

/// Placeholder nodes of the editors (and ProseMirror's own separator images and trailing
/// breaks): not part of the article.
pub(crate) fn is_placeholder(el: ElementRef<'_>) -> bool {
    let e = el.value();
    e.id() == Some("edui1_contentplaceholder")
        || e.classes().any(|c| {
            c == "editor_content_placeholder"
                || c == "ProseMirror-widget"
                || c == "ProseMirror-separator"
                || (c == "ProseMirror-trailingBreak" && e.name() == "br")
        })
}

/// An element's `style` attribute: a scan of its few attributes (`ElementRef::attr` interns the
/// name as an atom first, on every element of every page).
fn style_attr<'a>(el: ElementRef<'a>) -> &'a str {
    el.value().attrs().find(|&(name, _)| name == "style").map_or("", |(_, value)| value)
}

/// Whether an element is left out of the walk with its content.
fn is_skipped(el: ElementRef<'_>) -> bool {
    SKIPPED_TAGS.contains(&el.value().name()) || is_placeholder(el)
}

/// Whether an element is block-level, by tag or by inline `display`.
fn is_block(el: ElementRef<'_>, inline: &InlineStyle) -> bool {
    BLOCK_TAGS.contains(&el.value().name())
        || inline.display.as_deref().is_some_and(|d| BLOCK_DISPLAYS.contains(&d))
}

/// Inherited state of an open element.
#[derive(Clone, Default)]
struct Frame<'a> {
    is_block: bool,
    /// Identity of the nearest block-level element (this one or an ancestor).
    block_key: usize,
    align: Option<Align>,
    font_size: Option<f32>,
    color: Option<Rc<str>>,
    heading: bool,
    pre: bool,
    figure: Option<Rc<Figure<'a>>>,
}

enum Step<'a> {
    Enter(ElementRef<'a>),
    Leave,
    Text(&'a str),
}

/// The text block being accumulated.
#[derive(Default)]
struct Pending {
    text: String,
    /// A collapsible space is waiting for the next visible character.
    space: bool,
    /// Some of the text is pre-formatted.
    pre: bool,
    /// Character counts per font size (its bits) and per colour.
    sizes: Tally<Option<u32>>,
    colors: Tally<Option<Rc<str>>>,
    /// Captured from the first text: the same for all of a block's text.
    style: Option<(Option<Align>, bool, bool)>,
}

struct Walker<'a, 's> {
    root: ElementRef<'a>,
    skip: &'s [ElementRef<'a>],
    mode: Mode,
    /// Block-level elements that directly hold an image.
    image_paragraphs: HashSet<usize>,
    /// What each `<figure>` holds (body mode), found in one pass before the walk.
    figures: HashMap<usize, Rc<Figure<'a>>>,
    frames: Vec<Frame<'a>>,
    pending: Pending,
    blocks: Vec<Block>,
}

impl<'a, 's> Walker<'a, 's> {
    fn new(root: ElementRef<'a>, skip: &'s [ElementRef<'a>], mode: Mode) -> Self {
        let mut walker = Walker {
            root,
            skip,
            mode,
            image_paragraphs: HashSet::new(),
            figures: HashMap::new(),
            frames: Vec::new(),
            pending: Pending::default(),
            blocks: Vec::new(),
        };
        if mode == Mode::Body {
            walker.find_image_paragraphs();
            walker.find_figures();
        }
        walker
    }

    /// For every `<figure>`: whether it holds an image, and its first `<figcaption>`. One pass
    /// over the elements: each image or caption marks the figures around it, stopping at the
    /// first already marked (whose ancestors are marked too). A caption's text is read only
    /// when an image reached by the walk asks for it, once however many figures it belongs to
    /// (reading each figure's caption in turn cost depth × size: 500 nested figures around a
    /// 6 MB caption took 2.9 GB).
    fn find_figures(&mut self) {
        let mut has_image: HashSet<usize> = HashSet::new();
        let mut captions: HashMap<usize, Rc<Caption<'a>>> = HashMap::new();
        let mut any_figure = false;
        for el in self.root.descendent_elements() {
            match el.value().name() {
                "figure" => any_figure = true,
                "img" if any_figure => {
                    for a in el.ancestors().filter_map(ElementRef::wrap).filter(|a| a.value().name() == "figure") {
                        if !has_image.insert(key(a)) {
                            break;
                        }
                    }
                }
                "figcaption" if any_figure => {
                    let mut caption: Option<Rc<Caption<'a>>> = None;
                    for a in el.ancestors().filter_map(ElementRef::wrap).filter(|a| a.value().name() == "figure") {
                        if captions.contains_key(&key(a)) {
                            break;
                        }
                        let c = caption.get_or_insert_with(|| Rc::new(Caption::new(el)));
                        captions.insert(key(a), c.clone());
                    }
                }
                _ => {}
            }
        }
        for el in self.root.descendent_elements().filter(|e| e.value().name() == "figure") {
            let k = key(el);
            let caption = captions.get(&k).cloned();
            self.figures.insert(k, Rc::new(Figure { has_image: has_image.contains(&k), caption, given: Default::default() }));
        }
    }

    /// Note the nearest block-level ancestor of every image.
    fn find_image_paragraphs(&mut self) {
        let root_key = key(self.root);
        for img in self.root.descendent_elements().filter(|e| e.value().name() == "img" && !is_placeholder(*e)) {
            let ancestors: Vec<ElementRef<'a>> =
                img.ancestors().filter_map(ElementRef::wrap).take_while(|a| *a != self.root).collect();
            if ancestors.iter().any(|a| is_skipped(*a) || self.skip.contains(a)) {
                continue;
            }
            let paragraph = ancestors
                .into_iter()
                .find(|a| is_block(*a, &InlineStyle::parse(style_attr(*a))))
                .map_or(root_key, key);
            self.image_paragraphs.insert(paragraph);
        }
    }

    fn run(&mut self) {
        let mut steps = vec![Step::Enter(self.root)];
        while let Some(step) = steps.pop() {
            match step {
                Step::Text(text) => self.text(text),
                Step::Leave => {
                    if let Some(frame) = self.frames.pop() {
                        if frame.is_block {
                            self.flush();
                        }
                    }
                }
                Step::Enter(el) => {
                    if self.enter(el) {
                        steps.push(Step::Leave);
                        for child in el.children().rev() {
                            if let Some(e) = ElementRef::wrap(child) {
                                steps.push(Step::Enter(e));
                            } else if let Node::Text(t) = child.value() {
                                steps.push(Step::Text(t));
                            }
                        }
                    }
                }
            }
        }
        self.flush();
    }

    /// Handle an element's start; returns whether to walk into it (a frame was pushed).
    fn enter(&mut self, el: ElementRef<'a>) -> bool {
        let name = el.value().name();
        let inline = InlineStyle::parse(style_attr(el));
        let is_root = el == self.root;
        let block = is_root || is_block(el, &inline);
        if !is_root && (is_skipped(el) || self.skip.contains(&el)) {
            if block {
                self.flush();
            }
            return false;
        }
        let parent = self.frames.last().cloned().unwrap_or_default();
        match name {
            "br" => {
                self.line_break();
                return false;
            }
            "img" => {
                if self.mode == Mode::Body {
                    self.flush();
                    let caption = parent.figure.as_ref().and_then(|f| f.caption_for_next_image());
                    self.blocks.push(Block::Image(image(el, &inline, caption)));
                }
                return false;
            }
            "figcaption" if parent.figure.as_ref().is_some_and(|f| f.has_image) => {
                // Already attached to the figure's image.
                self.flush();
                return false;
            }
            _ => {}
        }
        if block {
            self.flush();
        }
        let frame = Frame {
            is_block: block,
            block_key: if block { key(el) } else { parent.block_key },
            align: if block {
                inline
                    .text_align
                    .or_else(|| el.attr("align").and_then(style::parse_align))
                    .or(if name == "center" { Some(Align::Center) } else { None })
                    .or(parent.align)
            } else {
                parent.align
            },
            font_size: inline
                .font_size
                .or_else(|| if name == "font" { el.attr("size").and_then(style::font_tag_size) } else { None })
                .map(|size| size.resolve(parent.font_size))
                .or(parent.font_size),
            color: inline
                .color
                .or_else(|| if name == "font" { el.attr("color").and_then(style::parse_color) } else { None })
                .map(Rc::from)
                .or(parent.color.clone()),
            heading: parent.heading || matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
            pre: parent.pre
                || matches!(name, "pre" | "listing" | "xmp" | "plaintext")
                || inline.white_space.as_deref().is_some_and(|w| matches!(w, "pre" | "pre-wrap" | "break-spaces")),
            figure: if name == "figure" && self.mode == Mode::Body {
                self.figures.get(&key(el)).cloned()
            } else {
                parent.figure.clone()
            },
        };
        self.frames.push(frame);
        true
    }

    /// Append a text node's content to the pending block.
    fn text(&mut self, text: &str) {
        let Some(frame) = self.frames.last() else { return };
        let p = &mut self.pending;
        let before = p.text.len();
        let mut visible = 0usize;
        if frame.pre {
            if p.space {
                p.text.push(' ');
                p.space = false;
            }
            p.text.push_str(text);
            p.pre = true;
            visible = text.chars().filter(|c| !c.is_whitespace()).count();
        } else {
            for c in text.chars() {
                if c.is_ascii_whitespace() {
                    if !p.text.is_empty() && !p.text.ends_with('\n') {
                        p.space = true;
                    }
                } else {
                    if p.space {
                        p.text.push(' ');
                        p.space = false;
                    }
                    p.text.push(c);
                    if !c.is_whitespace() {
                        visible += 1;
                    }
                }
            }
        }
        if p.text.len() > before && p.style.is_none() {
            let with_image = self.image_paragraphs.contains(&frame.block_key);
            p.style = Some((frame.align, frame.heading, with_image));
        }
        if visible > 0 {
            p.sizes.add(frame.font_size.map(f32::to_bits), visible);
            p.colors.add(frame.color.clone(), visible);
        }
    }

    fn line_break(&mut self) {
        self.pending.text.push('\n');
        self.pending.space = false;
    }

    /// End the pending text block, emitting it when it has anything visible.
    fn flush(&mut self) {
        let p = &mut self.pending;
        let text = if p.pre {
            p.text.trim_start_matches(['\n', '\r']).trim_end_matches(|c: char| c.is_ascii_whitespace())
        } else {
            p.text.trim_matches(|c: char| c.is_ascii_whitespace())
        };
        if text.chars().any(is_visible) {
            let (align, heading, with_image) = p.style.unwrap_or((None, false, false));
            self.blocks.push(Block::Text(TextBlock {
                text: text.to_string(),
                style: TextStyle {
                    align,
                    font_size: p.sizes.majority().flatten().map(f32::from_bits),
                    color: p.colors.majority().flatten().map(|c| c.to_string()),
                    with_image,
                    heading,
                },
            }));
        }
        p.reset();
    }
}

impl Pending {
    /// Empty again, as [`Default`], keeping the buffers' capacity for the next block (a page's
    /// blocks would otherwise each grow a new text buffer from nothing).
    fn reset(&mut self) {
        let Pending { text, space, pre, sizes, colors, style } = self;
        text.clear();
        *space = false;
        *pre = false;
        sizes.clear();
        colors.clear();
        *style = None;
    }
}

/// Whether a character shows as something (not whitespace, not a zero-width format character).
fn is_visible(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Counts per value, in order of first appearance; a map finds a value's entry, so 100,000
/// distinct colours in one paragraph cost 100,000 steps, not 100,000².
struct Tally<T> {
    counts: Vec<(T, usize)>,
    index: HashMap<T, usize>,
}

impl<T> Default for Tally<T> {
    fn default() -> Self {
        Tally { counts: Vec::new(), index: HashMap::new() }
    }
}

/// Up to this many distinct values, a [`Tally`] finds a value by a scan (a block has one to
/// three sizes and colours: no hashing, no map allocated); beyond, through its map.
const TALLY_SCAN: usize = 8;

impl<T: Hash + Eq + Clone> Tally<T> {
    fn add(&mut self, value: T, n: usize) {
        if self.counts.len() <= TALLY_SCAN {
            if let Some(entry) = self.counts.iter_mut().find(|(v, _)| *v == value) {
                entry.1 += n;
                return;
            }
            self.counts.push((value, n));
            if self.counts.len() > TALLY_SCAN {
                self.index = self.counts.iter().enumerate().map(|(i, (v, _))| (v.clone(), i)).collect();
            }
            return;
        }
        match self.index.get(&value) {
            Some(&i) => self.counts[i].1 += n,
            None => {
                self.index.insert(value.clone(), self.counts.len());
                self.counts.push((value, n));
            }
        }
    }

    fn clear(&mut self) {
        self.counts.clear();
        self.index.clear();
    }

    /// The value with the highest count; the earliest one on a tie.
    fn majority(&self) -> Option<T> {
        let mut best: Option<&(T, usize)> = None;
        for entry in &self.counts {
            if best.is_none_or(|b| entry.1 > b.1) {
                best = Some(entry);
            }
        }
        best.map(|(v, _)| v.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn body_blocks(html: &str) -> Vec<Block> {
        let doc = Html::parse_document(html);
        let body = doc.root_element().child_elements().find(|e| e.value().name() == "body").unwrap();
        walk(body, &[], Mode::Body)
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Text(t) => Some(t.text.as_str()),
                Block::Image(_) => None,
            })
            .collect()
    }

    fn text_block(b: &Block) -> &TextBlock {
        match b {
            Block::Text(t) => t,
            Block::Image(i) => panic!("expected text, got image {i:?}"),
        }
    }

    fn image_block(b: &Block) -> &crate::model::ImageBlock {
        match b {
            Block::Image(i) => i,
            Block::Text(t) => panic!("expected image, got text {t:?}"),
        }
    }

    #[test]
    fn collapses_whitespace_like_a_browser() {
        let blocks = body_blocks(
            "<div>\n  <p>  Hello \n\t <b>big</b>   world  </p>\n <p>a<br>  b <br></p><p> \u{200B}x\u{3000}y\u{a0} z </p><p> \n </p><p>&nbsp;</p></div>",
        );
        assert_eq!(texts(&blocks), vec!["Hello big world", "a\nb", "\u{200B}x\u{3000}y\u{a0} z"]);
    }

    #[test]
    fn inline_elements_do_not_split_but_blocks_do() {
        let blocks = body_blocks("<section>前<span>中</span><em>后</em><div>另一段</div>尾</section>");
        assert_eq!(texts(&blocks), vec!["前中后", "另一段", "尾"]);
    }

    #[test]
    fn pre_keeps_whitespace() {
        let blocks = body_blocks("<pre>\n  a  b\n    c\n</pre><p style='white-space:pre-wrap'>x  y</p>");
        assert_eq!(texts(&blocks), vec!["  a  b\n    c", "x  y"]);
    }

    #[test]
    fn style_hints_come_from_the_majority_of_characters() {
        let blocks = body_blocks(
            r#"<section style="text-align: center; color: #333"><p><span style="font-size:12px;color:rgb(136, 136, 136)">▲ 学生在操场参加升旗仪式</span>图</p><h2 align="right"><font color="red" size="2">标题</font></h2><p style="font-size:0.75em">小字</p></section>"#,
        );
        let caption = text_block(&blocks[0]);
        assert_eq!(caption.text, "▲ 学生在操场参加升旗仪式图");
        assert_eq!(caption.style.align, Some(Align::Center));
        assert_eq!(caption.style.font_size, Some(12.0));
        assert_eq!(caption.style.color.as_deref(), Some("rgb(136, 136, 136)"));
        assert!(!caption.style.heading && !caption.style.with_image);
        let heading = text_block(&blocks[1]);
        assert!(heading.style.heading);
        assert_eq!(heading.style.align, Some(Align::Right));
        assert_eq!(heading.style.color.as_deref(), Some("red"));
        assert_eq!(heading.style.font_size, Some(13.0));
        assert_eq!(text_block(&blocks[2]).style.font_size, Some(12.0));
        assert_eq!(text_block(&blocks[2]).style.color.as_deref(), Some("#333"));
    }

    #[test]
    fn unstyled_majority_means_unknown_size() {
        let blocks = body_blocks(r#"<p>很长的一段正文文字<span style="font-size:12px">小</span></p>"#);
        assert_eq!(text_block(&blocks[0]).style.font_size, None);
    }

    #[test]
    fn image_inside_a_paragraph_splits_its_text() {
        let blocks = body_blocks(
            r#"<p>前文<img src="a.png"><span style="font-size:12px;color:#999">图为运动会开幕式</span></p><p>下一段</p>"#,
        );
        assert_eq!(blocks.len(), 4);
        assert_eq!(text_block(&blocks[0]).text, "前文");
        assert!(text_block(&blocks[0]).style.with_image);
        assert_eq!(image_block(&blocks[1]).src, "a.png");
        let caption = text_block(&blocks[2]);
        assert_eq!(caption.text, "图为运动会开幕式");
        assert!(caption.style.with_image);
        assert_eq!(caption.style.font_size, Some(12.0));
        assert!(!text_block(&blocks[3]).style.with_image);
    }

    #[test]
    fn image_in_a_nested_block_does_not_mark_the_outer_text() {
        let blocks = body_blocks(r#"<section>外层文字<p><img src="a.png"></p></section>"#);
        assert!(!text_block(&blocks[0]).style.with_image);
    }

    #[test]
    fn figcaption_becomes_the_image_caption() {
        let blocks = body_blocks(
            r#"<figure><img src="a.png"><figcaption> 图：学生<br>合影 </figcaption></figure><figure><figcaption>无图的说明</figcaption></figure>"#,
        );
        assert_eq!(blocks.len(), 2);
        assert_eq!(image_block(&blocks[0]).caption.as_deref(), Some("图：学生\n合影"));
        assert_eq!(text_block(&blocks[1]).text, "无图的说明");
    }

    #[test]
    fn placeholders_and_scripts_are_left_out() {
        let blocks = body_blocks(
            r#"<div class="editor_content_placeholder">从这里开始写正文</div><p>正文<br class="ProseMirror-trailingBreak"></p><span class="ProseMirror-widget">x</span><script>var a = "不要";</script><style>p{}</style><noscript>无</noscript><template><p>模板</p></template><div id="edui1_contentplaceholder">占位</div>"#,
        );
        assert_eq!(texts(&blocks), vec!["正文"]);
    }

    #[test]
    fn table_cells_and_list_items_are_blocks() {
        let blocks = body_blocks("<table><tr><td>甲</td><td>乙</td></tr></table><ul><li>一</li><li>二<ul><li>二点一</li></ul></li></ul>");
        assert_eq!(texts(&blocks), vec!["甲", "乙", "一", "二", "二点一"]);
    }

    #[test]
    fn text_of_joins_blocks() {
        let doc = Html::parse_document("<div id=t><p>一</p><p> 二 <img src=x> 三</p></div>");
        let el = doc.select(&scraper::Selector::parse("#t").unwrap()).next().unwrap();
        assert_eq!(text_of(el, "|"), "一|二 三");
    }
}
