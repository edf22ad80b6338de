//! Identity across articles. Each article names its people by their name
//! (`entity/person/khalid-example`), so a full name already has one IRI in every article
//! that gives it. What an article cannot know alone is that its "Example" is the "Khalid
//! Example" of another article. [`links`] decides that from the names in the whole store:
//! a one-word person name joins the one person in the store whose full name ends with that
//! word, and nobody when two people share it (no false merges on a common surname). The
//! answer depends on the set of stored names only, never on the order articles came in.

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
}
