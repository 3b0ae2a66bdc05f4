//! A guard against pathologically deep element nesting, applied before parsing.
//!
//! html5ever's tree builder checks "is there a `p` in button scope?" for every block-level
//! start tag by walking the stack of open elements, so a document of N nested `<div>`s costs
//! O(N²): 20,000 levels already take seconds, 200,000 would take many minutes. Browsers cap
//! the depth of the DOM their parser builds (Blink at 512); this module does the same on the
//! source text. A light tokenizer (tags, attributes with quotes, comments, raw-text elements;
//! no regular expressions) tracks the depth of open elements; start tags that would go deeper
//! than [`MAX_DEPTH`] are removed together with their matching end tags, so their content is
//! flattened into the deepest kept element. Text is never removed.
//!
//! Documents that stay within the limit (every real article) are returned unchanged, borrowed.

use std::borrow::Cow;

/// Deepest element nesting kept, as in Blink's HTML parser.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "image",
];

/// Elements whose end tag is optional (a following sibling closes them) or that the parser
/// places itself: they are not counted, so unclosed `<p>`s or `<li>`s never look deep.
const UNCOUNTED: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
];

/// Elements whose content is raw text up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Return `html` with element nesting deeper than [`MAX_DEPTH`] flattened; borrowed when
/// nothing had to change.
pub(crate) fn limit_nesting(html: &str) -> Cow<'_, str> {
    limit_nesting_to(html, MAX_DEPTH)
}

/// [`limit_nesting`] with an explicit limit (tests use small ones).
pub(crate) fn limit_nesting_to(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Source already copied to `out` (or known unchanged) up to this byte.
    let mut copied = 0usize;
    // Names of the counted open elements, innermost last.
    let mut open: Vec<String> = Vec::new();
    // Names of start tags that were removed and whose end tags are still to be removed.
    let mut dropped: Vec<(String, usize)> = Vec::new();
    // Number of `svg`/`math` elements open: inside them `/>` really closes an element.
    let mut foreign = 0usize;
    let mut i = 0usize;

    while i < bytes.len() {
        if bytes[i] != b'<' {
            i = find_byte(bytes, i, b'<').unwrap_or(bytes.len());
            continue;
        }
        let start = i;
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i = find_seq(bytes, i + 4, b"-->").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            i = find_seq(bytes, i + 9, b"]]>").map_or(bytes.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find_byte(bytes, i + 2, b'>').map_or(bytes.len(), |p| p + 1);
            continue;
        }
        let is_end = rest.starts_with(b"</");
        let name_start = if is_end { i + 2 } else { i + 1 };
        if name_start >= bytes.len() || !bytes[name_start].is_ascii_alphabetic() {
            if is_end {
                // `</>` or `</ …>`: a bogus comment up to `>`.
                i = find_byte(bytes, name_start, b'>').map_or(bytes.len(), |p| p + 1);
            } else {
                i += 1; // a literal `<` in text
            }
            continue;
        }
        let mut name_end = name_start;
        while name_end < bytes.len() && !matches!(bytes[name_end], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
            name_end += 1;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let Some((tag_end, self_closing)) = scan_attributes(bytes, name_end) else {
            break; // end of file inside a tag: the parser drops it; leave the rest alone
        };
        i = tag_end;

        let mut remove = false;
        if is_end {
            if let Some(entry) = dropped.iter_mut().rev().find(|(n, _)| *n == name) {
                entry.1 -= 1;
                remove = true;
                dropped.retain(|(_, count)| *count > 0);
            } else if let Some(pos) = open.iter().rposition(|n| *n == name) {
                for closed in open.drain(pos..) {
                    if closed == "svg" || closed == "math" {
                        foreign -= 1;
                    }
                }
                // Whatever was removed inside the closed elements is closed with them.
                dropped.clear();
            }
        } else if counts(&name) && !(self_closing && foreign > 0) {
            if open.len() >= max_depth {
                remove = true;
                match dropped.iter_mut().find(|(n, _)| *n == name) {
                    Some(entry) => entry.1 += 1,
                    None => dropped.push((name.clone(), 1)),
                }
            } else {
                if name == "svg" || name == "math" {
                    foreign += 1;
                }
                open.push(name.clone());
            }
        }

        if remove {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..start]);
            copied = tag_end;
        }

        if !is_end && RAW_TEXT.contains(&name.as_str()) && !self_closing {
            // Skip the raw text up to `</name`; the end tag itself is handled by the loop.
            i = find_end_tag(bytes, i, name.as_bytes()).unwrap_or(bytes.len());
        } else if !is_end && name == "plaintext" {
            break;
        }
    }

    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// Whether an element's start tag adds to the depth: not void, not raw text (they have no
/// element children and are never removed), not one whose end tag is optional.
fn counts(name: &str) -> bool {
    !VOID.contains(&name) && !UNCOUNTED.contains(&name) && !RAW_TEXT.contains(&name) && name != "plaintext"
}

/// Scan a tag's attributes from `pos` (just after the name). Returns the index just past the
/// closing `>` and whether the tag ended in `/>`; `None` at end of input.
fn scan_attributes(bytes: &[u8], mut pos: usize) -> Option<(usize, bool)> {
    let mut self_closing = false;
    loop {
        let &b = bytes.get(pos)?;
        match b {
            b'>' => return Some((pos + 1, self_closing)),
            b'/' => {
                self_closing = true;
                pos += 1;
            }
            b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => pos += 1,
            _ => {
                self_closing = false;
                // Attribute name (its first character may be anything, even `=`).
                pos += 1;
                while pos < bytes.len() && !matches!(bytes[pos], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>' | b'=') {
                    pos += 1;
                }
                while pos < bytes.len() && matches!(bytes[pos], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
                    pos += 1;
                }
                if bytes.get(pos) != Some(&b'=') {
                    continue;
                }
                pos += 1;
                while pos < bytes.len() && matches!(bytes[pos], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
                    pos += 1;
                }
                match bytes.get(pos) {
                    Some(&q @ (b'"' | b'\'')) => pos = find_byte(bytes, pos + 1, q)? + 1,
                    Some(_) => {
                        while pos < bytes.len() && !matches!(bytes[pos], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'>') {
                            pos += 1;
                        }
                    }
                    None => return None,
                }
            }
        }
    }
}

/// Index of the next `</name` (ASCII case-insensitive) followed by a tag-name terminator.
fn find_end_tag(bytes: &[u8], mut from: usize, name: &[u8]) -> Option<usize> {
    while let Some(p) = find_seq(bytes, from, b"</") {
        let after = p + 2 + name.len();
        if after <= bytes.len()
            && bytes[p + 2..after].eq_ignore_ascii_case(name)
            && bytes.get(after).is_none_or(|b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        {
            return Some(p);
        }
        from = p + 2;
    }
    None
}

fn find_byte(bytes: &[u8], from: usize, b: u8) -> Option<usize> {
    bytes.get(from..)?.iter().position(|&x| x == b).map(|p| p + from)
}

fn find_seq(bytes: &[u8], from: usize, seq: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    if hay.len() < seq.len() {
        return None;
    }
    let mut start = 0;
    while let Some(p) = hay[start..].iter().position(|&x| x == seq[0]) {
        let at = start + p;
        if hay[at..].starts_with(seq) {
            return Some(from + at);
        }
        start = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_documents_are_borrowed_unchanged() {
        let html = "<div><p>a<p>b<ul><li>x<li>y</ul><img src=x></div><script>if (a<b) {}</script>";
        assert!(matches!(limit_nesting_to(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_start_and_end_tags_are_removed() {
        let html = "<div><div><div><div>x</div></div></div></div>";
        assert_eq!(limit_nesting_to(html, 2), "<div><div>x</div></div>");
    }

    #[test]
    fn closing_an_outer_element_resets_depth() {
        let html = "<section><div><div>a</div></div></section><div>b</div>";
        assert_eq!(limit_nesting_to(html, 2), "<section><div>a</div></section><div>b</div>");
    }

    #[test]
    fn quotes_comments_and_raw_text_do_not_count() {
        let html = "<div title='<div>'><!-- <div><div> --><style>div>div{}</style>x</div>";
        assert!(matches!(limit_nesting_to(html, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn self_closing_in_svg_does_not_count() {
        let html = "<svg><path/><path/><path/><g>x</g></svg>";
        assert!(matches!(limit_nesting_to(html, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn truncated_input_is_left_alone() {
        for html in ["<div", "<div class=\"a", "</", "<!--", "<script>x", "<", "<a b=>"] {
            let _ = limit_nesting_to(html, 1);
        }
    }
}
