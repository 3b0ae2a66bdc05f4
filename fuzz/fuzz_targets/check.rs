//! `check` on an article built from the input: the first line the title, the second the
//! author, the third the digest, every other line a paragraph (NUL splits a line into an
//! image caption). No panic, offsets slice back, time proportional to input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wxlint::{Block, ImageBlock, TextBlock};
include!("common.rs");

fuzz_target!(|data: &[u8]| {
    warm();
    let text = String::from_utf8_lossy(data);
    let mut lines = text.split('\n');
    let mut a = Article {
        title: lines.next().unwrap_or("").to_string(),
        author: lines.next().unwrap_or("").to_string(),
        digest: lines.next().unwrap_or("").to_string(),
        blocks: Vec::new(),
    };
    for line in lines {
        match line.split_once('\0') {
            Some((caption, _)) => a.blocks.push(Block::Image(ImageBlock {
                src: "a.png".into(),
                width: Some(line.len() as u32),
                height: Some(100),
                caption: Some(caption.to_string()),
                ..ImageBlock::default()
            })),
            None => a.blocks.push(Block::Text(TextBlock { text: line.to_string(), ..TextBlock::default() })),
        }
    }
    let start = Instant::now();
    let findings = check(&a);
    assert_offsets(&a, &findings);
    assert_time(start, data.len(), "check");
});
