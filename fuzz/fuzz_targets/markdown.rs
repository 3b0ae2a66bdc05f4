//! Markdown (and plain text) extraction, then check.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    warm();
    let text = String::from_utf8_lossy(data);
    for format in [wxlint::extract::Format::Markdown, wxlint::extract::Format::Text] {
        let start = Instant::now();
        let e = wxlint::extract::extract(&text, format);
        assert_eq!(e.block_lines.len(), e.article.blocks.len());
        let findings = check(&e.article);
        assert_offsets(&e.article, &findings);
        assert_time(start, data.len(), "markdown");
    }
});
