//! Property tests of the offset invariant: every finding's `start..end`, counted in UTF-16 code
//! units of its field's original text, is exactly `finding.text`, whatever the text holds
//! (emoji, zero-width characters, full-width forms, traditional characters, line breaks).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use wxlint::{Article, Block, Checker, Config, Field, Finding, ImageBlock};

const LEXICON: &str = "@category gambling 赌博\n网上赌场\n赌博\n六合彩\nav女优\n@category pornography 色情\n口交\n@allow\n路口交通\n";

fn checker() -> &'static Checker {
    static CHECKER: std::sync::OnceLock<Checker> = std::sync::OnceLock::new();
    CHECKER.get_or_init(|| {
        let mut c = Checker::new(Config { builtin_lexicon: false, ..Config::default() }).unwrap();
        c.load_lexicon("prop", LEXICON, None).unwrap();
        c
    })
}

/// Characters chosen to hit terms, their evasions and every offset hazard.
fn hazard_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '网', '上', '赌', '場', '场', '賭', '博', '六', '⑥', '陆', '合', '彩', '口', '交', '路', '通', 'a', 'A', 'v', 'Ｖ',
        '女', '优', '優', '😀', '👨', '\u{200d}', '\u{200b}', '\u{feff}', '\u{fe0f}', ' ', '　', '*', '.', '，', '。', '\n',
        '１', 'x', '\u{0301}', '𝟔', '🇨', '🇳', '中', '文',
    ])
}

fn hazard_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hazard_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

fn utf16_slice(s: &str, start: usize, end: usize) -> Option<String> {
    let units: Vec<u16> = s.encode_utf16().collect();
    if start > end || end > units.len() {
        return None;
    }
    String::from_utf16(&units[start..end]).ok()
}

fn field_text<'a>(a: &'a Article, f: &Finding) -> &'a str {
    match f.field {
        Field::Title => &a.title,
        Field::Author => &a.author,
        Field::Digest => &a.digest,
        Field::Body => match &a.blocks[f.block.expect("body findings name a block")] {
            Block::Text(t) => &t.text,
            Block::Image(img) => img.caption.as_deref().unwrap_or(""),
        },
    }
}

fn assert_offsets(a: &Article, findings: &[Finding]) -> Result<(), TestCaseError> {
    for f in findings {
        let text = field_text(a, f);
        let slice = utf16_slice(text, f.start, f.end);
        prop_assert_eq!(slice.as_deref(), Some(f.text.as_str()), "finding {:?} in {:?}", f, text);
    }
    let keys: Vec<_> = findings.iter().map(|f| f.position_key()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    prop_assert_eq!(keys, sorted);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn offsets_slice_back_to_the_text(
        title in hazard_text(90),
        author in hazard_text(12),
        digest in hazard_text(130),
        body in prop::collection::vec(hazard_text(60), 0..5),
        caption in prop::option::of(hazard_text(20)),
    ) {
        let mut a = Article::from_paragraphs(&title, body);
        a.author = author;
        a.digest = digest;
        a.blocks.push(Block::Image(ImageBlock { caption, ..Default::default() }));
        let findings = checker().check(&a);
        assert_offsets(&a, &findings)?;
    }

    #[test]
    fn an_evaded_term_is_found_exactly(
        term in prop::sample::select(vec!["网上赌场", "六合彩", "赌博"]),
        seps in prop::collection::vec(prop::collection::vec(prop::sample::select(vec!['\u{200b}', ' ', '*', '😀', '.', '\u{feff}', '_']), 0..=3), 4),
        traditional in any::<bool>(),
        prefix in "[中文😀]{0,6}",
        suffix in "[中文😀]{0,6}",
    ) {
        let chars: Vec<char> = term.chars().collect();
        let mut evaded = String::new();
        for (i, c) in chars.iter().enumerate() {
            let c = match (*c, traditional) { ('赌', true) => '賭', ('场', true) => '場', ('六', true) => '陆', (c, _) => c };
            evaded.push(c);
            if i + 1 < chars.len() {
                evaded.extend(&seps[i]);
            }
        }
        let body = format!("{prefix}{evaded}{suffix}");
        let a = Article::from_paragraphs("标题", [body.clone()]);
        let findings: Vec<_> = checker().check(&a).into_iter().filter(|f| f.rule == "prohibited").collect();
        prop_assert_eq!(findings.len(), 1, "{:?} in {:?}", findings, body);
        prop_assert_eq!(&findings[0].text, &evaded);
        assert_offsets(&a, &findings)?;
    }
}

#[test]
fn default_checker_handles_a_huge_strange_document() {
    // 200k characters of mixed hazards in one block: must finish and keep the invariant.
    let mut s = String::new();
    for i in 0..50_000 {
        s.push_str(["网\u{200b}", "😀", "上賭", "場，"][i % 4]);
    }
    let title: String = s.chars().take(100).collect();
    let a = Article::from_paragraphs(&title, [s.clone()]);
    let findings = Checker::new(Config::default()).unwrap().check(&a);
    for f in &findings {
        assert_eq!(utf16_slice(field_text(&a, f), f.start, f.end).as_deref(), Some(f.text.as_str()));
    }
}
