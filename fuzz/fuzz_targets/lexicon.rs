//! The lexicon parser: any text either parses or fails with a line inside the text and a
//! short message; a list that parses loads into a checker, and its own terms are found.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    warm();
    let text = String::from_utf8_lossy(data);
    let start = Instant::now();
    match wxlint::lexicon::parse("fuzz", &text, Some("custom")) {
        Err(e) => {
            // A line number past the end would point nowhere (lines end at \n, \r\n or \r).
            let lines = text.split(['\n', '\r']).count();
            assert!(e.line <= lines, "line {} of {lines}", e.line);
            assert!(e.reason.chars().count() < 400, "a long message: {}", e.reason.chars().count());
        }
        Ok(lex) => {
            let mut checker = Checker::new(Config { builtin_lexicon: false, ..Config::default() }).unwrap();
            if checker.load_lexicon("fuzz", &text, Some("custom")).is_ok() {
                let a = Article::from_paragraphs("标题", lex.entries.iter().take(20).map(|e| e.term.to_string()));
                let findings = checker.check(&a);
                assert_offsets(&a, &findings);
            }
        }
    }
    assert_time(start, data.len(), "lexicon");
});
