//! Word classes: groups of words that unlabelled text uses alike, so that the tagger can
//! treat a word GUM's train split never shows it like the words it has seen in the same
//! class (a new surname like the known ones, a new town like the towns).
//!
//! The table (`data/clusters.tsv`) is built once by `scripts/clusters.py` from GloVe word
//! vectors (Wikipedia and Gigaword newswire; PDDL), by k-means on the 150,000 most
//! frequent lower-cased words: a thousand classes, grouped into 250 and those into 50. It
//! ships in the binary; nothing is read at run time.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// How many levels of classes a word has.
pub const LEVELS: usize = 3;

/// A word's classes, finest first: among a thousand, among some hundreds, among some
/// tens; each level groups the classes of the level before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordClass(pub [u16; LEVELS]);

/// The word-class table, keyed by lower-cased word.
pub struct WordClasses {
    classes: FxHashMap<&'static str, WordClass>,
}

static SHIPPED: LazyLock<WordClasses> =
    LazyLock::new(|| WordClasses::parse(include_str!("../../data/clusters.tsv")));

impl WordClasses {
    /// The table that ships with newskg.
    pub fn shipped() -> &'static WordClasses {
        &SHIPPED
    }

    /// Reads one line per class of the finest level: the class at each level, finest
    /// first, then its words, space-separated (`12 TAB 7 TAB 3 TAB oslo bergen`). A line
    /// that does not have that form is skipped (the shipped table has none).
    pub fn parse(tsv: &'static str) -> WordClasses {
        let mut classes = FxHashMap::default();
        for line in tsv.lines() {
            let mut fields = line.split('\t');
            let mut levels = [0; LEVELS];
            let parsed = levels.iter_mut().all(|level| {
                fields
                    .next()
                    .and_then(|f| f.parse().ok())
                    .map(|class| *level = class)
                    .is_some()
            });
            if let (true, Some(words)) = (parsed, fields.next()) {
                for word in words.split(' ').filter(|w| !w.is_empty()) {
                    classes.insert(word, WordClass(levels));
                }
            }
        }
        WordClasses { classes }
    }

    /// The classes of a lower-cased word, if the table has it.
    pub fn get(&self, lower: &str) -> Option<WordClass> {
        self.classes.get(lower).copied()
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_skips_malformed_ones() {
        let table = WordClasses::parse("12\t7\t3\toslo bergen\nbroken line\nnine\t1\t0\tx\n2\t1\n");
        assert_eq!(table.len(), 2);
        assert_eq!(table.get("oslo"), table.get("bergen"));
        assert_eq!(table.get("oslo"), Some(WordClass([12, 7, 3])));
        assert_eq!(table.get("x"), None);
    }

    #[test]
    fn the_shipped_table_groups_words_used_alike() {
        let table = WordClasses::shipped();
        assert!(table.len() > 50_000, "{} words", table.len());
        let class = |w: &str| {
            table
                .get(w)
                .unwrap_or_else(|| panic!("{w} is not in the table"))
        };
        // Weekdays share a fine class; a weekday and a city do not.
        assert_eq!(class("monday").0[0], class("thursday").0[0]);
        assert_ne!(class("monday").0[0], class("glasgow").0[0]);
    }
}
