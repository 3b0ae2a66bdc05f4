//! Reading a saved file into the neutral [`Article`] model (native builds only).
//!
//! Three front ends: [`html`] (a saved published article, a saved editor page of either
//! generation, or any fragment), [`markdown`] and [`text`]. [`detect_format`] picks one from
//! the file name or, failing that, the content.

pub mod html;
pub mod markdown;
pub mod text;

use std::path::Path;

use crate::model::Article;

/// The kind of input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

/// An extracted article and where its body blocks came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub article: Article,
    /// `block_lines[i]` is the 1-based source line where body block `i` starts, when known
    /// (Markdown and plain text; `None` for HTML). Same length as `article.blocks`.
    pub block_lines: Vec<Option<usize>>,
    /// Set when the markup had to be simplified before it could be read in linear time:
    /// elements nested deeper than 512 levels (flattened), more than 64 formatting elements
    /// left open or more than 64 attributes on one element (removed). The text is all kept,
    /// but styles and structure may be read differently from a browser.
    pub simplified: bool,
}

/// The warning for a [`Extracted::simplified`] document (Chinese, then English).
pub const SIMPLIFIED_WARNING: &str = "标记过于复杂（嵌套超过 512 层、未闭合的格式标签或属性过多），已简化后检查，文字未丢失，但样式和结构可能与浏览器显示不同 / markup too complex (nested over 512 levels, too many unclosed formatting tags or attributes): simplified before checking; no text was lost, styles and structure may differ from a browser's";

/// Decide the format: by extension (`.html`/`.htm`/`.xhtml`, `.md`/`.markdown`, `.txt`), else
/// by content: HTML when it starts with `<` or contains `<p`, `<section` or `<div`; Markdown
/// when a line starts with `# `; plain text otherwise.
pub fn detect_format(path: Option<&Path>, content: &str) -> Format {
    let ext = path.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => return Format::Markdown,
        Some("txt" | "text") => return Format::Text,
        _ => {}
    }
    let body = content.trim_start_matches('\u{FEFF}');
    let lower_has = |needle: &str| {
        body.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    if body.trim_start().starts_with('<') || lower_has("<p") || lower_has("<section") || lower_has("<div") {
        Format::Html
    } else if body.lines().any(|l| l.starts_with("# ")) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Extract an article from `content` read as `format`. Never fails: unrecognised input
/// gives an article with whatever could be found (possibly empty).
pub fn extract(content: &str, format: Format) -> Extracted {
    let content = content.strip_prefix('\u{FEFF}').unwrap_or(content);
    html::nesting::take_simplified();
    let mut extracted = match format {
        Format::Html => {
            let article = html::extract_html(content);
            let block_lines = vec![None; article.blocks.len()];
            Extracted { article, block_lines, simplified: false }
        }
        Format::Markdown => markdown::extract_markdown(content),
        Format::Text => text::extract_text(content),
    };
    extracted.simplified = html::nesting::take_simplified();
    extracted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    #[test]
    fn format_by_extension() {
        let p = |s: &str| detect_format(Some(Path::new(s)), "plain");
        assert_eq!(p("a.HTML"), Format::Html);
        assert_eq!(p("a.htm"), Format::Html);
        assert_eq!(p("a.md"), Format::Markdown);
        assert_eq!(p("a.markdown"), Format::Markdown);
        assert_eq!(p("a.txt"), Format::Text);
    }

    #[test]
    fn format_by_content() {
        assert_eq!(detect_format(None, "  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect_format(Some(Path::new("a.dat")), "标题\n<section>正文</section>"), Format::Html);
        assert_eq!(detect_format(None, "前言\n# 标题\n正文"), Format::Markdown);
        assert_eq!(detect_format(None, "标题\n正文 #1"), Format::Text);
        assert_eq!(detect_format(None, ""), Format::Text);
    }

    #[test]
    fn block_lines_match_blocks() {
        for (content, format) in [
            ("<p>一</p><p>二</p>", Format::Html),
            ("# 题\n\n一\n\n二\n", Format::Markdown),
            ("题\n一\n二\n", Format::Text),
        ] {
            let e = extract(content, format);
            assert_eq!(e.block_lines.len(), e.article.blocks.len());
            assert_eq!(e.article.blocks.len(), 2, "{format:?}");
            assert!(matches!(&e.article.blocks[1], Block::Text(t) if t.text == "二"));
        }
    }

    #[test]
    fn simplified_markup_is_flagged() {
        assert!(!extract("<p>一</p><div><b>二</b></div>", Format::Html).simplified);
        let deep = "<li><dd>x".repeat(600);
        for (content, format) in [(deep.clone(), Format::Html), (format!("# 题\n\n<div>\n{deep}\n</div>\n"), Format::Markdown)] {
            let e = extract(&content, format);
            assert!(e.simplified, "{format:?}");
            let text: String = e.article.blocks.iter().map(|b| match b { Block::Text(t) => t.text.as_str(), _ => "" }).collect();
            assert_eq!(text.matches('x').count(), 600, "{format:?}: no text lost");
        }
        // The flag does not leak into the next document.
        assert!(!extract("<p>一</p>", Format::Html).simplified);
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let e = extract("\u{FEFF}标题\n正文", Format::Text);
        assert_eq!(e.article.title, "标题");
    }
}
