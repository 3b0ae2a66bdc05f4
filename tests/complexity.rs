//! Time proportional to input size, for every input shape that once grew faster (issue 12).
//!
//! Each case builds its input at a size `n` large enough to take a measurable time (doubling
//! from a start size until one run takes at least [`MIN_MS`]), then at `4 n`, and asserts that
//! the time grows by at most [`MAX_RATIO`] (linear work gives 4; quadratic work 16). The
//! assertion is on a ratio of times measured in the same run, never on an absolute time. Each
//! time is the best of [`RUNS`] runs, which filters out the noise of a shared machine, less the
//! time of an empty input.
//!
//! Run: `cargo test --test complexity -- --nocapture` (prints every figure). The sizes reached
//! are small in debug builds; `cargo test --profile bench --test complexity` measures larger.

#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};
use wxlint::extract::{extract, Format};
use wxlint::{Article, Checker, Config};

/// The smallest time of one run at size `n`.
const MIN_MS: f64 = 40.0;
/// The size factor between the two measurements.
const FACTOR: usize = 4;
/// The largest accepted time ratio for a `FACTOR` times larger input (linear: 4, n log n a
/// little more, quadratic 16).
const MAX_RATIO: f64 = 8.0;
const RUNS: usize = 3;

fn best_of<T>(input: &T, run: &impl Fn(&T)) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run(input);
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// Asserts that `run(make(n))` takes time linear in `n`. `start` is the first size tried,
/// `max` the largest (the case fails if even `max` is too fast to measure, which would mean
/// the sizes are wrong, not the code).
fn assert_linear<T>(name: &str, start: usize, max: usize, make: impl Fn(usize) -> T, run: impl Fn(&T)) {
    // One measurement at a time: the test harness runs tests on parallel threads.
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // The fixed cost (an empty input: for the CLI cases, starting the process) is taken off.
    let base = best_of(&make(0), &run);
    let net = |t: Duration| t.saturating_sub(base);
    let mut n = start;
    let (small, t_small) = loop {
        let input = make(n);
        let t = net(best_of(&input, &run));
        if t.as_secs_f64() * 1000.0 >= MIN_MS || n * 2 > max {
            break (n, t);
        }
        n *= 2;
    };
    assert!(t_small.as_secs_f64() * 1000.0 >= MIN_MS / 4.0, "{name}: too fast to measure even at n={small}");
    let (small_input, large_input) = (make(small), make(small * FACTOR));
    let mut t_small = t_small;
    let mut ratios = Vec::new();
    // On a shared machine one measurement can be disturbed; a ratio over the bound is measured
    // again (up to ATTEMPTS times in all). Quadratic work stays near 16 every time.
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            t_small = net(best_of(&small_input, &run));
        }
        let t_large = net(best_of(&large_input, &run));
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        eprintln!(
            "complexity {name}: n={small} {:.1} ms, n={} {:.1} ms, ratio {ratio:.2} (size ratio {FACTOR}, bound {MAX_RATIO})",
            t_small.as_secs_f64() * 1000.0,
            small * FACTOR,
            t_large.as_secs_f64() * 1000.0
        );
        ratios.push(ratio);
        if ratio <= MAX_RATIO {
            return;
        }
    }
    panic!("{name}: {FACTOR}× the input took {ratios:.1?}× the time in {ATTEMPTS} attempts (n={small})");
}

/// Measurements of a ratio over the bound before the case fails.
const ATTEMPTS: usize = 3;

fn checker() -> Checker {
    Checker::new(Config::default()).unwrap()
}

fn html(content: &str) {
    let e = extract(content, Format::Html);
    std::hint::black_box(e);
}

fn html_and_check(checker: &Checker, content: &str) {
    let e = extract(content, Format::Html);
    std::hint::black_box(checker.check(&e.article));
}

#[test]
fn html_list_and_definition_items() {
    // `<li><dd>` both slip past a nesting guard that only counts containers.
    assert_linear("html <li><dd>x", 1000, 1 << 22, |n| "<li><dd>x".repeat(n), |s| html(s));
}

#[test]
fn markdown_html_block_list_and_definition_items() {
    assert_linear("markdown <li><dd>x", 1000, 1 << 22, |n| format!("# 题\n\n<div>\n{}\n</div>\n", "<li><dd>x".repeat(n)), |s| {
        std::hint::black_box(extract(s, Format::Markdown));
    });
}

#[test]
fn html_misnested_formatting_elements() {
    // The tree builder reopens every unclosed `<b>` in each `<div>`.
    assert_linear("html <div><b id=N></div>", 200, 1 << 20, |n| (0..n).map(|i| format!("<div><b id={i}></div>")).collect::<String>(), |s| html(s));
}

#[test]
fn html_distinct_tags_past_the_depth_guard() {
    assert_linear("html distinct tags", 1000, 1 << 21, |n| (0..n).map(|i| format!("<t{i}>")).collect::<String>() + "x", |s| html(s));
}

#[test]
fn html_many_coloured_spans_in_one_paragraph() {
    let c = checker();
    assert_linear(
        "html coloured spans",
        1000,
        1 << 21,
        |n| format!("<p>{}</p>", (0..n).map(|i| format!(r#"<span style="color:#{:06x}">字</span>"#, i % 0xffffff)).collect::<String>()),
        |s| html_and_check(&c, s),
    );
}

#[test]
fn html_many_attributes_on_one_element() {
    assert_linear("html attributes", 1000, 1 << 22, |n| format!("<p {}>x</p>", (0..n).map(|i| format!("a{i}=1 ")).collect::<String>()), |s| html(s));
}

#[test]
fn html_nested_figures_around_a_long_caption() {
    let c = checker();
    assert_linear(
        "html nested figures",
        100,
        1 << 18,
        |n| format!("{}<img src=a.png><figcaption>{}</figcaption>{}", "<figure>".repeat(n), "图".repeat(n * 20), "</figure>".repeat(n)),
        |s| html_and_check(&c, s),
    );
}

#[test]
fn html_figures_nested_in_each_others_captions() {
    // Each figure holds an image and a caption that holds the next figure: n levels around a
    // caption growing with n. Reading every figure's caption cost depth × size (quadratic
    // here); only the outermost, which the walk reaches, is read now. Depth stays under the
    // nesting guard's limit (2 levels per figure), so nothing is flattened.
    let c = checker();
    assert_linear(
        "html figures nested in captions",
        8,
        60,
        |n| {
            let open = "<figure><img src=a.png><figcaption>".repeat(n);
            let close = "</figcaption></figure>".repeat(n);
            format!("{open}{}{close}", "图".repeat(n * 2000))
        },
        |s| html_and_check(&c, s),
    );
}

#[test]
fn html_many_images_under_one_long_caption() {
    let c = checker();
    assert_linear(
        "html images under a long caption",
        100,
        1 << 16,
        |n| format!("<figure><figcaption>{}</figcaption>{}</figure>", "图".repeat(n * 10), "<img src=a.png>".repeat(n)),
        |s| html_and_check(&c, s),
    );
}

fn paragraph_check(c: &Checker, text: &str) {
    std::hint::black_box(c.check(&Article::from_paragraphs("标题", [text])));
}

#[test]
fn placeholder_rule_on_ascii_punctuation() {
    let c = checker();
    for (name, unit) in [("x:", "x:"), ("(x)", "(x)"), ("[x]", "[x]")] {
        assert_linear(&format!("placeholder {name}"), 1000, 1 << 22, |n| unit.repeat(n), |s| paragraph_check(&c, s));
    }
    assert_linear("placeholder x!!!…", 1000, 1 << 22, |n| format!("x{}", "!".repeat(n)), |s| paragraph_check(&c, s));
}

#[test]
fn banned_term_inside_an_allowed_phrase_repeated() {
    let c = checker();
    assert_linear("allowed phrase 路口交通", 1000, 1 << 22, |n| "路口交通".repeat(n), |s| paragraph_check(&c, s));
}

#[test]
fn many_findings_in_one_long_paragraph() {
    let c = checker();
    assert_linear("many findings", 200, 1 << 20, |n| format!("{}xx镇", "网上赌场，".repeat(n)), |s| paragraph_check(&c, s));
}

#[test]
fn coined_compounds_in_one_long_paragraph() {
    // Every compound found, some inside allow-list matches (四白穴) and lexicon hits (舔穴),
    // others inside spam chains (成人视频在线观看…): each text is rescanned once for its
    // allow-list, never once per compound.
    let c = checker();
    assert_linear("coined compounds", 200, 1 << 18, |n| "蜜穴，按揉四白穴，舔穴，".repeat(n), |s| paragraph_check(&c, s));
    assert_linear("coined compounds in spam", 100, 1 << 16, |n| "成人视频在线观看蜜穴一区二区淫毛，".repeat(n), |s| paragraph_check(&c, s));
    // Many paragraphs, each with a compound and a lexicon hit: each paragraph's hits are found
    // once, not by a walk over the article's hits per paragraph, and each hit's spam chain by one
    // lookup, not a walk over every chain (all three did that: 4x the paragraphs took 11-15x
    // the time).
    assert_linear(
        "spam chains in many paragraphs",
        100,
        1 << 16,
        |n| Article::from_paragraphs("标题", vec!["成人视频在线观看一区二区蜜穴网上赌场，"; n]),
        |a| {
            std::hint::black_box(c.check(a));
        },
    );
    assert_linear(
        "coined compounds in many paragraphs",
        100,
        1 << 16,
        |n| Article::from_paragraphs("标题", vec!["蜜穴，网上赌场，"; n]),
        |a| {
            std::hint::black_box(c.check(a));
        },
    );
}

/// Runs the CLI on a file, discarding the output.
#[test]
fn near_pair_parts_in_a_long_clause() {
    // Many first parts of `A…B` pairs before each second part, with no clause boundary.
    let c = checker();
    assert_linear("near pairs 出售出售…枪", 1000, 1 << 20, |n| format!("{}气枪", "出售出售出售".repeat(n)), |s| paragraph_check(&c, s));
    assert_linear("near pairs 出售枪", 200, 1 << 18, |n| "出售气枪".repeat(n), |s| paragraph_check(&c, s));
}

fn cli(format: &str, path: &std::path::Path) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wxlint"))
        .args(["check", "--format", format])
        .arg(path)
        .output()
        .expect("run wxlint");
    assert!(out.status.code().is_some(), "wxlint was killed");
}

#[test]
fn text_sarif_and_json_output_with_many_findings_on_one_long_line() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "sarif", "json"] {
        let path = dir.path().join(format!("long-{format}.txt"));
        assert_linear(
            &format!("cli --format {format}"),
            500,
            1 << 16,
            |n| {
                // One line: findings every few characters, padding between them.
                std::fs::write(&path, format!("标题\n{}\n", format!("网上赌场{}", "好".repeat(50)).repeat(n))).unwrap();
                path.clone()
            },
            |p| cli(format, p),
        );
    }
}
