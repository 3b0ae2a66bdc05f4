//! Where a finding is, as shown in text output: `标题:3`, `12:5` (source line and column), or
//! `¶4:7` (paragraph 4 of the body, when the reader did not know the source line).
//!
//! Columns count characters (not bytes, not UTF-16 units) and start at 1.

use super::context::Positions;
use std::fmt;
use wxlint::{Article, Block, Field, Finding};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// Title, author or digest, and a column in it.
    Field(Field, usize),
    /// A line and column of the source file.
    Line(usize, usize),
    /// A body block (1-based) and a column in its text, when its source line is unknown.
    Paragraph(usize, usize),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Field(field, col) => write!(f, "{}:{col}", field.label_zh()),
            Location::Line(line, col) => write!(f, "{line}:{col}"),
            Location::Paragraph(n, col) => write!(f, "¶{n}:{col}"),
        }
    }
}

/// Locates a finding. `block_lines` are the 1-based source lines of the body blocks (as the
/// reader reported them) and `source_lines` the lines of the source file.
///
/// With a known line, the column is exact when the block's text (or, failing that, the matched
/// text, once) is found verbatim in the source line — always so for plain text, usually for
/// Markdown and HTML written one paragraph per line. Otherwise the column counts within the
/// block's text.
#[cfg(test)]
pub fn locate(f: &Finding, article: &Article, block_lines: &[Option<usize>], source_lines: &[&str]) -> Location {
    locate_in(f, article, block_lines, source_lines, &mut Positions::default())
}

/// [`locate`], with the positions of the document's texts (see [`Positions`]).
pub fn locate_in(f: &Finding, article: &Article, block_lines: &[Option<usize>], source_lines: &[&str], pos: &mut Positions) -> Location {
    let text = pos.text(article, f.field, f.block);
    let start = pos.char_at(f.start);
    match (f.field, f.block) {
        (Field::Body, Some(b)) => match block_lines.get(b).copied().flatten().filter(|&l| l > 0) {
            Some(line) => in_source(text, start, &f.text, line, source_lines, pos)
                .map_or(Location::Line(line, start + 1), |(l, c)| Location::Line(l, c)),
            None => Location::Paragraph(b + 1, start + 1),
        },
        (field, _) => Location::Field(field, start + 1),
    }
}

/// Where a finding is, in the words of the editor: `标题`, `作者`, `摘要`, `正文第 3 段`,
/// `正文第 2 张图片` or `正文第 2 张图片的说明`. Paragraphs and images are counted separately,
/// from 1, as a reader counts them.
pub fn describe(f: &Finding, article: &Article) -> String {
    let b = match (f.field, f.block) {
        (Field::Body, Some(b)) => b,
        (field, _) => return field.label_zh().to_string(),
    };
    let before = article.blocks.iter().take(b);
    match article.blocks.get(b) {
        Some(Block::Image(img)) => {
            let n = 1 + before.filter(|x| matches!(x, Block::Image(_))).count();
            let on_caption = img.caption.as_deref().is_some_and(|c| !c.is_empty()) && f.end > f.start;
            format!("正文第 {n} 张图片{}", if on_caption { "的说明" } else { "" })
        }
        Some(Block::Text(_)) => format!("正文第 {} 段", 1 + before.filter(|x| matches!(x, Block::Text(_))).count()),
        None => format!("正文第 {} 段", b + 1),
    }
}

/// The source line and column of character `start` of a block that begins on line `line`.
/// Each search of a source line is done once per text (remembered in `pos`).
fn in_source(text: &str, start: usize, matched: &str, line: usize, source_lines: &[&str], pos: &mut Positions) -> Option<(usize, usize)> {
    // The block's line (`k`, 0-based) holding the start, and where that line starts.
    let (k, seg_start, seg_end) = pos.line_of(start);
    let segment = pos.slice(text, seg_start, seg_end);
    if !segment.trim().is_empty() {
        if let Some(src) = source_lines.get(line - 1 + k) {
            let found = pos
                .found
                .entry((line - 1 + k, String::new()))
                .or_insert_with(|| src.find(segment).map(|p| src[..p].chars().count()));
            if let Some(col) = *found {
                return Some((line + k, col + start - seg_start + 1));
            }
        }
    }
    // Markup inside the block (HTML tags, Markdown emphasis, entities): look for the match
    // itself, and trust it only when it occurs once on the block's first line.
    if k == 0 && !matched.is_empty() {
        let src = source_lines.get(line - 1)?;
        let found = pos.found.entry((line - 1, matched.to_string())).or_insert_with(|| {
            let mut found = src.match_indices(matched);
            match (found.next(), found.next()) {
                (Some((p, _)), None) => Some(src[..p].chars().count()),
                _ => None,
            }
        });
        return found.map(|col| (line, col + 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use wxlint::Severity;

    fn body(block: usize, start: usize, end: usize, text: &str) -> Finding {
        Finding {
            rule: "r".into(),
            severity: Severity::Warn,
            category: None,
            field: Field::Body,
            block: Some(block),
            start,
            end,
            text: text.into(),
            message: String::new(),
            suggestion: None,
        }
    }

    #[test]
    fn plain_text_columns_are_exact() {
        let source = "标题\n\n  第一段😀赌球\n";
        let lines: Vec<&str> = source.lines().collect();
        let a = Article::from_paragraphs("标题", ["第一段😀赌球"]);
        // 赌 is at UTF-16 offset 5 in the block but character 4 (😀 is one character): column
        // 5 in the block, 7 in the indented line.
        let loc = locate(&body(0, 5, 7, "赌球"), &a, &[Some(3)], &lines);
        assert_eq!(loc.to_string(), "3:7");
        assert_eq!(locate(&body(0, 5, 7, "赌球"), &a, &[None], &lines).to_string(), "¶1:5");
    }

    #[test]
    fn markup_falls_back_to_the_match_then_to_the_block() {
        let lines = ["<p>第一段<b>赌球</b>赌</p>", "<p>赌球<b>赌球</b></p>"];
        let a = Article::from_paragraphs("t", ["第一段赌球赌", "赌球赌球"]);
        assert_eq!(locate(&body(0, 3, 5, "赌球"), &a, &[Some(1), Some(2)], &lines), Location::Line(1, 10));
        // Twice on the line: the column counts within the block.
        assert_eq!(locate(&body(1, 2, 4, "赌球"), &a, &[Some(1), Some(2)], &lines), Location::Line(2, 3));
    }

    #[test]
    fn descriptions_count_paragraphs_and_images_separately() {
        let mut a = Article::from_paragraphs("标题", ["一", "二"]);
        a.blocks.insert(1, Block::Image(wxlint::ImageBlock { caption: Some("说明".into()), ..Default::default() }));
        assert_eq!(describe(&body(2, 0, 1, "二"), &a), "正文第 2 段");
        assert_eq!(describe(&body(1, 0, 0, ""), &a), "正文第 1 张图片");
        assert_eq!(describe(&body(1, 0, 2, "说明"), &a), "正文第 1 张图片的说明");
        let mut t = body(0, 0, 1, "标");
        t.field = Field::Digest;
        t.block = None;
        assert_eq!(describe(&t, &a), "摘要");
    }

    #[test]
    fn multi_line_blocks_and_fields() {
        let lines = ["一行", "二行赌球"];
        let a = Article::from_paragraphs("标题", ["一行\n二行赌球"]);
        assert_eq!(locate(&body(0, 5, 7, "赌球"), &a, &[Some(1)], &lines), Location::Line(2, 3));
        let mut t = body(0, 1, 2, "题");
        t.field = Field::Title;
        t.block = None;
        assert_eq!(locate(&t, &a, &[], &lines).to_string(), "标题:2");
    }
}
