//! Scores rules `typo` and `official-wording` on a Chinese spelling-check test set, sentence
//! level, strictly: a sentence with errors is a true positive only when every wrong character
//! lies inside a finding and every finding covers a wrong character; any other flagged sentence
//! is a false positive. See scripts/typo-data/eval.sh, which fetches the sets and runs this.
//!
//!     cargo run --release --example csc-eval -- FILE [--format sighan|ecspell|plain] [--show N]
//!
//! Formats: `sighan` (wrong TAB right), `ecspell` (label TAB wrong TAB right), `plain` (one
//! error-free sentence a line; only false alarms are counted).
use wxlint::{Article, Checker, Config};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().expect("usage: csc-eval FILE [--format F] [--show N]");
    let format = args.iter().position(|a| a == "--format").map_or("sighan", |i| args[i + 1].as_str());
    let show: usize = args.iter().position(|a| a == "--show").map_or(0, |i| args[i + 1].parse().unwrap());
    let dump = args.iter().any(|a| a == "--dump");
    let text = std::fs::read_to_string(file).expect("readable file");
    let checker = Checker::new(Config::default()).unwrap();
    let (mut tp, mut fp, mut pos, mut neg, mut neg_flagged, mut chars) = (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut findings_total = 0usize;
    let mut shown = 0;
    let start = std::time::Instant::now();
    for line in text.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        let (wrong, right) = match format {
            "sighan" if parts.len() >= 2 => (parts[0], parts[1]),
            "ecspell" if parts.len() >= 3 => (parts[1], parts[2]),
            "plain" => (line, line),
            _ => continue,
        };
        let w: Vec<char> = wrong.chars().collect();
        let r: Vec<char> = right.chars().collect();
        if w.len() != r.len() {
            continue;
        }
        chars += w.len();
        let errors: Vec<usize> = (0..w.len()).filter(|&i| w[i] != r[i]).collect();
        let article = Article::from_paragraphs("", [wrong]);
        let units: Vec<u16> = wrong.encode_utf16().collect();
        // Findings as char ranges.
        let spans: Vec<(usize, usize, String, String)> = checker
            .check(&article)
            .into_iter()
            .filter(|f| f.rule == "typo" || f.rule == "official-wording")
            .map(|f| {
                let f = if dump { let mut f = f; f.text = format!("{}\t{}", f.text, f.message); f } else { f };
                let s = String::from_utf16(&units[..f.start]).unwrap().chars().count();
                let e = String::from_utf16(&units[..f.end]).unwrap().chars().count();
                (s, e, f.text.clone(), f.suggestion.clone().unwrap_or_default())
            })
            .collect();
        findings_total += spans.len();
        if dump {
            for (s, e, t, sug) in &spans {
                let good = errors.iter().any(|&i| *s <= i && i < *e && sug.chars().nth(i - s) == Some(r[i]));
                println!("F\t{}\t{t}\t{sug}\t{wrong}", good as u8);
            }
        }
        if errors.is_empty() {
            neg += 1;
        } else {
            pos += 1;
        }
        if spans.is_empty() {
            continue;
        }
        let ok = !errors.is_empty()
            && errors.iter().all(|&i| spans.iter().any(|&(s, e, _, _)| s <= i && i < e))
            && spans.iter().all(|&(s, e, _, _)| errors.iter().any(|&i| s <= i && i < e));
        if ok {
            tp += 1;
        } else {
            fp += 1;
            if errors.is_empty() {
                neg_flagged += 1;
            }
            if shown < show {
                shown += 1;
                let found: Vec<String> = spans.iter().map(|(_, _, t, s)| format!("{t}→{s}")).collect();
                println!("FP  {wrong}\n    want {right}\n    got  {}", found.join(", "));
            }
        }
    }
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if pos > 0 { tp as f64 / pos as f64 } else { 0.0 };
    println!(
        "{file}: {} sentences ({pos} with errors, {neg} without), {chars} chars, {findings_total} findings; flagged {} (TP {tp}, FP {fp}); precision {p:.3}, recall {r:.3}; error-free flagged {neg_flagged}/{neg} = {:.1}%; findings per 10,000 chars {:.2}; {:.1}s",
        pos + neg,
        tp + fp,
        if neg > 0 { 100.0 * neg_flagged as f64 / neg as f64 } else { 0.0 },
        findings_total as f64 * 10_000.0 / chars.max(1) as f64,
        start.elapsed().as_secs_f64()
    );
}
