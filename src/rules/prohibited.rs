//! `prohibited`: terms of the prohibited-content lexicons (九不准), matched with evasions.

use super::context::{is_report_or_lesson, judge, specific_cue_near, title_is_a_lesson, Verdict};
use super::spam::chains;
use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::{Locale, RuleConfig};
use crate::finding::{Finding, Severity};
use crate::lexicon::When;

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
    options: &[
        OptionMeta {
            key: "ignoreCategories",
            default: OptionDefault::List(&[]),
            description_zh: "不检查的词库分类（如 insults）",
            description_en: "Lexicon categories not to report (e.g. insults)",
        },
        OptionMeta {
            key: "context",
            default: OptionDefault::Bool(true),
            description_zh: "按上下文判断：警情通报、禁毒/反诈宣传中引用的词降为提示，否定（拒绝、远离）不报，招揽（加微信、日赚）升为必须修改",
            description_en: "Judge by context: terms quoted in police reports and prevention lessons become info, negated terms (拒绝, 远离) are not reported, solicitations (加微信, 日赚) become block",
        },
    ],
};

impl Rule for Prohibited {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let use_context = cfg.boolean("context");
        // Spam chains (see `spam.rs`): the hits inside one are injected spam whatever the genre,
        // and an article carrying one is not excused as a report or lesson.
        let spam = if use_context { chains(ctx) } else { Vec::new() };
        // The article counts as a report or lesson only when it also discusses some prohibited
        // term in a reporting or teaching sentence or paragraph: a police account's article
        // about a lost grandmother does not excuse a drug offer injected below it.
        let discusses = use_context
            && spam.is_empty()
            && ctx.reported_hits(META.id, cfg).any(|h| specific_cue_near(ctx, h.at));
        let article_lowered = use_context && spam.is_empty() && (title_is_a_lesson(ctx) || (discusses && is_report_or_lesson(ctx)));
        for hit in ctx.reported_hits(META.id, cfg) {
            let entry = hit.entry;
            // Inside a reported spam chain the `spam` finding covers it: one underline, not two.
            if spam.iter().any(|c| c.contains(hit.at)) && ctx.rule_enabled("spam") {
                continue;
            }
            let verdict = if !use_context || entry.when == When::Fixed {
                Verdict::Plain
            } else {
                judge(ctx, hit.at, article_lowered)
            };
            let severity = match (&verdict, entry.when) {
                (Verdict::Negated, _) => continue,
                // A plain name (冰毒, 百家乐) is reported only where it is solicited.
                (Verdict::Plain | Verdict::Lowered(_), When::Solicit) if use_context => continue,
                (Verdict::Lowered(_), _) => Some(Severity::Info),
                (Verdict::Raised(_), _) => Some(Severity::Block),
                (Verdict::Plain, _) => None,
            };
            let (label, matched) = (ctx.category_label(&entry.category), hit.text);
            let why = match (&verdict, ctx.locale) {
                (Verdict::Raised(c), Locale::ZhCn) => Some(format!("所在句子有招揽用语“{c}”")),
                (Verdict::Raised(c), Locale::En) => Some(format!("its sentence solicits: \"{c}\"")),
                (Verdict::Lowered(c), Locale::ZhCn) if c.is_empty() => Some("全文为案件通报或宣传教育，引用时请确认无需删除".to_string()),
                (Verdict::Lowered(c), Locale::En) if c.is_empty() => Some("the article reports or teaches against it; check the quotation is needed".to_string()),
                (Verdict::Lowered(c), Locale::ZhCn) => Some(format!("上下文为通报或宣传教育（“{c}”），引用时请确认无需删除")),
                (Verdict::Lowered(c), Locale::En) => Some(format!("reported or taught against (\"{c}\"); check the quotation is needed")),
                _ => None,
            };
            let note = why.or_else(|| entry.note.as_deref().map(str::to_owned));
            // This rule can report hundreds of hits in a long text: format one locale only.
            let message = match (ctx.locale, note.as_deref()) {
                (Locale::ZhCn, None) => format!("疑似违禁内容【{label}】：“{matched}”"),
                (Locale::ZhCn, Some(n)) => format!("疑似违禁内容【{label}】：“{matched}”（{n}）"),
                (Locale::En, None) => format!("Possibly prohibited content [{label}]: \"{matched}\""),
                (Locale::En, Some(n)) => format!("Possibly prohibited content [{label}]: \"{matched}\" ({n})"),
            };
            let mut finding = hit.finding(&META, cfg, message);
            // A severity set explicitly in the configuration wins over the context.
            if let (Some(sev), false) = (severity, cfg.severity_overridden) {
                finding.severity = sev;
            }
            out.push(finding);
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
