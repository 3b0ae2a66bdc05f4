// Shared by the fuzz targets (`include!`d): the invariants every target asserts.

use wxlint::{Article, Checker, Config, Finding};

/// The text a finding points into.
#[allow(dead_code)]
pub fn text_of<'a>(a: &'a Article, f: &Finding) -> &'a str {
    a.text_of(f.field, f.block)
}

/// Offsets in UTF-16 code units slice back to `finding.text`.
#[allow(dead_code)]
pub fn assert_offsets(a: &Article, findings: &[Finding]) {
    for f in findings {
        assert!(f.start <= f.end, "{f:?}");
        if f.start == f.end {
            continue;
        }
        let units: Vec<u16> = text_of(a, f).encode_utf16().collect();
        assert!(f.end <= units.len(), "end past the text: {f:?}");
        let slice = String::from_utf16(&units[f.start..f.end]).expect("offsets on character boundaries");
        assert_eq!(slice, f.text, "{f:?}");
    }
}

thread_local! {
    static CHECKER: Checker = Checker::new(Config::default()).expect("default checker");
}

/// Checks with the default checker (built before the first input is timed: see [`warm`]).
#[allow(dead_code)]
pub fn check(a: &Article) -> Vec<Finding> {
    CHECKER.with(|c| c.check(a))
}

/// Builds the default checker (compiling the built-in lexicon takes a while) and checks one
/// article with it (rules load some data on first use), so that neither is counted in the
/// first input's time.
#[allow(dead_code)]
pub fn warm() {
    thread_local! {
        static WARM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !WARM.with(|w| w.replace(true)) {
        let a = Article::from_paragraphs("标题", ["网上赌场，xx镇的的地得，身份证号 110101199003071234。"]);
        CHECKER.with(|c| c.check(&a));
    }
}

/// CPU time of this thread (not wall time: the fuzzer runs niced on a shared machine, where
/// it may wait for a core for seconds).
#[allow(dead_code)]
pub struct Instant(f64);

impl Instant {
    #[allow(dead_code)]
    pub fn now() -> Instant {
        let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime writes the timespec it is given.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        Instant(ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9)
    }
}

/// Time proportional to input: at most 50 ms of CPU per KB, plus a floor of 250 ms
/// (libFuzzer's -timeout catches hangs; this catches inputs merely far slower than their size).
#[allow(dead_code)]
pub fn assert_time(start: Instant, bytes: usize, what: &str) {
    let ms = (Instant::now().0 - start.0) * 1000.0;
    let budget = 250.0 + 50.0 * (bytes as f64 / 1024.0);
    assert!(ms <= budget, "{what}: {ms:.0} ms of CPU for {bytes} bytes (budget {budget:.0} ms)");
}
