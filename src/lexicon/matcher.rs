//! The lexicon matcher: one charwise double-array Aho–Corasick automaton (`daachorse`) over the
//! normalised keys of every loaded entry, banned and allowed.
//!
//! A scan normalises the text (see [`crate::normalize`]), feeds the key characters to an
//! overlapping stepper, and then:
//! 1. drops candidates that bridge too wide a gap of skipped separators, or that would cut a
//!    Latin word or a number in half;
//! 2. drops banned candidates that lie inside an allow-list match of the same rule, or of the
//!    global allow-list (rule [`GLOBAL_RULE`], the user's own);
//! 3. keeps, for each rule separately, the leftmost, then longest, of overlapping banned
//!    candidates, so one rule's hit never hides another rule's.
//!
//! Entries are unique per (rule, key): within a rule the later definition wins, except that an
//! allow-list entry is never replaced by a banned one. Entries of different rules may share a
//! key; the automaton then holds the key once and maps it to all of them.
//!
//! Every [`Hit`] carries byte and UTF-16 offsets of the original text, from the first matched
//! character to the last (the separators between them included).

use super::entry::{Entry, Lexicon};
use super::error::LexiconError;
use crate::normalize::{Normalized, Utf16Cursor};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::collections::{BTreeMap, HashMap};

/// The rule name of allow-list entries that apply to every rule (the user's allow-list).
pub const GLOBAL_RULE: &str = "*";

/// Default number of visible separators allowed between two characters of a term.
pub const DEFAULT_MAX_GAP: u32 = 3;
/// Hard limit of skipped characters (visible or not) between two characters of a term.
pub const MAX_RAW_GAP: u32 = 16;

const FIRST_LETTER: u8 = 1;
const FIRST_DIGIT: u8 = 2;
const LAST_LETTER: u8 = 4;
const LAST_DIGIT: u8 = 8;

/// A match of a banned entry in one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Matcher::entries`].
    pub entry: u32,
    pub byte_start: u32,
    pub byte_end: u32,
    pub utf16_start: u32,
    pub utf16_end: u32,
}

#[derive(Debug, Clone, Copy)]
struct Cand {
    start: u32,
    end: u32,
    entry: u32,
    /// Interned rule of the entry (0 is [`GLOBAL_RULE`]).
    rule: u16,
}

/// Scratch space for scans, reused between texts.
#[derive(Debug, Default)]
pub struct ScanBuffers {
    norm: Normalized,
    cands: Vec<Cand>,
    allowed: Vec<Cand>,
}

/// The compiled lexicon.
#[derive(Default)]
pub struct Matcher {
    /// Values are pattern indices.
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    entries: Vec<Entry>,
    /// Interned rule of each entry.
    entry_rule: Vec<u16>,
    /// For each interned rule: is it a cue rule ([`super::CUE_RULES`]), which the global
    /// allow-list does not touch?
    cue_rule: Vec<bool>,
    /// For pattern `p`, its entries are `pattern_entries[pattern_start[p]..pattern_start[p + 1]]`.
    pattern_start: Vec<u32>,
    pattern_entries: Vec<u32>,
    /// Key length (chars) and edge flags of each pattern.
    key_lens: Vec<u32>,
    edges: Vec<u8>,
    labels: BTreeMap<String, String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("entries", &self.entries.len()).finish()
    }
}

fn edge_flags(key: &str) -> u8 {
    let mut f = 0;
    if let Some(c) = key.chars().next() {
        f |= if c.is_ascii_alphabetic() { FIRST_LETTER } else if c.is_ascii_digit() { FIRST_DIGIT } else { 0 };
    }
    if let Some(c) = key.chars().last() {
        f |= if c.is_ascii_alphabetic() { LAST_LETTER } else if c.is_ascii_digit() { LAST_DIGIT } else { 0 };
    }
    f
}

impl Matcher {
    /// Compiles the lists, in order. When two entries share a key, the later wins, except that
    /// an allow-list entry is never replaced by a banned one.
    pub fn build(lists: &[Lexicon]) -> Result<Matcher, LexiconError> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_rule_key: HashMap<(std::sync::Arc<str>, String), usize> = HashMap::new();
        let mut labels = BTreeMap::new();
        for list in lists {
            labels.extend(list.labels.iter().map(|(k, v)| (k.clone(), v.clone())));
            for e in &list.entries {
                match by_rule_key.get(&(e.rule.clone(), e.key.clone())) {
                    Some(&i) => {
                        if e.allow || !entries[i].allow {
                            entries[i] = e.clone();
                        }
                    }
                    None => {
                        by_rule_key.insert((e.rule.clone(), e.key.clone()), entries.len());
                        entries.push(e.clone());
                    }
                }
            }
        }
        let mut rules: Vec<&str> = vec![GLOBAL_RULE];
        let entry_rule = entries
            .iter()
            .map(|e| match rules.iter().position(|r| *r == &*e.rule) {
                Some(i) => i as u16,
                None => {
                    rules.push(&e.rule);
                    (rules.len() - 1) as u16
                }
            })
            .collect();
        // Context cues are no findings: the global allow-list (official phrases, the user's own)
        // must not hide a cue inside 最高人民法院 or 禁毒宣传.
        let cue_rule = rules.iter().map(|r| super::CUE_RULES.contains(r)).collect();
        // Group entries by key: one pattern per distinct key.
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        order.sort_by(|&a, &b| entries[a as usize].key.cmp(&entries[b as usize].key).then(a.cmp(&b)));
        let (mut pattern_start, mut pattern_entries, mut keys) = (Vec::new(), Vec::with_capacity(order.len()), Vec::new());
        for &i in &order {
            let key = entries[i as usize].key.as_str();
            if keys.last() != Some(&key) {
                keys.push(key);
                pattern_start.push(pattern_entries.len() as u32);
            }
            pattern_entries.push(i);
        }
        pattern_start.push(pattern_entries.len() as u32);
        let key_lens = keys.iter().map(|k| k.chars().count() as u32).collect();
        let edges = keys.iter().map(|k| edge_flags(k)).collect();
        let automaton = if keys.is_empty() {
            None
        } else {
            let patvals = keys.iter().enumerate().map(|(i, k)| (*k, i as u32));
            Some(CharwiseDoubleArrayAhoCorasick::with_values(patvals).map_err(|e| {
                LexiconError::new("lexicon", 0, format!("cannot compile the lexicon: {e}"), format!("词库无法编译：{e}"))
            })?)
        };
        Ok(Matcher { automaton, entries, entry_rule, cue_rule, pattern_start, pattern_entries, key_lens, edges, labels })
    }

    /// All entries after de-duplication; [`Hit::entry`] indexes this.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Category display labels declared by the loaded lists.
    pub fn label(&self, category: &str) -> Option<&str> {
        self.labels.get(category).map(String::as_str)
    }

    /// Bytes of memory the automaton uses.
    pub fn heap_bytes(&self) -> usize {
        self.automaton.as_ref().map_or(0, |a| a.heap_bytes())
    }

    /// Finds the banned entries in `text`, appending them to `out` in text order.
    pub fn scan(&self, text: &str, max_gap: u32, buf: &mut ScanBuffers, out: &mut Vec<Hit>) {
        let Some(ac) = &self.automaton else { return };
        buf.norm.fill(text);
        let norm = &buf.norm;
        let key = &norm.key;
        buf.cands.clear();
        let mut stepper = ac.find_overlapping_stepper();
        for (i, &c) in key.iter().enumerate() {
            stepper.consume(c);
            for m in stepper.matches() {
                let p = m.value() as usize;
                let end = i as u32 + 1;
                let start = end - self.key_lens[p];
                if !self.plausible(p, start as usize, end as usize, text, norm, max_gap) {
                    continue;
                }
                for &entry in &self.pattern_entries[self.pattern_start[p] as usize..self.pattern_start[p + 1] as usize] {
                    buf.cands.push(Cand { start, end, entry, rule: self.entry_rule[entry as usize] });
                }
            }
        }
        if buf.cands.is_empty() {
            return;
        }

        // Allow-list matches, and the banned candidates not inside one of the same rule or of
        // the global allow-list.
        let cands = &mut buf.cands;
        buf.allowed.clear();
        buf.allowed.extend(cands.iter().filter(|c| self.entries[c.entry as usize].allow));
        cands.retain(|c| !self.entries[c.entry as usize].allow);
        if !buf.allowed.is_empty() {
            buf.allowed.sort_unstable_by_key(|a| a.start);
            let allowed = &buf.allowed;
            // A candidate is dropped when an allow match of its rule (or of the global list)
            // starts at or before it and ends at or after it. Visiting the candidates in start
            // order while keeping, per rule, the furthest end of the allow matches started so
            // far makes this linear after sorting (testing every allow match for every
            // candidate was quadratic in a text repeating an allowed phrase: 1 M characters of
            // 路口交通 took 35 s). The candidates keep their order.
            let mut order: Vec<u32> = (0..cands.len() as u32).collect();
            order.sort_unstable_by_key(|&i| cands[i as usize].start);
            let mut furthest: std::collections::HashMap<u16, u32> = std::collections::HashMap::new();
            let mut inside = vec![false; cands.len()];
            let mut next = 0;
            for &i in &order {
                let c = &cands[i as usize];
                while next < allowed.len() && allowed[next].start <= c.start {
                    let end = furthest.entry(allowed[next].rule).or_insert(0);
                    *end = (*end).max(allowed[next].end);
                    next += 1;
                }
                let reach = |rule: u16| furthest.get(&rule).copied().unwrap_or(0);
                inside[i as usize] = (reach(0) >= c.end && !self.cue_rule[c.rule as usize]) || reach(c.rule) >= c.end;
            }
            let mut k = 0;
            cands.retain(|_| {
                k += 1;
                !inside[k - 1]
            });
        }

        // Leftmost-longest per rule, then all rules' hits in text order.
        cands.sort_unstable_by(|a, b| a.rule.cmp(&b.rule).then(a.start.cmp(&b.start)).then(b.end.cmp(&a.end)));
        let (mut rule, mut last_end) = (u16::MAX, 0);
        cands.retain(|c| {
            if c.rule != rule {
                rule = c.rule;
                last_end = 0;
            }
            if c.start < last_end {
                return false;
            }
            last_end = c.end;
            true
        });
        cands.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.entry.cmp(&b.entry)));
        let mut utf16 = Utf16Cursor::new(text);
        for c in cands.iter() {
            let byte_start = norm.byte[c.start as usize] as usize;
            let byte_end = norm.byte_end(text, c.end as usize - 1);
            out.push(Hit {
                entry: c.entry,
                byte_start: byte_start as u32,
                byte_end: byte_end as u32,
                utf16_start: utf16.at(byte_start) as u32,
                utf16_end: utf16.at(byte_end) as u32,
            });
        }
    }

    /// Whether a match of pattern `p` at key positions `s..e` is a real one: no gap too wide,
    /// no Latin word or number cut in half.
    fn plausible(&self, p: usize, s: usize, e: usize, text: &str, norm: &Normalized, max_gap: u32) -> bool {
        for i in s..e - 1 {
            let gap = norm.gap(text, i, MAX_RAW_GAP);
            if gap.visible > max_gap || gap.raw > MAX_RAW_GAP {
                return false;
            }
        }
        let (key, flags) = (&norm.key, self.edges[p]);
        if flags & (FIRST_LETTER | FIRST_DIGIT) != 0 && s > 0 && norm.adjacent(text, s - 1) {
            let n = key[s - 1];
            if (flags & FIRST_LETTER != 0 && n.is_ascii_alphanumeric()) || (flags & FIRST_DIGIT != 0 && n.is_ascii_digit()) {
                return false;
            }
        }
        if flags & (LAST_LETTER | LAST_DIGIT) != 0 && e < key.len() && norm.adjacent(text, e - 1) {
            let n = key[e];
            if (flags & LAST_LETTER != 0 && n.is_ascii_alphanumeric()) || (flags & LAST_DIGIT != 0 && n.is_ascii_digit()) {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse;

    fn hits(lex: &str, text: &str) -> Vec<(String, String)> {
        let m = Matcher::build(&[parse("t", lex, Some("test")).unwrap()]).unwrap();
        let mut out = Vec::new();
        m.scan(text, DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        out.iter()
            .map(|h| (m.entries()[h.entry as usize].term.clone(), text[h.byte_start as usize..h.byte_end as usize].to_string()))
            .collect()
    }

    fn texts(lex: &str, text: &str) -> Vec<String> {
        hits(lex, text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn finds_plain_terms() {
        assert_eq!(texts("网上赌场\n赌球", "他在网上赌场赌球。"), ["网上赌场", "赌球"]);
    }

    #[test]
    fn allow_list_overrides_contained_terms() {
        let lex = "口交\n@allow\n路口交通\n口交流";
        assert!(texts(lex, "十字路口交通拥堵，人口交流频繁").is_empty());
        assert_eq!(texts(lex, "口交"), ["口交"]);
        // The allow match must contain the banned one: overlapping is not enough.
        assert_eq!(texts("口交\n@allow\n交通", "口交通"), ["口交"]);
    }

    #[test]
    fn leftmost_longest() {
        assert_eq!(texts("赌场\n网上赌场\n上赌", "网上赌场"), ["网上赌场"]);
        assert_eq!(texts("甲乙\n乙丙丁", "甲乙丙丁"), ["甲乙"]);
        assert_eq!(texts("上赌\n赌场代理", "网上赌场代理"), ["上赌"]);
    }

    #[test]
    fn resists_evasions_and_reports_the_original() {
        let lex = "网上赌场\nav女优\n六合彩";
        assert_eq!(texts(lex, "網上賭場"), ["網上賭場"]);
        assert_eq!(texts(lex, "网 上*赌\u{200b}场"), ["网 上*赌\u{200b}场"]);
        assert_eq!(texts(lex, "网😀上赌场"), ["网😀上赌场"]);
        assert_eq!(texts(lex, "ＡＶ女优"), ["ＡＶ女优"]);
        assert_eq!(texts(lex, "6合彩"), ["6合彩"]);
        assert_eq!(texts(lex, "⑥合彩"), ["⑥合彩"]);
        assert_eq!(texts(lex, "陆合彩"), ["陆合彩"]);
    }

    #[test]
    fn gap_is_bounded_and_boundaries_are_not_crossed() {
        assert_eq!(texts("赌博", "赌***博"), ["赌***博"]);
        assert!(texts("赌博", "赌****博").is_empty());
        // Invisible characters do not count towards the gap, up to the hard limit.
        let zw = "\u{200b}".repeat(10);
        assert_eq!(texts("赌博", &format!("赌{zw}博")), [format!("赌{zw}博")]);
        assert!(texts("赌博", &format!("赌{}博", "\u{200b}".repeat(17))).is_empty());
        assert!(texts("口交", "出口，交给他").is_empty());
        assert!(texts("口交", "出口\n交给他").is_empty());
    }

    #[test]
    fn latin_terms_match_whole_words_only() {
        assert!(texts("sex", "Essex sextant").is_empty());
        assert_eq!(texts("sex", "看 sex 片"), ["sex"]);
        assert_eq!(texts("sex", "看S.E.X片"), ["S.E.X"]);
        assert!(texts("64", "1964年").is_empty());
        assert_eq!(texts("64", "六四"), ["六四"]);
    }

    #[test]
    fn later_lists_override_and_allow_wins() {
        let a = parse("a", "赌球 | severity=block", None).unwrap();
        let b = parse("b", "賭球 | severity=warn", None).unwrap();
        let m = Matcher::build(&[a.clone(), b]).unwrap();
        assert_eq!(m.entries().len(), 1);
        assert_eq!(m.entries()[0].severity, Some(crate::finding::Severity::Warn));
        let allow = parse("c", "@allow\n赌球", None).unwrap();
        let m = Matcher::build(&[allow, a]).unwrap();
        assert!(m.entries()[0].allow);
    }

    #[test]
    fn rules_resolve_overlaps_and_allow_lists_separately() {
        let lex = "@rule prohibited\n网上赌场\n@allow\n网上赌场老板\n@rule sign-off-topic\n赌场\n上赌场\n";
        let m = Matcher::build(&[parse("t", lex, None).unwrap()]).unwrap();
        let mut out = Vec::new();
        m.scan("网上赌场", DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        let got: Vec<_> = out.iter().map(|h| (&*m.entries()[h.entry as usize].rule, &m.entries()[h.entry as usize].term)).collect();
        // Each rule keeps its own leftmost-longest hit; neither hides the other.
        assert_eq!(got, [("prohibited", &"网上赌场".to_string()), ("sign-off-topic", &"上赌场".to_string())]);
        // The prohibited allow entry does not silence the other rule.
        out.clear();
        m.scan("网上赌场老板", DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&*m.entries()[out[0].entry as usize].rule, "sign-off-topic");
        // A global allow entry silences every rule.
        let mut global = parse("g", "@allow\n网上赌场老板", None).unwrap();
        global.entries[0].rule = std::sync::Arc::from(GLOBAL_RULE);
        let m = Matcher::build(&[parse("t", lex, None).unwrap(), global]).unwrap();
        out.clear();
        m.scan("网上赌场老板", DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn same_key_in_two_rules_keeps_both() {
        let lex = "@rule prohibited\n赌球\n@rule sign-off-topic\n赌球\n";
        let m = Matcher::build(&[parse("t", lex, None).unwrap()]).unwrap();
        assert_eq!(m.entries().len(), 2);
        let mut out = Vec::new();
        m.scan("赌球", DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn empty_lexicon_finds_nothing() {
        let m = Matcher::build(&[]).unwrap();
        let mut out = Vec::new();
        m.scan("任何文字", 3, &mut ScanBuffers::default(), &mut out);
        assert!(out.is_empty());
    }
}
