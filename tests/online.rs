//! The two network features, each against a server on loopback written for the test:
//! `--online` linking (Wikidata's API: wbsearchentities and wbgetentities) with its disk
//! cache, and `query --allow-service` (a SPARQL endpoint) with the ready query
//! `queries/wikidata-people.rq`. Without their flags, neither sends a request.

mod common;

use common::*;
use std::fs;

/// An invented person, and the Q-id this test gives her.
const PERSON: &str = "Orla Quennell";
const PERSON_QID: &str = "Q987654321";

fn wikidata_api(request: &Received) -> (u16, &'static str, String) {
    let query = url_decoded(request.line.split_whitespace().nth(1).unwrap_or(""));
    let body = if query.contains("action=wbsearchentities") {
        if query.contains(&format!("search={PERSON}")) {
            format!(
                r#"{{"searchinfo":{{}},"search":[{{"id":"{PERSON_QID}","label":"{PERSON}"}}],"success":1}}"#
            )
        } else {
            r#"{"searchinfo":{},"search":[],"success":1}"#.to_owned()
        }
    } else if query.contains("action=wbgetentities") && query.contains(PERSON_QID) {
        format!(
            r#"{{"entities":{{"{PERSON_QID}":{{"type":"item","id":"{PERSON_QID}","labels":{{"en":{{"language":"en","value":"{PERSON}"}}}},"aliases":{{}},"claims":{{"P31":[{{"mainsnak":{{"snaktype":"value","property":"P31","datavalue":{{"value":{{"entity-type":"item","id":"Q5"}},"type":"wikibase-entityid"}}}}}}]}},"sitelinks":{{}}}}}},"success":1}}"#
        )
    } else {
        return (400, "application/json", r#"{"error":{}}"#.to_owned());
    };
    (200, "application/json; charset=utf-8", body)
}

#[test]
fn online_linking_asks_the_api_once_and_then_reads_its_cache() {
    let server = Loopback::start(wikidata_api);
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        format!("{PERSON}, the harbour master of Riverton, met fishermen on Monday. {PERSON} said the pier would reopen.\n"),
    )
    .expect("write");
    let cache = dir.path().join("cache");
    let api = format!("{}/w/api.php", server.base);
    let extract = |online: bool| {
        let mut args = vec!["extract", "--format", "ntriples"];
        if online {
            args.extend(["--online", "--wikidata-api", &api, "--cache"]);
            args.push(cache.to_str().expect("path"));
        }
        args.push(article.to_str().expect("path"));
        let out = run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let link = format!("<http://www.wikidata.org/entity/{PERSON_QID}>");

    let offline = extract(false);
    assert!(!offline.contains(&link));
    assert!(server.received().is_empty(), "no request without --online");

    let online = extract(true);
    assert!(online.contains(&link), "{online}");
    let asked = server.received();
    assert!(
        asked
            .iter()
            .any(|r| url_decoded(&r.line).contains(&format!("search={PERSON}"))),
        "{asked:?}"
    );
    assert!(asked
        .iter()
        .all(|r| r.head.to_lowercase().contains("user-agent: newskg/")));

    // The same run again: the answers come from the cache, nothing is asked.
    assert_eq!(extract(true), online);
    assert_eq!(
        server.received().len(),
        asked.len(),
        "the second run asked again"
    );
}

#[test]
fn an_unreachable_api_leaves_entities_unlinked_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        format!("{PERSON} met fishermen in Riverton on Monday.\n"),
    )
    .expect("write");
    // Nothing listens on port 9 of loopback.
    let out = run(&[
        "extract",
        "--online",
        "--wikidata-api",
        "http://127.0.0.1:9/w/api.php",
        "--cache",
        dir.path().join("cache").to_str().expect("path"),
        article.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("online lookup failed, left unlinked"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_wikidata_people_query_asks_the_endpoint_about_each_linked_person() {
    let server = Loopback::start(|request| {
        let answer = r#"{"head":{"vars":["item","born","position"]},"results":{"bindings":[
            {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q264766"},
             "born":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#dateTime","value":"1956-10-01T00:00:00Z"},
             "position":{"type":"literal","xml:lang":"en","value":"Prime Minister of the United Kingdom"}}]}}"#;
        if request.line.starts_with("POST /sparql") {
            (200, "application/sparql-results+json", answer.to_owned())
        } else {
            (404, "text/plain", String::new())
        }
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        "Prime Minister Theresa May visited a shipyard in Glasgow on Monday.\n",
    )
    .expect("write");
    let store = dir.path().join("store");
    let store_arg = store.to_str().expect("path");
    let out = run(&[
        "ingest",
        "--quiet",
        "--store",
        store_arg,
        article.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let query = fs::read_to_string(repo().join("queries/wikidata-people.rq"))
        .expect("ready query")
        .replace(
            "https://query.wikidata.org/sparql#",
            &format!("{}/sparql#", server.base),
        );

    let refused = run(&["query", "--store", store_arg, &query]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("only with --allow-service"),
        "{}",
        stderr(&refused)
    );
    assert!(
        server.received().is_empty(),
        "a request without --allow-service"
    );

    let out = run(&[
        "query",
        "--allow-service",
        "--format",
        "tsv",
        "--store",
        store_arg,
        &query,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("Theresa May"), "{table}");
    assert!(table.contains("1956-10-01"), "{table}");
    assert!(
        table.contains("Prime Minister of the United Kingdom"),
        "{table}"
    );
    let asked = server.received();
    assert_eq!(asked.len(), 1, "one linked person, one request: {asked:?}");
    assert!(asked[0].body.contains("VALUES"), "{}", asked[0].body);
    assert!(asked[0].body.contains("Q264766"), "{}", asked[0].body);
    assert!(asked[0].head.to_lowercase().contains("user-agent: newskg/"));
}
