//! Plain-text front end: the first non-empty line is the title, every later non-empty line
//! is one paragraph.

use super::Extracted;
use crate::model::{Article, Block, TextBlock};

/// Read a plain-text article. Lines are trimmed of surrounding whitespace (including a
/// trailing `\r`); `block_lines` holds each paragraph's 1-based line number.
pub fn extract_text(content: &str) -> Extracted {
    let mut article = Article::default();
    let mut block_lines = Vec::new();
    let mut have_title = false;
    for (index, line) in content.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !have_title {
            article.title = line.to_string();
            have_title = true;
            continue;
        }
        article.blocks.push(Block::Text(TextBlock { text: line.to_string(), ..TextBlock::default() }));
        block_lines.push(Some(index + 1));
    }
    Extracted { article, block_lines, simplified: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_the_title_and_each_later_line_a_paragraph() {
        let e = extract_text("\r\n  学校举行春季运动会  \r\n\r\n第一段\u{200B}文字。\r\n   \n  第二段。 \n");
        assert_eq!(e.article.title, "学校举行春季运动会");
        let texts: Vec<_> = e
            .article
            .blocks
            .iter()
            .map(|b| match b {
                Block::Text(t) => t.text.as_str(),
                Block::Image(_) => "",
            })
            .collect();
        assert_eq!(texts, vec!["第一段\u{200B}文字。", "第二段。"]);
        assert_eq!(e.block_lines, vec![Some(4), Some(6)]);
    }

    #[test]
    fn empty_input() {
        let e = extract_text("");
        assert_eq!(e.article, Article::default());
        assert!(e.block_lines.is_empty());
    }

    #[test]
    fn fixture() {
        let e = extract_text(include_str!("../../tests/fixtures/article.txt"));
        assert_eq!(e.article.title, "东风小学开展“书香校园”读书节活动");
        assert!(e.article.blocks.len() >= 5);
        assert_eq!(e.block_lines.len(), e.article.blocks.len());
        assert_eq!(e.block_lines[0], Some(3));
    }
}
