//! Closed lists where the truth is a list: the official names of the 56 ethnic groups of China
//! (public fact: the list of the State Ethnic Affairs Commission). A name one character off, by
//! sound or by shape, is reported with the exact name: anywhere for the names of three or more
//! characters (纳西族, 维吾尔族), and inside the names of autonomous areas for all of them
//! (黔东南苗族桐族自治州 → 侗族), where two-character names stand in a row before 自治.

/// The 56 ethnic groups, in the official order.
pub const ETHNIC_GROUPS: &[&str] = &[
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
    "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
    "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
    "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
];

/// Characters of the names and those written for them by shape or sound beyond the common
/// groups (written by the wxlint authors).
const NAME_CONFUSIONS: &[&str] = &[
    "侗桐洞垌峒", "傣泰", "佤瓦", "畲佘畬", "彝夷", "僳粟栗", "傈栗", "仫么", "仡屹圪", "羌姜", "黎梨", "瑶遥摇谣", "壮状妆",
    "苗描", "满蛮", "藏臧", "怒努", "哈蛤", "萨撒", "斡翰干", "锡赐", "鄂颚愕", "赫郝", "珞洛络", "诺喏", "裕俗", "孜兹",
];

/// A name written one character off: byte range and the exact name.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSlip {
    pub start: usize,
    pub end: usize,
    pub name: &'static str,
}

/// Whether `a` and `b` (same length) differ in exactly one character, and that one reads alike
/// (same or similar sound) or is of a similar shape.
fn one_off(m: &super::Model, a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let [i] = diff[..] else { return false };
    let (x, y) = (a[i], b[i]);
    m.fuzzy_syllable(x).is_some_and(|s| Some(s) == m.fuzzy_syllable(y))
        || m.shapes(x).contains(&y)
        || NAME_CONFUSIONS.iter().any(|g| g.contains(x) && g.contains(y))
}

fn closest(m: &super::Model, written: &[char], short_too: bool) -> Option<&'static str> {
    let mut found = None;
    for name in ETHNIC_GROUPS {
        let n: Vec<char> = name.chars().collect();
        if n == written {
            return None;
        }
        if (short_too || n.len() >= 3) && found.is_none() && one_off(m, written, &n) {
            found = Some(*name);
        }
    }
    found
}

/// Finds ethnic-group names one character off in `text`.
pub fn name_slips(text: &str, out: &mut Vec<NameSlip>) {
    if !text.contains('族') {
        return;
    }
    let m = super::model();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let autonomous = |k: usize| chars.get(k).is_some_and(|c| c.1 == '自') && chars.get(k + 1).is_some_and(|c| c.1 == '治');
    let mut reported_until = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        if c != '族' {
            continue;
        }
        // The names of an autonomous area: ethnic names in a row, then 自治.
        let mut j = k + 1;
        while chars.get(j).is_some_and(|c| c.1 != '族' && c.1 != '自') && j < k + 6 {
            j += 1;
        }
        let in_area = autonomous(k + 1) || (chars.get(j).is_some_and(|c| c.1 == '族') && area_follows(&chars, j));
        for len in (2..=5).rev() {
            if k + 1 < len {
                continue;
            }
            let s = k + 1 - len;
            if chars[s].0 < reported_until {
                continue;
            }
            let written: Vec<char> = chars[s..=k].iter().map(|p| p.1).collect();
            if ETHNIC_GROUPS.iter().any(|n| n.chars().eq(written.iter().copied())) {
                break;
            }
            if !written[..written.len() - 1].iter().all(|&c| ('\u{4e00}'..='\u{9fff}').contains(&c) && c != '族') {
                continue;
            }
            // A two-character name stands alone only in an area's name (家族, 民族 are words).
            if let Some(name) = closest(m, &written, in_area && len == 2) {
                // The characters before must not make the written form a longer word
                // (e.g. 贵族 inside 欧洲贵族).
                if len == 2 && !in_area {
                    continue;
                }
                let end = at + c.len_utf8();
                out.push(NameSlip { start: chars[s].0, end, name });
                reported_until = end;
                break;
            }
        }
    }
}

/// Whether the run of ethnic names that continues at `k` (a 族) ends in 自治.
fn area_follows(chars: &[(usize, char)], mut k: usize) -> bool {
    for _ in 0..8 {
        let next = chars.get(k + 1).map(|c| c.1);
        if next == Some('自') {
            return chars.get(k + 2).is_some_and(|c| c.1 == '治');
        }
        let mut j = k + 1;
        while chars.get(j).is_some_and(|c| c.1 != '族') && j < k + 6 {
            j += 1;
        }
        if chars.get(j).map(|c| c.1) != Some('族') {
            return false;
        }
        k = j;
    }
    false
}
