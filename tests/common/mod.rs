//! Helpers shared by the integration tests: paths to the shared corpora, a temporary
//! store, the newskg binary, and SPARQL helpers.

#![allow(dead_code)]

use newskg::store::KgStore;
use oxigraph::sparql::QueryResults;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/corpora/seeds`: the five reference articles. Tests need them.
pub fn seeds() -> PathBuf {
    let dir = repo().join("../shared/corpora/seeds");
    assert!(
        dir.is_dir(),
        "{} is missing: the integration tests read the seed articles from ../shared",
        dir.display()
    );
    dir
}

/// How many articles `examples/` holds.
pub fn example_count() -> usize {
    std::fs::read_dir(repo().join("examples"))
        .expect("examples/")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count()
}

pub fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newskg"))
}

/// A temporary directory holding `store`, into which the bundled examples were ingested
/// by the binary; returns the directory (keep it alive) and the store's path.
pub fn store_with_examples() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let examples = repo().join("examples");
    let out = run(&[
        "ingest",
        "--store",
        store.to_str().expect("utf-8 path"),
        examples.to_str().expect("utf-8 path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, store)
}

pub fn run(args: &[&str]) -> Output {
    binary().args(args).output().expect("newskg runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Rows of a SELECT query as strings (IRIs bare, literals by value), in result order.
pub fn select(store: &KgStore, query: &str) -> Vec<Vec<String>> {
    let QueryResults::Solutions(solutions) = store.query(query).expect("query runs") else {
        panic!("not a SELECT: {query}")
    };
    let variables = solutions.variables().to_vec();
    solutions
        .map(|s| {
            let s = s.expect("solution");
            variables
                .iter()
                .map(|v| match s.get(v) {
                    Some(oxigraph::model::Term::Literal(l)) => l.value().to_owned(),
                    Some(oxigraph::model::Term::NamedNode(n)) => n.as_str().to_owned(),
                    Some(t) => t.to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect()
}

pub fn ask(store: &KgStore, query: &str) -> bool {
    match store.query(query).expect("query runs") {
        QueryResults::Boolean(b) => b,
        _ => panic!("not an ASK: {query}"),
    }
}

pub fn ingest_dir(store: &KgStore, dir: &Path) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let doc =
                newskg::document::read_text_file(&path, Default::default()).expect("valid article");
            store
                .ingest(&newskg::process(doc, newskg::Models::shipped()))
                .expect("ingest");
            n += 1;
        }
    }
    n
}
