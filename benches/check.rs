//! Full checks with all rules on: a 10,000-character article against a 20,000-entry lexicon
//! (plus the built-in one), and the cost of building that lexicon.
//! Reproduce: `cargo bench --bench check`.

mod common;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use wxlint::{Article, Block, Checker, Config, ImageBlock};

const LEXICON_SEED: u32 = 1;
const TEXT_SEED: u32 = 2;

/// A 10,000-character article: paragraphs of ~200 characters with an image every 10.
pub fn article(chars: usize, terms: &[String]) -> Article {
    let body = common::text(chars, terms, TEXT_SEED);
    let chars: Vec<char> = body.chars().collect();
    let mut a = Article::from_paragraphs("关于做好2026年寒假学生安全教育工作的通知", chars.chunks(200).map(|c| c.iter().collect::<String>()));
    a.author = "教务处".into();
    a.digest = chars[..54].iter().collect();
    for i in (0..a.blocks.len()).step_by(10).rev() {
        a.blocks.insert(i, Block::Image(ImageBlock { src: "x.png".into(), width: Some(1080), height: Some(720), ..Default::default() }));
    }
    a
}

fn bench(c: &mut Criterion) {
    let terms = common::lexicon_terms(20_000, LEXICON_SEED);
    let lexicon = common::lexicon_file(&terms);

    let mut g = c.benchmark_group("lexicon-build");
    g.sample_size(20);
    // The built-in lexicon (all rules' lists and the generated official-wording variants):
    // parsed, and compiled, as the first Checker of a process pays it…
    g.bench_function("builtin-parse", |b| b.iter(wxlint::lexicon::builtin_lexicons));
    let lists = wxlint::lexicon::builtin_lexicons();
    g.bench_function("builtin-compile", |b| b.iter(|| wxlint::lexicon::Base::build(black_box(&lists)).unwrap()));
    // What a process pays instead when it restores a start-up snapshot (src/snapshot/): the
    // whole snapshot decoded (the built-in lexicon and the typo statistics; its size is
    // printed once), and what writing one costs once both are built.
    let snapshot = wxlint::snapshot::save();
    eprintln!("start-up snapshot: {} bytes", snapshot.len());
    g.bench_function("snapshot-decode", |b| b.iter(|| wxlint::snapshot::verify(black_box(&snapshot)).unwrap()));
    g.bench_function("snapshot-save", |b| b.iter(wxlint::snapshot::save));
    // …and a Checker with it once it is compiled (every later one: the built-in part is shared).
    g.bench_function("builtin", |b| b.iter(|| Checker::new(Config::default()).unwrap()));
    // 20,000 user entries over the built-in lexicon (compiled alone).
    g.bench_function("20000-entries-over-builtin", |b| {
        let mut checker = Checker::new(Config::default()).unwrap();
        b.iter(|| checker.load_lexicon("bench", black_box(&lexicon), None).unwrap())
    });
    // 20,000 user entries without the built-in lists (the same as bench/wasm-bench.mjs).
    g.bench_function("20000-entries", |b| {
        b.iter(|| {
            let mut checker = Checker::new(Config { builtin_lexicon: false, ..Config::default() }).unwrap();
            checker.load_lexicon("bench", black_box(&lexicon), None).unwrap();
            checker
        })
    });
    g.finish();

    let mut checker = Checker::new(Config::default()).unwrap();
    checker.load_lexicon("bench", &lexicon, None).unwrap();
    let mut g = c.benchmark_group("check");
    for chars in [10_000usize, 100_000] {
        let a = article(chars, &terms);
        g.throughput(Throughput::Elements(chars as u64));
        g.bench_with_input(BenchmarkId::new("all-rules-20k-lexicon", chars), &a, |b, a| b.iter(|| checker.check(black_box(a))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
