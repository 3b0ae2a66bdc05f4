//! `ad-law`: absolute claims banned by the Advertising Law (article 9, item 3: "国家级、最高级、
//! 最佳等用语"; article 24: no promises of passing or admission in education advertising).
//!
//! Two sources:
//! - lexicon entries with `@rule ad-law` (built-in list `lexicons/rules/ad-law.txt`): whole
//!   claims such as 销量冠军, 全网最低, 顶级师资, 王牌专业, 唯一指定, 100%升学率, 保过班;
//! - the rule's scanner, for claims a list cannot enumerate:
//!   - a region or peer group with a superlative: `全市最好`, `行业最强`, `全县第一`, `全省首选`
//!     (but not a result, an ordinal or a policy goal: 全县第一名, 荣获全市第一, 位居全省第一,
//!     全市第一批, 全国第一个, 第一书记, 全市最好成绩, 全省最优营商环境);
//!   - a superlative with what a school or business offers: `最好的学校`, `最优质的教育`,
//!     `最强师资`, `最佳选择`, and the reverse `师资最强`, `升学率最高` (but not the sayings
//!     "陪伴是最好的教育", "读书是最好的选择", "最好的教育是陪伴");
//!   - a superlative with the people a school offers, `最好的老师`, `最优秀的教师`, only when it
//!     is a claim: after 拥有, 汇聚, 配备, 有着, (我们)有 … or with the school as the subject
//!     (我校, 本校, 学校, 我们 … in the clause). The saying "X是(孩子)最好的老师" (X: 兴趣, 父母,
//!     家长, 生活, 实践, 自然, 书籍, 阅读 …) and praise without a claim ("他是我心中最好的老师")
//!     are not claims.
//!
//! Bare 最好 (最好不要下河游泳), 第一 (第一次, 第一责任人), 唯一, 国家级 (国家级示范性高中) and
//! 最佳 (最佳组织奖) are never reported.

use super::{Context, LexiconHit, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};
use crate::normalize::{is_boundary, to_simplified, Utf16Cursor};

pub struct AdLaw;

static META: RuleMeta = RuleMeta {
    id: "ad-law",
    name_zh: "广告法禁用语",
    name_en: "Advertising Law absolutes",
    description_zh: "广告法第九条禁止的绝对化用语（全市最好、最好的学校、顶级师资、销量冠军、唯一指定等）和第二十四条禁止的教育培训承诺（100%升学、保过班）。“最好不要”“第一次”“第一责任人”“国家级示范性高中”等正常用法不报。",
    description_en: "Absolute claims banned by the Advertising Law, article 9 (全市最好, 最好的学校, 顶级师资, 销量冠军, 唯一指定 …), and promises of results in education advertising (article 24: 100%升学, 保过班). Ordinary uses (最好不要, 第一次, 第一责任人, 国家级示范性高中) are not reported.",
    default_severity: Severity::Warn,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[OptionMeta {
        key: "claimPatterns",
        default: OptionDefault::Bool(true),
        description_zh: "识别“全市最好”“全县第一”“最好的学校”“师资最强”等句式（关闭后只查词库）",
        description_en: "Recognise claim patterns such as 全市最好, 全县第一, 最好的学校, 师资最强 (off: the lexicon only)",
    }],
};

/// The category of the scanner's findings (the built-in list uses the same).
const CATEGORY: &str = "absolute";

/// Regions and peer groups a superlative claim is made against. Longer forms first.
const REGIONS: &[&str] = &[
    "本地区", "同行业", "全国", "全省", "全市", "全县", "全区", "全镇", "全乡", "全州", "全城", "全网", "本市", "本省",
    "本县", "本区", "本地", "国内", "省内", "市内", "县内", "区内", "同类", "行业", "业内", "同级",
];
/// Superlatives after a region: 全市最好, 行业最强. (Not 最大, 最高, 最美: facts and honours.)
const REGION_ADJ: &[&str] = &[
    "便宜", "实惠", "专业", "权威", "先进", "正宗", "优秀", "优质", "顶尖", "齐全", "高端", "好", "佳", "优", "强", "棒", "牛",
    "全",
];
/// After a region's superlative: a result or a policy goal, not a claim (全市最好成绩,
/// 全省最优营商环境).
const RESULT_AFTER: &[&str] = &["成绩", "名次", "的成绩", "的名次", "水平", "的大学", "营商环境", "的营商环境", "环境", "的环境"];
/// Before a region: a result being reported (荣获全市第一, 位居全省第一).
const RESULT_VERBS: &[&str] = &["获得", "荣获", "取得", "夺得", "勇夺", "摘得", "位居", "位列", "名列", "排名", "获", "居", "列"];
/// Superlatives with an offer: 最好的学校, 最优质的教育.
const OFFER_ADJ: &[&str] = &["优秀", "优质", "专业", "权威", "顶尖", "好", "佳", "优", "强", "棒"];
/// What a school or business offers.
const OFFERS: &[&str] = &[
    "师资力量", "师资队伍", "教师队伍", "教师团队", "教学质量", "培训机构", "学校", "学府", "名校", "师资", "教育", "课程",
    "机构", "品牌", "产品", "选择", "幼儿园",
];
/// The people a school offers: 最好的老师 is a claim only with a claim verb or the school as
/// the subject.
const PEOPLE: &[&str] = &["老师们", "老师", "教师", "名师", "教练", "导师", "师资团队"];
/// Before a superlative with people, in its clause: a claim (我们拥有最好的老师).
const CLAIM_VERBS: &[&str] = &["拥有", "有着", "汇聚", "汇集", "聚集", "聚合", "配备", "配有", "具备", "打造", "组建", "引进", "集结", "云集"];
/// The school as the subject of the clause (我校的老师是最好的老师).
const CLAIM_SUBJECTS: &[&str] = &["我校", "本校", "学校", "我们", "我园", "本园", "本机构", "我机构", "本中心", "我中心"];
/// Subjects of the saying "X是最好的老师" (兴趣是最好的老师, 父母是孩子最好的老师).
const SAYING_SUBJECTS: &[&str] = &[
    "兴趣", "爱好", "父母", "家长", "爸爸", "妈妈", "母亲", "父亲", "生活", "实践", "自然", "书籍", "书本", "阅读", "读书",
    "时间", "经验", "错误", "失败", "挫折", "历史", "社会", "好奇心", "榜样", "问题", "痛苦", "大地",
];
/// How far back (in characters) a clause is searched for a claim cue.
const CLAUSE_WINDOW: usize = 16;

/// An offer, then a superlative: 师资最强, 升学率最高.
const OFFERS_BEFORE: &[&str] = &["师资力量", "教学质量", "升学率", "性价比", "师资", "价格"];
const OFFER_ADJ_AFTER: &[&str] = &["优质", "专业", "好", "佳", "优", "强", "高", "低", "棒"];
/// After 第一: an ordinal or a title, not a claim (第一名, 第一批, 第一书记, 第一中学).
const ORDINAL_AFTER: &str = "名次届批个位家所阶期轮季天年线章节条款项课组梯站时排例号道部单页周月日书责手步场局把棒种类档层级任中小高大长人方张件篇段套集份座栋口代波志现支台辆架艘枚颗根块间幢处首曲幅0123456789十百千万";

/// The text as simplified characters with their byte offsets (`bytes` has one more entry: the
/// end of the text).
struct Folded {
    chars: Vec<char>,
    bytes: Vec<usize>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let mut chars = Vec::with_capacity(text.len() / 3 + 1);
        let mut bytes = Vec::with_capacity(text.len() / 3 + 2);
        for (b, c) in text.char_indices() {
            chars.push(to_simplified(c));
            bytes.push(b);
        }
        bytes.push(text.len());
        Folded { chars, bytes }
    }

    /// Is `word` at char index `i`? Returns its length in chars.
    fn at(&self, i: usize, word: &str) -> Option<usize> {
        let mut n = 0;
        for w in word.chars() {
            if self.chars.get(i + n) != Some(&w) {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    /// Does `word` end just before char index `i`? Returns its length in chars.
    fn before(&self, i: usize, word: &str) -> Option<usize> {
        let n = word.chars().count();
        (n <= i).then_some(())?;
        self.at(i - n, word)
    }

    fn first_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| self.at(i, w))
    }

    fn first_before(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| self.before(i, w))
    }

    /// Is the region starting at `i` the object of a result verb (荣获全市第一)?
    fn reported_result(&self, i: usize) -> bool {
        let i = if i > 0 && self.is(i - 1, '了') { i - 1 } else { i };
        self.first_before(i, RESULT_VERBS).is_some()
    }

    fn is(&self, i: usize, c: char) -> bool {
        self.chars.get(i) == Some(&c)
    }

    /// `的`? then an offer at `i`: returns the index after the offer.
    fn offer_at(&self, i: usize) -> Option<usize> {
        let j = if self.is(i, '的') { i + 1 } else { i };
        self.first_at(j, OFFERS).map(|n| j + n)
    }

    /// `的`? then people (老师, 教师) at `i`: returns the index after them.
    fn people_at(&self, i: usize) -> Option<usize> {
        let j = if self.is(i, '的') { i + 1 } else { i };
        self.first_at(j, PEOPLE).map(|n| j + n)
    }

    /// The start of the clause that char index `i` is in (at most [`CLAUSE_WINDOW`] back).
    fn clause_start(&self, i: usize) -> usize {
        let mut s = i;
        while s > 0 && i - s < CLAUSE_WINDOW && !is_boundary(self.chars[s - 1]) {
            s -= 1;
        }
        s
    }

    /// Does `word` occur within chars `from..to`? Returns the index after its last occurrence.
    fn find_in(&self, from: usize, to: usize, word: &str) -> Option<usize> {
        let n = word.chars().count();
        (from..to).rev().find(|&k| k + n <= to && self.at(k, word).is_some()).map(|k| k + n)
    }

    /// Is the superlative at `i` (最好的老师) a claim about the school's people?
    fn people_claim(&self, i: usize) -> bool {
        let from = self.clause_start(i);
        // The saying: 兴趣是最好的老师, 父母是孩子最好的老师.
        if let Some(shi) = self.find_in(from, i, "是") {
            if SAYING_SUBJECTS.iter().any(|w| self.before(shi - 1, w).is_some()) {
                return false;
            }
        }
        // (我们)有最好的老师, but not 没有 / 只有.
        let has = i > 0 && self.is(i - 1, '有') && !(i > 1 && matches!(self.chars[i - 2], '没' | '只' | '还' | '都'));
        has || CLAIM_VERBS.iter().any(|w| self.find_in(from, i, w).is_some())
            || CLAIM_SUBJECTS.iter().any(|w| self.at(from, w).is_some())
    }
}

/// Claims in `text` (char-index spans), in text order.
fn claims(f: &Folded, out: &mut Vec<(usize, usize)>) {
    let n = f.chars.len();
    let mut i = 0;
    while i < n {
        let found = match f.chars[i] {
            '最' => superlative(f, i),
            '第' => first(f, i),
            '首' if f.is(i + 1, '选') => f.first_before(i, REGIONS).map(|r| (i - r, i + 2)),
            _ => None,
        };
        match found {
            Some((s, e)) => {
                out.push((s, e));
                i = e.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// 全市最好(的学校), 最好的学校, 师资最强 — with 最 at `i`.
fn superlative(f: &Folded, i: usize) -> Option<(usize, usize)> {
    if let Some(r) = f.first_before(i, REGIONS) {
        if let Some(a) = f.first_at(i + 1, REGION_ADJ) {
            let end = i + 1 + a;
            if f.first_at(end, RESULT_AFTER).is_some() || f.reported_result(i - r) {
                return None;
            }
            return Some((i - r, f.offer_at(end).or_else(|| f.people_at(end)).unwrap_or(end)));
        }
    }
    if let Some(o) = f.first_before(i, OFFERS_BEFORE) {
        if let Some(a) = f.first_at(i + 1, OFFER_ADJ_AFTER) {
            let start = i - o;
            let start = f.first_before(start, REGIONS).map_or(start, |r| start - r);
            return Some((start, i + 1 + a));
        }
    }
    let a = f.first_at(i + 1, OFFER_ADJ)?;
    let Some(end) = f.offer_at(i + 1 + a) else {
        // 我们拥有最好的老师 (a claim), not 兴趣是最好的老师 (a saying).
        let end = f.people_at(i + 1 + a)?;
        return f.people_claim(i).then_some((i, end));
    };
    // Sayings: 陪伴是最好的教育, 读书是最好的选择, 最好的教育是陪伴 (a claim about a school,
    // "这是最好的学校", stays a claim).
    let saying = f.before(end, "教育").is_some() || f.before(end, "选择").is_some();
    if saying && ((i > 0 && f.is(i - 1, '是')) || f.is(end, '是')) {
        return None;
    }
    Some((i, end))
}

/// 全县第一 (not 第一名, 第一批 …) — with 第 at `i`.
fn first(f: &Folded, i: usize) -> Option<(usize, usize)> {
    if !(f.is(i + 1, '一') || f.is(i + 1, '1') || f.is(i + 1, '壹')) {
        return None;
    }
    let r = f.first_before(i, REGIONS)?;
    if f.chars.get(i + 2).is_some_and(|c| ORDINAL_AFTER.contains(*c) || c.is_ascii_digit()) || f.reported_result(i - r) {
        return None;
    }
    Some((i - r, i + 2))
}

fn message(ctx: &Context<'_>, matched: &str, note: Option<&str>) -> String {
    let note_zh = note.map(|n| format!("（{n}）")).unwrap_or_default();
    let note_en = note.map(|n| format!(" ({n})")).unwrap_or_default();
    ctx.msg(
        format!("广告法禁用的绝对化用语：“{matched}”{note_zh}"),
        format!("Absolute claim banned by the Advertising Law: \"{matched}\"{note_en}"),
    )
}

impl Rule for AdLaw {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let suggestion = || ctx.msg("改为客观、可证实的表述".into(), "Use an objective, verifiable statement".into());
        let hits: Vec<LexiconHit<'_>> = ctx.lexicon_hits(META.id).collect();
        for h in &hits {
            let mut f = h.finding(&META, cfg, message(ctx, h.text, h.entry.note.as_deref()));
            if f.suggestion.is_none() {
                f.suggestion = Some(suggestion());
            }
            out.push(f);
        }
        if !cfg.boolean("claimPatterns") {
            return;
        }
        let mut next_hit = 0;
        let mut spans = Vec::new();
        for (field, block, text) in ctx.article.texts() {
            let first = next_hit;
            while next_hit < hits.len() && hits[next_hit].at.field == field && hits[next_hit].at.block == block {
                next_hit += 1;
            }
            if !text.contains(['最', '第', '首']) {
                continue;
            }
            let folded = Folded::new(text);
            spans.clear();
            claims(&folded, &mut spans);
            // Spans and this text's lexicon hits are both in text order: one merge pass.
            let text_hits = &hits[first..next_hit];
            let mut h = 0;
            let mut utf16 = Utf16Cursor::new(text);
            for &(s, e) in &spans {
                let (bs, be) = (folded.bytes[s], folded.bytes[e]);
                while h < text_hits.len() && (text_hits[h].at.hit.byte_end as usize) <= bs {
                    h += 1;
                }
                // A lexicon claim already covers (part of) this one.
                if text_hits[h..].first().is_some_and(|x| (x.at.hit.byte_start as usize) < be) {
                    continue;
                }
                let matched = &text[bs..be];
                out.push(Finding {
                    rule: META.id.to_string(),
                    severity: cfg.severity,
                    category: Some(CATEGORY.to_string()),
                    field,
                    block,
                    start: utf16.at(bs),
                    end: utf16.at(be),
                    text: matched.to_string(),
                    message: message(ctx, matched, None),
                    suggestion: Some(suggestion()),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Severity};

    fn found(p: &str) -> Vec<String> {
        check(&Article::from_paragraphs("标题", [p]), "ad-law").into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn region_superlatives() {
        assert_eq!(found("我们是全市最好的学校"), ["全市最好的学校"]);
        assert_eq!(found("全县最好，值得信赖"), ["全县最好"]);
        assert_eq!(found("行业最强，本地最专业的团队"), ["行业最强", "本地最专业"]);
        assert_eq!(found("升学成绩全县第一！"), ["全县第一"]);
        assert_eq!(found("本校是全省首选"), ["全省首选"]);
        assert_eq!(found("全市師資最強"), ["全市師資最強"]);
    }

    #[test]
    fn offers_with_a_superlative() {
        assert_eq!(found("为孩子提供最优质的教育"), ["最优质的教育"]);
        assert_eq!(found("汇聚最强师资"), ["最强师资"]);
        assert_eq!(found("选择我们就是您的最佳选择"), ["最佳选择"]);
        assert_eq!(found("我们升学率最高"), ["升学率最高"]);
        assert_eq!(found("这是最好的培训机构"), ["最好的培训机构"]);
    }

    #[test]
    fn lexicon_claims() {
        assert_eq!(found("顶级师资，王牌专业，保过班火热招生"), ["顶级师资", "王牌专业", "保过班"]);
        assert_eq!(found("100%升学率，通过率100%"), ["100%升学", "通过率100"]);
        assert_eq!(found("本店销量冠军，全网最低价"), ["销量冠军", "全网最低"]);
        assert_eq!(found("全国唯一指定"), ["全国唯一"]);
        // A lexicon claim and a pattern over the same words: one finding.
        assert_eq!(found("全国第一品牌"), ["第一品牌"]);
        assert_eq!(found("史上最全的复习资料"), ["史上最全"]);
        let f = check(&Article::from_paragraphs("t", ["签约保过"]), "ad-law");
        assert!(f[0].message.contains("不得承诺通过考试"), "{}", f[0].message);
    }

    #[test]
    fn ordinary_uses_are_not_claims() {
        let none = [
            "最好不要下河游泳，最好有家长陪同。",
            "第一次参加比赛，他获得全县第一名。",
            "镇主要领导是政务新媒体的第一责任人，分管领导是主要责任人。",
            "驻村第一书记，全市第一批示范校，全国第一个试点县。",
            "国家级示范性高中，国家级非物质文化遗产，国家级课题。",
            "荣获最佳组织奖和最佳创意奖。",
            "兴趣是最好的老师，陪伴是最好的教育，最好的教育是陪伴。",
            "读书是最好的选择。",
            "他取得了全市最好成绩。",
            "世界最高峰是珠穆朗玛峰，全国最大的淡水湖是鄱阳湖。",
            "全县最美教师评选，全市最美家庭。",
            "全县第一中学，全市第一人民医院，全国第一大湖。",
            "首选科目为物理或历史。",
            "培养积极品质，这是唯一的办法。",
            "一流学科建设，世界一流大学。",
            "确保录取工作顺利，实行最低价中标。",
            "全区第10名，全市第一季度经济运行。",
            "哪种方法效果最好？",
            "我校教学质量评估位居全市第一，在比赛中荣获了全县第一。",
            "打造全省最优营商环境。",
        ];
        for p in none {
            assert!(found(p).is_empty(), "{p}: {:?}", found(p));
        }
    }

    #[test]
    fn the_best_teachers_as_a_claim_not_as_a_saying() {
        assert_eq!(found("我们拥有最好的老师，他们放弃了大量的休息时间。"), ["最好的老师"]);
        assert_eq!(found("学校汇聚了最优秀的教师"), ["最优秀的教师"]);
        assert_eq!(found("我们有最好的老师"), ["最好的老师"]);
        assert_eq!(found("我校的老师是最好的老师"), ["最好的老师"]);
        assert_eq!(found("全市最好的老师都在这里"), ["全市最好的老师"]);
        let none = [
            "兴趣是最好的老师。",
            "父母是孩子最好的老师，家长是孩子最好的老师。",
            "我们常说，生活是最好的老师；实践是最好的老师。",
            "我们的父母是我们最好的老师。",
            "他是我心中最好的老师。",
            "没有最好的老师，只有更好的老师。",
        ];
        for p in none {
            assert!(found(p).is_empty(), "{p}: {:?}", found(p));
        }
    }

    #[test]
    fn message_offsets_options() {
        let a = Article::from_paragraphs("😀全市最好", ["正文"]);
        let f = check(&a, "ad-law");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (2, 6, "全市最好"));
        assert_eq!(f[0].severity, Severity::Warn);
        assert_eq!(f[0].message, "广告法禁用的绝对化用语：“全市最好”");
        assert_eq!(f[0].suggestion.as_deref(), Some("改为客观、可证实的表述"));
        assert_eq!(f[0].category.as_deref(), Some("absolute"));
        let off = check_with(config(r#"{"rules":{"ad-law":{"claimPatterns":false}}}"#), &a, "ad-law");
        assert!(off.is_empty());
        let en = check_with(config(r#"{"locale":"en"}"#), &a, "ad-law");
        assert!(en[0].message.starts_with("Absolute claim"));
    }

    #[test]
    fn offsets_map_back_to_the_text() {
        crate::rules::testing::offsets_hold("ad-law", &["全市", "全县", "最", "好", "优质", "的", "学校", "第一", "名", "首选", "师资", "强", "是", "教育", "😀", "\u{200b}", "優質", "100%", "升学", "，", "顶级", "师资"]);
    }
}
