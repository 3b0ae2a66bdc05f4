#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ (libFuzzer; needs the nightly toolchain, installed with
# rustup when missing, and cargo-fuzz, installed from crates.io when missing). Each target's
# corpus (fuzz/corpus/<target>/, not committed) is seeded from the test fixtures first.
#
#   bash scripts/fuzz.sh                 # 60 s per target, every target
#   bash scripts/fuzz.sh 3600 html check # an hour each for html and check
#   FUZZ_JOBS=2 bash scripts/fuzz.sh …   # libFuzzer jobs in parallel per target
#   FUZZ_SANITIZER=address bash scripts/fuzz.sh …
#
# A crash, a time-out (-timeout, seconds per input) or memory over -rss_limit_mb stops the
# target with its input saved under fuzz/artifacts/<target>/; the script then exits non-zero.
# Record long runs and their findings in FUZZING.md.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html markdown lexicon config check)
jobs=${FUZZ_JOBS:-1}

if ! rustup toolchain list | grep -q '^nightly'; then
    rustup toolchain install nightly --profile minimal
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

# seed TARGET FILE...: copy fixtures into the target's corpus (files up to 1 MB).
seed() {
    local dir=fuzz/corpus/$1
    shift
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 1048576 ] || continue
        cp -n "$f" "$dir/seed-$(echo "$f" | tr '/' '_')" 2>/dev/null || true
    done
}
shopt -s nullglob globstar
seed html tests/fixtures/*.html tests/corpus/*.html tests/fixtures/**/*.html
seed markdown tests/fixtures/*.md tests/fixtures/*.txt tests/fixtures/cli/*.txt README.md lexicons/FORMAT.md
seed lexicon lexicons/**/*.txt tests/fixtures/cli/*.txt
seed config tests/fixtures/cli/*.json extension/managed-schema.json
seed check tests/fixtures/*.txt tests/fixtures/cli/*.txt tests/fixtures/*.md
# A few configurations of every setting kind.
mkdir -p fuzz/corpus/config
printf '%s' '{"locale":"en","maxGap":2,"allow":["路口交通"],"rules":{"title-length":{"severity":"warn","recommended":26},"image-caption":"off","author-length":false,"prohibited":{"ignoreCategories":["insults"]}}}' > fuzz/corpus/config/seed-all-kinds.json

status=0
for t in "${targets[@]}"; do
    echo "==> fuzz $t for ${secs}s (jobs $jobs)"
    # -max_len 64 KB: long enough for a whole article, short enough to be fast; the complexity
    # test suite (tests/complexity.rs) covers large inputs.
    extra=()
    [ "$jobs" -gt 1 ] && extra=(-jobs="$jobs" -workers="$jobs")
    # -O -a: optimised, with debug assertions (overflow checks). No sanitizer by default: the
    # code is safe Rust, and without ASan a shared 2-core machine runs ~3× more inputs
    # (FUZZ_SANITIZER=address to use it).
    if ! cargo +nightly fuzz run -O -a --sanitizer "${FUZZ_SANITIZER:-none}" "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 "${extra[@]}"; then
        echo "fuzz.sh: target $t FAILED (see fuzz/artifacts/$t/)" >&2
        status=1
    fi
done
exit $status
