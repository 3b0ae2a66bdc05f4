//! Reading the style hints front ends pass in: CSS colours.

/// Parses a CSS colour as written in inline styles: `#rgb`, `#rrggbb`, `#rrggbbaa`,
/// `rgb(r, g, b)`, `rgba(r, g, b, a)` (also space-separated), and the grey named colours.
pub fn parse_color(s: &str) -> Option<(u8, u8, u8)> {
    let s = s.trim().trim_end_matches("!important").trim().to_ascii_lowercase();
    if let Some(hex) = s.strip_prefix('#') {
        let digits: Vec<u8> = hex.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>()?;
        return match digits.len() {
            3 | 4 => Some((digits[0] * 17, digits[1] * 17, digits[2] * 17)),
            6 | 8 => Some((digits[0] * 16 + digits[1], digits[2] * 16 + digits[3], digits[4] * 16 + digits[5])),
            _ => None,
        };
    }
    if let Some(args) = s.strip_prefix("rgba(").or_else(|| s.strip_prefix("rgb(")) {
        let args = args.strip_suffix(')')?;
        let parts: Vec<&str> = args.split(|c: char| c == ',' || c == '/' || c.is_whitespace()).filter(|p| !p.is_empty()).collect();
        if parts.len() < 3 {
            return None;
        }
        let channel = |p: &str| -> Option<u8> {
            if let Some(pct) = p.strip_suffix('%') {
                pct.parse::<f32>().ok().map(|v| (v.clamp(0.0, 100.0) * 2.55).round() as u8)
            } else {
                p.parse::<f32>().ok().map(|v| v.clamp(0.0, 255.0).round() as u8)
            }
        };
        return Some((channel(parts[0])?, channel(parts[1])?, channel(parts[2])?));
    }
    match s.as_str() {
        "gray" | "grey" => Some((128, 128, 128)),
        "darkgray" | "darkgrey" => Some((169, 169, 169)),
        "lightgray" | "lightgrey" => Some((211, 211, 211)),
        "silver" => Some((192, 192, 192)),
        "dimgray" | "dimgrey" => Some((105, 105, 105)),
        "black" => Some((0, 0, 0)),
        "white" => Some((255, 255, 255)),
        _ => None,
    }
}

/// A grey as caption text uses: the channels within 24 of each other, lightness between
/// `#6e6e6e` and `#d0d0d0` (so neither body black nor white).
pub fn is_grey(rgb: (u8, u8, u8)) -> bool {
    let (r, g, b) = rgb;
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    max - min <= 24 && (0x6e..=0xd0).contains(&max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_forms() {
        assert_eq!(parse_color("#888"), Some((136, 136, 136)));
        assert_eq!(parse_color("#7F7F7F"), Some((127, 127, 127)));
        assert_eq!(parse_color("rgb(136, 136, 136)"), Some((136, 136, 136)));
        assert_eq!(parse_color("rgba(136,136,136,0.8)"), Some((136, 136, 136)));
        assert_eq!(parse_color("rgb(136 136 136 / 50%)"), Some((136, 136, 136)));
        assert_eq!(parse_color("Grey"), Some((128, 128, 128)));
        assert_eq!(parse_color("var(--x)"), None);
        assert_eq!(parse_color("#12"), None);
    }

    #[test]
    fn grey_is_neither_black_nor_coloured() {
        assert!(is_grey((136, 136, 136)));
        assert!(is_grey((0xbb, 0xbb, 0xbb)));
        assert!(!is_grey((0x33, 0x33, 0x33)));
        assert!(!is_grey((255, 255, 255)));
        assert!(!is_grey((200, 40, 40)));
    }
}
