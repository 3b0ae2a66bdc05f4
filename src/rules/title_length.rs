//! `title-length`: empty title, over WeChat's hard limit, over a recommended length.

use super::{span_finding, Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Field, Finding, Severity};
use crate::text::{byte_at_utf16, js_trim_range, utf16_len};

pub struct TitleLength;

static META: RuleMeta = RuleMeta {
    id: "title-length",
    name_zh: "标题长度",
    name_en: "Title length",
    description_zh: "标题不能为空，且不能超过公众号编辑器的 64 字上限（按编辑器计数，表情符号算 2 字）；超过建议长度时提示，避免在消息列表中被截断。",
    description_en: "The title must not be empty or exceed the editor's 64-unit limit (counted as the editor does: an emoji is 2); a warning above the recommended length, since long titles are cut off in feeds.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[
        OptionMeta {
            key: "max",
            default: OptionDefault::Number { value: 64.0, min: 1.0, max: 1000.0 },
            description_zh: "标题长度上限（超过为必须修改）",
            description_en: "Hard limit (over it: the rule's severity)",
        },
        OptionMeta {
            key: "recommended",
            default: OptionDefault::Number { value: 30.0, min: 0.0, max: 1000.0 },
            description_zh: "建议长度（超过时提示；0 为不提示）",
            description_en: "Recommended length (over it: recommendedSeverity; 0 disables)",
        },
        OptionMeta {
            key: "recommendedSeverity",
            default: OptionDefault::Severity(Severity::Warn),
            description_zh: "超过建议长度时的级别",
            description_en: "Severity above the recommended length",
        },
    ],
};

impl Rule for TitleLength {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let title = &ctx.article.title;
        let (start, end) = js_trim_range(title);
        let len = utf16_len(&title[start..end]);
        let max = cfg.number("max") as usize;
        let recommended = cfg.number("recommended") as usize;
        if len == 0 {
            let msg = ctx.msg("标题不能为空".into(), "The title is empty".into());
            out.push(span_finding(&META, cfg.severity, Field::Title, None, title, (0, 0), msg, None));
        } else if len > max {
            let over = byte_at_utf16(title, start, max);
            let msg = ctx.msg(
                format!("标题共 {len} 字，超过 {max} 字上限，无法保存，请删减 {} 字", len - max),
                format!("The title has {len} units, over the limit of {max}; remove {}", len - max),
            );
            out.push(span_finding(&META, cfg.severity, Field::Title, None, title, (over, end), msg, None));
        } else if recommended > 0 && len > recommended {
            let severity = cfg.severity_option("recommendedSeverity");
            let over = byte_at_utf16(title, start, recommended);
            let msg = ctx.msg(
                format!("标题共 {len} 字，建议不超过 {recommended} 字，以免在消息列表中显示不全"),
                format!("The title has {len} units; keep it within {recommended} so it is not cut off in feeds"),
            );
            out.push(span_finding(&META, severity, Field::Title, None, title, (over, end), msg, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Severity};

    fn title(t: &str) -> Article {
        Article::from_paragraphs(t, ["正文"])
    }

    #[test]
    fn empty_and_blank_titles_block() {
        for t in ["", "  \u{3000}\n"] {
            let f = check(&title(t), "title-length");
            assert_eq!(f.len(), 1);
            assert_eq!((f[0].severity, f[0].start, f[0].end), (Severity::Block, 0, 0));
        }
    }

    #[test]
    fn over_the_hard_limit_highlights_the_overflow() {
        let t = format!("  {}", "字".repeat(70));
        let f = check(&title(&t), "title-length");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Block);
        assert_eq!((f[0].start, f[0].end), (66, 72));
        assert_eq!(f[0].text, "字".repeat(6));
        assert!(f[0].message.contains("70"));
    }

    #[test]
    fn emoji_count_two_units_as_the_editor_does() {
        // 31 CJK + 1 emoji = 33 units ≤ 64, > 30.
        let t = format!("{}😀", "字".repeat(31));
        let f = check(&title(&t), "title-length");
        assert_eq!(f[0].severity, Severity::Warn);
        assert_eq!((f[0].start, f[0].end), (30, 33));
        // 63 + emoji = 65 units: over 64; the emoji straddles the limit and is included whole.
        let t = format!("{}😀", "字".repeat(63));
        let f = check(&title(&t), "title-length");
        assert_eq!((f[0].severity, f[0].start, f[0].end, f[0].text.as_str()), (Severity::Block, 63, 65, "😀"));
    }

    #[test]
    fn within_the_recommendation_is_fine_and_thresholds_are_configurable() {
        assert!(check(&title(&"字".repeat(30)), "title-length").is_empty());
        let cfg = config(r#"{"rules":{"title-length":{"recommended":10,"recommendedSeverity":"info","max":20}}}"#);
        let f = check_with(cfg.clone(), &title(&"字".repeat(12)), "title-length");
        assert_eq!(f[0].severity, Severity::Info);
        let f = check_with(cfg, &title(&"字".repeat(21)), "title-length");
        assert_eq!(f[0].severity, Severity::Block);
        let off = config(r#"{"rules":{"title-length":{"recommended":0}}}"#);
        assert!(check_with(off, &title(&"字".repeat(40)), "title-length").is_empty());
    }
}
