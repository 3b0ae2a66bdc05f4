//! The context of a finding: the text it is in, and a short excerpt around the match.

use wxlint::{Article, Block, Field, Finding};

/// Characters of context shown on each side of a match.
pub const CONTEXT_CHARS: usize = 15;
/// Longer matches are shortened to this many characters (and an ellipsis).
const MAX_MATCH_CHARS: usize = 40;

/// The text a finding's offsets refer to: a field, a body text block, or an image's caption.
pub fn text_of(article: &Article, field: Field, block: Option<usize>) -> &str {
    article.text_of(field, block)
}

/// The index of the character at UTF-16 offset `units` (clamped to the text).
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

pub fn context_of(article: &Article, f: &Finding) -> Context {
    context_with(article, f, CONTEXT_CHARS)
}

/// [`context_of`] with `around` characters of context on each side.
pub fn context_with(article: &Article, f: &Finding, around: usize) -> Context {
    let text = text_of(article, f.field, f.block);
    if text.is_empty() {
        if let (Field::Body, Some(Block::Image(img))) = (f.field, f.block.and_then(|b| article.blocks.get(b))) {
            return Context::Image(shorten(&img.src, 60));
        }
        return Context::Empty;
    }
    let chars: Vec<char> = text.chars().collect();
    let start = char_index(text, f.start);
    let end = char_index(text, f.end).max(start);
    let from = start.saturating_sub(around);
    let to = (end + around).min(chars.len());
    let mut before = if from > 0 { "…".to_string() } else { String::new() };
    before.push_str(&visible(&chars[from..start]));
    let matched = if end - start > MAX_MATCH_CHARS {
        visible(&chars[start..start + MAX_MATCH_CHARS - 10]) + "…" + &visible(&chars[end - 9..end])
    } else {
        visible(&chars[start..end])
    };
    let mut after = visible(&chars[end..to]);
    if to < chars.len() {
        after.push('…');
    }
    Context::Excerpt(Excerpt { before, matched, after })
}

/// Line breaks shown as `↵`, other control characters as spaces, and invisible format
/// characters (zero-width space and the like, a common way to slip past filters) spelled out.
fn visible(chars: &[char]) -> String {
    let mut out = String::new();
    for &c in chars {
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
    }
}
