//! The normaliser: text → matching key, with a map back to the original.
//!
//! Invariants (tested, including by a property test over arbitrary text):
//! - each key character comes from exactly one original character, in order: `byte[i]` is the
//!   byte offset (a char boundary) of the original character of `key[i]`;
//! - the characters strictly between `byte[i]` and `byte[i + 1]` are the skipped separators,
//!   which [`Normalized::gap`] counts so a match can be rejected when too much was skipped.
//!
//! Only the byte offset is stored per character (the hot loop writes 8 bytes per character);
//! UTF-16 offsets and gaps are computed for the few candidate matches only.

mod fold;
mod t2s;

pub use fold::{fold, is_boundary, is_invisible, Fold};
use fold::{cjk_table, fold_with};
pub use t2s::to_simplified;

/// Builds the lookup tables now (they are otherwise built on first use).
pub fn warm_up() {
    let _ = cjk_table();
}

/// Skipped characters between two key characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// All skipped characters, counted up to a caller-given limit.
    pub raw: u32,
    /// Visible ones (not zero-width, format or combining characters).
    pub visible: u32,
}

/// A normalised text: the key characters and, for each, the byte offset of its original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub key: Vec<char>,
    pub byte: Vec<u32>,
}

impl Normalized {
    /// Normalises `text`, reusing this buffer's allocations.
    pub fn fill(&mut self, text: &str) {
        self.key.clear();
        self.byte.clear();
        assert!(text.len() <= u32::MAX as usize, "text over 4 GiB");
        let cjk = cjk_table();
        // A CJK character is 3 bytes: this is exact for Chinese text and rarely regrows.
        self.key.reserve(text.len() / 3 + 16);
        self.byte.reserve(text.len() / 3 + 16);
        for (byte, c) in text.char_indices() {
            if let Fold::Keep(k) = fold_with(c, cjk) {
                self.key.push(k);
                self.byte.push(byte as u32);
            }
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

    /// Byte offset just past the original character of key character `i`.
    pub fn byte_end(&self, text: &str, i: usize) -> usize {
        let b = self.byte[i] as usize;
        b + text[b..].chars().next().map_or(0, char::len_utf8)
    }

    /// The separators skipped between key characters `i` and `i + 1`, counting at most
    /// `limit + 1` of them (enough to tell that a limit was exceeded).
    pub fn gap(&self, text: &str, i: usize, limit: u32) -> Gap {
        let between = &text[self.byte_end(text, i)..self.byte[i + 1] as usize];
        let mut gap = Gap { raw: 0, visible: 0 };
        for c in between.chars() {
            gap.raw += 1;
            gap.visible += !is_invisible(c) as u32;
            if gap.raw > limit {
                break;
            }
        }
        gap
    }

    /// Whether key characters `i` and `i + 1` were adjacent in the original (nothing skipped).
    pub fn adjacent(&self, text: &str, i: usize) -> bool {
        self.byte_end(text, i) == self.byte[i + 1] as usize
    }
}

/// Converts ascending byte offsets of `text` to UTF-16 offsets in one pass.
#[derive(Debug)]
pub struct Utf16Cursor<'t> {
    text: &'t str,
    byte: usize,
    utf16: usize,
}

impl<'t> Utf16Cursor<'t> {
    pub fn new(text: &'t str) -> Self {
        Utf16Cursor { text, byte: 0, utf16: 0 }
    }

    /// The UTF-16 offset of `byte` (a char boundary). Cheap when calls move forward in small
    /// steps; a step back costs the distance stepped back.
    pub fn at(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.utf16 += crate::text::utf16_len(&self.text[self.byte..byte]);
        } else {
            self.utf16 -= crate::text::utf16_len(&self.text[byte..self.byte]);
        }
        self.byte = byte;
        self.utf16
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
        // a at 0; 😀 (4 bytes) and ZWSP (3 bytes) skipped; 賭 at byte 8; space; 博 at 12.
        assert_eq!(n.byte, vec![0, 8, 12]);
        assert_eq!(n.gap(text, 0, 16), Gap { raw: 2, visible: 1 });
        assert_eq!(n.gap(text, 1, 16), Gap { raw: 1, visible: 1 });
        assert_eq!(n.gap(text, 0, 0).raw, 1, "counting stops past the limit");
        assert!(!n.adjacent(text, 0));
        assert_eq!(n.byte_end(text, 2), text.len());
        let mut c = Utf16Cursor::new(text);
        assert_eq!((c.at(0), c.at(8), c.at(12), c.at(text.len())), (0, 4, 6, 7));
        assert_eq!(c.at(8), 4);
        assert_eq!((c.at(1), c.at(0), c.at(12)), (1, 0, 6));
    }

    #[test]
    fn key_of_matches_text_folding() {
        assert_eq!(key_of("網上 賭場"), Normalized::new("网上赌场").key_string());
    }
}
