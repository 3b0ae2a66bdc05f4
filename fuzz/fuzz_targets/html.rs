//! HTML extraction, then check: no panic, offsets slice back, time proportional to input.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    warm();
    let html = String::from_utf8_lossy(data);
    let start = Instant::now();
    let e = wxlint::extract::extract(&html, wxlint::extract::Format::Html);
    assert_eq!(e.block_lines.len(), e.article.blocks.len());
    let findings = check(&e.article);
    assert_offsets(&e.article, &findings);
    assert_time(start, data.len(), "html");
});
