//! `author-length`: the author name over WeChat's limit of 8 字, counted as the editor counts.

use super::{span_finding, Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Field, Finding, Severity};
use crate::text::{js_trim_range, wechat_author_width};

pub struct AuthorLength;

static META: RuleMeta = RuleMeta {
    id: "author-length",
    name_zh: "作者长度",
    name_en: "Author length",
    description_zh: "作者不能超过 8 个字（按编辑器的算法：汉字算 1 字，英文字母和数字算半字）。",
    description_en: "The author must fit in 8 字 as the editor counts: a non-ASCII character is 1, an ASCII one ½, rounded up.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[OptionMeta {
        key: "max",
        default: OptionDefault::Number { value: 8.0, min: 1.0, max: 100.0 },
        description_zh: "作者字数上限",
        description_en: "Limit in 字",
    }],
};

impl Rule for AuthorLength {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let author = &ctx.article.author;
        let (start, end) = js_trim_range(author);
        let trimmed = &author[start..end];
        let width = wechat_author_width(trimmed);
        let max = cfg.number("max") as usize;
        let count = width.div_ceil(2);
        if count <= max {
            return;
        }
        // The overflow starts at the first character that takes the width past 2 × max.
        let mut acc = 0;
        let mut over = end;
        for (i, c) in trimmed.char_indices() {
            acc += if c.is_ascii() { 1 } else { 2 };
            if acc > 2 * max {
                over = start + i;
                break;
            }
        }
        let msg = ctx.msg(
            format!("作者共 {count} 字，超过 {max} 字上限"),
            format!("The author has {count} 字, over the limit of {max}"),
        );
        out.push(span_finding(&META, cfg.severity, Field::Author, None, author, (over, end), msg, None));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check;
    use crate::Article;

    fn author(a: &str) -> Article {
        Article { author: a.into(), ..Article::from_paragraphs("标题", ["正文"]) }
    }

    #[test]
    fn counts_like_the_editor() {
        assert!(check(&author("八个汉字八个汉字"), "author-length").is_empty());
        assert!(check(&author("abcdefghijklmnop"), "author-length").is_empty()); // 16 ASCII = 8 字
        assert!(check(&author(""), "author-length").is_empty());
        let f = check(&author("九个汉字九个汉字九"), "author-length");
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (8, 9, "九"));
        let f = check(&author("abcdefghijklmnopq"), "author-length"); // 17 → 9 字
        assert_eq!(f[0].text, "q");
        let f = check(&author("七个汉字七个汉a张"), "author-length"); // 14+1+2 = 17 → 9 字
        assert_eq!(f[0].text, "张");
    }
}
