//! The built [`Model`] as bytes and back (see [`crate::snapshot`]): its tables as arrays.
//!
//! Decoding checks what a lookup relies on (table sizes are powers of two with an empty slot,
//! every masked range lies inside `masked_chars`, characters are valid), so inconsistent bytes
//! are an error, never a panic or an endless probe later.

use super::{Model, Table, FIRST, LAST, PAIR_BITS};
use crate::snapshot::codec::{Reader, Writer};
use crate::snapshot::SnapshotError;
use std::collections::HashMap;

impl Table {
    fn encode(&self, w: &mut Writer) {
        w.u64s(&self.keys);
        w.u32s(&self.values);
        w.u64s(&self.filter);
    }

    fn decode(r: &mut Reader) -> Result<Table, SnapshotError> {
        let (keys, values, filter) = (r.u64s()?, r.u32s()?, r.u64s()?);
        let n = keys.len();
        let ok = n.is_power_of_two()
            && n >= 16
            && values.len() == n
            && keys.contains(&0)
            && !filter.is_empty()
            && (filter.len() * 64).is_power_of_two();
        if !ok {
            return Err(r.error("malformed table"));
        }
        let (shift, filter_mask) = (64 - n.trailing_zeros(), (filter.len() * 64) as u64 - 1);
        Ok(Table { keys, values, shift, filter, filter_mask })
    }
}

impl Model {
    /// Appends the model to `w`.
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.u32(self.ln_total.to_bits());
        w.u32s(&self.chars);
        w.u16s(&self.fuzzy);
        self.words.encode(w);
        self.masked.encode(w);
        w.u32s(&self.masked_chars.iter().map(|&(c, _)| c as u32).collect::<Vec<u32>>());
        w.bytes(&self.masked_chars.iter().map(|&(_, q)| q).collect::<Vec<u8>>());
        w.u64s(&self.pairs);
        // Sorted, so that equal models encode to equal bytes.
        let mut shapes: Vec<(&char, &Vec<char>)> = self.shapes.iter().collect();
        shapes.sort();
        w.len(shapes.len());
        for (c, group) in shapes {
            w.u32(*c as u32);
            w.u32s(&group.iter().map(|&c| c as u32).collect::<Vec<u32>>());
        }
    }

    /// Reads a model written by [`Model::encode`].
    pub(crate) fn decode(r: &mut Reader) -> Result<Model, SnapshotError> {
        let ln_total = f32::from_bits(r.u32()?);
        let chars = r.u32s()?;
        let fuzzy = r.u16s()?;
        let words = Table::decode(r)?;
        let masked = Table::decode(r)?;
        let to_char = |v: u32, r: &Reader| char::from_u32(v).ok_or_else(|| r.error("invalid character"));
        let cs = r.u32s()?;
        let qs = r.bytes()?;
        if cs.len() != qs.len() {
            return Err(r.error("masked characters and frequencies differ in length"));
        }
        let masked_chars = cs.iter().zip(qs).map(|(&c, &q)| Ok((to_char(c, r)?, q))).collect::<Result<Vec<_>, _>>()?;
        let pairs = r.u64s()?;
        let mut shapes = HashMap::new();
        for _ in 0..r.len()? {
            let c = to_char(r.u32()?, r)?;
            let group = r.u32s()?.into_iter().map(|v| to_char(v, r)).collect::<Result<Vec<_>, _>>()?;
            shapes.insert(c, group);
        }
        let cells = (LAST - FIRST + 2) as usize;
        let ranges_ok = masked.keys.iter().zip(&masked.values).all(|(&k, &v)| k == 0 || ((v >> 8) + (v & 0xff)) as usize <= masked_chars.len());
        if chars.len() != cells || fuzzy.len() != cells || pairs.len() != 1 << (PAIR_BITS - 6) || !ranges_ok || !ln_total.is_finite() {
            return Err(r.error("inconsistent tables"));
        }
        Ok(Model { ln_total, chars, fuzzy, words, masked, masked_chars, pairs, shapes })
    }
}
