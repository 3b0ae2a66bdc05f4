//! `wxlint rules`: the rules, their default severities, descriptions and options.

use super::args::{OutputFormat, RulesArgs};
use super::output_text::severity_label;
use super::{output_error, CliError, EXIT_OK};
use std::io::{self, Write};
use wxlint::rules::{all_meta, OptionDefault, RuleMeta};

pub fn run(args: &RulesArgs) -> Result<i32, CliError> {
    let rules = all_meta();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match args.format {
        OutputFormat::Text => write_text(&mut out, &rules),
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &rules).map_err(io::Error::from).and_then(|()| writeln!(out))
        }
    };
    match written.and_then(|()| out.flush()).err().and_then(output_error) {
        Some(e) => Err(e),
        None => Ok(EXIT_OK),
    }
}

fn write_text(out: &mut dyn Write, rules: &[&RuleMeta]) -> io::Result<()> {
    for (i, r) in rules.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let off = if r.enabled_by_default { "" } else { "  （默认关闭）" };
        writeln!(out, "{}  {}  {}{off}", r.id, severity_label(r.default_severity), r.name_zh)?;
        writeln!(out, "  {}", r.description_zh)?;
        for o in r.options {
            writeln!(out, "  - {} = {}  {}", o.key, default_text(&o.default), o.description_zh)?;
        }
    }
    Ok(())
}

fn default_text(d: &OptionDefault) -> String {
    match d {
        OptionDefault::Number { value, .. } => value.to_string(),
        OptionDefault::Bool(b) => b.to_string(),
        OptionDefault::Text(t) => format!("{t:?}"),
        OptionDefault::List(l) => format!("[{}]", l.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ")),
        OptionDefault::Severity(s) => s.as_str().to_string(),
    }
}
