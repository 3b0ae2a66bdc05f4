//! `sign-off-topic`: topics that must be shown to the leader in charge before publishing
//! (lexicon entries with `@rule sign-off-topic`, built-in list
//! `lexicons/rules/sign-off-topic.txt`). Not an error: a `review` flag with the reason.
//!
//! Topics (categories) of the built-in list, from the house rules: `emergency` 突发事件,
//! `major-meeting` 重要会议, `party-government` 党政新闻, `education-reform` 教育改革,
//! `large-event` 大型活动, `school-image` 学校形象. One finding per topic and field is enough
//! to route the article to the leader, so by default only the first is reported.
//!
//! Context: safety lessons name the accidents they prevent, and policy articles name what is
//! banned ("不得炒作升学率"). An `emergency` or `school-image` hit is skipped when its clause is
//! about prevention, a drill, a hypothesis, a cautionary example from elsewhere or a ban: a cue
//! word before it in the same clause (预防, 防止, 避免, 一旦, 如果, 模拟, 多地, 据统计, 不得,
//! 严禁 …) or right after it (…时, …隐患, …演练, …高发).

use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Field, Finding, Severity};
use crate::normalize::is_boundary;

pub struct SignOffTopic;

static META: RuleMeta = RuleMeta {
    id: "sign-off-topic",
    name_zh: "需领导审核的选题",
    name_en: "Topics needing sign-off",
    description_zh: "按新媒体管理制度，涉及突发事件、重要会议、党政新闻、教育改革、大型活动、学校形象（含考试成绩、升学率宣传）的稿件，发布前须报分管领导审核。不是错误，提示送审；安全教育、应急演练中的“防溺水”“预防食物中毒”等不报。",
    description_en: "House rules: articles about emergencies, important meetings, party and government news, education reform, large events or the school's image (including exam results) must be approved by the leader in charge before publishing. Not an error: a flag for review. Safety lessons and drills are not flagged.",
    default_severity: Severity::Review,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[
        OptionMeta {
            key: "ignoreCategories",
            default: OptionDefault::List(&[]),
            description_zh: "不提示的选题（emergency 突发事件、major-meeting 重要会议、party-government 党政新闻、education-reform 教育改革、large-event 大型活动、school-image 学校形象）",
            description_en: "Topics not to report (emergency, major-meeting, party-government, education-reform, large-event, school-image)",
        },
        OptionMeta {
            key: "firstOnly",
            default: OptionDefault::Bool(true),
            description_zh: "每个选题在标题、摘要、正文中各只提示第一处",
            description_en: "Report only the first hit of each topic in each field",
        },
    ],
};

const EMERGENCY: &str = "emergency";
const SCHOOL_IMAGE: &str = "school-image";

/// How far back (in characters) the clause is searched for a cue.
const WINDOW: usize = 16;

/// Before an emergency term in the same clause: prevention, hypothesis, drill.
const PREVENTION_BEFORE: &[&str] = &[
    "预防", "防范", "防止", "避免", "杜绝", "减少", "谨防", "严防", "警惕", "远离", "应对", "如何", "一旦", "如果",
    "如遇", "万一", "假如", "假设", "模拟", "演练", "以免", "以防", "确保", "不发生", "遇到", "遇有",
    // cautionary examples from elsewhere, not an event of one's own
    "多地", "各地", "多起", "据统计", "据报道", "每年", "往年",
];
/// Right after an emergency term: 发生火灾时, 溺水事故隐患, 食物中毒的症状.
const PREVENTION_AFTER: &[&str] = &[
    "时", "的时候", "预防", "的预防", "演练", "的应急", "应急", "隐患", "风险", "知识", "防范", "自救", "急救", "的症状",
    "症状", "怎么办", "高发", "易发", "多发", "的高发", "的易发", "的多发", "的发生", "的隐患", "的风险", "警示",
];
/// Before a school-image term in the same clause: a ban on the publicity itself.
const BAN_BEFORE: &[&str] = &[
    "不得", "严禁", "禁止", "不准", "不以", "不搞", "不公布", "不宣传", "不炒作", "炒作", "片面追求", "杜绝", "不允许",
];

/// The clause before byte `at`: back to the last punctuation, at most [`WINDOW`] characters.
fn clause_before(text: &str, at: usize) -> &str {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev().take(WINDOW) {
        if is_boundary(c) {
            break;
        }
        start = i;
    }
    &text[start..at]
}

fn about_prevention(text: &str, start: usize, end: usize, category: &str) -> bool {
    let before = clause_before(text, start);
    match category {
        EMERGENCY => {
            let after = &text[end..];
            before.ends_with('防')
                || PREVENTION_BEFORE.iter().any(|w| before.contains(w))
                || PREVENTION_AFTER.iter().any(|w| after.starts_with(w))
        }
        SCHOOL_IMAGE => BAN_BEFORE.iter().any(|w| before.contains(w)),
        _ => false,
    }
}

impl Rule for SignOffTopic {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let ignored = cfg.list("ignoreCategories");
        let first_only = cfg.boolean("firstOnly");
        let mut seen: Vec<(&str, Field)> = Vec::new();
        for hit in ctx.lexicon_hits(META.id) {
            let entry = hit.entry;
            let category: &str = &entry.category;
            if ignored.iter().any(|c| c == category) {
                continue;
            }
            if first_only && seen.contains(&(category, hit.at.field)) {
                continue;
            }
            let text = ctx.text_of(hit.at.field, hit.at.block);
            if about_prevention(text, hit.at.hit.byte_start as usize, hit.at.hit.byte_end as usize, category) {
                continue;
            }
            seen.push((category, hit.at.field));
            let (label, matched) = (ctx.category_label(category), hit.text);
            let message = match entry.note.as_deref() {
                Some(note) => ctx.msg(
                    format!("涉及“{label}”选题：{note}（“{matched}”）"),
                    format!("Topic [{label}]: {note} (\"{matched}\")"),
                ),
                None => ctx.msg(
                    format!("涉及“{label}”选题：发布前须报分管领导审核（“{matched}”）"),
                    format!("Topic [{label}]: needs the sign-off of the leader in charge before publishing (\"{matched}\")"),
                ),
            };
            let mut f = hit.finding(&META, cfg, message);
            if f.suggestion.is_none() {
                f.suggestion = Some(ctx.msg("报分管领导审核同意后再发布".into(), "Have the leader in charge approve it before publishing".into()));
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Field, Severity};

    fn topics(p: &str) -> Vec<(String, String)> {
        check(&Article::from_paragraphs("标题", [p]), "sign-off-topic")
            .into_iter()
            .map(|f| (f.category.unwrap_or_default(), f.text))
            .collect()
    }

    fn pair(c: &str, t: &str) -> (String, String) {
        (c.to_string(), t.to_string())
    }

    #[test]
    fn each_topic_is_recognised() {
        assert_eq!(topics("6月3日，我县一名学生在河边不幸溺水身亡。"), [pair("emergency", "不幸溺水")]);
        assert_eq!(topics("某村发生火灾，无人员伤亡。"), [pair("emergency", "发生火灾")]);
        assert_eq!(topics("学校召开党委会，研究部署下学期工作。"), [pair("major-meeting", "党委会")]);
        assert_eq!(topics("县委书记一行莅临我校调研指导。"), [pair("party-government", "县委书记")]);
        assert_eq!(topics("2024年秋季一年级招生政策解读"), [pair("education-reform", "招生政策")]);
        assert_eq!(topics("热烈庆祝建校七十周年校庆"), [pair("large-event", "校庆")]);
        assert_eq!(topics("喜报：我校中考成绩再创新高"), [pair("school-image", "喜报")]);
    }

    #[test]
    fn message_severity_and_reason() {
        let a = Article::from_paragraphs("t", ["一名学生不幸溺水。", "今年升学率再创新高。"]);
        let f = check(&a, "sign-off-topic");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].severity, Severity::Review);
        assert_eq!(f[0].message, "涉及“突发事件”选题：发布前须报分管领导审核（“不幸溺水”）");
        assert!(f[0].suggestion.is_some());
        assert!(f[1].message.contains("不得炒作升学率"), "{}", f[1].message);
        let en = check_with(config(r#"{"locale":"en"}"#), &a, "sign-off-topic");
        assert!(en[0].message.starts_with("Topic [emergency]"), "{}", en[0].message);
    }

    #[test]
    fn one_finding_per_topic_and_field_unless_configured() {
        let mut a = Article::from_paragraphs("紧急通知：某校发生火灾", ["发生火灾后，确诊病例增加，失联人员仍在搜寻。", "教代会和党委会先后召开。"]);
        a.digest = "某地失联".into();
        let f = check(&a, "sign-off-topic");
        let got: Vec<_> = f.iter().map(|f| (f.field, f.category.clone().unwrap(), f.text.clone())).collect();
        assert_eq!(
            got,
            [
                (Field::Title, "emergency".to_string(), "发生火灾".to_string()),
                (Field::Digest, "emergency".to_string(), "失联".to_string()),
                (Field::Body, "emergency".to_string(), "发生火灾".to_string()),
                (Field::Body, "major-meeting".to_string(), "教代会".to_string()),
            ]
        );
        let all = check_with(config(r#"{"rules":{"sign-off-topic":{"firstOnly":false}}}"#), &a, "sign-off-topic");
        assert_eq!(all.len(), 7, "{all:?}");
        let some = check_with(config(r#"{"rules":{"sign-off-topic":{"ignoreCategories":["emergency"]}}}"#), &a, "sign-off-topic");
        assert_eq!(some.len(), 1);
    }

    #[test]
    fn safety_education_and_drills_are_not_emergencies() {
        let none = [
            "开展防溺水安全教育，珍爱生命，预防溺水。",
            "严禁私自下河游泳，防止溺水事故发生。",
            "夏季是溺水事故高发期，家长要加强监护。",
            "夏季是溺水事故的高发期，溺水是中小学生意外死亡的“第一杀手”。",
            "学校组织消防演练和地震应急演练，师生有序撤离。",
            "模拟发生火灾，同学们用湿毛巾捂住口鼻。",
            "一旦发生火灾，要沉着冷静。",
            "发生地震时，要迅速躲到桌子下面。",
            "最大限度减少人员伤亡，避免造成人员伤亡。",
            "如何预防食物中毒？食物中毒的症状有哪些？",
            "做好学校食堂管理，杜绝食物中毒事件。",
            "观看溺水事故警示教育片。",
            "近日，全国多地发生学生溺水事件，令人痛心；每年暑假都有学生溺水身亡。",
            "排查失联党员，城门失火，殃及池鱼。",
            "最好不要下河游泳，第一责任人要落实责任。",
            "我校举行秋季运动会和开学典礼，同学们在比赛中荣获一等奖。",
            "严禁炒作升学率和中考状元，不得公布学生成绩排名。",
            "学习宪法，了解人民代表大会制度。",
            "全镇共有近万人口。",
        ];
        for p in none {
            assert!(topics(p).is_empty(), "{p}: {:?}", topics(p));
        }
    }

    #[test]
    fn house_rules_that_name_the_topics_are_not_reports_of_them() {
        let rules = [
            "（二）下列内容必须向分管校领导报审：",
            "- 1、校内媒体的重大选题，新开辟敏感性强的热门话题、专题、专栏或栏目调整等。",
            "- 2、重大意外事件、突发事件的报道。",
            "- 3、涉及学校重大决策、重要会议、重要活动、全局工作评价性的报道或重要评论。",
            "- 4、有关党政新闻、教育改革、政府新闻等政治性敏感和社会敏感问题的报道。",
            "- 5、新闻媒体参与的大型社会活动。",
            "- 6、学校形象宣传。",
            "五、报送要求 对于大型活动应进行活动预告、活动回忆等分段报道。",
        ];
        for p in rules {
            assert!(topics(p).is_empty(), "{p}: {:?}", topics(p));
        }
    }

    #[test]
    fn meetings_party_news_and_reform_in_everyday_wording() {
        assert_eq!(topics("镇党委召开2023年度民主生活会"), [pair("major-meeting", "民主生活会")]);
        assert_eq!(topics("县总工会召开第五次会员代表大会"), [pair("major-meeting", "代表大会")]);
        assert_eq!(topics("学习贯彻党的二十届三中全会精神"), [pair("major-meeting", "中全会")]);
        assert_eq!(topics("传达学习习近平总书记重要讲话精神"), [pair("party-government", "重要讲话")]);
        assert_eq!(topics("关于张三同志任前公示的公告"), [pair("party-government", "任前公示")]);
        assert_eq!(topics("落实“双减”，提升课后服务质量"), [pair("education-reform", "双减")]);
        assert_eq!(topics("2024年城区小学学区划分方案"), [pair("education-reform", "学区划分")]);
        assert_eq!(topics("首届乡村半程马拉松鸣枪开跑"), [pair("large-event", "马拉松")]);
        assert_eq!(topics("学校新版宣传片正式发布"), [pair("school-image", "宣传片")]);
        assert_eq!(topics("热烈祝贺我校被评为省级文明校园"), [pair("school-image", "我校被评为")]);
        assert_eq!(topics("我校今年高考成绩再创新高，清华北大录取3人"), [pair("school-image", "高考成绩")]);
    }

    /// Offsets of every finding map back to the original text, whatever it holds.
    fn offsets_hold(rule: &str, tokens: &[&str]) {
        let checker = crate::Checker::new(crate::Config::default()).unwrap();
        let (mut seed, mut seen) = (0x2545_f491_4f6c_dd1d_u64, 0);
        for _ in 0..400 {
            let mut s = String::new();
            for _ in 0..20 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(tokens[(seed % tokens.len() as u64) as usize]);
            }
            let a = Article::from_paragraphs(&s, [s.as_str()]);
            let units: Vec<u16> = s.encode_utf16().collect();
            for f in checker.check(&a).into_iter().filter(|f| f.rule == rule) {
                assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), f.text, "{s:?}");
                seen += 1;
            }
        }
        assert!(seen > 20, "only {seen} findings: the tokens do not exercise {rule}");
    }

    #[test]
    fn offsets_map_back_to_the_text() {
        offsets_hold("sign-off-topic", &["不幸溺水", "发生火灾", "预防", "时", "喜报", "升学率", "党委会", "校庆", "😀", "\u{200b}", "　", "，", "\n", "严禁", "不得"]);
    }
}
