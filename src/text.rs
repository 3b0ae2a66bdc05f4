//! Small text helpers: UTF-16 lengths and offsets, WeChat's ways of counting.

/// Length of `s` in UTF-16 code units, as JavaScript's `.length` counts.
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Converts a byte offset (on a char boundary) into a UTF-16 offset.
pub fn byte_to_utf16(s: &str, byte: usize) -> usize {
    utf16_len(&s[..byte])
}

/// JavaScript's `String.prototype.trim` whitespace: Unicode White_Space plus U+FEFF.
pub fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The byte range of `s` left after trimming as JavaScript's `trim()` does.
pub fn js_trim_range(s: &str) -> (usize, usize) {
    let start = s.len() - s.trim_start_matches(is_js_space).len();
    let end = s.trim_end_matches(is_js_space).len();
    if end < start {
        (start, start)
    } else {
        (start, end)
    }
}

/// The byte offset in `s` of the first char whose UTF-16 start offset is `>= units`, counting
/// from byte `from`; a surrogate pair straddling the limit is included whole. Returns `s.len()`
/// when the text is shorter.
pub fn byte_at_utf16(s: &str, from: usize, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in s[from..].char_indices() {
        if seen >= units {
            return from + i;
        }
        seen += c.len_utf16();
        if seen > units {
            return from + i;
        }
    }
    s.len()
}

/// WeChat's author-name width: a non-ASCII character counts 2, an ASCII one 1; the editor then
/// halves and rounds up, so "8 字" means a width of at most 16.
pub fn wechat_author_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_emoji_as_two() {
        assert_eq!(utf16_len("a中😀"), 4);
        assert_eq!(byte_to_utf16("a中😀b", 8), 4);
    }

    #[test]
    fn trim_range_is_js_like() {
        let s = "\u{3000} 标题\u{feff}\n";
        let (a, b) = js_trim_range(s);
        assert_eq!(&s[a..b], "标题");
        assert_eq!(js_trim_range("   "), (3, 3));
    }

    #[test]
    fn byte_at_utf16_never_splits_a_pair() {
        let s = "ab😀c";
        assert_eq!(byte_at_utf16(s, 0, 2), 2);
        assert_eq!(byte_at_utf16(s, 0, 3), 2); // inside the emoji: start at the emoji
        assert_eq!(byte_at_utf16(s, 0, 4), 6);
        assert_eq!(byte_at_utf16(s, 0, 10), s.len());
    }

    #[test]
    fn author_width() {
        assert_eq!(wechat_author_width("张三"), 4);
        assert_eq!(wechat_author_width("ab张"), 4);
    }
}
