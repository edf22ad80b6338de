//! The statistical named-entity tagger: a structured averaged perceptron over BILOU tags
//! for named Person, Organization and Place mentions, decoded by Viterbi over pairs of
//! tags (the features read the two previous tags). Its features are the words around a
//! token, their shapes, affixes and word classes (learnt from unlabelled text, see
//! [`super::word_classes`]), the knowledge base and lexicon, what the rest of the document
//! does with the word, and the rule recogniser's own guess, so the model learns from
//! annotated text when each rule is to be trusted.
//!
//! The shipped weights (`data/ner.model`) are trained by `newskg train` on the GUM train
//! split; the same input and model always give the same tags.

use super::lexicon::{self, contains, contains_lower};
use super::ner::{Candidate, DocumentStats, NameContext};
use super::word_classes::{WordClasses, LEVELS};
use super::{EntityType, MentionKind, Method};
use crate::kb::Kb;
use crate::segment::{Segmented, Token, TokenKind, Zone};
use crate::span::Span;
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::{LazyLock, OnceLock};
use xxhash_rust::xxh3::xxh3_64;

/// The types the tagger tells apart, outside any name first: the values of the knowledge
/// base's and the rules' features, and of the per-name votes.
pub const TYPES: [&str; TYPE_COUNT] = ["O", "Person", "Organization", "Place"];
pub const TYPE_COUNT: usize = 4;

/// The index of a type in [`TYPES`]; Events have none.
pub fn type_index(entity_type: EntityType) -> Option<usize> {
    match entity_type {
        EntityType::Person => Some(1),
        EntityType::Organization => Some(2),
        EntityType::Place => Some(3),
        EntityType::Event => None,
    }
}

/// The type at an index of [`TYPES`], if any (0 is outside any name).
pub fn type_at(index: usize) -> Option<EntityType> {
    match index {
        1 => Some(EntityType::Person),
        2 => Some(EntityType::Organization),
        3 => Some(EntityType::Place),
        _ => None,
    }
}

/// Where a token stands in a name ("BILOU" tagging, Ratinov & Roth 2009): its first word,
/// a middle one, its last, or the whole name. The first and last words of a name learn
/// their own weights (a first name, a company word), and a one-word name learns apart
/// from the words of longer names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

const POSITIONS: usize = 4;

/// A tag: outside any name ([`OUTSIDE`]), or a type of [`TYPES`] with a [`Position`]; the
/// index of its weight in every weight vector.
pub type Tag = usize;
pub const TAG_COUNT: usize = 1 + (TYPE_COUNT - 1) * POSITIONS;
pub const OUTSIDE: Tag = 0;

/// The tag of a type at a position; none for Events.
pub fn tag_of(entity_type: EntityType, position: Position) -> Option<Tag> {
    type_index(entity_type).map(|t| 1 + (t - 1) * POSITIONS + position as usize)
}

/// The index in [`TYPES`] of a tag's type (0 for [`OUTSIDE`]).
pub fn type_index_of(tag: Tag) -> usize {
    if tag == OUTSIDE {
        0
    } else {
        1 + (tag - 1) / POSITIONS
    }
}

/// The entity type a tag stands for, if any.
pub fn tag_type(tag: Tag) -> Option<EntityType> {
    type_at(type_index_of(tag))
}

/// Where a tag stands in a name; none for [`OUTSIDE`].
pub fn position(tag: Tag) -> Option<Position> {
    match (tag != OUTSIDE).then(|| (tag - 1) % POSITIONS) {
        Some(0) => Some(Position::Begin),
        Some(1) => Some(Position::Inside),
        Some(2) => Some(Position::Last),
        Some(3) => Some(Position::Unit),
        _ => None,
    }
}

/// Whether a name is still open after `tag` (its first or a middle word).
fn opens(tag: Tag) -> bool {
    matches!(position(tag), Some(Position::Begin | Position::Inside))
}

/// Whether `tag` may follow `previous`: an open name goes on with its own type, inside or
/// at its last word; anything else is followed by outside, a first word or a one-word name.
pub fn may_follow(previous: Tag, tag: Tag) -> bool {
    if opens(previous) {
        type_index_of(tag) == type_index_of(previous)
            && matches!(position(tag), Some(Position::Inside | Position::Last))
    } else {
        !matches!(position(tag), Some(Position::Inside | Position::Last))
    }
}

/// The tags of the tokens of one name, `len` tokens long.
pub fn name_tags(entity_type: EntityType, len: usize) -> Vec<Tag> {
    let at = |position| tag_of(entity_type, position).unwrap_or(OUTSIDE);
    match len {
        0 => Vec::new(),
        1 => vec![at(Position::Unit)],
        _ => std::iter::once(at(Position::Begin))
            .chain(std::iter::repeat_n(at(Position::Inside), len - 2))
            .chain(std::iter::once(at(Position::Last)))
            .collect(),
    }
}

/// Feature keys are already hashes: the map need not hash them again.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type FeatureMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

const MAGIC: &[u8; 8] = b"NKNER02\n";
const TWO_STAGE_MAGIC: &[u8; 8] = b"NKNER2S\n";

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{path}: cannot read the model: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a newskg NER model ({reason})")]
    Format { path: String, reason: &'static str },
}

/// Perceptron weights: one score per tag for each feature hash.
#[derive(Debug, Clone, Default)]
pub struct NerModel {
    pub weights: FeatureMap<[f32; TAG_COUNT]>,
    /// The model whose tags of the whole document give these weights' history features
    /// ([`add_document_history`]); none for a model that reads each sentence alone.
    pub first_stage: Option<Box<NerModel>>,
    /// A hash of the weights, recorded in the content hash of every processed article.
    pub id: u64,
    /// What the tags before a token add whatever the token, filled on first use.
    transitions: OnceLock<Box<TransitionScores>>,
    /// With a first stage, both stages' weights in one table, filled on first use.
    joint: OnceLock<JointWeights>,
}

/// Per feature, the scores a first stage and its second give each tag: one lookup serves
/// both stages where they read the same features (all but the second's history).
type JointWeights = FeatureMap<[[f32; TAG_COUNT]; 2]>;

static SHIPPED: LazyLock<NerModel> = LazyLock::new(|| {
    NerModel::from_bytes(include_bytes!("../../data/ner.model"), "data/ner.model")
        .expect("the shipped model is valid (checked by a unit test)")
});

impl NerModel {
    /// The model compiled into the binary.
    pub fn shipped() -> &'static NerModel {
        &SHIPPED
    }

    pub fn load(path: &Path) -> Result<NerModel, ModelError> {
        let bytes = std::fs::read(path).map_err(|source| ModelError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_bytes(&bytes, &path.display().to_string())
    }

    /// Reads the format [`NerModel::to_bytes`] writes: a magic line, the feature count,
    /// then per feature its hash and one little-endian `f32` per tag. A model of two
    /// stages is its own magic line, the byte length of the first stage, the first stage
    /// and the second, each in that format.
    pub fn from_bytes(bytes: &[u8], path: &str) -> Result<NerModel, ModelError> {
        let bad = |reason| ModelError::Format {
            path: path.to_owned(),
            reason,
        };
        if let Some(rest) = bytes.strip_prefix(TWO_STAGE_MAGIC.as_slice()) {
            let (length, rest) = rest.split_at_checked(8).ok_or_else(|| bad("truncated"))?;
            let length = u64::from_le_bytes(length.try_into().map_err(|_| bad("truncated"))?);
            let (first, second) = usize::try_from(length)
                .ok()
                .and_then(|length| rest.split_at_checked(length))
                .ok_or_else(|| bad("truncated"))?;
            let first = Self::from_bytes(first, path)?;
            let mut model = Self::from_bytes(second, path)?;
            if first.first_stage.is_some() || model.first_stage.is_some() {
                return Err(bad("a stage of more than one stage"));
            }
            model.first_stage = Some(Box::new(first));
            model.id = xxhash_rust::xxh3::xxh3_64(bytes);
            return Ok(model);
        }
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| bad("wrong magic bytes"))?;
        let (count, rest) = rest.split_at_checked(8).ok_or_else(|| bad("truncated"))?;
        let count = u64::from_le_bytes(count.try_into().map_err(|_| bad("truncated"))?);
        let record = 8 + 4 * TAG_COUNT;
        if (rest.len() as u64) != count.saturating_mul(record as u64) {
            return Err(bad("length does not match the feature count"));
        }
        let mut weights = FeatureMap::default();
        weights.reserve(rest.len() / record);
        for chunk in rest.chunks_exact(record) {
            let (key, values) = chunk.split_at(8);
            let key = u64::from_le_bytes(key.try_into().map_err(|_| bad("truncated"))?);
            let mut w = [0f32; TAG_COUNT];
            for (slot, bytes) in w.iter_mut().zip(values.chunks_exact(4)) {
                *slot = f32::from_le_bytes(bytes.try_into().map_err(|_| bad("truncated"))?);
            }
            weights.insert(key, w);
        }
        Ok(NerModel {
            weights,
            first_stage: None,
            id: xxhash_rust::xxh3::xxh3_64(bytes),
            transitions: OnceLock::new(),
            joint: OnceLock::new(),
        })
    }

    /// A model of these weights, its id the hash of its bytes.
    pub fn from_weights(weights: FeatureMap<[f32; TAG_COUNT]>) -> NerModel {
        Self::from_stages(None, weights)
    }

    /// A model of these weights that reads the tags `first_stage` gives the document.
    pub fn from_stages(
        first_stage: Option<NerModel>,
        weights: FeatureMap<[f32; TAG_COUNT]>,
    ) -> NerModel {
        let mut model = NerModel {
            weights,
            first_stage: first_stage.map(Box::new),
            id: 0,
            transitions: OnceLock::new(),
            joint: OnceLock::new(),
        };
        model.id = xxhash_rust::xxh3::xxh3_64(&model.to_bytes());
        model
    }

    /// The model as bytes, features in hash order so equal models give equal files.
    pub fn to_bytes(&self) -> Vec<u8> {
        let Some(first) = &self.first_stage else {
            return self.stage_bytes();
        };
        let first = first.stage_bytes();
        let mut out = TWO_STAGE_MAGIC.to_vec();
        out.extend_from_slice(&(first.len() as u64).to_le_bytes());
        out.extend_from_slice(&first);
        out.extend_from_slice(&self.stage_bytes());
        out
    }

    /// This stage's weights as bytes.
    fn stage_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut out = Vec::with_capacity(16 + keys.len() * (8 + 4 * TAG_COUNT));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(keys.len() as u64).to_le_bytes());
        for key in keys {
            out.extend_from_slice(&key.to_le_bytes());
            for w in &self.weights[&key] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// The score of each tag for a token's features.
    pub fn scores(&self, features: &[u64]) -> [f32; TAG_COUNT] {
        let mut scores = [0f32; TAG_COUNT];
        self.add_scores(&mut scores, features);
        scores
    }

    fn add_scores(&self, scores: &mut [f32; TAG_COUNT], features: &[u64]) {
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
    }

    /// What the tags before a token add to its scores whatever the token (see
    /// [`transition_features`]), computed once per model.
    pub fn transitions(&self) -> &TransitionScores {
        self.transitions.get_or_init(|| {
            Box::new(std::array::from_fn(|pair| {
                let (before, previous) = (pair / TAG_COUNT, pair % TAG_COUNT);
                self.scores(&transition_features(previous, before))
            }))
        })
    }

    /// Tags every sentence of one document (as [`document_features`] gives them): with a
    /// first stage, that stage's tags of the whole document add their history features
    /// ([`document_history`]) before this model tags. The first stage's pass also sums this
    /// model's scores of the same features ([`JointWeights`]), so the second pass adds only
    /// those of the history: the same sums in the same order as scoring each stage apart.
    pub fn tag_document(&self, sentences: &[&SentenceFeatures]) -> Vec<Vec<(Tag, f32)>> {
        let Some(first) = &self.first_stage else {
            let mut word_scores = WordScores::default();
            return sentences
                .iter()
                .map(|features| self.tag(features, &mut word_scores))
                .collect();
        };
        let joint = self.joint.get_or_init(|| {
            let mut joint = JointWeights::default();
            for (stage, weights) in [&first.weights, &self.weights].into_iter().enumerate() {
                for (&feature, w) in weights {
                    joint.entry(feature).or_insert([[0.0; TAG_COUNT]; 2])[stage] = *w;
                }
            }
            joint
        });
        let mut word_scores = WordScores::default();
        let (first_scores, mut second_scores): (Vec<_>, Vec<_>) = sentences
            .iter()
            .map(|features| joint_token_scores(joint, features, &mut word_scores))
            .unzip();
        let first_tags: Vec<Vec<(Tag, f32)>> = first_scores
            .iter()
            .map(|tokens| best_tags(tokens, first.transitions()))
            .collect();
        let history = document_history(sentences, &first_tags);
        second_scores
            .iter_mut()
            .zip(history)
            .map(|(tokens, extra)| {
                for (token, features) in tokens.iter_mut().zip(&extra) {
                    self.add_scores(&mut token.own, features);
                }
                best_sequence(tokens, self.transitions())
            })
            .collect()
    }

    /// Tags one sentence: the best sequence of tags under the model (see [`best_sequence`]),
    /// each tag with its margin. `word_scores` keeps, per word of the document, the scores
    /// of its [`WORD_FEATURES`] and of its word and shape with each previous tag, for the
    /// next sentences: the same sums in the same order as [`NerModel::scores`] over all
    /// features, so the tags are the same.
    pub fn tag(
        &self,
        sentence: &SentenceFeatures,
        word_scores: &mut WordScores,
    ) -> Vec<(Tag, f32)> {
        best_sequence(
            &self.token_scores(sentence, word_scores),
            self.transitions(),
        )
    }

    /// The tags of [`NerModel::tag`] without their margins (each 0), a little faster.
    pub fn tags_only(
        &self,
        sentence: &SentenceFeatures,
        word_scores: &mut WordScores,
    ) -> Vec<(Tag, f32)> {
        best_tags(
            &self.token_scores(sentence, word_scores),
            self.transitions(),
        )
    }

    /// The scores of each tag at each token of a sentence.
    fn token_scores(
        &self,
        sentence: &SentenceFeatures,
        word_scores: &mut WordScores,
    ) -> Vec<TokenScores> {
        if sentence.is_empty() {
            return Vec::new();
        }
        (0..sentence.len())
            .map(|i| {
                let fixed = sentence.fixed(i);
                let word = word_scores.of(sentence.word_ids[i], || {
                    let mut read = [0; 2];
                    TokenScores {
                        own: self.scores(&fixed[..WORD_FEATURES]),
                        by_previous: std::array::from_fn(|previous| {
                            self.scores(
                                sentence.previous_tag_features(i, previous, false, &mut read),
                            )
                        }),
                    }
                });
                let mut token = word.clone();
                self.add_scores(&mut token.own, &fixed[WORD_FEATURES..]);
                token
            })
            .collect()
    }
}

/// The scores of each tag at each token of a sentence under both stages of a model, as
/// [`NerModel::token_scores`] computes them for each stage apart.
fn joint_token_scores(
    joint: &JointWeights,
    sentence: &SentenceFeatures,
    word_scores: &mut WordScores<[TokenScores; 2]>,
) -> (Vec<TokenScores>, Vec<TokenScores>) {
    let add = |scores: &mut [TokenScores; 2], features: &[u64], slot: Option<usize>| {
        for f in features {
            if let Some(w) = joint.get(f) {
                for (stage, scores) in scores.iter_mut().enumerate() {
                    let sum = match slot {
                        None => &mut scores.own,
                        Some(previous) => &mut scores.by_previous[previous],
                    };
                    for (s, w) in sum.iter_mut().zip(&w[stage]) {
                        *s += w;
                    }
                }
            }
        }
    };
    let empty = || TokenScores {
        own: [0.0; TAG_COUNT],
        by_previous: [[0.0; TAG_COUNT]; TAG_COUNT],
    };
    (0..sentence.len())
        .map(|i| {
            let fixed = sentence.fixed(i);
            let word = word_scores.of(sentence.word_ids[i], || {
                let mut scores = [empty(), empty()];
                add(&mut scores, &fixed[..WORD_FEATURES], None);
                let mut read = [0; 2];
                for previous in 0..TAG_COUNT {
                    let features = sentence.previous_tag_features(i, previous, false, &mut read);
                    add(&mut scores, features, Some(previous));
                }
                scores
            });
            let mut token = word.clone();
            add(&mut token, &fixed[WORD_FEATURES..], None);
            let [first, second] = token;
            (first, second)
        })
        .unzip()
}

/// How many pairs of tags (the tag two tokens back, the previous tag) there are.
pub const TAG_PAIRS: usize = TAG_COUNT * TAG_COUNT;
const _: () = assert!(
    TAG_PAIRS <= u8::MAX as usize + 1,
    "a pair is kept in a byte"
);

/// What the tags before a token add to the score of each of its tags whatever the token:
/// per pair of tags before it (index `before * TAG_COUNT + previous`).
pub type TransitionScores = [[f32; TAG_COUNT]; TAG_PAIRS];

/// The scores of each tag at one token: from its own features, and from its word and
/// shape with each previous tag.
#[derive(Debug, Clone)]
pub struct TokenScores {
    pub own: [f32; TAG_COUNT],
    pub by_previous: [[f32; TAG_COUNT]; TAG_COUNT],
}

impl TokenScores {
    /// The score of `tag` at this token after the pair of tags `pair`.
    fn score(&self, transitions: &TransitionScores, pair: usize, tag: Tag) -> f32 {
        self.own[tag] + self.by_previous[pair % TAG_COUNT][tag] + transitions[pair][tag]
    }
}

/// The successors [`may_follow`] allows after each tag.
static SUCCESSORS: LazyLock<[Vec<Tag>; TAG_COUNT]> = LazyLock::new(|| {
    std::array::from_fn(|previous| {
        (0..TAG_COUNT)
            .filter(|&tag| may_follow(previous, tag))
            .collect()
    })
});

/// The pairs of tags (index `before * TAG_COUNT + previous`) that a well-formed sequence
/// can hold: 97 of the 169.
static WELL_FORMED_PAIRS: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..TAG_PAIRS)
        .filter(|&pair| may_follow(pair / TAG_COUNT, pair % TAG_COUNT))
        .collect()
});

/// The sequence of well-formed tags ([`may_follow`]; no name left open at the end) with
/// the highest total score, by Viterbi over pairs of tags, as the history features read
/// the two previous tags (the sentence starts after two `O`s). Each tag comes with the
/// margin of its type: how far the best sequence is ahead of the best one that gives the
/// token another type or none (max-marginals, from a backward pass). Ties go to the lower
/// tag, so the result is the same on every run.
pub fn best_sequence(tokens: &[TokenScores], transitions: &TransitionScores) -> Vec<(Tag, f32)> {
    viterbi(tokens, transitions, true)
}

/// The tags of [`best_sequence`] without their margins (each 0): no backward pass.
fn best_tags(tokens: &[TokenScores], transitions: &TransitionScores) -> Vec<(Tag, f32)> {
    viterbi(tokens, transitions, false)
}

fn viterbi(
    tokens: &[TokenScores],
    transitions: &TransitionScores,
    with_margins: bool,
) -> Vec<(Tag, f32)> {
    let n = tokens.len();
    if n == 0 {
        return Vec::new();
    }
    let start = OUTSIDE * TAG_COUNT + OUTSIDE;
    // forward[i][pair]: the best score of tags 0..=i ending in the pair (tag i-1, tag i);
    // from[i][pair]: the pair at i-1 it came from.
    let mut forward = vec![[f32::NEG_INFINITY; TAG_PAIRS]; n];
    let mut from = vec![[start as u8; TAG_PAIRS]; n];
    for &tag in &SUCCESSORS[OUTSIDE] {
        forward[0][OUTSIDE * TAG_COUNT + tag] = tokens[0].score(transitions, start, tag);
    }
    for i in 1..n {
        for &pair in WELL_FORMED_PAIRS.iter() {
            let so_far = forward[i - 1][pair];
            if so_far == f32::NEG_INFINITY {
                continue;
            }
            let previous = pair % TAG_COUNT;
            for &tag in &SUCCESSORS[previous] {
                let to = previous * TAG_COUNT + tag;
                let score = so_far + tokens[i].score(transitions, pair, tag);
                if score > forward[i][to] {
                    forward[i][to] = score;
                    from[i][to] = pair as u8;
                }
            }
        }
    }
    // backward[i][pair]: the best score the tags after i add, given the pair at i (minus
    // infinity where a name is left open at the end, and for pairs no sequence holds).
    let mut pair = (0..TAG_PAIRS)
        .filter(|&pair| !opens(pair % TAG_COUNT))
        .fold(start, |best, pair| {
            if forward[n - 1][pair] > forward[n - 1][best] {
                pair
            } else {
                best
            }
        });
    if !with_margins {
        let mut tags = vec![(OUTSIDE, 0f32); n];
        for i in (0..n).rev() {
            tags[i].0 = pair % TAG_COUNT;
            pair = usize::from(from[i][pair]);
        }
        return tags;
    }
    let mut backward = vec![[f32::NEG_INFINITY; TAG_PAIRS]; n];
    for (pair, slot) in backward[n - 1].iter_mut().enumerate() {
        if !opens(pair % TAG_COUNT) {
            *slot = 0.0;
        }
    }
    for i in (0..n - 1).rev() {
        for &pair in WELL_FORMED_PAIRS.iter() {
            let tag = pair % TAG_COUNT;
            backward[i][pair] = SUCCESSORS[tag]
                .iter()
                .map(|&next| {
                    tokens[i + 1].score(transitions, pair, next)
                        + backward[i + 1][tag * TAG_COUNT + next]
                })
                .fold(f32::NEG_INFINITY, larger);
        }
    }
    let mut tags = vec![(OUTSIDE, 0f32); n];
    for i in (0..n).rev() {
        let tag = pair % TAG_COUNT;
        let mut best_with = [f32::NEG_INFINITY; TYPE_COUNT];
        for &p in WELL_FORMED_PAIRS.iter() {
            let t = type_index_of(p % TAG_COUNT);
            best_with[t] = larger(best_with[t], forward[i][p] + backward[i][p]);
        }
        let own = type_index_of(tag);
        let runner_up = (0..TYPE_COUNT)
            .filter(|&t| t != own)
            .map(|t| best_with[t])
            .fold(f32::NEG_INFINITY, larger);
        tags[i] = (tag, best_with[own] - runner_up);
        pair = usize::from(from[i][pair]);
    }
    tags
}

/// The larger of two scores, neither of them NaN (a sum of finite weights, or minus
/// infinity): a plain comparison, cheaper than `f32::max` and its NaN rules.
fn larger(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// Per word of one document (by [`SentenceFeatures`]' word ids), the scores of the
/// features that depend on the word alone: its own, and with each previous tag (the
/// lower-cased word and the shape are the word's); per stage for [`joint_token_scores`].
pub struct WordScores<T = TokenScores> {
    /// Per word id, its index in `scores` plus one (0: not scored yet).
    slots: Vec<u32>,
    scores: Vec<T>,
}

impl<T> Default for WordScores<T> {
    fn default() -> Self {
        WordScores {
            slots: Vec::new(),
            scores: Vec::new(),
        }
    }
}

impl<T> WordScores<T> {
    /// The scores of word `id`, computed by `score` the first time.
    fn of(&mut self, id: u32, score: impl FnOnce() -> T) -> &T {
        let id = id as usize;
        if self.slots.len() <= id {
            self.slots.resize(id + 1, 0);
        }
        if self.slots[id] == 0 {
            self.scores.push(score());
            self.slots[id] = self.scores.len() as u32;
        }
        &self.scores[self.slots[id] as usize - 1]
    }
}

/// The index of the best score and its margin over the runner-up.
pub fn best<const N: usize>(scores: &[f32; N]) -> (usize, f32) {
    let mut best = (OUTSIDE, f32::NEG_INFINITY);
    let mut second = f32::NEG_INFINITY;
    for (tag, &score) in scores.iter().enumerate() {
        if score > best.1 {
            second = best.1;
            best = (tag, score);
        } else if score > second {
            second = score;
        }
    }
    (best.0, best.1 - second)
}

/// The features of one sentence's tokens that do not depend on the tags chosen so far.
/// Per token, the first [`IDENTITY_FEATURES`] name the word itself; the rest describe it.
pub struct SentenceFeatures {
    /// Every token's fixed features, one token after the other.
    features: Vec<u64>,
    /// Where each token's features end in `features`.
    ends: Vec<usize>,
    /// Per token, the hash of the lower-cased word, to be combined with the previous tag.
    words: Vec<u64>,
    /// Per token, which distinct word of the document it is.
    word_ids: Vec<u32>,
    /// Whether the sentence is a headline, whose readings the document history leaves out.
    headline: bool,
}

/// How many of a token's fixed features come first and depend on the word alone: the
/// bias, the word, its lower case, shape and affixes.
pub const WORD_FEATURES: usize = 7;

/// How many of a token's fixed features (after the bias) say which word it is; training
/// hides them for rare words so that the descriptive features learn to carry names
/// never seen before.
pub const IDENTITY_FEATURES: std::ops::Range<usize> = 1..3;

// Feature templates: the seed of the hash that names each.
const F_BIAS: u64 = 1;
const F_WORD: u64 = 2;
const F_LOWER: u64 = 3;
const F_SHAPE: u64 = 4;
const F_PREFIX: u64 = 5;
const F_SUFFIX3: u64 = 6;
const F_SUFFIX2: u64 = 7;
const F_PREV_WORD: u64 = 8;
const F_NEXT_WORD: u64 = 9;
const F_PREV2_WORD: u64 = 10;
const F_NEXT2_WORD: u64 = 11;
const F_PREV_SHAPE: u64 = 12;
const F_NEXT_SHAPE: u64 = 13;
const F_INITIAL_SHAPE: u64 = 14;
const F_DOC: u64 = 15;
const F_KB: u64 = 16;
const F_KB_KIND: u64 = 17;
const F_LEXICON: u64 = 18;
const F_NEXT_LEXICON: u64 = 19;
const F_PREV_LEXICON: u64 = 20;
const F_RULE: u64 = 21;
const F_RULE_METHOD: u64 = 22;
const F_ZONE: u64 = 23;
const F_SHAPE_PAIR: u64 = 24;
const F_NAME_CONTEXT: u64 = 25;
const F_PREV_WORD_SHAPE: u64 = 26;
const F_NEXT_WORD_SHAPE: u64 = 27;
const F_CLASS: u64 = 34;
const F_PREV_MID_CLASS: u64 = 35;
const F_CLASS_SHAPE: u64 = 36;
const F_PREV_CLASS: u64 = 37;
const F_NEXT_CLASS: u64 = 38;
const F_NEXT_MID_CLASS: u64 = 39;
const F_GIVEN_NAME: u64 = 40;
const F_PLACE_NAME: u64 = 45;
const F_HISTORY_NONE: u64 = 41;
const F_HISTORY_TYPE: u64 = 42;
const F_HISTORY_MOST: u64 = 43;
const F_HISTORY_TAG: u64 = 44;
/// The class value of a word the class table does not have.
const NO_CLASS: u64 = u64::MAX;
const F_PREV_TAG: u64 = 30;
const F_PREV_TAGS: u64 = 31;
const F_PREV_TAG_WORD: u64 = 32;
const F_PREV_TAG_SHAPE: u64 = 33;

/// The hash of a feature's value.
pub(crate) fn value_hash(value: &[u8]) -> u64 {
    xxh3_64(value)
}

/// The feature that `template` makes of a value hashed as `value`: splitmix64's finaliser
/// over both, so one word hashed once serves every template that reads it.
fn keyed(template: u64, value: u64) -> u64 {
    let mut z = value ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A feature of several values, keyed one after the other (no joined string).
pub(crate) fn feature_of(template: u64, values: &[u64]) -> u64 {
    values
        .iter()
        .fold(template, |seed, &value| keyed(seed, value))
}

/// The `n` first (`from_end == false`) or last characters of a word, sliced in place.
pub(crate) fn affix(word: &str, n: usize, from_end: bool) -> &str {
    if from_end {
        let start = word.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b);
        &word[start..]
    } else {
        let end = word.char_indices().nth(n).map_or(word.len(), |(b, _)| b);
        &word[..end]
    }
}

/// What the tagger reads off one word by itself, as value hashes: computed once per
/// distinct word of a document, however often the word occurs.
#[derive(Clone, Copy)]
struct WordKeys {
    /// Which distinct word of the document this is, from 0.
    id: u32,
    exact: u64,
    lower: u64,
    shape: u64,
    prefix: u64,
    suffix3: u64,
    suffix2: u64,
    /// The word's lexicon class.
    class: u64,
    /// For a capitalised word, what the rest of the document does with it.
    doc: Option<u64>,
    /// The contexts the document puts the word's names in (bits of `NameContext`).
    contexts: u8,
    /// The word's classes ([`WordClasses`]), finest first, or a value for none.
    classes: [u64; LEVELS],
    /// Whether the word is a common given name ([`lexicon::is_given_name`]).
    given_name: bool,
}

/// The [`WordKeys`] of a document's words, filled as sentences are read.
#[derive(Default)]
struct WordTable<'t> {
    keys: FxHashMap<&'t str, WordKeys>,
    lower: String,
    shape: String,
}

impl<'t> WordTable<'t> {
    fn get(&mut self, word: &'t str, kb: &Kb, stats: &DocumentStats) -> WordKeys {
        if let Some(&keys) = self.keys.get(word) {
            return keys;
        }
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        self.shape.clear();
        push_shape(word, &mut self.shape);
        let lower = self.lower.as_str();
        let classes = WordClasses::shipped().get(lower);
        let doc = word.starts_with(char::is_uppercase).then(|| {
            let doc = match (
                stats.lowercase.contains(lower),
                stats.mid_sentence_capitalised.contains(word),
                stats.after_article.contains(word),
            ) {
                (true, true, false) => "both",
                (true, false, false) => "lower-elsewhere",
                (false, true, false) => "capitalised-elsewhere",
                (false, false, false) => "only-here",
                (true, true, true) => "both+article",
                (true, false, true) => "lower-elsewhere+article",
                (false, true, true) => "capitalised-elsewhere+article",
                (false, false, true) => "only-here+article",
            };
            value_hash(doc.as_bytes())
        });
        let keys = WordKeys {
            id: self.keys.len() as u32,
            exact: value_hash(word.as_bytes()),
            lower: value_hash(lower.as_bytes()),
            shape: value_hash(self.shape.as_bytes()),
            prefix: value_hash(affix(lower, 3, false).as_bytes()),
            suffix3: value_hash(affix(lower, 3, true).as_bytes()),
            suffix2: value_hash(affix(lower, 2, true).as_bytes()),
            class: value_hash(lexicon_class(kb, word).as_bytes()),
            doc,
            contexts: stats.name_contexts.get(word).copied().unwrap_or(0),
            classes: classes.map_or([NO_CLASS; LEVELS], |c| c.0.map(u64::from)),
            given_name: lexicon::is_given_name(word),
        };
        self.keys.insert(word, keys);
        keys
    }
}

/// "Xxxx", "XX", "xx", "dd", "X.X.": the word's character classes, runs collapsed.
#[cfg(test)]
fn shape(word: &str) -> String {
    let mut out = String::new();
    push_shape(word, &mut out);
    out
}

/// Appends the shape of `word` (see `shape`) to `out`.
pub(crate) fn push_shape(word: &str, out: &mut String) {
    let mut last = None;
    let mut run = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if Some(class) == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = Some(class);
        out.push(class);
    }
}

/// Per token, the type (index in [`TYPES`]) of the longest knowledge-base name covering it,
/// and whether the token opens a one-word name, opens a longer one or is inside one.
fn kb_types(text: &str, tokens: &[Token], kb: &Kb) -> Vec<Option<(usize, &'static str)>> {
    longest_names(text, tokens, 6, |name| kb.type_of(name))
        .into_iter()
        .map(|found| found.and_then(|(t, kind)| type_index(t).map(|t| (t, kind))))
        .collect()
}

/// Per token, where it stands in the longest name of the long-tail place gazetteers
/// ([`Kb::is_place_name`]) covering it, as in [`kb_types`]: a town's name is as often a
/// surname or a word, so the tagger weighs it.
fn listed_places(text: &str, tokens: &[Token], kb: &Kb) -> Vec<Option<&'static str>> {
    longest_names(text, tokens, 4, |name| kb.is_place_name(name).then_some(()))
        .into_iter()
        .map(|found| found.map(|((), kind)| kind))
        .collect()
}

/// Per token, what `find` says of the longest run of up to `max_words` tokens covering it
/// that opens with a capitalised word and that `find` knows, read left to right, and
/// whether the token opens a one-word name ("single"), opens a longer one ("multi") or is
/// inside one ("inside").
fn longest_names<T: Copy>(
    text: &str,
    tokens: &[Token],
    max_words: usize,
    find: impl Fn(&str) -> Option<T>,
) -> Vec<Option<(T, &'static str)>> {
    let mut out = vec![None; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let starts_name = tokens[i].kind == TokenKind::Word
            && tokens[i].span.slice(text).starts_with(char::is_uppercase);
        if !starts_name {
            i += 1;
            continue;
        }
        let longest = (i + 1..=tokens.len().min(i + max_words))
            .rev()
            .find_map(|end| {
                let span = tokens[i].span.cover(tokens[end - 1].span);
                find(span.slice(text)).map(|found| (end, found))
            });
        match longest {
            Some((end, found)) => {
                let kind = if end - i > 1 { "multi" } else { "single" };
                for (k, slot) in out.iter_mut().enumerate().take(end).skip(i) {
                    *slot = Some((found, if k > i { "inside" } else { kind }));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn lexicon_class(kb: &Kb, word: &str) -> &'static str {
    if lexicon::is_title_word(word) {
        "title"
    } else if lexicon::closes_organisation(word) {
        "org-suffix"
    } else if contains(&lexicon::PLACE_SUFFIXES, word) {
        "place-suffix"
    } else if contains(&lexicon::PLACE_PREFIXES, word) {
        "place-prefix"
    } else if kb.demonym(word).is_some() {
        "demonym"
    } else if kb.is_first_name(word) {
        "first-name"
    } else if contains(&lexicon::COMMON_CAPITALISED, word) {
        "common-capitalised"
    } else if contains(&lexicon::NAME_CONNECTORS, word) {
        "connector"
    } else {
        "-"
    }
}

/// The rule recogniser's named guesses over a sentence's tokens: per token, the type
/// (index in [`TYPES`]) and the method of the guess covering it.
fn rule_types(
    seg: &Segmented,
    sentence: usize,
    tokens: &[Token],
    rules: &[&Candidate],
) -> Vec<Option<(usize, &'static str)>> {
    let mut out = vec![None; tokens.len()];
    for c in rules {
        if c.kind != MentionKind::Named {
            continue;
        }
        let (first, last) = seg.token_bounds(sentence, c.span);
        if tokens[first].span.start != c.span.start {
            continue;
        }
        let method = c.method.static_name();
        for slot in out.iter_mut().take(last + 1).skip(first) {
            if slot.is_none() {
                *slot = type_index(c.entity_type).map(|t| (t, method));
            }
        }
    }
    out
}

impl SentenceFeatures {
    /// Computes the fixed features of every token in one sentence. `rules` are the rule
    /// recogniser's candidates inside the sentence.
    fn new<'t>(
        text: &'t str,
        seg: &Segmented,
        sentence: usize,
        (stats, kb): (&DocumentStats, &Kb),
        rules: &[&Candidate],
        table: &mut WordTable<'t>,
    ) -> SentenceFeatures {
        let tokens = seg.sentence_tokens(sentence);
        let zone = value_hash(seg.sentences[sentence].zone.name().as_bytes());
        let words: Vec<WordKeys> = tokens
            .iter()
            .map(|t| table.get(t.span.slice(text), kb, stats))
            .collect();
        let kb_types = kb_types(text, tokens, kb);
        let listed_places = listed_places(text, tokens, kb);
        let rule_types = rule_types(seg, sentence, tokens, rules);
        let (start, end) = (value_hash(b"<s>"), value_hash(b"</s>"));
        // The value `read` takes of the word `d` places from `i`, or a boundary marker.
        let around = |i: usize, d: isize, read: fn(&WordKeys) -> u64| match i.checked_add_signed(d)
        {
            None => start,
            Some(k) => words.get(k).map_or(end, read),
        };
        let none = value_hash(b"-");
        let type_hashes = TYPES.map(|t| value_hash(t.as_bytes()));
        let mut initial = true;
        let mut out = SentenceFeatures {
            features: Vec::with_capacity(tokens.len() * 36),
            ends: Vec::with_capacity(tokens.len()),
            words: Vec::with_capacity(tokens.len()),
            word_ids: words.iter().map(|w| w.id).collect(),
            headline: seg.sentences[sentence].zone == Zone::Headline,
        };
        for (i, w) in words.iter().enumerate() {
            let lower = |k: &WordKeys| k.lower;
            let shape = |k: &WordKeys| k.shape;
            let class = |k: &WordKeys| k.class;
            let f = &mut out.features;
            f.push(keyed(F_BIAS, 0));
            f.push(keyed(F_WORD, w.exact));
            f.push(keyed(F_LOWER, w.lower));
            f.push(keyed(F_SHAPE, w.shape));
            f.push(keyed(F_PREFIX, w.prefix));
            f.push(keyed(F_SUFFIX3, w.suffix3));
            f.push(keyed(F_SUFFIX2, w.suffix2));
            debug_assert_eq!(
                f.len() - out.ends.last().copied().unwrap_or(0),
                WORD_FEATURES
            );
            f.push(keyed(F_PREV_WORD, around(i, -1, lower)));
            f.push(keyed(F_NEXT_WORD, around(i, 1, lower)));
            f.push(keyed(F_PREV2_WORD, around(i, -2, lower)));
            f.push(keyed(F_NEXT2_WORD, around(i, 2, lower)));
            f.push(keyed(F_PREV_SHAPE, around(i, -1, shape)));
            f.push(keyed(F_NEXT_SHAPE, around(i, 1, shape)));
            f.push(feature_of(
                F_SHAPE_PAIR,
                &[around(i, -1, shape), w.shape, around(i, 1, shape)],
            ));
            f.push(feature_of(
                F_PREV_WORD_SHAPE,
                &[around(i, -1, lower), w.shape],
            ));
            f.push(feature_of(
                F_NEXT_WORD_SHAPE,
                &[around(i, 1, lower), w.shape],
            ));
            if initial {
                f.push(keyed(F_INITIAL_SHAPE, w.shape));
            }
            initial = initial && tokens[i].kind == TokenKind::Punct;
            if let Some(doc) = w.doc {
                f.push(keyed(F_DOC, doc));
            }
            for context in NameContext::ALL {
                if w.contexts & context.bit() != 0 {
                    f.push(keyed(F_NAME_CONTEXT, context as u64));
                }
            }
            match kb_types[i] {
                Some((t, kind)) => {
                    f.push(keyed(F_KB, type_hashes[t]));
                    f.push(feature_of(
                        F_KB_KIND,
                        &[type_hashes[t], value_hash(kind.as_bytes())],
                    ));
                }
                None => f.push(keyed(F_KB, none)),
            }
            f.push(keyed(F_LEXICON, w.class));
            f.push(keyed(F_NEXT_LEXICON, around(i, 1, class)));
            f.push(keyed(F_PREV_LEXICON, around(i, -1, class)));
            match rule_types[i] {
                Some((t, method)) => {
                    f.push(keyed(F_RULE, type_hashes[t]));
                    f.push(feature_of(
                        F_RULE_METHOD,
                        &[type_hashes[t], value_hash(method.as_bytes())],
                    ));
                }
                None => f.push(keyed(F_RULE, none)),
            }
            f.push(keyed(F_ZONE, zone));
            let fine = |k: &WordKeys| k.classes[0];
            let mid = |k: &WordKeys| k.classes[1];
            for (level, &class) in w.classes.iter().enumerate() {
                f.push(feature_of(F_CLASS, &[level as u64, class]));
            }
            f.push(feature_of(F_CLASS_SHAPE, &[w.classes[0], w.shape]));
            f.push(keyed(F_PREV_CLASS, around(i, -1, fine)));
            f.push(keyed(F_NEXT_CLASS, around(i, 1, fine)));
            f.push(keyed(F_PREV_MID_CLASS, around(i, -1, mid)));
            f.push(keyed(F_NEXT_MID_CLASS, around(i, 1, mid)));
            f.push(keyed(F_GIVEN_NAME, u64::from(w.given_name)));
            f.push(keyed(
                F_PLACE_NAME,
                value_hash(listed_places[i].unwrap_or("-").as_bytes()),
            ));
            out.ends.push(f.len());
            out.words.push(keyed(F_PREV_TAG_WORD, w.lower));
        }
        out
    }

    /// How many tokens the sentence has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The fixed features of token `i`.
    pub(crate) fn fixed(&self, i: usize) -> &[u64] {
        let start = i.checked_sub(1).map_or(0, |k| self.ends[k]);
        &self.features[start..self.ends[i]]
    }

    /// The fixed features of token `i` into `out`, without the word's identity when
    /// `hide_word`.
    pub fn described(&self, i: usize, hide_word: bool, out: &mut Vec<u64>) {
        let fixed = self.fixed(i);
        out.clear();
        if hide_word {
            out.push(fixed[0]);
            out.extend_from_slice(&fixed[IDENTITY_FEATURES.end..]);
        } else {
            out.extend_from_slice(fixed);
        }
    }

    /// The features of the previous tag with token `i`'s word and with its shape, kept in
    /// `into`: without the one that joins the word's identity when `hide_word`.
    pub fn previous_tag_features<'a>(
        &self,
        i: usize,
        previous: Tag,
        hide_word: bool,
        into: &'a mut [u64; 2],
    ) -> &'a [u64] {
        *into = [
            self.words[i] ^ (previous as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            keyed(F_PREV_TAG_SHAPE, previous as u64) ^ self.fixed(i)[3],
        ];
        &into[usize::from(hide_word)..]
    }

    /// The fixed features of token `i` plus those of the tags chosen before it; without
    /// the word's identity when `hide_word`.
    pub fn with_history(
        &self,
        i: usize,
        previous: Tag,
        before: Tag,
        hide_word: bool,
        out: &mut Vec<u64>,
    ) {
        self.described(i, hide_word, out);
        let mut read = [0; 2];
        out.extend_from_slice(self.previous_tag_features(i, previous, hide_word, &mut read));
        out.extend_from_slice(&transition_features(previous, before));
    }

    /// Adds `extra[i]` to the features of token `i`, after its own.
    pub fn append(&mut self, extra: &[Vec<u64>]) {
        let added: usize = extra.iter().map(Vec::len).sum();
        let mut features = Vec::with_capacity(self.features.len() + added);
        let mut ends = Vec::with_capacity(self.ends.len());
        for (i, more) in extra.iter().enumerate().take(self.len()) {
            features.extend_from_slice(self.fixed(i));
            features.extend_from_slice(more);
            ends.push(features.len());
        }
        self.features = features;
        self.ends = ends;
    }

    /// The hash that names the lower-cased word of token `i` (counted by training).
    pub fn word_key(&self, i: usize) -> u64 {
        self.fixed(i)[IDENTITY_FEATURES.end - 1]
    }
}

/// The features of the tags before a token that do not depend on the token: the previous
/// tag, and the two previous tags.
pub fn transition_features(previous: Tag, before: Tag) -> [u64; 2] {
    [
        keyed(F_PREV_TAG, previous as u64),
        feature_of(F_PREV_TAGS, &[before as u64, previous as u64]),
    ]
}

/// Per sentence, the indexes of the candidates in it.
pub(crate) fn by_sentence(seg: &Segmented, candidates: &[Candidate]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); seg.sentences.len()];
    for (i, c) in candidates.iter().enumerate() {
        if let Some(list) = out.get_mut(c.sentence) {
            list.push(i);
        }
    }
    out
}

/// The sentences the tagger reads (not the date header or a section label), each with its
/// features: the one path that both tagging and training take.
pub fn document_features(
    text: &str,
    seg: &Segmented,
    kb: &Kb,
    stats: &DocumentStats,
    candidates: &[Candidate],
    in_sentence: &[Vec<usize>],
) -> Vec<(usize, SentenceFeatures)> {
    let mut table = WordTable::default();
    seg.sentences
        .iter()
        .enumerate()
        .filter(|(_, sentence)| {
            !matches!(sentence.zone, Zone::Header | Zone::Section) && !sentence.tokens.is_empty()
        })
        .map(|(s, _)| {
            let rules: Vec<&Candidate> = in_sentence[s].iter().map(|&i| &candidates[i]).collect();
            let features = SentenceFeatures::new(text, seg, s, (stats, kb), &rules, &mut table);
            (s, features)
        })
        .collect()
}

/// Adds to every token the tags a first stage gave the same word elsewhere in the document
/// (Ratinov and Roth 2009's "prediction history", over the whole article): whether another
/// occurrence was read as part of a name of each type, and in which position (first, inner,
/// last or only word), and the reading most other occurrences had. "Torvale" read as a place
/// in "in Torvale" is evidence for the sentence that only says "Torvale is". `tags` holds
/// each sentence's tags, in the order of `sentences`.
pub fn add_document_history(sentences: &mut [&mut SentenceFeatures], tags: &[Vec<(Tag, f32)>]) {
    let shared: Vec<&SentenceFeatures> = sentences.iter().map(|s| &**s).collect();
    let history = document_history(&shared, tags);
    for (features, extra) in sentences.iter_mut().zip(history) {
        features.append(&extra);
    }
}

/// The history features [`add_document_history`] adds: per sentence, per token.
pub fn document_history(
    sentences: &[&SentenceFeatures],
    tags: &[Vec<(Tag, f32)>],
) -> Vec<Vec<Vec<u64>>> {
    // Per distinct word, how often each tag was read. A headline's readings are left
    // out: it drops the context a name is read by ("Late Okafor header sends Hartlepool
    // into playoff places"), and its misreadings would overrule the body's.
    let mut readings: FxHashMap<u32, [u32; TAG_COUNT]> = FxHashMap::default();
    for (features, tags) in sentences.iter().zip(tags) {
        if features.headline {
            continue;
        }
        for (&word, &(tag, _)) in features.word_ids.iter().zip(tags) {
            readings.entry(word).or_default()[tag] += 1;
        }
    }
    sentences
        .iter()
        .zip(tags)
        .map(|(features, tags)| {
            features
                .word_ids
                .iter()
                .zip(tags)
                .map(|(word, &(tag, _))| {
                    let mut others = readings.get(word).copied().unwrap_or_default();
                    if !features.headline {
                        others[tag] -= 1;
                    }
                    if others.iter().all(|&n| n == 0) {
                        return vec![keyed(F_HISTORY_NONE, 0)];
                    }
                    let mut by_type = [0f32; TYPE_COUNT];
                    for (t, &n) in others.iter().enumerate() {
                        by_type[type_index_of(t)] += n as f32;
                    }
                    let mut out = Vec::new();
                    for (t, &n) in by_type.iter().enumerate().skip(1) {
                        if n > 0.0 {
                            out.push(keyed(F_HISTORY_TYPE, t as u64));
                        }
                    }
                    out.push(keyed(F_HISTORY_MOST, best(&by_type).0 as u64));
                    for (t, &n) in others.iter().enumerate().skip(1) {
                        if n > 0 {
                            out.push(keyed(F_HISTORY_TAG, t as u64));
                        }
                    }
                    out
                })
                .collect()
        })
        .collect()
}

/// The spans a tag sequence marks (from a name's first word or a one-word name to where
/// the name ends), with their type and the smallest margin of their tags.
fn spans_of(text: &str, tokens: &[Token], tags: &[(Tag, f32)]) -> Vec<(Span, EntityType, f32)> {
    // Names as token ranges.
    let mut runs: Vec<(usize, usize, EntityType, f32)> = Vec::new();
    let mut previous = OUTSIDE;
    for (i, &(tag, margin)) in tags.iter().enumerate().take(tokens.len()) {
        // "Reporting by Jo Roe | Valley Courier": a byline's or a menu's separator splits
        // the names on either side, whatever the tagger read across it.
        if lexicon::is_separator(tokens[i].span.slice(text)) {
            previous = OUTSIDE;
            continue;
        }
        if let Some(entity_type) = tag_type(tag) {
            match runs.last_mut() {
                Some(last) if opens(previous) && may_follow(previous, tag) => {
                    last.1 = i;
                    last.3 = last.3.min(margin);
                }
                _ => runs.push((i, i, entity_type, margin)),
            }
        }
        previous = tag;
    }
    // A name neither starts nor ends with a lower-case word ("Harbour Workers Union on"),
    // nor starts with a compound that modifies it ("the Leeds-based Acme Corporation").
    let lower = |i: usize| tokens[i].span.slice(text).starts_with(char::is_lowercase);
    let modifier = |i: usize| {
        let word = tokens[i].span.slice(text);
        word.starts_with(char::is_uppercase)
            && word
                .rsplit_once('-')
                .is_some_and(|(_, last)| !last.is_empty() && last.chars().all(char::is_lowercase))
    };
    // "Tell Wendeline I said hello": the pronoun before a verb only a speaker uses of
    // themselves closes no name ("Elizabeth I was crowned", "World War I" stay whole).
    let pronoun_before_verb = |i: usize| {
        tokens[i].span.slice(text) == "I"
            && tokens.get(i + 1).is_some_and(|t| {
                matches!(
                    t.span.slice(text),
                    "am" | "said"
                        | "say"
                        | "think"
                        | "thought"
                        | "know"
                        | "knew"
                        | "want"
                        | "wanted"
                        | "hope"
                        | "feel"
                        | "felt"
                        | "guess"
                        | "mean"
                        | "love"
                        | "miss"
                        | "told"
                        | "believe"
                        | "wish"
                        | "need"
                        | "'m"
                        | "’m"
                )
            })
    };
    runs.into_iter()
        .map(|(mut first, mut last, entity_type, margin)| {
            while first < last && (lower(last) || pronoun_before_verb(last)) {
                last -= 1;
            }
            while first < last && (lower(first) || modifier(first)) {
                first += 1;
            }
            (
                tokens[first].span.cover(tokens[last].span),
                entity_type,
                margin,
            )
        })
        .collect()
}

/// A person's name without the titles that open it ("General George Washington" is George
/// Washington, the general): the name, and the title as the person's role. A span of
/// titles alone stays as it is.
fn split_title(text: &str, tokens: &[Token], span: Span) -> (Span, Option<String>) {
    let inside: Vec<&Token> = tokens
        .iter()
        .filter(|t| span.start <= t.span.start && t.span.end <= span.end)
        .collect();
    // The titles, with the dot of an abbreviated one ("Dr. Roe").
    let mut titles = 0;
    while let Some(token) = inside.get(titles) {
        let word = token.span.slice(text);
        let dot_of_title = word == "."
            && titles > 0
            && lexicon::is_title_abbreviation(inside[titles - 1].span.slice(text));
        if !(lexicon::is_title_word(word) || dot_of_title) {
            break;
        }
        titles += 1;
    }
    match (inside.get(titles), titles) {
        (Some(first), 1..) if first.span.slice(text).starts_with(char::is_uppercase) => {
            let role = Span::new(span.start, inside[titles - 1].span.end);
            (
                Span::new(first.span.start, span.end),
                Some(role.slice(text).to_owned()),
            )
        }
        _ => (span, None),
    }
}

/// How sure the tagger is of a span, from the margin of its least certain tag: the share
/// of the tagger's spans with that margin that were right on held-out text. Fitted by
/// logistic regression on the 4,556 spans five models (each trained without one fifth of
/// GUM train) read in the fifth they did not see: one in two spans is right at a margin of
/// about 3, three in four at 36, nineteen in twenty above 90.
fn confidence(margin: f32) -> f32 {
    let c = 1.0 / (1.0 + (-(margin - MARGIN_AT_EVEN_ODDS) / MARGIN_SCALE).exp());
    (c * 100.0).round() / 100.0
}

/// The margin at which a tagger span is as often right as wrong on held-out text.
const MARGIN_AT_EVEN_ODDS: f32 = 2.8;

/// How much margin multiplies the odds of a tagger span by e.
const MARGIN_SCALE: f32 = 30.0;

/// The margin over the best sequence that reads the token otherwise (a [`confidence`] of
/// 0.62) from which the tagger
/// overrules a name that an organisation word closes.
const SURE_MARGIN: f32 = 17.5;

/// A name the rules find and type this many times in one article is kept whatever the
/// tagger says: news repeats the new names it is about ("a Zorvex message", "Zorvex
/// said"), which a model trained on other text may take for modifiers. A name the rules
/// only guessed a type for (an unknown acronym: "ICT", "GIS") is left to the tagger.
const RECURRING_NAME: usize = 5;

/// Decides the named Person, Organization and Place mentions from the rule recogniser's
/// candidates and the tagger. A rule name stays when the tagger finds the same span and
/// type (keeping the rules' role, gender and Wikidata item), when it is a knowledge-base
/// name (a surname alone needs the tagger), a photo credit, a dateline's place, a firm ("X & Y"), a name an
/// organisation word closes that the tagger is unsure of, a piece of a word ("Acme" in
/// "Acme-owned"), a place nested in a tagged name, or a typed name the article repeats
/// ([`RECURRING_NAME`]); the tagger's other spans are added where no kept name overlaps
/// them. Nominals, pronouns and named events are untouched unless the tagger reads the same
/// span as a name.
pub fn recognize_named(
    text: &str,
    seg: &Segmented,
    models: super::Models,
    stats: &DocumentStats,
    mut candidates: Vec<Candidate>,
) -> Vec<Candidate> {
    let (kb, model) = (models.kb, models.ner);
    if model.weights.is_empty() {
        return candidates;
    }
    let in_sentence = by_sentence(seg, &candidates);
    let mut named_counts: FxHashMap<&str, usize> = FxHashMap::default();
    for c in &candidates {
        if c.kind == MentionKind::Named {
            *named_counts.entry(c.span.slice(text)).or_default() += 1;
        }
    }
    let mut keep = vec![true; candidates.len()];
    let mut added = Vec::new();
    let sentences = document_features(text, seg, kb, stats, &candidates, &in_sentence);
    let document_tags = model.tag_document(
        &sentences
            .iter()
            .map(|(_, features)| features)
            .collect::<Vec<_>>(),
    );
    for (&(s, _), tags) in sentences.iter().zip(&document_tags) {
        let tokens = seg.sentence_tokens(s);
        let mut spans = spans_of(text, tokens, tags);
        // A person's name never ends in a title word ("Ruritania Home" of a headline's
        // "Ruritania Home Secretary Warns ..."): such a span is no reading at all.
        // Nor is a title alone ("Sen" of "Sen. Jo Roe", whose dot the tokens keep apart).
        let lone_title = |span: Span| {
            let next = tokens.iter().find(|t| t.span.start >= span.end);
            lexicon::is_abbreviated_title(span.slice(text), next.map_or("", |t| t.span.slice(text)))
        };
        spans.retain(|&(span, ty, _)| {
            let name = span.slice(text);
            ty != EntityType::Person
                || !lexicon::names_a_job(name)
                    && match name.rsplit_once(' ') {
                        Some((_, last)) => !lexicon::is_title_word(last),
                        None => !lone_title(span),
                    }
        });
        let first_word = tokens.iter().find(|t| t.kind == TokenKind::Word);
        // "Mercy Hospital said": a person's name never ends with a word that closes a
        // body's own name; the tagger's span is the body's.
        for (span, entity_type, _) in spans.iter_mut() {
            let last = span.slice(text).rsplit_once(' ').map(|(_, last)| last);
            if *entity_type == EntityType::Person && last.is_some_and(lexicon::closes_own_name) {
                *entity_type = EntityType::Organization;
            }
        }
        // "Judge Anna K. Lund", "Judge Ray Bissen Jr.": the rules stop a titled name at an
        // initial's or a suffix's dot; the tagger's person that goes on from the same word
        // over more capitalised words and dots is the name, and the rules' role stays.
        for &i in &in_sentence[s] {
            let c = &mut candidates[i];
            if c.kind != MentionKind::Named
                || c.entity_type != EntityType::Person
                || c.role.is_none()
            {
                continue;
            }
            let longer = spans.iter().find(|&&(span, ty, _)| {
                ty == EntityType::Person
                    && span.start == c.span.start
                    && span.end > c.span.end
                    && continues_a_name(&text[c.span.end..span.end])
            });
            if let Some(&(span, _, _)) = longer {
                c.span = span;
            }
        }
        for &i in &in_sentence[s] {
            let c = &candidates[i];
            if c.kind != MentionKind::Named || c.entity_type == EntityType::Event {
                keep[i] = c.method == super::ner::NAMED_STORM
                    || !spans.iter().any(|(span, _, _)| *span == c.span);
                continue;
            }
            let piece_of_word = !tokens.iter().any(|t| t.span.start == c.span.start)
                || !tokens.iter().any(|t| t.span.end == c.span.end);
            // The tagger reads a name of the same type inside the rules' name: the rules'
            // boundaries (a whole capitalised run, titles split off) stand.
            // The tagger's span may also take in the title the rules split off ("General
            // George Washington"): the rules' person and role stand.
            // The rules' name opens the sentence with a word the tagger leaves out ("Shares
            // of Zorvex fell", "Analyst Jo Bell said"): a capitalised first word is weak
            // evidence, the tagger's shorter name stands.
            let opens_sentence = first_word.is_some_and(|t| t.span.start == c.span.start);
            let confirming = spans.iter().filter(|&&(span, ty, _)| {
                ty == c.entity_type
                    && (c.span.contains(span)
                        && !(opens_sentence && span.start > c.span.start && !c.typed)
                        || span.end == c.span.end
                            && span.start < c.span.start
                            && c.role.as_deref().is_some_and(|role| {
                                let taken = text[span.start..c.span.start].trim_end();
                                role.ends_with(taken)
                                    || taken.split_whitespace().all(lexicon::is_title_word)
                            }))
            });
            // The tagger's margin where it reads the rules' name: a guess the rules made on
            // shape alone ("Mrs. Tolvik") is as sure as the tagger is.
            let confirmed_margin = confirming.map(|&(_, _, margin)| margin).reduce(f32::max);
            let confirmed = confirmed_margin.is_some();
            let nested_place = c.entity_type == EntityType::Place
                && spans.iter().any(|&(span, ty, _)| {
                    span.contains(c.span) && span != c.span && ty != EntityType::Person
                });
            // "Bill Hastings said": the tagger is sure of a person's name around the rules'
            // shorter name (a place "Hastings" once a word the rules never read as a name
            // is cut off): the person stands.
            let inside_person = spans.iter().any(|&(span, ty, margin)| {
                ty == EntityType::Person
                    && span.contains(c.span)
                    && span != c.span
                    && margin >= SURE_MARGIN
                    && c.role.is_none()
            });
            // "Bradford Council": the tagger reads only the place the organisation is named
            // after; the closing organisation word decides.
            let name = c.span.slice(text);
            // The last word of a name of several words ("Council" of "Bradford Council").
            let closing_word = name.rsplit_once(' ').map(|(_, last)| last);
            let org_named_after_place = c.entity_type == EntityType::Organization
                && closing_word.is_some_and(lexicon::closes_organisation)
                && spans.iter().any(|&(span, ty, _)| {
                    c.span.contains(span) && span != c.span && ty == EntityType::Place
                });
            // "before U.S. District Judge Leonard Brook.": the tagger reads the title and a
            // name opened by a given name as one name of another type; the rules' person,
            // with the title as the role, stands (not a museum's "Madame Orlova Gallery").
            let given_name = name
                .split(' ')
                .next()
                .is_some_and(|w| kb.is_first_name(w) || lexicon::is_given_name(w));
            let titled_person = c.entity_type == EntityType::Person
                && given_name
                && c.role.as_deref().is_some_and(|role| {
                    spans.iter().any(|&(span, ty, _)| {
                        ty != EntityType::Person
                            && span.end == c.span.end
                            && span.start < c.span.start
                            && text[span.start..c.span.start].trim_end().ends_with(role)
                    })
                });
            // "Judge Cook agreed", "Mrs. Baker said": a name right after a personal
            // title is a person's, unless the tagger is sure of another reading.
            let before_name = tokens
                .iter()
                .rev()
                .filter(|t| t.span.end <= c.span.start)
                .map(|t| t.span.slice(text))
                .find(|w| *w != ".");
            let honorific = c.entity_type == EntityType::Person
                && c.role.is_some()
                && before_name.is_some_and(|w| contains(&lexicon::PERSONAL_TITLES, w))
                && name.split(' ').all(|w| {
                    !lexicon::is_title_word(w) && !contains(&lexicon::COMMON_CAPITALISED, w)
                })
                && !spans.iter().any(|&(span, ty, margin)| {
                    ty != EntityType::Person
                        && span.start < c.span.end
                        && c.span.start < span.end
                        && margin >= SURE_MARGIN
                });
            // A surname alone ("Given", "Cook") is weak evidence of a known person: the
            // tagger decides.
            let surname_alone = c.entity_type == EntityType::Person
                && !name.contains(' ')
                && !kb.lookup(name).any(|e| e.label == name);
            let known = c.typed && c.method == Method::Gazetteer && !surname_alone;
            // "Bradford Council", "Greenfield Markets Ltd": a name an organisation word
            // closes stays unless the tagger is sure of another reading; names joined by
            // "&" ("Procter & Gamble") or closed by a company's or a club's word ("Zorvex
            // Semiconductor", "Leeds United") are one whatever the tagger reads.
            let firm = c.typed
                && c.method == Method::NameShape
                && (name.contains(" & ")
                    || closing_word.is_some_and(|last| {
                        lexicon::is_company_ending(last) || contains(&lexicon::CLUB_ENDINGS, last)
                    }));
            let closed_by_org_word = c.typed
                && c.method == Method::NameShape
                && closing_word.is_some_and(lexicon::closes_organisation)
                && spans
                    .iter()
                    .filter(|(span, _, _)| span.start < c.span.end && c.span.start < span.end)
                    // A person's name never ends with "Council": no other reading, however
                    // sure the tagger is.
                    .all(|&(span, ty, margin)| {
                        margin < SURE_MARGIN || (ty == EntityType::Person && span.end == c.span.end)
                    });
            // A name the tagger lengthened above ("Judge Anna K. Lund") was not counted.
            let recurring =
                c.typed && named_counts.get(name).copied().unwrap_or(1) >= RECURRING_NAME;
            // "Rafael van der Vaart": the tagger rarely saw a family name's particles and
            // cuts the name at them; the rules' person, opened by a first name, stands.
            let particled = c.typed
                && c.entity_type == EntityType::Person
                && name
                    .split(' ')
                    .any(|w| contains(&lexicon::NAME_PARTICLES, w));
            // "Queen Margrethe II", "Pope Gregory XVI": a titled name closed by a regnal
            // number is a person, however few such names the tagger saw.
            let regnal = c.typed
                && c.entity_type == EntityType::Person
                && c.role.is_some()
                && closing_word.is_some_and(lexicon::is_regnal_number);
            // "By JANE ROE", "NAIROBI, Kenya": the tagger learnt names in ordinary case
            // and cannot read one in capitals; the rules read it in ordinary case.
            let shouted = c.typed && super::ner::is_shouted(name);
            // "Okafor told reporters": a person name that a speech verb follows speaks.
            // "Orla Quennell met fishermen": a full name (two or three words) that a
            // person's verb follows acts.
            let next = tokens
                .iter()
                .find(|t| t.span.start >= c.span.end)
                .map(|t| t.span.slice(text));
            let full_name = (2..=3).contains(&c.span.slice(text).split(' ').count());
            let speaker = c.entity_type == EntityType::Person
                && next.is_some_and(|w| {
                    contains(&lexicon::SPEECH_VERBS, w)
                        || full_name && contains(&lexicon::PERSON_ACTION_VERBS, w)
                });
            keep[i] = !inside_person
                && (piece_of_word
                    || super::ner::decided_by_context(c.method)
                    || confirmed
                    || nested_place
                    || org_named_after_place
                    || known
                    || closed_by_org_word
                    || firm
                    || recurring
                    || particled
                    || titled_person
                    || honorific
                    || regnal
                    || shouted
                    || speaker);
            if let Some(margin) = confirmed_margin.filter(|_| keep[i]) {
                let sure = confidence(margin);
                let c = &mut candidates[i];
                c.confidence = c.confidence.max(sure);
            }
        }
        for (span, entity_type, margin) in spans {
            // "CCTV", "DNA", "GMT": acronyms the rules never read as names, whatever the
            // tagger makes of them. (GUM types "World", "God" or "OK" as names where they
            // are, so words in ordinary case stay the tagger's to read.)
            let name = span.slice(text);
            if contains(&lexicon::NEVER_NAMES, name)
                && name.chars().filter(char::is_ascii_uppercase).count() >= 3
                && !name.chars().any(char::is_lowercase)
                || contains(&lexicon::DISEASES, name)
            {
                continue;
            }
            let covered = in_sentence[s].iter().any(|&i| {
                let c = &candidates[i];
                keep[i]
                    && c.kind == MentionKind::Named
                    && (c.entity_type != EntityType::Event || c.method == super::ner::NAMED_STORM)
                    && c.span.start < span.end
                    && span.start < c.span.end
            });
            if covered {
                continue;
            }
            let (span, role) = match entity_type {
                EntityType::Person => split_title(text, tokens, span),
                _ => (span, None),
            };
            let qid = kb
                .lookup(span.slice(text))
                .find(|e| e.kind == entity_type)
                .map(|e| e.qid.clone());
            added.push(Candidate {
                span,
                entity_type,
                kind: MentionKind::Named,
                sentence: s,
                method: Method::Tagger,
                confidence: confidence(margin),
                qid,
                role,
                gender: None,
                head: None,
                typed: true,
            });
        }
    }
    // Works named where the rules saw them ("a novel called X"), even where the tagger
    // did not keep that mention.
    let works = names_of_works(text, seg, candidates.iter().chain(&added));
    let mut out: Vec<Candidate> = candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(c, keep)| keep.then_some(c))
        .chain(added)
        .collect();
    one_reading_per_name(text, seg, (stats, kb), works, &mut out);
    // "Covid", "SARS": a disease is no name, whatever the rules or the tagger read.
    out.retain(|c| {
        c.kind != MentionKind::Named || !contains(&lexicon::DISEASES, c.span.slice(text))
    });
    out.retain(|c| {
        !is_a_modifier_alone(text, seg, kb, c) && !is_piece_of_a_longer_name(text, seg, c)
    });
    keep_abbreviation_dots(text, &mut out);
    add_nested_places(text, seg, kb, &mut out);
    add_names_opening_organisations(text, seg, &mut out);
    super::ner::sort_candidates(&mut out);
    out
}

/// "Veltrix Semiconductor Inc.", "Tomas Brandt Jr.": a name closed by an abbreviation
/// keeps the abbreviation's dot, which the rules leave out where it could end a sentence.
fn keep_abbreviation_dots(text: &str, out: &mut [Candidate]) {
    for c in out.iter_mut().filter(|c| c.kind == MentionKind::Named) {
        let last = c.span.slice(text).rsplit(' ').next().unwrap_or("");
        if text[c.span.end..].starts_with('.') && contains(&lexicon::DOTTED_NAME_ENDINGS, last) {
            c.span = Span::new(c.span.start, c.span.end + 1);
        }
    }
}

/// Whether the words after a name's end go on with it: only capitalised words, initials
/// and dots ("K. Lund", "Jr.", "."), no comma or word in lower case.
fn continues_a_name(rest: &str) -> bool {
    rest.split_whitespace().all(|word| {
        word == "."
            || word.starts_with(char::is_uppercase)
                && word
                    .chars()
                    .all(|ch| ch.is_alphabetic() || matches!(ch, '.' | '-' | '\''))
    })
}

/// "the Mexican government", "Syrian refugees": a demonym alone names no person,
/// organisation or place (GUM and the seed gold agree); nor does a party's adjective before
/// a noun ("Republican senators", "the Democratic majority"), nor a word for a party's
/// member ("a Democrat from Illinois").
fn is_a_modifier_alone(text: &str, seg: &Segmented, kb: &Kb, c: &Candidate) -> bool {
    if c.kind != MentionKind::Named || type_index(c.entity_type).is_none() {
        return false;
    }
    let word = c.span.slice(text);
    let tokens = seg.sentence_tokens(c.sentence);
    let before = || {
        tokens
            .iter()
            .rev()
            .find(|t| t.span.end <= c.span.start)
            .map(|t| t.span.slice(text))
    };
    kb.demonym(word).is_some()
        || contains(&lexicon::PARTY_ADJECTIVES, word)
            && tokens
                .iter()
                .find(|t| t.span.start >= c.span.end)
                .is_some_and(|t| t.span.slice(text).starts_with(char::is_lowercase))
        // "the panel's top Republican", "a Democrat from Illinois": a member of the
        // party, a person no name gives.
        || contains(&lexicon::PARTY_MEMBERS, word)
            && before().is_some_and(|w| contains(&lexicon::PARTY_MEMBER_OPENERS, w))
}

/// "the Harbour Lights Festival": a one-word name read by the tagger or by its shape alone,
/// glued to a capitalised word before or after it (not a title, not the sentence's first
/// word), is a piece of a longer name that was not read whole, unless the knowledge base
/// knows it as that type ("a Google Maps link"); in a headline, where every word is
/// capitalised, it stands.
fn is_piece_of_a_longer_name(text: &str, seg: &Segmented, c: &Candidate) -> bool {
    if c.kind != MentionKind::Named
        || !matches!(c.method, Method::Tagger | Method::NameShape)
        || c.span.slice(text).contains(' ')
        || c.qid.is_some()
        || seg.sentences[c.sentence].zone == Zone::Headline
    {
        return false;
    }
    let tokens = seg.sentence_tokens(c.sentence);
    let first = tokens.partition_point(|t| t.span.start < c.span.start);
    let end = tokens.partition_point(|t| t.span.start < c.span.end);
    // A piece of a word ("Acme" of "Acme-owned") is no piece of a run of words.
    let whole_tokens = tokens
        .get(first)
        .is_some_and(|t| t.span.start == c.span.start)
        && end
            .checked_sub(1)
            .and_then(|e| tokens.get(e))
            .is_some_and(|t| t.span.end == c.span.end);
    whole_tokens && glued_to_a_capitalised_word(text, tokens, first, end)
}

/// Whether the tokens `first..end` of a sentence stand one space from a capitalised word
/// before or after them that is no title ("Lights" of "Harbour Lights", not "Captain" of
/// "Captain Orlov"; the sentence's first word does not count): then they are a piece of a
/// longer capitalised run.
fn glued_to_a_capitalised_word(text: &str, tokens: &[Token], first: usize, end: usize) -> bool {
    let last = end.checked_sub(1).and_then(|e| tokens.get(e));
    let (Some(first_token), Some(last_token)) = (tokens.get(first), last) else {
        return false;
    };
    let glued = |t: &Token| {
        t.kind == TokenKind::Word
            && t.span.slice(text).starts_with(char::is_uppercase)
            && !lexicon::is_title_word(t.span.slice(text))
    };
    let after = tokens
        .get(end)
        .is_some_and(|t| t.span.start == last_token.span.end + 1 && glued(t));
    let before = first >= 2
        && tokens[first - 1].span.end + 1 == first_token.span.start
        && glued(&tokens[first - 1]);
    after || before
}

/// Adds the known places named inside organisation and place names that lack them
/// ("Maui" in "County of Maui", "Mexico" in "Gulf of Mexico"): GUM and the seed gold
/// both mark a place used as a modifier as a mention of its own.
fn add_nested_places(text: &str, seg: &Segmented, kb: &Kb, out: &mut Vec<Candidate>) {
    let mut nested = Vec::new();
    for c in out.iter() {
        if c.kind != MentionKind::Named
            || !matches!(c.entity_type, EntityType::Organization | EntityType::Place)
        {
            continue;
        }
        let tokens = seg.sentence_tokens(c.sentence);
        let first = tokens.iter().position(|t| t.span.start == c.span.start);
        let last = tokens.iter().position(|t| t.span.end == c.span.end);
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        if last <= first {
            continue;
        }
        let is_org = c.entity_type == EntityType::Organization;
        let name = &tokens[first..=last];
        // "Auckland Castle", "Tulsa International Airport": a place's building or island
        // named after the place it stands in opens with that place, a mention of its own
        // (not "George Washington Bridge": a given name opens a person's name).
        let built_in_place = !is_org
            && contains(
                &lexicon::NAMED_FOR_THEIR_PLACE,
                name[name.len() - 1].span.slice(text),
            )
            && !lexicon::is_given_name(name[0].span.slice(text))
            && !kb.is_first_name(name[0].span.slice(text));
        let places =
            super::ner::nested_known_places(text, kb, c.sentence, name, is_org || built_in_place);
        let closing = is_org
            .then(|| closing_known_place(text, kb, c.sentence, name))
            .flatten();
        let mut found: Vec<Candidate> = places.into_iter().chain(closing).collect();
        if is_org {
            let inside: Vec<Candidate> = places_inside_organisation(text, kb, c.sentence, name)
                .into_iter()
                .filter(|p| !found.iter().any(|f| f.span.overlaps(p.span)))
                .collect();
            found.extend(inside);
        }
        for place in found {
            let present = out
                .iter()
                .chain(&nested)
                .any(|o: &Candidate| o.span == place.span && o.kind == MentionKind::Named);
            if !present {
                nested.push(place);
            }
        }
    }
    out.extend(nested);
}

/// The known place that closes an organisation's name, "Africa" of "Creative Commons
/// Africa", "New York" of "Madame Tussauds New York": up to three words, fewer than the
/// name's, a name only places have ("Bank of America" has it after "of", found
/// already). A town of one word is no such place: it is as often a word of the name
/// ("Mobile" of "Brightline Mobile"). Nor is the place of a team named for its country
/// ("South Korea") or a region ("West Texas").
fn closing_known_place(text: &str, kb: &Kb, sentence: usize, name: &[Token]) -> Option<Candidate> {
    // A national team has its country's name ("South Korea"): the place is the whole
    // name, not a part of it.
    let whole = Span::new(name[0].span.start, name[name.len() - 1].span.end);
    if kb
        .best(whole.slice(text))
        .is_some_and(|e| e.kind == EntityType::Place)
    {
        return None;
    }
    (name.len().saturating_sub(3).max(1)..name.len()).find_map(|k| {
        // "South Korea", "Northern Ireland": a compass word before a place makes a
        // region of it, no body's name.
        let before = &name[..k];
        if name[k - 1].span.slice(text) == "of"
            || before
                .iter()
                .all(|t| contains(&lexicon::COMPASS_WORDS, t.span.slice(text)))
        {
            return None;
        }
        let span = Span::new(name[k].span.start, name[name.len() - 1].span.end);
        let words = span.slice(text);
        let entry = kb.best(words)?;
        (entry.kind == EntityType::Place
            && !is_town_word(kb, words)
            && kb.lookup(words).all(|i| i.kind == EntityType::Place))
        .then(|| super::ner::nested_place(span, sentence, Some(entry.qid.clone())))
    })
}

/// The known places anywhere inside an organisation's name, the longest first, left to
/// right: "Leeds" in "Greater Leeds Trade Hall", "U.S." in "the U.S. Senate
/// committee": a body named after a place mentions the place, as GUM marks it. A name the
/// knowledge base knows first as a place's only, and not when the whole name is a place's
/// ("North Korea" acting as a state holds no "Korea").
fn places_inside_organisation(
    text: &str,
    kb: &Kb,
    sentence: usize,
    name: &[Token],
) -> Vec<Candidate> {
    let whole = Span::new(name[0].span.start, name[name.len() - 1].span.end).slice(text);
    if kb.type_of(whole) == Some(EntityType::Place) {
        return Vec::new();
    }
    let last = name[name.len() - 1].span.slice(text);
    // Never the whole name; nor a town of one word closing it, as often a word of the
    // name ("Mobile" of "Brightline Mobile"), as in [`closing_known_place`].
    let found = longest_names(text, name, MAX_NESTED_PLACE_WORDS, |words| {
        (words != whole
            && kb.type_of(words) == Some(EntityType::Place)
            && !(words == last && is_town_word(kb, words)))
        .then_some(())
    });
    let mut places = Vec::new();
    for (k, slot) in found.iter().enumerate() {
        if !matches!(slot, Some(((), "single" | "multi"))) {
            continue;
        }
        let e = k
            + 1
            + found[k + 1..]
                .iter()
                .take_while(|slot| matches!(slot, Some(((), "inside"))))
                .count();
        let span = Span::new(name[k].span.start, name[e - 1].span.end);
        let qid = kb
            .best(span.slice(text))
            .filter(|entry| entry.kind == EntityType::Place)
            .map(|entry| entry.qid.clone());
        places.push(super::ner::nested_place(span, sentence, qid));
    }
    places
}

/// Whether `words` are one word that the knowledge base knows first as a town's: as often
/// a word of a longer name as the town ("Mobile").
fn is_town_word(kb: &Kb, words: &str) -> bool {
    !words.contains(' ')
        && kb
            .best(words)
            .is_some_and(|entry| entry.class == crate::kb::SETTLEMENT_CLASS)
}

/// How many words a place's name inside an organisation's may have.
const MAX_NESTED_PLACE_WORDS: usize = 4;

/// Adds the names of people and places that open an organisation's name where the
/// document also gives them alone ("Andy Warhol" in "the Andy Warhol Foundation", "New
/// York" in "The New York Times"): GUM marks them as mentions of their own. Only the
/// opening words, which name whom or where the body is named after; a place at the end
/// ("Pittsburgh Pirates") is there for a team, which GUM does not mark. Names of two
/// words or more only: one word alone is as often the body's own short name ("Vantage"
/// for "Vantage Telecom"), and the known places of one word are found anyway
/// ([`add_nested_places`]).
fn add_names_opening_organisations(text: &str, seg: &Segmented, out: &mut Vec<Candidate>) {
    let named = |c: &&Candidate| c.kind == MentionKind::Named;
    // The named spans in text order, longer first at one start, each with the furthest
    // end of the spans before it: a span lies inside another where that end reaches its own.
    let mut spans: Vec<(usize, std::cmp::Reverse<usize>)> = out
        .iter()
        .filter(named)
        .map(|c| (c.span.start, std::cmp::Reverse(c.span.end)))
        .collect();
    spans.sort_unstable();
    spans.dedup();
    let furthest_end_before: Vec<usize> = spans
        .iter()
        .scan(0, |furthest, &(_, std::cmp::Reverse(end))| {
            let before = *furthest;
            *furthest = before.max(end);
            Some(before)
        })
        .collect();
    let inside_another = |span: Span| {
        spans
            .binary_search(&(span.start, std::cmp::Reverse(span.end)))
            .is_ok_and(|i| furthest_end_before[i] >= span.end)
    };
    // The names given alone: a person's or a place's, not inside another name.
    let alone: FxHashMap<&str, &Candidate> = out
        .iter()
        .filter(named)
        .filter(|c| matches!(c.entity_type, EntityType::Person | EntityType::Place))
        .filter(|c| c.span.slice(text).contains(' ') && !inside_another(c.span))
        .map(|c| (c.span.slice(text), c))
        .collect();
    if alone.is_empty() {
        return;
    }
    let mut nested = Vec::new();
    for c in out.iter().filter(named) {
        if c.entity_type != EntityType::Organization {
            continue;
        }
        let tokens = seg.sentence_tokens(c.sentence);
        let first = tokens.partition_point(|t| t.span.start < c.span.start);
        let last = tokens.partition_point(|t| t.span.end <= c.span.end);
        // The longest opening run of words, shorter than the name, given alone.
        let found = (first + 1..last.min(first + 4)).rev().find_map(|end| {
            let span = Span::new(c.span.start, tokens[end - 1].span.end);
            alone.get(span.slice(text)).map(|given| (span, *given))
        });
        let Some((span, given)) = found else {
            continue;
        };
        let present = out
            .iter()
            .chain(&nested)
            .any(|o: &Candidate| o.span == span && o.kind == MentionKind::Named);
        if !present {
            nested.push(Candidate {
                span,
                sentence: c.sentence,
                method: Method::DocumentRepeat,
                confidence: given.confidence.min(c.confidence),
                role: None,
                head: None,
                ..given.clone()
            });
        }
    }
    out.extend(nested);
}

/// The document pass after the tagger: an article reads one name one way. Acronyms it
/// introduces and the authors it cites are added, then every name takes the type most of
/// its occurrences have, and its unmarked repeats become mentions of that type.
fn one_reading_per_name<'t>(
    text: &'t str,
    seg: &Segmented,
    (stats, kb): (&DocumentStats, &Kb),
    works: FxHashSet<&'t str>,
    out: &mut Vec<Candidate>,
) {
    out.retain(|c| !is_capitalised_common_word(text, stats, c) && !is_honour_noun(text, seg, c));
    merge_adjacent_names(text, out);
    // Works, and acronyms of terms: capitalised, but no person, organisation or place.
    let mut no_names = works;
    no_names.extend(names_of_works(text, seg, out.iter()));
    no_names.extend(acronyms_of_terms(text, seg));
    out.retain(|c| {
        c.kind != MentionKind::Named
            || type_index(c.entity_type).is_none()
            || !no_names.contains(c.span.slice(text))
    });
    // Acronyms of names, but not of terms ("Communication Technology (ICT)").
    let acronyms = introduced_acronyms(text, seg, out);
    out.extend(
        acronyms
            .into_iter()
            .filter(|c| !no_names.contains(c.span.slice(text))),
    );
    let bodies = acronyms_people_belong_to(text, seg, out);
    out.extend(
        bodies
            .into_iter()
            .filter(|c| !no_names.contains(c.span.slice(text))),
    );
    cite_authors(text, seg, out);
    coordinated_types(text, out);
    described_together(text, seg, out);
    let mut votes = type_votes(text, out);
    for short in short_names_of_organisations(text, (stats, kb), out) {
        if let (Some(v), Some(org)) = (votes.get_mut(short), type_index(EntityType::Organization)) {
            let all: f32 = v.iter().sum();
            *v = [0.0; TYPE_COUNT];
            v[org] = all;
        }
    }
    for c in out.iter_mut() {
        let voted = votes
            .get(c.span.slice(text))
            .and_then(|v| type_at(best(v).0));
        if let Some(entity_type) = voted {
            if c.kind == MentionKind::Named
                && c.entity_type != EntityType::Event
                && !(c.typed && c.method == Method::Gazetteer)
            {
                c.entity_type = entity_type;
            }
        }
    }
    let repeats = repeated_names(text, seg, stats, out, &votes);
    out.extend(repeats);
    people_by_one_of_their_names(text, seg, kb, out);
    // Read once, and only if a club or a country asks.
    let reports_games = std::cell::LazyCell::new(|| reports_games(text, seg));
    clubs_named_for_places(text, kb, &reports_games, out);
    let teams = national_teams(text, seg, kb, &reports_games, out);
    for c in out.iter_mut() {
        if c.kind == MentionKind::Named
            && matches!(c.entity_type, EntityType::Place | EntityType::Person)
            && (c.entity_type == EntityType::Place || is_town_read_as_person(text, kb, c))
            && teams.contains(c.span.slice(text))
        {
            c.entity_type = EntityType::Organization;
            c.qid = None;
        }
    }
}

/// A place's or body's name of one word that is the first or last word of a person the
/// article names in full is that person again: "Mitchell" after "Mitchell Dravo", a
/// town's name as well, unless the knowledge base reads it as a place the article puts
/// someone or something in ("spoke in Lincoln"). Not a country's, a state's or a large city's name ("Paris" after
/// "Paris Hilton" is the city, whose popularity in the knowledge base is that of a city
/// of some 400,000 people or more).
fn people_by_one_of_their_names(text: &str, seg: &Segmented, kb: &Kb, out: &mut [Candidate]) {
    const LARGE_CITY_POPULARITY: f32 = 13.0;
    let words_of_people: FxHashSet<&str> = out
        .iter()
        .filter(|c| c.kind == MentionKind::Named && c.entity_type == EntityType::Person)
        .filter_map(|c| {
            let name = c.span.slice(text);
            // "Theodorus of Tabennese", "Jean de la Fontaine": the words after a
            // lower-case particle may name a place.
            if name.split(' ').any(|w| w.starts_with(char::is_lowercase)) {
                return None;
            }
            let (first, _) = name.split_once(' ')?;
            let (_, last) = name.rsplit_once(' ')?;
            Some([first, last])
        })
        .flatten()
        .collect();
    if words_of_people.is_empty() {
        return;
    }
    // Names the article puts somewhere ("in Lincoln", "from Tyler"): places there.
    let placed: FxHashSet<&str> = out
        .iter()
        .filter(|c| c.kind == MentionKind::Named && c.entity_type == EntityType::Place)
        .filter(|c| {
            let tokens = seg.sentence_tokens(c.sentence);
            let first = tokens.partition_point(|t| t.span.start < c.span.start);
            first.checked_sub(1).is_some_and(|k| {
                matches!(
                    tokens[k].span.slice(text),
                    "in" | "at" | "from" | "near" | "to" | "outside" | "across" | "around"
                )
            })
        })
        .map(|c| c.span.slice(text))
        .collect();
    for c in out.iter_mut() {
        let name = c.span.slice(text);
        let retype = c.kind == MentionKind::Named
            && matches!(c.entity_type, EntityType::Place | EntityType::Organization)
            && !(c.typed && c.method == Method::Gazetteer && placed.contains(name))
            && words_of_people.contains(name)
            && kb.best(name).is_none_or(|e| {
                e.kind != EntityType::Place
                    || e.class != crate::kb::COUNTRY_CLASS
                        && e.class != crate::kb::US_STATE_CLASS
                        && e.popularity < LARGE_CITY_POPULARITY
            });
        if retype {
            c.entity_type = EntityType::Person;
            c.qid = None;
        }
    }
}

/// Whether an article is about sport: three words of the game or more ("match", "penalty",
/// "referee", "Cup" ...).
fn reports_games(text: &str, seg: &Segmented) -> bool {
    let game_words: FxHashSet<&str> = seg
        .tokens
        .iter()
        .map(|t| t.span.slice(text))
        .filter(|w| contains(&lexicon::GAME_WORDS, w))
        .collect();
    game_words.len() >= 3
}

/// "Tampa Bay Rays", "Indianapolis Indians", "Boston Red Sox": in a report of games, a
/// known place, then a capitalised plural that is no place's word ("Islands", "Falls") or
/// an event's ("Games", "Olympics"), is a club, an organisation; the place's Wikidata item
/// goes.
fn clubs_named_for_places(
    text: &str,
    kb: &Kb,
    reports_games: &impl std::ops::Deref<Target = bool>,
    out: &mut [Candidate],
) {
    let mut clubs = out
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.kind == MentionKind::Named
                && matches!(c.entity_type, EntityType::Place | EntityType::Person)
        })
        .filter(|(_, c)| {
            let words: Vec<&str> = c.span.slice(text).split(' ').collect();
            let Some((&last, _)) = words.split_last() else {
                return false;
            };
            let plural = last == "Sox"
                || last.starts_with(char::is_uppercase)
                    && last.ends_with('s')
                    && !last.ends_with("ss")
                    && !contains(&lexicon::PLACE_SUFFIXES, last)
                    && !contains(&lexicon::EVENT_HEADS, last);
            plural
                && (1..words.len()).any(|k| {
                    kb.best(&words[..k].join(" "))
                        .is_some_and(|e| e.kind == EntityType::Place)
                })
        })
        .map(|(i, _)| i)
        .peekable();
    if clubs.peek().is_none() || !**reports_games {
        return;
    }
    let clubs: Vec<usize> = clubs.collect();
    for i in clubs {
        out[i].entity_type = EntityType::Organization;
        out[i].qid = None;
    }
}

/// "Sweden defeated South Korea 1 – 0", "Rovane City beat Eastmoor 3-1": in a report of a
/// game, a place that plays (it beats, draws, faces or loses to another; a score follows
/// it) is its team, an organisation, in every mention; its Wikidata item is the place's,
/// so it goes. A place counts as a team when the article is about sport (three words of
/// the game or more) and puts it in such a context: a country twice (a country is also
/// where games are played and won), a town or club once.
fn national_teams<'t>(
    text: &'t str,
    seg: &Segmented,
    kb: &Kb,
    reports_games: &impl std::ops::Deref<Target = bool>,
    found: &[Candidate],
) -> FxHashSet<&'t str> {
    let mut teams = FxHashSet::default();
    let places: Vec<&Candidate> = found
        .iter()
        .filter(|c| c.kind == MentionKind::Named)
        .filter(|c| c.entity_type == EntityType::Place || is_town_read_as_person(text, kb, c))
        .collect();
    if places.is_empty() || !**reports_games {
        return teams;
    }
    let is_country = |name: &str| {
        kb.best(name).is_some_and(|e| {
            e.class == crate::kb::COUNTRY_CLASS || contains(&lexicon::HOME_NATIONS, &e.label)
        })
    };
    let mut plays: FxHashMap<&str, usize> = FxHashMap::default();
    for c in places {
        let name = c.span.slice(text);
        let tokens = seg.sentence_tokens(c.sentence);
        let (first, last) = seg.token_bounds(c.sentence, c.span);
        let word = |k: Option<usize>| {
            k.and_then(|k| tokens.get(k))
                .map_or("", |t| t.span.slice(text))
        };
        let after = |d: usize| word(Some(last + d));
        let before = |d: usize| word(first.checked_sub(d));
        let number = |w: &str| !w.is_empty() && w.chars().all(|ch| ch.is_ascii_digit());
        // "Rovane 3-1", and a results line, "Rovane City 2 Eastmoor 1".
        let score_after = after(1).starts_with(|ch: char| ch.is_ascii_digit())
            && (after(1).contains(['-', '–']) || matches!(after(2), "-" | "–"))
            || number(after(1)) && (after(2).starts_with(char::is_uppercase) || number(before(1)));
        // "Eastmoor manager Jo Hale", "Rovane boss Tom Dyer".
        let staff = contains(&lexicon::TEAM_STAFF, after(1));
        let playing = contains(&lexicon::GAME_VERBS, after(1))
            || matches!(before(1), "against" | "vs" | "v" | "versus")
            || contains(&lexicon::GAME_VERBS, before(1)) && before(1) != "lost"
            || before(1) == "to"
                && (2..=5).any(|d| matches!(before(d), "lost" | "lose" | "losing"));
        if score_after || playing || staff {
            *plays.entry(name).or_default() += 1;
        }
    }
    teams.extend(
        plays
            .into_iter()
            .filter(|&(name, n)| n >= 2 || !is_country(name))
            .map(|(name, _)| name),
    );
    // "Korea" for the team of "South Korea": the country's name without its compass word.
    let short_names: Vec<&'t str> = teams
        .iter()
        .filter_map(|name| {
            let (compass, rest) = name.split_once(' ')?;
            (contains(&lexicon::COMPASS_WORDS, compass) && !rest.contains(' ')).then_some(rest)
        })
        .collect();
    teams.extend(short_names);
    teams
}

/// A town's name of one word read as a person's by its shape alone, with no title, role
/// or listed person behind it ("Barrow had led"): in a report of games, a team.
fn is_town_read_as_person(text: &str, kb: &Kb, c: &Candidate) -> bool {
    let name = c.span.slice(text);
    c.entity_type == EntityType::Person
        && c.method != Method::Gazetteer
        && c.role.is_none()
        && !name.contains(' ')
        && (kb.is_place_name(name) || kb.best(name).is_some_and(|e| e.kind == EntityType::Place))
}

/// "moves by Zorvex and Brenmoor Holdings", "Tulsa and Bartlesville": a one-word name whose
/// type the rules only guessed takes the type of the name it is coordinated with ("and",
/// "or", a comma), when the rules typed that one from the knowledge base or its words.
/// So does a name with an organisation's name in apposition after it ("filings with
/// Bolagsverket, the Swedish Companies Registration Office").
fn coordinated_types(text: &str, out: &mut [Candidate]) {
    let person_org_place =
        |c: &Candidate| c.kind == MentionKind::Named && type_index(c.entity_type).is_some();
    let sure = |c: &Candidate| person_org_place(c) && c.typed && c.method != Method::Tagger;
    let guessed =
        |c: &Candidate| person_org_place(c) && !c.typed && !c.span.slice(text).contains(' ');
    let names = named_in_text_order(out);
    let mut retyped = Vec::new();
    for pair in names.windows(2) {
        let (a, b) = (&out[pair[0]], &out[pair[1]]);
        if a.sentence != b.sentence || b.span.start < a.span.end {
            continue;
        }
        let between = text[a.span.end..b.span.start].trim();
        let apposed = between == ", the"
            && b.entity_type == EntityType::Organization
            && text[b.span.end..]
                .trim_start()
                .starts_with([',', '.', ';', ')']);
        if !apposed && !matches!(between, "and" | "or" | ",") {
            continue;
        }
        if guessed(a) && sure(b) {
            retyped.push((pair[0], b.entity_type));
        } else if sure(a) && guessed(b) {
            retyped.push((pair[1], a.entity_type));
        }
    }
    for (i, entity_type) in retyped {
        // The partner's type is evidence of its own: no longer a lone guess.
        out[i].entity_type = entity_type;
        out[i].confidence = out[i].confidence.max(0.6);
    }
}

/// The named people, organisations and places among `out`, as indexes in text order (a
/// longer name before a shorter one at the same start).
fn named_in_text_order(out: &[Candidate]) -> Vec<usize> {
    let mut names: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].kind == MentionKind::Named && type_index(out[i].entity_type).is_some())
        .collect();
    names.sort_by_key(|&i| (out[i].span.start, std::cmp::Reverse(out[i].span.end)));
    names
}

/// "Crewe Alexandra and Bradford City, two football clubs it sponsors,": names coordinated
/// ("and", "or", commas) before a plural of a kind of organisation in apposition (a number,
/// "both" or "all" first, up to three words before the kind) are organisations.
fn described_together(text: &str, seg: &Segmented, out: &mut [Candidate]) {
    let names = named_in_text_order(out);
    // Whether the name `b` follows `a` in a coordination: "A and B", "A, B", "A, or B".
    let coordinated = |a: &Candidate, b: &Candidate| {
        a.sentence == b.sentence
            && a.span.end <= b.span.start
            && matches!(
                text[a.span.end..b.span.start].trim(),
                "and" | "or" | "," | ", and" | ", or"
            )
    };
    let mut group: Vec<usize> = Vec::new();
    let mut retyped = Vec::new();
    for (n, &i) in names.iter().enumerate() {
        if !group.last().is_some_and(|&g| coordinated(&out[g], &out[i])) {
            group.clear();
        }
        group.push(i);
        let ends_group = names
            .get(n + 1)
            .is_none_or(|&j| !coordinated(&out[i], &out[j]));
        if group.len() < 2 || !ends_group {
            continue;
        }
        let tokens = seg.sentence_tokens(out[i].sentence);
        let after = tokens.partition_point(|t| t.span.start < out[i].span.end);
        let word = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
        let counted = matches!(word(after + 1), "both" | "all" | "two" | "three" | "four")
            || word(after + 1).bytes().all(|b| b.is_ascii_digit()) && !word(after + 1).is_empty();
        if word(after) != "," || !counted {
            continue;
        }
        let described = (after + 2..after + 6)
            .take_while(|&k| {
                word(k).chars().all(|c| c.is_lowercase() || c == '-') && !word(k).is_empty()
            })
            .any(|k| lexicon::is_plural_organisation_kind(word(k)));
        if described {
            retyped.extend(group.iter().copied());
        }
    }
    for i in retyped {
        let c = &mut out[i];
        if c.entity_type != EntityType::Organization {
            c.entity_type = EntityType::Organization;
            c.method = super::ner::ORG_APPOSITION;
            c.role = None;
            c.gender = None;
            c.qid = None;
        }
        c.confidence = c.confidence.max(0.7);
    }
}

/// The short names an article's organisations go by: a firm's name without its company
/// or trade words ("Zorvex" of "Zorvex Semiconductor Ltd", "Verlind" of "Verlind
/// Systems"), and a club's first word before the city it plays in ("Bayern" of "Bayern
/// Munich", "Borussia" of "Borussia Dortmund") when that word is no known name and the
/// article never writes it in lower case.
fn short_names_of_organisations<'t>(
    text: &'t str,
    (stats, kb): (&DocumentStats, &Kb),
    found: &[Candidate],
) -> Vec<&'t str> {
    found
        .iter()
        .filter(|c| c.kind == MentionKind::Named && c.entity_type == EntityType::Organization)
        .filter_map(|c| {
            let mut name = c.span.slice(text);
            let mut closed = false;
            while let Some((rest, last)) = name.rsplit_once(' ') {
                // "Verlind" of "Verlind Systems": a firm goes by its name without the
                // words of its trade, which other bodies' names also close with.
                if !lexicon::is_company_ending(last) && !contains(&lexicon::TRADE_ENDINGS, last) {
                    break;
                }
                closed = true;
                name = rest.trim_end_matches(',');
            }
            if closed && !name.is_empty() {
                return Some(name);
            }
            let (first, city) = name.split_once(' ')?;
            let club = !city.contains(' ')
                && kb.type_of(city) == Some(EntityType::Place)
                && first.chars().all(char::is_alphabetic)
                && !kb.knows(first)
                && !kb.is_first_name(first)
                && !lexicon::is_given_name(first)
                && !stats.written_in_lower_case(first);
            club.then_some(first)
        })
        .collect()
}

/// Names the article gives a work or project ("a book called The Chemical Wedding", "the
/// film Stardust", "the project is named Stardust"): no person, organisation or place,
/// wherever the article repeats them.
fn names_of_works<'t, 'c>(
    text: &'t str,
    seg: &Segmented,
    found: impl Iterator<Item = &'c Candidate>,
) -> FxHashSet<&'t str> {
    let mut works = FxHashSet::default();
    for c in found {
        if c.kind != MentionKind::Named || type_index(c.entity_type).is_none() {
            continue;
        }
        let tokens = seg.sentence_tokens(c.sentence);
        let first = tokens.partition_point(|t| t.span.start < c.span.start);
        let word = |back: usize| {
            first
                .checked_sub(back)
                .and_then(|k| tokens.get(k))
                .map_or("", |t| t.span.slice(text))
        };
        let is_work = |w: &str| contains(&lexicon::WORK_NOUNS, &w.to_lowercase());
        let naming = |w: &str| matches!(w, "called" | "named" | "titled" | "entitled");
        // "the film X", "a book called X", "the project is called X"
        let introduced = is_work(word(1)) && matches!(word(2), "the" | "The" | "a" | "A" | "an")
            || naming(word(1)) && (is_work(word(2)) || word(2) == "is" && is_work(word(3)));
        if introduced {
            works.insert(c.span.slice(text));
        }
    }
    works
}

/// Two names side by side with one space between ("Miri" "Forbes", "U.S." "Senate"),
/// found by different means or read as two types, are one name: none of 13 such pairs on
/// the held-out set was two names. The joined name is an organisation if either part is
/// one ("Instituto" "Gonzaga"), else a person if either is ("Miri" "Forbes").
fn merge_adjacent_names(text: &str, out: &mut Vec<Candidate>) {
    let rank = |t: EntityType| match t {
        EntityType::Organization => 0,
        EntityType::Person => 1,
        _ => 2,
    };
    let names = named_in_text_order(out);
    let mut merged_away = vec![false; out.len()];
    let mut previous: Option<usize> = None;
    for &i in &names {
        if let Some(p) = previous {
            let (a, b) = (out[p].span, out[i].span);
            // "Secretary of State" "Antony Blinken": a name that ends the next person's
            // role is a word of the title, no name at all.
            let ends_role = out[i]
                .role
                .as_deref()
                .is_some_and(|role| role.ends_with(a.slice(text)));
            if ends_role && b.start > a.end && &text[a.end..b.start] == " " {
                merged_away[p] = true;
                previous = Some(i);
                continue;
            }
            if out[p].sentence == out[i].sentence && a.end < b.start && &text[a.end..b.start] == " "
            {
                let entity_type = if rank(out[i].entity_type) < rank(out[p].entity_type) {
                    out[i].entity_type
                } else {
                    out[p].entity_type
                };
                let joined = &mut out[p];
                joined.span = a.cover(b);
                joined.entity_type = entity_type;
                joined.qid = None;
                joined.typed = false;
                merged_away[i] = true;
                continue;
            }
        }
        previous = Some(i);
    }
    let mut index = 0;
    out.retain(|_| {
        index += 1;
        !merged_away[index - 1]
    });
}

/// A one-word name whose word the article also writes in lower case ("Government" and
/// "the government", "East" and "east of the river") is far more often a capitalised
/// common word than a name: 13 of 77 such names were right on the held-out set. It is
/// kept when the knowledge base types it or it is an acronym ("US" beside "us").
fn is_capitalised_common_word(text: &str, stats: &DocumentStats, c: &Candidate) -> bool {
    let word = c.span.slice(text);
    c.kind == MentionKind::Named
        && type_index(c.entity_type).is_some()
        && !(c.typed && c.method == Method::Gazetteer)
        && !word.contains(char::is_whitespace)
        && word.chars().skip(1).any(char::is_lowercase)
        && stats.written_in_lower_case(word)
}

/// "a Knight of the Order of ...", "a Fellow of the Royal Society", "an Officer of the
/// Order of Canada": one capitalised word between an indefinite article and "of" is a
/// rank or an honour written with a capital, no name, whatever the knowledge base or
/// the tagger read ("Knight" is also a surname).
fn is_honour_noun(text: &str, seg: &Segmented, c: &Candidate) -> bool {
    if c.kind != MentionKind::Named || c.span.slice(text).contains(char::is_whitespace) {
        return false;
    }
    let tokens = seg.sentence_tokens(c.sentence);
    let (first, last) = seg.token_bounds(c.sentence, c.span);
    let word = |k: Option<usize>| {
        k.and_then(|k| tokens.get(k))
            .map_or("", |t| t.span.slice(text))
    };
    first == last
        && matches!(word(first.checked_sub(1)), "a" | "an" | "A" | "An")
        && word(Some(last + 1)) == "of"
        && !super::ner::is_acronym(c.span.slice(text))
}

/// Acronyms an article introduces in parentheses right after a name ("Zorvex Mining
/// Authority (ZMA)"), typed as the name.
fn introduced_acronyms(text: &str, seg: &Segmented, found: &[Candidate]) -> Vec<Candidate> {
    let mut covered = covered_tokens(seg, found);
    let mut out: Vec<Candidate> = Vec::new();
    for c in found {
        if c.kind != MentionKind::Named || type_index(c.entity_type).is_none() {
            continue;
        }
        let tokens = seg.sentence_tokens(c.sentence);
        let next = tokens.partition_point(|t| t.span.start < c.span.end);
        let [open, acronym, close] = match tokens.get(next..next + 3) {
            Some(&[a, b, c]) => [a, b, c],
            _ => continue,
        };
        let acronym_text = acronym.span.slice(text);
        let introduced = matches!(
            (open.span.slice(text), close.span.slice(text)),
            ("(", ")") | ("[", "]")
        ) && super::ner::is_acronym(acronym_text)
            && c.span.slice(text).contains(' ');
        if introduced && !covered[c.sentence][next + 1] {
            covered[c.sentence][next + 1] = true;
            out.push(Candidate {
                span: acronym.span,
                method: Method::DocumentRepeat,
                confidence: c.confidence,
                qid: None,
                role: None,
                gender: None,
                head: None,
                typed: true,
                ..c.clone()
            });
        }
    }
    out
}

/// How an acronym that a person is "of" is found: a method of its own in the graph.
const MEMBER_OF_ACRONYM: Method = Method::Pattern("acronym-a-person-is-of");

/// "Elizabeth Quat of DAB", "DAB's Ben Chan", "Jo Roe of the NUT": an acronym of three
/// capitals or more that a person is "of", or whose possessive opens a person's name, is
/// the body the person belongs to, an organisation (not a term: "CCTV", "SARS").
fn acronyms_people_belong_to(text: &str, seg: &Segmented, found: &[Candidate]) -> Vec<Candidate> {
    let people = found
        .iter()
        .filter(|c| c.kind == MentionKind::Named && c.entity_type == EntityType::Person);
    let person_ends: FxHashSet<usize> = people.clone().map(|c| c.span.end).collect();
    let person_starts: FxHashSet<usize> = people.map(|c| c.span.start).collect();
    if person_ends.is_empty() {
        return Vec::new();
    }
    let covered = covered_tokens(seg, found);
    let mut out = Vec::new();
    for (s, flags) in covered.iter().enumerate() {
        let tokens = seg.sentence_tokens(s);
        let word = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
        let person_ends_at = |k: Option<usize>| {
            k.and_then(|k| tokens.get(k))
                .is_some_and(|t| person_ends.contains(&t.span.end))
        };
        for (k, token) in tokens.iter().enumerate() {
            let w = token.span.slice(text);
            let acronym = !flags[k]
                && super::ner::is_acronym(w)
                && w.chars().filter(char::is_ascii_uppercase).count() >= 3
                && !contains(&lexicon::NEVER_NAMES, w)
                && !contains(&lexicon::DISEASES, w);
            if !acronym {
                continue;
            }
            let of_person = word(k.wrapping_sub(1)) == "of"
                && (person_ends_at(k.checked_sub(2))
                    || word(k.wrapping_sub(2)) == "the" && person_ends_at(k.checked_sub(3)));
            let persons_body = matches!(word(k + 1), "'s" | "\u{2019}s")
                && tokens
                    .get(k + 2)
                    .is_some_and(|t| person_starts.contains(&t.span.start));
            if of_person || persons_body {
                out.push(Candidate::typed_name(
                    token.span,
                    EntityType::Organization,
                    s,
                    MEMBER_OF_ACRONYM,
                    0.6,
                ));
            }
        }
    }
    out
}

/// Acronyms the article introduces for a term ("sea surface salinity (SSS)", "centre of
/// mass (CoM)", "Global Positioning System (GPS)"): an abbreviation, no organisation,
/// wherever the article uses it; nor is the term a name where the article writes it in
/// capitals. The acronym's capitals spell the initials of the words before the
/// parenthesis, function words aside.
fn acronyms_of_terms<'t>(text: &'t str, seg: &Segmented) -> Vec<&'t str> {
    let mut terms = Vec::new();
    for s in 0..seg.sentences.len() {
        let tokens = seg.sentence_tokens(s);
        for k in 1..tokens.len().saturating_sub(2) {
            let word = |i: usize| tokens[i].span.slice(text);
            // "SSS", "CoM": capitals, with lower-case letters for the function words.
            let acronym = word(k + 1);
            let abbreviation = acronym.starts_with(char::is_uppercase)
                && acronym.chars().count() <= 6
                && acronym.chars().all(char::is_alphanumeric);
            if word(k) != "(" || word(k + 2) != ")" || !abbreviation {
                continue;
            }
            let capitals: Vec<char> = acronym.chars().filter(|c| c.is_uppercase()).collect();
            // The lower-case words before the parenthesis, nearest first; or capitalised
            // words that a term's head noun closes ("Geographic Information Systems
            // (GIS)", "Compact Fluorescent Light (CFL)"), where an organisation's word
            // would close a name ("Open Rights Group (ORG)").
            let title_case = word(k - 1).starts_with(char::is_uppercase)
                && contains_lower(&lexicon::TERM_HEADS, word(k - 1));
            // The words whose initials spell the acronym, nearest first, with their index.
            let spelled: Vec<(usize, &str)> = (0..k)
                .rev()
                .map(|i| (i, word(i)))
                .take_while(|(_, w)| {
                    w.starts_with(char::is_lowercase)
                        || title_case && w.starts_with(char::is_uppercase)
                })
                .filter(|(_, w)| !contains(&lexicon::NAME_CONNECTORS, w) && *w != "the")
                .take(capitals.len())
                .collect();
            let initials = spelled
                .iter()
                .filter_map(|(_, w)| w.chars().next())
                .flat_map(char::to_uppercase);
            if capitals.len() >= 2 && initials.rev().eq(capitals.iter().copied()) {
                terms.push(acronym);
                if let (true, Some(&(first, _))) = (title_case, spelled.last()) {
                    terms.push(&text[tokens[first].span.start..tokens[k - 1].span.end]);
                }
            }
        }
    }
    terms
}

/// A publication year in a citation: "2017", "1998a".
fn is_citation_year(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase());
    word.len() - digits.len() <= 1
        && digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&digits[..2], "16" | "17" | "18" | "19" | "20")
}

/// Reads the surnames of author-year citations as people: "(Roe, Diaz, & Okafor, 2019)",
/// "(Roe et al., 2019; Diaz 2020)", "Okafor (2018) showed ...". A rule's name on the same
/// word becomes a sure Person; a word no name covers gets a new mention.
fn cite_authors(text: &str, seg: &Segmented, found: &mut Vec<Candidate>) {
    let covered = covered_tokens(seg, found);
    let mut at: FxHashMap<Span, usize> = FxHashMap::default();
    for (i, c) in found.iter().enumerate() {
        if c.kind == MentionKind::Named {
            at.insert(c.span, i);
        }
    }
    let mut out = Vec::new();
    for (s, sentence) in seg.sentences.iter().enumerate() {
        if matches!(sentence.zone, Zone::Header) {
            continue;
        }
        let tokens = seg.sentence_tokens(s);
        let word = |k: usize| tokens[k].span.slice(text);
        let is_surname = |k: usize| {
            let w = word(k);
            tokens[k].kind == TokenKind::Word
                && w.chars().count() >= 2
                && w.starts_with(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !lexicon::is_title_word(w)
                && !contains(&lexicon::COMMON_CAPITALISED, w)
        };
        let mut names: Vec<usize> = Vec::new();
        for y in 0..tokens.len() {
            if !is_citation_year(word(y)) {
                continue;
            }
            // "Okafor (2018)": the names right before the bracketed year.
            let narrative = y >= 2
                && word(y - 1) == "("
                && tokens.get(y + 1).is_some_and(|t| t.span.slice(text) == ")");
            // Otherwise the year closes a bracketed list: names back to "(" or ";".
            let mut k = if narrative { y - 1 } else { y };
            let mut group = Vec::new();
            let stop = loop {
                if k == 0 {
                    break None;
                }
                k -= 1;
                let w = word(k);
                if is_surname(k) {
                    group.push(k);
                } else if !(matches!(w, "," | "&" | "and" | "et" | "al" | "al." | ".")
                    || (!narrative && matches!(w, "see" | "e.g." | "cf.")))
                {
                    break Some(w);
                }
            };
            // "met him in Italy (1821)": a place and a date, not an author and a year.
            let after_place_word = matches!(
                stop,
                Some("in" | "at" | "to" | "from" | "into" | "near" | "across" | "throughout")
            );
            if (narrative && !after_place_word) || matches!(stop, Some("(" | ";")) {
                names.extend(group);
            }
        }
        names.sort_unstable();
        names.dedup();
        for k in names {
            if let Some(&i) = at.get(&tokens[k].span) {
                let c = &mut found[i];
                c.entity_type = EntityType::Person;
                c.typed = true;
                c.confidence = c.confidence.max(0.7);
                continue;
            }
            if covered[s][k] {
                continue;
            }
            out.push(Candidate {
                span: tokens[k].span,
                entity_type: EntityType::Person,
                kind: MentionKind::Named,
                sentence: s,
                method: Method::NameShape,
                confidence: 0.7,
                qid: None,
                role: None,
                gender: None,
                head: None,
                typed: true,
            });
        }
    }
    found.extend(out);
}

/// Per sentence and token, whether a named mention covers (part of) the token.
fn covered_tokens(seg: &Segmented, found: &[Candidate]) -> Vec<Vec<bool>> {
    let mut covered: Vec<Vec<bool>> = (0..seg.sentences.len())
        .map(|s| vec![false; seg.sentence_tokens(s).len()])
        .collect();
    for c in found.iter().filter(|c| c.kind == MentionKind::Named) {
        let Some(flags) = covered.get_mut(c.sentence) else {
            continue;
        };
        for (flag, token) in flags.iter_mut().zip(seg.sentence_tokens(c.sentence)) {
            *flag |= token.span.start < c.span.end && c.span.start < token.span.end;
        }
    }
    covered
}

/// How much more a mention whose type the article states in apposition ("Klarvik, the
/// payments start-up founded by ...", "Orla, the cook,") weighs in [`type_votes`] than its
/// confidence: the article's own description outweighs the shape-read mentions of the name.
const DESCRIBED_VOTE_WEIGHT: f32 = 5.0;

/// Per name string, the summed confidence of its mentions for each type.
fn type_votes<'t>(text: &'t str, found: &[Candidate]) -> FxHashMap<&'t str, [f32; TYPE_COUNT]> {
    let mut votes: FxHashMap<&str, [f32; TYPE_COUNT]> = FxHashMap::default();
    for c in found {
        if c.kind != MentionKind::Named {
            continue;
        }
        let described = matches!(
            c.method,
            super::ner::ORG_APPOSITION | super::ner::PERSON_APPOSITION
        );
        let weight = if described {
            DESCRIBED_VOTE_WEIGHT
        } else {
            1.0
        };
        if let Some(t) = type_index(c.entity_type) {
            votes.entry(c.span.slice(text)).or_default()[t] += weight * c.confidence;
        }
    }
    votes
}

/// The other places where the article repeats a name it gave (with the same words, at
/// token boundaries, capitalised as given, overlapping no kept mention), typed as the
/// name was: an article that once reads "Zorvex" as a company means the company in every
/// "Zorvex". `votes` ([`type_votes`]) decide the type.
fn repeated_names(
    text: &str,
    seg: &Segmented,
    stats: &DocumentStats,
    found: &[Candidate],
    votes: &FxHashMap<&str, [f32; TYPE_COUNT]>,
) -> Vec<Candidate> {
    if votes.is_empty() {
        return Vec::new();
    }
    // Names by their first word, longest first, so "Zorvex Labs" wins over "Zorvex".
    let mut by_first: FxHashMap<&str, Vec<(Vec<&str>, EntityType)>> = FxHashMap::default();
    for (name, vote) in votes {
        let (t, _) = best(vote);
        let (Some(entity_type), mut words) = (type_at(t), Vec::new()) else {
            continue;
        };
        let mut tokens = Vec::new();
        crate::segment::tokenize(name, Span::new(0, name.len()), &mut tokens);
        words.extend(tokens.iter().map(|t| t.span.slice(name)));
        // A one-word name the article also writes in lower case ("Street", "North"), or
        // of one or two letters ("B", "Hm"), is a name only where it was read as one.
        let ordinary = |word: &str| word.chars().count() <= 2 || stats.written_in_lower_case(word);
        if words.len() == 1 && words.first().is_some_and(|w| ordinary(w)) {
            continue;
        }
        // A person's surname alone ("Okafor" after "Maria Okafor") is the person again,
        // unless the article reads that word as another type or writes it in lower case.
        let surname = (entity_type == EntityType::Person && words.len() >= 2)
            .then(|| words.last().copied())
            .flatten()
            .filter(|w| {
                w.chars().count() >= 3
                    && w.starts_with(char::is_uppercase)
                    && !ordinary(w)
                    && !lexicon::is_title_word(w)
                    && votes
                        .get(w)
                        .is_none_or(|v| type_at(best(v).0) == Some(EntityType::Person))
            });
        if let Some(surname) = surname {
            by_first
                .entry(surname)
                .or_default()
                .push((vec![surname], EntityType::Person));
        }
        if let Some(&first) = words.first() {
            by_first
                .entry(first)
                .or_default()
                .push((words, entity_type));
        }
    }
    for names in by_first.values_mut() {
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        names.dedup();
    }
    let covered = covered_tokens(seg, found);
    let mut out = Vec::new();
    for (s, sentence) in seg.sentences.iter().enumerate() {
        if matches!(sentence.zone, Zone::Header) {
            continue;
        }
        let tokens = seg.sentence_tokens(s);
        let mut i = 0;
        while i < tokens.len() {
            let word = tokens[i].span.slice(text);
            let matched = by_first.get(word).and_then(|names| {
                names.iter().find(|(words, _)| {
                    words.len() <= tokens.len() - i
                        && words
                            .iter()
                            .zip(&tokens[i..])
                            .all(|(w, t)| t.span.slice(text) == *w)
                })
            });
            let Some((words, entity_type)) = matched else {
                i += 1;
                continue;
            };
            let span = tokens[i].span.cover(tokens[i + words.len() - 1].span);
            // A repeat inside a longer capitalised run ("Okafor" in "Ade Okafor",
            // "Riverton" in "Riverton Transit") is part of another name, not the name again; a
            // title or the sentence's first word may stand before it ("Ms Okafor").
            if !glued_to_a_capitalised_word(text, tokens, i, i + words.len())
                && !covered[s][i..i + words.len()].iter().any(|&c| c)
            {
                out.push(Candidate {
                    span,
                    entity_type: *entity_type,
                    kind: MentionKind::Named,
                    sentence: s,
                    method: Method::DocumentRepeat,
                    confidence: 0.6,
                    qid: None,
                    role: None,
                    gender: None,
                    head: None,
                    typed: true,
                });
            }
            i += words.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Token and transition scores from a small deterministic generator, in [-2, 2).
    fn random_scores(n: usize, mut state: u64) -> (Vec<TokenScores>, Box<TransitionScores>) {
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            ((state >> 33) % 4000) as f32 / 1000.0 - 2.0
        };
        let tokens = (0..n)
            .map(|_| TokenScores {
                own: std::array::from_fn(|_| next()),
                by_previous: std::array::from_fn(|_| std::array::from_fn(|_| next())),
            })
            .collect();
        let transitions = Box::new(std::array::from_fn(|_| std::array::from_fn(|_| next())));
        (tokens, transitions)
    }

    /// Every well-formed tag sequence of the sentence with its total score.
    fn all_sequences(
        tokens: &[TokenScores],
        transitions: &TransitionScores,
    ) -> Vec<(Vec<Tag>, f32)> {
        let n = tokens.len();
        (0..TAG_COUNT.pow(n as u32))
            .map(|code| {
                (0..n)
                    .map(|i| code / TAG_COUNT.pow(i as u32) % TAG_COUNT)
                    .collect::<Vec<Tag>>()
            })
            .filter(|tags| {
                let mut previous = OUTSIDE;
                tags.iter().all(|&tag| {
                    let ok = may_follow(previous, tag);
                    previous = tag;
                    ok
                }) && !opens(previous)
            })
            .map(|tags| {
                let score = (0..n)
                    .map(|i| {
                        let at = |back: usize| i.checked_sub(back).map_or(OUTSIDE, |k| tags[k]);
                        tokens[i].score(transitions, at(2) * TAG_COUNT + at(1), tags[i])
                    })
                    .sum();
                (tags, score)
            })
            .collect()
    }

    #[test]
    fn the_best_sequence_and_its_margins_match_an_exhaustive_search() {
        for (n, seed) in [(1, 1), (2, 2), (3, 3), (4, 4), (4, 5)] {
            let (tokens, transitions) = random_scores(n, seed);
            let got = best_sequence(&tokens, &transitions);
            let all = all_sequences(&tokens, &transitions);
            let top = all
                .iter()
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .expect("one sequence at least");
            let tags: Vec<Tag> = got.iter().map(|t| t.0).collect();
            assert_eq!(tags, top.0, "n={n} seed={seed}");
            let without_margins: Vec<Tag> = best_tags(&tokens, &transitions)
                .iter()
                .map(|t| t.0)
                .collect();
            assert_eq!(without_margins, tags, "n={n} seed={seed}");
            for (i, &(tag, margin)) in got.iter().enumerate() {
                let best_other = all
                    .iter()
                    .filter(|(s, _)| type_index_of(s[i]) != type_index_of(tag))
                    .map(|(_, score)| *score)
                    .fold(f32::NEG_INFINITY, f32::max);
                let expected = top.1 - best_other;
                assert!(
                    (margin - expected).abs() < 1e-4,
                    "token {i}: margin {margin}, exhaustive {expected}"
                );
            }
        }
        let (_, transitions) = random_scores(0, 1);
        assert!(best_sequence(&[], &transitions).is_empty());
    }

    #[test]
    fn the_best_sequence_can_overrule_the_best_first_tag() {
        // Token 0 alone prefers a one-word person a little; but a person then O costs much
        // more than a place then O, so the best sequence reads a place.
        let person = tag_of(EntityType::Person, Position::Unit).unwrap();
        let place = tag_of(EntityType::Place, Position::Unit).unwrap();
        let mut tokens = vec![
            TokenScores {
                own: [0.0; TAG_COUNT],
                by_previous: [[0.0; TAG_COUNT]; TAG_COUNT],
            };
            2
        ];
        tokens[0].own[person] = 1.0;
        tokens[0].own[place] = 0.9;
        tokens[1].own[OUTSIDE] = 1.0;
        tokens[1].by_previous[person][OUTSIDE] = -6.0;
        let got = best_sequence(&tokens, &[[0.0; TAG_COUNT]; TAG_PAIRS]);
        assert_eq!((got[0].0, got[1].0), (place, OUTSIDE));
        assert!((got[0].1 - 0.9).abs() < 1e-6, "{got:?}");
    }

    #[test]
    fn names_are_tagged_by_position_and_read_back_as_spans() {
        assert_eq!(
            name_tags(EntityType::Organization, 3)
                .into_iter()
                .map(position)
                .collect::<Vec<_>>(),
            [Position::Begin, Position::Inside, Position::Last].map(Some)
        );
        assert_eq!(
            name_tags(EntityType::Place, 1),
            vec![tag_of(EntityType::Place, Position::Unit).unwrap()]
        );
        // Two one-word names side by side stay two names.
        let text = "Mira Okafor met Lagos Ada";
        let mut tokens = Vec::new();
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
        let mut tags: Vec<(Tag, f32)> = name_tags(EntityType::Person, 2)
            .into_iter()
            .chain([OUTSIDE])
            .chain(name_tags(EntityType::Place, 1))
            .chain(name_tags(EntityType::Person, 1))
            .map(|t| (t, 5.0))
            .collect();
        tags[1].1 = 2.0;
        let spans: Vec<(&str, EntityType, f32)> = spans_of(text, &tokens, &tags)
            .into_iter()
            .map(|(span, ty, margin)| (span.slice(text), ty, margin))
            .collect();
        assert_eq!(
            spans,
            [
                ("Mira Okafor", EntityType::Person, 2.0),
                ("Lagos", EntityType::Place, 5.0),
                ("Ada", EntityType::Person, 5.0)
            ]
        );
        for previous in 0..TAG_COUNT {
            assert!(may_follow(previous, OUTSIDE) != opens(previous));
        }
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("London"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2017"), "dd");
        assert_eq!(shape("McDonald's"), "XxXxx'x");
    }

    #[test]
    fn affixes_count_characters_not_bytes() {
        assert_eq!(affix("ångström", 3, false), "ång");
        assert_eq!(affix("ångström", 3, true), "röm");
        assert_eq!(affix("zo", 3, true), "zo");
        assert_eq!(affix("zo", 3, false), "zo");
    }

    #[test]
    fn a_name_loses_the_lower_case_words_at_its_edges() {
        let text = "Mira Okafor met Acme Group on Friday";
        let mut tokens = Vec::new();
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
        // The second name's tags run on to "on", a lower-case word no name ends with.
        let tags: Vec<(Tag, f32)> = name_tags(EntityType::Person, 2)
            .into_iter()
            .chain([OUTSIDE])
            .chain(name_tags(EntityType::Organization, 3))
            .chain([OUTSIDE])
            .zip([2.0, 1.0, 3.0, 4.0, 5.0, 6.0, 1.0])
            .collect();
        let spans = spans_of(text, &tokens, &tags);
        let names: Vec<(&str, EntityType, f32)> = spans
            .iter()
            .map(|&(s, t, m)| (s.slice(text), t, m))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Mira Okafor", EntityType::Person, 1.0),
                ("Acme Group", EntityType::Organization, 4.0)
            ]
        );
    }

    #[test]
    fn the_pronoun_before_a_verb_closes_no_name() {
        let text = "Tell Wendeline I said so to Elizabeth I today";
        let mut tokens = Vec::new();
        crate::segment::tokenize(text, Span::new(0, text.len()), &mut tokens);
        let tags: Vec<(Tag, f32)> = [OUTSIDE]
            .into_iter()
            .chain(name_tags(EntityType::Person, 2))
            .chain([OUTSIDE; 3])
            .chain(name_tags(EntityType::Person, 2))
            .chain([OUTSIDE])
            .map(|tag| (tag, 1.0))
            .collect();
        let names: Vec<&str> = spans_of(text, &tokens, &tags)
            .iter()
            .map(|&(s, _, _)| s.slice(text))
            .collect();
        assert_eq!(names, ["Wendeline", "Elizabeth I"]);
    }

    /// The places [`add_nested_places`] finds in `names` (as the tagger read them), with
    /// where each starts.
    fn nested_places_in<'t>(text: &'t str, names: &[(&str, EntityType)]) -> Vec<(&'t str, usize)> {
        let (seg, mut found) = tagged_names(text, names);
        add_nested_places(text, &seg, Kb::shipped(), &mut found);
        found[names.len()..]
            .iter()
            .map(|c| (c.span.slice(text), c.span.start))
            .collect()
    }

    #[test]
    fn a_place_opening_the_name_of_a_building_named_for_it_is_a_mention() {
        let text =
            "We toured Auckland Castle, crossed George Washington Stadium and saw Auckland Park.";
        let nested = nested_places_in(
            text,
            &[
                ("Auckland Castle", EntityType::Place),
                ("George Washington Stadium", EntityType::Place),
                ("Auckland Park", EntityType::Place),
            ],
        );
        // A given name opens a person's name, not a place's; a park is as often named for
        // anyone ("Hyde Park"), and a bridge too.
        assert_eq!(nested, [("Auckland", first_span(text, "Auckland").start)]);
    }

    #[test]
    fn a_known_place_closing_an_organisations_name_is_a_mention() {
        let text = "She joined Creative Commons Kenya and the Bank of Kenya; South Korea won.";
        let at = |name: &str| first_span(text, name);
        let places = nested_places_in(
            text,
            &[
                ("Creative Commons Kenya", EntityType::Organization),
                ("Bank of Kenya", EntityType::Organization),
                ("South Korea", EntityType::Organization),
            ],
        );
        // Once each: the place after "of" is found as before, not twice; a team named for
        // its country holds no place.
        assert_eq!(
            places,
            [
                ("Kenya", at("Kenya and").start),
                ("Kenya", at("Kenya;").start)
            ]
        );
    }

    #[test]
    fn a_known_place_inside_an_organisations_name_is_a_mention() {
        let text = "Delegates met at the Metro Toronto Trade Hall, a US Census Bureau team \
                    watched, Quillon Mobile sold phones and North Korea said no.";
        let at = |name: &str| first_span(text, name).start;
        let places = nested_places_in(
            text,
            &[
                ("Metro Toronto Trade Hall", EntityType::Organization),
                ("US Census Bureau", EntityType::Organization),
                ("Quillon Mobile", EntityType::Organization),
                ("North Korea", EntityType::Organization),
            ],
        );
        // Anywhere in the name, but not a town of one word closing it, as often a word
        // of the name; never a part of a name that is a place's as a whole (a country
        // acting as a state).
        assert_eq!(places, [("Toronto", at("Toronto")), ("US", at("US"))]);
    }

    /// The types of the named mentions of `name` in an invented article, in text order.
    fn types_of(text: &str, name: &str) -> Vec<EntityType> {
        named_mentions(text)
            .into_iter()
            .filter(|(n, _, _)| n == name)
            .map(|(_, t, _)| t)
            .collect()
    }

    /// The named mentions of an invented article, as (text, type, method).
    fn named_mentions(text: &str) -> Vec<(String, EntityType, &'static str)> {
        let processed = crate::pipeline::process_text(text);
        let text = &processed.document.text;
        processed
            .extraction
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Named)
            .map(|m| {
                (
                    m.span.slice(text).to_owned(),
                    m.entity_type,
                    m.evidence.method.static_name(),
                )
            })
            .collect()
    }

    #[test]
    fn a_titled_name_goes_on_over_initials_and_suffixes() {
        let text = "Judge Orla K. Fenwick ruled on Monday. The appeal went to Judge Tomas \
                    Brandt Jr. in March. Dr. Ines Varga of Lakeside Hospital said it was \
                    fair.\n";
        let people: Vec<String> = named_mentions(text)
            .into_iter()
            .filter(|(_, entity_type, _)| *entity_type == EntityType::Person)
            .map(|(name, _, _)| name)
            .collect();
        assert_eq!(
            people,
            ["Orla K. Fenwick", "Tomas Brandt Jr.", "Ines Varga"]
        );
        assert_eq!(
            types_of(text, "Lakeside Hospital"),
            [EntityType::Organization]
        );
    }

    #[test]
    fn an_abbreviation_closing_a_name_keeps_its_dot() {
        let text = "Quillon Semiconductor Inc. will build a plant. It bought Darrow Mining Corp. \
                    in May.\n";
        let names: Vec<String> = named_mentions(text)
            .into_iter()
            .map(|(name, _, _)| name)
            .collect();
        assert_eq!(names, ["Quillon Semiconductor Inc.", "Darrow Mining Corp."]);
    }

    #[test]
    fn a_name_continues_over_capitalised_words_and_dots_only() {
        assert!(continues_a_name(" K. Fenwick"));
        assert!(continues_a_name("."));
        assert!(continues_a_name(" Jr."));
        assert!(!continues_a_name(", Jr."));
        assert!(!continues_a_name(" of Leeds"));
    }

    #[test]
    fn a_plurals_possessive_and_a_firms_word_stay_inside_the_name() {
        let text = "Dana Roe will appear at Harwick Magistrates' Court on Monday. She \
                    founded Quillon Analytics, whose rival spoke to Britain's Parliament.\n";
        let got: Vec<(String, EntityType)> = named_mentions(text)
            .into_iter()
            .map(|(name, entity_type, _)| (name, entity_type))
            .collect();
        for expected in [
            ("Harwick Magistrates' Court", EntityType::Organization),
            ("Quillon Analytics", EntityType::Organization),
            ("Britain", EntityType::Place),
            ("Parliament", EntityType::Organization),
        ] {
            assert!(
                got.contains(&(expected.0.to_owned(), expected.1)),
                "{expected:?} in {got:?}"
            );
        }
    }

    #[test]
    fn a_persons_surname_alone_is_the_person_again() {
        let text = "The man was named as Daniel Mertz, 29, who had lived in Leeds for two \
                    years. Officers arrested Mertz at the market.\n\nMertz carried out the \
                    attack alone, police said.\n";
        let surnames = named_mentions(text)
            .into_iter()
            .filter(|(name, entity_type, _)| name == "Mertz" && *entity_type == EntityType::Person)
            .count();
        assert_eq!(surnames, 2);
        // A surname the article also reads as a place stays a place there.
        let got = named_mentions(
            "Mara Lincoln spoke in Lincoln on Monday. Lincoln is a city in England.\n",
        );
        assert!(!has(&got, "Lincoln", EntityType::Person), "{got:?}");
    }

    #[test]
    fn a_repeat_inside_a_longer_name_is_no_mention_of_its_own() {
        let text = "Mara Quist founded the bakery in 1990. Years later she sold it to Quist \
                    Family Foods Limited, which her son runs.\n";
        let got = named_mentions(text);
        assert!(!has(&got, "Quist", EntityType::Person), "{got:?}");
    }

    #[test]
    fn a_sentence_opening_word_stays_in_a_known_or_sure_name() {
        let got =
            named_mentions("Senators met on Monday. Bill Hastings said the new plan would fail.\n");
        assert!(has(&got, "Bill Hastings", EntityType::Person), "{got:?}");
        assert!(
            !got.iter().any(|(name, _, _)| name == "Hastings"),
            "{got:?}"
        );
        let got = named_mentions("It was a new day. New York is large and old.\n");
        assert!(has(&got, "New York", EntityType::Place), "{got:?}");
    }

    #[test]
    fn the_last_word_of_a_title_stays_out_of_the_persons_name() {
        let got = named_mentions("Earlier, Secretary of State Antony Blinken visited Kyiv.\n");
        assert!(has(&got, "Antony Blinken", EntityType::Person), "{got:?}");
        assert!(
            !got.iter().any(|(name, _, _)| name.contains("State")),
            "{got:?}"
        );
    }

    #[test]
    fn a_demonym_alone_is_no_name() {
        let text = "Puerto Ricans voted on Sunday. French officials said the French were ready.\n";
        let got = named_mentions(text);
        assert!(
            got.iter()
                .all(|(name, _, _)| !matches!(name.as_str(), "Puerto Ricans" | "French")),
            "{got:?}"
        );
        // A party's adjective before a noun modifies it; the party's name as a noun stays.
        let text = "Republican senators blocked the bill on Tuesday. Labour said the vote \
                    was a disgrace.\n";
        let got = named_mentions(text);
        assert!(
            !got.iter().any(|(name, _, _)| name == "Republican"),
            "{got:?}"
        );
        assert!(has(&got, "Labour", EntityType::Organization), "{got:?}");
        // A member of the party is a person no name gives.
        let text = "Committee chairman Ray Dunmore, a Democrat from Ohio, said the firms had \
                    stalled. Senator Tom Hale of Iowa, the panel's top Republican, voted \
                    against the motion, calling it a stunt.\n";
        let got = named_mentions(text);
        assert!(
            !got.iter()
                .any(|(name, _, _)| matches!(name.as_str(), "Democrat" | "Republican")),
            "{got:?}"
        );
    }

    #[test]
    fn names_in_capitals_are_read_in_ordinary_case() {
        let text = "By MARIA DELGADO and TOM HARRIS\n\nNAIROBI, Kenya - Police in \
                    Nairobi arrested two men on Tuesday, officials said.\n\nANNA PETROVA\n\
                    3RD DISTRICT, NEW MEXICO\n";
        let got = named_mentions(text);
        for (name, entity_type) in [
            ("MARIA DELGADO", EntityType::Person),
            ("TOM HARRIS", EntityType::Person),
            ("NAIROBI", EntityType::Place),
            ("ANNA PETROVA", EntityType::Person),
            ("NEW MEXICO", EntityType::Place),
        ] {
            assert!(has(&got, name, entity_type), "{name}: {got:?}");
        }
        assert!(
            !got.iter().any(|(name, _, _)| name.ends_with(" and")),
            "a name ends before its connector: {got:?}"
        );
    }

    #[test]
    fn an_abbreviated_title_alone_is_no_person() {
        let got = named_mentions("Later, State Sen. Marla Quince said she would ask.\n");
        assert!(has(&got, "Marla Quince", EntityType::Person), "{got:?}");
        assert!(
            !got.iter()
                .any(|(name, _, _)| name.starts_with("Sen") || name.contains("Sen.")),
            "{got:?}"
        );
    }

    #[test]
    fn a_titled_name_closed_by_a_regnal_number_is_a_person() {
        let text = "It rained all week. Queen Margrethe II made her a knight in 2005, \
                    and Pope Gregorius XVII blessed the ship.\n";
        let got = named_mentions(text);
        for name in ["Margrethe II", "Gregorius XVII"] {
            assert!(has(&got, name, EntityType::Person), "{name}: {got:?}");
        }
    }

    #[test]
    fn firms_of_other_countries_close_with_their_legal_forms() {
        let text = "Customs officers noticed that Baltrans UAB cleared cargo in Kaunas, \
                    and that Nordvik ASA paid for it.\n";
        let got = named_mentions(text);
        for name in ["Baltrans UAB", "Nordvik ASA"] {
            assert!(has(&got, name, EntityType::Organization), "{name}: {got:?}");
        }
    }

    /// Whether `got` (from [`named_mentions`]) holds the name with the type.
    fn has(got: &[(String, EntityType, &str)], name: &str, entity_type: EntityType) -> bool {
        got.iter().any(|(n, t, _)| n == name && *t == entity_type)
    }

    #[test]
    fn a_datelines_place_is_a_place_known_or_not() {
        for (text, place) in [
            (
                "QUARRYMOOR, Vermont — The mayor resigned on Tuesday.\n",
                "QUARRYMOOR",
            ),
            (
                "LENBRIDGE (Reuters) - Two ferries collided on Friday.\n",
                "LENBRIDGE",
            ),
            ("Notes\n\nOSTRAVEL — Snow closed the pass.\n", "OSTRAVEL"),
            // Four capitals at a dateline are a place, not an acronym.
            (
                "KYIV, Ukraine (AP) — Drones struck a power station overnight.\n",
                "KYIV",
            ),
            ("VORN (AP) — The ferry sank on Friday.\n", "VORN"),
        ] {
            let got = named_mentions(text);
            assert!(has(&got, place, EntityType::Place), "{text}: {got:?}");
        }
        // Capitals that open a line but are no dateline stay unread.
        let got = named_mentions("SPECIAL OFFER for readers: two issues free.\n");
        assert!(got.is_empty(), "{got:?}");
        assert!(
            !got.iter().any(|(name, _, _)| name.starts_with("SPECIAL")),
            "{got:?}"
        );
    }

    #[test]
    fn family_name_particles_stay_in_the_name() {
        let got = named_mentions(
            "Commissioner Marta von der Hove said the talks would resume. \
             Later, Laura de la Fuente agreed.",
        );
        for name in ["Marta von der Hove", "Laura de la Fuente"] {
            assert!(has(&got, name, EntityType::Person), "{name}: {got:?}");
        }
    }

    #[test]
    fn a_name_after_a_word_for_a_kind_of_firm_is_that_firm() {
        let got = named_mentions(
            "The depot, owned by the logistics firm Tarnby Freight, was empty. A \
             spokesperson for Tarnby Freight said nobody was hurt.",
        );
        let firms = got
            .iter()
            .filter(|(name, entity_type, _)| {
                name == "Tarnby Freight" && *entity_type == EntityType::Organization
            })
            .count();
        assert_eq!(firms, 2, "{got:?}");
    }

    #[test]
    fn a_known_word_opening_a_headline_is_a_common_word_when_the_article_says_it_lower() {
        let got = named_mentions("Man held after depot fire\n\nA man was arrested on Friday.\n");
        assert!(!got.iter().any(|(name, _, _)| name == "Man"), "{got:?}");
    }

    #[test]
    fn a_guessed_name_takes_the_type_of_the_known_name_it_is_coordinated_with() {
        let got = named_mentions("The cuts follow similar moves by Quorbit and Brenmoor Holdings.");
        assert!(has(&got, "Quorbit", EntityType::Organization), "{got:?}");
    }

    #[test]
    fn a_word_that_only_opens_titles_is_no_part_of_a_name() {
        let got = named_mentions("Former US president Jane Roe pleaded not guilty on Tuesday.");
        assert!(
            !got.iter().any(|(name, _, _)| name.starts_with("Former")),
            "{got:?}"
        );
        assert!(has(&got, "Jane Roe", EntityType::Person), "{got:?}");
    }

    #[test]
    fn a_clubs_word_closes_a_club() {
        let got = named_mentions("Harrowgate Rovers will face Dunmere United on Saturday.");
        for name in ["Harrowgate Rovers", "Dunmere United"] {
            assert!(has(&got, name, EntityType::Organization), "{name}: {got:?}");
        }
    }

    #[test]
    fn company_words_close_a_firm_and_its_short_name_follows() {
        let text = "Brenmoor Semiconductor said on Tuesday it would close a plant. Shares of \
                    Brenmoor fell 4 percent. Analyst Laura Reyes of Hallam & Pryce said \
                    Brenmoor had few options.";
        let got = named_mentions(text);
        for (name, entity_type) in [
            ("Brenmoor Semiconductor", EntityType::Organization),
            ("Brenmoor", EntityType::Organization),
            ("Laura Reyes", EntityType::Person),
            ("Hallam & Pryce", EntityType::Organization),
        ] {
            assert!(has(&got, name, entity_type), "{name}: {got:?}");
        }
        assert!(
            !got.iter()
                .any(|(name, _, _)| name.starts_with("Shares") || name.starts_with("Analyst")),
            "a sentence's first word stays out of the tagger's name: {got:?}"
        );
        assert!(
            !got.iter().any(|(name, _, _)| name.contains(" of ")),
            "a person of a firm is two names: {got:?}"
        );
    }

    #[test]
    fn towns_that_play_a_game_once_are_their_clubs() {
        let game = "Tulsa beat Wichita 3-1 in the league match on Saturday. The referee sent \
                    off two players after a late penalty. Fans travelled home to Omaha.";
        assert_eq!(types_of(game, "Tulsa"), [EntityType::Organization]);
        assert_eq!(types_of(game, "Wichita"), [EntityType::Organization]);
        assert_eq!(types_of(game, "Omaha"), [EntityType::Place]);
    }

    #[test]
    fn a_name_with_an_organisations_name_in_apposition_is_that_organisation() {
        let text = "Tarvik filed its accounts with Bolagsverket, the Swedish Companies \
                    Registration Office, on Monday.";
        assert_eq!(types_of(text, "Bolagsverket"), [EntityType::Organization]);
    }

    #[test]
    fn towns_in_a_results_line_or_with_their_staff_are_their_clubs() {
        let game = "Tulsa 2 Wichita 1\n\nA late penalty settled the match, and the referee \
                    booked four players. Wichita manager Dale Rudd blamed the goalkeeper. \
                    Fans travelled home to Omaha.";
        assert_eq!(types_of(game, "Tulsa"), [EntityType::Organization]);
        assert_eq!(types_of(game, "Wichita"), [EntityType::Organization; 2]);
        assert_eq!(types_of(game, "Omaha"), [EntityType::Place]);
    }

    #[test]
    fn countries_that_play_a_game_are_their_teams() {
        let game = "Sweden defeated South Korea 1 – 0 in their World Cup match on Monday. \
                    The referee gave a penalty and Sweden scored the only goal. South Korea \
                    lost to Sweden for the first time. Korea had more of the ball.";
        assert_eq!(types_of(game, "Sweden"), [EntityType::Organization; 3]);
        assert_eq!(types_of(game, "South Korea"), [EntityType::Organization; 2]);
        assert!(
            types_of(game, "South").is_empty(),
            "no place inside the team's name"
        );
        // The team's short name, and no place "Korea" inside "South Korea".
        assert_eq!(types_of(game, "Korea"), [EntityType::Organization]);
        // The same verbs outside a report of a game leave the countries places.
        let vote = "Sweden beat Norway in the vote on fishing quotas. Norway lost to Sweden \
                    again in June.";
        assert_eq!(types_of(vote, "Norway"), [EntityType::Place; 2]);
    }

    #[test]
    fn an_acronym_a_person_is_of_is_their_body() {
        let got = named_mentions(
            "Maren Tolvik of QPLU won the seat, and QPLU's Arvid Brenner came second. \
             The Brenmoor People's Army [BPA] fired on the posts. Jo Roe of CCTV fame \
             watched.",
        );
        let type_of = |name: &str| {
            got.iter()
                .filter(|(n, _, _)| n == name)
                .map(|(_, t, _)| *t)
                .collect::<Vec<_>>()
        };
        assert_eq!(type_of("QPLU"), [EntityType::Organization; 2], "{got:?}");
        assert_eq!(type_of("BPA"), [EntityType::Organization], "{got:?}");
        assert!(type_of("CCTV").is_empty(), "{got:?}");
    }

    #[test]
    fn one_of_a_persons_names_alone_is_the_person_again() {
        let text = "Mitchell Dravo and Paris Hilton met. Mitchell flew to Paris and Tyler.";
        let (seg, mut found) = tagged_names(
            text,
            &[
                ("Mitchell Dravo", EntityType::Person),
                ("Paris Hilton", EntityType::Person),
                ("Mitchell flew", EntityType::Place),
                ("Paris and", EntityType::Place),
                ("Tyler", EntityType::Place),
            ],
        );
        // The spans are the names only.
        for c in &mut found[2..4] {
            let name_end = c.span.slice(text).find(' ').expect("two words");
            c.span = Span::new(c.span.start, c.span.start + name_end);
        }
        people_by_one_of_their_names(text, &seg, Kb::shipped(), &mut found);
        let types: Vec<(&str, EntityType)> = found[2..]
            .iter()
            .map(|c| (c.span.slice(text), c.entity_type))
            .collect();
        // A large city keeps its reading, and a town no person is named after too.
        assert_eq!(
            types,
            [
                ("Mitchell", EntityType::Person),
                ("Paris", EntityType::Place),
                ("Tyler", EntityType::Place)
            ]
        );
    }

    #[test]
    fn an_acronym_of_a_term_stays_no_name() {
        let got = named_mentions(
            "The ministry wants schools to make better use of Information and \
             Communication Technology (ICT) in class. Teachers said ICT helped.",
        );
        assert!(got.iter().all(|(n, _, _)| n != "ICT"), "{got:?}");
    }

    #[test]
    fn a_disease_is_no_name() {
        let got = named_mentions(
            "Covid cases rose in Ohio, and the SARS outbreak of 2003 was recalled by \
             Dr Lena Ortiz of the Ohio Department of Health.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(
            !names.contains(&"Covid") && !names.contains(&"SARS"),
            "{got:?}"
        );
        assert!(names.contains(&"Lena Ortiz"), "{got:?}");
    }

    #[test]
    fn a_club_named_for_its_city_is_an_organisation_in_reports_of_games() {
        let game = "The pitcher left the Cleveland Guardians for the Boston Red Sox before \
                    the playoffs. He struck out six batters in the first inning of the \
                    season's last baseball game.";
        assert_eq!(types_of(game, "Boston Red Sox"), [EntityType::Organization]);
        assert_eq!(
            types_of(game, "Cleveland Guardians"),
            [EntityType::Organization]
        );
        // A place's own plural word stays a place, and outside sport nothing changes.
        let trip = "We sailed from the Cayman Islands to the Florida Keys in May.";
        assert_eq!(types_of(trip, "Cayman Islands"), [EntityType::Place]);
    }

    #[test]
    fn a_clubs_first_word_before_its_city_is_the_club() {
        let text = "Bayern Munich signed the striker on Monday. Bayern chief executive Jan \
                    Dreesen said Bayern had paid a record fee.";
        let got = named_mentions(text);
        let bayern: Vec<EntityType> = got
            .iter()
            .filter(|(name, _, _)| name == "Bayern")
            .map(|(_, t, _)| *t)
            .collect();
        assert_eq!(bayern, [EntityType::Organization; 2], "{got:?}");
    }

    #[test]
    fn introduced_acronyms_and_repeats_take_the_names_type() {
        let text = "The Velmora Basin Water Authority (VBWA) raised prices on Monday. \
                    Officials said VBWA would publish its accounts.";
        let found = named_mentions(text);
        let acronyms: Vec<&(String, EntityType, &str)> =
            found.iter().filter(|m| m.0 == "VBWA").collect();
        assert_eq!(acronyms.len(), 2, "{found:?}");
        assert!(
            acronyms.iter().all(|m| m.1 == EntityType::Organization),
            "{found:?}"
        );
        // A repeat no stage read is added as a mention of the name's type.
        let seg = crate::segment::segment(text);
        let stats = DocumentStats::new(text, &seg);
        let at = text.find("VBWA").expect("in the text");
        let first = Candidate {
            sentence: 0,
            ..tagged(Span::new(at, at + 4), EntityType::Organization)
        };
        let found = [first];
        let repeats = repeated_names(text, &seg, &stats, &found, &type_votes(text, &found));
        let repeats: Vec<(&str, EntityType, Method)> = repeats
            .iter()
            .map(|c| (c.span.slice(text), c.entity_type, c.method))
            .collect();
        assert_eq!(
            repeats,
            [("VBWA", EntityType::Organization, Method::DocumentRepeat)]
        );
    }

    #[test]
    fn a_name_a_speech_verb_follows_is_a_speaker() {
        // The tagger alone leaves this "Okafor" out (checked when the rule was added).
        let text = "Crews left the site on Tuesday. Okafor told reporters that the roof of \
                    the warehouse had collapsed, and Okafor said an inquiry would follow.";
        let found = named_mentions(text);
        let speakers = found
            .iter()
            .filter(|m| m.0 == "Okafor" && m.1 == EntityType::Person)
            .count();
        assert_eq!(speakers, 2, "{found:?}");
    }

    #[test]
    fn a_full_name_a_persons_verb_follows_acts() {
        // The tagger alone leaves this name out (checked when the rule was added).
        let found = named_mentions("Orla Quennell met fishermen in Riverton on Monday.");
        assert!(
            found
                .iter()
                .any(|m| m.0 == "Orla Quennell" && m.1 == EntityType::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_capitalised_common_word_is_no_name() {
        let text = "The Government said on Monday that the tax would rise. Critics of the \
                    government disagreed, and Mira Okafor said so.";
        let found = named_mentions(text);
        assert!(!found.iter().any(|m| m.0 == "Government"), "{found:?}");
        assert!(found.iter().any(|m| m.0 == "Mira Okafor"), "{found:?}");
    }

    #[test]
    fn a_known_persons_surname_alone_needs_the_tagger() {
        // The knowledge base knows a footballer whose surname is "Given".
        assert!(Kb::shipped()
            .lookup("Given")
            .any(|e| e.kind == EntityType::Person));
        let text = "Given the conflicting reports, the cause of the fire may never be known. \
                    Mira Okafor said the inquiry would continue.";
        let found = named_mentions(text);
        assert!(!found.iter().any(|m| m.0 == "Given"), "{found:?}");
        assert!(found.iter().any(|m| m.0 == "Mira Okafor"), "{found:?}");
    }

    #[test]
    fn names_of_works_are_no_names() {
        let text = "She wrote a novel called Harrowgate Lights in 1998. Critics loved \
                    Harrowgate Lights, and the film Varnholt followed. Varnholt won prizes, \
                    said Mira Okafor.";
        let found = named_mentions(text);
        assert!(
            !found
                .iter()
                .any(|m| m.0.contains("Harrowgate") || m.0 == "Varnholt"),
            "{found:?}"
        );
        assert!(found.iter().any(|m| m.0 == "Mira Okafor"), "{found:?}");
    }

    #[test]
    fn acronyms_of_lower_case_terms_are_no_names() {
        let text = "The probe maps sea surface salinity (SSS) from orbit. Its SSS maps \
                    reached the Tarnow Ocean Institute (TOI), and the centre of mass (CoM) \
                    moved. TOI scientists said the CoM shift was small.";
        let found = named_mentions(text);
        assert!(
            !found.iter().any(|m| m.0 == "SSS" || m.0 == "CoM"),
            "{found:?}"
        );
        let terms = acronyms_of_terms(text, &crate::segment::segment(text));
        assert_eq!(terms, ["SSS", "CoM"]);
    }

    #[test]
    fn acronyms_of_capitalised_terms_are_no_names_but_organisations_stay() {
        let text = "Crews at Velmar Docks track cranes with the Global Positioning System \
                    (GPS). The Harbour Workers Union (HWU) objected. GPS data is shared \
                    with the HWU every week.";
        let terms = acronyms_of_terms(text, &crate::segment::segment(text));
        assert_eq!(terms, ["GPS", "Global Positioning System"]);
        let found = named_mentions(text);
        assert!(
            !found
                .iter()
                .any(|m| m.0.contains("GPS") || m.0.contains("Positioning")),
            "{found:?}"
        );
        assert!(found.iter().any(|m| m.0 == "HWU"), "{found:?}");
    }

    /// A name the tagger found in sentence 0.
    fn tagged(span: Span, entity_type: EntityType) -> Candidate {
        Candidate {
            span,
            entity_type,
            kind: MentionKind::Named,
            sentence: 0,
            method: Method::Tagger,
            confidence: 0.8,
            qid: None,
            role: None,
            gender: None,
            head: None,
            typed: false,
        }
    }

    /// The span of the first occurrence of `name` in `text`.
    fn first_span(text: &str, name: &str) -> Span {
        let start = text.find(name).expect("in text");
        Span::new(start, start + name.len())
    }

    /// The segmented text, and tagger names at the first occurrence of each of `names` in
    /// it, each in its sentence.
    fn tagged_names(text: &str, names: &[(&str, EntityType)]) -> (Segmented, Vec<Candidate>) {
        let seg = crate::segment::segment(text);
        let found = names
            .iter()
            .map(|&(name, entity_type)| {
                let mut c = tagged(first_span(text, name), entity_type);
                c.sentence = seg
                    .sentences
                    .iter()
                    .position(|s| s.span.contains(c.span))
                    .expect("in a sentence");
                c
            })
            .collect();
        (seg, found)
    }

    #[test]
    fn a_tagger_word_glued_to_a_capitalised_word_is_a_piece_of_a_longer_name() {
        let text = "The crew rested before the Harbour Lights Festival began. Marra sailed \
                    home with Captain Orlov.\n";
        let seg = crate::segment::segment(text);
        let at = |word: &str| {
            let start = text.find(word).unwrap();
            Span::new(start, start + word.len())
        };
        let harbour = tagged(at("Harbour"), EntityType::Place);
        assert!(is_piece_of_a_longer_name(text, &seg, &harbour));
        let festival = tagged(at("Festival"), EntityType::Organization);
        assert!(is_piece_of_a_longer_name(text, &seg, &festival));
        // A sentence's first word, and a name after a title, stand alone.
        let marra = Candidate {
            sentence: 1,
            ..tagged(at("Marra"), EntityType::Person)
        };
        assert!(!is_piece_of_a_longer_name(text, &seg, &marra));
        let orlov = Candidate {
            sentence: 1,
            ..tagged(at("Orlov"), EntityType::Person)
        };
        assert!(!is_piece_of_a_longer_name(text, &seg, &orlov));
        let known = Candidate {
            qid: Some("Q1".into()),
            ..tagged(at("Harbour"), EntityType::Place)
        };
        assert!(!is_piece_of_a_longer_name(text, &seg, &known));
        let rules = Candidate {
            method: Method::Gazetteer,
            ..tagged(at("Harbour"), EntityType::Place)
        };
        assert!(!is_piece_of_a_longer_name(text, &seg, &rules));
    }

    #[test]
    fn names_side_by_side_are_one_name() {
        let mut found = vec![tagged(Span::new(0, 4), EntityType::Place); 3];
        let text = "U.S. Senate and Tarnow";
        found[1].span = Span::new(5, 11);
        found[1].entity_type = EntityType::Organization;
        found[2].span = Span::new(16, 22);
        merge_adjacent_names(text, &mut found);
        let names: Vec<(&str, EntityType)> = found
            .iter()
            .map(|c| (c.span.slice(text), c.entity_type))
            .collect();
        assert_eq!(
            names,
            vec![
                ("U.S. Senate", EntityType::Organization),
                ("Tarnow", EntityType::Place)
            ]
        );
    }

    #[test]
    fn a_region_known_by_name_only_is_a_place() {
        let got = named_mentions("Heavy rain flooded towns across Emilia-Romagna on Sunday.\n");
        assert!(
            got.iter()
                .any(|(name, entity_type, method)| name == "Emilia-Romagna"
                    && *entity_type == EntityType::Place
                    && *method == "gazetteer"),
            "{got:?}"
        );
    }

    #[test]
    fn a_person_or_place_the_document_names_alone_is_a_mention_where_it_opens_a_body() {
        let text = "Mara Quell painted in Port Dunmore. The Mara Quell Foundation and the \
                    Port Dunmore Tribune praised the Harriers of Port Dunmore Rovers, and \
                    Vantage praised Vantage Telecom.";
        let at = |name: &str| first_span(text, name);
        let (seg, mut found) = tagged_names(
            text,
            &[
                ("Mara Quell", EntityType::Person),
                ("Port Dunmore", EntityType::Place),
                ("Mara Quell Foundation", EntityType::Organization),
                ("Port Dunmore Tribune", EntityType::Organization),
                ("Harriers of Port Dunmore Rovers", EntityType::Organization),
                ("Vantage", EntityType::Place),
                ("Vantage Telecom", EntityType::Organization),
            ],
        );
        add_names_opening_organisations(text, &seg, &mut found);
        let added: Vec<(&str, EntityType, usize)> = found[7..]
            .iter()
            .map(|c| (c.span.slice(text), c.entity_type, c.span.start))
            .collect();
        // The openings only (not "Port Dunmore" inside the third name), and names of two
        // words or more ("Vantage" is the body's own short name).
        let foundation = at("Mara Quell Foundation").start;
        let tribune = at("Port Dunmore Tribune").start;
        assert_eq!(
            added,
            [
                ("Mara Quell", EntityType::Person, foundation),
                ("Port Dunmore", EntityType::Place, tribune),
            ]
        );
        assert!(found[7..]
            .iter()
            .all(|c| c.method == Method::DocumentRepeat));
    }

    #[test]
    fn known_places_inside_tagged_names_are_mentions() {
        let text = "Officials of the County of Ohio met near the Gulf of Ohio Valley.";
        let (seg, mut found) = tagged_names(
            text,
            &[
                ("County of Ohio", EntityType::Organization),
                ("Ohio Valley", EntityType::Place),
            ],
        );
        add_nested_places(text, &seg, Kb::shipped(), &mut found);
        let places: Vec<&str> = found[2..].iter().map(|c| c.span.slice(text)).collect();
        // After "of" in an organisation; not at the start of a place's own name (unless it
        // names a building or an island the place holds, "Ohio Harbour").
        assert_eq!(places, vec!["Ohio"], "{found:?}");
        assert_eq!(found[2].span, Span::new(27, 31));
        assert_eq!(found[2].entity_type, EntityType::Place);
    }

    #[test]
    fn cited_authors_are_people() {
        let text = "Earlier studies (Roe, Diaz, & Okafor, 2019; Varga et al., 2020a) \
                    disagree, and Brandt (2018) found no effect in Lisbon, 2017. \
                    She met him again years later in Portugal (1821).";
        let found = named_mentions(text);
        assert!(
            !found
                .iter()
                .any(|m| m.0 == "Portugal" && m.1 == EntityType::Person),
            "a place before a year in brackets is no author: {found:?}"
        );
        for surname in ["Roe", "Diaz", "Okafor", "Varga", "Brandt"] {
            assert!(
                found
                    .iter()
                    .any(|m| m.0 == surname && m.1 == EntityType::Person),
                "{surname}: {found:?}"
            );
        }
        assert!(!found
            .iter()
            .any(|m| m.0 == "Lisbon" && m.1 == EntityType::Person));
        assert!(is_citation_year("1998a"));
        assert!(!is_citation_year("12345") && !is_citation_year("2019ab"));
    }

    #[test]
    fn one_name_reads_as_one_type_in_an_article() {
        let text = "Anna Varga founded a bakery. Varga sells bread. \
                    Later Varga spoke to reporters, and Varga said the bakery would grow.";
        let found = named_mentions(text);
        let types: Vec<EntityType> = found
            .iter()
            .filter(|m| m.0 == "Varga")
            .map(|m| m.1)
            .collect();
        assert_eq!(types.len(), 3, "{found:?}");
        assert!(types.iter().all(|&t| t == types[0]), "{found:?}");
    }

    #[test]
    fn the_shipped_model_loads_and_round_trips() {
        let model = NerModel::shipped();
        assert!(!model.weights.is_empty());
        let bytes = model.to_bytes();
        let again = NerModel::from_bytes(&bytes, "memory").expect("round trip");
        assert_eq!(again.weights.len(), model.weights.len());
        assert_eq!(again.id, model.id);
    }

    #[test]
    fn a_model_of_two_stages_round_trips_and_a_cut_one_is_refused() {
        let stage = |key: u64, w: f32| {
            let mut weights = FeatureMap::default();
            weights.insert(key, [w; TAG_COUNT]);
            weights
        };
        let model =
            NerModel::from_stages(Some(NerModel::from_weights(stage(1, 0.5))), stage(2, 1.5));
        let bytes = model.to_bytes();
        let again = NerModel::from_bytes(&bytes, "two.model").expect("round trip");
        assert_eq!(again.to_bytes(), bytes);
        assert_eq!(again.id, model.id);
        let first = again.first_stage.as_ref().expect("a first stage");
        assert_eq!(first.weights[&1], [0.5; TAG_COUNT]);
        assert_eq!(again.weights[&2], [1.5; TAG_COUNT]);
        for cut in [10, bytes.len() - 3] {
            let err = NerModel::from_bytes(&bytes[..cut], "two.model").unwrap_err();
            assert!(err.to_string().contains("two.model"), "{err}");
        }
    }

    #[test]
    fn the_history_of_a_word_is_what_the_first_stage_read_elsewhere() {
        let text = "Torvale is calm. They live in Torvale. Torvale grew.";
        let seg = crate::segment::segment(text);
        let kb = Kb::default();
        let stats = DocumentStats::new(text, &seg);
        let mut sentences =
            document_features(text, &seg, &kb, &stats, &[], &by_sentence(&seg, &[]));
        let before: Vec<usize> = sentences.iter().map(|(_, f)| f.fixed(0).len()).collect();
        let place = name_tags(EntityType::Place, 1)[0];
        // The first stage read a place in the second sentence only.
        let tags: Vec<Vec<(Tag, f32)>> = sentences
            .iter()
            .enumerate()
            .map(|(s, (_, f))| {
                (0..f.len())
                    .map(|i| {
                        if s == 1 && i == 3 {
                            (place, 1.0)
                        } else {
                            (OUTSIDE, 1.0)
                        }
                    })
                    .collect()
            })
            .collect();
        let mut refs: Vec<&mut SentenceFeatures> = sentences.iter_mut().map(|(_, f)| f).collect();
        add_document_history(&mut refs, &tags);
        let place_elsewhere = keyed(
            F_HISTORY_TYPE,
            type_index(EntityType::Place).unwrap() as u64,
        );
        // "Torvale" opening sentences 0 and 2 was read a place elsewhere; the place itself
        // (sentence 1) was not, and its own reading does not count.
        assert!(sentences[0].1.fixed(0).contains(&place_elsewhere));
        assert!(sentences[2].1.fixed(0).contains(&place_elsewhere));
        assert_eq!(seg.sentence_tokens(1)[3].span.slice(text), "Torvale");
        assert!(!sentences[1].1.fixed(3).contains(&place_elsewhere));
        assert!(sentences[0].1.fixed(0).len() > before[0]);
    }

    #[test]
    fn truncated_models_are_refused() {
        let bytes = NerModel::shipped().to_bytes();
        let err = NerModel::from_bytes(&bytes[..bytes.len() - 3], "cut.model").unwrap_err();
        assert!(err.to_string().contains("cut.model"), "{err}");
        assert!(NerModel::from_bytes(b"garbage", "g").is_err());
    }

    #[test]
    fn an_organisation_named_after_a_known_place_stays_whole() {
        let got = named_mentions("The market belongs to Bradford Council, the mayor said.");
        assert!(
            got.iter()
                .any(|(name, ty, _)| name == "Bradford Council" && *ty == EntityType::Organization),
            "{got:?}"
        );
    }

    #[test]
    fn names_coordinated_before_a_plural_kind_of_organisation_are_organisations() {
        let text = "The lender sponsors the shirts of Tolvey Alexandra and Marsham City, two \
                    football clubs in the north. Tolvey Alexandra thanked the lender.";
        assert_eq!(
            types_of(text, "Tolvey Alexandra"),
            [EntityType::Organization; 2]
        );
        assert_eq!(types_of(text, "Marsham City"), [EntityType::Organization]);
        // A number of people stays people.
        let people = "The prize went to Dana Whitlow and Jorge Brannoc, two engineers from \
                      the north.";
        assert_eq!(types_of(people, "Dana Whitlow"), [EntityType::Person]);
    }

    #[test]
    fn an_honour_written_with_a_capital_is_no_name() {
        let text = "Hannah Oduya was made a Knight of the Order of the Dannebrog last year, \
                    and a Fellow of the Royal Society in 2019.";
        let got = named_mentions(text);
        assert!(
            !got.iter()
                .any(|(name, _, _)| name == "Knight" || name == "Fellow"),
            "{got:?}"
        );
        assert_eq!(types_of(text, "Hannah Oduya"), [EntityType::Person]);
    }

    #[test]
    fn a_bylines_separator_splits_the_names_around_it() {
        let text = "Storm floods coast\n\nThe storm flooded the coast on Monday, officials \
                    said.\n\nReporting by Tom Ferris | Kessler Valley Courier\n";
        assert_eq!(types_of(text, "Tom Ferris"), [EntityType::Person]);
        assert_eq!(
            types_of(text, "Kessler Valley Courier"),
            [EntityType::Organization]
        );
    }

    #[test]
    fn a_storms_name_stays_an_event_whatever_the_tagger_reads_of_its_given_name() {
        let text = "Cyclone Kesta made landfall near the port on Tuesday. Storm Doris brought \
                    winds of 140 km/h to the coast. Hurricane Mary weakened over the sea.";
        let names = named_mentions(text);
        for storm in ["Cyclone Kesta", "Storm Doris", "Hurricane Mary"] {
            assert_eq!(types_of(text, storm), [EntityType::Event], "{names:?}");
        }
        assert!(
            names.iter().all(|(_, t, _)| *t == EntityType::Event),
            "{names:?}"
        );
    }

    #[test]
    fn a_firm_goes_by_its_name_without_its_field_and_has_branches_in_known_places() {
        let text = "Regulators fined Korvath Systems on Wednesday. Korvath, based in \
                    Eindhoven, will appeal. Shares in Korvath fell 3% on Euronext Amsterdam, \
                    while Taiwan's TSMC and South Korea's SK Hynix rose.";
        assert_eq!(
            types_of(text, "Korvath Systems"),
            [EntityType::Organization]
        );
        assert_eq!(types_of(text, "Korvath"), [EntityType::Organization; 2]);
        for name in ["Euronext Amsterdam", "TSMC", "SK Hynix"] {
            assert_eq!(types_of(text, name), [EntityType::Organization], "{name}");
        }
    }

    #[test]
    fn a_titled_person_stands_where_the_tagger_reads_title_and_name_as_a_place() {
        for name in ["Leonard Brook", "Walter Strand"] {
            let text = format!("The case went to trial before U.S. District Judge {name}.");
            assert_eq!(types_of(&text, name), [EntityType::Person], "{name}");
        }
    }

    #[test]
    fn a_name_right_after_a_title_is_a_person() {
        let text = "Judge Cook agreed with the ruling on Monday. Mr Baker said the bread was \
                    fresh.";
        assert_eq!(types_of(text, "Cook"), [EntityType::Person]);
        assert_eq!(types_of(text, "Baker"), [EntityType::Person]);
    }

    #[test]
    fn a_known_body_opens_a_sentence_and_a_bylines_beat_is_no_name() {
        let text = "Talks stall\n\nBy Priya Natarajan, Health Reporter\n\nHamas leaders \
                    said on Tuesday that the talks had stalled.";
        assert_eq!(types_of(text, "Hamas"), [EntityType::Organization]);
        assert_eq!(types_of(text, "Priya Natarajan"), [EntityType::Person]);
        assert!(types_of(text, "Health Reporter").is_empty());
    }
}
