//! A compiled [`Base`] as bytes and back (see [`crate::snapshot`]): the automaton in daachorse's
//! own serialisation, the entry table and the pattern tables as arrays.
//!
//! Decoding checks every index against the table it points into, so bytes that pass the
//! snapshot's checksum but are inconsistent are an error, not a panic later in a scan. (The
//! automaton's values, pattern indices, are trusted once the checksum matched: daachorse
//! checks its own structure, not the values.)

use super::{Base, Layer};
use crate::finding::Severity;
use crate::lexicon::{Entry, SharedStr, When};
use crate::snapshot::codec::{Reader, Writer};
use crate::snapshot::SnapshotError;
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A missing string's (start, end).
const NONE: u32 = u32::MAX;

fn severity_code(s: Option<Severity>) -> u8 {
    match s {
        None => 0,
        Some(Severity::Info) => 1,
        Some(Severity::Warn) => 2,
        Some(Severity::Review) => 3,
        Some(Severity::Block) => 4,
    }
}

fn severity_of(c: u8) -> Option<Option<Severity>> {
    Some(match c {
        0 => None,
        1 => Some(Severity::Info),
        2 => Some(Severity::Warn),
        3 => Some(Severity::Review),
        4 => Some(Severity::Block),
        _ => return None,
    })
}

fn when_code(w: When) -> u8 {
    match w {
        When::Always => 0,
        When::Solicit => 1,
        When::Fixed => 2,
    }
}

fn when_of(c: u8) -> Option<When> {
    Some(match c {
        0 => When::Always,
        1 => When::Solicit,
        2 => When::Fixed,
        _ => return None,
    })
}

impl Base {
    /// Appends the base to `w`.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.len(self.rules.len());
        self.rules.iter().for_each(|r| w.str(r));
        w.len(self.labels.len());
        for (k, v) in &self.labels {
            w.str(k);
            w.str(v);
        }
        let layer = &self.layer;
        // Categories, interned in order of first use.
        let mut categories: Vec<&Arc<str>> = Vec::new();
        let category_ids: Vec<u32> = layer
            .entries
            .iter()
            .map(|e| match categories.iter().position(|c| **c == e.category) {
                Some(i) => i as u32,
                None => {
                    categories.push(&e.category);
                    (categories.len() - 1) as u32
                }
            })
            .collect();
        w.len(categories.len());
        categories.iter().for_each(|c| w.str(c));
        // Every string of every entry in one table; an entry holds (start, end) of its term,
        // key, suggestion and note (`NONE` for a missing one).
        let mut arena = String::new();
        let mut refs: Vec<u32> = Vec::with_capacity(layer.entries.len() * 8);
        let mut put = |s: Option<&str>, arena: &mut String| match s {
            None => refs.extend([NONE, NONE]),
            Some(s) => {
                refs.extend([arena.len() as u32, (arena.len() + s.len()) as u32]);
                arena.push_str(s);
            }
        };
        for e in &layer.entries {
            put(Some(&e.term), &mut arena);
            put(Some(&e.key), &mut arena);
            put(e.suggestion.as_deref(), &mut arena);
            put(e.note.as_deref(), &mut arena);
        }
        w.str(&arena);
        w.u32s(&refs);
        w.u32s(&category_ids);
        w.bytes(&layer.entries.iter().map(|e| severity_code(e.severity) | (when_code(e.when) << 3) | (u8::from(e.allow) << 5)).collect::<Vec<u8>>());
        w.u32s(&layer.entries.iter().map(|e| e.line as u32).collect::<Vec<u32>>());
        w.u16s(&layer.entry_rule);
        w.u32s(&layer.pattern_start);
        w.u32s(&layer.pattern_entries);
        w.u32s(&layer.key_lens);
        w.bytes(&layer.edges);
        w.bytes(&layer.is_part_a.iter().map(|&b| u8::from(b)).collect::<Vec<u8>>());
        w.u32s(&layer.pairs_start);
        let flat: Vec<u32> = layer.pairs.iter().flat_map(|&(e, p)| [e, p]).collect();
        w.u32s(&flat);
        w.u32s(&self.by_key);
        match &layer.automaton {
            None => w.bytes(&[]),
            Some(ac) => w.bytes(&ac.serialize()),
        }
    }

    /// Reads a base written by [`Base::encode`].
    pub(crate) fn decode(r: &mut Reader) -> Result<Base, SnapshotError> {
        let n = r.len()?;
        let mut rules: Vec<Arc<str>> = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            rules.push(Arc::from(r.str()?));
        }
        let mut labels = BTreeMap::new();
        for _ in 0..r.len()? {
            labels.insert(r.str()?.to_owned(), r.str()?.to_owned());
        }
        let mut categories: Vec<Arc<str>> = Vec::new();
        for _ in 0..r.len()? {
            categories.push(Arc::from(r.str()?));
        }
        let arena: Arc<str> = Arc::from(r.str()?);
        let (refs, cats, flags, lines) = (r.u32s()?, r.u32s()?, r.bytes()?, r.u32s()?);
        let entry_rule = r.u16s()?;
        let n = cats.len();
        if refs.len() != n * 8 || flags.len() != n || lines.len() != n || entry_rule.len() != n || entry_rule.iter().any(|&i| i as usize >= rules.len()) {
            return Err(r.error("entry tables differ in length"));
        }
        let string = |i: usize| -> Result<Option<SharedStr>, SnapshotError> {
            match (refs[i], refs[i + 1]) {
                (NONE, NONE) => Ok(None),
                (s, e) => SharedStr::slice(&arena, s as usize, e as usize).map(Some).ok_or_else(|| r.error("string out of range")),
            }
        };
        let mut entries = Vec::with_capacity(n);
        for i in 0..n {
            let (Some(term), Some(key)) = (string(i * 8)?, string(i * 8 + 2)?) else {
                return Err(r.error("entry without a term"));
            };
            let f = flags[i];
            entries.push(Entry {
                term,
                key,
                rule: rules[entry_rule[i] as usize].clone(),
                category: categories.get(cats[i] as usize).ok_or_else(|| r.error("category out of range"))?.clone(),
                severity: severity_of(f & 7).ok_or_else(|| r.error("bad severity"))?,
                suggestion: string(i * 8 + 4)?,
                note: string(i * 8 + 6)?,
                allow: f & 32 != 0,
                when: when_of((f >> 3) & 3).ok_or_else(|| r.error("bad 'when'"))?,
                line: lines[i] as usize,
            });
        }
        let pattern_start = r.u32s()?;
        let pattern_entries = r.u32s()?;
        let key_lens = r.u32s()?;
        let edges = r.bytes()?.to_vec();
        let is_part_a: Vec<bool> = r.bytes()?.iter().map(|&b| b != 0).collect();
        let pairs_start = r.u32s()?;
        let flat = r.u32s()?;
        let by_key = r.u32s()?;
        let ac_bytes = r.bytes()?;
        let patterns = key_lens.len();
        let ne = entries.len() as u32;
        let ranges_ok = |starts: &[u32], total: usize| {
            starts.len() == patterns + 1 && starts.windows(2).all(|w| w[0] <= w[1]) && starts.last() == Some(&(total as u32))
        };
        let consistent = ranges_ok(&pattern_start, pattern_entries.len())
            && pattern_entries.iter().all(|&e| e < ne)
            && edges.len() == patterns
            && (is_part_a.is_empty() || is_part_a.len() == patterns)
            && (pairs_start.is_empty() || ranges_ok(&pairs_start, flat.len() / 2))
            && flat.len() % 2 == 0
            && flat.chunks_exact(2).all(|p| p[0] < ne && (p[1] as usize) < patterns)
            && (!flat.is_empty() || pairs_start.is_empty())
            && (flat.is_empty() || is_part_a.len() == patterns)
            && by_key.len() == entries.len()
            && by_key.iter().all(|&e| e < ne);
        if !consistent {
            return Err(r.error("inconsistent pattern tables"));
        }
        let automaton = if ac_bytes.is_empty() {
            None
        } else {
            let (ac, rest) = CharwiseDoubleArrayAhoCorasick::<u32>::deserialize(ac_bytes).map_err(|e| r.error(&format!("automaton: {e}")))?;
            if !rest.is_empty() {
                return Err(r.error("bytes after the automaton"));
            }
            Some(ac)
        };
        if automaton.is_none() != (patterns == 0) {
            return Err(r.error("automaton and patterns disagree"));
        }
        let pairs = flat.chunks_exact(2).map(|p| (p[0], p[1])).collect();
        let layer = Layer { automaton, entries, entry_rule, pattern_start, pattern_entries, key_lens, edges, is_part_a, pairs_start, pairs };
        Ok(Base { layer, rules, labels, by_key })
    }
}
