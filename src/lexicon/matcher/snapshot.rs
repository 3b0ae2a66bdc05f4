//! A compiled [`Base`] as bytes and back (see [`crate::snapshot`]): the automaton in daachorse's
//! own serialisation, the entry table and the pattern tables as arrays.
//!
//! Decoding checks every index against the table it points into, so bytes that pass the
//! snapshot's checksum but are inconsistent are an error, not a panic later in a scan. (The
//! automaton's values, pattern indices, are trusted once the checksum matched: daachorse
//! checks its own structure, not the values.)

use super::{Base, Layer};
use crate::finding::Severity;
use crate::lexicon::{Entry, When};
use crate::snapshot::codec::{Reader, Writer};
use crate::snapshot::SnapshotError;
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::collections::BTreeMap;
use std::sync::Arc;

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
        w.len(layer.entries.len());
        for (e, &cat) in layer.entries.iter().zip(&category_ids) {
            w.str(&e.term);
            w.str(&e.key);
            w.u32(cat);
            w.u8(severity_code(e.severity) | (when_code(e.when) << 3) | (u8::from(e.allow) << 5));
            w.opt_str(e.suggestion.as_deref());
            w.opt_str(e.note.as_deref());
            w.u32(e.line as u32);
        }
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
        let n = r.len()?;
        let mut raw = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            let (term, key) = (r.str()?, r.str()?);
            let cat = r.u32()? as usize;
            let flags = r.u8()?;
            let (suggestion, note, line) = (r.opt_str()?, r.opt_str()?, r.u32()?);
            let category = categories.get(cat).ok_or_else(|| r.error("category out of range"))?.clone();
            let severity = severity_of(flags & 7).ok_or_else(|| r.error("bad severity"))?;
            let when = when_of((flags >> 3) & 3).ok_or_else(|| r.error("bad 'when'"))?;
            raw.push((term, key, category, severity, when, flags & 32 != 0, suggestion, note, line));
        }
        let entry_rule = r.u16s()?;
        if entry_rule.len() != raw.len() || entry_rule.iter().any(|&i| i as usize >= rules.len()) {
            return Err(r.error("entry rules do not match the entries"));
        }
        let entries: Vec<Entry> = raw
            .into_iter()
            .zip(&entry_rule)
            .map(|((term, key, category, severity, when, allow, suggestion, note, line), &rule)| Entry {
                term: term.to_owned(),
                key: key.to_owned(),
                rule: rules[rule as usize].clone(),
                category,
                severity,
                suggestion: suggestion.map(str::to_owned),
                note: note.map(str::to_owned),
                allow,
                when,
                line: line as usize,
            })
            .collect();
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
