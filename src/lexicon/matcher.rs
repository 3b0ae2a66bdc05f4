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
//! **Layers.** A matcher may be compiled over a shared [`Base`] (the built-in lexicon, compiled
//! once per process): the base keeps its own automaton and the matcher compiles only its own
//! lists, as if they came after the base's. A base entry that a list redefines (same rule and
//! key) is shadowed, never matched; [`Hit::entry`] numbers the base's entries first. A scan runs
//! both automata over one normalisation and resolves allow-lists and overlaps over both
//! together, so the result is the same as one automaton over all lists (tested).
//!
//! Every [`Hit`] carries byte and UTF-16 offsets of the original text, from the first matched
//! character to the last (the separators between them included).
//!
//! **Near pairs.** An entry whose term is `A…B` matches `A` followed by `B` in the same clause
//! (no sentence or clause punctuation between them, see [`crate::normalize::is_boundary`]) with
//! at most [`NEAR_GAP`] key characters between them: `出售…枪` finds 出售健卫14步枪. Its hit spans
//! from the start of `A` to the end of `B`. The parts are matched like terms (gaps, Latin and
//! number edges) and a pair is dropped when an allow-list match contains either part or the
//! whole span, so `@allow 水枪` also protects 出售儿童水枪 from `出售…枪`.

use super::entry::{Entry, Lexicon};
use super::error::LexiconError;
use crate::normalize::{Normalized, Utf16Cursor};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::collections::{BTreeMap, HashMap};

mod snapshot;

/// The rule name of allow-list entries that apply to every rule (the user's allow-list).
pub const GLOBAL_RULE: &str = "*";

/// Default number of visible separators allowed between two characters of a term.
pub const DEFAULT_MAX_GAP: u32 = 3;
/// Hard limit of skipped characters (visible or not) between two characters of a term.
pub const MAX_RAW_GAP: u32 = 16;
/// The character that joins the two parts of a near pair (`A…B`).
pub const NEAR: char = '…';
/// Most key characters between the two parts of a near pair.
pub const NEAR_GAP: u32 = 8;
/// Most bytes of original text between the two parts of a near pair (separators included).
const NEAR_MAX_BYTES: usize = 96;

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
    /// An allow-list entry's match.
    allow: bool,
    /// For a near pair, the end of its first part and the start of its second (key
    /// positions); for a plain term, `end` and `start`.
    a_end: u32,
    b_start: u32,
}

impl Cand {
    fn is_pair(&self) -> bool {
        self.a_end != self.end
    }
}

/// A match of the first part of a near pair, waiting for its second part.
#[derive(Debug, Clone, Copy)]
struct PartA {
    pattern: u32,
    start: u32,
    end: u32,
}

/// Scratch space for scans, reused between texts.
#[derive(Debug, Default)]
pub struct ScanBuffers {
    norm: Normalized,
    cands: Vec<Cand>,
    allowed: Vec<Cand>,
    parts: Vec<PartA>,
}

/// One compiled set of entries: an automaton over their distinct keys.
#[derive(Default)]
struct Layer {
    /// Values are pattern indices.
    automaton: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    entries: Vec<Entry>,
    /// Interned rule of each entry (in the matcher's table, see [`Matcher::rules`]).
    entry_rule: Vec<u16>,
    /// For pattern `p`, its entries are `pattern_entries[pattern_start[p]..pattern_start[p + 1]]`.
    pattern_start: Vec<u32>,
    pattern_entries: Vec<u32>,
    /// Key length (chars) and edge flags of each pattern.
    key_lens: Vec<u32>,
    edges: Vec<u8>,
    /// Near pairs: is pattern `p` the first part of one?
    is_part_a: Vec<bool>,
    /// For pattern `p` as a second part, its `(entry, first part's pattern)` pairs are
    /// `pairs[pairs_start[p]..pairs_start[p + 1]]` (empty when there are no pairs at all).
    pairs_start: Vec<u32>,
    pairs: Vec<(u32, u32)>,
}

/// A compiled set of lists that several matchers share: the built-in lexicon, compiled once
/// per process (see [`Matcher::with_base`]). Lists compiled over a base only compile their own
/// entries.
pub struct Base {
    layer: Layer,
    /// Interned rules; index 0 is [`GLOBAL_RULE`].
    rules: Vec<std::sync::Arc<str>>,
    labels: BTreeMap<String, String>,
    /// Entry indices sorted by (rule, key): finds the base entries that a later list redefines.
    by_key: Vec<u32>,
}

impl std::fmt::Debug for Base {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Base").field("entries", &self.layer.entries.len()).finish()
    }
}

impl Base {
    /// Compiles the lists, in order, with the same rules as [`Matcher::build`].
    pub fn build(lists: &[Lexicon]) -> Result<Base, LexiconError> {
        let mut labels = BTreeMap::new();
        let entries = dedup(&lists.iter().collect::<Vec<_>>(), &mut labels);
        let mut rules = vec![std::sync::Arc::from(GLOBAL_RULE)];
        let entry_rule = intern(&entries, &mut rules);
        let layer = Layer::compile(entries, entry_rule)?;
        let mut by_key: Vec<u32> = (0..layer.entries.len() as u32).collect();
        let es = &layer.entries;
        by_key.sort_unstable_by(|&a, &b| (&es[a as usize].rule, &es[a as usize].key).cmp(&(&es[b as usize].rule, &es[b as usize].key)));
        Ok(Base { layer, rules, labels, by_key })
    }

    /// The entry of `rule` and `key`, if any.
    fn find(&self, rule: &str, key: &str) -> Option<usize> {
        let es = &self.layer.entries;
        self.by_key
            .binary_search_by(|&i| (&*es[i as usize].rule, es[i as usize].key.as_str()).cmp(&(rule, key)))
            .ok()
            .map(|k| self.by_key[k] as usize)
    }

    /// Entries, after de-duplication.
    pub fn len(&self) -> usize {
        self.layer.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.layer.entries.is_empty()
    }
}

/// The compiled lexicon: an optional shared [`Base`] and the lists compiled over it.
#[derive(Default)]
pub struct Matcher {
    base: Option<std::sync::Arc<Base>>,
    top: Layer,
    /// Base entries that the top layer's lists redefine (never matched); empty when none.
    shadowed: Vec<bool>,
    shadowed_count: usize,
    /// For each interned rule: is it a cue rule ([`super::CUE_RULES`]), which the global
    /// allow-list does not touch?
    cue_rule: Vec<bool>,
    labels: BTreeMap<String, String>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("entries", &self.entry_count()).finish()
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

/// The entries of the lists, in order, unique per (rule, key): the later definition wins,
/// except that an allow-list entry is never replaced by a banned one. Collects the labels.
fn dedup(lists: &[&Lexicon], labels: &mut BTreeMap<String, String>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::with_capacity(lists.iter().map(|l| l.entries.len()).sum());
    let mut by_rule_key: HashMap<(&str, &str), usize> = HashMap::with_capacity(entries.capacity());
    for list in lists {
        labels.extend(list.labels.iter().map(|(k, v)| (k.clone(), v.clone())));
        for e in &list.entries {
            match by_rule_key.entry((&e.rule, &e.key)) {
                std::collections::hash_map::Entry::Occupied(o) => {
                    let i = *o.get();
                    if e.allow || !entries[i].allow {
                        entries[i] = e.clone();
                    }
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(entries.len());
                    entries.push(e.clone());
                }
            }
        }
    }
    entries
}

/// Interns the rules of `entries` into `rules`, returning each entry's index.
fn intern(entries: &[Entry], rules: &mut Vec<std::sync::Arc<str>>) -> Vec<u16> {
    let mut last: Option<(&str, u16)> = None;
    entries
        .iter()
        .map(|e| {
            if let Some((r, i)) = last {
                if r == &*e.rule {
                    return i;
                }
            }
            let i = match rules.iter().position(|r| **r == *e.rule) {
                Some(i) => i as u16,
                None => {
                    rules.push(e.rule.clone());
                    (rules.len() - 1) as u16
                }
            };
            last = Some((&e.rule, i));
            i
        })
        .collect()
}

impl Layer {
    fn compile(entries: Vec<Entry>, entry_rule: Vec<u16>) -> Result<Layer, LexiconError> {
        // Group entries by key: one pattern per distinct key. A near pair `A…B` is no pattern
        // itself: its parts are (with no entries of their own unless a term has that key).
        let mut keyed: Vec<(&str, Option<u32>)> = Vec::with_capacity(entries.len());
        let mut near: Vec<(u32, &str, &str)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            match e.key.split_once(NEAR) {
                Some((a, b)) if !e.allow => {
                    near.push((i as u32, a, b));
                    keyed.push((a, None));
                    keyed.push((b, None));
                }
                _ => keyed.push((e.key.as_str(), Some(i as u32))),
            }
        }
        keyed.sort_unstable_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)));
        let (mut pattern_start, mut pattern_entries, mut keys) = (Vec::new(), Vec::with_capacity(keyed.len()), Vec::new());
        for &(key, entry) in &keyed {
            if keys.last() != Some(&key) {
                keys.push(key);
                pattern_start.push(pattern_entries.len() as u32);
            }
            if let Some(i) = entry {
                pattern_entries.push(i);
            }
        }
        pattern_start.push(pattern_entries.len() as u32);
        let pattern_of = |k: &str| keys.binary_search(&k).expect("part key is a pattern") as u32;
        let mut is_part_a = vec![false; if near.is_empty() { 0 } else { keys.len() }];
        let mut by_b: Vec<(u32, u32, u32)> = near
            .iter()
            .map(|&(entry, a, b)| {
                let pa = pattern_of(a);
                is_part_a[pa as usize] = true;
                (pattern_of(b), entry, pa)
            })
            .collect();
        by_b.sort_unstable();
        let (mut pairs_start, mut pairs) = (Vec::new(), Vec::with_capacity(by_b.len()));
        if !near.is_empty() {
            let mut next = 0;
            for p in 0..keys.len() as u32 {
                pairs_start.push(pairs.len() as u32);
                while next < by_b.len() && by_b[next].0 == p {
                    pairs.push((by_b[next].1, by_b[next].2));
                    next += 1;
                }
            }
            pairs_start.push(pairs.len() as u32);
        }
        let key_lens = keys.iter().map(|k| k.chars().count() as u32).collect();
        let edges = keys.iter().map(|k| edge_flags(k)).collect();
        let automaton = if keys.is_empty() {
            None
        } else {
            let patvals = keys.iter().enumerate().map(|(i, k)| (*k, i as u32));
            // The 2-gram prefilter only serves slice searches; scans use the stepper.
            Some(daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new().use_prefilter(false).build_with_values(patvals).map_err(|e| {
                LexiconError::new("lexicon", 0, format!("cannot compile the lexicon: {e}"), format!("词库无法编译：{e}"))
            })?)
        };
        Ok(Layer { automaton, entries, entry_rule, pattern_start, pattern_entries, key_lens, edges, is_part_a, pairs_start, pairs })
    }
}

impl Matcher {
    /// Compiles the lists, in order. When two entries share a key, the later wins, except that
    /// an allow-list entry is never replaced by a banned one.
    pub fn build(lists: &[Lexicon]) -> Result<Matcher, LexiconError> {
        Matcher::with_base(None, &lists.iter().collect::<Vec<_>>())
    }

    /// Compiles the lists over a shared base, as if the base's lists came first: an entry of
    /// `lists` with the (rule, key) of a base entry replaces it (unless the base's is an
    /// allow-list entry and the new one is not). Only the entries of `lists` are compiled.
    pub fn with_base(base: Option<&std::sync::Arc<Base>>, lists: &[&Lexicon]) -> Result<Matcher, LexiconError> {
        let mut labels = base.map(|b| b.labels.clone()).unwrap_or_default();
        let mut entries = dedup(lists, &mut labels);
        let mut rules = base.map_or_else(|| vec![std::sync::Arc::from(GLOBAL_RULE)], |b| b.rules.clone());
        let (mut shadowed, mut shadowed_count) = (Vec::new(), 0);
        if let Some(b) = base {
            entries.retain(|e| match b.find(&e.rule, &e.key) {
                Some(i) if e.allow || !b.layer.entries[i].allow => {
                    if shadowed.is_empty() {
                        shadowed = vec![false; b.len()];
                    }
                    shadowed_count += usize::from(!shadowed[i]);
                    shadowed[i] = true;
                    true
                }
                Some(_) => false,
                None => true,
            });
        }
        let entry_rule = intern(&entries, &mut rules);
        // Context cues are no findings: the global allow-list (official phrases, the user's own)
        // must not hide a cue inside 最高人民法院 or 禁毒宣传.
        let cue_rule = rules.iter().map(|r| super::CUE_RULES.contains(&&**r)).collect();
        let top = Layer::compile(entries, entry_rule)?;
        Ok(Matcher { base: base.cloned(), top, shadowed, shadowed_count, cue_rule, labels })
    }

    /// Entry `i` ([`Hit::entry`]): the base's entries come first, then the lists' own.
    pub fn entry(&self, i: u32) -> &Entry {
        let i = i as usize;
        match &self.base {
            Some(b) if i < b.len() => &b.layer.entries[i],
            Some(b) => &self.top.entries[i - b.len()],
            None => &self.top.entries[i],
        }
    }

    /// Entries in force, after de-duplication (base entries that a list redefines not counted).
    pub fn entry_count(&self) -> usize {
        self.base.as_ref().map_or(0, |b| b.len() - self.shadowed_count) + self.top.entries.len()
    }

    /// The entries in force, in index order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        let base = self.base.as_ref().map(|b| b.layer.entries.as_slice()).unwrap_or_default();
        base.iter().enumerate().filter(|(i, _)| !self.shadowed.get(*i).copied().unwrap_or(false)).map(|(_, e)| e).chain(&self.top.entries)
    }

    /// Category display labels declared by the loaded lists.
    pub fn label(&self, category: &str) -> Option<&str> {
        self.labels.get(category).map(String::as_str)
    }

    /// Bytes of memory the automata use (a shared base counted in full).
    pub fn heap_bytes(&self) -> usize {
        let bytes = |l: &Layer| l.automaton.as_ref().map_or(0, |a| a.heap_bytes());
        self.base.as_ref().map_or(0, |b| bytes(&b.layer)) + bytes(&self.top)
    }

    /// Finds the banned entries in `text`, appending them to `out` in text order.
    pub fn scan(&self, text: &str, max_gap: u32, buf: &mut ScanBuffers, out: &mut Vec<Hit>) {
        let base = self.base.as_ref().filter(|b| b.layer.automaton.is_some());
        if base.is_none() && self.top.automaton.is_none() {
            return;
        }
        buf.norm.fill(text);
        buf.cands.clear();
        if let Some(b) = base {
            self.scan_layer(&b.layer, 0, text, max_gap, buf);
        }
        if self.top.automaton.is_some() {
            self.scan_layer(&self.top, self.base.as_ref().map_or(0, |b| b.len() as u32), text, max_gap, buf);
        }
        let norm = &buf.norm;
        if buf.cands.is_empty() {
            return;
        }
        // Allow-list matches, and the banned candidates not inside one of the same rule or of
        // the global allow-list.
        let cands = &mut buf.cands;
        buf.allowed.clear();
        buf.allowed.extend(cands.iter().filter(|c| c.allow));
        cands.retain(|c| !c.allow);
        if !buf.allowed.is_empty() {
            buf.allowed.sort_unstable_by_key(|a| a.start);
            let allowed = &buf.allowed;
            // A candidate is dropped when an allow match of its rule (or of the global list)
            // starts at or before it and ends at or after it. Visiting the candidates in start
            // order while keeping, per rule, the furthest end of the allow matches started so
            // far makes this linear after sorting (testing every allow match for every
            // candidate was quadratic in a text repeating an allowed phrase: 1 M characters of
            // 路口交通 took 35 s). The candidates keep their order.
            //
            // A near pair is tested three times (probes): its whole span and each part.
            let mut order: Vec<(u32, u32, u32)> = Vec::with_capacity(cands.len());
            for (i, c) in cands.iter().enumerate() {
                order.push((c.start, c.end, i as u32));
                if c.is_pair() {
                    order.push((c.start, c.a_end, i as u32));
                    order.push((c.b_start, c.end, i as u32));
                }
            }
            order.sort_unstable_by_key(|o| o.0);
            let mut furthest: std::collections::HashMap<u16, u32> = std::collections::HashMap::new();
            let mut inside = vec![false; cands.len()];
            let mut next = 0;
            for &(start, end, i) in &order {
                let c = &cands[i as usize];
                while next < allowed.len() && allowed[next].start <= start {
                    let end = furthest.entry(allowed[next].rule).or_insert(0);
                    *end = (*end).max(allowed[next].end);
                    next += 1;
                }
                let reach = |rule: u16| furthest.get(&rule).copied().unwrap_or(0);
                inside[i as usize] |= (reach(0) >= end && !self.cue_rule[c.rule as usize]) || reach(c.rule) >= end;
            }
            let mut k = 0;
            cands.retain(|_| {
                k += 1;
                !inside[k - 1]
            });
        }

        // Leftmost-longest per rule, then all rules' hits in text order.
        // On equal spans a plain term wins over a near pair (its entry says more), then the
        // earlier entry: the choice does not depend on the sort.
        cands.sort_unstable_by(|a, b| {
            a.rule.cmp(&b.rule).then(a.start.cmp(&b.start)).then(b.end.cmp(&a.end)).then(a.is_pair().cmp(&b.is_pair())).then(a.entry.cmp(&b.entry))
        });
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

    /// The byte spans of `text` that allow-list entries of rule `rule` or of the global
    /// allow-list match, sorted by start. For rules that find spans by themselves (not by
    /// entries) and must honour the allow-lists as lexicon hits do: scans the text again, so
    /// call it only for texts where such a span was found.
    pub fn allowed_spans(&self, text: &str, rule: &str) -> Vec<(usize, usize)> {
        let mut buf = ScanBuffers::default();
        buf.norm.fill(text);
        if let Some(b) = self.base.as_ref() {
            self.scan_layer(&b.layer, 0, text, DEFAULT_MAX_GAP, &mut buf);
        }
        self.scan_layer(&self.top, self.base.as_ref().map_or(0, |b| b.len() as u32), text, DEFAULT_MAX_GAP, &mut buf);
        let norm = &buf.norm;
        let mut spans: Vec<(usize, usize)> = buf
            .cands
            .iter()
            .filter(|c| c.allow && matches!(&*self.entry(c.entry).rule, r if r == rule || r == GLOBAL_RULE))
            .map(|c| (norm.byte[c.start as usize] as usize, norm.byte_end(text, c.end as usize - 1)))
            .collect();
        spans.sort_unstable();
        spans
    }

    /// Feeds the normalised text to one layer's automaton, appending its candidates (entry
    /// indices offset by `first`) to `buf.cands`.
    fn scan_layer(&self, layer: &Layer, first: u32, text: &str, max_gap: u32, buf: &mut ScanBuffers) {
        let Some(ac) = &layer.automaton else { return };
        let norm = &buf.norm;
        buf.parts.clear();
        let has_pairs = !layer.pairs.is_empty();
        let shadowed = if first == 0 { self.shadowed.as_slice() } else { &[] };
        // Key position of the last clause boundary seen (+1; 0 when none).
        let mut clause_start = 0u32;
        let mut stepper = ac.find_overlapping_stepper();
        for (i, &c) in norm.key.iter().enumerate() {
            stepper.consume(c);
            if has_pairs && crate::normalize::is_boundary(c) {
                clause_start = i as u32 + 1;
            }
            for m in stepper.matches() {
                let p = m.value() as usize;
                let end = i as u32 + 1;
                let start = end - layer.key_lens[p];
                if !plausible(layer.edges[p], start as usize, end as usize, text, norm, max_gap) {
                    continue;
                }
                for &entry in &layer.pattern_entries[layer.pattern_start[p] as usize..layer.pattern_start[p + 1] as usize] {
                    if shadowed.get(entry as usize).copied().unwrap_or(false) {
                        continue;
                    }
                    let (rule, allow) = (layer.entry_rule[entry as usize], layer.entries[entry as usize].allow);
                    buf.cands.push(Cand { start, end, entry: first + entry, rule, allow, a_end: end, b_start: start });
                }
                if has_pairs {
                    pair_up(layer, first, shadowed, p, (start, end), clause_start, text, norm, &mut buf.cands, &mut buf.parts);
                }
            }
        }
    }
}

/// Records a match of pattern `p` at key positions `start..end` as the first part of near
/// pairs, and completes the pairs whose second part it is with the nearest first part
/// before it in the same clause.
#[allow(clippy::too_many_arguments)]
fn pair_up(
    layer: &Layer, first: u32, shadowed: &[bool], p: usize, (start, end): (u32, u32), clause_start: u32, text: &str,
    norm: &Normalized, cands: &mut Vec<Cand>, parts: &mut Vec<PartA>,
) {
    let (lo, hi) = (layer.pairs_start[p] as usize, layer.pairs_start[p + 1] as usize);
    if lo < hi {
        for &(entry, a_pattern) in &layer.pairs[lo..hi] {
            // First parts are stored in order of their end: walk back from the nearest.
            let found = parts.iter().rev().take_while(|a| a.end + NEAR_GAP >= start).find(|a| {
                a.pattern == a_pattern
                    && a.end <= start
                    && a.start >= clause_start
                    && norm.byte[start as usize] as usize - norm.byte_end(text, a.end as usize - 1) <= NEAR_MAX_BYTES
            });
            if let Some(a) = found {
                if shadowed.get(entry as usize).copied().unwrap_or(false) {
                    continue;
                }
                let rule = layer.entry_rule[entry as usize];
                cands.push(Cand { start: a.start, end, entry: first + entry, rule, allow: false, a_end: a.end, b_start: start });
            }
        }
    }
    if layer.is_part_a[p] {
        // Forget first parts too far back to pair with anything still to come.
        if parts.len() >= 64 {
            let keep_from = parts.iter().position(|a| a.end + NEAR_GAP + 64 >= end).unwrap_or(parts.len());
            parts.drain(..keep_from);
        }
        parts.push(PartA { pattern: p as u32, start, end });
    }
}

/// Whether a match of a pattern with edge `flags` at key positions `s..e` is a real one: no gap too wide,
/// no Latin word or number cut in half.
fn plausible(flags: u8, s: usize, e: usize, text: &str, norm: &Normalized, max_gap: u32) -> bool {
    for i in s..e - 1 {
        let gap = norm.gap(text, i, MAX_RAW_GAP);
        if gap.visible > max_gap || gap.raw > MAX_RAW_GAP {
            return false;
        }
    }
    let key = &norm.key;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse;

    fn hits(lex: &str, text: &str) -> Vec<(String, String)> {
        let m = Matcher::build(&[parse("t", lex, Some("test")).unwrap()]).unwrap();
        let mut out = Vec::new();
        m.scan(text, DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        out.iter()
            .map(|h| (m.entry(h.entry).term.to_string(), text[h.byte_start as usize..h.byte_end as usize].to_string()))
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
        assert_eq!(m.entry_count(), 1);
        assert_eq!(m.entry(0).severity, Some(crate::finding::Severity::Warn));
        let allow = parse("c", "@allow\n赌球", None).unwrap();
        let m = Matcher::build(&[allow, a]).unwrap();
        assert!(m.entry(0).allow);
    }

    #[test]
    fn rules_resolve_overlaps_and_allow_lists_separately() {
        let lex = "@rule prohibited\n网上赌场\n@allow\n网上赌场老板\n@rule sign-off-topic\n赌场\n上赌场\n";
        let m = Matcher::build(&[parse("t", lex, None).unwrap()]).unwrap();
        let mut out = Vec::new();
        m.scan("网上赌场", DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        let got: Vec<_> = out.iter().map(|h| (&*m.entry(h.entry).rule, m.entry(h.entry).term.as_str())).collect();
        // Each rule keeps its own leftmost-longest hit; neither hides the other.
        assert_eq!(got, [("prohibited", "网上赌场"), ("sign-off-topic", "上赌场")]);
        // The prohibited allow entry does not silence the other rule.
        out.clear();
        m.scan("网上赌场老板", DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&*m.entry(out[0].entry).rule, "sign-off-topic");
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
        assert_eq!(m.entry_count(), 2);
        let mut out = Vec::new();
        m.scan("赌球", DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn near_pairs_match_within_a_clause() {
        let lex = "出售…枪\n@allow\n水枪";
        assert_eq!(texts(lex, "出售健卫14步枪"), ["出售健卫14步枪"]);
        assert_eq!(texts(lex, "出售枪"), ["出售枪"]);
        assert_eq!(texts(lex, "今日出售 气 枪，"), ["出售 气 枪"]);
        // Not across a clause boundary, not too far, not in the wrong order.
        assert!(texts(lex, "出售门票，枪声响起").is_empty());
        assert!(texts(lex, "出售一二三四五六七八九枪").is_empty());
        assert_eq!(texts(lex, "出售一二三四五六七八枪"), ["出售一二三四五六七八枪"]);
        assert!(texts(lex, "枪出售").is_empty());
        // An allow-listed part protects the pair.
        assert!(texts(lex, "商店出售儿童水枪").is_empty());
        // The nearest first part is used.
        assert_eq!(texts(lex, "出售出售气枪"), ["出售气枪"]);
        // Evasions are folded in both parts, and the offsets are the original's.
        let got = hits(lex, "😀出\u{200b}售🔫氣槍");
        assert_eq!(got, [("出售…枪".to_string(), "出\u{200b}售🔫氣槍".to_string())]);
    }

    #[test]
    fn near_pairs_keep_their_parts_edges_and_share_patterns() {
        // A Latin part still matches whole words only.
        assert!(texts("卖…av", "卖掉avocado").is_empty());
        assert_eq!(texts("卖…av", "卖高清av"), ["卖高清av"]);
        // On the same span, the plain term is the one reported.
        let got = hits("网上…赌场\n网上赌场", "网上\u{200b}赌场");
        assert_eq!(got, [("网上赌场".to_string(), "网上\u{200b}赌场".to_string())]);
        // A part that is also a term of its own is reported as one.
        let lex = "枪支\n出售…枪支";
        assert_eq!(texts(lex, "买到枪支"), ["枪支"]);
        assert_eq!(texts(lex, "出售各类枪支"), ["出售各类枪支"]);
        // Many first parts before a second part stay linear and still pair.
        let text = format!("{}气枪", "出售".repeat(5000));
        assert_eq!(texts("出售…枪", &text).len(), 1);
    }

    #[test]
    fn empty_lexicon_finds_nothing() {
        let m = Matcher::build(&[]).unwrap();
        let mut out = Vec::new();
        m.scan("任何文字", 3, &mut ScanBuffers::default(), &mut out);
        assert!(out.is_empty());
    }

    /// What a matcher finds, by content (entry indices differ between constructions).
    fn found(m: &Matcher, text: &str) -> Vec<(u32, u32, String, String, Option<crate::finding::Severity>)> {
        let mut out = Vec::new();
        m.scan(text, DEFAULT_MAX_GAP, &mut ScanBuffers::default(), &mut out);
        out.iter()
            .map(|h| {
                let e = m.entry(h.entry);
                (h.byte_start, h.byte_end, e.rule.to_string(), e.term.to_string(), e.severity)
            })
            .collect()
    }

    #[test]
    fn lists_over_a_base_match_as_if_compiled_together() {
        let base_lists = [
            parse("b1", "赌场\n网上赌场\n出售…枪\n@allow\n水枪\n路口交通", Some("gambling")).unwrap(),
            parse("b2", "@rule typo\n再接再励|suggestion=再接再厉\n@rule sign-off-topic\n上访", None).unwrap(),
        ];
        let users = [
            // Redefines a base entry (severity), adds terms and a pair, allows a base term.
            "网上赌场|severity=warn\n口交\n代开…发票\n@allow\n赌场大亨",
            // A banned entry never replaces an allow-list entry of the base.
            "水枪\n路口交通\n枪",
            // Allow-list entries of the base's keys and another rule's key.
            "@allow\n网上赌场\n@rule sign-off-topic\n赌场",
            "",
        ];
        let texts = [
            "他在网上赌场做庄，出售儿童水枪和出售健卫步枪，代开增值税发票。",
            "十字路口交通拥堵，口交，赌场大亨，再接再励，上访，枪。",
        ];
        let base = std::sync::Arc::new(Base::build(&base_lists).unwrap());
        for user in users {
            let mut global = parse("g", "@allow\n大亨", None).unwrap();
            global.entries.iter_mut().for_each(|e| e.rule = std::sync::Arc::from(GLOBAL_RULE));
            let user = parse("u", user, Some("custom")).unwrap();
            let together: Vec<Lexicon> = base_lists.iter().cloned().chain([user.clone(), global.clone()]).collect();
            let whole = Matcher::build(&together).unwrap();
            let layered = Matcher::with_base(Some(&base), &[&user, &global]).unwrap();
            assert_eq!(layered.entry_count(), whole.entry_count(), "{:?}", user.entries);
            let mut a: Vec<_> = layered.entries().map(|e| (e.rule.to_string(), e.key.clone(), e.allow, e.severity)).collect();
            let mut b: Vec<_> = whole.entries().map(|e| (e.rule.to_string(), e.key.clone(), e.allow, e.severity)).collect();
            a.sort();
            b.sort();
            assert_eq!(a, b);
            for text in texts {
                assert_eq!(found(&layered, text), found(&whole, text), "{text} with {:?}", user.entries);
            }
        }
        // And the redefinition took effect.
        let user = parse("u", "网上赌场|severity=warn", Some("custom")).unwrap();
        let m = Matcher::with_base(Some(&base), &[&user]).unwrap();
        let f = found(&m, "网上赌场");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].4, Some(crate::finding::Severity::Warn));
        assert_eq!(m.entry_count(), base.len());
    }
}
