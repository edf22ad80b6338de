//! Identity across articles. Each article names its people by their name
//! (`entity/person/khalid-example`), so a full name already has one IRI in every article
//! that gives it. What an article cannot know alone is that its "Example" is the "Khalid
//! Example" of another article. [`links`] decides that from the names in the whole store:
//! a one-word person name joins the one person in the store whose full name ends with that
//! word, and nobody when two people share it (no false merges on a common surname). The
//! answer depends on the set of stored names only, never on the order articles came in.
//!
//! Events are scoped to their article (`doc/ID/event/N`); [`event_links`] joins the events
//! of different articles that happened at the same place at compatible dates and are of
//! one kind ("the 2015 attack in San Bernardino" and "the San Bernardino terror attack in
//! December 2015").

use std::collections::{BTreeMap, BTreeSet};

/// One entity of the store: its IRI, its type IRI and every name variant it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedEntity {
    pub iri: String,
    pub type_iri: String,
    pub variants: Vec<String>,
}

fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// Pairs (short-name entity, full-name entity) that are the same person, sorted.
pub fn links(entities: &[NamedEntity], person_type: &str) -> Vec<(String, String)> {
    // Surname -> the IRIs of the people whose some multi-word name ends with it.
    let mut by_surname: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in entities.iter().filter(|e| e.type_iri == person_type) {
        for v in &e.variants {
            let w = words(v);
            if w.len() >= 2 {
                if let Some(last) = w.last() {
                    by_surname.entry(last).or_default().insert(&e.iri);
                }
            }
        }
    }
    let mut out = Vec::new();
    for e in entities.iter().filter(|e| e.type_iri == person_type) {
        let single_word = !e.variants.is_empty() && e.variants.iter().all(|v| words(v).len() == 1);
        if !single_word {
            continue;
        }
        let surnames: BTreeSet<&str> = e.variants.iter().map(|v| v.trim()).collect();
        let mut full: BTreeSet<&str> = BTreeSet::new();
        for s in &surnames {
            if let Some(iris) = by_surname.get(s) {
                full.extend(iris.iter().copied().filter(|iri| *iri != e.iri));
            }
        }
        if full.len() == 1 {
            if let Some(target) = full.first() {
                out.push((e.iri.clone(), (*target).to_owned()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// One stored event: its IRI, the article it is in, its label, date (`2015`, `2015-12`,
/// `2015-12-02`) and place IRI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedEvent {
    pub iri: String,
    pub article: String,
    pub label: String,
    pub date: String,
    pub place: String,
}

/// The kind of an event from its label's head noun: attacks of every name are one kind.
fn event_kind(label: &str) -> String {
    let head = label.split_whitespace().last().unwrap_or("").to_lowercase();
    if crate::extract::lexicon::contains(&crate::extract::lexicon::ATTACK_HEADS, &head) {
        "attack".to_owned()
    } else {
        head
    }
}

/// Pairs of events (sorted, each pair ordered) of different articles that are one event:
/// the same place, the same kind, and dates of which one extends the other (`2015` and
/// `2015-12`). Depends on the set of events only.
pub fn event_links(events: &[DatedEvent]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in events.iter().enumerate() {
        for b in &events[i + 1..] {
            let dates_agree = a.date.starts_with(&b.date) || b.date.starts_with(&a.date);
            if a.article != b.article
                && a.iri != b.iri
                && a.place == b.place
                && dates_agree
                && event_kind(&a.label) == event_kind(&b.label)
            {
                let (x, y) = if a.iri < b.iri { (a, b) } else { (b, a) };
                out.push((x.iri.clone(), y.iri.clone()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PERSON: &str = "schema:Person";

    fn person(iri: &str, variants: &[&str]) -> NamedEntity {
        NamedEntity {
            iri: iri.to_owned(),
            type_iri: PERSON.to_owned(),
            variants: variants.iter().map(|v| (*v).to_owned()).collect(),
        }
    }

    #[test]
    fn a_surname_joins_the_one_full_name_that_ends_with_it() {
        let entities = [
            person("p/okafor", &["Okafor"]),
            person("p/mira-okafor", &["Mira Okafor", "Okafor"]),
            person("p/tobi-adeyemi", &["Tobi Adeyemi"]),
        ];
        assert_eq!(
            links(&entities, PERSON),
            vec![("p/okafor".to_owned(), "p/mira-okafor".to_owned())]
        );
    }

    #[test]
    fn a_shared_surname_joins_nobody_and_order_does_not_matter() {
        let mut entities = vec![
            person("p/okafor", &["Okafor"]),
            person("p/mira-okafor", &["Mira Okafor"]),
            person("p/chidi-okafor", &["Chidi Okafor"]),
        ];
        assert!(links(&entities, PERSON).is_empty());
        entities.reverse();
        assert!(links(&entities, PERSON).is_empty());
    }

    #[test]
    fn other_types_are_left_alone() {
        let entities = [
            NamedEntity {
                iri: "o/acme".to_owned(),
                type_iri: "schema:Organization".to_owned(),
                variants: vec!["Acme".to_owned()],
            },
            person("p/jo-acme", &["Jo Acme"]),
        ];
        assert!(links(&entities, PERSON).is_empty());
    }

    fn event(iri: &str, article: &str, label: &str, date: &str, place: &str) -> DatedEvent {
        DatedEvent {
            iri: iri.to_owned(),
            article: article.to_owned(),
            label: label.to_owned(),
            date: date.to_owned(),
            place: place.to_owned(),
        }
    }

    #[test]
    fn events_of_one_place_kind_and_date_join_across_articles() {
        let events = [
            event("a/e1", "a", "the 2019 harbour attack", "2019", "Q1"),
            event("b/e7", "b", "the Riverton rampage", "2019-06", "Q1"),
            event("b/e9", "b", "a 2019 attack", "2019", "Q2"), // another place
            event("c/e2", "c", "the 2019 flood", "2019", "Q1"), // another kind
            event("c/e3", "c", "the 2018 attack", "2018", "Q1"), // another year
        ];
        assert_eq!(
            event_links(&events),
            vec![("a/e1".to_owned(), "b/e7".to_owned())]
        );
        let mut reversed = events.to_vec();
        reversed.reverse();
        assert_eq!(event_links(&reversed), event_links(&events));
    }
}
