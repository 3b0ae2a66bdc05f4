//! The context of a finding: the text it is in, and a short excerpt around the match.

use std::collections::HashMap;
use wxlint::{Article, Block, Field, Finding};

/// Characters of context shown on each side of a match.
pub const CONTEXT_CHARS: usize = 15;
/// Longer matches are shortened to this many characters (and an ellipsis).
const MAX_MATCH_CHARS: usize = 40;

/// The text a finding's offsets refer to: a field, a body text block, or an image's caption.
pub fn text_of(article: &Article, field: Field, block: Option<usize>) -> &str {
    article.text_of(field, block)
}

/// Character positions of one text of an article (the last one asked for), so that each
/// finding in it costs a binary search instead of a scan of the whole text: findings are
/// sorted by field and block, so one document's output builds each index once. (Scanning
/// per finding made text and SARIF output quadratic: 30,000 findings on a 1 M-character line
/// took 90 s.) Also remembers the searches of source lines done for the text.
#[derive(Default)]
pub struct Positions {
    key: Option<(Field, Option<usize>, usize, usize)>,
    /// UTF-16 offset and byte offset of each character, and of the end.
    units: Vec<u32>,
    bytes: Vec<u32>,
    /// Character indices of the `\n`s.
    newlines: Vec<u32>,
    /// Source-line searches done for this text: (line index, segment or match) → column.
    pub(crate) found: HashMap<(usize, String), Option<usize>>,
}

impl Positions {
    /// The text a finding refers to, with its positions indexed.
    pub fn text<'a>(&mut self, article: &'a Article, field: Field, block: Option<usize>) -> &'a str {
        let text = text_of(article, field, block);
        let key = Some((field, block, text.as_ptr() as usize, text.len()));
        if self.key != key {
            self.key = key;
            self.units.clear();
            self.bytes.clear();
            self.newlines.clear();
            self.found.clear();
            let mut units = 0u32;
            for (i, (b, c)) in text.char_indices().enumerate() {
                self.units.push(units);
                self.bytes.push(b as u32);
                if c == '\n' {
                    self.newlines.push(i as u32);
                }
                units += c.len_utf16() as u32;
            }
            self.units.push(units);
            self.bytes.push(text.len() as u32);
        }
        text
    }

    /// Number of characters of the text.
    pub fn len(&self) -> usize {
        self.units.len().saturating_sub(1)
    }

    /// The index of the character at UTF-16 offset `units` (clamped), as [`char_index`].
    pub fn char_at(&self, units: usize) -> usize {
        self.units.partition_point(|&u| (u as usize) < units).min(self.len())
    }

    /// Characters `from..to` of the text.
    pub fn slice<'t>(&self, text: &'t str, from: usize, to: usize) -> &'t str {
        &text[self.bytes[from] as usize..self.bytes[to.max(from)] as usize]
    }

    /// The line of the text holding character `ch`: its index and its character range.
    pub fn line_of(&self, ch: usize) -> (usize, usize, usize) {
        let k = self.newlines.partition_point(|&n| (n as usize) < ch);
        let start = if k == 0 { 0 } else { self.newlines[k - 1] as usize + 1 };
        let end = self.newlines.get(k).map_or(self.len(), |&n| n as usize);
        (k, start, end)
    }
}

/// The index of the character at UTF-16 offset `units` (clamped to the text).
#[cfg(test)]
pub fn char_index(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.chars().enumerate() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.chars().count()
}

/// An excerpt around a match, ready to be marked up.
#[derive(Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// Text before the match, with a leading `…` when cut.
    pub before: String,
    /// The match (shortened with `…` when long). Empty for a position rather than a span.
    pub matched: String,
    /// Text after the match, with a trailing `…` when cut.
    pub after: String,
}

/// What to show for a finding: an excerpt of its text, or a description when there is no text
/// (an empty field, an image without caption).
#[derive(Debug, PartialEq, Eq)]
pub enum Context {
    Excerpt(Excerpt),
    Image(String),
    Empty,
}

/// [`context_in`] with the default context and a fresh index (tests).
#[cfg(test)]
pub fn context_of(article: &Article, f: &Finding) -> Context {
    context_in(article, f, CONTEXT_CHARS, &mut Positions::default())
}

/// The context of a finding with `around` characters on each side, using the positions of
/// the document's texts (see [`Positions`]).
pub fn context_in(article: &Article, f: &Finding, around: usize, pos: &mut Positions) -> Context {
    let text = pos.text(article, f.field, f.block);
    if text.is_empty() {
        if let (Field::Body, Some(Block::Image(img))) = (f.field, f.block.and_then(|b| article.blocks.get(b))) {
            return Context::Image(shorten(&img.src, 60));
        }
        return Context::Empty;
    }
    let start = pos.char_at(f.start);
    let end = pos.char_at(f.end).max(start);
    let from = start.saturating_sub(around);
    let to = (end + around).min(pos.len());
    let mut before = if from > 0 { "…".to_string() } else { String::new() };
    before.push_str(&visible(pos.slice(text, from, start)));
    let matched = if end - start > MAX_MATCH_CHARS {
        visible(pos.slice(text, start, start + MAX_MATCH_CHARS - 10)) + "…" + &visible(pos.slice(text, end - 9, end))
    } else {
        visible(pos.slice(text, start, end))
    };
    let mut after = visible(pos.slice(text, end, to));
    if to < pos.len() {
        after.push('…');
    }
    Context::Excerpt(Excerpt { before, matched, after })
}

/// Line breaks shown as `↵`, other control characters as spaces, and invisible format
/// characters (zero-width space and the like, a common way to slip past filters) spelled out.
fn visible(chars: &str) -> String {
    let mut out = String::new();
    for c in chars.chars() {
        match c {
            '\n' => out.push('↵'),
            c if c.is_control() => out.push(' '),
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' => {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wxlint::Severity;

    fn finding(block: usize, start: usize, end: usize) -> Finding {
        Finding {
            rule: "r".into(),
            severity: Severity::Warn,
            category: None,
            field: Field::Body,
            block: Some(block),
            start,
            end,
            text: String::new(),
            message: String::new(),
            suggestion: None,
        }
    }

    #[test]
    fn excerpt_counts_characters_and_marks_cuts() {
        let text = format!("{}😀赌\u{200b}球{}", "前".repeat(20), "后".repeat(20));
        let a = Article::from_paragraphs("t", [text]);
        // "😀" is two UTF-16 units: the match starts at unit 22.
        let Context::Excerpt(e) = context_of(&a, &finding(0, 22, 25)) else { panic!() };
        assert_eq!(e.before, format!("…{}😀", "前".repeat(14)));
        assert_eq!(e.matched, "赌<U+200B>球");
        assert_eq!(e.after, format!("{}…", "后".repeat(15)));
    }

    #[test]
    fn images_without_text_show_their_source() {
        let mut a = Article::from_paragraphs("t", ["x"]);
        a.blocks.push(Block::Image(wxlint::ImageBlock { src: "a.png".into(), ..Default::default() }));
        assert_eq!(context_of(&a, &finding(1, 0, 0)), Context::Image("a.png".into()));
        assert_eq!(char_index("a😀b", 3), 2);
        assert_eq!(char_index("ab", 9), 2);
        let mut pos = Positions::default();
        let a = Article::from_paragraphs("a😀b\ncd", ["ab"]);
        let text = pos.text(&a, Field::Title, None);
        for units in 0..9 {
            assert_eq!(pos.char_at(units), char_index(text, units), "{units}");
        }
        assert_eq!(pos.slice(text, 1, 3), "😀b");
        assert_eq!((pos.line_of(2), pos.line_of(3), pos.line_of(4), pos.line_of(6)), ((0, 0, 3), (0, 0, 3), (1, 4, 6), (1, 4, 6)));
        // Another text is indexed anew.
        assert_eq!(pos.text(&a, Field::Body, Some(0)), "ab");
        assert_eq!(pos.len(), 2);
    }
}
