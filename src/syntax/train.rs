//! Training the tagger and parser of [`super`] from Universal Dependencies trees
//! (`newskg train-parser`), and scoring them on held-out trees (tag accuracy, UAS, LAS).
//!
//! The parser learns from the tags the tagger predicts, not the gold ones, so that it
//! trains on the tags it will see: the training sentences are tagged by two taggers, each
//! trained on the other half (jackknifing). Its moves come from a static oracle; the few
//! non-projective trees, which arc-hybrid cannot build, are left out. Deterministic:
//! sentences in file order, shuffled each epoch by a fixed seed.

use super::conllu::{self, ConlluError, TreeWord};
use super::perceptron::{Perceptron, Trainer};
use super::{
    argmax, best_legal, left_arc, pos_features, right_arc, ParseState, SyntaxModel, WordKeys, SHIFT,
};
use crate::train::Shuffle;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Relations seen fewer times than this fall back to their universal part ("obl:tmod" to
/// "obl"), or to "dep".
const MIN_RELATION_COUNT: usize = 20;

/// Averaged weights smaller than these are dropped from the model: they change few
/// decisions and would make up most of the file. On GUM dev, dropping the parser's below
/// 1.0 keeps UAS .834 / LAS .789 at a 10 MB file (below 2.0: .825 / .781 at 5 MB); the
/// tagger's below 0.5 costs 0.0001 of tag accuracy.
const MIN_PARSER_WEIGHT: f32 = 1.0;
const MIN_TAGGER_WEIGHT: f32 = 0.5;

/// What training read and how it went.
#[derive(Debug, Default, Clone)]
pub struct ParserReport {
    pub sentences: usize,
    pub words: usize,
    /// Trees arc-hybrid cannot build (crossing arcs), left out of the parser's training.
    pub non_projective: usize,
    pub tagger_features: usize,
    pub parser_features: usize,
}

/// Scores on held-out trees; punctuation is not counted in the attachment scores, as is
/// usual.
#[derive(Debug, Default, Clone, Copy, serde::Serialize)]
pub struct SyntaxScores {
    pub words: usize,
    pub tag_accuracy: f64,
    /// Unlabelled attachment score: words with the right head.
    pub uas: f64,
    /// Labelled attachment score: words with the right head and relation.
    pub las: f64,
}

/// The sentences of the treebank documents a split names, in name order: `split` is a
/// directory whose `NAME.txt` files name them (GUM's `brat-train` names its train split),
/// read from `treebank/NAME.conllu`.
pub fn read_split(treebank: &Path, split: &Path) -> Result<Vec<Vec<TreeWord>>, ConlluError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ConlluError::Io { path, source }
    };
    let mut names: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(split).map_err(io(split))? {
        let entry = entry.map_err(io(split))?;
        if let Some(name) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.strip_suffix(".txt"))
        {
            names.push(name.to_string());
        }
    }
    names.sort();
    let mut sentences = Vec::new();
    for name in names {
        sentences.extend(conllu::read(&treebank.join(format!("{name}.conllu")))?);
    }
    Ok(sentences)
}

/// One training sentence, read once.
struct Example {
    keys: Vec<WordKeys>,
    tags: Vec<u16>,
    heads: Vec<Option<usize>>,
    relations: Vec<u16>,
    root_relation: u16,
}

/// Trains a model on treebank sentences.
pub fn train(sentences: &[Vec<TreeWord>], epochs: usize, report: &mut ParserReport) -> SyntaxModel {
    let mut tag_names: Vec<String> = sentences.iter().flatten().map(|w| w.upos.clone()).collect();
    tag_names.sort();
    tag_names.dedup();
    let relation_names = relation_names(sentences);
    let tag_id: FxHashMap<&str, u16> = tag_names
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u16))
        .collect();
    let relation_id: FxHashMap<&str, u16> = relation_names
        .iter()
        .enumerate()
        .map(|(i, r)| (r.as_str(), i as u16))
        .collect();
    let examples: Vec<Example> = sentences
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| Example {
            keys: s.iter().map(|w| WordKeys::of(&w.form)).collect(),
            tags: s.iter().map(|w| tag_id[w.upos.as_str()]).collect(),
            heads: s.iter().map(|w| w.head).collect(),
            relations: s
                .iter()
                .map(|w| relation_id[map_relation(&w.deprel, &relation_id)])
                .collect(),
            root_relation: relation_id["root"],
        })
        .collect();
    report.sentences = examples.len();
    report.words = examples.iter().map(|e| e.keys.len()).sum();

    let all: Vec<usize> = (0..examples.len()).collect();
    let pos = train_tagger(&examples, &all, tag_names.len(), epochs);
    report.tagger_features = pos.features();

    // Jackknifed tags for the parser: each half tagged by a tagger that never saw it.
    let halves: [Vec<usize>; 2] = [
        all.iter().copied().filter(|i| i % 2 == 0).collect(),
        all.iter().copied().filter(|i| i % 2 == 1).collect(),
    ];
    let mut predicted: Vec<Vec<u16>> = vec![Vec::new(); examples.len()];
    for (half, other) in [(0, 1), (1, 0)] {
        let tagger = train_tagger(&examples, &halves[other], tag_names.len(), epochs);
        for &i in &halves[half] {
            predicted[i] = tag_with(&tagger, &examples[i].keys);
        }
    }

    let classes = 1 + 2 * relation_names.len();
    let mut trainer = Trainer::new(classes);
    let mut order: Vec<usize> = all.clone();
    report.non_projective = all
        .iter()
        .filter(|&&i| oracle_path(&examples[i]).is_none())
        .count();
    let mut rng = Shuffle(0x6e65_7773_6b67_5359);
    let mut features = Vec::with_capacity(64);
    let mut scores = Vec::new();
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let example = &examples[i];
            let mut state = ParseState::new(example.keys.len());
            while !state.is_terminal() {
                state.features(&example.keys, &predicted[i], &mut features);
                trainer.scores(&features, &mut scores);
                let guess = best_legal(&scores, &state);
                let right = correct_moves(&state, example);
                let best_right = right
                    .iter()
                    .copied()
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                    .unwrap_or(guess);
                let guess_right = right.contains(&guess);
                trainer.update(
                    &features,
                    best_right,
                    if guess_right { best_right } else { guess },
                );
                // From the second epoch on, the parser mostly follows its own moves, right
                // or wrong, and learns the best way on from where they lead (exploration).
                let explore = epoch >= EXPLORE_FROM && rng.next() % 10 < 9;
                state.apply(if explore { guess } else { best_right });
            }
        }
    }
    let transitions = trainer.finish(MIN_PARSER_WEIGHT);
    report.parser_features = transitions.features();
    let mut model = SyntaxModel {
        tags: tag_names,
        relations: relation_names,
        pos,
        transitions,
        id: 0,
    };
    model.id = xxhash_rust::xxh3::xxh3_64(&model.to_bytes());
    model
}

/// The relations the model predicts: those seen often enough, in name order.
fn relation_names(sentences: &[Vec<TreeWord>]) -> Vec<String> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for w in sentences.iter().flatten() {
        *counts.entry(w.deprel.as_str()).or_default() += 1;
    }
    let mut names: Vec<String> = counts
        .iter()
        .filter(|&(_, &c)| c >= MIN_RELATION_COUNT)
        .map(|(r, _)| r.to_string())
        .collect();
    names.push("dep".to_string());
    names.push("root".to_string());
    names.sort();
    names.dedup();
    names
}

/// A treebank relation as one the model has: itself, its universal part, or "dep".
fn map_relation<'r>(relation: &'r str, known: &FxHashMap<&str, u16>) -> &'r str {
    if known.contains_key(relation) {
        return relation;
    }
    let base = relation.split(':').next().unwrap_or(relation);
    if known.contains_key(base) {
        base
    } else {
        "dep"
    }
}

fn train_tagger(examples: &[Example], which: &[usize], tags: usize, epochs: usize) -> Perceptron {
    let mut trainer = Trainer::new(tags);
    let mut order = which.to_vec();
    let mut rng = Shuffle(0x6e65_7773_6b67_504f);
    let mut features = Vec::with_capacity(24);
    let mut scores = Vec::new();
    let mut history = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let example = &examples[i];
            history.clear();
            for k in 0..example.keys.len() {
                pos_features(&example.keys, &history, k, &mut features);
                trainer.scores(&features, &mut scores);
                let guess = argmax(&scores);
                trainer.update(&features, usize::from(example.tags[k]), guess);
                // Its own guess as history, as when tagging.
                history.push(guess as u16);
            }
        }
    }
    trainer.finish(MIN_TAGGER_WEIGHT)
}

fn tag_with(tagger: &Perceptron, keys: &[WordKeys]) -> Vec<u16> {
    let mut tags = Vec::with_capacity(keys.len());
    let mut features = Vec::new();
    let mut scores = Vec::new();
    for k in 0..keys.len() {
        pos_features(keys, &tags, k, &mut features);
        tagger.scores(&features, &mut scores);
        tags.push(argmax(&scores) as u16);
    }
    tags
}

fn gold_children(example: &Example) -> Vec<usize> {
    let mut children = vec![0; example.heads.len()];
    for head in example.heads.iter().flatten() {
        children[*head] += 1;
    }
    children
}

/// From which epoch the parser follows its own moves in training.
const EXPLORE_FROM: usize = 1;

/// The moves that keep every gold arc still reachable reachable (the dynamic oracle of
/// Goldberg and Nivre 2013 for arc-hybrid), an arc move with the gold relation of the word
/// it attaches; never empty while the state is not terminal.
fn correct_moves(state: &ParseState, example: &Example) -> Vec<usize> {
    let n = state.len();
    let buffer = state.next..n;
    let s0 = state.stack.last().copied();
    let s1 = state.stack.len().checked_sub(2).map(|i| state.stack[i]);
    let b0 = (state.next < n).then_some(state.next);
    let head = |w: usize| example.heads[w];
    let children_in_buffer = |w: usize| buffer.clone().filter(|&d| head(d) == Some(w)).count();
    let mut moves = Vec::with_capacity(3);
    let mut costs = Vec::with_capacity(3);
    if let Some(b) = b0 {
        // Shifting b0 loses its dependents on the stack and a head deeper than s0.
        let lost_children = state.stack.iter().filter(|&&k| head(k) == Some(b)).count();
        let lost_head = head(b).is_some_and(|h| state.stack.contains(&h) && Some(h) != s0);
        moves.push(SHIFT);
        costs.push(lost_children + usize::from(lost_head));
    }
    if let Some(s) = s0 {
        let lost_children = children_in_buffer(s);
        if let Some(b) = b0 {
            let lost_head = head(s).is_some_and(|h| Some(h) == s1 || (h > b && h < n));
            moves.push(left_arc(example.relations[s]));
            costs.push(lost_children + usize::from(lost_head));
        }
        if s1.is_some() {
            let lost_head = head(s).is_some_and(|h| buffer.contains(&h));
            moves.push(right_arc(example.relations[s]));
            costs.push(lost_children + usize::from(lost_head));
        }
    }
    let least = costs.iter().copied().min().unwrap_or(0);
    moves
        .into_iter()
        .zip(costs)
        .filter(|&(_, c)| c == least)
        .map(|(m, _)| m)
        .collect()
}

/// The static oracle's move: attach the stack's top where the gold tree does once it
/// has all its dependents, else shift; `None` when no move leads to the gold tree.
fn oracle(state: &ParseState, example: &Example, children: &[usize]) -> Option<usize> {
    if let Some(&s0) = state.stack.last() {
        let complete = usize::from(state.children[s0]) == children[s0];
        if complete && state.next < state.len() && example.heads[s0] == Some(state.next) {
            return Some(left_arc(example.relations[s0]));
        }
        let below = state.stack.len().checked_sub(2).map(|i| state.stack[i]);
        if complete && below.is_some() && example.heads[s0] == below {
            return Some(right_arc(example.relations[s0]));
        }
    }
    (state.next < state.len()).then_some(SHIFT)
}

/// The oracle's moves for a whole sentence, if they build its gold tree.
fn oracle_path(example: &Example) -> Option<Vec<usize>> {
    let mut state = ParseState::new(example.keys.len());
    let children = gold_children(example);
    let mut path = Vec::new();
    while !state.is_terminal() {
        let action = oracle(&state, example, &children)?;
        state.apply(action);
        path.push(action);
    }
    state.finish(example.root_relation);
    (state.heads == example.heads && state.relations == example.relations).then_some(path)
}

/// A treebank relation as the model names it (see [`map_relation`]).
fn model_relation<'r>(model: &'r SyntaxModel, relation: &'r str) -> &'r str {
    if model.relation_id(relation).is_some() {
        return relation;
    }
    let base = relation.split(':').next().unwrap_or(relation);
    if model.relation_id(base).is_some() {
        base
    } else {
        "dep"
    }
}

/// Tag accuracy, UAS and LAS of `model` on treebank sentences.
pub fn evaluate(model: &SyntaxModel, sentences: &[Vec<TreeWord>]) -> SyntaxScores {
    let mut scores = SyntaxScores::default();
    let (mut tagged, mut attached, mut labelled, mut counted) = (0usize, 0usize, 0usize, 0usize);
    for sentence in sentences.iter().filter(|s| !s.is_empty()) {
        let words: Vec<&str> = sentence.iter().map(|w| w.form.as_str()).collect();
        let tree = model.parse(&words);
        for (i, gold) in sentence.iter().enumerate() {
            scores.words += 1;
            tagged += usize::from(tree.tag(i) == gold.upos);
            if gold.upos == "PUNCT" {
                continue;
            }
            counted += 1;
            if tree.heads[i] == gold.head {
                attached += 1;
                let relation = tree.relation(i);
                labelled += usize::from(relation == model_relation(model, &gold.deprel));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    scores.tag_accuracy = ratio(tagged, scores.words);
    scores.uas = ratio(attached, counted);
    scores.las = ratio(labelled, counted);
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::conllu;

    /// Three invented sentences, projective, in CoNLL-U.
    const TREES: &str = "1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tdog\tdog\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_
4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_
5\tcat\tcat\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

    #[test]
    fn the_oracle_rebuilds_projective_trees_and_refuses_crossing_ones() {
        let sentences = conllu::parse(TREES).expect("valid");
        let names = relation_names(&sentences);
        let ids: FxHashMap<&str, u16> = names
            .iter()
            .enumerate()
            .map(|(i, r)| (r.as_str(), i as u16))
            .collect();
        let example = |s: &Vec<TreeWord>| Example {
            keys: s.iter().map(|w| WordKeys::of(&w.form)).collect(),
            tags: vec![0; s.len()],
            heads: s.iter().map(|w| w.head).collect(),
            relations: s
                .iter()
                .map(|w| ids[map_relation(&w.deprel, &ids)])
                .collect(),
            root_relation: ids["root"],
        };
        for s in &sentences {
            assert!(oracle_path(&example(s)).is_some());
        }
        // 1 -> 3 and 2 -> 4 cross.
        let crossing = Example {
            keys: ["a", "b", "c", "d"]
                .iter()
                .map(|w| WordKeys::of(w))
                .collect(),
            tags: vec![0; 4],
            heads: vec![Some(2), Some(3), None, Some(2)],
            relations: vec![0; 4],
            root_relation: 0,
        };
        assert!(oracle_path(&crossing).is_none());
    }

    #[test]
    fn a_model_trained_on_a_few_trees_parses_them_back() {
        // Ten copies, so that every relation is seen MIN_RELATION_COUNT times and kept.
        let sentences = conllu::parse(&format!("{TREES}\n").repeat(10)).expect("valid");
        let mut report = ParserReport::default();
        let model = train(&sentences, 10, &mut report);
        assert_eq!(report.sentences, 30);
        assert_eq!(report.non_projective, 0);
        let scores = evaluate(&model, &sentences);
        assert_eq!(scores.uas, 1.0, "{scores:?}");
        assert_eq!(scores.tag_accuracy, 1.0, "{scores:?}");
        let tree = model.parse(&["The", "dog", "saw", "the", "cat", "."]);
        assert_eq!(tree.heads[1], Some(2));
        assert_eq!(tree.relation(1), "nsubj");
        assert_eq!(tree.relation(4), "obj");
        // The model reads back what it writes.
        let bytes = model.to_bytes();
        let read = SyntaxModel::from_bytes(&bytes, "test").expect("valid");
        assert_eq!(read.to_bytes(), bytes);
        assert!(SyntaxModel::from_bytes(&bytes[..bytes.len() - 3], "test").is_err());
    }
}
