//! Reading the few inline CSS properties the extractor needs.
//!
//! WeChat keeps inline `style` attributes (class names and `<style>` blocks do not survive),
//! so alignment, font size and colour of captions are only known from them. This is not a CSS
//! engine: it splits declarations, keeps the last one of each property, and converts sizes to
//! pixels roughly (`pt` × 4/3, `em`/`%` relative to the parent, `rem` × 16, keywords).

use crate::model::Align;

/// A font size before it is resolved against the parent's size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum FontSize {
    /// An absolute size in CSS pixels.
    Px(f32),
    /// A factor of the parent's size (`em`, `%`, `smaller`, `larger`).
    Relative(f32),
}

/// Default font size of a browser, used when a relative size has no known parent size.
pub(crate) const DEFAULT_FONT_PX: f32 = 16.0;

impl FontSize {
    /// The size in pixels, given the parent's size when known.
    pub(crate) fn resolve(self, parent: Option<f32>) -> f32 {
        let px = match self {
            FontSize::Px(px) => px,
            FontSize::Relative(factor) => factor * parent.unwrap_or(DEFAULT_FONT_PX),
        };
        (px * 100.0).round() / 100.0
    }
}

/// The properties of one inline `style` attribute that matter here.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct InlineStyle {
    pub text_align: Option<Align>,
    pub font_size: Option<FontSize>,
    /// The `color` value as written, without `!important`.
    pub color: Option<String>,
    pub display: Option<String>,
    pub white_space: Option<String>,
    pub width_px: Option<f32>,
    pub height_px: Option<f32>,
}

impl InlineStyle {
    /// Parse an inline `style` attribute. Unknown properties and unparsable values are ignored.
    pub(crate) fn parse(style: &str) -> InlineStyle {
        let mut out = InlineStyle::default();
        declarations(style, |property, value| match property {
            "text-align" => out.text_align = parse_align(value).or(out.text_align),
            "font-size" => out.font_size = parse_font_size(value).or(out.font_size),
            "color" => out.color = parse_color(value).or(out.color.take()),
            "display" => out.display = Some(value.to_ascii_lowercase()),
            "white-space" => out.white_space = Some(value.to_ascii_lowercase()),
            "width" => out.width_px = css_px(value).or(out.width_px),
            "height" => out.height_px = css_px(value).or(out.height_px),
            _ => {}
        });
        out
    }
}

/// Split a declaration list into `(property, value)` pairs, in order, and hand each to `f`:
/// property lowercased, value trimmed and without `!important`, neither empty. Semicolons inside
/// quotes or parentheses (`url(data:…;base64,…)`) do not split. Allocates only for a property
/// written with capitals (every element's style goes through here).
pub(crate) fn declarations(style: &str, mut f: impl FnMut(&str, &str)) {
    let mut lower = String::new();
    let mut push = |decl: &str| {
        if let Some((property, value)) = decl.split_once(':') {
            let mut property = property.trim();
            if property.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(property);
                lower.make_ascii_lowercase();
                property = &lower;
            }
            let mut value = value.trim();
            if let Some(pos) = rfind_ascii_ci(value, "!important") {
                value = value[..pos].trim_end();
            }
            if !property.is_empty() && !value.is_empty() {
                f(property, value);
            }
        }
    };
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut start = 0usize;
    // Every delimiter is ASCII, so a byte scan finds them without splitting a character.
    for (i, &c) in style.as_bytes().iter().enumerate() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'(') => depth += 1,
            (None, b')') => depth = depth.saturating_sub(1),
            (None, b';') if depth == 0 => {
                push(&style[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(&style[start..]);
}

/// The byte offset of the last occurrence of the ASCII `needle` in `hay`, ignoring ASCII case.
fn rfind_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).rev().find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `text-align` values (and the old `align` attribute).
pub(crate) fn parse_align(value: &str) -> Option<Align> {
    match value.trim().to_ascii_lowercase().as_str() {
        "left" | "start" | "-webkit-left" => Some(Align::Left),
        "center" | "middle" | "-webkit-center" => Some(Align::Center),
        "right" | "end" | "-webkit-right" => Some(Align::Right),
        "justify" | "justify-all" => Some(Align::Justify),
        _ => None,
    }
}

/// A `font-size` value; `None` for `inherit`, `var(…)`, `calc(…)` and anything unknown.
pub(crate) fn parse_font_size(value: &str) -> Option<FontSize> {
    let v = value.trim().to_ascii_lowercase();
    let keyword = match v.as_str() {
        "xx-small" => Some(9.0),
        "x-small" => Some(10.0),
        "small" => Some(13.0),
        "medium" => Some(16.0),
        "large" => Some(18.0),
        "x-large" => Some(24.0),
        "xx-large" => Some(32.0),
        "xxx-large" => Some(48.0),
        "smaller" => return Some(FontSize::Relative(1.0 / 1.2)),
        "larger" => return Some(FontSize::Relative(1.2)),
        _ => None,
    };
    if let Some(px) = keyword {
        return Some(FontSize::Px(px));
    }
    let (number, unit) = split_number(&v)?;
    if number < 0.0 {
        return None;
    }
    match unit {
        "px" => Some(FontSize::Px(number)),
        "pt" => Some(FontSize::Px(number * 4.0 / 3.0)),
        "pc" => Some(FontSize::Px(number * 16.0)),
        "in" => Some(FontSize::Px(number * 96.0)),
        "cm" => Some(FontSize::Px(number * 96.0 / 2.54)),
        "mm" => Some(FontSize::Px(number * 96.0 / 25.4)),
        "rem" => Some(FontSize::Px(number * DEFAULT_FONT_PX)),
        "em" => Some(FontSize::Relative(number)),
        "%" => Some(FontSize::Relative(number / 100.0)),
        "" if number == 0.0 => Some(FontSize::Px(0.0)),
        _ => None,
    }
}

/// The `size` attribute of the old `<font>` tag (1–7, or relative `+1`/`-1`).
pub(crate) fn font_tag_size(value: &str) -> Option<FontSize> {
    const SIZES: [f32; 7] = [10.0, 13.0, 16.0, 18.0, 24.0, 32.0, 48.0];
    let v = value.trim();
    let n: i32 = v.trim_start_matches('+').parse().ok()?;
    let index = if v.starts_with('+') || v.starts_with('-') { 3 + n } else { n };
    Some(FontSize::Px(SIZES[index.clamp(1, 7) as usize - 1]))
}

/// A `color` value as written; `None` for values that mean "inherit".
pub(crate) fn parse_color(value: &str) -> Option<String> {
    let v = value.trim();
    match v.to_ascii_lowercase().as_str() {
        "" | "inherit" | "initial" | "unset" | "revert" | "revert-layer" | "currentcolor" => None,
        _ => Some(v.to_string()),
    }
}

/// A CSS length in pixels (`677px`, `0`); percentages and other units are unknown.
pub(crate) fn css_px(value: &str) -> Option<f32> {
    let (number, unit) = split_number(value.trim())?;
    match unit.to_ascii_lowercase().as_str() {
        "px" => Some(number),
        "" if number == 0.0 => Some(0.0),
        _ => None,
    }
}

/// An HTML `width`/`height` attribute or `data-w`: a bare number or pixels.
pub(crate) fn attr_px(value: &str) -> Option<f32> {
    let (number, unit) = split_number(value.trim())?;
    match unit.to_ascii_lowercase().as_str() {
        "" | "px" => Some(number),
        _ => None,
    }
}

/// Split `12.5px` into `(12.5, "px")`.
fn split_number(v: &str) -> Option<(f32, &str)> {
    let end = v
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || ((c == '-' || c == '+') && i == 0)))
        .map_or(v.len(), |(i, _)| i);
    let number: f32 = v[..end].parse().ok()?;
    number.is_finite().then_some((number, v[end..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_declarations_outside_quotes_and_parentheses() {
        let mut d: Vec<(String, String)> = Vec::new();
        declarations("color: rgb(136, 136, 136) !IMPORTANT; background:url(data:a;b) ; FONT-SIZE:12px;;x;font:'a;b'", |p, v| {
            d.push((p.into(), v.into()))
        });
        assert_eq!(
            d,
            vec![
                ("color".into(), "rgb(136, 136, 136)".into()),
                ("background".into(), "url(data:a;b)".into()),
                ("font-size".into(), "12px".into()),
                ("font".into(), "'a;b'".into()),
            ]
        );
    }

    #[test]
    fn parses_the_inline_properties() {
        let s = InlineStyle::parse("text-align:center;font-size:9pt;color:#888;width:677px !important;height:auto");
        assert_eq!(s.text_align, Some(Align::Center));
        assert_eq!(s.font_size.map(|f| f.resolve(None)), Some(12.0));
        assert_eq!(s.color.as_deref(), Some("#888"));
        assert_eq!(s.width_px, Some(677.0));
        assert_eq!(s.height_px, None);
    }

    #[test]
    fn font_sizes_convert_to_pixels() {
        let px = |v: &str, parent: Option<f32>| parse_font_size(v).map(|f| f.resolve(parent));
        assert_eq!(px("12px", None), Some(12.0));
        assert_eq!(px("10.5pt", None), Some(14.0));
        assert_eq!(px("0.75em", Some(16.0)), Some(12.0));
        assert_eq!(px("0.75em", None), Some(12.0));
        assert_eq!(px("1.2rem", Some(10.0)), Some(19.2));
        assert_eq!(px("80%", Some(15.0)), Some(12.0));
        assert_eq!(px("small", None), Some(13.0));
        assert_eq!(px("x-small", None), Some(10.0));
        assert_eq!(px("inherit", None), None);
        assert_eq!(px("var(--size)", None), None);
        assert_eq!(px("-3px", None), None);
        assert_eq!(font_tag_size("2").map(|f| f.resolve(None)), Some(13.0));
        assert_eq!(font_tag_size("-1").map(|f| f.resolve(None)), Some(13.0));
    }

    #[test]
    fn colours_are_kept_as_written() {
        assert_eq!(parse_color(" rgb(136, 136, 136) ").as_deref(), Some("rgb(136, 136, 136)"));
        assert_eq!(parse_color("Gray").as_deref(), Some("Gray"));
        assert_eq!(parse_color("inherit"), None);
    }

    #[test]
    fn lengths() {
        assert_eq!(attr_px("1080"), Some(1080.0));
        assert_eq!(attr_px("300px"), Some(300.0));
        assert_eq!(attr_px("100%"), None);
        assert_eq!(css_px("100%"), None);
        assert_eq!(css_px("640px"), Some(640.0));
    }
}
