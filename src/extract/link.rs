//! Entity linking: chooses each entity's Wikidata item from the knowledge base, or none.
//!
//! Candidates come from every name variant the article gives the entity (label or alias
//! matches); each is scored by type agreement, its popularity prior, how it was reached
//! (the label, the entity's fullest name) and how many variants reach it. A name that is
//! also a common word of organisation or place names ("Parliament", "Police") reaches
//! only items whose other label words the article writes ("Parliament of South Africa"
//! needs "South" and "Africa" in the text). The choice carries a confidence, the
//! softmax share of the winner among the candidates scaled by how well the name
//! matched; below [`MIN_CONFIDENCE`] the entity stays unlinked (NIL) rather than
//! taking a doubtful item.

use super::lexicon::{self, contains};
use super::{Entity, EntityType, Extraction, Link};
use crate::kb::{Kb, KbEntry};
use rustc_hash::FxHashSet;
use std::cell::OnceCell;

/// At or below this confidence an entity is left without an item (a tie of two is NIL).
pub const MIN_CONFIDENCE: f32 = 0.5;

/// Score bonuses, on the popularity prior's log scale.
const LABEL_MATCH: f32 = 1.0;
const FULL_NAME_MATCH: f32 = 2.0;
const EXTRA_VARIANT: f32 = 1.0;
/// Per word of the item's description that the article uses.
const CONTEXT_WORD: f32 = 1.0;
const MAX_CONTEXT_WORDS: usize = 2;
/// Shorter words ("of", "the", "in") say nothing about an item.
const MIN_CONTEXT_WORD: usize = 4;
/// An organisation's item for a place mention, or the reverse ("Britain" acting as a
/// government): allowed, at this cost.
const CROSS_TYPE: f32 = 3.0;

/// Links every entity of `ex` that names a knowledge-base item well enough.
pub fn resolve(text: &str, ex: &mut Extraction, kb: &Kb) {
    link_where(text, ex, &[kb], |_| true);
}

/// Links the named entities that `which` selects, with candidates from `kbs`; an entity
/// without a name keeps what coreference found (a demonym's country), if anything.
/// Returns how many got an item.
fn link_where(
    text: &str,
    ex: &mut Extraction,
    kbs: &[&Kb],
    which: impl Fn(&Entity) -> bool,
) -> usize {
    let context = Context::new(text);
    let mut linked = 0;
    for entity in &mut ex.entities {
        if !entity.variants.is_empty() && which(entity) {
            entity.link = choose(&context, entity, kbs);
            linked += usize::from(entity.link.is_some());
        }
    }
    linked
}

/// What the linker knows of the article: its text, and (made when first needed) its
/// words in lower case.
struct Context<'t> {
    text: &'t str,
    words: OnceCell<FxHashSet<String>>,
}

impl<'t> Context<'t> {
    fn new(text: &'t str) -> Self {
        Context {
            text,
            words: OnceCell::new(),
        }
    }

    fn words(&self) -> &FxHashSet<String> {
        self.words.get_or_init(|| {
            self.text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= MIN_CONTEXT_WORD)
                .map(str::to_lowercase)
                .collect()
        })
    }

    /// How many words of an item's description the article uses (at most
    /// [`MAX_CONTEXT_WORDS`]): "messaging" for a messaging service, "footballer" for a
    /// player.
    fn support(&self, description: &str, name: &str) -> usize {
        if description.is_empty() {
            return 0;
        }
        let name = name.to_lowercase();
        let mut seen: Vec<String> = Vec::new();
        for word in description.split(|c: char| !c.is_alphanumeric()) {
            let word = word.to_lowercase();
            if word.chars().count() >= MIN_CONTEXT_WORD
                && !contains(&lexicon::CONTEXT_STOPWORDS, &word)
                && !name.contains(&word)
                && self.words().contains(&word)
                && !seen.contains(&word)
            {
                seen.push(word);
            }
        }
        seen.len().min(MAX_CONTEXT_WORDS)
    }
}

/// Links the entities still unlinked, with candidates from several bases (the local one
/// and what `--online` fetched); returns how many got an item.
pub fn resolve_unlinked(text: &str, ex: &mut Extraction, kbs: &[&Kb]) -> usize {
    link_where(text, ex, kbs, |entity| entity.link.is_none())
}

struct Scored<'k> {
    entry: &'k KbEntry,
    score: f32,
    /// How well the best name reaching the item matched: 1.0 for the fullest name
    /// as the label, less for aliases and short forms.
    fit: f32,
}

fn choose(context: &Context, entity: &Entity, kbs: &[&Kb]) -> Option<Link> {
    // One-word person names ("Masood") are too ambiguous to link by themselves.
    if entity.entity_type == EntityType::Person && !entity.name.contains(' ') {
        return None;
    }
    let mut scored: Vec<Scored> = Vec::new();
    for variant in &entity.variants {
        let full = *variant == entity.name;
        if entity.entity_type == EntityType::Person && !variant.contains(' ') {
            continue;
        }
        // "The Independent": the mention starts after the article (SCHEMA.md's minimal
        // spans), the item's name holds it; the article names it so.
        let with_article = format!("The {variant}");
        let written_with_article =
            kbs.iter().any(|kb| kb.knows(&with_article)) && context.text.contains(&with_article);
        let names = std::iter::once(variant.as_str())
            .chain(written_with_article.then_some(with_article.as_str()));
        for (name, entry) in names.flat_map(|name| {
            kbs.iter()
                .flat_map(move |kb| kb.lookup(name).map(move |e| (name, e)))
        }) {
            let Some(type_cost) = type_cost(entity.entity_type, entry.kind) else {
                continue;
            };
            let by_label = entry.label == name;
            if is_generic(variant)
                && !by_label
                && !label_in_context(context.text, &entry.label, variant)
            {
                continue;
            }
            let score = entry.popularity - type_cost
                + if by_label { LABEL_MATCH } else { 0.0 }
                + if full { FULL_NAME_MATCH } else { 0.0 }
                + CONTEXT_WORD * context.support(&entry.description, variant) as f32;
            let fit = match (full, by_label) {
                (true, true) => 1.0,
                (true, false) => 0.9,
                (false, _) => 0.8,
            };
            match scored.iter_mut().find(|s| s.entry.qid == entry.qid) {
                Some(s) => {
                    s.score = s.score.max(score) + EXTRA_VARIANT;
                    s.fit = s.fit.max(fit);
                }
                None => scored.push(Scored { entry, score, fit }),
            }
        }
    }
    let best = scored.iter().max_by(|a, b| {
        a.score
            .total_cmp(&b.score)
            .then_with(|| b.entry.qid.cmp(&a.entry.qid))
    })?;
    let share: f32 = 1.0
        / scored
            .iter()
            .map(|s| (s.score - best.score).exp())
            .sum::<f32>();
    let confidence = ((share * best.fit) * 100.0).round() / 100.0;
    (confidence > MIN_CONFIDENCE).then(|| Link {
        qid: best.entry.qid.clone(),
        confidence,
    })
}

/// What linking an entity of type `mention` to an item of type `item` costs, or `None`
/// when the types cannot agree.
fn type_cost(mention: EntityType, item: EntityType) -> Option<f32> {
    use EntityType::{Organization, Place};
    match (mention, item) {
        _ if mention == item => Some(0.0),
        (Organization, Place) | (Place, Organization) => Some(CROSS_TYPE),
        _ => None,
    }
}

/// A one-word name that is also a common word of organisation and place names.
fn is_generic(name: &str) -> bool {
    !name.contains(' ')
        && (lexicon::closes_organisation(name)
            || contains(&lexicon::PLACE_SUFFIXES, name)
            || contains(&lexicon::COMMON_CAPITALISED, name)
            || lexicon::is_title_word(name))
}

/// Whether the article writes every capitalised word of `label` that `name` lacks.
fn label_in_context(text: &str, label: &str, name: &str) -> bool {
    let missing: Vec<&str> = label
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase) && !name.contains(w))
        .collect();
    !missing.is_empty() && missing.iter().all(|w| text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> Kb {
        Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tOrganization\tParliament of Ruritania\tParliament\t6\n\
             Q2\tPlace\tPortvale\t\t12\n\
             Q3\tPlace\tPortvale Township\tPortvale\t11.5\n\
             Q4\tPerson\tJane Roe\t\t4\n\
             Q5\tOrganization\tAcme Holdings\tAcme\t5\n\
             Q6\tPerson\tSam Reed\t\t6\tQ5\tAmerican banker\n\
             Q7\tPerson\tSam Reed\t\t6\tQ5\tBritish footballer and coach\n\
             Q8\tOrganization\tThe Portvale Herald\t\t5\n",
        )
    }

    fn entity(entity_type: EntityType, variants: &[&str]) -> Entity {
        Entity {
            entity_type,
            name: variants
                .iter()
                .max_by_key(|v| v.split_whitespace().count())
                .map(|v| (*v).to_owned())
                .unwrap_or_default(),
            variants: variants.iter().map(|v| (*v).to_owned()).collect(),
            mentions: Vec::new(),
            roles: Vec::new(),
            link: None,
            date: None,
            age: None,
        }
    }

    fn linked(text: &str, entity: &Entity) -> Option<(String, f32)> {
        choose(&Context::new(text), entity, &[&kb()]).map(|l| (l.qid, l.confidence))
    }

    #[test]
    fn a_generic_alias_needs_the_rest_of_the_label_in_the_article() {
        let e = entity(EntityType::Organization, &["Parliament"]);
        assert_eq!(linked("Parliament met on Monday.", &e), None);
        let text = "In Ruritania, Parliament met on Monday.";
        assert_eq!(linked(text, &e).map(|l| l.0), Some("Q1".to_owned()));
    }

    #[test]
    fn a_name_written_after_the_article_its_item_holds_links() {
        let herald = entity(EntityType::Organization, &["Portvale Herald"]);
        let text = "She told The Portvale Herald on Monday.";
        assert_eq!(linked(text, &herald).map(|l| l.0), Some("Q8".to_owned()));
        assert_eq!(linked("A Portvale Herald reporter.", &herald), None);
    }

    #[test]
    fn close_candidates_give_a_lower_confidence_and_types_must_agree() {
        let place = entity(EntityType::Place, &["Portvale"]);
        let (qid, confidence) = linked("", &place).expect("a link");
        assert_eq!(qid, "Q2");
        assert!((0.5..0.9).contains(&confidence), "{confidence}");
        let person = entity(EntityType::Person, &["Portvale"]);
        assert_eq!(linked("", &person), None);
    }

    #[test]
    fn the_article_words_an_item_is_described_by_choose_it() {
        let sam = entity(EntityType::Person, &["Sam Reed"]);
        let text = "Sam Reed scored twice before the coach took him off.";
        assert_eq!(linked(text, &sam).map(|l| l.0), Some("Q7".to_owned()));
        // Two equal namesakes and no clue: no link rather than a guess.
        assert_eq!(linked("Sam Reed spoke.", &sam), None);
    }

    #[test]
    fn people_link_by_a_full_name_only_and_variants_add_up() {
        assert_eq!(linked("", &entity(EntityType::Person, &["Roe"])), None);
        let jane = entity(EntityType::Person, &["Jane Roe", "Roe"]);
        assert_eq!(linked("", &jane), Some(("Q4".to_owned(), 1.0)));
        let acme = entity(EntityType::Organization, &["Acme Holdings", "Acme"]);
        assert_eq!(linked("", &acme), Some(("Q5".to_owned(), 1.0)));
    }
}
