//! Images: the attributes of an `<img>` as WeChat saves them, and `<figure>` captions.

use scraper::ElementRef;

use std::rc::Rc;

use super::style::{self, InlineStyle};
use crate::model::ImageBlock;

/// A figure and what the walk needs to know about it (found by the walk in one pass over
/// the document: whether it holds an `<img>`, and its first `<figcaption>`).
#[derive(Debug)]
pub(crate) struct Figure<'a> {
    pub has_image: bool,
    /// Shared by every figure whose first caption it is.
    pub caption: Option<Rc<Caption<'a>>>,
    /// Images given the caption so far.
    pub given: std::cell::Cell<usize>,
}

/// A `<figcaption>` and its text, read the first time an image asks for it: only captions the
/// walk reaches are read (500 nested figures around a 1 MB caption would otherwise read 500
/// captions of 1 MB each, one per figure, though the walk skips all but the outermost).
#[derive(Debug)]
pub(crate) struct Caption<'a> {
    el: ElementRef<'a>,
    text: std::cell::OnceCell<Option<Rc<str>>>,
}

impl<'a> Caption<'a> {
    pub fn new(el: ElementRef<'a>) -> Self {
        Caption { el, text: std::cell::OnceCell::new() }
    }

    /// The caption's text (blocks joined by line breaks); `None` when it is empty.
    pub fn text(&self) -> Option<&str> {
        self.text
            .get_or_init(|| Some(super::walk::text_of(self.el, "\n")).filter(|t| !t.is_empty()).map(Rc::from))
            .as_deref()
    }
}

/// Most caption bytes copied to the images of one figure beyond its first: every image of a
/// figure carries its caption, but 10,000 images under a 900 KB caption would copy 9 GB.
pub(crate) const MAX_CAPTION_COPIES_BYTES: usize = 64 * 1024;

impl Figure<'_> {
    /// The caption for the figure's next image: each one gets it while the copies stay within
    /// [`MAX_CAPTION_COPIES_BYTES`], then only the first does (the caption rule counts a run
    /// of images as captioned when one of them is).
    pub fn caption_for_next_image(&self) -> Option<String> {
        let caption = self.caption.as_ref()?.text()?;
        let n = self.given.get();
        if n > 0 && caption.len().saturating_mul(n) > MAX_CAPTION_COPIES_BYTES {
            return None;
        }
        self.given.set(n + 1);
        Some(caption.to_string())
    }
}

/// An image block from an `<img>`: `data-src` (saved WeChat pages) before `src`; width from
/// `data-w`, the `width` attribute or the inline style; height from `data-ratio` × width,
/// the `height` attribute or the inline style.
pub(crate) fn image(el: ElementRef<'_>, inline: &InlineStyle, caption: Option<String>) -> ImageBlock {
    let attr = |name: &str| el.attr(name).map(str::trim).filter(|v| !v.is_empty());
    let to_px = |v: f32| (v.is_finite() && v >= 0.5 && v < u32::MAX as f32).then(|| v.round() as u32);
    let width = attr("data-w")
        .and_then(style::attr_px)
        .or_else(|| attr("width").and_then(style::attr_px))
        .or(inline.width_px)
        .and_then(to_px);
    let ratio = attr("data-ratio").and_then(|r| r.parse::<f32>().ok()).filter(|r| r.is_finite() && *r > 0.0);
    let height = match (width, ratio) {
        (Some(w), Some(r)) => to_px(w as f32 * r),
        _ => attr("height").and_then(style::attr_px).or(inline.height_px).and_then(to_px),
    };
    ImageBlock {
        src: attr("data-src").or_else(|| attr("src")).unwrap_or_default().to_string(),
        alt: attr("alt").map(str::to_string),
        width,
        height,
        caption,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn blocks(html: &str) -> Vec<Block> {
        super::super::html_blocks(html)
    }

    fn image(b: &Block) -> &ImageBlock {
        match b {
            Block::Image(i) => i,
            Block::Text(t) => panic!("expected image, got {t:?}"),
        }
    }

    #[test]
    fn images_read_wechat_attributes() {
        let blocks = blocks(
            r#"<p><img data-src="https://mmbiz.qpic.cn/a/640" src="data:image/gif;base64,R0" data-w="1080" data-ratio="0.5625" alt=" 升旗 "></p>
               <p><img src="b.png" width="300" height="200"></p>
               <p><img src="c.png" style="width: 640px; height: 480px" data-ratio="0.75"></p>
               <p><img src="d.png" width="100%"></p>"#,
        );
        let a = image(&blocks[0]);
        assert_eq!(a.src, "https://mmbiz.qpic.cn/a/640");
        assert_eq!((a.width, a.height), (Some(1080), Some(608)));
        assert_eq!(a.alt.as_deref(), Some("升旗"));
        let b = image(&blocks[1]);
        assert_eq!((b.src.as_str(), b.width, b.height, b.alt.as_deref()), ("b.png", Some(300), Some(200), None));
        assert_eq!((image(&blocks[2]).width, image(&blocks[2]).height), (Some(640), Some(480)));
        assert_eq!((image(&blocks[3]).width, image(&blocks[3]).height), (None, None));
    }

    #[test]
    fn figure_caption_is_read_from_the_first_figcaption() {
        let b = blocks("<figure><img src=a><figcaption> 图：<b>学生</b> </figcaption></figure><figure><p>无图</p><figcaption>说明</figcaption></figure>");
        assert_eq!(image(&b[0]).caption.as_deref(), Some("图：学生"));
        // A figure without an image keeps its caption as text.
        assert!(matches!(&b[1], Block::Text(t) if t.text == "无图"));
        assert!(matches!(&b[2], Block::Text(t) if t.text == "说明"));
        // Nested figures: each image gets the caption of the figure it is in (its first
        // figcaption, in document order, wherever it is inside it).
        let b = blocks("<figure><figure><img src=in></figure><img src=out><figcaption>外</figcaption></figure>");
        let captions: Vec<_> = b.iter().filter_map(|b| match b { Block::Image(i) => Some(i.caption.as_deref()), _ => None }).collect();
        assert_eq!(captions, [None, Some("外")]);
        // Every image of a figure gets a short caption; a huge one is not copied without end.
        let b = blocks(&format!("<figure><figcaption>说明</figcaption>{}</figure>", "<img src=a>".repeat(5)));
        assert!(b.iter().all(|b| matches!(b, Block::Image(i) if i.caption.as_deref() == Some("说明"))), "{b:?}");
        let long = "图".repeat(100_000);
        let b = blocks(&format!("<figure><figcaption>{long}</figcaption>{}</figure>", "<img src=a>".repeat(1000)));
        let copied: usize = b.iter().map(|b| match b { Block::Image(i) => i.caption.as_ref().map_or(0, String::len), _ => 0 }).sum();
        assert!(copied <= long.len() + MAX_CAPTION_COPIES_BYTES, "{copied} bytes of captions");
        assert!(matches!(&b[0], Block::Image(i) if i.caption.as_deref() == Some(long.as_str())));
    }
}
