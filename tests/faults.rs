//! Fault injection and concurrent use: a real `newskg ingest` killed with SIGKILL at many
//! moments leaves a store that opens, answers queries, and holds every article either
//! exactly as its extraction says or not at all; running the same ingest again completes
//! it. Queries run while an ingest writes, and see whole articles only.

mod common;

use common::*;
use newskg::document::expand_paths;
use newskg::store::{KgStore, IDENTITY_GRAPH};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

/// Article graph IRI -> its quads in N-Quads form.
type Graphs = BTreeMap<String, BTreeSet<String>>;

/// The seed articles and the first GUM train texts, copied to `dir`.
fn corpus(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("input dir");
    let texts = |folder: PathBuf| -> Vec<PathBuf> {
        expand_paths(&[folder])
            .into_iter()
            .map(|p| p.unwrap_or_else(|e| panic!("{e} (the test reads ../shared)")))
            .collect()
    };
    let gum = texts(repo().join("../shared/corpora/gum/brat-train"));
    let mut out = Vec::new();
    for source in texts(seeds()).into_iter().chain(gum.into_iter().take(40)) {
        let target = dir.join(source.file_name().expect("file name"));
        std::fs::copy(&source, &target).expect("copy");
        out.push(target);
    }
    out
}

/// What each article's graph must hold: the quads its extraction maps to, as an Oxigraph
/// store keeps them (it writes xsd:nonNegativeInteger values back as xsd:integer).
fn expected(files: &[PathBuf]) -> Graphs {
    let memory = oxigraph::store::Store::new().expect("in-memory store");
    for path in files {
        let doc = newskg::document::read_text_file(path, Default::default()).expect("article");
        let processed = newskg::process(doc, newskg::Models::shipped());
        memory
            .extend(newskg::rdf::to_quads(&processed))
            .expect("in-memory insert");
    }
    let mut graphs = Graphs::new();
    for quad in memory.iter() {
        let quad = quad.expect("quad");
        graphs
            .entry(quad.graph_name.to_string())
            .or_default()
            .insert(quad.to_string());
    }
    graphs
}

/// The article graphs in the store (the derived identity graph aside).
fn stored(store_path: &Path) -> Graphs {
    let store = KgStore::open_existing(store_path).expect("the store opens after a kill");
    let identity = format!("<{IDENTITY_GRAPH}>");
    let mut graphs = Graphs::new();
    for quad in store.oxigraph().iter() {
        let quad = quad.expect("readable quad");
        let graph = quad.graph_name.to_string();
        if graph != identity {
            graphs.entry(graph).or_default().insert(quad.to_string());
        }
    }
    graphs
}

/// Every stored article is whole; returns how many there are.
fn check_whole_articles(store_path: &Path, expected: &Graphs, moment: &str) -> usize {
    let out = run(&[
        "query",
        "--store",
        store_path.to_str().expect("path"),
        "ASK { ?s ?p ?o }",
    ]);
    assert!(
        out.status.success(),
        "{moment}: the store does not answer queries: {}",
        stderr(&out)
    );
    let graphs = stored(store_path);
    for (graph, quads) in &graphs {
        let want = expected
            .get(graph)
            .unwrap_or_else(|| panic!("{moment}: unexpected graph {graph}"));
        assert!(
            quads == want,
            "{moment}: {graph} holds {} quads, its extraction {}; first differences: {:?} / {:?}",
            quads.len(),
            want.len(),
            quads.difference(want).take(2).collect::<Vec<_>>(),
            want.difference(quads).take(2).collect::<Vec<_>>()
        );
    }
    graphs.len()
}

fn ingest_command(store: &Path, input: &Path) -> std::process::Command {
    ingest_command_with(store, input, &[])
}

fn ingest_command_with(store: &Path, input: &Path, flags: &[&str]) -> std::process::Command {
    let mut command = binary();
    command
        .args(["ingest", "--quiet", "--store"])
        .arg(store)
        .args(flags)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn an_ingest_killed_at_any_moment_leaves_whole_articles_and_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let files = corpus(&input);
    let expected = expected(&files);
    let articles = expected.len();

    // One uninterrupted run: how long an ingest takes here, and the state it must reach.
    let reference = dir.path().join("reference");
    let started = Instant::now();
    let status = ingest_command(&reference, &input).status().expect("ingest");
    let full = started.elapsed();
    assert!(status.success());
    assert_eq!(
        check_whole_articles(&reference, &expected, "full run"),
        articles
    );

    // Kills spread over the ingest's length. A reference run on a busy machine says little
    // about the next run's pace, so the spread follows what the kills find: too early
    // (no articles yet) stretches it, too late (every article written) shrinks it, until
    // enough kills have landed inside an ingest, or the tries run out.
    let wanted = 4;
    let tries = 30;
    let (mut partial, mut scale) = (0, 1.0f64);
    for k in 0..tries {
        if partial >= wanted {
            break;
        }
        let store = dir.path().join(format!("killed-{k}"));
        let delay = full.mul_f64(scale * (k % 6 + 1) as f64 / 7.0);
        let mut child = ingest_command(&store, &input).spawn().expect("ingest");
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL"); // kill(2) with SIGKILL on Unix
        child.wait().expect("reaped");
        let moment = format!("killed after {delay:?} of {full:?}");
        if !store.join("CURRENT").exists() {
            scale *= 1.25; // killed before RocksDB created the store
            continue;
        }
        let held = check_whole_articles(&store, &expected, &moment);
        match held {
            0 => scale *= 1.25,
            n if n == articles => scale *= 0.8,
            _ => partial += 1,
        }
        let status = ingest_command(&store, &input).status().expect("re-ingest");
        assert!(status.success(), "{moment}: the re-run failed");
        assert_eq!(
            check_whole_articles(&store, &expected, &format!("{moment}, then re-run")),
            articles,
            "{moment}: the re-run did not complete the store"
        );
    }
    eprintln!("{partial} kills left a partial store (full run: {full:?})");
    // The kills must have landed inside ingests, or the test proves nothing.
    assert!(
        partial >= wanted,
        "only {partial} of {tries} kills interrupted an ingest (full run: {full:?})"
    );
}

/// The narrowest window: RocksDB has created the store's files but Oxigraph has not yet
/// written its format version. Such a store cannot be opened read-only as it is; a query
/// must still answer (no articles), and the next ingest must complete it.
#[test]
fn a_store_whose_creation_was_killed_answers_queries_and_resumes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let files = corpus(&input);
    let expected = expected(&files);
    for k in 1..=3 {
        let store = dir.path().join(format!("killed-at-creation-{k}"));
        let mut child = ingest_command(&store, &input).spawn().expect("ingest");
        let started = Instant::now();
        while !store.join("CURRENT").exists() {
            assert!(
                started.elapsed().as_secs() < 60,
                "the ingest never created the store"
            );
            std::thread::yield_now();
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let moment = format!("killed at the store's creation ({k})");
        assert!(check_whole_articles(&store, &expected, &moment) < expected.len());
        let status = ingest_command(&store, &input).status().expect("re-ingest");
        assert!(status.success(), "{moment}: the re-run failed");
        assert_eq!(
            check_whole_articles(&store, &expected, &format!("{moment}, then re-run")),
            expected.len()
        );
    }
}

/// The table files an unfinished bulk load left in the store directory.
fn bulk_leftovers(store: &Path) -> usize {
    std::fs::read_dir(store)
        .expect("store dir")
        .filter(|e| {
            let name = e.as_ref().expect("entry").file_name();
            let name = name.to_string_lossy();
            name.starts_with("bulk-") && name.ends_with(".sst")
        })
        .count()
}

#[test]
fn a_bulk_ingest_killed_at_any_moment_adds_all_or_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let files = corpus(&input);
    let expected = expected(&files);
    let articles = expected.len();
    // Small batches: table files are written all through the run, not only at its end.
    let flags = ["--bulk", "--bulk-batch", "2000"];

    let reference = dir.path().join("reference");
    let started = Instant::now();
    let status = ingest_command_with(&reference, &input, &flags)
        .status()
        .expect("ingest");
    let full = started.elapsed();
    assert!(status.success());
    assert_eq!(
        check_whole_articles(&reference, &expected, "full bulk run"),
        articles
    );
    assert_eq!(bulk_leftovers(&reference), 0);

    let points = 8;
    let (mut nothing, mut with_leftovers) = (0, 0);
    for k in 1..=points {
        let store = dir.path().join(format!("bulk-killed-{k}"));
        let delay = full.mul_f64(k as f64 / (points + 1) as f64);
        let mut child = ingest_command_with(&store, &input, &flags)
            .spawn()
            .expect("ingest");
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let moment = format!("bulk ingest killed after {delay:?} of {full:?}");
        if !store.join("CURRENT").exists() {
            continue;
        }
        if bulk_leftovers(&store) > 0 {
            with_leftovers += 1;
        }
        let held = check_whole_articles(&store, &expected, &moment);
        assert!(
            held == 0 || held == articles,
            "{moment}: {held} of {articles} articles are visible; a bulk load is all or nothing"
        );
        if held == 0 {
            nothing += 1;
        }
        // The writer that opened the store to check it deleted the unfinished files.
        assert_eq!(bulk_leftovers(&store), 0, "{moment}: table files left");
        let status = ingest_command_with(&store, &input, &flags)
            .status()
            .expect("re-ingest");
        assert!(status.success(), "{moment}: the re-run failed");
        assert_eq!(
            check_whole_articles(&store, &expected, &format!("{moment}, then re-run")),
            articles
        );
    }
    eprintln!(
        "{nothing} of {points} bulk kills landed before the commit, {with_leftovers} left table files (full run: {full:?})"
    );
    assert!(
        nothing >= points / 3 && with_leftovers >= 1,
        "the kills did not land inside bulk loads: {nothing} before the commit, {with_leftovers} with table files (full run: {full:?})"
    );
}

#[test]
fn queries_run_while_an_ingest_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    let files = corpus(&input);
    let store = dir.path().join("store");
    let store_arg = store.to_str().expect("path");
    // A first article, so that the store exists before the writer starts.
    let out = run(&[
        "ingest",
        "--quiet",
        "--store",
        store_arg,
        files[0].to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let mut writer = ingest_command(&store, &input).spawn().expect("ingest");
    let count = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a schema:NewsArticle }";
    let mut counts = Vec::new();
    let mut during = 0;
    let mut refused = 0;
    loop {
        let running = writer.try_wait().expect("writer status").is_none();
        let out = run(&["query", "--store", store_arg, "--format", "tsv", count]);
        if !out.status.success() {
            // The one refusal a reader may meet next to a writer, and it says so.
            assert!(
                stderr(&out).contains("is being changed by a running ingest"),
                "a query during the ingest failed: {}",
                stderr(&out)
            );
            refused += 1;
            continue;
        }
        let n: usize = stdout(&out)
            .lines()
            .nth(1)
            .and_then(|l| l.split('"').nth(1).or(Some(l)))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no count in {:?}", stdout(&out)));
        counts.push(n);
        if !running {
            break;
        }
        during += 1;
    }
    assert!(writer.wait().expect("writer").success());
    eprintln!("{during} queries answered during the ingest, {refused} refused");
    assert!(
        during >= 2,
        "only {during} queries answered during the ingest"
    );
    // Every reader sees at least what was committed before the writer started.
    assert!(
        counts.iter().all(|&n| n >= 1),
        "a reader missed committed articles: {counts:?}"
    );
    assert_eq!(counts.last(), Some(&files.len()), "{counts:?}");
    let expected = expected(&files);
    assert_eq!(
        check_whole_articles(&store, &expected, "after a watched ingest"),
        files.len()
    );
}
