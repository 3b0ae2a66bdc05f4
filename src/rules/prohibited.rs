//! `prohibited`: terms of the prohibited-content lexicons (九不准), matched with evasions.

use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::{Locale, RuleConfig};
use crate::finding::{Finding, Severity};

pub struct Prohibited;

static META: RuleMeta = RuleMeta {
    id: "prohibited",
    name_zh: "违禁内容",
    name_en: "Prohibited content",
    description_zh: "九不准所列内容：赌博、毒品、色情、暴恐、枪爆、邪教迷信、诈骗、侮辱谩骂等词库命中，可识别繁体、全半角、插入符号或零宽字符等规避写法。",
    description_en: "Terms from the prohibited-content lexicons (gambling, drugs, pornography, violence and terror, weapons, cults and superstition, fraud, insults), matched through traditional characters, width and case, digit styles and inserted separators.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[OptionMeta {
        key: "ignoreCategories",
        default: OptionDefault::List(&[]),
        description_zh: "不检查的词库分类（如 insults）",
        description_en: "Lexicon categories not to report (e.g. insults)",
    }],
};

impl Rule for Prohibited {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        for hit in ctx.reported_hits(META.id, cfg) {
            let entry = hit.entry;
            let (label, matched) = (ctx.category_label(&entry.category), hit.text);
            // This rule can report hundreds of hits in a long text: format one locale only.
            let message = match (ctx.locale, entry.note.as_deref()) {
                (Locale::ZhCn, None) => format!("疑似违禁内容【{label}】：“{matched}”"),
                (Locale::ZhCn, Some(n)) => format!("疑似违禁内容【{label}】：“{matched}”（{n}）"),
                (Locale::En, None) => format!("Possibly prohibited content [{label}]: \"{matched}\""),
                (Locale::En, Some(n)) => format!("Possibly prohibited content [{label}]: \"{matched}\" ({n})"),
            };
            out.push(hit.finding(&META, cfg, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Checker, Config, Field, Severity};

    fn with_list(list: &str, cfg: Config, article: &Article) -> Vec<crate::Finding> {
        let mut c = Checker::new(Config { builtin_lexicon: false, ..cfg }).unwrap();
        c.load_lexicon("test", list, Some("gambling")).unwrap();
        c.check(article).into_iter().filter(|f| f.rule == "prohibited").collect()
    }

    #[test]
    fn reports_original_text_and_utf16_offsets_in_every_field() {
        let mut a = Article::from_paragraphs("😀网上賭場", ["前文 网上\u{200b}赌场 后文"]);
        a.author = "网上赌场".into();
        a.digest = "无".into();
        let f = with_list("网上赌场 | suggest=删除", Config::default(), &a);
        assert_eq!(f.len(), 3);
        assert_eq!((f[0].field, f[0].start, f[0].end, f[0].text.as_str()), (Field::Title, 2, 6, "网上賭場"));
        assert_eq!((f[1].field, f[1].start, f[1].end), (Field::Author, 0, 4));
        assert_eq!((f[2].field, f[2].block, f[2].start, f[2].end, f[2].text.as_str()), (Field::Body, Some(0), 3, 8, "网上\u{200b}赌场"));
        assert_eq!(f[2].severity, Severity::Block);
        assert_eq!(f[2].category.as_deref(), Some("gambling"));
        assert_eq!(f[2].suggestion.as_deref(), Some("删除"));
        assert!(f[2].message.contains("网上\u{200b}赌场"));
    }

    #[test]
    fn entry_severity_unless_configured() {
        let a = Article::from_paragraphs("t", ["赌球和网赌"]);
        let f = with_list("赌球 | severity=review\n网赌", Config::default(), &a);
        assert_eq!(f.iter().map(|f| f.severity).collect::<Vec<_>>(), [Severity::Review, Severity::Block]);
        let f = with_list("赌球 | severity=review\n网赌", config(r#"{"rules":{"prohibited":"warn"}}"#), &a);
        assert!(f.iter().all(|f| f.severity == Severity::Warn));
        let f = with_list("赌球", config(r#"{"rules":{"prohibited":{"ignoreCategories":["gambling"]}}}"#), &a);
        assert!(f.is_empty());
        assert!(with_list("赌球", config(r#"{"rules":{"prohibited":"off"}}"#), &a).is_empty());
    }

    #[test]
    fn config_allow_list_overrides() {
        let a = Article::from_paragraphs("t", ["赌球场馆"]);
        assert!(with_list("赌球", config(r#"{"allow":["赌球场"]}"#), &a).is_empty());
    }

    #[test]
    fn builtin_lexicon_catches_an_evasion_and_spares_innocent_words() {
        let a = Article::from_paragraphs("t", ["欢迎加入网上 赌-场代理", "十字路口交通繁忙，人口交流频繁。"]);
        let f = check(&a, "prohibited");
        assert!(f.iter().any(|f| f.block == Some(0)), "{f:?}");
        assert!(f.iter().all(|f| f.block != Some(1)), "{f:?}");
        let none = check_with(config(r#"{"builtinLexicon":false}"#), &a, "prohibited");
        assert!(none.is_empty());
    }
}
