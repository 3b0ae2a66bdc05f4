//! The HTML of `wxlint report`: one self-contained page (inline CSS, no script, no external
//! resource; a Content-Security-Policy forbids both), readable on screen and printable on A4.
//!
//! Article text is untrusted: every piece of it goes through [`esc`]. Images of the articles are
//! never loaded, only their addresses shown.
//!
//! Stable hooks for tools and tests: the summary numbers have ids (`n-articles`, `n-block`,
//! `n-review`, `n-warn`, `n-info`, `n-unreadable`); rows of the rule table are `rule-<id>` and
//! rows of the article table carry `data-path` and per-severity `data-block`… counts; article
//! sections are `article-1`, `article-2`… in the order of the article table (worst first).

use super::batch::map_ordered;
use super::context::{context_in, Context, Positions};
use super::health::html::{cadence_section, feedback_section, summary_html, CSS as HEALTH_CSS};
use super::location::{describe, locate_in, Location};
use super::report::{Checked, ReportData};
use std::collections::HashMap;
use std::fmt::Write;
use wxlint::rules::all_meta;
use wxlint::{Field, Finding, Severity};

/// Marks a page as a wxlint report (so that a later `wxlint report` of the same folder skips it).
pub const GENERATOR: &str = r#"<meta name="generator" content="wxlint-report"#;

/// Characters of context on each side of a match (the terminal output shows 15).
const CONTEXT_CHARS: usize = 24;

/// Escapes text for HTML content and attribute values. Control characters (other than tab and
/// line feed), which HTML does not allow, become spaces.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The severities' CSS class suffixes and labels.
fn class(s: Severity) -> &'static str {
    s.as_str()
}

/// An article's verdict: its worst severity, or none.
fn worst(a: &Checked) -> Option<Severity> {
    a.findings.iter().map(|f| f.severity).max()
}

fn verdict_label(s: Option<Severity>) -> &'static str {
    match s {
        Some(Severity::Block) => "须修改",
        Some(Severity::Review) => "待领导审核",
        Some(Severity::Warn) => "建议修改",
        Some(Severity::Info) => "有提示",
        None => "未发现问题",
    }
}

fn verdict_class(s: Option<Severity>) -> &'static str {
    s.map_or("ok", class)
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

pub fn render(data: &ReportData) -> String {
    let names: HashMap<&str, &str> = all_meta().iter().map(|m| (m.id, m.name_zh)).collect();
    let rule_name = |id: &str| names.get(id).copied().unwrap_or("其他规则").to_string();
    let mut h = String::with_capacity(64 * 1024);
    let mut section = 0;
    let mut next_heading = || {
        section += 1;
        NUMERALS.get(section - 1).copied().unwrap_or("")
    };

    let _ = write!(
        h,
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
{GENERATOR} {version}">
<title>公众号文章自查报告</title>
<style>{CSS}{HEALTH_CSS}</style>
</head>
<body>
<main class="page">
<header class="masthead">
<h1>公众号文章自查报告</h1>
<dl class="doc-meta">
<div><dt>生成时间</dt><dd>{generated}</dd></div>
<div><dt>检查工具</dt><dd>wxlint {version}（本机离线检查，文章未上传）</dd></div>
<div><dt>检查范围</dt><dd>{n} 篇文章{unreadable_note}</dd></div>
</dl>
</header>
"#,
        version = esc(data.version),
        generated = esc(&data.generated),
        n = data.articles.len(),
        unreadable_note = if data.unreadable.is_empty() {
            String::new()
        } else {
            format!("，另有 {} 个文件无法读取", data.unreadable.len())
        },
    );

    // Table of contents (screen only).
    let _ = writeln!(
        h,
        r##"<nav class="toc" aria-label="目录"><a href="#summary">检查概况</a><a href="#cadence">发布情况</a><a href="#feedback">阅读与互动</a><a href="#by-rule">问题分类</a><a href="#articles">文章一览</a>{}<a href="#details">逐篇结果</a></nav>"##,
        if data.unreadable.is_empty() { "" } else { r##"<a href="#unreadable">无法读取的文件</a>"## }
    );

    // 一、检查概况
    let by_status = |s: Option<Severity>| data.articles.iter().filter(|a| worst(a) == s).count();
    let articles_with = |s: Severity| data.articles.iter().filter(|a| a.count(s) > 0).count();
    let _ = write!(h, "<section id=\"summary\">\n<h2>{}、检查概况</h2>\n", next_heading());
    let (blocked, review) = (by_status(Some(Severity::Block)), by_status(Some(Severity::Review)));
    let clean = by_status(None);
    let (verdict_cls, verdict) = if data.articles.is_empty() {
        ("review", "没有可以检查的文章：所有文件都无法读取，见下文“无法读取的文件”。".to_string())
    } else if blocked > 0 {
        ("block", format!("{blocked} 篇文章有“必须修改”的问题，须逐条核实并修改（已发布的应及时更正或删除）。"))
    } else if review > 0 {
        ("review", format!("未发现必须修改的问题；{review} 篇文章涉及需领导审核的内容，请确认已履行审核程序。"))
    } else if clean == data.articles.len() {
        ("ok", "全部文章未发现问题。".to_string())
    } else {
        ("ok", "未发现必须修改或需领导审核的问题，另有建议修改项和提示，请酌情处理。".to_string())
    };
    let _ = writeln!(h, r#"<p class="verdict v-{verdict_cls}"><strong>结论：</strong>{}</p>"#, esc(&verdict));
    let _ = writeln!(h, r#"<div class="cards">"#);
    let _ = writeln!(
        h,
        r#"<div class="card"><span class="label">检查文章</span><span class="big" id="n-articles">{}</span><span class="unit">篇 · 未发现问题 {clean} 篇</span></div>"#,
        data.articles.len()
    );
    for s in Severity::ALL {
        let n = data.count(s);
        let _ = writeln!(
            h,
            r#"<div class="card c-{cls}{zero}"><span class="label">{label}</span><span class="big" id="n-{cls}">{n}</span><span class="unit">处 · 涉及 {a} 篇</span></div>"#,
            cls = class(s),
            zero = if n == 0 { " zero" } else { "" },
            label = s.label_zh(),
            a = articles_with(s),
        );
    }
    if !data.unreadable.is_empty() {
        let _ = writeln!(
            h,
            r##"<div class="card c-unreadable"><span class="label"><a href="#unreadable">无法读取</a></span><span class="big" id="n-unreadable">{}</span><span class="unit">个文件</span></div>"##,
            data.unreadable.len()
        );
    }
    let _ = writeln!(h, "</div>");
    summary_html(&mut h, &data.health);
    let _ = writeln!(h, r#"<h3 class="sub">检查配置</h3>
<table class="config"><tbody>"#);
    for (label, value) in &data.config {
        let _ = writeln!(h, "<tr><th scope=\"row\">{}</th><td>{}</td></tr>", esc(label), esc(value));
    }
    let _ = writeln!(
        h,
        r#"</tbody></table>
<p class="legend">级别说明：<span class="badge b-block">必须修改</span>发布前必须改正；<span class="badge b-review">需领导审核</span>报分管领导审核同意后发布；<span class="badge b-warn">建议修改</span>应当改正；<span class="badge b-info">提示</span>供参考。</p>
</section>"#
    );

    // 二、发布情况；三、阅读与互动
    cadence_section(&mut h, next_heading(), &data.health, &data.articles);
    feedback_section(&mut h, next_heading(), &data.health);

    // 四、问题分类统计
    let _ = write!(h, "<section id=\"by-rule\">\n<h2>{}、问题分类统计</h2>\n", next_heading());
    struct RuleRow {
        id: String,
        order: usize,
        counts: [usize; 4],
        articles: usize,
    }
    let order: HashMap<&str, usize> = all_meta().iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let mut rows: Vec<RuleRow> = Vec::new();
    for a in &data.articles {
        let mut seen: Vec<&str> = Vec::new();
        for f in &a.findings {
            let i = match rows.iter().position(|r| r.id == f.rule) {
                Some(i) => i,
                None => {
                    let order = order.get(f.rule.as_str()).copied().unwrap_or(usize::MAX);
                    rows.push(RuleRow { id: f.rule.clone(), order, counts: [0; 4], articles: 0 });
                    rows.len() - 1
                }
            };
            rows[i].counts[sev_index(f.severity)] += 1;
            if !seen.contains(&f.rule.as_str()) {
                seen.push(&f.rule);
                rows[i].articles += 1;
            }
        }
    }
    rows.sort_by_key(|r| (std::cmp::Reverse(r.counts.iter().sum::<usize>()), r.order));
    if rows.is_empty() {
        let _ = writeln!(h, r#"<p class="clean">✓ 所有文章均未发现问题。</p>"#);
    } else {
        let _ = writeln!(
            h,
            r#"<table class="grid rules"><thead><tr><th scope="col">规则</th>{}<th scope="col" class="num">合计</th><th scope="col" class="num">涉及文章</th></tr></thead><tbody>"#,
            severity_headers()
        );
        for r in &rows {
            let _ = write!(
                h,
                r#"<tr id="rule-{id}" data-block="{}" data-review="{}" data-warn="{}" data-info="{}"><th scope="row">{name}<code>{id}</code></th>"#,
                r.counts[0],
                r.counts[1],
                r.counts[2],
                r.counts[3],
                id = esc(&r.id),
                name = esc(&rule_name(&r.id)),
            );
            for (i, s) in Severity::ALL.iter().enumerate() {
                let _ = write!(h, "{}", count_cell(r.counts[i], *s));
            }
            let _ = writeln!(h, r#"<td class="num total">{}</td><td class="num">{}</td></tr>"#, r.counts.iter().sum::<usize>(), r.articles);
        }
        let totals = Severity::ALL.map(|s| data.count(s));
        let _ = write!(h, r#"</tbody><tfoot><tr><th scope="row">合计</th>"#);
        for (i, s) in Severity::ALL.iter().enumerate() {
            let _ = write!(h, "{}", count_cell(totals[i], *s));
        }
        let with_any = data.articles.iter().filter(|a| !a.findings.is_empty()).count();
        let _ = writeln!(
            h,
            r#"<td class="num total">{}</td><td class="num">{with_any}</td></tr></tfoot></table>"#,
            totals.iter().sum::<usize>()
        );
    }
    let _ = writeln!(h, "</section>");

    // 五、文章一览
    let _ = write!(
        h,
        "<section id=\"articles\">\n<h2>{}、文章一览</h2>\n<p class=\"hint\">按问题轻重排列：必须修改的问题最多的在前，其次是需领导审核、建议修改。点击标题查看逐条结果。</p>\n",
        next_heading()
    );
    if data.articles.is_empty() {
        let _ = writeln!(h, r#"<p class="hint">（无）</p>"#);
    } else {
        let _ = writeln!(
            h,
            r#"<table class="grid list"><thead><tr><th scope="col" class="num">序号</th><th scope="col">文章</th>{}<th scope="col">结论</th></tr></thead><tbody>"#,
            severity_headers()
        );
        for (i, a) in data.articles.iter().enumerate() {
            let counts = Severity::ALL.map(|s| a.count(s));
            let v = worst(a);
            let _ = write!(
                h,
                r##"<tr data-path="{path}" data-date="{date}" data-block="{}" data-review="{}" data-warn="{}" data-info="{}"><td class="num">{n}</td><td class="title-cell"><a href="#article-{n}">{title}</a><span class="pub">{published}</span><span class="path">{path}</span></td>"##,
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                n = i + 1,
                path = esc(&a.doc.path),
                title = esc(&shown_title(&a.doc.article.title)),
                date = a.published.date.as_ref().map_or(String::new(), |d| d.date.to_string()),
                published = esc(&published_line(a, data.health.accounts[i].as_deref())),
            );
            for (k, s) in Severity::ALL.iter().enumerate() {
                let _ = write!(h, "{}", count_cell(counts[k], *s));
            }
            let _ = writeln!(h, r#"<td><span class="status s-{}">{}</span></td></tr>"#, verdict_class(v), verdict_label(v));
        }
        let _ = writeln!(h, "</tbody></table>");
    }
    let _ = writeln!(h, "</section>");

    // 六、无法读取的文件
    if !data.unreadable.is_empty() {
        let _ = write!(
            h,
            "<section id=\"unreadable\">\n<h2>{}、无法读取的文件</h2>\n<p class=\"hint\">以下文件没有检查。请处理后重新生成报告。</p>\n",
            next_heading()
        );
        let _ = writeln!(h, r#"<table class="grid unreadable"><thead><tr><th scope="col" class="num">序号</th><th scope="col">文件</th><th scope="col">原因</th></tr></thead><tbody>"#);
        for (i, u) in data.unreadable.iter().enumerate() {
            let _ = writeln!(
                h,
                r#"<tr><td class="num">{}</td><td><code class="path">{}</code></td><td>{}</td></tr>"#,
                i + 1,
                esc(&u.path),
                esc(&u.reason)
            );
        }
        let _ = writeln!(h, "</tbody></table>\n</section>");
    }

    // 七、逐篇检查结果
    let _ = write!(h, "<section id=\"details\">\n<h2>{}、逐篇检查结果</h2>\n", next_heading());
    if data.articles.is_empty() {
        let _ = writeln!(h, r#"<p class="hint">（无）</p>"#);
    }
    // The bulk of a large report: written on every core, joined in order.
    let sections = map_ordered(
        data.articles.len(),
        |i| {
            let mut s = String::with_capacity(2048);
            article_section(&mut s, i + 1, &data.articles[i], data.health.accounts[i].as_deref(), &rule_name);
            s
        },
        |_| {},
    );
    h.reserve(sections.iter().map(String::len).sum());
    for s in sections {
        h.push_str(&s);
    }
    let _ = writeln!(h, "</section>");

    let _ = writeln!(
        h,
        r#"<section class="signoff" aria-label="签字">
<div><span>自查人（签字）：</span><i></i></div>
<div><span>审核人（签字）：</span><i></i></div>
<div><span>日期：</span><i></i></div>
</section>
<footer class="foot">本报告由 wxlint {} 根据保存的文章文件自动生成，检查结果供自查参考，不代替人工审核。</footer>
</main>
</body>
</html>"#,
        esc(data.version)
    );
    h
}

fn sev_index(s: Severity) -> usize {
    Severity::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

fn severity_headers() -> String {
    Severity::ALL
        .iter()
        .map(|s| format!(r#"<th scope="col" class="num h-{}">{}</th>"#, class(*s), s.label_zh()))
        .collect()
}

fn count_cell(n: usize, s: Severity) -> String {
    if n == 0 {
        r#"<td class="num zero">0</td>"#.to_string()
    } else {
        format!(r#"<td class="num t-{}">{n}</td>"#, class(s))
    }
}

fn shown_title(title: &str) -> String {
    let t = title.trim();
    if t.is_empty() {
        "（无标题）".to_string()
    } else {
        format!("《{t}》")
    }
}

/// `2026年3月5日发布 · 阳光小学`, or what is missing.
fn published_line(a: &Checked, account: Option<&str>) -> String {
    let date = a.published.date.as_ref().map_or_else(|| "未找到发布日期".to_string(), |d| format!("{}发布", d.date.zh()));
    match account {
        Some(name) => format!("{date} · {name}"),
        None => date,
    }
}

fn article_section(h: &mut String, n: usize, a: &Checked, account: Option<&str>, rule_name: &dyn Fn(&str) -> String) {
    let doc = &a.doc;
    let article = &doc.article;
    let v = worst(a);
    let (chars, images) = (a.size.chars, a.size.images);
    let author = article.author.trim();
    let problems: Vec<String> =
        Severity::ALL.iter().filter(|s| a.count(**s) > 0).map(|s| format!("{} {}", s.label_zh(), a.count(*s))).collect();
    let _ = writeln!(
        h,
        r#"<article class="article" id="article-{n}">
<h3><span class="idx">{n}</span><span class="atitle">{title}</span><span class="status s-{vc}">{vl}</span></h3>
<dl class="facts">
<div class="wide"><dt>文件</dt><dd><code class="path">{path}</code></dd></div>
<div class="wide"><dt>发布</dt><dd>{published}</dd></div>
<div><dt>作者</dt><dd>{author}</dd></div>
<div><dt>正文字数</dt><dd>{chars} 字</dd></div>
<div><dt>图片</dt><dd>{images} 张</dd></div>
<div><dt>问题</dt><dd>{problems}</dd></div>
</dl>"#,
        title = esc(&shown_title(&article.title)),
        vc = verdict_class(v),
        vl = verdict_label(v),
        path = esc(&doc.path),
        published = esc(&match &a.published.date {
            Some(d) => format!("{}（{}，{}）{}", d.date.zh(), d.date.weekday_zh(), d.source, account.map(|x| format!(" · {x}")).unwrap_or_default()),
            None => format!("未找到发布日期{}", account.map(|x| format!(" · {x}")).unwrap_or_default()),
        }),
        author = if author.is_empty() { "（未填写）".to_string() } else { esc(author) },
        problems = if problems.is_empty() { "无".to_string() } else { problems.join("，") },
    );
    if doc.simplified {
        // The Chinese half of the warning (the report is in Chinese).
        let zh = wxlint::extract::SIMPLIFIED_WARNING.split(" / ").next().unwrap_or_default();
        let _ = writeln!(h, r#"<p class="simplified" role="note"><strong>注意</strong>{}</p>"#, esc(zh));
    }
    if a.findings.is_empty() {
        let _ = writeln!(h, r#"<p class="clean">✓ 未发现问题</p>"#);
    } else {
        let _ = writeln!(
            h,
            r#"<table class="grid findings"><colgroup><col class="w-n"><col class="w-sev"><col class="w-rule"><col class="w-loc"><col></colgroup><thead><tr><th scope="col" class="num">#</th><th scope="col">级别</th><th scope="col">规则</th><th scope="col">位置</th><th scope="col">原文与说明</th></tr></thead><tbody>"#
        );
        // Lines are only needed where the reader knew them (Markdown, text; not HTML).
        let source_lines: Vec<&str> = if doc.block_lines.iter().any(Option::is_some) { doc.source.lines().collect() } else { Vec::new() };
        let mut pos = Positions::default();
        for (k, f) in a.findings.iter().enumerate() {
            let line = match locate_in(f, article, &doc.block_lines, &source_lines, &mut pos) {
                Location::Line(l, _) => format!("<small>第 {l} 行</small>"),
                _ => String::new(),
            };
            let _ = writeln!(
                h,
                r#"<tr class="r-{cls}"><td class="num">{k}</td><td><span class="badge b-{cls}">{label}</span></td><td class="rule">{rule}<code>{id}</code></td><td class="loc">{loc}{line}</td><td class="what">{ctx}<p class="msg">{msg}</p>{sug}</td></tr>"#,
                k = k + 1,
                cls = class(f.severity),
                label = f.severity.label_zh(),
                rule = esc(&rule_name(&f.rule)),
                id = esc(&f.rule),
                loc = esc(&describe(f, article)),
                ctx = context_html(article, f, &mut pos),
                msg = esc(&f.message),
                sug = f.suggestion.as_deref().map_or(String::new(), |s| format!(
                    r#"<p class="sug"><span>建议</span>{}</p>"#,
                    esc(s)
                )),
            );
        }
        let _ = writeln!(h, "</tbody></table>");
    }
    let _ = writeln!(h, r##"<p class="back"><a href="#articles">↑ 返回文章一览</a></p>
</article>"##);
}

/// The excerpt of a finding with the match in `<mark>`, or what stands for it.
fn context_html(article: &wxlint::Article, f: &Finding, pos: &mut Positions) -> String {
    match context_in(article, f, CONTEXT_CHARS, pos) {
        Context::Excerpt(e) if e.matched.is_empty() => {
            format!(r#"<p class="ctx">{}<span class="caret" title="位置">‸</span>{}</p>"#, esc(&e.before), esc(&e.after))
        }
        Context::Excerpt(e) => format!(
            r#"<p class="ctx">{}<mark class="m-{}">{}</mark>{}</p>"#,
            esc(&e.before),
            class(f.severity),
            esc(&e.matched),
            esc(&e.after)
        ),
        Context::Image(src) => format!(r#"<p class="ctx img"><span class="tag">图片</span><code>{}</code></p>"#, esc(&src)),
        Context::Empty if f.field == Field::Body => r#"<p class="ctx empty">（空）</p>"#.to_string(),
        Context::Empty => format!(r#"<p class="ctx empty">（{}为空）</p>"#, f.field.label_zh()),
    }
}

const CSS: &str = r#"
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--line2:#d1d5db;--head:#f8fafc;--accent:#b91c1c;
--block:#b91c1c;--block-bg:#fef2f2;--block-mark:#fecaca;--review:#7e22ce;--review-bg:#faf5ff;--review-mark:#e9d5ff;
--warn:#b45309;--warn-bg:#fffbeb;--warn-mark:#fde68a;--info:#1d4ed8;--info-bg:#eff6ff;--info-mark:#bfdbfe;--ok:#15803d;--ok-bg:#f0fdf4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:var(--ink);font:14px/1.7 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif}
.page{max-width:1060px;margin:28px auto;background:#fff;padding:44px 52px 36px;border-radius:6px;box-shadow:0 1px 3px rgba(15,23,42,.08),0 8px 24px rgba(15,23,42,.06)}
a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
code{font-family:"SFMono-Regular",Consolas,"Liberation Mono",Menlo,monospace;font-size:.86em}
.masthead{text-align:center;border-bottom:3px double var(--accent);padding-bottom:18px;margin-bottom:8px}
h1{margin:0 0 14px;font-size:28px;letter-spacing:.12em;font-weight:700}
.doc-meta{display:flex;flex-wrap:wrap;justify-content:center;gap:4px 28px;margin:0;font-size:13px;color:var(--muted)}
.doc-meta div{display:flex;gap:6px}.doc-meta dt{font-weight:600;color:#374151}.doc-meta dd{margin:0}
.toc{display:flex;flex-wrap:wrap;gap:6px 18px;justify-content:center;font-size:13px;padding:10px 0 2px}
h2{font-size:19px;margin:34px 0 12px;padding-left:10px;border-left:4px solid var(--accent);line-height:1.3}
h3.sub{font-size:15px;margin:22px 0 8px}
.hint{color:var(--muted);font-size:13px;margin:-4px 0 10px}
.simplified{border-left:4px solid #92400e;background:#fffbeb;color:#78350f;padding:6px 10px;margin:8px 0;font-size:13px}.simplified strong{margin-right:6px}
.verdict{margin:0 0 16px;padding:10px 14px;border-radius:4px;border:1px solid}
.v-block{background:var(--block-bg);border-color:#fecaca;color:#7f1d1d}.v-review{background:var(--review-bg);border-color:#e9d5ff;color:#581c87}.v-ok{background:var(--ok-bg);border-color:#bbf7d0;color:#14532d}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px}
.card{border:1px solid var(--line);border-top:4px solid #475569;border-radius:4px;padding:8px 12px;background:#fff;display:flex;flex-direction:column}
.card .label{font-size:13px;color:#374151;font-weight:600}.card .big{font-size:30px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}.card .unit{font-size:12px;color:var(--muted)}
.c-block{border-top-color:var(--block)}.c-block .big{color:var(--block)}.c-review{border-top-color:var(--review)}.c-review .big{color:var(--review)}
.c-warn{border-top-color:var(--warn)}.c-warn .big{color:var(--warn)}.c-info{border-top-color:var(--info)}.c-info .big{color:var(--info)}
.card.zero .big{color:#9ca3af}.c-unreadable{border-top-color:#6b7280}
table{border-collapse:collapse;width:100%}
.config{font-size:13px}.config th{width:7.5em;text-align:left;font-weight:600;color:#374151;vertical-align:top;padding:4px 10px 4px 0;white-space:nowrap}.config td{padding:4px 0;border-bottom:1px dashed var(--line);word-break:break-all}
.legend{font-size:12.5px;color:var(--muted);margin:12px 0 0}.legend .badge{margin:0 4px 0 8px}
.grid{font-size:13px;margin-top:6px}
.grid th,.grid td{border:1px solid var(--line2);padding:6px 8px;vertical-align:top;text-align:left}
.grid thead th{background:var(--head);font-weight:600;white-space:nowrap}
.grid tfoot th,.grid tfoot td{background:var(--head);font-weight:700}
.grid .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.grid td.zero{color:#c0c4cc}.t-block{color:var(--block);font-weight:700}.t-review{color:var(--review);font-weight:700}.t-warn{color:var(--warn);font-weight:700}.t-info{color:var(--info);font-weight:700}
.h-block{color:var(--block)}.h-review{color:var(--review)}.h-warn{color:var(--warn)}.h-info{color:var(--info)}
.rules tbody th{font-weight:600}.rules code,.findings .rule code{display:block;color:var(--muted);font-weight:400;font-size:11px}
.total{font-weight:700}
.title-cell a{font-weight:600;color:var(--ink)}.title-cell a:hover{color:#1d4ed8}
.pub{display:block;color:#374151;font-size:12px}
.path{display:block;color:var(--muted);font-size:12px;word-break:break-all;font-family:"SFMono-Regular",Consolas,"Liberation Mono",Menlo,monospace}
code.path{display:inline;font-size:12px}
.status{display:inline-block;font-size:12px;padding:0 8px;border-radius:10px;border:1px solid;white-space:nowrap;line-height:1.7}
.s-block{color:var(--block);background:var(--block-bg);border-color:#fca5a5}.s-review{color:var(--review);background:var(--review-bg);border-color:#d8b4fe}
.s-warn{color:var(--warn);background:var(--warn-bg);border-color:#fcd34d}.s-info{color:var(--info);background:var(--info-bg);border-color:#93c5fd}.s-ok{color:var(--ok);background:var(--ok-bg);border-color:#86efac}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:1px 7px;border-radius:3px;color:#fff;white-space:nowrap;line-height:1.6}
.b-block{background:var(--block)}.b-review{background:var(--review)}.b-warn{background:#d97706}.b-info{background:var(--info)}
.unreadable td:last-child{color:#7f1d1d}
.article{margin:22px 0 0;padding-top:16px;border-top:1px solid var(--line)}
.article h3{display:flex;align-items:baseline;gap:10px;margin:0 0 8px;font-size:16.5px;line-height:1.45}
.article .idx{flex:none;min-width:26px;height:26px;padding:0 6px;border-radius:13px;background:#334155;color:#fff;font-size:13px;text-align:center;line-height:26px;align-self:center}
.article .atitle{flex:1;word-break:break-word}.article h3 .status{align-self:center;font-weight:400}
.facts{display:grid;grid-template-columns:repeat(4,auto);justify-content:start;gap:2px 26px;margin:0 0 10px;font-size:13px;color:#374151}
.facts div{display:flex;gap:6px}.facts .wide{grid-column:1/-1}.facts dt{color:var(--muted)}.facts dd{margin:0}
.findings{table-layout:fixed}.findings .w-n{width:40px}.findings .w-sev{width:98px}.findings .w-rule{width:150px}.findings .w-loc{width:128px}
.findings td{overflow-wrap:anywhere}.findings td.loc small{display:block;color:var(--muted)}
.findings tr.r-block td:first-child{box-shadow:inset 3px 0 var(--block)}.findings tr.r-review td:first-child{box-shadow:inset 3px 0 var(--review)}
.findings tr.r-warn td:first-child{box-shadow:inset 3px 0 #d97706}.findings tr.r-info td:first-child{box-shadow:inset 3px 0 var(--info)}
.ctx{margin:0 0 4px;padding:4px 8px;background:#f9fafb;border-radius:3px;border:1px solid #f0f1f3;word-break:break-all}
.ctx.empty{color:var(--muted)}.ctx .tag{font-size:11px;background:#e5e7eb;border-radius:2px;padding:0 4px;margin-right:6px;color:#374151}
mark{padding:0 1px;border-radius:2px;color:inherit;font-weight:600}
.m-block{background:var(--block-mark);box-shadow:inset 0 -2px var(--block)}.m-review{background:var(--review-mark);box-shadow:inset 0 -2px var(--review)}
.m-warn{background:var(--warn-mark);box-shadow:inset 0 -2px #d97706}.m-info{background:var(--info-mark);box-shadow:inset 0 -2px var(--info)}
.caret{color:var(--block);font-weight:700}
.msg{margin:0}.sug{margin:2px 0 0;color:#14532d}.sug span{font-size:11.5px;font-weight:600;background:var(--ok-bg);border:1px solid #bbf7d0;border-radius:2px;padding:0 4px;margin-right:6px}
.clean{color:var(--ok);font-weight:600;margin:6px 0}
.back{text-align:right;font-size:12.5px;margin:6px 0 0}
.signoff{display:flex;flex-wrap:wrap;gap:14px 36px;margin:40px 0 0;padding-top:18px;border-top:1px solid var(--line);font-size:14px}
.signoff div{display:flex;align-items:flex-end;gap:4px}.signoff i{display:inline-block;width:150px;border-bottom:1px solid #374151;height:1.4em}
.foot{margin-top:26px;color:var(--muted);font-size:12px;text-align:center}
@media (max-width:720px){.page{margin:0;padding:22px 16px;border-radius:0}.facts{grid-template-columns:1fr 1fr}.findings .w-rule{width:110px}.findings .w-loc{width:96px}}
@page{size:A4;margin:16mm 14mm 16mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;font-size:10pt;line-height:1.55}
.page{max-width:none;margin:0;padding:0;box-shadow:none;border-radius:0}
.toc,.back{display:none}
a{color:inherit}
h2{margin-top:22px}
h2,h3,.article h3{break-after:avoid}
.cards,.verdict,.facts,tr,.signoff{break-inside:avoid}
thead{display:table-header-group}
#details{break-before:page}
.article{break-inside:auto}
.grid{font-size:9pt}
h1{font-size:20pt}
.cards{grid-template-columns:repeat(auto-fit,minmax(90px,1fr));gap:6px}.card{padding:4px 8px}.card .big{font-size:20pt}
.findings .w-sev{width:84px}.findings .w-rule{width:118px}.findings .w-loc{width:100px}
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(esc(r#"<script>alert("x")</script> & 'y'"#), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
        assert_eq!(esc("a\u{0}b\u{7f}c\n"), "a b c\n");
    }
}
