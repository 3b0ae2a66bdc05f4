#!/usr/bin/env python3
"""Per-group figures of the labelled corpus (tests/corpus, groups from tests/corpus/SOURCES.md
numbering): real clean texts 101-144, police/education articles quoting vice words 145-166 and
191-195, spam injections 167-190. Prints, per group: prohibited findings above info, spam
articles with a block finding, and sign-off-topic precision/recall (overlap matching, as in
tests/corpus.rs).

usage: python3 scripts/eval/corpus_groups.py [--bin target/release/wxlint]
"""
import argparse, glob, json, os, subprocess

GROUPS = {
    "real clean (101-144)": range(101, 145),
    "police/education (145-166, 191-195)": list(range(145, 167)) + list(range(191, 196)),
    "spam injections (167-190)": range(167, 191),
}

def overlap(a, b):
    return a == b or a in b or b in a or any(a[i:i + 2] in b for i in range(len(a) - 1))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/wxlint")
    args = ap.parse_args()
    for name, nums in GROUPS.items():
        paths = sorted(p for n in nums for p in glob.glob(f"tests/corpus/{n:03}-*.html"))
        out = subprocess.run([args.bin, "check", "--format", "json", *paths], capture_output=True, text=True).stdout
        data = json.loads(out)
        files = data if isinstance(data, list) else data.get("files", [])
        above_info = spam_block = 0
        tp = fp = fn = 0
        for entry in files:
            path = entry.get("path") or entry.get("file")
            exp = json.load(open(path.replace(".html", ".expected.json")))
            fs = entry.get("findings", [])
            above_info += sum(1 for f in fs if f["rule"] == "prohibited" and f["severity"] in ("block", "review") and not any(e["rule"] == "prohibited" and e.get("severity") in ("block", "review") and overlap(e["text"], f["text"]) for e in exp))
            spam_block += any(f["severity"] == "block" and f["rule"] in ("spam", "prohibited") for f in fs)
            want = [e for e in exp if e["rule"] == "sign-off-topic" and e.get("known") != "unexpected"]
            got = [f for f in fs if f["rule"] == "sign-off-topic"]
            used = [False] * len(got)
            for e in want:
                for i, f in enumerate(got):
                    if not used[i] and f["field"] == e["field"] and overlap(e["text"], f["text"]):
                        used[i] = True; tp += 1; break
                else:
                    fn += 1
            fp += used.count(False)
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = tp / (tp + fn) if tp + fn else float("nan")
        print(f"{name}: {len(files)} articles; prohibited block/review not expected: {above_info}; "
              f"articles with a block finding: {spam_block}; sign-off-topic TP {tp} FP {fp} FN {fn} precision {p:.3f} recall {r:.3f}")

main()
