//! The matcher choice: `daachorse` (charwise double-array Aho–Corasick) against `aho-corasick`
//! on the same normalised text, overlapping search as wxlint's matcher uses it, plus the
//! normaliser alone and wxlint's whole scan (normalise + match + filter).
//! Reproduce: `cargo bench --bench matcher`.

mod common;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use wxlint::lexicon::{parse, Matcher, ScanBuffers, DEFAULT_MAX_GAP};
use wxlint::normalize::{key_of, Normalized};

fn bench(c: &mut Criterion) {
    let terms = common::lexicon_terms(20_000, 1);
    let text = common::text(100_000, &terms, 2);
    let keys: Vec<String> = terms.iter().map(|t| key_of(t)).collect();
    let normalized = Normalized::new(&text).key_string();

    let daac = CharwiseDoubleArrayAhoCorasick::<u32>::new(&keys).unwrap();
    let ac_nfa = AhoCorasick::builder().kind(Some(AhoCorasickKind::ContiguousNFA)).match_kind(MatchKind::Standard).build(&keys).unwrap();
    let ac_dfa = AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).match_kind(MatchKind::Standard).build(&keys).unwrap();
    let ac_ll = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&keys).unwrap();
    let lex = parse("bench", &common::lexicon_file(&terms), None).unwrap();
    let matcher = Matcher::build(&[lex]).unwrap();

    let mut g = c.benchmark_group("matcher-100k-chars-20k-terms");
    g.throughput(Throughput::Elements(100_000));
    g.bench_function("daachorse-charwise-overlapping", |b| b.iter(|| daac.find_overlapping_iter(black_box(&normalized)).count()));
    g.bench_function("daachorse-charwise-stepper", |b| {
        b.iter(|| {
            let mut st = daac.find_overlapping_stepper();
            let mut n = 0;
            for ch in black_box(&normalized).chars() {
                st.consume(ch);
                n += st.matches().count();
            }
            n
        })
    });
    g.bench_function("aho-corasick-nfa-overlapping", |b| b.iter(|| ac_nfa.find_overlapping_iter(black_box(&normalized)).count()));
    g.bench_function("aho-corasick-dfa-overlapping", |b| b.iter(|| ac_dfa.find_overlapping_iter(black_box(&normalized)).count()));
    g.bench_function("aho-corasick-leftmost-longest", |b| b.iter(|| ac_ll.find_iter(black_box(&normalized)).count()));
    g.bench_function("wxlint-normalise-only", |b| {
        let mut n = Normalized::default();
        b.iter(|| {
            n.fill(black_box(&text));
            n.key.len()
        })
    });
    g.bench_function("wxlint-scan", |b| {
        let mut buf = ScanBuffers::default();
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            matcher.scan(black_box(&text), DEFAULT_MAX_GAP, &mut buf, &mut out);
            out.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
