//! `spam`: chains of porn-site, betting-site and lure vocabulary injected into hijacked
//! articles ("成人视频在线观看一区二区日韩av", "XX体育官网_9号彩票_百家乐…").
//!
//! Tokens are (1) entries of the rule's own list (`lexicons/rules/spam.txt`, weighted by their
//! severity: block 3, review 2, warn and info 1), (2) every `prohibited` hit of the built-in
//! gambling, pornography, drugs and fraud categories, whatever its context (weight 3), and (3) betting brands found by code: a run of Latin letters or digits
//! glued to a brand suffix (娱乐, 彩票, 体育, 棋牌, 官网…; weight 6), except well-known
//! acronyms (CCTV, NBA…) and years.
//!
//! A token of category `brand` (a known betting brand such as "kaiyun开云官方网站") is reported
//! on its own: hijacked pages put it in place of the school's name.
//!
//! Tokens of one text closer than [`MAX_GAP`] characters with no sentence end between them form a
//! cluster. A cluster with at least [`MIN_DISTINCT`] distinct tokens whose weights sum to the
//! `threshold` option, at least one of them promotion vocabulary (prohibited terms alone are the
//! `prohibited` rule's business), is reported when it is a *chain* of strong words (tokens cover most of its span, or are
//! joined by `_ | ｜ 【】` separators) or, in prose, when the article is not a police report or a
//! prevention lesson. Everything is one pass over the hits and one over each text's
//! characters: linear.

use super::context::{is_report_or_lesson, sentence_of, CONTEXT_RULE};
use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::{Locale, RuleConfig};
use crate::finding::{Field, Finding, Severity};

pub struct Spam;

/// Largest gap, in characters, between two tokens of one cluster.
pub const MAX_GAP: usize = 10;
/// Fewest distinct tokens of a reported cluster.
pub const MIN_DISTINCT: usize = 3;
/// Default weight sum of a reported cluster.
pub const DEFAULT_THRESHOLD: f64 = 8.0;

static META: RuleMeta = RuleMeta {
    id: "spam",
    name_zh: "垃圾信息植入",
    name_en: "Injected spam",
    description_zh: "被盗号或被篡改的文章中植入的色情网站、赌博网站推广词串（如“成人视频在线观看一区二区”“XX体育官网_彩票”），常见于标题和首段。",
    description_en: "Chains of porn-site and betting-site promotion injected into hijacked articles (\"成人视频在线观看一区二区\", \"XX体育官网_彩票\"), usually in the title and first paragraph.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[OptionMeta {
        key: "threshold",
        default: OptionDefault::Number { value: DEFAULT_THRESHOLD, min: 1.0, max: 100.0 },
        description_zh: "报告一串词所需的权重和（词库中 block 词 3 分、review 2 分、warn 1 分，违禁词 3 分，博彩品牌 6 分）",
        description_en: "Weight sum a cluster needs to be reported (list entries: block 3, review 2, warn 1; prohibited terms 3; betting brands 6)",
    }],
};

/// Categories of `prohibited` whose terms are spam tokens.
const SPAM_CATEGORIES: &[&str] = &["gambling", "pornography", "drugs", "fraud"];

/// Brand suffixes: Latin letters or digits glued in front of one of these make a betting brand.
const SUFFIXES: &[&str] = &[
    "娱乐城", "娱乐场", "娱乐", "彩票", "体育", "棋牌", "官网", "博彩", "真人", "电竞", "网投", "国际", "比分", "平台", "彩", "app",
];

/// Latin/digit runs that are not brands in front of those suffixes.
const ACRONYMS: &[&str] = &[
    "cctv", "cctv5", "nba", "cba", "fifa", "app", "vr", "ai", "5g", "4g", "3d", "4k", "tv", "pe", "ip", "it", "ufc", "wcba", "kpl", "ab", "abc", "dj", "mv",
];

fn weight_of(severity: Option<Severity>) -> u32 {
    match severity {
        Some(Severity::Block) => 3,
        Some(Severity::Review) => 2,
        _ => 1,
    }
}

#[derive(Debug, Clone, Copy)]
struct Token<'t> {
    start: usize,
    end: usize,
    weight: u32,
    term: &'t str,
    /// Promotion vocabulary (the rule's own list or a brand), not a prohibited term.
    promo: bool,
    /// A known betting brand (category `brand`): reported on its own.
    brand: bool,
}

/// A reported chain: the byte range of one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub field: Field,
    pub block: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub distinct: usize,
    pub terms: Vec<String>,
}

/// Betting brands in `text`: byte ranges of `[A-Za-z0-9]+SUFFIX`.
fn brands(text: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = &text[start..i];
        if run.len() > 12 {
            continue;
        }
        let lower = run.to_ascii_lowercase();
        let year = run.len() == 4 && (run.starts_with("19") || run.starts_with("20")) && run.bytes().all(|b| b.is_ascii_digit());
        if year || ACRONYMS.contains(&lower.as_str()) {
            continue;
        }
        let rest = &text[i..];
        if let Some(s) = SUFFIXES.iter().find(|s| rest.get(..s.len()).is_some_and(|r| r.eq_ignore_ascii_case(s))) {
            // A lone digit before 彩/体育 is ordinary ("3彩", "2体育"): brands have two or more
            // characters, or letters.
            if run.len() >= 2 || run.bytes().any(|b| b.is_ascii_alphabetic()) {
                out.push((start, i + s.len()));
                i += s.len();
            }
        }
    }
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '_' | '|' | '｜' | '【' | '】' | '[' | ']' | '-' | '—' | '、' | '/' | '·' | '+' | '丨' | '，' | ',')
}

/// The reported chains of the article (see the module documentation), in text order.
pub fn chains(ctx: &Context<'_>) -> Vec<Chain> {
    chains_with(ctx, DEFAULT_THRESHOLD as u32)
}

fn chains_with(ctx: &Context<'_>, threshold: u32) -> Vec<Chain> {
    let mut out = Vec::new();
    let mut lowered: Option<bool> = None;
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut brand_spans = Vec::new();
    let by_text = super::hits_by_text(ctx);
    for (field, block, text) in ctx.article.texts() {
        tokens.clear();
        let hits = by_text.get(&(field, block)).map_or(&[][..], Vec::as_slice);
        for h in hits {
            let e = ctx.matcher.entry(h.hit.entry);
            let (weight, promo) = match &*e.rule {
                "spam" => (weight_of(e.severity), true),
                // Only the vice that spam promotes: a user's own list (category custom) or an
                // insult is no spam vocabulary.
                "prohibited" if SPAM_CATEGORIES.contains(&&*e.category) => (3, false),
                _ => continue,
            };
            let brand = promo && &*e.category == "brand";
            tokens.push(Token { start: h.hit.byte_start as usize, end: h.hit.byte_end as usize, weight, term: &e.key, promo, brand });
        }
        if tokens.is_empty() {
            continue;
        }
        brand_spans.clear();
        brands(text, &mut brand_spans);
        tokens.extend(brand_spans.iter().map(|&(s, e)| Token { start: s, end: e, weight: 6, term: &text[s..e], promo: true, brand: false }));
        tokens.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
        // Drop tokens inside an earlier one (a prohibited hit inside a brand, say).
        let mut kept: Vec<Token<'_>> = Vec::with_capacity(tokens.len());
        for t in tokens.iter() {
            if let Some(k) = kept.last_mut().filter(|k| t.end <= k.end) {
                // A known brand inside a code-detected one (bet365 in bet365体育官网) keeps the
                // whole token a known brand.
                k.brand |= t.brand;
                continue;
            }
            kept.push(*t);
        }
        let mut i = 0;
        while i < kept.len() {
            let mut j = i + 1;
            while j < kept.len() {
                let gap = &text[kept[j - 1].end.min(kept[j].start)..kept[j].start];
                // A quotation mark closes a chain: a name quoted by a report (侦破“777真人娱乐场”
                // 网络赌博案) is one unit, not the start of a string of spam.
                if gap.chars().count() > MAX_GAP || gap.contains(['。', '！', '？', '!', '?', '；', '\n', '“', '”', '‘', '’', '「', '」', '"']) {
                    break;
                }
                j += 1;
            }
            let cluster = &kept[i..j];
            i = j;
            let mut terms: Vec<&str> = Vec::new();
            let mut score = 0;
            for t in cluster {
                if !terms.contains(&t.term) {
                    terms.push(t.term);
                    score += t.weight;
                }
            }
            let has_brand = cluster.iter().any(|t| t.brand);
            if !has_brand && (terms.len() < MIN_DISTINCT || score < threshold) {
                continue;
            }
            let (start, end) = (cluster[0].start, cluster[cluster.len() - 1].end);
            let covered: usize = cluster.iter().map(|t| text[t.start..t.end].chars().count()).sum();
            let gaps: String = cluster.windows(2).map(|w| &text[w[0].end.min(w[1].start)..w[1].start]).collect();
            let span_chars = text[start..end].chars().count().max(1);
            let chain_like = covered * 10 >= span_chars * 6 || gaps.chars().all(is_separator);
            let promo = cluster.iter().any(|t| t.promo);
            let strong = has_brand || cluster.iter().any(|t| t.promo && t.weight >= 3);
            // A known brand in prose (展现篮球比分直播：在补齐养老事业短板) is reported by
            // itself, whatever the article's genre: hijacked pages insert it into ordinary
            // sentences, and a report or lesson has no reason to name it unquoted.
            if has_brand && !chain_like {
                for t in cluster.iter().filter(|t| t.brand) {
                    out.push(Chain { field, block, start: t.start, end: t.end, distinct: 1, terms: vec![t.term.to_string()] });
                }
                continue;
            }
            // Prose of prohibited terms alone is the `prohibited` rule's business (a lure).
            if !chain_like && !promo {
                continue;
            }
            if !(chain_like && strong) {
                // A list of plain names or promotion prose: excused in a police report or a
                // prevention lesson, or when its own sentence reports or teaches against it.
                let is_lowered = *lowered.get_or_insert_with(|| is_report_or_lesson(ctx));
                let (ss, se) = sentence_of(text, start, end);
                let cue_in_sentence = hits.iter().any(|h| {
                    let e = ctx.matcher.entry(h.hit.entry);
                    &*e.rule == CONTEXT_RULE
                        && matches!(&*e.category, "enforcement" | "education" | "weak")
                        && h.hit.byte_start as usize >= ss
                        && h.hit.byte_end as usize <= se
                });
                if is_lowered || cue_in_sentence {
                    continue;
                }
            }
            out.push(Chain { field, block, start, end, distinct: terms.len(), terms: terms.iter().map(|t| t.to_string()).collect() });
        }
    }
    out
}

/// UTF-16 offset of byte `b` in `text`.
fn utf16_at(text: &str, b: usize) -> usize {
    text[..b].encode_utf16().count()
}

impl Rule for Spam {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let threshold = cfg.number("threshold").max(1.0) as u32;
        for c in chains_with(ctx, threshold) {
            let text = ctx.text_of(c.field, c.block);
            let shown: Vec<&str> = c.terms.iter().take(4).map(String::as_str).collect();
            let message = match ctx.locale {
                // A brand on its own (or one term repeated) is no chain.
                Locale::ZhCn if c.distinct == 1 => format!("疑似被植入的博彩或色情网站名称：“{}”，常见于账号被盗或网页被篡改", shown.join("、")),
                Locale::En if c.distinct == 1 => format!("Possibly injected gambling or porn site name: “{}”, typical of a hijacked account or page", shown.join(", ")),
                Locale::ZhCn => format!("疑似被植入的垃圾信息：{} 个色情、赌博或推广用语连成一串（{}…），常见于账号被盗或网页被篡改", c.distinct, shown.join("、")),
                Locale::En => format!("Possibly injected spam: {} porn, gambling or promotion terms in a chain ({}…), typical of a hijacked account or page", c.distinct, shown.join(", ")),
            };
            let suggestion = match ctx.locale {
                Locale::ZhCn if c.distinct == 1 => "删除这个名称，并检查账号和素材是否被他人篡改",
                Locale::En if c.distinct == 1 => "Delete the name and check whether the account or material was tampered with",
                Locale::ZhCn => "删除整串内容，并检查账号和素材是否被他人篡改",
                Locale::En => "Delete the whole chain and check whether the account or material was tampered with",
            };
            out.push(Finding {
                rule: META.id.to_string(),
                severity: cfg.severity_or(None),
                category: None,
                field: c.field,
                block: c.block,
                start: utf16_at(text, c.start),
                end: utf16_at(text, c.end),
                text: text[c.start..c.end].to_string(),
                message,
                suggestion: Some(suggestion.to_string()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::check;
    use crate::Article;

    #[test]
    fn brands_are_latin_or_digits_glued_to_a_suffix() {
        let mut v = Vec::new();
        let t = "ky娱乐城和bet365官网，CCTV5体育，2024彩票，3彩，9号彩票";
        brands(t, &mut v);
        let found: Vec<&str> = v.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, ["ky娱乐城", "bet365官网"]);
    }

    #[test]
    fn an_injected_seo_title_is_one_block_finding_with_exact_offsets() {
        let title = "😀成人视频在线观看_一区二区_日韩av_关于开展安全检查的通知";
        let a = Article::from_paragraphs(title, ["各单位：现将有关事项通知如下。"]);
        let f = check(&a, "spam");
        assert_eq!(f.len(), 1, "{f:?}");
        let utf16: Vec<u16> = title.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[f[0].start..f[0].end]).unwrap(), f[0].text);
        assert!(f[0].text.starts_with("成人视频") && f[0].text.contains("日韩"), "{}", f[0].text);
        assert_eq!(f[0].severity, Severity::Block);
    }

    #[test]
    fn a_users_own_terms_in_a_row_stay_prohibited_findings() {
        let mut c = crate::Checker::new(crate::Config::default()).unwrap();
        c.load_lexicon("mine", "测试禁用词甲\n测试禁用词乙\n测试禁用词丙\n", None).unwrap();
        let a = Article::from_paragraphs("t", ["测试禁用词甲，测试禁用词乙，测试禁用词丙"]);
        let f = c.check(&a);
        assert!(f.iter().all(|f| f.rule != "spam"), "{f:?}");
        assert_eq!(f.iter().filter(|f| f.rule == "prohibited").count(), 3, "{f:?}");
    }

    #[test]
    fn a_brand_quoted_by_a_police_report_is_not_spam() {
        let quoted = Article::from_paragraphs("公安机关开展专项行动", ["如江苏淮安侦破“777真人娱乐场”网络赌博案，抓获犯罪嫌疑人两名。"]);
        assert!(check(&quoted, "spam").is_empty(), "{:?}", check(&quoted, "spam"));
        let injected = Article::from_paragraphs("777真人娱乐场 百家乐 澳门新葡京 学校召开期末工作会议", ["会议总结了本学期的工作。"]);
        let found = check(&injected, "spam");
        assert!(found.iter().any(|f| f.severity == crate::Severity::Block), "{found:?}");
    }

    #[test]
    fn a_known_brand_inserted_into_a_police_reports_prose_is_reported_alone() {
        let a = Article::from_paragraphs(
            "景谷警方破获特大运输毒品案",
            ["民警查获冰毒两袋，依法刑事拘留犯罪嫌疑人。", "闽南网推出专题报道，以图、文、视频等形式，展现篮球比分直播：在补齐养老事业短板"],
        );
        let f = check(&a, "spam");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].text.as_str(), f[0].severity), ("篮球比分直播", crate::Severity::Block));
        let para = "闽南网推出专题报道，以图、文、视频等形式，展现篮球比分直播：在补齐养老事业短板";
        let start = para.encode_utf16().count() - "篮球比分直播：在补齐养老事业短板".encode_utf16().count();
        assert_eq!((f[0].block, f[0].start, f[0].end), (Some(1), start, start + 6));
        assert!(f[0].message.contains("网站名称：“篮球比分直播”"), "{}", f[0].message);
    }

    #[test]
    fn a_police_report_listing_the_games_is_not_spam() {
        let a = Article::from_paragraphs(
            "警方捣毁一网络赌博团伙",
            ["经查，该团伙在境外网站开设百家乐、龙虎斗、六合彩等赌博项目，警方依法刑事拘留犯罪嫌疑人12名。"],
        );
        assert!(check(&a, "spam").is_empty(), "{:?}", check(&a, "spam"));
    }
}
