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
use std::collections::HashMap;

/// Deepest element nesting kept, as in Blink's HTML parser.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame", "image",
];

/// Elements whose end tag is optional (a following sibling closes them) or that the parser
/// places itself: they are not counted, so unclosed `<p>`s never look deep. (`li`, `dd` and
/// `dt` are counted, with the parser's own rule for closing them: see [`implied_close`].)
const UNCOUNTED: &[&str] = &[
    "html", "head", "body", "p", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
];

/// The HTML standard's "special" elements (less `address`, `div` and `p`): a `<li>`, `<dd>` or
/// `<dt>` start tag closes an open one of its kind only when no such element is open inside it.
const SPECIAL: &[&str] = &[
    "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
    "button", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "dl", "dt", "embed",
    "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
    "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link",
    "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol",
    "param", "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary",
    "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul",
    "wbr", "xmp",
];

/// The formatting elements, which the parser reopens in every block until their end tag.
const FORMATTING: &[&str] = &["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

/// Most formatting elements left open at once; further ones are removed. The parser copies
/// every open formatting element into each new block, so N unclosed `<b>`s in N `<div>`s
/// would cost O(N²) time and memory (one per `<div>`, each reopening all of them).
pub(crate) const MAX_OPEN_FORMATTING: usize = 64;

/// Most attributes kept on one element; further ones are removed (the parser compares every
/// attribute with the ones before it, so 300,000 attributes would take minutes).
pub(crate) const MAX_ATTRIBUTES: usize = 64;

/// The elements a `<li>`, `<dd>` or `<dt>` start tag closes (by name).
fn implied_close(name: &str) -> Option<&'static [&'static str]> {
    match name {
        "li" => Some(&["li"]),
        "dd" | "dt" => Some(&["dd", "dt"]),
        _ => None,
    }
}

/// Elements whose content is raw text up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

thread_local! {
    /// Set when [`limit_nesting`] changed a document since [`take_simplified`] was last called.
    static SIMPLIFIED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a document read on this thread was simplified by the guard (too deep, too many
/// open formatting elements or attributes) since the last call; resets the flag.
pub(crate) fn take_simplified() -> bool {
    SIMPLIFIED.with(|s| s.replace(false))
}

/// Return `html` with element nesting deeper than [`MAX_DEPTH`] flattened; borrowed when
/// nothing had to change.
pub(crate) fn limit_nesting(html: &str) -> Cow<'_, str> {
    let out = limit_nesting_to(html, MAX_DEPTH);
    if matches!(out, Cow::Owned(_)) {
        SIMPLIFIED.with(|s| s.set(true));
    }
    out
}

/// [`limit_nesting`] with an explicit limit (tests use small ones).
pub(crate) fn limit_nesting_to(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Source already copied to `out` (or known unchanged) up to this byte.
    let mut copied = 0usize;
    // Names of the counted open elements, innermost last.
    let mut open: Vec<String> = Vec::new();
    // Names of start tags that were removed and whose end tags are still to be removed, with
    // their number (a map: 100,000 distinct names must not be searched one by one).
    let mut dropped: HashMap<String, usize> = HashMap::new();
    // Formatting elements whose end tag has not come yet, per name, and in all.
    let mut formatting: HashMap<String, usize> = HashMap::new();
    let mut formatting_open = 0usize;
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
        let Some((tag_end, self_closing, cut)) = scan_attributes(bytes, name_end) else {
            break; // end of file inside a tag: the parser drops it; leave the rest alone
        };
        i = tag_end;

        let mut remove = false;
        if is_end {
            if let Some(n) = formatting.get_mut(&name) {
                if *n > 0 {
                    *n -= 1;
                    formatting_open -= 1;
                }
            }
            if let Some(count) = dropped.get_mut(&name) {
                *count -= 1;
                remove = true;
                if *count == 0 {
                    dropped.remove(&name);
                }
            } else if let Some(pos) = open.iter().rposition(|n| *n == name) {
                for closed in open.drain(pos..) {
                    if closed == "svg" || closed == "math" {
                        foreign -= 1;
                    }
                }
                // Whatever was removed inside the closed elements is closed with them.
                dropped.clear();
            }
        } else if FORMATTING.contains(&name.as_str()) && foreign == 0 && formatting_open >= MAX_OPEN_FORMATTING {
            remove = true;
            *dropped.entry(name.clone()).or_insert(0) += 1;
        } else if counts(&name) && !(self_closing && foreign > 0) {
            if let Some(closes) = implied_close(&name) {
                // As the parser does: close the innermost open `li` (or `dd`/`dt`) unless a
                // special element other than address, div or p is open inside it.
                if let Some(pos) = open.iter().rposition(|n| closes.contains(&n.as_str()) || SPECIAL.contains(&n.as_str())) {
                    if closes.contains(&open[pos].as_str()) {
                        open.truncate(pos);
                    }
                }
            }
            if FORMATTING.contains(&name.as_str()) && foreign == 0 {
                *formatting.entry(name.clone()).or_insert(0) += 1;
                formatting_open += 1;
            }
            if open.len() >= max_depth {
                remove = true;
                *dropped.entry(name.clone()).or_insert(0) += 1;
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
        } else if let Some(cut) = cut {
            // Too many attributes: keep the tag up to the last one kept.
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(html[copied..cut].trim_end());
            buf.push_str(if self_closing { "/>" } else { ">" });
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
/// closing `>`, whether the tag ended in `/>`, and, when it has more than [`MAX_ATTRIBUTES`]
/// attributes, the index where the first one not kept starts; `None` at end of input.
fn scan_attributes(bytes: &[u8], mut pos: usize) -> Option<(usize, bool, Option<usize>)> {
    let mut self_closing = false;
    let mut attributes = 0usize;
    let mut cut = None;
    loop {
        let &b = bytes.get(pos)?;
        match b {
            b'>' => return Some((pos + 1, self_closing, cut)),
            b'/' => {
                self_closing = true;
                pos += 1;
            }
            b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => pos += 1,
            _ => {
                self_closing = false;
                attributes += 1;
                if attributes > MAX_ATTRIBUTES && cut.is_none() {
                    cut = Some(pos);
                }
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
    fn list_and_definition_items_count_with_their_implied_end_tags() {
        // Siblings close each other, as in the parser: a long flat list is not deep.
        let flat = "<ul><li>a<li>b<li>c<li>d</ul><dl><dt>t<dd>d<dt>t<dd>d</dl>";
        assert!(matches!(limit_nesting_to(flat, 3), Cow::Borrowed(_)));
        // `<li><dd>` nests (each is special, so neither closes the other): capped. Past the
        // cap the `<dd>`s are removed, and each `<li>` then closes the one before.
        let deep = "<li><dd>".repeat(4) + "x";
        assert_eq!(limit_nesting_to(&deep, 3), "<li><dd><li><li><li>x");
    }

    #[test]
    fn unclosed_formatting_elements_are_capped() {
        let html: String = (0..MAX_OPEN_FORMATTING + 10).map(|i| format!("<div><b id={i}></div>")).collect();
        let out = limit_nesting(&html);
        assert_eq!(out.matches("<b ").count(), MAX_OPEN_FORMATTING);
        assert_eq!(out.matches("<div>").count(), MAX_OPEN_FORMATTING + 10);
        // Closed ones do not add up.
        let closed = "<div><b>x</b></div>".repeat(MAX_OPEN_FORMATTING * 2);
        assert!(matches!(limit_nesting(&closed), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_past_the_limit_are_removed() {
        let attrs: String = (0..MAX_ATTRIBUTES + 5).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let html = format!("<p{attrs}>x</p><img{attrs}/>");
        let out = limit_nesting(&html);
        assert_eq!(out.matches("=\"").count(), 2 * MAX_ATTRIBUTES);
        assert!(out.contains(&format!("a{}=\"{}\">x</p>", MAX_ATTRIBUTES - 1, MAX_ATTRIBUTES - 1)), "{out}");
        assert!(out.ends_with("/>"), "{out}");
    }

    #[test]
    fn truncated_input_is_left_alone() {
        for html in ["<div", "<div class=\"a", "</", "<!--", "<script>x", "<", "<a b=>"] {
            let _ = limit_nesting_to(html, 1);
        }
    }
}
