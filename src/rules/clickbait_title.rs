//! `clickbait-title`: 标题党 in the title — shock, click-begging and forwarding bait wording (the
//! entries with `@rule clickbait-title`, built-in list `lexicons/rules/clickbait-title.txt`),
//! and runs of exclamation / question marks (`！！`, `？！`, `!!!`).
//!
//! Only the title is judged: the same words in the body (a quotation, an anti-rumour article)
//! are not 标题党. A few entries count only when they open the title ([`START_ONLY`]).

use super::{span_finding, Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Field, Finding, Severity};

pub struct ClickbaitTitle;

static META: RuleMeta = RuleMeta {
    id: "clickbait-title",
    name_zh: "标题党",
    name_en: "Clickbait title",
    description_zh: "标题中的“震惊”“速看”“不看后悔”“转疯了”等夸张、诱导点击或转发的字眼，以及连续使用的感叹号、问号（如“！！”“？！”）。只检查标题。",
    description_en: "Sensational, click-begging or forwarding-bait wording in the title (震惊, 速看, 不看后悔, 转疯了 …) and runs of exclamation or question marks. Only the title is checked.",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[OptionMeta {
        key: "repeatedPunctuation",
        default: OptionDefault::Bool(true),
        description_zh: "检查连续的感叹号、问号（如“！！”“？！”）",
        description_en: "Report runs of exclamation or question marks (！！, ？！)",
    }],
};

/// Entries reported only at the very start of the title ("刚刚！…"); elsewhere they are plain
/// adverbs ("我校学子刚刚获得…").
const START_ONLY: &[&str] = &["刚刚"];

/// Exclamation and question marks, with the number of marks each stands for.
fn marks(c: char) -> Option<usize> {
    match c {
        '!' | '！' | '?' | '？' | '❗' | '❕' | '❓' | '❔' | '︕' | '︖' | '﹗' | '﹖' => Some(1),
        '‼' | '⁉' | '⁈' | '⁇' => Some(2),
        _ => None,
    }
}

/// Characters allowed inside a run (emoji presentation selector, zero-width space).
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{fe0f}' | '\u{fe0e}' | '\u{200b}')
}

/// Byte ranges of runs of two or more marks.
fn punctuation_runs(title: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, marks
    for (i, c) in title.char_indices() {
        if let Some(n) = marks(c) {
            let r = run.get_or_insert((i, i, 0));
            r.1 = i + c.len_utf8();
            r.2 += n;
        } else if is_joiner(c) && run.is_some() {
            // Stays in the run only if another mark follows (the end is not moved).
        } else if let Some((s, e, n)) = run.take() {
            if n >= 2 {
                out.push((s, e));
            }
        }
    }
    if let Some((s, e, n)) = run {
        if n >= 2 {
            out.push((s, e));
        }
    }
    out
}

impl Rule for ClickbaitTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let title = &ctx.article.title;
        for hit in ctx.lexicon_hits(META.id).filter(|h| h.at.field == Field::Title) {
            let start = hit.at.hit.byte_start as usize;
            if START_ONLY.contains(&hit.entry.term.as_str()) && title[..start].chars().any(char::is_alphanumeric) {
                continue;
            }
            let matched = hit.text;
            let message = ctx.msg(
                format!("标题含有“{matched}”等标题党字眼，夸张或诱导点击，应如实概括内容"),
                format!("The title uses clickbait wording \"{matched}\"; summarise the content plainly instead"),
            );
            out.push(hit.finding(&META, cfg, message));
        }
        if cfg.boolean("repeatedPunctuation") {
            for (s, e) in punctuation_runs(title) {
                let run = &title[s..e];
                let message = ctx.msg(
                    format!("标题中连续使用感叹号或问号“{run}”，有标题党之嫌"),
                    format!("Repeated exclamation or question marks \"{run}\" in the title look like clickbait"),
                );
                let suggestion = Some(ctx.msg("使用一个标点".into(), "Use a single mark".into()));
                out.push(span_finding(&META, cfg.severity, Field::Title, None, title, (s, e), message, suggestion));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Field, Severity};

    fn title(t: &str) -> Vec<crate::Finding> {
        check(&Article::from_paragraphs(t, ["正文"]), "clickbait-title")
    }

    fn texts(t: &str) -> Vec<String> {
        title(t).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn lexicon_entries_in_the_title() {
        let f = title("😀震惊！这所学校竟然这样做");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].field, f[0].start, f[0].end, f[0].text.as_str()), (Field::Title, 2, 4, "震惊"));
        assert_eq!(f[0].severity, Severity::Warn);
        assert_eq!(f[0].category.as_deref(), Some("clickbait"));
        assert!(f[0].suggestion.is_some());
        assert!(f[0].message.contains("震惊"));
        for (t, hit) in [
            ("速看！寒假安全提醒", "速看"),
            ("这些知识不看后悔一辈子", "不看后悔"),
            ("家长群转疯了，关于开学", "转疯了"),
            ("99%的人都不知道的防溺水知识", "99%的人都不知道"),
            ("９９％的人都不知道的急救常识", "９９％的人都不知道"),
            ("赶紧转给孩子，这份清单", "赶紧转给"),
            ("老师们看哭了", "看哭了"),
            ("删前速看：内部消息", "删前速看"),
            ("太可怕了，这种病毒", "太可怕了"),
            ("朋友圈炸锅了", "炸锅了"),
            ("震 惊，这所学校", "震 惊"),
        ] {
            assert_eq!(texts(t), [hit], "{t}");
        }
    }

    #[test]
    fn info_entries_and_start_only() {
        let f = title("重磅！教育部发布新规");
        assert_eq!((f[0].text.as_str(), f[0].severity), ("重磅", Severity::Info));
        let f = title("【刚刚】我市发布暴雨预警");
        assert_eq!((f[0].text.as_str(), f[0].severity), ("刚刚", Severity::Info));
        assert!(title("我校学子刚刚获得省级一等奖").is_empty());
        assert_eq!(title("新生入学必看")[0].severity, Severity::Info);
        let cfg = config(r#"{"rules":{"clickbait-title":"block"}}"#);
        let f = check_with(cfg, &Article::from_paragraphs("重磅消息", ["正文"]), "clickbait-title");
        assert_eq!(f[0].severity, Severity::Block);
    }

    #[test]
    fn body_and_ordinary_notices_are_not_reported() {
        let a = Article::from_paragraphs("关于做好寒假安全工作的通知", ["震惊！速看！不看后悔！！转疯了"]);
        assert!(check(&a, "clickbait-title").is_empty());
        for t in [
            "紧急通知：明日停课",
            "关于开展2026年春季学期开学工作的紧急提醒",
            "重要通知！",
            "铭记历史：震惊中外的九一八事变",
            "外交部：对此深感震惊",
            "让群众尽快看到变化",
            "我校召开全体教师大会",
            "xx镇召开防汛工作会议？",
            "加速转型升级 推动高质量发展",
            "你知道吗？",
        ] {
            assert!(title(t).is_empty(), "{t}: {:?}", title(t));
        }
    }

    #[test]
    fn repeated_punctuation() {
        assert_eq!(texts("注意！！防溺水"), ["！！"]);
        assert_eq!(texts("真的吗？！"), ["？！"]);
        assert_eq!(texts("放假啦!!!"), ["!!!"]);
        assert_eq!(texts("放假啦‼"), ["‼"]);
        assert_eq!(texts("注意❗️❗️"), ["❗️❗"]);
        let f = title("😀注意！？");
        assert_eq!((f[0].start, f[0].end, f[0].suggestion.as_deref()), (4, 6, Some("使用一个标点")));
        assert!(texts("注意！防溺水！").is_empty());
        let off = config(r#"{"rules":{"clickbait-title":{"repeatedPunctuation":false}}}"#);
        assert!(check_with(off, &Article::from_paragraphs("注意！！", ["正文"]), "clickbait-title").is_empty());
    }
}
