//! Training the named-entity tagger ([`crate::extract::tagger`]) from annotated text: a
//! directory of `NAME.txt` + `NAME.ann` in BRAT standoff (the format of
//! `shared/gold/SCHEMA.md`; GUM's train split is converted to it). Named Person,
//! Organization and Place mentions become BILOU tags over newskg's own tokens, so the model
//! learns on exactly the tokens it will see. Training is deterministic: files in name
//! order, sentences shuffled by a fixed seed.

use crate::eval::parse_ann;
use crate::extract::ner::{self, Candidate, DocumentStats};
use crate::extract::tagger::{
    add_document_history, best_sequence, by_sentence, document_features, name_tags,
    transition_features, FeatureMap, NerModel, SentenceFeatures, Tag, TokenScores,
    TransitionScores, WordScores, OUTSIDE, TAG_COUNT,
};
use crate::extract::EntityType;
use crate::kb::Kb;
use crate::segment;
use crate::span::CodePoints;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: no NAME.txt with a NAME.ann beside it")]
    Empty(PathBuf),
}

/// One sentence to learn from: its features and the gold tag of each token.
pub struct Example {
    /// Which training document the sentence is from.
    pub document: usize,
    pub features: SentenceFeatures,
    pub tags: Vec<Tag>,
}

/// What was read and how training went.
#[derive(Debug, Default)]
pub struct TrainReport {
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    pub mentions: usize,
    /// Gold mentions whose edges fall inside a token ("Acme" in "Acme-owned").
    pub misaligned: usize,
    /// Gold mentions inside another gold mention (the tags keep the outer one).
    pub nested: usize,
    /// Token accuracy on the training data, per epoch, with the weights of that moment.
    pub epoch_accuracy: Vec<f64>,
    pub features: usize,
}

/// Reads every `NAME.txt` with a `NAME.ann` in `dir` as training sentences.
pub fn read_examples(
    dir: &Path,
    kb: &Kb,
    report: &mut TrainReport,
) -> Result<Vec<Example>, TrainError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| TrainError::Io { path, source }
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.with_extension("ann").exists())
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(TrainError::Empty(dir.to_owned()));
    }
    let mut examples = Vec::new();
    for txt in names {
        let text = std::fs::read_to_string(&txt).map_err(io(&txt))?;
        let ann_path = txt.with_extension("ann");
        let ann = parse_ann(&std::fs::read_to_string(&ann_path).map_err(io(&ann_path))?);
        report.documents += 1;
        examples.extend(document_examples(&text, &ann, kb, report));
    }
    Ok(examples)
}

/// The training sentences of one annotated document.
pub fn document_examples(
    text: &str,
    ann: &crate::eval::AnnFile,
    kb: &Kb,
    report: &mut TrainReport,
) -> Vec<Example> {
    let seg = segment::segment(text);
    let code_points = CodePoints::new(text);
    let mut gold: Vec<(usize, usize, EntityType)> = ann
        .spans
        .iter()
        .filter(|a| a.kind.is_none())
        .filter_map(|a| {
            let entity_type = EntityType::parse(&a.label)?;
            (entity_type != EntityType::Event).then(|| {
                (
                    code_points.byte_of(a.start),
                    code_points.byte_of(a.end),
                    entity_type,
                )
            })
        })
        .collect();
    // Outer mentions first, so that a nested one finds its tokens taken.
    gold.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    report.mentions += gold.len();
    let mut tags: Vec<Option<Tag>> = vec![Some(OUTSIDE); seg.tokens.len()];
    for &(start, end, entity_type) in &gold {
        let first = seg.tokens.partition_point(|t| t.span.start < start);
        let last = seg.tokens.partition_point(|t| t.span.end <= end);
        let aligned = seg.tokens.get(first).is_some_and(|t| t.span.start == start)
            && last > first
            && seg.tokens[last - 1].span.end == end;
        if !aligned {
            report.misaligned += 1;
            // The sentence with the tokens the mention cuts through is left out.
            let from = seg.tokens.partition_point(|t| t.span.end <= start);
            let to = seg.tokens.partition_point(|t| t.span.start < end);
            for t in &mut tags[from..to.max(from)] {
                *t = None;
            }
            continue;
        }
        if tags[first..last].iter().any(|t| *t != Some(OUTSIDE)) {
            report.nested += 1;
            continue;
        }
        for (t, tag) in tags[first..last]
            .iter_mut()
            .zip(name_tags(entity_type, last - first))
        {
            *t = Some(tag);
        }
    }
    let stats = DocumentStats::new(text, &seg);
    let candidates: Vec<Candidate> = ner::recognize(text, &seg, kb, &stats);
    let in_sentence = by_sentence(&seg, &candidates);
    let mut out = Vec::new();
    for (s, features) in document_features(text, &seg, kb, &stats, &candidates, &in_sentence) {
        let Some(sentence_tags) = tags[seg.sentences[s].tokens.clone()]
            .iter()
            .copied()
            .collect::<Option<Vec<Tag>>>()
        else {
            continue;
        };
        report.sentences += 1;
        report.tokens += sentence_tags.len();
        out.push(Example {
            document: report.documents,
            features,
            tags: sentence_tags,
        });
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Weight {
    current: [f32; TAG_COUNT],
    total: [f64; TAG_COUNT],
    stamp: [u64; TAG_COUNT],
}

/// An averaged perceptron in the making.
struct Trainer {
    weights: FeatureMap<Weight>,
    step: u64,
}

impl Trainer {
    fn scores(&self, features: &[u64]) -> [f32; TAG_COUNT] {
        let mut scores = [0f32; TAG_COUNT];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (s, w) in scores.iter_mut().zip(&w.current) {
                    *s += w;
                }
            }
        }
        scores
    }

    /// Adds `delta` to the weight of `tag` for each feature.
    fn add(&mut self, features: &[u64], tag: Tag, delta: f32) {
        for f in features {
            let w = self.weights.entry(*f).or_default();
            w.total[tag] += (self.step - w.stamp[tag]) as f64 * f64::from(w.current[tag]);
            w.stamp[tag] = self.step;
            w.current[tag] += delta;
        }
    }

    /// The scores of each tag at token `i` as the tagger computes them (see
    /// `NerModel::tag`), without the word's identity when `hide_word`.
    fn token_scores(
        &self,
        sentence: &SentenceFeatures,
        i: usize,
        hide_word: bool,
        buffer: &mut Vec<u64>,
    ) -> TokenScores {
        sentence.described(i, hide_word, buffer);
        let mut read = [0; 2];
        TokenScores {
            own: self.scores(buffer),
            by_previous: std::array::from_fn(|previous| {
                self.scores(sentence.previous_tag_features(i, previous, hide_word, &mut read))
            }),
        }
    }

    /// What the tags before a token add whatever the token, with the current weights.
    fn transitions(&self) -> Box<TransitionScores> {
        Box::new(std::array::from_fn(|pair| {
            let (before, previous) = (pair / TAG_COUNT, pair % TAG_COUNT);
            self.scores(&transition_features(previous, before))
        }))
    }

    /// The weights averaged over every step, unpruned.
    fn average(&self) -> FeatureMap<[f32; TAG_COUNT]> {
        let mut weights = FeatureMap::default();
        for (&f, w) in &self.weights {
            let mut averaged = [0f32; TAG_COUNT];
            for (tag, slot) in averaged.iter_mut().enumerate() {
                let total =
                    w.total[tag] + (self.step - w.stamp[tag]) as f64 * f64::from(w.current[tag]);
                *slot = (total / self.step.max(1) as f64) as f32;
            }
            weights.insert(f, averaged);
        }
        weights
    }
}

/// A small deterministic generator for the shuffle (xorshift64*).
pub(crate) struct Shuffle(pub(crate) u64);

impl Shuffle {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// How many training runs, each over its own order of the sentences, the model averages:
/// a perceptron depends on the order it reads its examples in, and the mean of several
/// orders depends less on any one (it is still one linear model, as fast to apply).
const RUNS: u64 = 16;

/// Trains the tagger, a structured perceptron (Collins 2002): each sentence is decoded
/// with the current weights as at tagging time (the best sequence, Viterbi), and where it
/// differs from the truth the truth's features gain and the guess's lose; weights are
/// averaged over all steps and then over [`RUNS`] orders of the sentences.
///
/// `seed` picks the sentence orders: 0 gives the shipped model; other seeds measure how
/// much the figures move with the orders alone.
pub fn train(examples: &[Example], epochs: usize, seed: u64, report: &mut TrainReport) -> NerModel {
    train_refs(&examples.iter().collect::<Vec<_>>(), epochs, seed, report)
}

/// [`train`] on some of the examples.
fn train_refs(
    examples: &[&Example],
    epochs: usize,
    seed: u64,
    report: &mut TrainReport,
) -> NerModel {
    // In how many documents each word occurs: a name seen in one document only is
    // learnt from its shape and context, as a new name will have to be.
    let mut word_documents: FeatureMap<(usize, usize)> = FeatureMap::default();
    for example in examples {
        for i in 0..example.tags.len() {
            let entry = word_documents
                .entry(example.features.word_key(i))
                .or_insert((usize::MAX, 0));
            if entry.0 != example.document {
                *entry = (example.document, entry.1 + 1);
            }
        }
    }
    let mut sum: FeatureMap<[f32; TAG_COUNT]> = FeatureMap::default();
    for run in 0..RUNS {
        let mut run_report = TrainReport::default();
        let weights = train_run(
            examples,
            &word_documents,
            epochs,
            0x6e65_7773_6b67_0001 + run + seed.wrapping_mul(RUNS),
            &mut run_report,
        );
        if run == 0 {
            report.epoch_accuracy = run_report.epoch_accuracy;
        }
        for (feature, w) in weights {
            let slot = sum.entry(feature).or_insert([0.0; TAG_COUNT]);
            for (total, w) in slot.iter_mut().zip(w) {
                *total += w;
            }
        }
    }
    let mut weights = FeatureMap::default();
    for (feature, w) in sum {
        let mean = w.map(|w| w / RUNS as f32);
        if mean.iter().any(|a| a.abs() >= 1e-3) {
            weights.insert(feature, mean);
        }
    }
    let model = NerModel::from_weights(weights);
    report.features = model.weights.len();
    model
}

/// How many parts the training documents are cut into for the first stage's tags: each
/// part is tagged by a first stage trained on the others, so that the second stage learns
/// from first-stage tags as wrong as on unseen text, not from tags of text it was trained on.
const FIRST_STAGE_FOLDS: usize = 5;

/// Trains a tagger of two stages: the first reads each sentence alone ([`train`]); the
/// second also reads what the first made of the same words elsewhere in the document
/// ([`add_document_history`]). The second stage learns from the tags of first stages that
/// did not see the document (jackknifed over [`FIRST_STAGE_FOLDS`] parts of the documents);
/// the shipped first stage is trained on all of them.
pub fn train_two_stages(
    examples: &mut [Example],
    epochs: usize,
    seed: u64,
    report: &mut TrainReport,
) -> NerModel {
    let first = train(examples, epochs, seed, report);
    let first_features = report.features;
    let mut histories: Vec<(usize, Vec<(Tag, f32)>)> = Vec::new();
    for fold in 0..FIRST_STAGE_FOLDS {
        let part = |e: &Example| e.document % FIRST_STAGE_FOLDS == fold;
        let others: Vec<&Example> = examples.iter().filter(|e| !part(e)).collect();
        let stage = train_refs(&others, epochs, seed, &mut TrainReport::default());
        let mut word_scores = WordScores::default();
        let mut document = usize::MAX;
        for (i, example) in examples.iter().enumerate().filter(|(_, e)| part(e)) {
            if example.document != document {
                (document, word_scores) = (example.document, WordScores::default());
            }
            histories.push((i, stage.tags_only(&example.features, &mut word_scores)));
        }
    }
    histories.sort_by_key(|h| h.0);
    let mut start = 0;
    while start < examples.len() {
        let document = examples[start].document;
        let end = start + examples[start..].partition_point(|e| e.document == document);
        let tags: Vec<Vec<(Tag, f32)>> =
            histories[start..end].iter().map(|h| h.1.clone()).collect();
        let mut sentences: Vec<&mut SentenceFeatures> = examples[start..end]
            .iter_mut()
            .map(|e| &mut e.features)
            .collect();
        add_document_history(&mut sentences, &tags);
        start = end;
    }
    let second = train(examples, epochs, seed, report);
    report.features += first_features;
    NerModel::from_stages(Some(first), second.weights)
}

/// One training run over the sentences in the order `seed` shuffles them to;
/// `word_documents` counts the documents each word occurs in.
fn train_run(
    examples: &[&Example],
    word_documents: &FeatureMap<(usize, usize)>,
    epochs: usize,
    seed: u64,
    report: &mut TrainReport,
) -> FeatureMap<[f32; TAG_COUNT]> {
    let mut trainer = Trainer {
        weights: FeatureMap::default(),
        step: 0,
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Shuffle(seed);
    let mut features = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        let (mut right, mut all) = (0usize, 0usize);
        for &e in &order {
            let example = &examples[e];
            let sentence = &example.features;
            let rare: Vec<bool> = (0..example.tags.len())
                .map(|i| word_documents[&sentence.word_key(i)].1 < 2)
                .collect();
            let tokens: Vec<TokenScores> = (0..example.tags.len())
                .map(|i| trainer.token_scores(sentence, i, rare[i], &mut features))
                .collect();
            let guess: Vec<Tag> = best_sequence(&tokens, &trainer.transitions())
                .into_iter()
                .map(|t| t.0)
                .collect();
            trainer.step += 1;
            // Where the best sequence and the truth differ (in the tag or in the tags
            // before it), the truth's features gain and the guess's lose.
            for (i, (&truth, &guessed)) in example.tags.iter().zip(&guess).enumerate() {
                let history = |tags: &[Tag]| {
                    let at = |back: usize| i.checked_sub(back).map_or(OUTSIDE, |k| tags[k]);
                    (at(1), at(2))
                };
                all += 1;
                right += usize::from(truth == guessed);
                if truth == guessed && history(&example.tags) == history(&guess) {
                    continue;
                }
                for (tags, tag, delta) in [(&example.tags, truth, 1.0), (&guess, guessed, -1.0)] {
                    let (previous, before) = history(tags);
                    sentence.with_history(i, previous, before, rare[i], &mut features);
                    trainer.add(&features, tag, delta);
                }
            }
        }
        report.epoch_accuracy.push(right as f64 / all.max(1) as f64);
    }
    trainer.average()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::parse_ann;

    #[test]
    fn gold_mentions_become_tags_on_our_tokens() {
        let text = "Mira Okafor joined Acme Group in Lagos.\n";
        let ann = parse_ann(
            "T1\tPerson 0 11\tMira Okafor\nT2\tOrganization 19 29\tAcme Group\nT3\tPlace 33 38\tLagos\n",
        );
        let mut report = TrainReport::default();
        let examples = document_examples(text, &ann, Kb::shipped(), &mut report);
        assert_eq!(examples.len(), 1);
        let person = name_tags(EntityType::Person, 2);
        let org = name_tags(EntityType::Organization, 2);
        let place = name_tags(EntityType::Place, 1);
        let expected: Vec<Tag> = [
            &person[..],
            &[OUTSIDE],
            &org,
            &[OUTSIDE],
            &place,
            &[OUTSIDE],
        ]
        .concat();
        assert_eq!(examples[0].tags, expected);
        assert_eq!((report.mentions, report.misaligned), (3, 0));
    }

    #[test]
    fn a_mention_inside_a_word_is_left_out() {
        let text = "Acme-owned firms grew.\n";
        let ann = parse_ann("T1\tOrganization 0 4\tAcme\n");
        let mut report = TrainReport::default();
        let examples = document_examples(text, &ann, Kb::shipped(), &mut report);
        assert_eq!(report.misaligned, 1);
        assert!(
            examples.is_empty(),
            "the sentence with a cut token is skipped"
        );
    }

    #[test]
    fn training_learns_a_toy_pattern_deterministically() {
        let text = "Mira Okafor met Tobi Adeyemi. Then Mira Okafor left.\n";
        let ann = parse_ann(
            "T1\tPerson 0 11\tMira Okafor\nT2\tPerson 16 28\tTobi Adeyemi\nT3\tPerson 35 46\tMira Okafor\n",
        );
        let mut report = TrainReport::default();
        let examples = document_examples(text, &ann, Kb::shipped(), &mut report);
        let a = train(&examples, 5, 0, &mut report);
        let b = train(&examples, 5, 0, &mut TrainReport::default());
        assert_eq!(a.to_bytes(), b.to_bytes());
        let tags: Vec<Tag> = a
            .tag(&examples[0].features, &mut Default::default())
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(tags, examples[0].tags);
    }

    #[test]
    fn two_stages_train_deterministically_and_tag_a_document() {
        let text = "Mira Okafor met Tobi Adeyemi in Lagos. Then Mira Okafor left Lagos.\n";
        let ann = parse_ann(
            "T1\tPerson 0 11\tMira Okafor\nT2\tPerson 16 28\tTobi Adeyemi\nT3\tPlace 32 37\tLagos\n\
             T4\tPerson 44 55\tMira Okafor\nT5\tPlace 61 66\tLagos\n",
        );
        let mut report = TrainReport::default();
        let mut examples = document_examples(text, &ann, Kb::shipped(), &mut report);
        let gold: Vec<Vec<Tag>> = examples.iter().map(|e| e.tags.clone()).collect();
        let mut again = document_examples(text, &ann, Kb::shipped(), &mut TrainReport::default());
        let a = train_two_stages(&mut examples, 5, 0, &mut report);
        let b = train_two_stages(&mut again, 5, 0, &mut TrainReport::default());
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert!(a.first_stage.is_some());
        let mut fresh = document_examples(text, &ann, Kb::shipped(), &mut TrainReport::default());
        let tagged = a.tag_document(&fresh.iter().map(|e| &e.features).collect::<Vec<_>>());
        let tags: Vec<Vec<Tag>> = tagged
            .iter()
            .map(|s| s.iter().map(|t| t.0).collect())
            .collect();
        assert_eq!(tags, gold);
        // Both stages scored in one pass give what each stage scored apart gives, margins
        // and all: the first stage tags, its history joins the features, the second tags.
        let first = a.first_stage.as_deref().expect("two stages");
        let mut word_scores = WordScores::default();
        let first_tags: Vec<Vec<(Tag, f32)>> = fresh
            .iter()
            .map(|e| first.tags_only(&e.features, &mut word_scores))
            .collect();
        let mut sentences: Vec<&mut SentenceFeatures> =
            fresh.iter_mut().map(|e| &mut e.features).collect();
        add_document_history(&mut sentences, &first_tags);
        let mut word_scores = WordScores::default();
        let apart: Vec<Vec<(Tag, f32)>> = sentences
            .iter()
            .map(|features| a.tag(features, &mut word_scores))
            .collect();
        assert_eq!(tagged, apart);
    }
}
