#!/usr/bin/env python3
"""End-to-end benchmark of newskg: articles/s, words/s, quads/s and peak memory for
`extract` (no store), `ingest` and `ingest --bulk` into an empty store, and `ingest` into a
store that already holds the whole corpus; Oxigraph's own `oxigraph load` on the same
N-Quads; optionally spaCy's NER side by side on the same texts.

The workload is real text replicated to scale: the texts of ../shared/corpora/gum
(train and dev) and ../shared/corpora/seeds, repeated under distinct article ids to
--articles articles (JSON Lines, written to --work, never committed).

    python3 scripts/bench.py --articles 10000
    python3 scripts/bench.py --articles 100000 --work /tmp/newskg-bench
    python3 scripts/bench.py --articles 1000 --spacy /path/to/venv/bin/python

Every run is measured as a child process (wall time; peak resident memory from wait4).
`extract` and the transactional `ingest` are pinned to one core (taskset -c 0); the bulk
paths (`ingest --bulk`, and `oxigraph load` on the N-Quads that `extract` wrote, when
`oxigraph` is on PATH or given with --oxigraph) use every core. Words are whitespace-separated words, as
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


def measure(args, stdout=subprocess.DEVNULL, one_core=True):
    """Runs a command (on core 0 when one_core); returns (seconds, peak RSS in MiB, the
    number of lines it printed if stdout is PIPE, its stderr)."""
    pinned = ["taskset", "-c", "0"] if one_core and shutil.which("taskset") else []
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


# Ready queries run scoped to one entity or speaker, with a value the workload holds.
SCOPED_QUERIES = [
    ("entity-facts.rq", "name=WhatsApp"),
    ("who-said-what.rq", "speaker=Jim Killock"),
]


def query_times(binary, store, runs=5):
    """The median wall time of each ready query (the whole `newskg query` process: start,
    read-only open, evaluation, output) over `runs` runs."""
    print(f"\nqueries/ on {store}, median of {runs} runs of `newskg query -f Q`:\n")
    print("| query | rows | median ms |")
    print("| --- | ---: | ---: |")
    for query in sorted((REPO / "queries").glob("*.rq")):
        if "SERVICE" in query.read_text(encoding="utf-8"):
            continue  # needs the network (--allow-service): not a local timing
        times, rows = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            out = subprocess.run([str(binary), "query", "--store", str(store), "-f", str(query),
                                  "--format", "tsv"], capture_output=True, check=True)
            times.append(time.perf_counter() - start)
            rows = max(0, out.stdout.count(b"\n") - 1)
        print(f"| {query.name} | {rows:,} | {sorted(times)[runs // 2] * 1000:.0f} |")
    print("\nscoped with --bind, as the queries' headers show:\n")
    print("| query | binding | rows | median ms |")
    print("| --- | --- | ---: | ---: |")
    for name, binding in SCOPED_QUERIES:
        times, rows = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            out = subprocess.run([str(binary), "query", "--store", str(store), "-f",
                                  str(REPO / "queries" / name), "--bind", binding,
                                  "--format", "tsv"], capture_output=True, check=True)
            times.append(time.perf_counter() - start)
            rows = max(0, out.stdout.count(b"\n") - 1)
        print(f"| {name} | `{binding}` | {rows:,} | {sorted(times)[runs // 2] * 1000:.0f} |")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/newskg-bench"))
    ap.add_argument("--binary", type=Path, default=None,
                    help="newskg binary (default: $CARGO_TARGET_DIR or target/, release)")
    ap.add_argument("--extra", type=int, default=1000,
                    help="articles ingested into the full store for the last measure")
    ap.add_argument("--oxigraph", type=Path, default=shutil.which("oxigraph"),
                    help="Oxigraph's CLI (cargo install oxigraph-cli), to compare bulk loads")
    ap.add_argument("--only-bulk", action="store_true",
                    help="only `ingest --bulk` and the query timings (for 100,000 articles)")
    ap.add_argument("--no-transactional", action="store_true",
                    help="skip the one-transaction-per-article ingests (slow at 100,000 articles)")
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
    nquads = args.work / f"rep-{args.articles}.nq"
    if args.only_bulk:
        args.no_transactional, args.oxigraph = True, None
    else:
        with nquads.open("wb") as out:
            seconds, rss, _, _ = measure([str(binary), "extract", str(corpus)], stdout=out)
        with nquads.open("rb") as f:
            quads = sum(1 for _ in f)
        row("extract (no store), one core", args.articles, words, quads, seconds, rss)

    def ingest(label, articles, words, store, corpus, *flags, one_core=True):
        seconds, rss, _, err = measure(
            [str(binary), "ingest", *flags, "--store", str(store), str(corpus)], one_core=one_core)
        triples = re.search(r"([\d,]+) triples", err)
        written = int(triples.group(1).replace(",", "")) if triples else 0
        row(label, articles, words, written, seconds, rss)
        return written / seconds

    if not args.no_transactional:
        ingest("ingest, empty store, one core", args.articles, words, store, corpus)
        ingest(f"ingest {args.extra:,} more into it, one core", args.extra, extra_words, store,
               extra)
    bulk_store = args.work / f"store-bulk-{args.articles}"
    shutil.rmtree(bulk_store, ignore_errors=True)
    bulk = ingest("ingest --bulk, empty store, all cores", args.articles, words, bulk_store,
                  corpus, "--bulk", one_core=False)
    query_times(binary, bulk_store)
    if args.oxigraph:
        oxigraph_store = args.work / f"store-oxigraph-{args.articles}"
        shutil.rmtree(oxigraph_store, ignore_errors=True)
        seconds, rss, _, _ = measure([str(args.oxigraph), "load", "--location",
                                      str(oxigraph_store), "--file", str(nquads)], one_core=False)
        row("oxigraph load of extract's N-Quads, all cores", args.articles, words, quads,
            seconds, rss)
        print(f"\ningest --bulk (extraction included) / oxigraph load (N-Quads parsing included), "
              f"quads/s: {bulk / (quads / seconds):.2f}")
        shutil.rmtree(oxigraph_store, ignore_errors=True)

    if args.spacy:
        distinct = args.work / "distinct"
        shutil.rmtree(distinct, ignore_errors=True)
        distinct.mkdir()
        for stem, text in texts():
            (distinct / f"{stem}.txt").write_text(text, encoding="utf-8")
        distinct_words = sum(len(t.split()) for _, t in texts())
        # spaCy times 3 passes over the texts after loading its model; newskg reads them 3
        # times in one process, its start (model and knowledge base) included. The store
        # runs above leave write-back behind them: flush it first, then take the median
        # of 5 runs.
        os.sync()
        time.sleep(5)
        passes = 3
        runs = [measure([str(binary), "extract"] + [str(distinct)] * passes)[0]
                for _ in range(5)]
        ours = passes * distinct_words / sorted(runs)[2]
        anchor = SHARED / "bench/spacy_anchor.py"
        out = subprocess.run([args.spacy, str(anchor), "--bench", str(distinct), "--repeat", "3"],
                             capture_output=True, text=True, check=True).stdout
        spacy_wps = None
        for line in out.splitlines():
            if line.startswith("NER only"):
                spacy_wps = float(line.split()[-5])
        print(f"\nside by side on {distinct} ({distinct_words:,} words), one core each:")
        print(f"  newskg extract (all stages, N-Quads out, {passes} passes per run), median of 5 runs: "
              f"{ours:,.0f} words/s")
        print(out)
        if spacy_wps:
            print(f"  ratio newskg / spaCy NER only: {ours / spacy_wps:.1f}")


if __name__ == "__main__":
    main()
