//! [`SharedStr`]: the strings of lexicon entries, which are cloned with every compilation and,
//! restored from a start-up snapshot, all lie in one string table.

use std::sync::Arc;

/// An immutable string that shares its bytes: its own allocation, or a range of a larger one
/// (a snapshot's string table, so restoring 34,000 entries allocates once). Cloning costs a
/// reference count. Compares, orders and hashes as its `str`.
///
/// Invariant: `start..end` lies inside `arena` on character boundaries.
#[derive(Clone)]
pub struct SharedStr {
    arena: Arc<str>,
    start: u32,
    end: u32,
}

impl SharedStr {
    /// `arena[range]`, or `None` when the range is outside it or not on character boundaries.
    pub fn slice(arena: &Arc<str>, start: usize, end: usize) -> Option<SharedStr> {
        (start <= end && arena.get(start..end).is_some() && end <= u32::MAX as usize)
            .then(|| SharedStr { arena: arena.clone(), start: start as u32, end: end as u32 })
    }

    pub fn as_str(&self) -> &str {
        &self.arena[self.start as usize..self.end as usize]
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr { arena: Arc::from(s), start: 0, end: s.len() as u32 }
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        let end = s.len() as u32;
        SharedStr { arena: Arc::from(s), start: 0, end }
    }
}

impl Default for SharedStr {
    fn default() -> SharedStr {
        SharedStr::from("")
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for SharedStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_share_the_arena_and_compare_as_strings() {
        let arena: Arc<str> = Arc::from("赌博ab");
        let a = SharedStr::slice(&arena, 0, 6).unwrap();
        assert_eq!(a, SharedStr::from("赌博"));
        assert_eq!(&*a, "赌博");
        assert!(SharedStr::slice(&arena, 6, 8).unwrap() < a);
        assert!(SharedStr::slice(&arena, 1, 6).is_none(), "not a character boundary");
        assert!(SharedStr::slice(&arena, 0, 9).is_none(), "outside");
        assert!(SharedStr::slice(&arena, 3, 2).is_none());
        assert_eq!(Arc::strong_count(&arena), 2);
    }
}
