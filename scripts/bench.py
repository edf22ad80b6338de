#!/usr/bin/env python3
"""End-to-end benchmark of newskg: articles/s, words/s, quads/s and peak memory for
`extract` (no store), `ingest` into an empty store, and `ingest` into a store that already
holds the whole corpus; optionally spaCy's NER side by side on the same texts.

The workload is real text replicated to scale: the texts of ../shared/corpora/gum
(train and dev) and ../shared/corpora/seeds, repeated under distinct article ids to
--articles articles (JSON Lines, written to --work, never committed).

    python3 scripts/bench.py --articles 10000
    python3 scripts/bench.py --articles 100000 --work /tmp/newskg-bench
    python3 scripts/bench.py --articles 1000 --spacy /path/to/venv/bin/python

Every newskg run is pinned to one core (taskset -c 0) and measured as a child process
(wall time; peak resident memory from wait4). Words are whitespace-separated words, as
../shared/bench/spacy_anchor.py counts them.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SOURCES = [
    SHARED / "corpora/gum/brat-train",
    SHARED / "corpora/gum/brat-dev",
    SHARED / "corpora/seeds",
]


def texts():
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            out.append((path.stem, path.read_text(encoding="utf-8")))
    if not out:
        sys.exit(f"no texts under {', '.join(map(str, SOURCES))}")
    return out


def replicate(n, work, prefix="rep"):
    """Writes n articles as JSON Lines; returns (path, words)."""
    path = work / f"{prefix}-{n}.jsonl"
    meta = work / f"{prefix}-{n}.words"
    if path.exists() and meta.exists():
        return path, int(meta.read_text())
    base = texts()
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            stem, text = base[i % len(base)]
            words += len(text.split())
            out.write(json.dumps({"id": f"{prefix}{i:07d}-{stem}", "text": text}) + "\n")
    meta.write_text(str(words))
    return path, words


def measure(args, stdout=subprocess.DEVNULL):
    """Runs a command on core 0; returns (seconds, peak RSS in MiB, its stdout if piped)."""
    pinned = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    start = time.perf_counter()
    proc = subprocess.Popen(pinned + args, stdout=stdout, stderr=subprocess.PIPE)
    counted = 0
    if stdout == subprocess.PIPE:
        for _ in proc.stdout:
            counted += 1
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(args)} failed:\n{err}")
    return seconds, usage.ru_maxrss / 1024, counted, err


def row(label, articles, words, quads, seconds, rss):
    print(
        f"| {label} | {articles:,} | {words:,} | {quads:,} | {seconds:.2f} | "
        f"{articles / seconds:,.0f} | {words / seconds:,.0f} | {quads / seconds:,.0f} | {rss:,.0f} |"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/newskg-bench"))
    ap.add_argument("--binary", type=Path, default=None,
                    help="newskg binary (default: $CARGO_TARGET_DIR or target/, release)")
    ap.add_argument("--extra", type=int, default=1000,
                    help="articles ingested into the full store for the last measure")
    ap.add_argument("--spacy", metavar="PYTHON",
                    help="a Python with spaCy and en_core_web_sm: run ../shared/bench/spacy_anchor.py "
                         "--bench on the distinct texts, and newskg extract on the same texts")
    args = ap.parse_args()
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = args.binary or target / "release/newskg"
    if not binary.exists():
        sys.exit(f"{binary}: not built (cargo build --release)")
    args.work.mkdir(parents=True, exist_ok=True)
    corpus, words = replicate(args.articles, args.work)
    extra, extra_words = replicate(args.extra, args.work, prefix="extra")
    store = args.work / f"store-{args.articles}"
    shutil.rmtree(store, ignore_errors=True)

    print(f"newskg: {binary}; corpus: {corpus} ({args.articles:,} articles, {words:,} words)\n")
    print("| run | articles | words | quads | seconds | articles/s | words/s | quads/s | peak MiB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    seconds, rss, quads, _ = measure([str(binary), "extract", str(corpus)], stdout=subprocess.PIPE)
    row("extract (no store)", args.articles, words, quads, seconds, rss)
    seconds, rss, _, err = measure([str(binary), "ingest", "--store", str(store), str(corpus)])
    triples = re.search(r"([\d,]+) triples", err)
    stored = int(triples.group(1).replace(",", "")) if triples else quads
    row("ingest, empty store", args.articles, words, stored, seconds, rss)
    seconds, rss, _, err = measure([str(binary), "ingest", "--store", str(store), str(extra)])
    triples = re.search(r"([\d,]+) triples", err)
    row(f"ingest {args.extra:,} more into it", args.extra, extra_words,
        int(triples.group(1).replace(",", "")) if triples else 0, seconds, rss)

    if args.spacy:
        distinct = args.work / "distinct"
        shutil.rmtree(distinct, ignore_errors=True)
        distinct.mkdir()
        for stem, text in texts():
            (distinct / f"{stem}.txt").write_text(text, encoding="utf-8")
        distinct_words = sum(len(t.split()) for _, t in texts())
        runs = [measure([str(binary), "extract", str(distinct)])[0] for _ in range(3)]
        ours = distinct_words / sorted(runs)[1]
        anchor = SHARED / "bench/spacy_anchor.py"
        out = subprocess.run([args.spacy, str(anchor), "--bench", str(distinct), "--repeat", "3"],
                             capture_output=True, text=True, check=True).stdout
        spacy_wps = None
        for line in out.splitlines():
            if line.startswith("NER only"):
                spacy_wps = float(line.split()[-5])
        print(f"\nside by side on {distinct} ({distinct_words:,} words), one core each:")
        print(f"  newskg extract (all stages, N-Quads out), median of 3: {ours:,.0f} words/s")
        print(out)
        if spacy_wps:
            print(f"  ratio newskg / spaCy NER only: {ours / spacy_wps:.1f}")


if __name__ == "__main__":
    main()
