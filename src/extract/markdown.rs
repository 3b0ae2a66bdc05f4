//! Markdown front end, on pulldown-cmark's event stream with source offsets.
//!
//! - The title is the text of the first level-1 heading, which is not emitted as a block (or
//!   `title:` of a YAML front matter block, which also gives `author:` and `digest:`).
//! - Other headings, paragraphs, list items, block-quote paragraphs, table cells and code
//!   blocks become text blocks; headings have `style.heading`.
//! - `![alt](src)` becomes an image block where it stands, splitting a paragraph's text
//!   around it; text sharing a paragraph with an image has `style.with_image`.
//! - A caption written as an emphasised paragraph after the image (`*图：……*`) is an ordinary
//!   text block (Markdown has no size or colour to record): the caption rule judges it.
//! - A soft line break joins two CJK characters directly and anything else with a space; a
//!   hard break is `\n`. Raw HTML blocks go through the HTML walker.
//! - `block_lines` holds the 1-based line where each block's text (or image) starts.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Extracted;
use crate::model::{Article, Block, ImageBlock, TextBlock, TextStyle};

/// Read a Markdown article.
pub fn extract_markdown(content: &str) -> Extracted {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut b = Builder::new(content);
    for (event, range) in Parser::new_ext(content, options).into_offset_iter() {
        let line = b.line_of(range.start);
        b.event(event, line);
    }
    b.boundary();
    Extracted { article: b.article, block_lines: b.block_lines, simplified: false }
}

/// Text being collected, with the soft-break rule applied when the next text arrives.
#[derive(Default)]
struct Buf {
    text: String,
    soft_break: bool,
    /// Line of the first text.
    line: Option<usize>,
}

impl Buf {
    fn push(&mut self, s: &str, line: usize) {
        if s.is_empty() {
            return;
        }
        if std::mem::take(&mut self.soft_break) && !self.text.is_empty() {
            let before = self.text.chars().next_back();
            let after = s.chars().next();
            if !(before.is_some_and(is_wide) && after.is_some_and(is_wide)) {
                self.text.push(' ');
            }
        }
        self.text.push_str(s);
        self.line.get_or_insert(line);
    }

    fn soft_break(&mut self) {
        self.soft_break = true;
    }

    fn hard_break(&mut self) {
        self.soft_break = false;
        self.text.push('\n');
    }

    fn take(&mut self) -> (String, Option<usize>) {
        let buf = std::mem::take(self);
        (buf.text, buf.line)
    }
}

/// Characters of CJK writing, where a line break inside a paragraph means nothing: ideographs,
/// kana, CJK and full-width punctuation, and the quotes, dashes and ellipsis Chinese text uses.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF
        | 0x2014 | 0x2018..=0x201F | 0x2026)
}

/// An image between its start and end events.
struct PendingImage {
    src: String,
    alt: Buf,
    line: usize,
    /// `false` inside the title heading.
    keep: bool,
}

struct Builder {
    article: Article,
    block_lines: Vec<Option<usize>>,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    block: Buf,
    /// Style of the block being collected.
    heading: bool,
    code: bool,
    /// The current paragraph (or item, cell…) holds an image.
    has_image: bool,
    /// Collecting the first `#` heading as the title.
    title: Option<Buf>,
    title_done: bool,
    /// Title from front matter, if any.
    front_title: Option<String>,
    /// The image whose alt text is being collected.
    image: Option<PendingImage>,
    /// Collecting a raw HTML block: (html, line).
    html: Option<(String, usize)>,
    metadata: Option<String>,
}

impl Builder {
    fn new(content: &str) -> Self {
        let line_starts = std::iter::once(0).chain(content.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Builder {
            article: Article::default(),
            block_lines: Vec::new(),
            line_starts,
            block: Buf::default(),
            heading: false,
            code: false,
            has_image: false,
            title: None,
            title_done: false,
            front_title: None,
            image: None,
            html: None,
            metadata: None,
        }
    }

    /// 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset).max(1)
    }

    /// Where text goes now: the image alt, the title, or the block.
    fn target(&mut self) -> &mut Buf {
        if let Some(image) = &mut self.image {
            &mut image.alt
        } else if let Some(title) = &mut self.title {
            title
        } else {
            &mut self.block
        }
    }

    fn event(&mut self, event: Event<'_>, line: usize) {
        if let Some(meta) = &mut self.metadata {
            match event {
                Event::Text(t) => meta.push_str(&t),
                Event::End(TagEnd::MetadataBlock(_)) => {
                    let meta = self.metadata.take().unwrap_or_default();
                    self.front_matter(&meta);
                }
                _ => {}
            }
            return;
        }
        if let Some((html, _)) = &mut self.html {
            match event {
                Event::Html(h) | Event::Text(h) => html.push_str(&h),
                Event::End(TagEnd::HtmlBlock) => {
                    let (html, line) = self.html.take().unwrap_or_default();
                    for block in super::html::html_blocks(&html) {
                        self.push_block(block, Some(line));
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::MetadataBlock(_)) => self.metadata = Some(String::new()),
            Event::Start(Tag::HtmlBlock) => {
                self.boundary();
                self.html = Some((String::new(), line));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                self.boundary();
                if level == pulldown_cmark::HeadingLevel::H1 && !self.title_done {
                    self.title = Some(Buf::default());
                } else {
                    self.heading = true;
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut title) = self.title.take() {
                    self.title_done = true;
                    let (text, text_line) = title.take();
                    let text = text.trim().to_string();
                    match &self.front_title {
                        None => self.article.title = text,
                        Some(front) if *front == text => {}
                        Some(_) => self.push_text(text, text_line, true),
                    }
                }
                self.boundary();
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.boundary();
                self.code = true;
            }
            Event::Start(
                Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            )
            | Event::Rule => self.boundary(),
            Event::Start(Tag::Image { dest_url, .. }) if self.image.is_none() => {
                // An image in the title heading is left out (its alt text too).
                let in_title = self.title.is_some();
                if !in_title {
                    self.has_image = true;
                    self.flush();
                }
                self.image = Some(PendingImage { src: dest_url.to_string(), alt: Buf::default(), line, keep: !in_title });
            }
            Event::End(TagEnd::Image) => {
                if let Some(PendingImage { src, mut alt, line, keep: true }) = self.image.take() {
                    let alt = alt.take().0.trim().to_string();
                    let image = ImageBlock { src, alt: (!alt.is_empty()).then_some(alt), ..ImageBlock::default() };
                    self.push_block(Block::Image(image), Some(line));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.target().push(&t, line),
            Event::InlineHtml(h) if is_br(&h) => self.target().hard_break(),
            Event::SoftBreak => self.target().soft_break(),
            Event::HardBreak => self.target().hard_break(),
            _ => {}
        }
    }

    /// End of a block-level construct: emit the pending text and forget the image flag.
    fn boundary(&mut self) {
        self.flush();
        self.has_image = false;
        self.heading = false;
        self.code = false;
    }

    /// Emit the pending text as a block when it has any.
    fn flush(&mut self) {
        let (text, line) = self.block.take();
        let text = if self.code { text.trim_end().to_string() } else { text.trim().to_string() };
        if !text.is_empty() {
            self.push_text(text, line, self.heading);
        }
    }

    fn push_text(&mut self, text: String, line: Option<usize>, heading: bool) {
        let style = TextStyle { heading, with_image: self.has_image, ..TextStyle::default() };
        self.push_block(Block::Text(TextBlock { text, style }), line);
    }

    fn push_block(&mut self, block: Block, line: Option<usize>) {
        self.article.blocks.push(block);
        self.block_lines.push(line);
    }

    /// Read `title:`, `author:` and `digest:` (or `description:`/`summary:`) of YAML front matter.
    fn front_matter(&mut self, yaml: &str) {
        for line in yaml.lines() {
            let Some((key, value)) = line.split_once(':') else { continue };
            if key.starts_with([' ', '\t']) {
                continue;
            }
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value)
                .to_string();
            match key.trim().to_ascii_lowercase().as_str() {
                "title" => {
                    self.article.title = value.clone();
                    self.front_title = Some(value);
                }
                "author" => self.article.author = value,
                "digest" | "description" | "summary" => self.article.digest = value,
                _ => {}
            }
        }
    }
}

/// Whether inline HTML is a line break tag (`<br>`, `<br/>`, `<br />`).
fn is_br(html: &str) -> bool {
    let h = html.trim().to_ascii_lowercase();
    h.starts_with("<br") && h[3..].trim_start_matches([' ', '/']).starts_with('>')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Align;

    fn text(b: &Block) -> &TextBlock {
        match b {
            Block::Text(t) => t,
            Block::Image(i) => panic!("expected text, got {i:?}"),
        }
    }

    fn image(b: &Block) -> &ImageBlock {
        match b {
            Block::Image(i) => i,
            Block::Text(t) => panic!("expected image, got {t:?}"),
        }
    }

    #[test]
    fn title_image_and_caption() {
        let md = "# 红星小学举行春季运动会\n\n4月10日上午，红星小学\n举行春季运动会。\n\n![开幕式](https://example.com/a.jpg)\n\n*图：运动员入场*\n\n## 比赛项目\n\n- 跳绳\n- 拔河 and\n  relay\n";
        let e = extract_markdown(md);
        assert_eq!(e.article.title, "红星小学举行春季运动会");
        let blocks = &e.article.blocks;
        assert_eq!(blocks.len(), 6);
        assert_eq!(text(&blocks[0]).text, "4月10日上午，红星小学举行春季运动会。");
        let img = image(&blocks[1]);
        assert_eq!((img.src.as_str(), img.alt.as_deref()), ("https://example.com/a.jpg", Some("开幕式")));
        let caption = text(&blocks[2]);
        assert_eq!(caption.text, "图：运动员入场");
        assert_eq!(caption.style.font_size, None);
        assert!(!caption.style.with_image);
        assert!(text(&blocks[3]).style.heading);
        assert_eq!(text(&blocks[3]).text, "比赛项目");
        assert_eq!(text(&blocks[4]).text, "跳绳");
        assert_eq!(text(&blocks[5]).text, "拔河 and relay");
        assert_eq!(e.block_lines, vec![Some(3), Some(6), Some(8), Some(10), Some(12), Some(13)]);
    }

    #[test]
    fn image_inside_a_paragraph_splits_it() {
        let e = extract_markdown("前文 ![](a.png) 后文  \n换行\n\n下一段");
        let b = &e.article.blocks;
        assert_eq!(b.len(), 4);
        assert_eq!(text(&b[0]).text, "前文");
        assert!(text(&b[0]).style.with_image);
        assert_eq!(image(&b[1]).alt, None);
        assert_eq!(text(&b[2]).text, "后文\n换行");
        assert!(text(&b[2]).style.with_image);
        assert!(!text(&b[3]).style.with_image);
        assert_eq!(e.article.title, "");
    }

    #[test]
    fn front_matter_and_html_blocks() {
        let md = "---\ntitle: \"题目\"\nauthor: 校办\ndigest: 摘要\n---\n\n# 题目\n\n<p style=\"text-align:center\">居中</p>\n\n```\ncode  x\n```\n";
        let e = extract_markdown(md);
        assert_eq!((e.article.title.as_str(), e.article.author.as_str(), e.article.digest.as_str()), ("题目", "校办", "摘要"));
        assert_eq!(e.article.blocks.len(), 2);
        assert_eq!(text(&e.article.blocks[0]).style.align, Some(Align::Center));
        assert_eq!(text(&e.article.blocks[1]).text, "code  x");
        assert_eq!(e.block_lines, vec![Some(9), Some(12)]);
    }

    #[test]
    fn image_in_the_title_is_left_out() {
        let e = extract_markdown("# ![校徽](logo.png) 校园新闻\n\n正文");
        assert_eq!(e.article.title, "校园新闻");
        assert_eq!(e.article.blocks.len(), 1);
    }

    #[test]
    fn second_h1_is_a_heading() {
        let e = extract_markdown("# 一\n\n# 二\n");
        assert_eq!(e.article.title, "一");
        assert!(text(&e.article.blocks[0]).style.heading);
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        let quotes = ">".repeat(100_000) + " 深";
        let _ = extract_markdown(&quotes);
        let lists: String = (0..2_000).map(|i| format!("{}- x\n", "  ".repeat(i))).collect();
        let _ = extract_markdown(&lists);
    }

    #[test]
    fn fixture() {
        let e = extract_markdown(include_str!("../../tests/fixtures/article.md"));
        assert_eq!(e.article.title, "青山镇中心小学举办科技节");
        let images: Vec<_> = e.article.blocks.iter().filter(|b| matches!(b, Block::Image(_))).collect();
        assert_eq!(images.len(), 2);
        assert!(e.article.blocks.iter().any(|b| matches!(b, Block::Text(t) if t.text.starts_with("图："))));
        assert!(e.block_lines.iter().all(Option::is_some));
    }
}
