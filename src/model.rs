//! The neutral article model.
//!
//! Every front end (the CLI's HTML/Markdown/text readers, the browser extension's DOM
//! extractor, an embedding editor using the npm package) turns its input into an
//! [`Article`]; every rule judges only this model. Text is kept exactly as written:
//! findings carry offsets into these strings (in UTF-16 code units), so a front end can map
//! a finding back to its own representation.
//!
//! The JSON/JS shape uses camelCase keys and a `type` tag on blocks:
//!
//! ```json
//! {"title": "…", "author": "…", "digest": "…",
//!  "blocks": [{"type": "text", "text": "…", "style": {"align": "center", "fontSize": 12,
//!              "color": "rgb(136,136,136)", "withImage": false}},
//!             {"type": "image", "src": "…", "alt": null, "width": 1080, "height": 608,
//!              "caption": null}]}
//! ```

use serde::{Deserialize, Serialize};

/// One article: the fields WeChat's editor has, and the body as ordered blocks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Article {
    pub title: String,
    pub author: String,
    /// 摘要. Empty when the author left it empty.
    pub digest: String,
    pub blocks: Vec<Block>,
}

/// A body block: a paragraph-like run of text, or an image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Text(TextBlock),
    Image(ImageBlock),
}

/// A paragraph (or heading, list item, table cell…) of body text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TextBlock {
    /// The text exactly as the reader sees it. Line breaks inside the block are `\n`.
    pub text: String,
    pub style: TextStyle,
}

/// Presentation hints the caption rule needs. All optional: a front end fills what it knows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct TextStyle {
    /// Horizontal alignment of the block.
    pub align: Option<Align>,
    /// Font size in CSS pixels of (most of) the block's text.
    pub font_size: Option<f32>,
    /// CSS colour of (most of) the block's text, as written (`#888`, `rgb(136, 136, 136)`, `gray`…).
    pub color: Option<String>,
    /// The text sits in the same paragraph as an image (a caption written beside the picture).
    pub with_image: bool,
    /// The block is a heading (`h1`–`h6`, or the editor's title style).
    pub heading: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// An image in the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ImageBlock {
    /// `src`, or `data-src` on saved WeChat pages.
    pub src: String,
    pub alt: Option<String>,
    /// Width in pixels when known (`data-w`, the natural width, or the `width` attribute).
    pub width: Option<u32>,
    /// Height in pixels when known (`data-w` × `data-ratio`, the natural height, `height`).
    pub height: Option<u32>,
    /// A caption the markup states explicitly (`<figcaption>`).
    pub caption: Option<String>,
}

impl Article {
    /// The text a finding's offsets refer to: a field, a body text block, or an image block's
    /// caption (empty when the block does not exist).
    pub fn text_of(&self, field: crate::finding::Field, block: Option<usize>) -> &str {
        use crate::finding::Field;
        match field {
            Field::Title => &self.title,
            Field::Author => &self.author,
            Field::Digest => &self.digest,
            Field::Body => match block.and_then(|b| self.blocks.get(b)) {
                Some(Block::Text(t)) => &t.text,
                Some(Block::Image(img)) => img.caption.as_deref().unwrap_or(""),
                None => "",
            },
        }
    }

    /// Every text of the article in check order: title, author, digest, then each body text
    /// block and each image caption, with the field and block a finding in it would name.
    /// Lexicon hits come in this order too.
    pub fn texts(&self) -> impl Iterator<Item = (crate::finding::Field, Option<usize>, &str)> {
        use crate::finding::Field;
        [(Field::Title, None, self.title.as_str()), (Field::Author, None, self.author.as_str()), (Field::Digest, None, self.digest.as_str())]
            .into_iter()
            .chain(self.blocks.iter().enumerate().filter_map(|(i, b)| match b {
                Block::Text(t) => Some((Field::Body, Some(i), t.text.as_str())),
                Block::Image(img) => img.caption.as_deref().map(|c| (Field::Body, Some(i), c)),
            }))
    }

    /// Convenience: an article whose body is one text block per paragraph.
    pub fn from_paragraphs<T: Into<String>>(title: &str, paragraphs: impl IntoIterator<Item = T>) -> Self {
        Article {
            title: title.to_string(),
            blocks: paragraphs
                .into_iter()
                .map(|p| Block::Text(TextBlock { text: p.into(), style: TextStyle::default() }))
                .collect(),
            ..Article::default()
        }
    }
}
