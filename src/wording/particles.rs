//! 的/地/得 written for one another, and a character typed twice (我们们), by patterns that are
//! wrong in every context. Tuned for precision: each pattern names the words on both sides.

/// What a slip is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipKind {
    /// 的 (or 地) for 得 before a complement of degree: 跑的很快 → 跑得很快.
    De,
    /// 的 for 地 before a verb: 认真的完成 → 认真地完成.
    Di,
    /// A character typed twice: 我们们 → 我们.
    Doubled,
}

/// One slip: the byte range of the phrase reported and its corrected form.
#[derive(Debug, Clone, PartialEq)]
pub struct Slip {
    pub kind: SlipKind,
    pub start: usize,
    pub end: usize,
    pub suggestion: String,
}

/// Verbs that take no object: after them, 的 before a complement of degree can only be 得
/// (跑的很快). Transitive verbs are not listed: 你写的很好 also reads "what you wrote is good".
const DE_VERBS: &[&str] = &[
    "跑", "跳", "睡", "走", "长", "笑", "哭", "飞", "游", "变", "活", "跑步", "进步", "发展", "成长", "表现", "来", "去",
];
/// Verbs of activities that take an idiomatic complement of state with 得 (开展得如火如荼).
const DE_ACTIVITIES: &[&str] = &[
    "开展", "组织", "进行", "落实", "推进", "搞", "办", "做", "干", "布置", "打扫", "收拾", "安排", "装饰", "表演",
    "演绎", "发挥", "准备", "建设", "打理", "完成", "学", "写", "画", "唱", "讲", "说",
];
/// Complements of degree after a verb that takes no object.
const DEGREE: &[&str] = &[
    "很快", "很慢", "很高", "很远", "很好", "很开心", "很高兴", "很香", "很甜", "很认真", "很出色", "很大", "非常快",
    "非常高", "非常好", "非常开心", "非常出色", "飞快", "特别快", "特别好", "越来越好", "越来越快", "更快", "更高",
    "更远", "更好",
];
/// Idiomatic complements of state (never after a possessive 的 in running text).
const STATE: &[&str] = &[
    "井井有条", "如火如荼", "有声有色", "热火朝天", "淋漓尽致", "津津有味", "栩栩如生", "一干二净", "一清二楚",
    "面面俱到", "恰到好处", "有条不紊", "扎扎实实", "明明白白", "清清楚楚", "干干净净", "整整齐齐", "满满当当",
    "红红火火", "风生水起", "丰富多彩", "扎实有效", "有板有眼", "惟妙惟肖", "声情并茂", "酣畅淋漓",
];
/// Adverbials that take 地 before a verb.
const DI_ADVERBIALS: &[&str] = &[
    "认真", "积极", "耐心", "仔细", "主动", "热情", "严格", "切实", "扎实", "深入", "圆满", "顺利", "迅速", "及时",
    "有序", "热烈", "亲切", "细致", "高兴", "开心", "兴奋", "激动", "默默", "静静", "慢慢", "轻轻", "悄悄", "渐渐",
    "紧紧", "牢牢", "大声", "高声", "认认真真", "扎扎实实", "踏踏实实", "兴高采烈", "全力以赴", "争先恐后",
    "井然有序", "有条不紊", "聚精会神", "全神贯注", "津津有味", "不折不扣", "一丝不苟",
];
/// Verbs after such an adverbial that are verbs there in any case (说, 走进, 点头 …).
const DI_VERBS: &[&str] = &[
    "说", "看", "听", "笑", "问", "答", "走", "跑", "写", "读", "朗读", "聆听", "倾听", "点头", "鼓掌", "举手", "告诉",
    "收看", "观看", "参观", "走进", "来到", "奔跑", "挥舞", "拥抱", "做好", "说道", "回答",
];
/// Verbs that are also nouns (积极的参与 can be a noun phrase): only with 了 or 着 after them.
const DI_VERBS_ASPECT: &[&str] = &[
    "完成", "开展", "推进", "落实", "解决", "指导", "帮助", "配合", "实施", "执行", "参与", "投入", "记录", "观察",
    "思考", "讨论", "交流", "检查", "排查", "宣传", "学习", "练习", "举行", "召开", "结束", "表示", "祝贺", "参加",
];
/// Words the verb may start without being a verb there (认真的学习态度).
const DI_NOUN_TAILS: &[&str] = &[
    "者", "态度", "精神", "氛围", "作风", "意识", "情况", "效果", "成果", "过程", "方式", "方法", "习惯", "经验", "能力",
    "工作", "任务", "计划", "内容", "活动", "环境", "时间", "机会", "记录", "结果", "问题", "笔记", "声音", "事",
];
/// Characters that are never doubled as separate words except in the listed words; 们 never
/// stands alone.
const NEVER_DOUBLED: &str = "们的了是在和与及将被把对从而或就都也还这那吗呢吧着之其于以因所但并即已该各每";

/// The first characters of everything that may follow 的/地 in a pattern.
fn first_chars() -> &'static [char] {
    static FIRSTS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = [DEGREE, STATE, DI_VERBS, DI_VERBS_ASPECT].iter().flat_map(|l| l.iter().filter_map(|w| w.chars().next())).collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

fn starts_with_any<'a>(s: &str, list: &[&'a str]) -> Option<&'a str> {
    list.iter().copied().filter(|w| s.starts_with(w)).max_by_key(|w| w.len())
}

fn ends_with_any<'a>(s: &str, list: &[&'a str]) -> Option<&'a str> {
    list.iter().copied().filter(|w| s.ends_with(w)).max_by_key(|w| w.len())
}

/// Finds the slips in `text`, in text order.
pub fn slips(text: &str, out: &mut Vec<Slip>) {
    let m = super::model();
    let firsts = first_chars();
    let mut it = text.char_indices().peekable();
    while let Some((at, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let particle = (c == '的' || c == '地') && next.is_some_and(|n| firsts.binary_search(&n).is_ok());
        if !particle && next != Some(c) {
            continue;
        }
        let before = &text[..at];
        let after = &text[at + c.len_utf8()..];
        match c {
            '的' | '地' => {
                // 得 before a complement of degree.
                let plain = ends_with_any(before, DE_VERBS).zip(starts_with_any(after, DEGREE));
                let state = ends_with_any(before, DE_ACTIVITIES).or(ends_with_any(before, DE_VERBS)).zip(starts_with_any(after, STATE));
                if let Some((v, d)) = plain.or(state) {
                    // 很多/很少 after 的 is a quantity (做的很多工作), never listed.
                    let start = at - v.len();
                    if !preceded_by_word_ending(m, before, v) {
                        out.push(Slip { kind: SlipKind::De, start, end: at + c.len_utf8() + d.len(), suggestion: format!("{v}得{d}") });
                        continue;
                    }
                }
                if c == '的' {
                    let verb = starts_with_any(after, DI_VERBS).or_else(|| {
                        starts_with_any(after, DI_VERBS_ASPECT).filter(|v| after[v.len()..].starts_with(['了', '着']))
                    });
                    // 亲切的问候: the verb begins a longer word (a noun) there.
                    let verb = verb.filter(|v| v.chars().count() > 1 || !starts_word(m, after));
                    if let (Some(a), Some(v)) = (ends_with_any(before, DI_ADVERBIALS), verb) {
                        let rest = &after[v.len()..];
                        let noun = starts_with_any(rest, DI_NOUN_TAILS).is_some() || DI_NOUN_TAILS.contains(&v);
                        if !noun && !preceded_by_word_ending(m, before, a) {
                            out.push(Slip {
                                kind: SlipKind::Di,
                                start: at - a.len(),
                                end: at + c.len_utf8() + v.len(),
                                suggestion: format!("{a}地{v}"),
                            });
                        }
                    }
                }
            }
            _ => {}
        }
        // A character typed twice.
        if next == Some(c) && NEVER_DOUBLED.contains(c) && !before.ends_with(c) {
            let rest = &after[c.len_utf8()..];
            let third = rest.chars().next();
            let aabb = third.is_some_and(|t| rest[t.len_utf8()..].starts_with(t));
            // 研究所所长, 为了了解, 目的的: the first ends a word or the second starts one. 们
            // starts no word and never stands alone, so 我们们 is wrong whatever precedes it.
            let split = c != '们' && (ends_word(m, before, c) || starts_word(m, after));
            if !aabb && !split && !m.is_word(&[c, c]) {
                let start = before.char_indices().next_back().filter(|_| c == '们').map_or(at, |(i, _)| i);
                out.push(Slip { kind: SlipKind::Doubled, start, end: at + 2 * c.len_utf8(), suggestion: text[start..at + c.len_utf8()].to_string() });
            }
        }
    }
}

/// Whether a dictionary word of 2–4 characters ends with `c` preceded by the end of `before`.
fn ends_word(m: &super::Model, before: &str, c: char) -> bool {
    let mut w: Vec<char> = before.chars().rev().take(3).collect();
    w.reverse();
    (0..w.len()).any(|k| {
        let mut word = w[k..].to_vec();
        word.push(c);
        m.is_word(&word)
    })
}

/// Whether a dictionary word of 2–4 characters starts `text`.
fn starts_word(m: &super::Model, text: &str) -> bool {
    let w: Vec<char> = text.chars().take(4).collect();
    (2..=w.len()).any(|k| m.is_word(&w[..k]))
}

/// Whether the listed word `w` at the end of `before` is really the end of a longer word with
/// the character before it (e.g. 长 in 校长, 学 in 大学): then the pattern does not apply.
fn preceded_by_word_ending(m: &super::Model, before: &str, w: &str) -> bool {
    let head = &before[..before.len() - w.len()];
    let Some(p) = head.chars().next_back() else { return false };
    let mut word: Vec<char> = vec![p];
    word.extend(w.chars());
    word.len() <= 4 && m.is_word(&word)
}
