//! The graph built from the seed articles: every query in queries/ answers, re-ingesting
//! changes nothing, exports parse back to the same graph, and every evidence offset
//! points at the text it claims (checked in SPARQL, whose SUBSTR counts code points).

mod common;

use common::*;
use newskg::store::{IngestOutcome, KgStore};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Quad;
use std::collections::HashSet;
use std::path::PathBuf;

fn seeded() -> (tempfile::TempDir, KgStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = KgStore::open(&dir.path().join("store")).expect("store opens");
    assert_eq!(ingest_dir(&store, &seeds()), 5);
    (dir, store)
}

fn query_file(name: &str) -> String {
    std::fs::read_to_string(repo().join("queries").join(name)).expect("query file")
}

#[test]
fn every_query_runs_and_the_core_ones_find_the_expected_rows() {
    let (_dir, store) = seeded();
    for entry in std::fs::read_dir(repo().join("queries")).expect("queries/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        assert!(
            text.starts_with('#'),
            "{} has no comment header",
            path.display()
        );
        store
            .query(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    let said = select(&store, &query_file("who-said-what.rq"));
    // Facts, not article text: Amber Rudd is quoted both verbatim and in reported speech.
    let by_rudd = said.iter().filter(|r| r[0] == "Amber Rudd").count();
    assert!(
        by_rudd >= 5,
        "{by_rudd} quotations by Amber Rudd in {said:?}"
    );
    assert!(said.iter().any(|r| r[0] == "Amber Rudd" && r[3] == "true"));
    assert!(said.iter().any(|r| r[0] == "Amber Rudd" && r[3] == "false"));
    assert!(said
        .iter()
        .all(|r| !r[2].is_empty() && r[4].starts_with("https://w3id.org/newskg/doc/")));

    // To whom: the addressee or medium where the article names one, never the speaker.
    assert!(
        said.iter().any(|r| r[1] == "told" && !r[6].is_empty()),
        "{said:?}"
    );
    assert!(said.iter().all(|r| r[6] != r[0]), "{said:?}");

    let events = select(&store, &query_file("events.rq"));
    assert!(
        events
            .iter()
            .any(|r| r[3] == "perpetrator" && !r[4].is_empty()),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|r| r[1] == "2015" && r[2] == "San Bernardino"),
        "{events:?}"
    );

    let owned = select(&store, &query_file("ownership.rq"));
    assert!(
        owned
            .iter()
            .any(|r| r[0] == "WhatsApp" && r[1] == "Facebook"),
        "{owned:?}"
    );

    let arrests = select(&store, &query_file("arrests.rq"));
    assert!(arrests.iter().any(|r| r[1] == "Birmingham"), "{arrests:?}");

    // The man held after the attack: in custody, 58, in the article's own voice.
    let statuses = select(&store, &query_file("legal-status.rq"));
    assert!(
        statuses
            .iter()
            .any(|r| r[1] == "InCustody" && r[2] == "58" && r[4] == "article"),
        "{statuses:?}"
    );

    // A reader comment that pastes another report: its facts are the comment's, with no
    // plain triple in the article's voice.
    let voices = select(&store, &query_file("claims-by-voice.rq"));
    assert!(
        voices
            .iter()
            .any(|r| r[1] == "reader comment" && r[3].ends_with("#locatedIn")),
        "{voices:?}"
    );
    let plain = select(
        &store,
        "SELECT ?fact WHERE { GRAPH ?g { ?fact nk:voice nk:ReaderCommentVoice ;
           rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . ?s ?p ?o } }",
    );
    assert!(plain.is_empty(), "{plain:?}");

    let corroborated = select(&store, &query_file("corroborated-facts.rq"));
    assert!(
        corroborated.iter().any(|r| r[0] == "WhatsApp"
            && r[2] == "Facebook"
            && r[3].parse::<usize>().unwrap_or(0) >= 2),
        "{corroborated:?}"
    );

    let timeline = select(&store, &query_file("timeline.rq"));
    assert!(
        timeline.iter().any(|r| r[0] == "2017-03-22"),
        "{timeline:?}"
    );

    let options = newskg::store::QueryOptions {
        bindings: vec![newskg::store::parse_binding("name=WhatsApp").expect("binding")],
        ..Default::default()
    };
    let facts = select_with(&store, &query_file("entity-facts.rq"), &options);
    assert!(
        facts.iter().all(|r| r[0] == "WhatsApp"),
        "only the bound name: {facts:?}"
    );
    assert!(
        facts
            .iter()
            .any(|r| r[1] == "->" && r[2].ends_with("#ownedBy") && r[3] == "Facebook"),
        "{facts:?}"
    );
}

#[test]
fn a_bound_variable_the_query_does_not_answer_still_scopes_it() {
    let (_dir, store) = seeded();
    let query = "SELECT DISTINCT ?article WHERE { GRAPH ?article { ?e nk:nameVariant ?name } }";
    let options = newskg::store::QueryOptions {
        bindings: vec![newskg::store::parse_binding("name=Jim Killock").expect("binding")],
        ..Default::default()
    };
    let mut bound = select_with(&store, query, &options);
    let mut expected = select(
        &store,
        "SELECT DISTINCT ?article WHERE { GRAPH ?article { ?e nk:nameVariant \"Jim Killock\" } }",
    );
    bound.sort();
    expected.sort();
    assert!(!expected.is_empty());
    // One column, as the query asks: the binding's own column is not added.
    assert!(bound.iter().all(|r| r.len() == 1), "{bound:?}");
    assert_eq!(bound, expected);
}

#[test]
fn every_offset_points_at_the_text_it_claims() {
    let (_dir, store) = seeded();
    let checked = select(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ; nif:referenceContext ?d . ?d nif:isString ?t }",
    );
    let n: usize = checked[0][0].parse().expect("count");
    assert!(n > 500, "only {n} anchored nodes");
    let wrong = select(
        &store,
        "SELECT ?x ?a WHERE { ?x nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ; nif:referenceContext ?d . ?d nif:isString ?t .
           FILTER(SUBSTR(?t, ?b + 1, ?e - ?b) != ?a) } LIMIT 5",
    );
    assert!(
        wrong.is_empty(),
        "offsets that do not match their text: {wrong:?}"
    );
}

#[test]
fn reingest_changes_nothing_and_remove_takes_an_article_out() {
    let (_dir, store) = seeded();
    let before = store.len().expect("len");
    let path = seeds().join("000_3efa4f864617092f.txt");
    let doc = newskg::document::read_text_file(&path, Default::default()).expect("valid");
    let outcome = store
        .ingest(&newskg::process(doc.clone(), newskg::Models::shipped()))
        .expect("ingest");
    assert_eq!(outcome, IngestOutcome::Unchanged);
    assert_eq!(store.len().expect("len"), before);

    // A changed version replaces that article's facts.
    let mut changed = doc;
    changed
        .text
        .push_str("\n\nA spokesman for Acme Group said nothing more.\n");
    let outcome = store
        .ingest(&newskg::process(changed.clone(), newskg::Models::shipped()))
        .expect("ingest");
    assert!(matches!(outcome, IngestOutcome::Replaced { .. }));
    let count = |s: &KgStore| {
        select(s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/newskg/doc/000_3efa4f864617092f> { ?s ?p ?o } }")[0][0].clone()
    };
    let expected =
        newskg::rdf::to_quads(&newskg::process(changed, newskg::Models::shipped())).len();
    assert_eq!(count(&store), expected.to_string());

    assert!(store.remove("000_3efa4f864617092f").expect("remove"));
    assert_eq!(count(&store), "0");
    assert_eq!(store.documents().expect("ids").len(), 4);
}

#[test]
fn exports_parse_back_to_the_same_graph() {
    let (_dir, store) = seeded();
    let all: HashSet<Quad> = store.oxigraph().iter().map(|q| q.expect("quad")).collect();
    for format in [RdfFormat::NQuads, RdfFormat::TriG] {
        let mut buf = Vec::new();
        store.export(format, None, &mut buf).expect("export");
        let parsed: HashSet<Quad> = RdfParser::from_format(format)
            .for_slice(&buf)
            .map(|q| q.expect("parses"))
            .collect();
        assert_eq!(parsed.len(), all.len(), "{format:?}");
        assert!(parsed == all, "{format:?} export differs");
    }
    // Triple formats carry the union of the article graphs; provenance is in triples.
    let triples: HashSet<_> = all
        .iter()
        .map(|q| oxigraph::model::Triple::from(q.clone()))
        .collect();
    for format in [RdfFormat::Turtle, RdfFormat::NTriples] {
        let mut buf = Vec::new();
        store.export(format, None, &mut buf).expect("export");
        let parsed: HashSet<_> = RdfParser::from_format(format)
            .for_slice(&buf)
            .map(|q| oxigraph::model::Triple::from(q.expect("parses")))
            .collect();
        assert!(parsed == triples, "{format:?} export differs");
        let text = String::from_utf8(buf).expect("utf-8");
        assert!(
            text.contains("wasDerivedFrom") && text.contains("beginIndex"),
            "{format:?} lost provenance"
        );
    }
}

/// Invented articles: one names the inspector in full, one by surname only, one names
/// another person with the same surname.
const FULL_NAME: &str = "Harbour inspector Mira Okafor said on Monday that the warehouse fire in Riverton was under control. Okafor said crews would stay overnight.\n";
const SURNAME_ONLY: &str = "Crews left the site on Tuesday. Okafor told reporters that the roof of the warehouse had collapsed, and Okafor said an inquiry would follow.\n";
const NAMESAKE: &str = "In Lagos, teacher Chidi Okafor said the school would reopen next week.\n";

fn store_of(articles: &[(&str, &str)]) -> (tempfile::TempDir, KgStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = KgStore::open(&dir.path().join("store")).expect("store opens");
    for (id, text) in articles {
        let doc = newskg::document::Document::new(*id, "test", (*text).to_owned());
        store
            .ingest(&newskg::process(doc, newskg::Models::shipped()))
            .expect("ingest");
    }
    store.resolve_identities().expect("identities");
    (dir, store)
}

fn all_quads(store: &KgStore) -> HashSet<Quad> {
    store.oxigraph().iter().map(|q| q.expect("quad")).collect()
}

const SAME_AS: &str = "SELECT ?a ?b WHERE { GRAPH <https://w3id.org/newskg/identity> { ?a owl:sameAs ?b } } ORDER BY ?a";

#[test]
fn a_surname_in_one_article_joins_the_full_name_in_another_whatever_the_order() {
    let (_d1, forward) = store_of(&[("full", FULL_NAME), ("short", SURNAME_ONLY)]);
    let (_d2, backward) = store_of(&[("short", SURNAME_ONLY), ("full", FULL_NAME)]);
    assert_eq!(all_quads(&forward), all_quads(&backward));
    let links = select(&forward, SAME_AS);
    assert_eq!(
        links,
        vec![
            vec![
                "https://w3id.org/newskg/entity/person/mira-okafor".to_owned(),
                "https://w3id.org/newskg/entity/person/okafor".to_owned()
            ],
            vec![
                "https://w3id.org/newskg/entity/person/okafor".to_owned(),
                "https://w3id.org/newskg/entity/person/mira-okafor".to_owned()
            ],
        ]
    );
    // Both articles' mentions reach one person through the link.
    let articles = select(
        &forward,
        "SELECT DISTINCT ?doc WHERE { person:mira-okafor (owl:sameAs?) ?e . ?e nk:mentionedIn ?doc }",
    );
    assert_eq!(articles.len(), 2, "{articles:?}");
}

#[test]
fn people_who_share_a_surname_are_not_merged() {
    let (_dir, store) = store_of(&[
        ("full", FULL_NAME),
        ("short", SURNAME_ONLY),
        ("namesake", NAMESAKE),
    ]);
    assert!(select(&store, SAME_AS).is_empty());
    let people = select(
        &store,
        "SELECT DISTINCT ?e WHERE { ?e a schema:Person ; nk:nameVariant ?v FILTER(CONTAINS(?v, \"Okafor\")) }",
    );
    assert_eq!(people.len(), 3, "{people:?}");
}

#[test]
fn one_event_reported_by_two_articles_is_linked_whatever_the_order() {
    let a = (
        "a",
        "Officials said the 2019 attack in Leeds changed the city for good.\n",
    );
    let b = (
        "b",
        "Survivors of the Leeds attack in June 2019 met the mayor on Monday.\n",
    );
    let c = (
        "c",
        "Police said the 2019 attack in York was not connected to any other.\n",
    );
    let (_d1, forward) = store_of(&[a, b, c]);
    let (_d2, backward) = store_of(&[c, b, a]);
    assert_eq!(all_quads(&forward), all_quads(&backward));
    let events = |store: &KgStore| {
        select(
            store,
            "SELECT ?a ?b WHERE { GRAPH <https://w3id.org/newskg/identity> { ?a owl:sameAs ?b } \
             FILTER(CONTAINS(STR(?a), \"/event/\")) } ORDER BY ?a",
        )
    };
    let links = events(&forward);
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(
        links
            .iter()
            .all(|l| l.iter().all(|iri| !iri.contains("/doc/c/"))),
        "the York attack is another event: {links:?}"
    );
    assert!(links
        .iter()
        .any(|l| l[0].contains("/doc/a/") && l[1].contains("/doc/b/")));
}

#[test]
fn extract_writes_the_bytes_oxigraph_writes_for_the_same_quads() {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(seeds())
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    texts.sort();
    let mut quads = Vec::new();
    for path in &texts {
        let doc = newskg::document::read_text_file(path, Default::default()).expect("readable");
        quads.extend(newskg::rdf::to_quads(&newskg::process(
            doc,
            newskg::Models::shipped(),
        )));
    }
    let mut ours = Vec::new();
    for q in &quads {
        newskg::nquads::write_quad(q.as_ref(), &mut ours);
    }
    let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in &quads {
        serializer.serialize_quad(q).expect("in memory");
    }
    let reference = serializer.finish().expect("in memory");
    assert!(quads.len() > 1000, "{} quads", quads.len());
    assert_eq!(String::from_utf8(ours), String::from_utf8(reference));
}

#[test]
fn a_bound_query_answers_what_the_unbound_one_answers_for_that_value() {
    let (_dir, store) = seeded();
    let query = query_file("who-said-what.rq");
    let all = select(&store, &query);
    for speaker in ["Amber Rudd", "Jim Killock"] {
        let options = newskg::store::QueryOptions {
            bindings: vec![
                newskg::store::parse_binding(&format!("speaker={speaker}")).expect("binding")
            ],
            ..Default::default()
        };
        // The same rows; ORDER BY leaves rows of one article in either order.
        let mut bound = select_with(&store, &query, &options);
        let mut expected: Vec<Vec<String>> =
            all.iter().filter(|r| r[0] == speaker).cloned().collect();
        bound.sort();
        expected.sort();
        assert!(
            !expected.is_empty(),
            "{speaker} says something in the seeds"
        );
        assert_eq!(bound, expected, "{speaker}");
    }
    // A binding of the graph variable scopes the query to one article.
    let article = all[0][4].clone();
    let options = newskg::store::QueryOptions {
        bindings: vec![
            newskg::store::parse_binding(&format!("article=<{article}>")).expect("binding"),
        ],
        ..Default::default()
    };
    let mut bound = select_with(&store, &query, &options);
    let mut expected: Vec<Vec<String>> = all.iter().filter(|r| r[4] == article).cloned().collect();
    bound.sort();
    expected.sort();
    assert_eq!(bound, expected);
}
