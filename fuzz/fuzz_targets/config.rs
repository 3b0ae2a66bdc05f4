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
        Ok(config) => match Checker::new(config) {
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
