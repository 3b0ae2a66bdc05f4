//! Charts of the report: inline SVG written here, no script, no font or image to load.
//!
//! Made to be read on paper in black and white: bars are told apart by fill pattern (solid,
//! hatched, outlined), lines by dash and marker shape, and every chart has a legend in words.
//! The numbers are in a table next to each chart as well. Each bar carries `class="bar"` and
//! `data-key` / `data-value`, so tests (and tools) can read a chart back.

use crate::cli::report_html::esc;
use std::fmt::Write;

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 250.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 18.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 44.0;

/// How a bar is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Dark solid.
    Solid,
    /// Diagonal hatching (a week under the minimum).
    Hatched,
    /// White with a dashed outline (not judged).
    Outline,
    /// Mid-grey solid (a plain quantity).
    Grey,
}

/// One bar.
#[derive(Debug, Clone)]
pub struct Bar {
    /// A stable key (`2026-W10`).
    pub key: String,
    pub value: Option<f64>,
    pub fill: Fill,
    /// The tooltip.
    pub title: String,
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
}

/// A line over the same x positions as the bars (`None` breaks the line).
#[derive(Debug, Clone)]
pub struct Line {
    pub name: String,
    pub values: Vec<Option<f64>>,
    pub dashed: bool,
    pub marker: Marker,
}

/// A legend entry for a fill.
pub struct FillLegend {
    pub fill: Fill,
    pub label: String,
}

/// A chart: bars and/or lines on one value axis.
pub struct Chart<'a> {
    /// Unique in the page (ids of patterns and titles derive from it).
    pub id: &'a str,
    pub title: &'a str,
    /// The x-axis labels, one per position (`3/2`); shown as many as fit.
    pub x_labels: &'a [String],
    pub bars: &'a [Bar],
    pub lines: &'a [Line],
    /// A horizontal reference line: value and label (the weekly minimum).
    pub reference: Option<(f64, String)>,
    pub fills: &'a [FillLegend],
    /// Axis and label format.
    pub format: &'a dyn Fn(f64) -> String,
    /// Print the value above each bar (when there is room).
    pub value_labels: bool,
    /// The values are counts: grid lines at whole numbers only.
    pub integer: bool,
}

/// A round step at or above `x` (1, 2, 2.5, 5 × 10ⁿ; whole numbers only when `integer`).
fn nice_step(x: f64, integer: bool) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let p = 10f64.powf(x.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        let step = m * p;
        if integer && (step < 1.0 || step.fract() != 0.0) {
            continue;
        }
        if step >= x * 0.999_999 {
            return step;
        }
    }
    10.0 * p
}

/// The value axis: the step between grid lines and their number, so that every tick is a round
/// value and the largest value fits.
fn axis(max: f64, integer: bool) -> (f64, usize) {
    let step = nice_step(max / 4.0, integer);
    let ticks = ((max * 1.04) / step).ceil().max(1.0) as usize;
    (step, ticks)
}

/// The chart as one `<svg>` element.
pub fn render(c: &Chart<'_>) -> String {
    let n = c.bars.len().max(c.x_labels.len()).max(c.lines.iter().map(|l| l.values.len()).max().unwrap_or(0)).max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let max_value = c
        .bars
        .iter()
        .filter_map(|b| b.value)
        .chain(c.lines.iter().flat_map(|l| l.values.iter().flatten().copied()))
        .chain(c.reference.iter().map(|r| r.0))
        .fold(0.0f64, f64::max);
    let (step, ticks) = axis(max_value, c.integer);
    let top = step * ticks as f64;
    let y = |v: f64| TOP + plot_h - (v / top * plot_h).clamp(0.0, plot_h);
    let slot = plot_w / n as f64;
    let x_mid = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let bar_w = (slot * 0.68).min(42.0);
    let id = esc(c.id);

    let mut s = String::with_capacity(4096 + n * 300);
    let _ = write!(
        s,
        r#"<svg class="chart" id="{id}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-t" preserveAspectRatio="xMidYMid meet"><title id="{id}-t">{title}</title>"#,
        title = esc(c.title)
    );
    let _ = write!(
        s,
        r##"<defs><pattern id="{id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#111" stroke-width="2.2"/></pattern></defs>"##
    );
    // Grid and value axis.
    for k in 0..=ticks {
        let v = step * k as f64;
        let yy = y(v);
        let _ = write!(
            s,
            r##"<line class="grid" x1="{LEFT}" y1="{yy:.1}" x2="{x2}" y2="{yy:.1}" stroke="{stroke}" stroke-width="{sw}"/><text x="{tx}" y="{ty:.1}" text-anchor="end" font-size="11" fill="#333">{label}</text>"##,
            x2 = WIDTH - RIGHT,
            stroke = if k == 0 { "#111" } else { "#ccc" },
            sw = if k == 0 { 1.2 } else { 0.6 },
            tx = LEFT - 6.0,
            ty = yy + 4.0,
            label = esc(&(c.format)(v)),
        );
    }
    // Axis labels, then bars.
    let label_every = n.div_ceil(14);
    for (i, label) in c.x_labels.iter().enumerate().step_by(label_every) {
        let _ = write!(s, r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#333">{}</text>"##, x_mid(i), TOP + plot_h + 16.0, esc(label));
    }
    for (i, b) in c.bars.iter().enumerate() {
        let v = b.value.unwrap_or(0.0);
        let (x0, y0) = (x_mid(i) - bar_w / 2.0, y(v));
        let h = (TOP + plot_h - y0).max(0.0);
        let (fill, stroke, dash) = match b.fill {
            Fill::Solid => ("#3a3a3a".to_string(), "#111", ""),
            Fill::Hatched => (format!("url(#{id}-hatch)"), "#111", ""),
            Fill::Outline => ("#fff".to_string(), "#111", r#" stroke-dasharray="3 2""#),
            Fill::Grey => ("#9a9a9a".to_string(), "#444", ""),
        };
        let value_attr = b.value.map_or_else(String::new, |v| format!("{v}"));
        let _ = write!(
            s,
            r#"<rect class="bar" data-key="{key}" data-value="{value_attr}" x="{x0:.1}" y="{y0:.1}" width="{bar_w:.1}" height="{h:.1}" fill="{fill}" stroke="{stroke}" stroke-width="1"{dash}><title>{t}</title></rect>"#,
            key = esc(&b.key),
            t = esc(&b.title),
        );
        if c.value_labels && n <= 27 {
            let text = b.value.map_or_else(|| "—".to_string(), |v| (c.format)(v));
            let _ = write!(s, r##"<text class="value" x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="#111">{}</text>"##, x_mid(i), y0 - 4.0, esc(&text));
        }
    }
    // Lines.
    for l in c.lines {
        let dash = if l.dashed { r#" stroke-dasharray="6 4""# } else { "" };
        let mut path = String::new();
        let mut pen_down = false;
        for (i, v) in l.values.iter().enumerate() {
            match v {
                Some(v) => {
                    let _ = write!(path, "{}{:.1} {:.1} ", if pen_down { "L" } else { "M" }, x_mid(i), y(*v));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        let _ = write!(s, r##"<path class="line" d="{}" fill="none" stroke="#111" stroke-width="1.8"{dash}><title>{}</title></path>"##, path.trim_end(), esc(&l.name));
        for (i, v) in l.values.iter().enumerate() {
            if let Some(v) = v {
                s.push_str(&marker(l.marker, x_mid(i), y(*v)));
            }
        }
    }
    if let Some((v, label)) = &c.reference {
        let yy = y(*v);
        let _ = write!(
            s,
            r##"<line class="reference" x1="{LEFT}" y1="{yy:.1}" x2="{x2}" y2="{yy:.1}" stroke="#000" stroke-width="1.6" stroke-dasharray="8 3 2 3"/><text x="{x2}" y="{ty:.1}" text-anchor="end" font-size="11" font-weight="bold" fill="#000">{l}</text>"##,
            x2 = WIDTH - RIGHT,
            ty = yy - 5.0,
            l = esc(label)
        );
    }
    // Legend along the top.
    let mut lx = LEFT;
    let ly = 14.0;
    for f in c.fills {
        let (fill, dash) = match f.fill {
            Fill::Solid => ("#3a3a3a".to_string(), ""),
            Fill::Hatched => (format!("url(#{id}-hatch)"), ""),
            Fill::Outline => ("#fff".to_string(), r#" stroke-dasharray="3 2""#),
            Fill::Grey => ("#9a9a9a".to_string(), ""),
        };
        let _ = write!(
            s,
            r##"<rect x="{lx:.1}" y="{:.1}" width="14" height="10" fill="{fill}" stroke="#111"{dash}/><text x="{:.1}" y="{:.1}" font-size="11" fill="#111">{}</text>"##,
            ly - 9.0,
            lx + 18.0,
            ly,
            esc(&f.label)
        );
        lx += 30.0 + 12.0 * f.label.chars().count() as f64;
    }
    for l in c.lines {
        let dash = if l.dashed { r#" stroke-dasharray="6 4""# } else { "" };
        let _ = write!(s, r##"<line x1="{lx:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#111" stroke-width="1.8"{dash}/>"##, ly - 4.0, lx + 24.0, ly - 4.0);
        s.push_str(&marker(l.marker, lx + 12.0, ly - 4.0));
        let _ = write!(s, r##"<text x="{:.1}" y="{ly:.1}" font-size="11" fill="#111">{}</text>"##, lx + 30.0, esc(&l.name));
        lx += 42.0 + 12.0 * l.name.chars().count() as f64;
    }
    s.push_str("</svg>");
    s
}

fn marker(m: Marker, x: f64, y: f64) -> String {
    match m {
        Marker::Circle => format!(r##"<circle class="marker" cx="{x:.1}" cy="{y:.1}" r="3.6" fill="#fff" stroke="#111" stroke-width="1.6"/>"##),
        Marker::Square => format!(r##"<rect class="marker" x="{:.1}" y="{:.1}" width="7" height="7" fill="#111"/>"##, x - 3.5, y - 3.5),
        Marker::Triangle => format!(
            r##"<path class="marker" d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="#111"/>"##,
            y - 4.5,
            x + 4.5,
            y + 3.5,
            x - 4.5,
            y + 3.5
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(values: &[Option<f64>]) -> Vec<Bar> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Bar { key: format!("k{i}"), value: *v, fill: Fill::Solid, title: "t<".into() })
            .collect()
    }

    #[test]
    fn one_bar_per_value_scaled_under_a_round_top() {
        let b = bars(&[Some(3.0), Some(0.0), None, Some(7.0)]);
        let fmt = |v: f64| format!("{v}");
        let labels: Vec<String> = (0..4).map(|i| format!("3/{i}")).collect();
        let svg = render(&Chart { id: "c1", title: "标题 & 说明", x_labels: &labels, bars: &b, lines: &[], reference: Some((2.0, "最低 2 篇".into())), fills: &[], format: &fmt, value_labels: true, integer: true });
        assert!(svg.starts_with(r#"<svg class="chart" id="c1""#) && svg.ends_with("</svg>"));
        assert_eq!(svg.matches(r#"<rect class="bar""#).count(), 4);
        assert!(svg.contains("<title id=\"c1-t\">标题 &amp; 说明</title>") && svg.contains("<title>t&lt;</title>"));
        assert!(svg.contains(r#"data-key="k3" data-value="7""#));
        assert!(svg.contains(r#"data-key="k2" data-value="""#), "a week without a value still has its bar (of height 0)");
        assert!(svg.contains("最低 2 篇") && svg.contains(r#"class="reference""#));
        assert!(svg.contains(">3/3</text>"), "axis labels");
        assert!(!svg.contains("<script") && !svg.contains("href"));
        assert_eq!(axis(7.0, true), (2.0, 4), "0, 2, 4, 6, 8");
        assert_eq!(axis(2.0, true), (1.0, 3), "whole steps for counts: 0, 1, 2, 3");
        assert_eq!(axis(0.0, true), (1.0, 1));
        assert_eq!(axis(0.0212, false), (0.01, 3));
        assert_eq!(axis(1292.0, false), (500.0, 3));
        assert_eq!(axis(0.0833, false), (0.025, 4));
    }

    #[test]
    fn lines_break_at_missing_values_and_have_markers() {
        let fmt = |v: f64| format!("{:.0}%", v * 100.0);
        let lines = [
            Line { name: "点赞率".into(), values: vec![Some(0.01), None, Some(0.02), Some(0.03)], dashed: false, marker: Marker::Circle },
            Line { name: "留言率".into(), values: vec![Some(0.005), Some(0.004), None, None], dashed: true, marker: Marker::Triangle },
        ];
        let svg = render(&Chart { id: "r", title: "比率", x_labels: &[], bars: &[], lines: &lines, reference: None, fills: &[], format: &fmt, value_labels: false, integer: false });
        let paths: Vec<&str> = svg.split(r#"<path class="line" d=""#).skip(1).map(|p| p.split('"').next().unwrap()).collect();
        assert_eq!(paths.len(), 2);
        assert_eq!(paths[0].matches('M').count(), 2, "a gap starts a new segment: {}", paths[0]);
        assert_eq!(svg.matches(r#"<circle class="marker""#).count(), 3 + 1, "three points and the legend");
        assert!(svg.contains(r#"stroke-dasharray="6 4""#));
    }
}
