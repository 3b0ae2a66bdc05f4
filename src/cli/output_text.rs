//! Text output: a header per file, one entry per finding (location, severity, rule, message,
//! context, suggestion), and a summary line.
//!
//! ```text
//! notice.txt  《关于开展校园安全教育的通知》
//! notice.txt:5:9  必须修改(block)  [prohibited] 疑似违禁内容【赌博】：“网络赌场”
//!   …严禁学生参与「网络赌场」等…
//!   建议：删除
//!
//! 1 个文件，必须修改 1，需领导审核 0，建议修改 0，提示 0
//! ```

use super::check::Tally;
use super::color::{Paint, Painter};
use super::context::{context_in, Context, Positions, CONTEXT_CHARS};
use super::input::{Document, STDIN};
use super::location::locate_in;
use std::io::{self, Write};
use wxlint::{Field, Finding, Severity};

/// How a path is shown in text output.
pub fn shown_path(path: &str) -> &str {
    if path == STDIN {
        "<stdin>"
    } else {
        path
    }
}

/// `必须修改(block)`.
pub fn severity_label(s: Severity) -> String {
    format!("{}({})", s.label_zh(), s.as_str())
}

/// Writes one checked document.
pub fn write_document(out: &mut dyn Write, doc: &Document, findings: &[Finding], p: &Painter) -> io::Result<()> {
    let path = shown_path(&doc.path);
    let title = doc.article.title.trim();
    let title = if title.is_empty() { "（无标题）".to_string() } else { format!("《{title}》") };
    writeln!(out, "{}  {title}", p.paint(Paint::Header, path))?;
    if findings.is_empty() {
        writeln!(out, "{}", p.paint(Paint::Ok, "✓ 未发现问题"))?;
    }
    let source_lines: Vec<&str> = doc.source.lines().collect();
    let mut pos = Positions::default();
    for f in findings {
        let loc = locate_in(f, &doc.article, &doc.block_lines, &source_lines, &mut pos);
        writeln!(
            out,
            "{path}:{loc}  {}  {} {}",
            p.paint(Paint::Severity(f.severity), &severity_label(f.severity)),
            p.paint(Paint::Dim, &format!("[{}]", f.rule)),
            f.message
        )?;
        writeln!(out, "  {}", context_line(doc, f, p, &mut pos))?;
        if let Some(s) = &f.suggestion {
            writeln!(out, "  建议：{s}")?;
        }
    }
    writeln!(out)
}

fn context_line(doc: &Document, f: &Finding, p: &Painter, pos: &mut Positions) -> String {
    match context_in(&doc.article, f, CONTEXT_CHARS, pos) {
        Context::Excerpt(e) => {
            let matched = if p.enabled && !e.matched.is_empty() {
                p.paint(Paint::Match(f.severity), &e.matched)
            } else {
                format!("「{}」", e.matched)
            };
            format!("{}{matched}{}", e.before, e.after)
        }
        Context::Image(src) => p.paint(Paint::Dim, &format!("[图片] {src}")),
        Context::Empty if f.field == Field::Body => p.paint(Paint::Dim, "（空）"),
        Context::Empty => p.paint(Paint::Dim, &format!("（{}为空）", f.field.label_zh())),
    }
}

/// `2 个文件，必须修改 3，需领导审核 0，建议修改 1，提示 0` (and the unreadable files, if any).
pub fn write_summary(out: &mut dyn Write, tally: &Tally, p: &Painter) -> io::Result<()> {
    let mut line = format!("{} 个文件", tally.files);
    for s in Severity::ALL {
        let n = tally.count(s);
        let part = format!("{} {n}", s.label_zh());
        line.push('，');
        line.push_str(&if n > 0 { p.paint(Paint::Severity(s), &part) } else { part });
    }
    if tally.failed > 0 {
        line.push_str(&format!("，{} 个文件无法读取", tally.failed));
    }
    writeln!(out, "{line}")
}
