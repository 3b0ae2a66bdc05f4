//! `expression`: non-standard expressions, each with its standard form (lexicon entries with
//! `@rule expression`, built-in list `lexicons/rules/expression.txt`).
//!
//! Categories of the built-in list: `disability` (残废 → 残疾), `criminal` (罪犯 before a
//! verdict → 犯罪嫌疑人), `territory` (台湾总统 → 台湾地区领导人, 中国和香港 → 内地和香港;
//! mostly `block`), `ethnic-religion` (回回人 → 回族群众, 维族 → 维吾尔族). Correct compounds
//! that contain a listed string are on the list's allow-list (哑巴亏, 书呆子, 罪犯改造,
//! 中华民国临时政府, 伪满洲国).
//!
//! The code adds two pieces of context:
//! - a territorial term in quotation marks or after 所谓 (所谓“中华民国”) is how official texts
//!   distance themselves from such a name, and is not reported;
//! - 罪犯 in a clause about a sentence or a prison (法院判处罪犯张某有期徒刑, 监狱罪犯) is the
//!   right word after a verdict, and is not reported.

use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};
use crate::normalize::is_boundary;

pub struct Expression;

static META: RuleMeta = RuleMeta {
    id: "expression",
    name_zh: "不规范用语",
    name_en: "Non-standard expressions",
    description_zh: "新闻报道中不应使用的表述及其规范说法：对残疾人的蔑称（瞎子→盲人）、判决前称“罪犯”（→犯罪嫌疑人）、涉台港澳及领土的错误表述（台湾总统→台湾地区领导人，中国和香港→内地和香港，必须修改）、不规范的民族宗教称谓等。",
    description_en: "Expressions that news style guidance rules out, with the standard form: contemptuous names for people with disabilities, \"罪犯\" before a verdict (→ 犯罪嫌疑人), wrong naming of Taiwan, Hong Kong and Macao (block), non-standard names of ethnic groups and religions.",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[OptionMeta {
        key: "ignoreCategories",
        default: OptionDefault::List(&[]),
        description_zh: "不检查的分类（disability 残疾人称谓、criminal 司法用语、territory 涉台港澳及领土表述、ethnic-religion 民族宗教称谓）",
        description_en: "Categories not to report (disability, criminal, territory, ethnic-religion)",
    }],
};

/// The category whose entries are not reported when quoted.
const TERRITORY: &str = "territory";
/// The category of 罪犯 and its shorthands: right after a verdict.
const CRIMINAL: &str = "criminal";

/// Words of a clause about a convicted person: there 罪犯 is the right word.
const AFTER_VERDICT: &[&str] = &[
    "判处", "判决", "宣判", "判刑", "服刑", "刑满", "改造", "监狱", "死刑", "有期徒刑", "无期徒刑", "减刑", "假释",
    "定罪",
];

/// How far (in characters) the clause around a match is searched.
const WINDOW: usize = 16;

/// The clause around `start..end`: back and forward to the nearest punctuation, at most
/// [`WINDOW`] characters each way.
fn clause_around(text: &str, start: usize, end: usize) -> (&str, &str) {
    let mut s = start;
    for (i, c) in text[..start].char_indices().rev().take(WINDOW) {
        if is_boundary(c) {
            break;
        }
        s = i;
    }
    let mut e = end;
    for (i, c) in text[end..].char_indices().take(WINDOW) {
        if is_boundary(c) {
            break;
        }
        e = end + i + c.len_utf8();
    }
    (&text[s..start], &text[end..e])
}

/// 罪犯 in a clause about a sentence or a prison: 法院判处罪犯张某有期徒刑.
fn after_verdict(text: &str, start: usize, end: usize) -> bool {
    let (before, after) = clause_around(text, start, end);
    AFTER_VERDICT.iter().any(|w| before.contains(w) || after.contains(w))
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '"' | '\'')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '"' | '\'')
}

/// `所谓中华民国`, `所谓“中华民国”`, `“台湾总统”`: a name quoted, not used.
fn distanced(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let opened = before.chars().next_back().is_some_and(is_open_quote);
    let closed = text[end..].chars().next().is_some_and(is_close_quote);
    let before = if opened { &before[..before.len() - before.chars().next_back().map_or(0, char::len_utf8)] } else { before };
    (opened && closed) || before.trim_end().ends_with("所谓")
}

impl Rule for Expression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        for hit in ctx.reported_hits(META.id, cfg) {
            let entry = hit.entry;
            let text = ctx.text_of(hit.at.field, hit.at.block);
            let (start, end) = (hit.at.hit.byte_start as usize, hit.at.hit.byte_end as usize);
            let skip = match &*entry.category {
                TERRITORY => distanced(text, start, end),
                CRIMINAL => after_verdict(text, start, end),
                _ => false,
            };
            if skip {
                continue;
            }
            let (label, matched) = (ctx.category_label(&entry.category), hit.text);
            let (suggest_zh, suggest_en) = match entry.suggestion.as_deref() {
                Some(s) => (format!("，建议改为“{s}”"), format!("; use \"{s}\"")),
                None => (String::new(), String::new()),
            };
            let note_zh = entry.note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
            let note_en = entry.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            let message = ctx.msg(
                format!("不规范用语【{label}】：“{matched}”{suggest_zh}{note_zh}"),
                format!("Non-standard expression [{label}]: \"{matched}\"{suggest_en}{note_en}"),
            );
            out.push(hit.finding(&META, cfg, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Severity};

    fn found(p: &str) -> Vec<(String, Severity, Option<String>)> {
        check(&Article::from_paragraphs("标题", [p]), "expression")
            .into_iter()
            .map(|f| (f.text, f.severity, f.suggestion))
            .collect()
    }

    fn texts(p: &str) -> Vec<String> {
        found(p).into_iter().map(|(t, ..)| t).collect()
    }

    #[test]
    fn disability_slurs_with_their_standard_names() {
        let f = found("村里的瞎子和聋子都得到了帮扶。");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].0.as_str(), f[0].1, f[0].2.as_deref()), ("瞎子", Severity::Warn, Some("盲人")));
        assert_eq!(f[1].2.as_deref(), Some("聋人"));
        assert_eq!(texts("关爱弱智儿童和残废人"), ["弱智儿童", "残废人"]);
        assert_eq!(texts("他小时候是个哑巴"), ["哑巴"]);
        assert_eq!(texts("智障人士就业帮扶"), ["智障人士"]);
        assert_eq!(texts("預防老年癡呆"), ["老年癡呆"]);
    }

    #[test]
    fn criminal_before_a_verdict() {
        let f = check(&Article::from_paragraphs("t", ["警方抓获罪犯两名"]), "expression");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_deref(), Some("犯罪嫌疑人"));
        assert!(f[0].message.contains("判决前应称犯罪嫌疑人"), "{}", f[0].message);
        assert_eq!(texts("嫌犯已被控制，嫌疑犯供认不讳"), ["嫌犯", "嫌疑犯"]);
    }

    #[test]
    fn territorial_naming_blocks() {
        let f = found("台湾总统和台湾政府");
        assert_eq!(f.iter().map(|f| f.1).collect::<Vec<_>>(), [Severity::Block, Severity::Block]);
        assert_eq!(f[0].2.as_deref(), Some("台湾地区领导人"));
        assert_eq!(texts("中国和香港的经贸往来"), ["中国和香港"]);
        assert_eq!(texts("中国与台湾的关系"), ["中国与台湾"]);
        assert_eq!(texts("来自美国、台湾等国家的学者"), ["台湾等国家"]);
        assert_eq!(texts("他们来自港澳台国家"), ["港澳台国家"]);
        assert_eq!(texts("1949年后的中华民国"), ["中华民国"]);
        assert_eq!(texts("参观国立故宫博物院"), ["国立故宫博物院"]);
        assert_eq!(texts("臺灣總統選舉"), ["臺灣總統"]);
        let f = found("两岸三地青少年交流");
        assert_eq!((f[0].0.as_str(), f[0].1), ("两岸三地", Severity::Warn));
        assert_eq!(texts("大陆和香港的学生"), ["大陆和香港"]);
    }

    #[test]
    fn ethnic_and_religious_naming() {
        let f = found("回回人过开斋节");
        assert_eq!((f[0].0.as_str(), f[0].1), ("回回人", Severity::Block));
        assert_eq!(texts("维族和蒙族同胞"), ["维族", "蒙族"]);
        assert_eq!(texts("满清政府腐败无能"), ["满清政府"]);
    }

    #[test]
    fn correct_wording_is_not_reported() {
        let none = [
            "台湾地区领导人、台湾当局、台湾地区立法机构",
            "内地与香港、澳门同胞血脉相连，大陆和台湾同属一个中国。",
            "海峡两岸和香港、澳门的青少年，两岸暨港澳的朋友",
            "中国香港、中国澳门、中国台湾代表队",
            "所谓“中华民国”根本不存在，所谓中华民国“宪法”",
            "1912年1月1日，中华民国临时政府在南京成立，孙中山就任中华民国临时大总统。",
            "残疾人、盲人、聋人、智力障碍者、聋哑人",
            "犯罪嫌疑人已被刑事拘留；监狱依法开展罪犯改造，服刑罪犯积极劳动。",
            "南京大屠杀是日本战争罪犯犯下的滔天罪行。",
            "法院依法判处贩毒罪犯张某死刑。犯罪嫌疑人在法院判决前不能称为罪犯。",
            "告别哑巴英语，大胆开口说。",
            "他吃了个哑巴亏，真是哑巴吃黄连。",
            "不做书呆子，要做有思想的人。",
            "回族同胞、回民中学、伊斯兰教",
            "他回回考试都是第一名。",
            "空气中充满清新的气息，满清香。",
            "参观伪满洲国皇宫博物院",
            "农民工、老人、老年人、阿尔茨海默病",
            "美国、台湾等国家和地区的嘉宾",
        ];
        for p in none {
            assert!(texts(p).is_empty(), "{p}: {:?}", texts(p));
        }
    }

    #[test]
    fn categories_can_be_ignored_and_severity_overridden() {
        let a = Article::from_paragraphs("t", ["瞎子和台湾总统"]);
        let f = check_with(config(r#"{"rules":{"expression":{"ignoreCategories":["disability"]}}}"#), &a, "expression");
        assert_eq!(f.iter().map(|f| f.text.as_str()).collect::<Vec<_>>(), ["台湾总统"]);
        let f = check_with(config(r#"{"rules":{"expression":"info"}}"#), &a, "expression");
        assert!(f.len() == 2 && f.iter().all(|f| f.severity == Severity::Info));
        let f = check_with(config(r#"{"locale":"en"}"#), &a, "expression");
        assert!(f[0].message.starts_with("Non-standard expression"), "{}", f[0].message);
    }

    #[test]
    fn offsets_are_utf16() {
        let a = Article::from_paragraphs("t", ["😀😀台湾政府"]);
        let f = check(&a, "expression");
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (4, 8, "台湾政府"));
    }

    #[test]
    fn offsets_map_back_to_the_text() {
        crate::rules::testing::offsets_hold("expression", &["台湾", "总统", "政府", "“", "”", "所谓", "罪犯", "判处", "瞎子", "哑巴", "亏", "中国和香港", "😀", "\u{200b}", "，"]);
    }
}
