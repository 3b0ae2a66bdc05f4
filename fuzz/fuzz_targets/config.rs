//! The configuration parser: any text either parses or fails with a short message; a
//! configuration that parses either builds a checker or fails with a short message.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    warm();
    let text = String::from_utf8_lossy(data);
    let start = Instant::now();
    match Config::from_json(&text) {
        Err(e) => assert!(e.0.chars().count() < 600, "a long message: {}", e.0.chars().count()),
        // Without the built-in lexicon: compiling it is the same ~300 ms of CPU for every
        // input (over the time budget of a short one) and exercises nothing of the parser.
        Ok(config) => match Checker::new(Config { builtin_lexicon: false, ..config }) {
            Err(e) => assert!(e.0.chars().count() < 1500, "a long message: {}", e.0.chars().count()),
            Ok(checker) => {
                let a = Article::from_paragraphs("标题", ["网上赌场 xx镇"]);
                let findings = checker.check(&a);
                assert_offsets(&a, &findings);
            }
        },
    }
    assert_time(start, data.len(), "config");
});
