//! `typo`: words that are wrong in every context (震憾 → 震撼, 截止目前 → 截至目前, 布署 →
//! 部署), and the traces of synonym-rewriting tools (原那么 → 原则, 便民效劳 → 便民服务).
//!
//! A lexicon rule: entries with `@rule typo`, built-in in `lexicons/rules/typo.txt`, each with
//! its correction as the suggestion. Idioms and official phrases are rule `official-wording`.
//!
//! Plus the context check (category `context`, see [`crate::wording`]): typos no list names,
//! found by word statistics, reported with a confidence unless a lexicon entry of this rule or of
//! `official-wording` already covers the text.

use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};

pub struct Typo;

/// Category of the machine-rewritten wording.
const REWRITTEN: &str = "rewritten";

static META: RuleMeta = RuleMeta {
    id: "typo",
    name_zh: "错别字",
    name_en: "Typos",
    description_zh: "常见错别字（如“震憾”“布署”“截止目前”）、机器改写留下的用词（如“原那么”“便民效劳”“食品平安”），以及据上下文判断的同音、形近错字（如“贯撤”应为“贯彻”，附把握程度），并给出正确写法。",
    description_en: "Common misspellings (震憾, 布署, 截止目前…), words left by synonym-rewriting tools (原那么 for 原则, 效劳 for 服务, 平安 for 安全…), and characters of the same sound or a similar shape judged wrong from context (贯撤 for 贯彻, with a confidence), with the correct form.",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[OptionMeta {
        key: "ignoreCategories",
        default: OptionDefault::List(&[]),
        description_zh: "不检查的分类（misspelling 错别字、rewritten 机器改写用词、context 据上下文判断的错别字、de-di-de “的地得”误用、doubled 多打的字）",
        description_en: "Categories not to report (misspelling, rewritten, context: typos judged from context, de-di-de: 的/地/得 misused, doubled: a character typed twice)",
    }],
};

impl Rule for Typo {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        for hit in ctx.reported_hits(META.id, cfg) {
            let entry = hit.entry;
            let wrong = hit.text;
            let rewritten = &*entry.category == REWRITTEN;
            let message = match (entry.suggestion.as_deref(), rewritten) {
                (Some(right), false) => ctx.msg(
                    format!("疑似错别字：“{wrong}”应为“{right}”"),
                    format!("Possible typo: \"{wrong}\" should be \"{right}\""),
                ),
                (Some(right), true) => ctx.msg(
                    format!("疑似机器改写用词：“{wrong}”应为“{right}”"),
                    format!("Possibly machine-rewritten wording: \"{wrong}\" should be \"{right}\""),
                ),
                (None, _) => ctx.msg(format!("疑似错别字：“{wrong}”"), format!("Possible typo: \"{wrong}\"")),
            };
            out.push(hit.finding(&META, cfg, message));
        }
        let ignored = cfg.list("ignoreCategories");
        if !ignored.iter().any(|c| c == CONTEXT) {
            check_context(ctx, cfg, out);
        }
        check_slips(ctx, cfg, ignored, out);
    }
}

/// Category of the findings of the statistical context check ([`crate::wording`]).
const CONTEXT: &str = "context";
/// Categories of 的/地/得 written for one another and of characters typed twice.
const DE_DI_DE: &str = "de-di-de";
const DOUBLED: &str = "doubled";


/// UTF-16 offsets of byte offsets that come in increasing order (findings in text order, each
/// start before its end, the next start at or after the previous start): linear in the text.
#[derive(Default)]
struct Utf16Cursor {
    byte: usize,
    unit: usize,
}

impl Utf16Cursor {
    fn at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            // Overlapping spans: count back from the start (rare; findings do not nest deeply).
            *self = Utf16Cursor::default();
        }
        self.unit += crate::text::utf16_len(&text[self.byte..byte]);
        self.byte = byte;
        self.unit
    }
}

/// 的/地/得 and doubled characters, in every text but the author.
fn check_slips(ctx: &Context<'_>, cfg: &RuleConfig, ignored: &[String], out: &mut Vec<Finding>) {
    use crate::wording::SlipKind;
    let mut found = Vec::new();
    for (field, block, text) in ctx.article.texts() {
        if field == crate::finding::Field::Author {
            continue;
        }
        found.clear();
        crate::wording::slips(text, &mut found);
        let mut units = Utf16Cursor::default();
        for s in &found {
            let category = if s.kind == SlipKind::Doubled { DOUBLED } else { DE_DI_DE };
            if ignored.iter().any(|c| c == category) {
                continue;
            }
            let wrong = &text[s.start..s.end];
            let right = &s.suggestion;
            let message = match s.kind {
                SlipKind::De => ctx.msg(
                    format!("“的、地、得”用错：“{wrong}”应为“{right}”（补语前用“得”）"),
                    format!("的/地/得 misused: \"{wrong}\" should be \"{right}\" (得 before a complement)"),
                ),
                SlipKind::Di => ctx.msg(
                    format!("“的、地、得”用错：“{wrong}”应为“{right}”（动词前的修饰语用“地”）"),
                    format!("的/地/得 misused: \"{wrong}\" should be \"{right}\" (地 before a verb)"),
                ),
                SlipKind::Doubled => ctx.msg(
                    format!("疑似多打了一个字：“{wrong}”应为“{right}”"),
                    format!("A character typed twice: \"{wrong}\" should be \"{right}\""),
                ),
            };
            out.push(Finding {
                rule: META.id.to_string(),
                severity: cfg.severity_or(Some(Severity::Warn)),
                category: Some(category.to_string()),
                field,
                block,
                start: units.at(text, s.start),
                end: units.at(text, s.end),
                text: wrong.to_string(),
                message,
                suggestion: Some(right.clone()),
            });
        }
    }
}

/// The statistical check: typos no list names, in every text of the article, except where a
/// lexicon entry of this rule or of `official-wording` already reports the text.
fn check_context(ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
    // The UTF-16 spans of the lists' hits per text: one binary search per detection tells
    // whether a hit overlaps it.
    let listed = super::spans_by_text(
        ctx.hits
            .iter()
            .filter(|h| matches!(&*ctx.matcher.entry(h.hit.entry).rule, "typo" | "official-wording"))
            .map(|h| ((h.field, h.block), (h.hit.utf16_start as usize, h.hit.utf16_end as usize))),
    );
    let mut found = Vec::new();
    for (field, block, text) in ctx.article.texts() {
        if field == crate::finding::Field::Author {
            continue;
        }
        found.clear();
        crate::wording::detect(text, &mut found);
        let spans = listed.get(&(field, block)).map_or(&[][..], Vec::as_slice);
        let mut units = Utf16Cursor::default();
        for d in &found {
            let (start, end) = (units.at(text, d.start), units.at(text, d.end));
            if super::overlaps(spans, start, end) {
                continue;
            }
            let wrong = &text[d.start..d.end];
            let right = &d.suggestion;
            let pct = (d.confidence() * 100.0).round() as u32;
            let message = if d.idiom {
                ctx.msg(
                    format!("成语用字疑有误：“{wrong}”应为“{right}”（把握 {pct}%）"),
                    format!("Idiom possibly misspelt: \"{wrong}\" should be \"{right}\" (confidence {pct}%)"),
                )
            } else {
                ctx.msg(
                    format!("疑似错别字：“{wrong}”应为“{right}”（据上下文判断，把握 {pct}%）"),
                    format!("Possible typo: \"{wrong}\" should be \"{right}\" (judged from context, confidence {pct}%)"),
                )
            };
            out.push(Finding {
                rule: META.id.to_string(),
                severity: cfg.severity_or(Some(Severity::Warn)),
                category: Some(CONTEXT.to_string()),
                field,
                block,
                start,
                end,
                text: wrong.to_string(),
                message,
                suggestion: Some(right.clone()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{parse, BUILTIN_RULE_LISTS};
    use crate::normalize::key_of;
    use crate::rules::testing::{check_with, config};
    use crate::{Article, Severity};

    const ID: &str = "typo";

    /// Findings of this rule in one paragraph, with a checker built once for the module.
    fn findings(text: &str) -> Vec<crate::Finding> {
        static CHECKER: std::sync::OnceLock<crate::Checker> = std::sync::OnceLock::new();
        let checker = CHECKER.get_or_init(|| crate::Checker::new(crate::Config::default()).unwrap());
        checker.check(&Article::from_paragraphs("标题", [text])).into_iter().filter(|f| f.rule == ID).collect()
    }

    fn list() -> crate::lexicon::Lexicon {
        let (name, text) = BUILTIN_RULE_LISTS.iter().find(|(n, _)| *n == "builtin:typo").unwrap();
        parse(name, text, None).unwrap()
    }

    #[test]
    fn reports_typos_and_rewritten_wording_with_the_correction() {
        for (text, wrong, right) in [
            ("各部门要按照“谁主管、谁负责”的原那么，严格落实责任。", "原那么", "原则"),
            ("符合微信公众平台群发规那么说明要求", "规那么", "规则"),
            ("镇里在各村设立了便民效劳站", "便民效劳", "便民服务"),
            ("xx省政务管理效劳局关于印发通知", "效劳局", "服务局"),
            ("关于加强和标准全省政务新媒体建设", "加强和标准", "加强和规范"),
            ("为标准和加强政务新媒体信息内容管理", "为标准和加强", "为规范和加强"),
            ("分管负责人催促落实各项管理制度", "催促落实", "督促落实"),
            ("关于推进政务新媒体健康有序开展的意见", "政务新媒体健康有序开展", "政务新媒体健康有序发展"),
            ("截止目前，已有30名学生报名。", "截止目前", "截至目前"),
            ("演出场面令人震憾", "震憾", "震撼"),
            ("校长对安全工作作了具体布署", "布署", "部署"),
            ("请勿防碍他人", "防碍", "妨碍"),
            ("全体学生配带红领巾参加升旗仪式", "配带红领巾", "佩戴红领巾"),
        ] {
            let f = findings(text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!((f[0].text.as_str(), f[0].suggestion.as_deref()), (wrong, Some(right)), "{text}");
            assert_eq!(f[0].severity, Severity::Warn);
        }
        assert_eq!(findings("震憾")[0].message, "疑似错别字：“震憾”应为“震撼”");
        assert_eq!(findings("原那么")[0].message, "疑似机器改写用词：“原那么”应为“原则”");
    }

    #[test]
    fn spares_correct_text_around_the_listed_forms() {
        for text in [
            "草原那么辽阔，天空那么蓝。",
            "如果违规那么就要追责；是否那么做，由会议决定。",
            "为祖国效劳，为人民服务。",
            "实行标准化管理，进一步标准化建设流程。",
            "确保活动健康有序开展。",
            "报名截止日期为9月1日，截止到今天共收到材料20份。",
            "我们终于渡过难关，度过了一个愉快的暑假。",
            "在全部暑假作业中，校长部署假期安全工作。",
            "万事俱备，只欠东风。论文答辩认真准备，通讯速率很高。",
            "药物的不良反应问题需要关注；个性标签定制。",
            "他们轻松驰骋赛场，汇报筹备情况。",
        ] {
            assert!(findings(text).is_empty(), "{text}: {:?}", findings(text));
        }
    }

    #[test]
    fn every_entry_is_wrong_its_correction_right_and_its_key_unfolded() {
        let lex = list();
        let banned: Vec<_> = lex.entries.iter().filter(|e| !e.allow).collect();
        assert!(banned.len() >= 150, "{} entries", banned.len());
        for e in &banned {
            assert_eq!(&*e.rule, ID);
            // Normalisation must not change the term (a folded key could match other words),
            // except Chinese numerals, which fold to digits.
            let same = e.key.chars().count() == e.term.chars().count()
                && e.key.chars().zip(e.term.chars()).all(|(k, t)| k == t || k.is_ascii_digit());
            assert!(same, "{} normalises to {}", e.term, e.key);
            let right = e.suggestion.as_deref().unwrap_or_else(|| panic!("{} has no suggestion", e.term));
            assert_ne!(key_of(right), e.key.as_str(), "{}", e.term);
            assert!(findings(right).is_empty(), "{right} (the correction of {}) is reported", e.term);
        }
        // Every allow-list entry protects something.
        for a in lex.entries.iter().filter(|e| e.allow) {
            assert!(banned.iter().any(|e| a.key.contains(e.key.as_str())), "allow entry {} protects nothing", a.term);
        }
    }

    #[test]
    fn does_not_duplicate_official_wording() {
        let official = crate::lexicon::official::official_lexicon(&[]);
        let keys: std::collections::HashSet<&str> = official.entries.iter().map(|e| e.key.as_str()).collect();
        for e in list().entries.iter().filter(|e| !e.allow) {
            assert!(!keys.contains(e.key.as_str()), "{} is also an official-wording entry", e.term);
        }
    }

    #[test]
    fn the_context_check_reports_typos_no_list_names() {
        let f = findings("各单位要认真贯撤会议精神。");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].text.as_str(), f[0].suggestion.as_deref()), ("贯撤", Some("贯彻")));
        assert_eq!((f[0].start, f[0].end), (6, 8));
        assert_eq!(f[0].category.as_deref(), Some("context"));
        assert_eq!(f[0].severity, Severity::Warn);
        assert!(f[0].message.starts_with("疑似错别字：“贯撤”应为“贯彻”（据上下文判断，把握 "), "{}", f[0].message);
        // In the title and the digest too, not in the author field.
        let mut a = Article::from_paragraphs("认真贯撤会议精神", ["正文"]);
        a.digest = "认真贯撤会议精神".into();
        a.author = "贯撤".into();
        let f = check_with(crate::Config::default(), &a, ID);
        let fields: Vec<_> = f.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["title", "digest"]);
        // Off with its category, severity configurable, English messages.
        let a = Article::from_paragraphs("t", ["认真贯撤会议精神，演出令人震憾。"]);
        let f = check_with(config(r#"{"rules":{"typo":{"ignoreCategories":["context"]}}}"#), &a, ID);
        assert_eq!(f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), ["震憾"]);
        let f = check_with(config(r#"{"rules":{"typo":"block"}}"#), &a, ID);
        assert!(f.len() == 2 && f.iter().all(|f| f.severity == Severity::Block), "{f:?}");
        let f = check_with(config(r#"{"locale":"en"}"#), &a, ID);
        assert!(f[0].message.starts_with("Possible typo: \"贯撤\" should be \"贯彻\" (judged from context, confidence "), "{}", f[0].message);
    }

    #[test]
    fn the_context_check_leaves_listed_forms_to_the_lists() {
        // 再接再励 is an official-wording variant and 震憾 a typo entry: one finding each.
        let a = Article::from_paragraphs("t", ["希望同学们再接再励，演出场面令人震憾。"]);
        let all = crate::Checker::new(crate::Config::default()).unwrap().check(&a);
        let texts: Vec<_> = all.iter().filter(|f| f.rule == ID || f.rule == "official-wording").map(|f| (f.rule.as_str(), f.text.as_str())).collect();
        assert_eq!(texts, [("official-wording", "再接再励"), ("typo", "震憾")]);
    }

    #[test]
    fn categories_can_be_ignored_and_messages_localised() {
        let a = Article::from_paragraphs("t", ["原那么上，震憾人心"]);
        let f = check_with(config(r#"{"rules":{"typo":{"ignoreCategories":["rewritten"]}}}"#), &a, ID);
        assert_eq!(f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), ["震憾"]);
        let f = check_with(config(r#"{"locale":"en"}"#), &a, ID);
        assert_eq!(f[1].message, "Possible typo: \"震憾\" should be \"震撼\"");
        assert!(check_with(config(r#"{"rules":{"typo":"off"}}"#), &a, ID).is_empty());
    }
}
