//! `digest-length`: the digest (摘要) over WeChat's limit of 120 characters.

use super::{span_finding, Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Field, Finding, Severity};
use crate::text::{byte_at_utf16, js_trim_range, utf16_len};

pub struct DigestLength;

static META: RuleMeta = RuleMeta {
    id: "digest-length",
    name_zh: "摘要长度",
    name_en: "Digest length",
    description_zh: "摘要不能超过 120 字（按编辑器计数）。",
    description_en: "The digest must not exceed 120 units (counted as the editor does).",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[OptionMeta {
        key: "max",
        default: OptionDefault::Number { value: 120.0, min: 1.0, max: 10000.0 },
        description_zh: "摘要字数上限",
        description_en: "Limit in UTF-16 units",
    }],
};

impl Rule for DigestLength {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let digest = &ctx.article.digest;
        let (start, end) = js_trim_range(digest);
        let len = utf16_len(&digest[start..end]);
        let max = cfg.number("max") as usize;
        if len > max {
            let over = byte_at_utf16(digest, start, max);
            let msg = ctx.msg(
                format!("摘要共 {len} 字，超过 {max} 字上限，请删减 {} 字", len - max),
                format!("The digest has {len} units, over the limit of {max}; remove {}", len - max),
            );
            out.push(span_finding(&META, cfg.severity, Field::Digest, None, digest, (over, end), msg, None));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::Article;

    fn digest(d: &str) -> Article {
        Article { digest: d.into(), ..Article::from_paragraphs("标题", ["正文"]) }
    }

    #[test]
    fn over_120_is_reported_from_the_121st_unit() {
        assert!(check(&digest(&"字".repeat(120)), "digest-length").is_empty());
        assert!(check(&digest(""), "digest-length").is_empty());
        let f = check(&digest(&"字".repeat(125)), "digest-length");
        assert_eq!((f[0].start, f[0].end), (120, 125));
        let f = check_with(config(r#"{"rules":{"digest-length":{"max":10}}}"#), &digest(&"字".repeat(11)), "digest-length");
        assert_eq!(f.len(), 1);
    }
}
