//! Syntax: a part-of-speech tagger and a dependency parser for newskg's own tokens, both
//! averaged perceptrons trained on the Universal Dependencies trees of GUM's train split
//! (`newskg train-parser`; `data/syntax.model` is its output, compiled in). Relation
//! extraction reads subjects, objects and attachments off the trees instead of word
//! windows.
//!
//! The tagger is greedy, left to right. The parser is greedy arc-hybrid (Kuhlmann et al.
//! 2011) with labelled arcs: a stack, a buffer, and three moves: shift the buffer's
//! first word onto the stack, attach the stack's top to the buffer's first word (left
//! arc), or to the word below it on the stack (right arc). One pass, linear time, no
//! allocation per move beyond the features.

pub mod conllu;
pub mod perceptron;
pub mod train;

use crate::extract::tagger::{affix, feature_of, push_shape, value_hash};
use crate::segment::Token;
use perceptron::{take, take_u32, Perceptron};
use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

const MAGIC: &[u8; 8] = b"NKSYN01\n";

/// Why a syntax model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SyntaxModelError {
    #[error("{path}: cannot read the syntax model: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a newskg syntax model ({reason})")]
    Format { path: String, reason: &'static str },
}

/// The tagger's and the parser's weights with the names of their classes.
#[derive(Debug, Clone)]
pub struct SyntaxModel {
    /// Part-of-speech tags (Universal POS: NOUN, VERB, PROPN ...).
    pub tags: Vec<String>,
    /// Dependency relations (nsubj, obj, obl, nsubj:pass, acl:relcl ...).
    pub relations: Vec<String>,
    pub(crate) pos: Perceptron,
    /// Classes: 0 shift, `1 + 2r` left arc with relation `r`, `2 + 2r` right arc.
    pub(crate) transitions: Perceptron,
    /// A hash of the model's bytes.
    pub id: u64,
}

/// The model file compiled into the binary.
const SHIPPED_BYTES: &[u8] = include_bytes!("../../data/syntax.model");

static SHIPPED: LazyLock<SyntaxModel> = LazyLock::new(|| {
    SyntaxModel::from_bytes(SHIPPED_BYTES, "data/syntax.model")
        .expect("the shipped syntax model is valid (checked by a unit test)")
});

impl SyntaxModel {
    /// The model compiled into the binary.
    pub fn shipped() -> &'static SyntaxModel {
        &SHIPPED
    }

    pub fn load(path: &Path) -> Result<SyntaxModel, SyntaxModelError> {
        let bytes = std::fs::read(path).map_err(|source| SyntaxModelError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_bytes(&bytes, &path.display().to_string())
    }

    /// Reads what [`SyntaxModel::to_bytes`] writes.
    pub fn from_bytes(bytes: &[u8], path: &str) -> Result<SyntaxModel, SyntaxModelError> {
        let bad = |reason| SyntaxModelError::Format {
            path: path.to_owned(),
            reason,
        };
        let mut rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| bad("wrong magic bytes"))?;
        let tags = read_names(&mut rest).ok_or_else(|| bad("truncated tag names"))?;
        let relations = read_names(&mut rest).ok_or_else(|| bad("truncated relation names"))?;
        let pos = Perceptron::read(&mut rest).ok_or_else(|| bad("truncated tagger weights"))?;
        let transitions =
            Perceptron::read(&mut rest).ok_or_else(|| bad("truncated parser weights"))?;
        if !rest.is_empty() {
            return Err(bad("bytes after the parser weights"));
        }
        if pos.classes != tags.len() || transitions.classes != 1 + 2 * relations.len() {
            return Err(bad("class counts do not match the names"));
        }
        Ok(SyntaxModel {
            tags,
            relations,
            pos,
            transitions,
            id: xxhash_rust::xxh3::xxh3_64(bytes),
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        write_names(&self.tags, &mut out);
        write_names(&self.relations, &mut out);
        self.pos.write(&mut out);
        self.transitions.write(&mut out);
        out
    }

    /// Tags and parses the tokens of one sentence of `text`. Typographic quotes and
    /// apostrophes are read as the treebank writes them; the text is not changed.
    pub fn parse_tokens<'m>(&'m self, text: &str, tokens: &[Token]) -> Tree<'m> {
        let words: Vec<Cow<str>> = tokens
            .iter()
            .map(|t| {
                let word = t.span.slice(text);
                if word.contains(['’', '‘', '“', '”']) {
                    Cow::Owned(word.replace(['’', '‘'], "'").replace(['“', '”'], "\""))
                } else {
                    Cow::Borrowed(word)
                }
            })
            .collect();
        let words: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
        self.parse(&words)
    }

    /// Tags and parses one sentence of words.
    pub fn parse<'m>(&'m self, words: &[&str]) -> Tree<'m> {
        let keys: Vec<WordKeys> = words.iter().map(|w| WordKeys::of(w)).collect();
        let tags = self.tag_words(&keys);
        let mut state = ParseState::new(words.len());
        let mut features = Vec::with_capacity(64);
        let mut scores = Vec::new();
        while !state.is_terminal() {
            state.features(&keys, &tags, &mut features);
            self.transitions.scores(&features, &mut scores);
            let action = best_legal(&scores, &state);
            state.apply(action);
        }
        state.finish(self.root_relation());
        Tree {
            model: self,
            tags,
            heads: state.heads,
            relations: state.relations,
        }
    }

    fn tag_words(&self, keys: &[WordKeys]) -> Vec<u16> {
        let mut tags: Vec<u16> = Vec::with_capacity(keys.len());
        let mut features = Vec::with_capacity(24);
        let mut scores = Vec::new();
        for i in 0..keys.len() {
            pos_features(keys, &tags, i, &mut features);
            self.pos.scores(&features, &mut scores);
            tags.push(argmax(&scores) as u16);
        }
        tags
    }

    fn root_relation(&self) -> u16 {
        self.relation_id("root").unwrap_or(0)
    }

    /// The relation index of a name, if the model has it.
    pub fn relation_id(&self, name: &str) -> Option<u16> {
        self.relations
            .iter()
            .position(|r| r == name)
            .map(|i| i as u16)
    }
}

fn write_names(names: &[String], out: &mut Vec<u8>) {
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    for name in names {
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
    }
}

fn read_names(bytes: &mut &[u8]) -> Option<Vec<String>> {
    let count = take_u32(bytes)? as usize;
    let mut names = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let len = usize::from(u16::from_le_bytes(take(bytes, 2)?.try_into().ok()?));
        names.push(String::from_utf8(take(bytes, len)?.to_vec()).ok()?);
    }
    Some(names)
}

/// A parsed sentence: for each word, its tag, its head (`None` for the root) and the
/// relation to its head.
#[derive(Debug, Clone)]
pub struct Tree<'m> {
    model: &'m SyntaxModel,
    pub tags: Vec<u16>,
    pub heads: Vec<Option<usize>>,
    pub relations: Vec<u16>,
}

impl Tree<'_> {
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    pub fn tag(&self, word: usize) -> &str {
        &self.model.tags[usize::from(self.tags[word])]
    }

    pub fn relation(&self, word: usize) -> &str {
        &self.model.relations[usize::from(self.relations[word])]
    }

    /// The word's dependents, left to right.
    pub fn children(&self, word: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(move |&d| self.heads[d] == Some(word))
    }

    /// The dependents of `word` with relation `relation` ("nsubj" also matches
    /// "nsubj:pass" only if asked for by its full name).
    pub fn children_with<'a>(
        &'a self,
        word: usize,
        relation: &'a str,
    ) -> impl Iterator<Item = usize> + 'a {
        self.children(word)
            .filter(move |&d| self.relation(d) == relation)
    }

    /// The tree as CoNLL-U lines (ID, FORM, UPOS, HEAD, DEPREL; other columns "_"), one
    /// per word, for `words` the words it was parsed from.
    pub fn to_conllu(&self, words: &[&str]) -> String {
        let mut out = String::new();
        for (i, word) in words.iter().enumerate().take(self.len()) {
            let head = self.heads[i].map_or(0, |h| h + 1);
            out.push_str(&format!(
                "{}\t{word}\t_\t{}\t_\t_\t{head}\t{}\t_\t_\n",
                i + 1,
                self.tag(i),
                self.relation(i)
            ));
        }
        out
    }

    /// Whether `word` is inside the subtree of `ancestor`.
    pub fn dominated_by(&self, mut word: usize, ancestor: usize) -> bool {
        for _ in 0..self.len() {
            if word == ancestor {
                return true;
            }
            match self.heads[word] {
                Some(head) => word = head,
                None => return false,
            }
        }
        false
    }
}

/// What the features read off one word, hashed once.
#[derive(Clone, Copy)]
pub(crate) struct WordKeys {
    exact: u64,
    lower: u64,
    shape: u64,
    prefix: u64,
    suffix3: u64,
    suffix2: u64,
}

impl WordKeys {
    pub(crate) fn of(word: &str) -> WordKeys {
        let lower = word.to_lowercase();
        let mut shape = String::new();
        push_shape(word, &mut shape);
        WordKeys {
            exact: value_hash(word.as_bytes()),
            lower: value_hash(lower.as_bytes()),
            shape: value_hash(shape.as_bytes()),
            prefix: value_hash(affix(&lower, 1, false).as_bytes()),
            suffix3: value_hash(affix(&lower, 3, true).as_bytes()),
            suffix2: value_hash(affix(&lower, 2, true).as_bytes()),
        }
    }
}

/// The value of a word that is not there (before the first, after the last, no child).
const NONE: u64 = 0x6e6f_6e65;

/// The tagger's features for word `i`, given the tags of the words before it.
pub(crate) fn pos_features(keys: &[WordKeys], tags: &[u16], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let at = |k: isize| -> Option<&WordKeys> {
        usize::try_from(i as isize + k)
            .ok()
            .and_then(|k| keys.get(k))
    };
    let tag = |k: usize| -> u64 { i.checked_sub(k).map_or(NONE, |j| u64::from(tags[j]) + 1) };
    let w = &keys[i];
    let lower = |k| at(k).map_or(NONE, |w| w.lower);
    let suffix = |k| at(k).map_or(NONE, |w| w.suffix3);
    out.extend([
        feature_of(100, &[]),
        feature_of(101, &[w.exact]),
        feature_of(102, &[w.lower]),
        feature_of(103, &[w.suffix3]),
        feature_of(104, &[w.suffix2]),
        feature_of(105, &[w.prefix]),
        feature_of(106, &[w.shape]),
        feature_of(107, &[lower(-1)]),
        feature_of(108, &[lower(1)]),
        feature_of(109, &[lower(-2)]),
        feature_of(110, &[lower(2)]),
        feature_of(111, &[suffix(-1)]),
        feature_of(112, &[suffix(1)]),
        feature_of(113, &[at(1).map_or(NONE, |w| w.shape)]),
        feature_of(114, &[tag(1)]),
        feature_of(115, &[tag(1), tag(2)]),
        feature_of(116, &[tag(1), w.lower]),
        feature_of(117, &[u64::from(i == 0), w.shape]),
        feature_of(118, &[lower(-1), w.lower]),
    ]);
}

/// The parser's configuration: the stack, the first word of the buffer, and the arcs so far.
pub(crate) struct ParseState {
    pub(crate) stack: Vec<usize>,
    pub(crate) next: usize,
    pub(crate) heads: Vec<Option<usize>>,
    pub(crate) relations: Vec<u16>,
    /// Each word's dependents so far, leftmost and rightmost two, for the features.
    lefts: Vec<[Option<usize>; 2]>,
    rights: Vec<[Option<usize>; 2]>,
    pub(crate) children: Vec<u8>,
}

pub(crate) const SHIFT: usize = 0;

pub(crate) fn left_arc(relation: u16) -> usize {
    1 + 2 * usize::from(relation)
}

pub(crate) fn right_arc(relation: u16) -> usize {
    2 + 2 * usize::from(relation)
}

impl ParseState {
    pub(crate) fn new(n: usize) -> Self {
        ParseState {
            stack: Vec::with_capacity(n),
            next: 0,
            heads: vec![None; n],
            relations: vec![0; n],
            lefts: vec![[None; 2]; n],
            rights: vec![[None; 2]; n],
            children: vec![0; n],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.heads.len()
    }

    pub(crate) fn is_terminal(&self) -> bool {
        self.next >= self.len() && self.stack.len() <= 1
    }

    pub(crate) fn legal(&self, action: usize) -> bool {
        let buffer = self.next < self.len();
        match action {
            SHIFT => buffer,
            a if a % 2 == 1 => buffer && !self.stack.is_empty(),
            _ => self.stack.len() >= 2,
        }
    }

    pub(crate) fn apply(&mut self, action: usize) {
        if action == SHIFT {
            self.stack.push(self.next);
            self.next += 1;
            return;
        }
        let relation = ((action - 1) / 2) as u16;
        let Some(dependent) = self.stack.pop() else {
            return;
        };
        let head = if action % 2 == 1 {
            self.next
        } else {
            match self.stack.last() {
                Some(&h) => h,
                None => return,
            }
        };
        self.heads[dependent] = Some(head);
        self.relations[dependent] = relation;
        self.children[head] = self.children[head].saturating_add(1);
        if dependent < head {
            let l = &mut self.lefts[head];
            // Left dependents arrive right to left: the newest is the leftmost.
            *l = [Some(dependent), l[0]];
        } else {
            let r = &mut self.rights[head];
            *r = [Some(dependent), r[0]];
        }
    }

    /// The word left on the stack heads the sentence.
    pub(crate) fn finish(&mut self, root_relation: u16) {
        let root = self.stack.first().copied();
        for &w in &self.stack {
            // Words never reduced (there are none unless parsing stopped early) attach to
            // the root so the tree is whole.
            self.heads[w] = root.filter(|&r| r != w);
            self.relations[w] = root_relation;
        }
    }

    /// The parser's features in this state (Honnibal's 2013 set, with the relations of
    /// the dependents attached so far).
    pub(crate) fn features(&self, keys: &[WordKeys], tags: &[u16], out: &mut Vec<u64>) {
        out.clear();
        let n = self.len();
        let s = |k: usize| -> Option<usize> {
            self.stack.len().checked_sub(k + 1).map(|i| self.stack[i])
        };
        let b = |k: usize| -> Option<usize> { (self.next + k < n).then_some(self.next + k) };
        let word = |x: Option<usize>| x.map_or(NONE, |i| keys[i].lower);
        let tag = |x: Option<usize>| x.map_or(NONE, |i| u64::from(tags[i]) + 1);
        let rel = |x: Option<usize>| x.map_or(NONE, |i| u64::from(self.relations[i]) + 1);
        let left = |x: Option<usize>, k: usize| x.and_then(|i| self.lefts[i][k]);
        let right = |x: Option<usize>, k: usize| x.and_then(|i| self.rights[i][k]);
        let valency = |x: Option<usize>| x.map_or(NONE, |i| u64::from(self.children[i]));
        let (s0, s1, s2) = (s(0), s(1), s(2));
        let (b0, b1, b2) = (b(0), b(1), b(2));
        let (s0l, s0l2, s0r, s0r2) = (left(s0, 0), left(s0, 1), right(s0, 0), right(s0, 1));
        let (b0l, b0l2) = (left(b0, 0), left(b0, 1));
        let distance = match (s0, b0) {
            (Some(s), Some(b)) => (b - s).min(5) as u64,
            _ => NONE,
        };
        let depth = self.stack.len().min(5) as u64;
        let (ws0, wb0, ts0, tb0, tb1) = (word(s0), word(b0), tag(s0), tag(b0), tag(b1));
        out.push(feature_of(200, &[]));
        out.push(feature_of(201, &[depth]));
        for (template, w) in (202..).zip([s0, s1, s2, b0, b1, b2, b0l, b0l2, s0l, s0l2, s0r, s0r2])
        {
            out.push(feature_of(template, &[word(w)]));
        }
        for (template, t) in (220..).zip([s0, s1, s2, b0, b1, b2, b0l, b0l2, s0l, s0l2, s0r, s0r2])
        {
            out.push(feature_of(template, &[tag(t)]));
        }
        for (template, x) in (240..).zip([b0, b1, b2, s0]) {
            out.push(feature_of(template, &[word(x), tag(x)]));
        }
        out.extend([
            feature_of(250, &[ws0, wb0]),
            feature_of(251, &[wb0, tb0, ws0]),
            feature_of(252, &[wb0, tb0, ts0]),
            feature_of(253, &[ws0, ts0, wb0]),
            feature_of(254, &[ws0, ts0, tb0]),
            feature_of(255, &[ws0, ts0, wb0, tb0]),
            feature_of(256, &[ts0, tb0]),
            feature_of(257, &[tb0, tb1]),
            // Tag trigrams.
            feature_of(260, &[tb0, tb1, tag(b2)]),
            feature_of(261, &[ts0, tb0, tb1]),
            feature_of(262, &[ts0, tag(s1), tb0]),
            feature_of(263, &[ts0, tag(s0r), tb0]),
            feature_of(264, &[ts0, tb0, tag(b0l)]),
            feature_of(265, &[ts0, tag(s0l), tag(s0l2)]),
            feature_of(266, &[ts0, tag(s0r), tag(s0r2)]),
            feature_of(267, &[tb0, tag(b0l), tag(b0l2)]),
            feature_of(268, &[ts0, tag(s1), tag(s2)]),
            // Valency and distance.
            feature_of(270, &[ws0, valency(s0)]),
            feature_of(271, &[ts0, valency(s0)]),
            feature_of(272, &[wb0, valency(b0)]),
            feature_of(273, &[tb0, valency(b0)]),
            feature_of(274, &[ws0, distance]),
            feature_of(275, &[wb0, distance]),
            feature_of(276, &[ts0, distance]),
            feature_of(277, &[tb0, distance]),
            feature_of(278, &[ts0, tb0, distance]),
            feature_of(279, &[ws0, wb0, distance]),
            // The relations of the dependents attached so far.
            feature_of(280, &[rel(s0l)]),
            feature_of(281, &[rel(s0r)]),
            feature_of(282, &[rel(b0l)]),
            feature_of(283, &[ts0, rel(s0l), rel(s0r)]),
            feature_of(284, &[tb0, rel(b0l)]),
            feature_of(285, &[ts0, tb0, rel(s0l)]),
            feature_of(286, &[ts0, tb0, rel(b0l)]),
            feature_of(287, &[tag(s1), rel(s0l2)]),
        ]);
    }
}

/// The highest-scoring move the state allows.
pub(crate) fn best_legal(scores: &[f32], state: &ParseState) -> usize {
    let mut best = None;
    for (action, &score) in scores.iter().enumerate() {
        if state.legal(action) && best.is_none_or(|(_, s)| score > s) {
            best = Some((action, score));
        }
    }
    best.map_or(SHIFT, |(a, _)| a)
}

pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = (0, f32::MIN);
    for (i, &s) in scores.iter().enumerate() {
        if s > best.1 {
            best = (i, s);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_an_invented_news_sentence() {
        let words = [
            "The",
            "mayor",
            "of",
            "Northbridge",
            "was",
            "arrested",
            "in",
            "Leeds",
            "on",
            "Monday",
            ".",
        ];
        let tree = SyntaxModel::shipped().parse(&words);
        assert_eq!(tree.len(), words.len());
        assert_eq!(tree.heads[5], None, "'arrested' is the root");
        assert_eq!(tree.relation(1), "nsubj:pass");
        assert_eq!(tree.heads[1], Some(5));
        assert_eq!(tree.relation(3), "nmod");
        assert_eq!(tree.heads[3], Some(1));
        assert_eq!(tree.relation(7), "obl");
        assert_eq!(tree.heads[7], Some(5));
        assert_eq!(tree.children_with(7, "case").collect::<Vec<_>>(), [6]);
        assert_eq!(tree.tag(3), "PROPN");
        assert_eq!(tree.tag(5), "VERB");
        assert!(tree.dominated_by(3, 5));
    }

    #[test]
    fn the_shipped_model_writes_the_bytes_it_was_read_from() {
        assert!(SyntaxModel::shipped().to_bytes() == SHIPPED_BYTES);
    }

    #[test]
    fn a_truncated_or_foreign_model_file_is_an_error() {
        let bytes = SyntaxModel::shipped().to_bytes();
        assert!(SyntaxModel::from_bytes(&bytes[..100], "cut.model").is_err());
        let error = SyntaxModel::from_bytes(b"not a model", "x.model").unwrap_err();
        assert!(error.to_string().contains("x.model"), "{error}");
        assert!(SyntaxModel::from_bytes(&[], "empty.model").is_err());
    }
}
