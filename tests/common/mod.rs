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
    select_with(store, query, &Default::default())
}

/// [`select`] with options (bound variables, a timeout).
pub fn select_with(
    store: &KgStore,
    query: &str,
    options: &newskg::store::QueryOptions,
) -> Vec<Vec<String>> {
    let QueryResults::Solutions(solutions) = store.query_with(query, options).expect("query runs")
    else {
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

/// One request a [`Loopback`] server received: its request line, headers and body.
#[derive(Debug, Clone)]
pub struct Received {
    pub line: String,
    pub head: String,
    pub body: String,
}

/// An HTTP/1.1 server on 127.0.0.1 written for the tests: each request is answered with
/// what `respond` returns (status, content type, body), and recorded. It serves until the
/// test process ends.
pub struct Loopback {
    pub base: String,
    received: std::sync::Arc<std::sync::Mutex<Vec<Received>>>,
}

impl Loopback {
    pub fn start(
        respond: impl Fn(&Received) -> (u16, &'static str, String) + Send + 'static,
    ) -> Loopback {
        use std::io::{BufRead, BufReader, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = std::sync::Arc::clone(&received);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
                let mut head = String::new();
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
                    head.push_str(&line);
                    line.clear();
                }
                let length = head
                    .lines()
                    .find_map(|l| {
                        let (name, value) = l.split_once(':')?;
                        name.eq_ignore_ascii_case("content-length")
                            .then(|| value.trim().parse::<usize>().ok())
                            .flatten()
                    })
                    .unwrap_or(0);
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                let request = Received {
                    line: head.lines().next().unwrap_or("").to_owned(),
                    head: head.clone(),
                    body: String::from_utf8_lossy(&body).into_owned(),
                };
                let (status, content_type, answer) = respond(&request);
                log.lock().expect("log").push(request);
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                    answer.len()
                );
            }
        });
        Loopback { base, received }
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("log").clone()
    }
}

/// `%XX`-decodes a URL's query string (and `+` as space).
pub fn url_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
