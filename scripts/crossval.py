#!/usr/bin/env python3
"""K-fold cross-validation of the named-entity tagger on GUM's train split: the tuning
measure (GUM dev is only reported, never tuned on).

Each document of the gold directory goes to fold (index in name order) mod K. For every
fold, `newskg train` learns a model from the other folds and `newskg eval` scores it on
this one; the script prints each fold's NER exact F1 and the micro-averaged precision,
recall and F1 over all folds, plus span-only F1.

    python3 scripts/crossval.py
    python3 scripts/crossval.py --folds 5 --gold ../shared/corpora/gum/brat-train
    python3 scripts/crossval.py --seeds 0 1 2 3     # the mean over four training orders
    python3 scripts/crossval.py --models /tmp/folds  # keep the fold models; a rerun that
                                                     # changed only decoding reuses them
    python3 scripts/crossval.py --genres            # also F1 per genre (GUM_GENRE_name) and
                                                     # their mean, which weighs the genres
                                                     # equally as GUM dev does

Fold 0 of 5 is the "held-out fifth" the README reports.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared/corpora/gum/brat-train")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--binary", type=Path, default=None,
                    help="newskg binary (default: $CARGO_TARGET_DIR or target/, release)")
    ap.add_argument("--keep", type=Path, default=None,
                    help="also write each held-out document's predicted annotations (BRAT) here, "
                         "for error analysis on the training split (from the first seed's models)")
    ap.add_argument("--epochs", type=int, default=None,
                    help="passes over the training sentences (default: newskg train's)")
    ap.add_argument("--stages", choices=["one", "two"], default=None,
                    help="the tagger's stages (default: newskg train's, two)")
    ap.add_argument("--models", type=Path, default=None,
                    help="keep each fold's model in this directory (seedS-foldK[-STAGES].model) and reuse "
                         "one found there instead of training it: for changes to decoding or to "
                         "the rules after the tagger, which leave the trained weights alone")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0],
                    help="training orders (newskg train --seed) to cross-validate with; a change "
                         "to the rules moves every model a little, so compare means over several")
    ap.add_argument("--genres", action="store_true",
                    help="also score each genre apart (the word after the first '_' of a "
                         "document's name, as GUM names them) and print the mean of their F1: "
                         "GUM dev holds two documents of each genre, GUM train up to twenty")
    args = ap.parse_args()
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = args.binary or target / "release/newskg"
    if not binary.exists():
        sys.exit(f"{binary}: not built (cargo build --release)")
    names = sorted(p.stem for p in args.gold.glob("*.ann") if (args.gold / f"{p.stem}.txt").exists())
    if len(names) < args.folds:
        sys.exit(f"{args.gold}: {len(names)} annotated documents, fewer than {args.folds} folds")

    print(f"{args.folds}-fold cross-validation on {args.gold} ({len(names)} documents)")
    f1s = []
    for n, seed in enumerate(args.seeds):
        keep = args.keep if n == 0 else None
        f1s.append(cross_validate(binary, args.gold, names, args.folds, args.epochs, seed, keep,
                                  args.models, args.stages, args.genres))
    if len(f1s) > 1:
        print(f"mean F1 over seeds {' '.join(map(str, args.seeds))}: {sum(f1s) / len(f1s):.4f}")
    return 0


def genre_of(name: str) -> str:
    """GUM's genre of a document name ("GUM_voyage_lodz" -> "voyage"); the name otherwise."""
    parts = name.split("_")
    return parts[1] if len(parts) > 2 else name


def f1_of(correct: int, predicted: int, gold: int) -> float:
    return 2 * correct / max(predicted + gold, 1)


def cross_validate(binary: Path, gold_dir: Path, names: list, folds: int, epochs, seed: int,
                   keep, models, stages, genres=False) -> float:
    """Trains and scores one model per fold with one seed; prints and returns micro F1."""
    totals = {"exact": [0, 0, 0], "span": [0, 0, 0]}
    by_genre = {}
    per_fold = []
    with tempfile.TemporaryDirectory(prefix="newskg-crossval-") as work:
        for k in range(folds):
            fold = Path(work) / f"fold{k}"
            for part in ("train", "test"):
                (fold / part).mkdir(parents=True)
            for i, name in enumerate(names):
                part = "test" if i % folds == k else "train"
                for ext in (".txt", ".ann"):
                    os.symlink((gold_dir / f"{name}{ext}").resolve(), fold / part / f"{name}{ext}")
            name = f"seed{seed}-fold{k}" + (f"-{stages}" if stages else "") + ".model"
            model = models / name if models else fold / "ner.model"
            scores = fold / "scores.json"
            if not model.exists():
                model.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run([str(binary), "train", "--gold", str(fold / "train"), "--out", str(model),
                                "--seed", str(seed)] + (["--epochs", str(epochs)] if epochs else [])
                               + (["--stages", stages] if stages else []),
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run([str(binary), "eval", "--gold", str(fold / "test"), "--model", str(model),
                            "--json", str(scores)], check=True, stdout=subprocess.DEVNULL)
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                tests = sorted(str(p) for p in (fold / "test").glob("*.txt"))
                subprocess.run([str(binary), "annotate", "--model", str(model), "--out", str(keep)] + tests,
                               check=True, stdout=subprocess.DEVNULL)
            if genres:
                tests = sorted(p.stem for p in (fold / "test").glob("*.ann"))
                for genre in sorted({genre_of(t) for t in tests}):
                    part = fold / f"test-{genre}"
                    part.mkdir()
                    for t in tests:
                        if genre_of(t) == genre:
                            for ext in (".txt", ".ann"):
                                os.symlink((fold / "test" / f"{t}{ext}").resolve(), part / f"{t}{ext}")
                    part_scores = fold / f"scores-{genre}.json"
                    subprocess.run([str(binary), "eval", "--gold", str(part), "--model", str(model),
                                    "--json", str(part_scores)], check=True, stdout=subprocess.DEVNULL)
                    r = json.loads(part_scores.read_text())["ner_exact"]
                    counts = (r["correct_predicted"], r["predicted"], r["gold"])
                    by_genre[genre] = [t + c for t, c in zip(by_genre.get(genre, [0, 0, 0]), counts)]
            result = json.loads(scores.read_text())
            for key, field in (("exact", "ner_exact"), ("span", "ner_span")):
                r = result[field]
                counts = (r["correct_predicted"], r["predicted"], r["gold"])
                totals[key] = [t + c for t, c in zip(totals[key], counts)]
                if key == "exact":
                    per_fold.append(2 * counts[0] / max(counts[1] + counts[2], 1))

    correct, predicted, gold = totals["exact"]
    precision, recall = correct / max(predicted, 1), correct / max(gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    span_correct, span_predicted, span_gold = totals["span"]
    span_f1 = 2 * span_correct / max(span_predicted + span_gold, 1)
    print(f"seed {seed}: NER exact F1 per fold: " + " ".join(f"{f:.3f}" for f in per_fold))
    print(f"seed {seed}: micro: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.4f}  "
          f"(span only F1 {span_f1:.4f})")
    if by_genre:
        for genre, counts in sorted(by_genre.items()):
            print(f"seed {seed}:   {genre:<14} F1 {f1_of(*counts):.3f}  ({counts[2]} names)")
        mean = sum(f1_of(*c) for c in by_genre.values()) / len(by_genre)
        print(f"seed {seed}: mean of the {len(by_genre)} genres' F1: {mean:.4f}")
    return f1


if __name__ == "__main__":
    sys.exit(main())
