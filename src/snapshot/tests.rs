use super::*;
use crate::lexicon::{builtin_base, ScanBuffers};

fn encoded<T>(value: &T, encode: fn(&T, &mut Writer)) -> Vec<u8> {
    let mut w = Writer::default();
    encode(value, &mut w);
    w.buf
}

/// Texts that exercise terms, allow-lists, near pairs and evasions of the built-in lexicon.
const TEXTS: &[&str] = &[
    "加微信进网上赌场，百家乐日赚千元，稳赚不赔",
    "出售健卫14步枪，另有自制简易炸弹教程",
    "我们要警钟常鸣，常抓不懈，深入推进扫黑险恶专项斗争",
    "体操比赛在人口爆炸的年代开始，水乳交融",
    "代 开 发 票，办假证，刻章，联系QQ 123456",
    "本届全国人民代表大会召开，最高人民法院工作报告",
    "各部门要按照“谁主管、谁负责”的原那么，严格落实责任。",
    "同学们积极参加志愿者活动，看望孤寡老人🙂\u{200b}，我们们很开心",
];

#[test]
fn the_lexicon_decodes_to_what_was_encoded_and_matches_the_same() {
    let built = builtin_base();
    let bytes = encoded(&*built, Base::encode);
    let mut r = Reader::new(&bytes, "lexicon");
    let restored = std::sync::Arc::new(Base::decode(&mut r).unwrap());
    assert!(r.is_done());
    assert_eq!(encoded(&*restored, Base::encode), bytes);
    let a = crate::lexicon::Matcher::with_base(Some(&built), &[]).unwrap();
    let b = crate::lexicon::Matcher::with_base(Some(&restored), &[]).unwrap();
    assert_eq!(a.entry_count(), b.entry_count());
    assert!(a.entries().eq(b.entries()));
    let (mut buf, mut ha, mut hb) = (ScanBuffers::default(), Vec::new(), Vec::new());
    let mut total = 0;
    for text in TEXTS {
        ha.clear();
        hb.clear();
        a.scan(text, crate::lexicon::DEFAULT_MAX_GAP, &mut buf, &mut ha);
        b.scan(text, crate::lexicon::DEFAULT_MAX_GAP, &mut buf, &mut hb);
        assert_eq!(ha, hb, "{text}");
        total += ha.len();
    }
    assert!(total >= 8, "the texts should hit the lexicon ({total} hits)");
}

#[test]
fn the_statistics_decode_to_what_was_encoded_and_detect_the_same() {
    let built = crate::wording::model();
    let bytes = encoded(built, Model::encode);
    let mut r = Reader::new(&bytes, "statistics");
    let restored = Model::decode(&mut r).unwrap();
    assert!(r.is_done());
    assert_eq!(encoded(&restored, Model::encode), bytes);
    for text in TEXTS {
        let chars: Vec<char> = text.chars().take(24).collect();
        assert_eq!(built.segment(&chars, None).to_bits(), restored.segment(&chars, None).to_bits(), "{text}");
        for w in chars.windows(2) {
            assert_eq!(built.word_lp(w), restored.word_lp(w));
            assert_eq!(built.fuzzy_syllable(w[0]), restored.fuzzy_syllable(w[0]));
            assert_eq!(built.shapes(w[0]), restored.shapes(w[0]));
            if let Some(syl) = built.fuzzy_syllable(w[1]) {
                assert_eq!(built.masked(w, 1, syl), restored.masked(w, 1, syl));
            }
        }
    }
}

#[test]
fn a_snapshot_of_this_build_is_accepted_and_leaves_built_parts_alone() {
    let bytes = save();
    assert_eq!(&bytes[..8], MAGIC);
    // This process built both parts to save them: nothing is installed, and no error.
    assert_eq!(restore(&bytes), Ok(Restored { lexicon: false, statistics: false }));
    assert_eq!(verify(&bytes), Ok(()));
    // Saving twice gives the same bytes.
    assert_eq!(save(), bytes);
}

#[test]
fn damaged_or_foreign_snapshots_are_refused_with_a_reason() {
    let bytes = save();
    let refused = |b: &[u8]| restore(b).expect_err("must be refused").0;
    assert!(refused(&[]).contains("not a wxlint snapshot"));
    assert!(refused(b"WXLINTSS").contains("not a wxlint snapshot"));
    let mut other = bytes.clone();
    other[12] ^= 1; // build id
    assert!(refused(&other).contains("another build"), "{}", refused(&other));
    let mut format = bytes.clone();
    format[8] = 9;
    assert!(refused(&format).contains("another build"));
    for at in [HEADER, HEADER + 1000, bytes.len() / 2, bytes.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x40;
        assert!(refused(&damaged).contains("damaged"), "byte {at}");
    }
    assert!(refused(&bytes[..bytes.len() - 1]).contains("damaged"));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(refused(&longer).contains("damaged"));
}

#[test]
fn inconsistent_parts_are_errors_not_panics() {
    // Parts with a correct framing but wrong content: every prefix, and tables cut short.
    let base = encoded(&*builtin_base(), Base::encode);
    for n in [0, 1, 4, 100, base.len() / 3, base.len() - 1] {
        assert!(decode_all(&base[..n], "lexicon", Base::decode).is_err(), "lexicon cut at {n}");
    }
    let model = encoded(crate::wording::model(), Model::encode);
    for n in [0, 3, 4, 100, model.len() / 2, model.len() - 1] {
        assert!(decode_all(&model[..n], "statistics", Model::decode).is_err(), "statistics cut at {n}");
    }
    let mut longer = model.clone();
    longer.push(1);
    assert!(decode_all(&longer, "statistics", Model::decode).err().expect("refused").0.contains("trailing"));
}

