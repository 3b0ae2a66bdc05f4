//! `wxlint report --format json`: everything the HTML report shows, for other tools.
//!
//! ```text
//! {"generator": "wxlint-report", "version", "generated", "config": [{"label", "value"}],
//!  "summary": {"articles", "block", "review", "warn", "info", "unreadable"},
//!  "articles": [{"path", "title", "account", "published": {"date", "source"} | null,
//!                "duplicateOf": path | null,
//!                "simplified": bool,   // the markup was simplified before checking (see extract)
//!                "findings": [Finding…]}],   // worst first
//!  "unreadable": [{"path", "reason"}],
//!  "cadence": {"weeklyMin", "gapDays", "period": {"from", "to", "explicit"} | null,
//!              "accounts": [{"account", "summary", "total", "perWeek", "weeksBelow",
//!                            "longestGap", "outsidePeriod", "first", "last",
//!                            "weeks": [{"week", "from", "to", "count", "dates", "partial",
//!                                       "below"}],
//!                            "gaps": [{"from", "to", "days", "kind": "between" | "start" | "end"}]}],
//!              "undated": [path…]},
//!  "feedback": {"given", "defaultAccount",
//!               "files": [{"path", "account", "format": "xlsx" | "xls" | "htmlTable" | "csv",
//!                          "error", "tables": [{"sheet", "headerRow", "kind", "columns":
//!                          [{"header", "field"}], "unused", "rows", "badRows", "used"}],
//!                          "issues": [{"sheet", "row", "column", "message"}], "moreIssues"}],
//!               "accounts": [{"account", "basis": "daily" | "perArticle", "files", "found",
//!                             "missing", "sharesAre", "rateBase", "duplicates", "merged",
//!                             "channelsSummed", "outsidePeriod", "unusedTables",
//!                             "top": [{"date", "title", "reads", "readers", "likes", "comments"}],
//!                             "weeks": [{"week", "from", "to", "rows", "articles", "reads",
//!                                        "readers", "shares", "likes", "wow", "comments",
//!                                        "articlesFromFiles", "likeRate", "commentRate",
//!                                        "change": {"reads", "readers", …}}]}]}}
//! ```
//!
//! Dates are `YYYY-MM-DD`, weeks `YYYY-Www` (ISO 8601); rates and changes are fractions
//! (`0.0125` = 1.25 %); a figure the files do not give is `null`.

use super::health::cadence::GapKind;
use super::health::stats::columns::Field;
use super::health::stats::records::Kind;
use super::health::stats::weekly::{change, AccountStats};
use super::report::ReportData;
use serde_json::{json, Map, Value};
use wxlint::Severity;

pub fn render(data: &ReportData) -> String {
    let h = &data.health;
    let duplicate_of: std::collections::HashMap<usize, usize> = h.duplicates.iter().copied().collect();
    let articles: Vec<Value> = data
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            json!({
                "path": a.doc.path,
                "title": a.doc.article.title,
                "account": h.accounts[i],
                "published": a.published.date.as_ref().map(|d| json!({"date": d.date.to_string(), "source": d.source})),
                "duplicateOf": duplicate_of.get(&i).map(|&j| data.articles[j].doc.path.clone()),
                "simplified": a.doc.simplified,
                "findings": a.findings,
            })
        })
        .collect();
    let c = &h.cadence;
    let accounts: Vec<Value> = c
        .accounts
        .iter()
        .map(|a| {
            json!({
                "account": a.name,
                "summary": a.summary(),
                "total": a.total,
                "perWeek": (a.per_week * 100.0).round() / 100.0,
                "weeksBelow": a.weeks_below,
                "longestGap": a.longest_gap,
                "outsidePeriod": a.outside,
                "first": a.first.map(|d| d.to_string()),
                "last": a.last.map(|d| d.to_string()),
                "weeks": a.weeks.iter().map(|w| json!({
                    "week": w.week.to_string(), "from": w.start.to_string(), "to": w.end.to_string(),
                    "count": w.count, "dates": w.dates.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
                    "partial": w.partial, "below": w.below,
                })).collect::<Vec<_>>(),
                "gaps": a.gaps.iter().map(|g| json!({
                    "from": g.from.to_string(), "to": g.to.to_string(), "days": g.days,
                    "kind": match g.kind { GapKind::Between => "between", GapKind::Start => "start", GapKind::End => "end" },
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let files: Vec<Value> = h
        .stats_files
        .iter()
        .map(|f| {
            json!({
                "path": f.path,
                "account": f.account,
                "format": f.format.map(|x| x.key()),
                "error": f.error,
                "tables": f.tables.iter().map(|t| json!({
                    "sheet": t.sheet, "headerRow": t.header_row, "kind": kind(t.kind),
                    "columns": t.recognised.iter().map(|(header, field)| json!({"header": header, "field": field.key()})).collect::<Vec<_>>(),
                    "unused": t.unused, "rows": t.records, "badRows": t.bad_rows, "used": t.used,
                })).collect::<Vec<_>>(),
                "issues": f.issues.iter().map(|i| json!({"sheet": i.sheet, "row": i.row, "column": i.column, "message": i.message})).collect::<Vec<_>>(),
                "moreIssues": f.more_issues,
            })
        })
        .collect();
    let report = json!({
        "generator": "wxlint-report",
        "version": data.version,
        "generated": data.generated,
        "config": data.config.iter().map(|(label, value)| json!({"label": label, "value": value})).collect::<Vec<_>>(),
        "summary": {
            "articles": data.articles.len(),
            "block": data.count(Severity::Block),
            "review": data.count(Severity::Review),
            "warn": data.count(Severity::Warn),
            "info": data.count(Severity::Info),
            "unreadable": data.unreadable.len(),
        },
        "articles": articles,
        "unreadable": data.unreadable.iter().map(|u| json!({"path": u.path, "reason": u.reason})).collect::<Vec<_>>(),
        "cadence": {
            "weeklyMin": c.rules.weekly_min,
            "gapDays": c.rules.gap_days,
            "period": c.period.map(|(a, b)| json!({"from": a.to_string(), "to": b.to_string(), "explicit": h.explicit_period})),
            "accounts": accounts,
            "undated": h.undated.iter().map(|&i| data.articles[i].doc.path.clone()).collect::<Vec<_>>(),
        },
        "feedback": {
            "given": h.stats_given,
            "defaultAccount": h.stats_default_account,
            "files": files,
            "accounts": h.stats.iter().map(feedback_account).collect::<Vec<_>>(),
        },
    });
    let mut out = serde_json::to_string_pretty(&report).expect("JSON values serialize");
    out.push('\n');
    out
}

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Daily => "daily",
        Kind::PerArticle => "perArticle",
    }
}

fn feedback_account(s: &AccountStats) -> Value {
    let metrics = [Field::Articles, Field::Reads, Field::Readers, Field::Shares, Field::Likes, Field::Wow, Field::Comments];
    let weeks: Vec<Value> = s
        .weeks
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let prev = i.checked_sub(1).map(|p| &s.weeks[p]).filter(|p| p.start.monday().add_days(7) == w.start.monday());
            let value = |f: Field| if f == Field::Shares { w.get(s.share_field) } else { w.get(f) };
            let mut o = Map::new();
            o.insert("week".into(), json!(w.week.to_string()));
            o.insert("from".into(), json!(w.start.to_string()));
            o.insert("to".into(), json!(w.end.to_string()));
            o.insert("rows".into(), json!(w.rows));
            let mut changes = Map::new();
            for f in metrics {
                o.insert(f.key().into(), json!(value(f)));
                if f != Field::Articles {
                    let prev_value = prev.and_then(|p| if f == Field::Shares { p.get(s.share_field) } else { p.get(f) });
                    changes.insert(f.key().into(), json!(change(prev_value, value(f))));
                }
            }
            o.insert("articlesFromFiles".into(), json!(w.articles_from_files));
            o.insert("likeRate".into(), json!(s.rate(w, Field::Likes)));
            o.insert("commentRate".into(), json!(s.rate(w, Field::Comments)));
            o.insert("change".into(), Value::Object(changes));
            Value::Object(o)
        })
        .collect();
    json!({
        "account": s.account,
        "basis": kind(s.basis),
        "files": s.files,
        "found": s.found.iter().map(|f| f.key()).collect::<Vec<_>>(),
        "missing": s.missing.iter().map(|f| f.key()).collect::<Vec<_>>(),
        "sharesAre": s.share_field.key(),
        "rateBase": s.rate_base.map(Field::key),
        "duplicates": s.duplicates,
        "merged": s.merged,
        "channelsSummed": s.channels_summed,
        "outsidePeriod": s.outside,
        "unusedTables": s.unused_tables,
        "top": s.top.iter().map(|t| json!({
            "date": t.date.to_string(), "title": t.title,
            "reads": t.get(Field::Reads), "readers": t.get(Field::Readers), "likes": t.get(Field::Likes), "comments": t.get(Field::Comments),
        })).collect::<Vec<_>>(),
        "weeks": weeks,
    })
}
