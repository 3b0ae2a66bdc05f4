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
//!
//! Entries that are also ordinary words are reported only in the sense of the topic:
//! - a head count of `large-event` (an entry ending in 人: 万余人, 近万人, 数万人) only when the
//!   people take part in something (…参加, …参与, …齐聚, 吸引…, 现场…): "1.2万余人完成缴费",
//!   "近万人已接种" are statistics, not events (万人签名, 万人徒步 are events as listed);
//! - `宣传片` only when it is the school's own film (学校, 我校, 形象, 招生 … in its clause) and
//!   not a film about a topic (禁毒宣传片, 反诈宣传片, 安全宣传片, 公益宣传片);
//! - `喜报` only for results and honours (中考, 高考, 录取, 成绩, 荣获 … around it in its sentence,
//!   or as the first word of a text, "喜报：…"), never for enlistment or military merit
//!   (入伍, 参军, 立功), whose 喜报 is a standard form;
//! - `major-meeting` and `party-government` entries not in history: a year before 2000 in the
//!   sentence (1921年，…代表大会…闭幕), the founding congress of a party
//!   (…党第一次全国代表大会) or a memorial (…会址, …旧址, …纪念馆) is history, not a meeting or
//!   visit being reported.

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
const LARGE_EVENT: &str = "large-event";
const MAJOR_MEETING: &str = "major-meeting";
const PARTY_GOVERNMENT: &str = "party-government";

/// Titles of prevention letters, emergency plans and drills: their emergencies are hypothetical.
const PREVENTION_TITLES: &[&str] = &[
    "预案", "演练", "一封信", "告家长书", "致家长", "家长书", "安全教育", "防溺水", "安全提示", "温馨提示", "倡议书", "安全提醒",
    "防范", "预防", "须知", "指南", "知识",
];

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

/// After a head count (近万人, 万余人): the people take part in something.
const TAKE_PART_AFTER: &[&str] = &[
    "参加", "参与", "参赛", "到场", "到现场", "齐聚", "汇聚", "聚集", "集会", "观赛", "观演", "围观", "出席", "同台", "相聚",
    "欢聚", "涌入", "共襄", "共同", "同唱", "同跑", "签名", "健步", "徒步", "合唱",
];
/// Before a head count: an event that drew them (吸引了近万人, 现场上万人).
const TAKE_PART_BEFORE: &[&str] = &["吸引", "现场", "赛事", "晚会", "演出", "观众", "参赛"];
/// Whose film a 宣传片 is: the school's (or the place's) own image.
const IMAGE_QUALIFIERS: &[&str] = &[
    "学校", "校园", "我校", "本校", "母校", "校庆", "建校", "校史", "形象", "招生", "我园", "本园", "城市", "我镇", "本镇",
    "我县", "我市", "我区",
];
/// A film about a topic (禁毒宣传片, 反诈宣传片): not the school's image.
const FILM_TOPICS: &[&str] = &[
    "禁毒", "反毒", "反诈", "防诈", "诈骗", "安全", "消防", "防火", "溺水", "防溺", "普法", "法治", "法制", "宪法", "民法典",
    "禁烟", "控烟", "防艾", "艾滋病", "环保", "垃圾分类", "扫黑除恶", "反邪教", "禁赌", "保密", "卫生", "健康", "防疫", "疫苗",
    "文明", "交通", "防灾", "减灾", "应急", "地震", "防汛", "廉政", "廉洁", "反腐", "征兵", "医保", "社保", "公益", "科普",
    "警示", "党史", "红色", "爱国",
];
/// Words between a topic and 宣传片: 禁毒主题宣传片, 安全教育宣传片, 禁毒的宣传片.
const FILM_FILLERS: &[&str] = &["主题", "公益", "专题", "教育", "警示", "科普", "知识", "系列", "动画", "短", "的"];
/// Around 喜报: exam results, admissions and honours (the school-image sense).
const RESULT_CUES: &[&str] = &[
    "中考", "高考", "学考", "会考", "升学", "录取", "考入", "成绩", "排名", "状元", "金榜", "竞赛", "获奖", "荣获", "获评",
    "被评为", "夺冠", "一等奖", "金牌", "佳绩",
];
/// Around 喜报: enlistment and military merit, whose 喜报 is a standard form.
const MILITARY_CUES: &[&str] = &["入伍", "参军", "立功", "军功", "荣立", "等功", "服役", "部队", "军营", "征兵", "新兵", "士兵", "军人"];
/// After a meeting or visit: its memorial, a place of history (一大会址, 代表大会旧址).
const MEMORIAL_AFTER: &[&str] = &["会址", "旧址", "遗址", "纪念馆", "纪念地", "纪念碑", "陈列馆"];
/// How far (in characters) a sentence is searched for a year or a cue.
const SENTENCE_WINDOW: usize = 40;

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

/// The clause after byte `at`: up to the next punctuation, at most [`WINDOW`] characters.
fn clause_after(text: &str, at: usize) -> &str {
    let mut end = at;
    for (i, c) in text[at..].char_indices().take(WINDOW) {
        if is_boundary(c) {
            break;
        }
        end = at + i + c.len_utf8();
    }
    &text[at..end]
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// The sentence before byte `at` (across commas): back to the last full stop or line break, at
/// most [`SENTENCE_WINDOW`] characters.
fn sentence_before(text: &str, at: usize) -> &str {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev().take(SENTENCE_WINDOW) {
        if is_sentence_end(c) {
            break;
        }
        start = i;
    }
    &text[start..at]
}

/// The sentence after byte `at`: up to the next full stop or line break, at most
/// [`SENTENCE_WINDOW`] characters.
fn sentence_after(text: &str, at: usize) -> &str {
    let mut end = at;
    for (i, c) in text[at..].char_indices().take(SENTENCE_WINDOW) {
        if is_sentence_end(c) {
            break;
        }
        end = at + i + c.len_utf8();
    }
    &text[at..end]
}

fn any_in(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// A year before 2000 (`1921年`, `１９７８年`, `一九四九年`) in `s`: history.
fn has_old_year(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let digit = |c: char| -> Option<u32> {
        match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(c as u32 - '０' as u32),
            '〇' | '零' => Some(0),
            _ => "一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32 + 1),
        }
    };
    chars.windows(5).enumerate().any(|(i, w)| {
        if w[4] != '年' || (i > 0 && digit(chars[i - 1]).is_some()) {
            return false;
        }
        let mut year = 0;
        for &c in &w[..4] {
            match digit(c) {
                Some(d) => year = year * 10 + d,
                None => return false,
            }
        }
        (1000..2000).contains(&year)
    })
}

/// Is there only decoration (spaces, brackets, symbols) before byte `at`?
fn at_text_start(text: &str, at: usize) -> bool {
    text[..at].chars().all(|c| !c.is_alphanumeric())
}

/// Does a topic word end the clause before 宣传片 (禁毒宣传片, 禁毒主题教育宣传片)?
fn film_about_a_topic(before: &str) -> bool {
    let mut s = before;
    loop {
        if FILM_TOPICS.iter().any(|t| s.ends_with(t)) {
            return true;
        }
        match FILM_FILLERS.iter().find_map(|f| s.strip_suffix(f)) {
            Some(rest) if !rest.is_empty() => s = rest,
            _ => return false,
        }
    }
}

/// Should this hit be skipped: a prevention, drill or ban context, an ordinary sense of the
/// word, or history?
fn skipped(text: &str, start: usize, end: usize, category: &str, term: &str) -> bool {
    let before = clause_before(text, start);
    match category {
        EMERGENCY => {
            let after = &text[end..];
            before.ends_with('防')
                || PREVENTION_BEFORE.iter().any(|w| before.contains(w))
                || PREVENTION_AFTER.iter().any(|w| after.starts_with(w))
        }
        SCHOOL_IMAGE => {
            if BAN_BEFORE.iter().any(|w| before.contains(w)) {
                return true;
            }
            match term {
                "宣传片" => {
                    let after = clause_after(text, end);
                    film_about_a_topic(before) || !(any_in(before, IMAGE_QUALIFIERS) || any_in(after, IMAGE_QUALIFIERS))
                }
                "喜报" => {
                    let around = [sentence_before(text, start), sentence_after(text, end)];
                    around.iter().any(|s| any_in(s, MILITARY_CUES))
                        || !(at_text_start(text, start) || around.iter().any(|s| any_in(s, RESULT_CUES)))
                }
                _ => false,
            }
        }
        LARGE_EVENT if term.ends_with('人') => {
            !(any_in(clause_after(text, end), TAKE_PART_AFTER) || any_in(before, TAKE_PART_BEFORE))
        }
        MAJOR_MEETING | PARTY_GOVERNMENT => {
            let after = &text[end..];
            has_old_year(sentence_before(text, start))
                || has_old_year(clause_after(text, end))
                || MEMORIAL_AFTER.iter().any(|w| after.starts_with(w))
                || before.contains("党第一次全国")
        }
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
        // A prevention letter, an emergency plan or a drill names the emergencies it prepares for.
        let prevention_genre = PREVENTION_TITLES.iter().any(|w| ctx.article.title.contains(w));
        for hit in ctx.lexicon_hits(META.id) {
            let entry = hit.entry;
            let category: &str = &entry.category;
            if ignored.iter().any(|c| c == category) || (prevention_genre && category == EMERGENCY) {
                continue;
            }
            if first_only && seen.contains(&(category, hit.at.field)) {
                continue;
            }
            let text = ctx.text_of(hit.at.field, hit.at.block);
            if skipped(text, hit.at.hit.byte_start as usize, hit.at.hit.byte_end as usize, category, &entry.term) {
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

    #[test]
    fn head_counts_are_statistics_unless_people_take_part() {
        for p in [
            "截至目前，全镇已有1.2万余人完成缴费。",
            "全县已有近万人接种疫苗，参保人数达数万人。",
            "今年共资助学生上万人次，覆盖近万人。",
        ] {
            assert!(topics(p).is_empty(), "{p}: {:?}", topics(p));
        }
        assert_eq!(topics("本次活动吸引了近万人，场面热烈。"), [pair("large-event", "近万人")]);
        assert_eq!(topics("比赛当天，万余人参加了健步走。"), [pair("large-event", "万余人")]);
        assert_eq!(topics("开展万人签名活动"), [pair("large-event", "万人签名")]);
    }

    #[test]
    fn topic_films_are_not_the_school_image() {
        for p in [
            "活动期间，学校还组织学生观看了禁毒宣传片。",
            "学校组织师生观看反诈宣传片和消防安全教育宣传片。",
            "我校播放了防溺水主题宣传片，观看公益宣传片。",
        ] {
            assert!(topics(p).is_empty(), "{p}: {:?}", topics(p));
        }
        assert_eq!(topics("我校形象宣传片今日上线"), [pair("school-image", "形象宣传片")]);
        assert_eq!(topics("招生宣传片拍摄完成"), [pair("school-image", "招生宣传片")]);
        assert_eq!(topics("观看宣传片"), []);
    }

    #[test]
    fn enlistment_notices_are_not_school_image() {
        for p in [
            "镇退役军人服务站还将为新入伍士兵家庭送去喜报。",
            "喜报：我镇青年张三在部队荣立三等功。",
            "敲锣打鼓把参军喜报送到家中。",
            "为立功官兵家庭送喜报。",
        ] {
            assert!(topics(p).is_empty(), "{p}: {:?}", topics(p));
        }
        assert_eq!(topics("中考喜报！！我校再创佳绩"), [pair("school-image", "喜报")]);
        assert_eq!(topics("学校门口贴出了高考喜报。"), [pair("school-image", "喜报")]);
        assert_eq!(topics("【喜报】热烈祝贺我校学子"), [pair("school-image", "喜报")]);
    }

    #[test]
    fn history_is_not_a_meeting_being_reported() {
        for p in [
            "1921年，中国共产党第一次全国代表大会在这条游船上闭幕，庄严宣告了中国共产党的诞生。",
            "中国共产党第一次全国代表大会在上海召开。",
            "参观中国共产党第一次全国代表大会会址。",
            "一九七八年十二月，党的十一届三中全会在北京召开。",
            "1949年9月，中国人民政治协商会议第一届全体会议召开。",
        ] {
            assert!(topics(p).is_empty(), "{p}: {:?}", topics(p));
        }
        assert_eq!(topics("镇党委召开2023年度民主生活会"), [pair("major-meeting", "民主生活会")]);
        assert_eq!(topics("市第一人民医院召开第七届会员代表大会"), [pair("major-meeting", "代表大会")]);
        assert_eq!(topics("协会召开第一次会员代表大会"), [pair("major-meeting", "代表大会")]);
    }

    #[test]
    fn offsets_map_back_to_the_text() {
        crate::rules::testing::offsets_hold("sign-off-topic", &["不幸溺水", "发生火灾", "预防", "时", "喜报", "升学率", "党委会", "校庆", "😀", "\u{200b}", "　", "，", "\n", "严禁", "不得"]);
    }
}
