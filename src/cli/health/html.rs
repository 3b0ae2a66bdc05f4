//! The account-health sections of the HTML report: 发布情况 (cadence per account, with a chart of
//! articles per week against the minimum, the weeks and the gaps) and 阅读与互动 (the weekly
//! figures from `--stats`, with charts of reads and rates, the files read and every problem met),
//! and their lines in the summary. When the batch has no dates or no statistics, each section
//! says what input would fill it.
//!
//! Stable hooks: sections `#cadence` and `#feedback`; per account `div.account-health` with
//! `data-account`; week rows `tr[data-week]` with `data-count` (cadence) or `data-reads`…
//! (feedback); charts `svg.chart` (`#posts-N`, `#reads-N`, `#rates-N`) whose bars are `rect.bar`
//! with `data-key` (the ISO week) and `data-value`; the pasteable line `.summary-line`.

use super::cadence::{one_decimal, Account, GapKind, Week};
use super::chart::{render as chart, Bar, Chart, Fill, FillLegend, Line, Marker};
use super::date::Date;
use super::stats::columns::Field;
use super::stats::records::Kind;
use super::stats::weekly::{change, AccountStats, WeekFigures};
use super::stats::StatsFile;
use super::Health;
use crate::cli::report::Checked;
use crate::cli::report_html::esc;
use std::fmt::Write;

/// How the unnamed group of articles is called.
pub const UNNAMED: &str = "未注明公众号的文章";

fn account_label(name: Option<&str>) -> String {
    name.map_or_else(|| UNNAMED.to_string(), str::to_string)
}

/// `3月2日—3月8日`.
fn span(a: Date, b: Date) -> String {
    if a == b {
        a.zh_short()
    } else if a.ymd().0 != b.ymd().0 {
        format!("{}—{}", a.zh(), b.zh())
    } else {
        format!("{}—{}", a.zh_short(), b.zh_short())
    }
}

/// `3/2`.
fn axis_label(d: Date) -> String {
    let (_, m, day) = d.ymd();
    format!("{m}/{day}")
}

/// The lines of the summary section: one pasteable cadence line per account, and the period's
/// reads and rates per account with statistics.
pub fn summary_html(h: &mut String, health: &Health) {
    if !health.cadence.accounts.is_empty() {
        let _ = writeln!(h, r#"<h3 class="sub">发布情况</h3><ul class="health-lines">"#);
        for a in &health.cadence.accounts {
            let _ = writeln!(
                h,
                r##"<li><a href="#cadence">{}</a>：<span class="summary-line">{}</span>{}</li>"##,
                esc(&account_label(a.name.as_deref())),
                esc(&a.summary()),
                verdict(a, &health.cadence.rules)
            );
        }
        let _ = writeln!(h, "</ul>");
    }
    let lines: Vec<String> = health.stats.iter().filter_map(feedback_line).collect();
    if !lines.is_empty() {
        let _ = writeln!(h, r#"<h3 class="sub">阅读与互动</h3><ul class="health-lines">"#);
        for l in lines {
            let _ = writeln!(h, "<li>{l}</li>");
        }
        let _ = writeln!(h, "</ul>");
    }
}

/// `阳光小学：5 周共阅读 5403 次，周均 1080.6 次；点赞率 3.05%，留言率 1.04%`.
fn feedback_line(s: &AccountStats) -> Option<String> {
    let base = s.rate_base?;
    let total = |f: Field| -> Option<f64> {
        let vs: Vec<f64> = s.weeks.iter().filter_map(|w| w.get(f)).collect();
        (!vs.is_empty()).then(|| vs.iter().sum())
    };
    let reads = total(base)?;
    let weeks = s.weeks.len();
    let unit = if base == Field::Reads { "次" } else { "人次" };
    let mut line = format!("{weeks} 周共{} {} {unit}，周均 {} {unit}", if base == Field::Reads { "阅读" } else { "阅读人数" }, count(reads), one_decimal(reads / weeks as f64));
    let mut rates = Vec::new();
    for (f, name) in [(Field::Likes, "点赞率"), (Field::Comments, "留言率")] {
        if let (Some(n), true) = (total(f), reads > 0.0) {
            rates.push(format!("{name} {}", percent(n / reads)));
        }
    }
    if !rates.is_empty() {
        line.push('；');
        line.push_str(&rates.join("，"));
    }
    Some(format!(
        r##"<a href="#feedback">{}</a>：{}"##,
        esc(s.account.as_deref().unwrap_or("未指明公众号的统计")),
        esc(&line)
    ))
}

fn verdict(a: &Account, rules: &super::cadence::Rules) -> String {
    let mut problems = Vec::new();
    if a.weeks_below > 0 {
        problems.push(format!("{} 周少于 {} 篇", a.weeks_below, rules.weekly_min));
    }
    if !a.gaps.is_empty() {
        problems.push(format!("{} 次间隔 {} 天以上", a.gaps.len(), rules.gap_days));
    }
    if problems.is_empty() {
        r#" <span class="status s-ok">达标</span>"#.to_string()
    } else {
        format!(r#" <span class="status s-block">不达标：{}</span>"#, esc(&problems.join("，")))
    }
}

/// 发布情况.
pub fn cadence_section(h: &mut String, numeral: &str, health: &Health, articles: &[Checked]) {
    let c = &health.cadence;
    let r = &c.rules;
    let _ = write!(h, "<section id=\"cadence\">\n<h2>{numeral}、发布情况</h2>\n");
    let period = match c.period {
        Some((a, b)) if health.explicit_period => format!("统计区间：{}—{}（自查区间，由 --from / --to 指定）。", a.zh(), b.zh()),
        Some((a, b)) => format!(
            "统计区间：{}—{}（从最早一篇文章所在周的周一到最晚一篇所在周的周日；用 --from、--to 指定自查区间，可查出区间末尾的空档）。",
            a.zh(),
            b.zh()
        ),
        None => String::new(),
    };
    let _ = writeln!(
        h,
        r#"<p class="hint">按发布日期统计每个公众号每周（周一至周日）发布的篇数。要求每周不少于 {} 篇；相邻两次发布相隔 {} 天及以上即标出（检查时前两周无更新的账号判为不合格）。{}</p>"#,
        r.weekly_min,
        r.gap_days,
        esc(&period)
    );
    if c.accounts.is_empty() {
        let _ = writeln!(
            h,
            r#"<p class="empty-note">没有找到带发布日期的文章，无法统计发布频次。发布日期从以下位置读取：保存的公众号文章网页（浏览器“另存为”，页面脚本中的发布时间或页面上显示的发布时间）；Markdown 文件开头的 front matter（<code>date: 2026-03-05</code>，公众号写 <code>account: 名称</code>）；文件名中的日期（<code>2026-03-05-标题.md</code>）。</p>"#
        );
    }
    for (n, a) in c.accounts.iter().enumerate() {
        account_cadence(h, n + 1, a, r);
    }
    if !health.undated.is_empty() {
        let _ = writeln!(
            h,
            r#"<h3 class="sub" id="undated">未找到发布日期的文章（{} 篇）</h3>
<p class="hint">这些文章没有计入发布频次。保存的公众号网页带有发布时间；编辑器草稿、Markdown 和纯文本请在 front matter 写 <code>date:</code> 或在文件名前加日期（如 <code>2026-03-05-</code>）。</p>
<table class="grid undated"><thead><tr><th scope="col">文章</th><th scope="col">文件</th></tr></thead><tbody>"#,
            health.undated.len()
        );
        for &i in &health.undated {
            let a = &articles[i];
            let _ = writeln!(
                h,
                r#"<tr data-path="{path}"><td>{title}</td><td><code class="path">{path}</code></td></tr>"#,
                path = esc(&a.doc.path),
                title = esc(&shown_title(&a.doc.article.title))
            );
        }
        let _ = writeln!(h, "</tbody></table>");
    }
    if !health.duplicates.is_empty() {
        let _ = writeln!(h, r#"<h3 class="sub">重复的文章（只计一次）</h3><ul class="duplicates">"#);
        for &(i, first) in &health.duplicates {
            let _ = writeln!(
                h,
                "<li><code class=\"path\">{}</code> 与 <code class=\"path\">{}</code> 是同一篇（{}，同一天发布、标题相同）</li>",
                esc(&articles[i].doc.path),
                esc(&articles[first].doc.path),
                esc(&shown_title(&articles[i].doc.article.title))
            );
        }
        let _ = writeln!(h, "</ul>");
    }
    let _ = writeln!(h, "</section>");
}

fn shown_title(t: &str) -> String {
    let t = t.trim();
    if t.is_empty() {
        "（无标题）".into()
    } else {
        format!("《{t}》")
    }
}

fn account_cadence(h: &mut String, n: usize, a: &Account, r: &super::cadence::Rules) {
    let label = account_label(a.name.as_deref());
    let _ = writeln!(
        h,
        r#"<div class="account-health" data-account="{}"><h3 class="sub">{}<small>（{} 篇）</small>{}</h3>"#,
        esc(a.name.as_deref().unwrap_or("")),
        esc(&label),
        a.total,
        verdict(a, r)
    );
    let _ = writeln!(h, r#"<p class="paste"><span>自查表填写</span><strong class="summary-line">{}</strong></p>"#, esc(&a.summary()));
    if a.name.is_none() {
        let _ = writeln!(h, r#"<p class="hint">这些文章的文件没有写明所属公众号（Markdown、纯文本和编辑器草稿通常如此）；用 --account 指定。</p>"#);
    }
    if a.outside > 0 {
        let _ = writeln!(h, r#"<p class="hint">另有 {} 篇发布日期在统计区间之外，未计入。</p>"#, a.outside);
    }
    if let Some(last) = a.last {
        let since = r.today.since(last);
        if since >= 0 {
            let warn = if since >= r.gap_days {
                format!(r#" <span class="status s-warn">若今天接受检查，已 {since} 天未更新</span>"#)
            } else {
                String::new()
            };
            let _ = writeln!(h, r#"<p class="hint last-post">最近一次发布：{}，距报告生成之日 {since} 天。{warn}</p>"#, last.zh());
        }
    }
    // The chart.
    let labels: Vec<String> = a.weeks.iter().map(|w| axis_label(w.start)).collect();
    let bars: Vec<Bar> = a
        .weeks
        .iter()
        .map(|w| Bar {
            key: w.week.to_string(),
            value: Some(w.count as f64),
            fill: if w.partial { Fill::Outline } else if w.below { Fill::Hatched } else { Fill::Solid },
            title: format!("{}（{}）：{} 篇{}", w.week.zh(), span(w.start, w.end), w.count, week_verdict_text(w, r.weekly_min)),
        })
        .collect();
    let fills = [
        FillLegend { fill: Fill::Solid, label: "达标".into() },
        FillLegend { fill: Fill::Hatched, label: format!("少于 {} 篇", r.weekly_min) },
        FillLegend { fill: Fill::Outline, label: "不完整周（不评判）".into() },
    ];
    let fmt = |v: f64| format!("{}", v.round() as i64);
    let id = format!("posts-{n}");
    let title = format!("{label}：每周发布篇数（虚线为每周最低 {} 篇）", r.weekly_min);
    let svg = chart(&Chart {
        id: &id,
        title: &title,
        x_labels: &labels,
        bars: &bars,
        lines: &[],
        reference: Some((r.weekly_min as f64, format!("最低 {} 篇", r.weekly_min))),
        fills: &fills,
        format: &fmt,
        value_labels: true,
        integer: true,
    });
    let _ = writeln!(h, r#"<figure class="chart-box">{svg}<figcaption>{}</figcaption></figure>"#, esc(&title));

    // The gaps.
    if a.gaps.is_empty() {
        let _ = writeln!(h, r#"<p class="clean">✓ 没有相隔 {} 天及以上未发布的情况（最长间隔 {} 天）。</p>"#, r.gap_days, a.longest_gap);
    } else {
        let _ = writeln!(h, r#"<p class="gaps-title">长时间未发布（相隔 {} 天及以上）：</p><ul class="gaps">"#, r.gap_days);
        for g in &a.gaps {
            let what = match g.kind {
                GapKind::Between => format!("{}发布后，直到 {}才再次发布", g.from.zh(), g.to.zh()),
                GapKind::Start => format!("统计区间开始（{}）至第一篇（{}）", g.from.zh(), g.to.zh()),
                GapKind::End => format!("最后一篇（{}）至统计区间结束（{}）", g.from.zh(), g.to.zh()),
            };
            let _ = writeln!(h, r#"<li data-days="{}" data-from="{}" data-to="{}"><strong>{} 天</strong>：{}</li>"#, g.days, g.from, g.to, g.days, esc(&what));
        }
        let _ = writeln!(h, "</ul>");
    }

    // The weeks.
    let _ = writeln!(
        h,
        r#"<table class="grid weeks"><thead><tr><th scope="col">周次</th><th scope="col">日期</th><th scope="col" class="num">篇数</th><th scope="col">发布日期</th><th scope="col">结论</th></tr></thead><tbody>"#
    );
    for w in &a.weeks {
        let (cls, text) = if w.partial {
            ("s-info", "不完整周（不评判）".to_string())
        } else if w.below {
            ("s-block", format!("不达标（少 {} 篇）", r.weekly_min - w.count))
        } else {
            ("s-ok", "达标".to_string())
        };
        let _ = writeln!(
            h,
            r#"<tr data-week="{}" data-count="{}"{}><td>{}</td><td>{}</td><td class="num">{}</td><td class="days">{}</td><td><span class="status {cls}">{}</span></td></tr>"#,
            w.week,
            w.count,
            if w.below { r#" class="below""# } else { "" },
            esc(&w.week.zh()),
            esc(&span(w.start, w.end)),
            w.count,
            esc(&days_text(&w.dates)),
            esc(&text)
        );
    }
    let _ = writeln!(h, "</tbody></table>\n</div>");
}

/// `3/2（周一）、3/4（周三）×2`: the publication days of a week.
fn days_text(dates: &[Date]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < dates.len() {
        let n = dates[i..].iter().take_while(|d| **d == dates[i]).count();
        let (_, m, day) = dates[i].ymd();
        parts.push(format!("{m}/{day}（{}）{}", dates[i].weekday_zh(), if n > 1 { format!("×{n}") } else { String::new() }));
        i += n;
    }
    if parts.is_empty() {
        "—".into()
    } else {
        parts.join("、")
    }
}

fn week_verdict_text(w: &Week, min: usize) -> String {
    if w.partial {
        "，不完整周".into()
    } else if w.below {
        format!("，少于 {min} 篇")
    } else {
        String::new()
    }
}

/// `1.25%`.
pub fn percent(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

fn count(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x:.1}")
    }
}

/// `+12.5%` / `−3.0%` against the week before.
fn change_text(c: Option<f64>) -> String {
    match c {
        Some(c) if c >= 0.0 => format!("+{:.1}%", c * 100.0),
        Some(c) => format!("−{:.1}%", -c * 100.0),
        None => String::new(),
    }
}

/// `+0.12 个百分点`.
fn points_text(prev: Option<f64>, cur: Option<f64>) -> String {
    match (prev, cur) {
        (Some(p), Some(c)) => {
            let d = (c - p) * 100.0;
            if d >= 0.0 {
                format!("+{d:.2} 个百分点")
            } else {
                format!("−{:.2} 个百分点", -d)
            }
        }
        _ => String::new(),
    }
}

fn basis_label(k: Kind) -> &'static str {
    match k {
        Kind::Daily => "按日统计（每天的全部阅读，含旧文章）",
        Kind::PerArticle => "按文章统计（每篇文章计入其发表所在周）",
    }
}

/// 阅读与互动.
pub fn feedback_section(h: &mut String, numeral: &str, health: &Health) {
    let _ = write!(h, "<section id=\"feedback\">\n<h2>{numeral}、阅读与互动</h2>\n");
    let _ = writeln!(
        h,
        r#"<p class="hint">新闻反馈机制要求每周统计阅读量、点赞量、留言率等，分析后及时调整。点赞率、留言率以阅读次数为分母（没有阅读次数时用阅读人数）；“较上周”为与前一周相比的变化。</p>"#
    );
    if !health.stats_given {
        let _ = writeln!(
            h,
            r#"<p class="empty-note">没有提供阅读统计数据。在公众号后台“数据分析 → 内容分析”点击“下载数据明细”（数据趋势按日的明细，或“已通知内容”按篇的明细），或自己整理的表格（列名如“日期”“阅读次数”“阅读人数”“分享次数”“点赞数”“在看数”“留言数”），用 <code>--stats 文件</code> 加入报告（.xlsx、.xls、.csv 均可；多个公众号写 <code>--stats 公众号名称=文件</code>）。</p>"#
        );
        let _ = writeln!(h, "</section>");
        return;
    }
    files_table(h, &health.stats_files);
    if let Some(a) = &health.stats_default_account {
        if health.stats_files.iter().any(|f| f.account.is_none()) {
            let _ = writeln!(h, r#"<p class="hint">未写明公众号的统计文件计入“{}”（用 --stats 公众号名称=文件 可分别指明）。</p>"#, esc(a));
        }
    }
    if health.stats.is_empty() {
        let _ = writeln!(h, r#"<p class="empty-note">统计文件中没有可用的数据行，无法按周统计。</p>"#);
    }
    for (n, s) in health.stats.iter().enumerate() {
        account_feedback(h, n + 1, s);
    }
    let _ = writeln!(h, "</section>");
}

fn files_table(h: &mut String, files: &[StatsFile]) {
    let _ = writeln!(
        h,
        r#"<h3 class="sub">统计文件</h3><table class="grid stats-files"><thead><tr><th scope="col">文件</th><th scope="col">识别的列</th><th scope="col">未使用的列</th><th scope="col" class="num">数据行</th><th scope="col">状态</th></tr></thead><tbody>"#
    );
    for f in files {
        let format = f.format.map_or("", |x| x.label());
        let account = f.account.as_deref().map(|a| format!("<br><small>公众号：{}</small>", esc(a))).unwrap_or_default();
        if let Some(e) = &f.error {
            let _ = writeln!(
                h,
                r#"<tr class="stats-error" data-path="{p}"><td><code class="path">{p}</code><br><small>{format}</small>{account}</td><td colspan="3">—</td><td class="bad">{e}</td></tr>"#,
                p = esc(&f.path),
                e = esc(e)
            );
            continue;
        }
        for (k, t) in f.tables.iter().enumerate() {
            let recognised: Vec<String> = t
                .recognised
                .iter()
                .map(|(header, field)| if header == field.label() { esc(header) } else { format!("{}（{}）", esc(header), esc(field.label())) })
                .collect();
            let place = match &t.sheet {
                Some(s) => format!("工作表“{}”第 {} 行起", esc(s), t.header_row),
                None => format!("第 {} 行起", t.header_row),
            };
            let status = if t.used {
                format!(r#"<span class="status s-ok">已使用</span><br><small>{}</small>"#, basis_label(t.kind))
            } else {
                r#"<span class="status s-info">未使用</span><br><small>同一公众号已有另一种统计口径的数据</small>"#.to_string()
            };
            let bad = if t.bad_rows > 0 { format!("<br><small class=\"bad\">{} 行无法读取，未计入</small>", t.bad_rows) } else { String::new() };
            let _ = writeln!(
                h,
                r#"<tr data-path="{p}" data-rows="{rows}"><td>{file}<small>{format}，{place}</small>{account}</td><td>{}</td><td>{}</td><td class="num">{rows}</td><td>{status}{bad}</td></tr>"#,
                recognised.join("、"),
                if t.unused.is_empty() { "—".to_string() } else { esc(&t.unused.join("、")) },
                p = esc(&f.path),
                file = if k == 0 { format!(r#"<code class="path">{}</code><br>"#, esc(&f.path)) } else { String::new() },
                rows = t.records,
            );
        }
    }
    let _ = writeln!(h, "</tbody></table>");
    let problems: Vec<&StatsFile> = files.iter().filter(|f| !f.issues.is_empty()).collect();
    if !problems.is_empty() {
        let _ = writeln!(h, r#"<h3 class="sub">统计文件中无法读取的内容</h3><ul class="stats-issues">"#);
        for f in problems {
            for i in &f.issues {
                let _ = writeln!(
                    h,
                    r#"<li data-path="{}" data-row="{}"><code class="path">{}</code> {}：{}（此行未计入）</li>"#,
                    esc(&f.path),
                    i.row.map_or(String::new(), |r| r.to_string()),
                    esc(&f.path),
                    esc(&i.place()),
                    esc(&i.message)
                );
            }
            if f.more_issues > 0 {
                let _ = writeln!(h, "<li><code class=\"path\">{}</code> 另有 {} 处问题未列出</li>", esc(&f.path), f.more_issues);
            }
        }
        let _ = writeln!(h, "</ul>");
    }
}

fn account_feedback(h: &mut String, n: usize, s: &AccountStats) {
    let label = s.account.clone().unwrap_or_else(|| "未指明公众号的统计".to_string());
    let _ = writeln!(
        h,
        r#"<div class="account-health feedback" data-account="{}"><h3 class="sub">{}<small>{}</small></h3>"#,
        esc(s.account.as_deref().unwrap_or("")),
        esc(&label),
        basis_label(s.basis)
    );
    let mut notes = Vec::new();
    if s.account.is_none() {
        notes.push("这些统计文件没有写明公众号，而文章涉及多个公众号：用 --stats 公众号名称=文件 指明。".to_string());
    }
    if !s.missing.is_empty() {
        let names: Vec<&str> = s.missing.iter().map(|f| f.label()).collect();
        let mut note = format!("统计文件中缺少：{}。", names.join("、"));
        if s.missing.iter().any(|f| matches!(f, Field::Likes | Field::Comments | Field::Wow)) {
            note.push_str("后台“内容分析”的按日明细和“已通知内容”明细不含点赞、在看和留言；这些数字在单篇文章的详情页（数据概况）里，可整理成一张按篇的表格（列名如“发布日期”“标题”“阅读次数”“点赞数”“留言数”）一并加入。");
        }
        notes.push(note);
    }
    if s.share_field == Field::Sharers && s.has(Field::Shares) {
        notes.push("“分享”为分享人数（文件中没有分享次数）。".into());
    }
    if s.rate_base == Some(Field::Readers) {
        notes.push("文件中没有阅读次数，比率以阅读人数为分母。".into());
    }
    if s.weeks.iter().any(|w| w.articles_from_files) {
        notes.push("篇数按本报告读到的文章文件统计（统计文件中没有篇数）。".into());
    }
    if s.duplicates > 0 {
        notes.push(format!("{} 行数据在多个文件中重复出现，只计一次。", s.duplicates));
    }
    if s.merged > 0 {
        notes.push(format!("{} 行数据与其他文件中同一天（或同一篇）的数据合并，补上了对方缺少的数字。", s.merged));
    }
    if s.channels_summed > 0 {
        notes.push(format!("{} 天没有“全部”渠道的合计行，按各渠道相加。", s.channels_summed));
    }
    if s.outside > 0 {
        notes.push(format!("{} 行数据在统计区间之外，未计入。", s.outside));
    }
    if s.basis == Kind::Daily && s.has(Field::Readers) {
        notes.push("阅读人数为每天人数之和（同一人在不同日子阅读会计多次）。".into());
    }
    for note in notes {
        let _ = writeln!(h, r#"<p class="hint">{}</p>"#, esc(&note));
    }
    if s.weeks.is_empty() {
        let _ = writeln!(h, r#"<p class="empty-note">统计区间内没有数据。</p></div>"#);
        return;
    }

    let labels: Vec<String> = s.weeks.iter().map(|w| axis_label(w.start)).collect();
    let reads_field = s.rate_base.unwrap_or(Field::Reads);
    if s.has(Field::Reads) || s.has(Field::Readers) {
        let bars: Vec<Bar> = s
            .weeks
            .iter()
            .map(|w| Bar {
                key: w.week.to_string(),
                value: w.get(reads_field),
                fill: Fill::Grey,
                title: format!("{}（{}）：{} {}", w.week.zh(), span(w.start, w.end), reads_field.label(), w.get(reads_field).map_or("无数据".into(), count)),
            })
            .collect();
        let lines: Vec<Line> = if reads_field == Field::Reads && s.has(Field::Readers) {
            vec![Line { name: "阅读人数".into(), values: s.weeks.iter().map(|w| w.get(Field::Readers)).collect(), dashed: false, marker: Marker::Square }]
        } else {
            Vec::new()
        };
        let fills = [FillLegend { fill: Fill::Grey, label: reads_field.label().into() }];
        let id = format!("reads-{n}");
        let title = format!("{label}：每周{}", if lines.is_empty() { reads_field.label().to_string() } else { "阅读次数与阅读人数".into() });
        let fmt = |v: f64| count(v.round());
        let svg = chart(&Chart { id: &id, title: &title, x_labels: &labels, bars: &bars, lines: &lines, reference: None, fills: &fills, format: &fmt, value_labels: s.weeks.len() <= 14, integer: true });
        let _ = writeln!(h, r#"<figure class="chart-box">{svg}<figcaption>{}</figcaption></figure>"#, esc(&title));
    }
    let mut rate_lines = Vec::new();
    if s.has(Field::Likes) {
        rate_lines.push(Line { name: "点赞率".into(), values: s.weeks.iter().map(|w| s.rate(w, Field::Likes)).collect(), dashed: false, marker: Marker::Circle });
    }
    if s.has(Field::Comments) {
        rate_lines.push(Line { name: "留言率".into(), values: s.weeks.iter().map(|w| s.rate(w, Field::Comments)).collect(), dashed: true, marker: Marker::Triangle });
    }
    if !rate_lines.is_empty() && s.rate_base.is_some() {
        let id = format!("rates-{n}");
        let title = format!("{label}：每周{}", rate_lines.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join("与"));
        // Ticks fall on quarters of a round top (2.5%, 1.25%…): up to two decimals, no trailing zeros.
        let fmt = |v: f64| {
            let t = format!("{:.2}", v * 100.0);
            format!("{}%", t.trim_end_matches('0').trim_end_matches('.'))
        };
        let svg = chart(&Chart { id: &id, title: &title, x_labels: &labels, bars: &[], lines: &rate_lines, reference: None, fills: &[], format: &fmt, value_labels: false, integer: false });
        let _ = writeln!(h, r#"<figure class="chart-box">{svg}<figcaption>{}</figcaption></figure>"#, esc(&title));
    }

    // The table: the figures found, with the change on the week before.
    let mut cols: Vec<Field> = vec![Field::Articles, Field::Reads, Field::Readers, s.share_field, Field::Likes, Field::Wow, Field::Comments];
    cols.retain(|f| s.has(*f) || (*f == Field::Sharers && s.has(Field::Shares)));
    let rates: Vec<Field> = [Field::Likes, Field::Comments].into_iter().filter(|f| s.has(*f) && s.rate_base.is_some()).collect();
    let _ = write!(h, r#"<div class="table-wrap"><table class="grid feedback-weeks"><thead><tr><th scope="col">周次</th><th scope="col">日期</th>"#);
    for f in &cols {
        let name = if matches!(f, Field::Shares | Field::Sharers) { if *f == Field::Sharers { "分享人数" } else { "分享次数" } } else { f.label() };
        let _ = write!(h, r#"<th scope="col" class="num">{name}</th>"#);
    }
    for f in &rates {
        let _ = write!(h, r#"<th scope="col" class="num">{}率</th>"#, f.label());
    }
    let _ = writeln!(h, "</tr></thead><tbody>");
    let mut prev: Option<&WeekFigures> = None;
    for w in &s.weeks {
        let consecutive = prev.filter(|p| p.start.monday().add_days(7) == w.start.monday());
        let _ = write!(h, r#"<tr data-week="{}""#, w.week);
        for f in &cols {
            let _ = write!(h, r#" data-{}="{}""#, f.key(), w.get(*f).map_or(String::new(), count));
        }
        let _ = write!(h, r#"><td>{}</td><td>{}</td>"#, esc(&w.week.zh()), esc(&span(w.start, w.end)));
        for f in &cols {
            let v = w.get(*f);
            let ch = if *f == Field::Articles { String::new() } else { change_text(change(consecutive.and_then(|p| p.get(*f)), v)) };
            let from_files = if *f == Field::Articles && w.articles_from_files { r#"<small>按文件</small>"# } else { "" };
            let _ = write!(
                h,
                r#"<td class="num">{}{from_files}{}</td>"#,
                v.map_or_else(|| "—".to_string(), count),
                if ch.is_empty() { String::new() } else { format!("<small class=\"chg\">较上周 {ch}</small>") }
            );
        }
        for f in &rates {
            let v = s.rate(w, *f);
            let ch = points_text(consecutive.and_then(|p| s.rate(p, *f)), v);
            let _ = write!(
                h,
                r#"<td class="num" data-rate="{}">{}{}</td>"#,
                v.map_or(String::new(), |x| format!("{x}")),
                v.map_or_else(|| "—".to_string(), percent),
                if ch.is_empty() { String::new() } else { format!("<small class=\"chg\">较上周 {ch}</small>") }
            );
        }
        let _ = writeln!(h, "</tr>");
        prev = Some(w);
    }
    // Totals over the period.
    let _ = write!(h, r#"</tbody><tfoot><tr><th scope="row" colspan="2">合计（{} 周）</th>"#, s.weeks.len());
    let total = |f: Field| -> Option<f64> {
        let vs: Vec<f64> = s.weeks.iter().filter_map(|w| w.get(f)).collect();
        (!vs.is_empty()).then(|| vs.iter().sum())
    };
    for f in &cols {
        let _ = write!(h, r#"<td class="num">{}</td>"#, total(*f).map_or_else(|| "—".to_string(), count));
    }
    for f in &rates {
        let base = s.rate_base.and_then(total);
        let r = match (total(*f), base) {
            (Some(n), Some(b)) if b > 0.0 => percent(n / b),
            _ => "—".into(),
        };
        let _ = write!(h, r#"<td class="num">{r}</td>"#);
    }
    let _ = writeln!(h, "</tr></tfoot></table></div>");
    let avg = total(reads_field).map(|t| t / s.weeks.len() as f64);
    if let Some(avg) = avg {
        let _ = writeln!(h, r#"<p class="hint">周均{}：{}。</p>"#, reads_field.label(), one_decimal(avg));
    }
    if !s.top.is_empty() {
        let _ = writeln!(
            h,
            r#"<h4 class="top-title">{}最多的文章</h4><table class="grid top-articles"><thead><tr><th scope="col" class="num">名次</th><th scope="col">文章</th><th scope="col">发表</th><th scope="col" class="num">{}</th>{}{}</tr></thead><tbody>"#,
            reads_field.label(),
            reads_field.label(),
            if s.has(Field::Likes) { r#"<th scope="col" class="num">点赞</th>"# } else { "" },
            if s.has(Field::Comments) { r#"<th scope="col" class="num">留言</th>"# } else { "" },
        );
        for (k, t) in s.top.iter().enumerate() {
            let cell = |f: Field| format!(r#"<td class="num">{}</td>"#, t.get(f).map_or_else(|| "—".to_string(), count));
            let _ = writeln!(
                h,
                r#"<tr><td class="num">{}</td><td>{}</td><td>{}</td>{}{}{}</tr>"#,
                k + 1,
                esc(&shown_title(&t.title)),
                esc(&t.date.zh()),
                cell(reads_field),
                if s.has(Field::Likes) { cell(Field::Likes) } else { String::new() },
                if s.has(Field::Comments) { cell(Field::Comments) } else { String::new() },
            );
        }
        let _ = writeln!(h, "</tbody></table>");
    }
    let _ = writeln!(h, "</div>");
}

/// The styles of these sections.
pub const CSS: &str = r#"
.health-lines{margin:4px 0 0;padding-left:20px;font-size:13.5px}.health-lines li{margin:2px 0}
.summary-line{font-weight:600}
.account-health{margin:14px 0 22px;padding-top:4px}
.account-health h3 small{font-weight:400;color:var(--muted);margin-left:4px;font-size:13px}
.account-health h3 .status{font-weight:400;margin-left:8px;font-size:12px;vertical-align:2px}
.paste{margin:4px 0 8px;padding:8px 12px;border:1px dashed #94a3b8;border-radius:4px;background:#f8fafc}
.paste span{font-size:12px;color:var(--muted);margin-right:10px}
.chart-box{margin:8px 0 10px;padding:0;break-inside:avoid}
.chart-box figcaption{font-size:12px;color:var(--muted);text-align:center}
svg.chart{display:block;width:100%;max-width:760px;height:auto;margin:0 auto;font-family:inherit}
.gaps{margin:0 0 8px;padding-left:20px;font-size:13.5px}.gaps-title{margin:6px 0 2px;font-weight:600;color:var(--block)}
.weeks tr.below td{background:#fff5f5}.weeks td.days{font-size:12px;color:#374151}
.weeks td:nth-child(-n+2),.feedback-weeks td:nth-child(-n+2){white-space:nowrap}
.weeks,.feedback-weeks{font-size:12.5px}
.feedback-weeks td small{display:block;font-size:11px;color:var(--muted);font-weight:400}
.grid.feedback-weeks td.num{white-space:normal}.table-wrap{overflow-x:auto}
.empty-note{padding:10px 14px;background:#f8fafc;border:1px solid var(--line);border-radius:4px;font-size:13.5px}
.stats-files td small{color:var(--muted)}.stats-files td:first-child{min-width:12em;word-break:break-all}.stats-files .bad,.stats-issues li{color:#7f1d1d}
.stats-issues{font-size:13px;padding-left:20px}
.top-title{font-size:14px;margin:14px 0 4px}.top-articles{font-size:12.5px}
@media print{.chart-box{break-inside:avoid}.weeks,.feedback-weeks{font-size:8.5pt}.paste{background:none}}
"#;
