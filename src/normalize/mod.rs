//! The normaliser: text → matching key, with a map back to the original.
//!
//! Invariants (tested, including by a property test over arbitrary text):
//! - each key character comes from exactly one original character (`pos[i]`), in order;
//! - `pos[i].byte` is a char boundary of the original, `pos[i].utf16` its UTF-16 offset;
//! - skipped characters lie strictly between key characters and are counted in `pos[i].idx`
//!   gaps, so a match can be rejected when too much was skipped inside it.

mod fold;
mod t2s;

pub use fold::{fold, is_boundary, is_invisible, Fold};
pub use t2s::{to_simplified, warm_up};

/// Where one key character came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Byte offset of the original character.
    pub byte: u32,
    /// UTF-16 offset of the original character.
    pub utf16: u32,
    /// Index of the original character (in chars).
    pub idx: u32,
    /// Number of visible skipped characters before this one since the start of the text.
    pub vis: u32,
}

/// A normalised text: the key characters and, for each, where it came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub key: Vec<char>,
    pub pos: Vec<Pos>,
}

impl Normalized {
    /// Normalises `text`, reusing this buffer's allocations.
    pub fn fill(&mut self, text: &str) {
        self.key.clear();
        self.pos.clear();
        assert!(text.len() <= u32::MAX as usize, "text over 4 GiB");
        let (mut utf16, mut idx, mut vis) = (0u32, 0u32, 0u32);
        for (byte, c) in text.char_indices() {
            match fold(c) {
                Fold::Keep(k) => {
                    self.key.push(k);
                    self.pos.push(Pos { byte: byte as u32, utf16, idx, vis });
                }
                Fold::Skip { visible } => vis += visible as u32,
            }
            utf16 += c.len_utf16() as u32;
            idx += 1;
        }
    }

    pub fn new(text: &str) -> Normalized {
        let mut n = Normalized::default();
        n.fill(text);
        n
    }

    /// The key as a string (for tests and benchmarks).
    pub fn key_string(&self) -> String {
        self.key.iter().collect()
    }
}

/// The matching key of a lexicon term: the same folding as for text.
pub fn key_of(term: &str) -> String {
    term.chars()
        .filter_map(|c| match fold(c) {
            Fold::Keep(k) => Some(k),
            Fold::Skip { .. } => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_point_at_the_original_characters() {
        let text = "a😀\u{200b}賭 博";
        let n = Normalized::new(text);
        assert_eq!(n.key_string(), "a赌博");
        let p: Vec<_> = n.pos.iter().map(|p| (p.byte, p.utf16, p.idx, p.vis)).collect();
        // a at 0; 😀 (4 bytes, 2 units) and ZWSP skipped; 賭 at byte 8, unit 4, char 3.
        assert_eq!(p, vec![(0, 0, 0, 0), (8, 4, 3, 1), (12, 6, 5, 2)]);
    }

    #[test]
    fn key_of_matches_text_folding() {
        assert_eq!(key_of("網上 賭場"), Normalized::new("网上赌场").key_string());
    }
}
