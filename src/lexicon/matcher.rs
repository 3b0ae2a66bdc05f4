//! The lexicon matcher: one charwise double-array Aho–Corasick automaton (`daachorse`) over the
//! normalised keys of every loaded entry, banned and allowed.
//!
//! A scan normalises the text (see [`crate::normalize`]), feeds the key characters to an
//! overlapping stepper, and then:
//! 1. drops candidates that bridge too wide a gap of skipped separators, or that would cut a
//!    Latin word or a number in half;
//! 2. drops banned candidates that lie inside an allow-list match;
//! 3. keeps the leftmost, then longest, of overlapping banned candidates.
//!
//! Every [`Hit`] carries byte and UTF-16 offsets of the original text, from the first matched
//! character to the last (the separators between them included).

use super::entry::{Entry, Lexicon};
use super::error::LexiconError;
use crate::normalize::{Normalized, Utf16Cursor};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::collections::{BTreeMap, HashMap};

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
}

/// Scratch space for scans, reused between texts.
#[derive(Debug, Default)]
pub struct ScanBuffers {
    norm: Normalized,
    cands: Vec<Cand>,
    allowed: Vec<(u32, u32)>,
}

/// The compiled lexicon.
#[derive(Default)]
pub struct Matcher {
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    entries: Vec<Entry>,
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
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut labels = BTreeMap::new();
        for list in lists {
            labels.extend(list.labels.iter().map(|(k, v)| (k.clone(), v.clone())));
            for e in &list.entries {
                match by_key.get(&e.key) {
                    Some(&i) => {
                        if e.allow || !entries[i].allow {
                            entries[i] = e.clone();
                        }
                    }
                    None => {
                        by_key.insert(e.key.clone(), entries.len());
                        entries.push(e.clone());
                    }
                }
            }
        }
        let key_lens = entries.iter().map(|e| e.key.chars().count() as u32).collect();
        let edges = entries.iter().map(|e| edge_flags(&e.key)).collect();
        let automaton = if entries.is_empty() {
            None
        } else {
            let patvals = entries.iter().enumerate().map(|(i, e)| (e.key.as_str(), i as u32));
            Some(CharwiseDoubleArrayAhoCorasick::with_values(patvals).map_err(|e| {
                LexiconError::new("lexicon", 0, format!("cannot compile the lexicon: {e}"), format!("词库无法编译：{e}"))
            })?)
        };
        Ok(Matcher { automaton, entries, key_lens, edges, labels })
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
                let entry = m.value();
                let end = i as u32 + 1;
                let start = end - self.key_lens[entry as usize];
                buf.cands.push(Cand { start, end, entry });
            }
        }
        if buf.cands.is_empty() {
            return;
        }

        // 1. Gap and word-boundary checks.
        let cands = &mut buf.cands;
        cands.retain(|c| self.plausible(c, text, norm, max_gap));

        // 2. Allow-list spans, and banned candidates not inside one.
        buf.allowed.clear();
        buf.allowed.extend(cands.iter().filter(|c| self.entries[c.entry as usize].allow).map(|c| (c.start, c.end)));
        cands.retain(|c| !self.entries[c.entry as usize].allow);
        if !buf.allowed.is_empty() {
            buf.allowed.sort_unstable();
            cands.sort_unstable_by_key(|c| c.start);
            let (mut j, mut max_end) = (0, 0);
            let allowed = &buf.allowed;
            cands.retain(|c| {
                while j < allowed.len() && allowed[j].0 <= c.start {
                    max_end = max_end.max(allowed[j].1);
                    j += 1;
                }
                max_end < c.end
            });
        }

        // 3. Leftmost-longest among the rest.
        cands.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut last_end = 0;
        let mut utf16 = Utf16Cursor::new(text);
        for c in cands.iter() {
            if c.start < last_end {
                continue;
            }
            last_end = c.end;
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

    fn plausible(&self, c: &Cand, text: &str, norm: &Normalized, max_gap: u32) -> bool {
        let (s, e) = (c.start as usize, c.end as usize);
        for i in s..e - 1 {
            let gap = norm.gap(text, i, MAX_RAW_GAP);
            if gap.visible > max_gap || gap.raw > MAX_RAW_GAP {
                return false;
            }
        }
        let (key, flags) = (&norm.key, self.edges[c.entry as usize]);
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
    fn empty_lexicon_finds_nothing() {
        let m = Matcher::build(&[]).unwrap();
        let mut out = Vec::new();
        m.scan("任何文字", 3, &mut ScanBuffers::default(), &mut out);
        assert!(out.is_empty());
    }
}
