//! The real binary on real inputs: ingest, query, export, annotate, remove, and the
//! refusals: bad files, malformed SPARQL, a locked store.

mod common;

use common::*;
use newskg::store::KgStore;
use std::fs;

#[test]
fn ingest_examples_then_query_export_and_remove() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let store_arg = store.to_str().expect("utf-8 path");
    let examples = repo().join("examples");
    let out = run(&[
        "ingest",
        "--store",
        store_arg,
        examples.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("{n} documents ({n} added", n = example_count())),
        "{}",
        stderr(&out)
    );

    let out = run(&[
        "query",
        "--store",
        store_arg,
        "-f",
        repo()
            .join("queries/who-said-what.rq")
            .to_str()
            .expect("path"),
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(
        csv.starts_with("speaker,verb,quote,direct,article,date"),
        "{csv}"
    );
    assert!(
        csv.contains("Maria Okafor") && csv.contains("Our crews had it under control"),
        "{csv}"
    );

    let out = run(&["query", "--store", store_arg, "ASK { ?x nk:ownedBy ?y }"]);
    assert_eq!(stdout(&out).trim(), "true", "{}", stderr(&out));

    // A .rq file's path where the query text goes reads the file.
    let legal = repo().join("queries/legal-status.rq");
    let out = run(&["query", "--store", store_arg, legal.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Arrested"), "{}", stdout(&out));

    // Re-ingest: nothing changes.
    let out = run(&[
        "ingest",
        "--store",
        store_arg,
        examples.to_str().expect("path"),
    ]);
    assert!(
        stderr(&out).contains(&format!("{} unchanged", example_count())),
        "{}",
        stderr(&out)
    );

    let out = run(&[
        "export",
        "--store",
        store_arg,
        "--format",
        "turtle",
        "--graph",
        "https://w3id.org/newskg/doc/harbour-fire",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Riverton"));
    assert!(!stdout(&out).contains("Brightline"));

    let out = run(&["remove", "--store", store_arg, "harbour-fire"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&[
        "query",
        "--store",
        store_arg,
        "--format",
        "tsv",
        "SELECT ?d WHERE { ?d a schema:NewsArticle }",
    ]);
    // The header and every example but the removed one.
    assert_eq!(
        stdout(&out).lines().count(),
        example_count(),
        "{}",
        stdout(&out)
    );
}

#[test]
fn bad_inputs_are_reported_with_their_path_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).expect("mkdir");
    fs::write(inputs.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0IHDR").expect("write");
    fs::write(
        inputs.join("latin1.txt"),
        b"Caf\xe9 owner Jean Roe said the caf\xe9 would close.",
    )
    .expect("write");
    fs::write(inputs.join("empty.txt"), b"  \n").expect("write");
    fs::write(
        inputs.join("good.txt"),
        "Jane Roe, a spokeswoman for Acme Group, said the plant would reopen.\n",
    )
    .expect("write");
    fs::write(
        inputs.join("lines.jsonl"),
        "{\"id\":\"j1\",\"text\":\"Sam Poe visited Paris.\"}\n{broken\n",
    )
    .expect("write");
    let store = dir.path().join("store");
    let missing = dir.path().join("nowhere.txt");
    let out = run(&[
        "ingest",
        "--store",
        store.to_str().expect("path"),
        inputs.to_str().expect("path"),
        missing.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    for expected in [
        "binary.txt: looks like a binary file",
        "latin1.txt: not valid UTF-8 (first bad byte at offset 3)",
        "empty.txt: empty document",
        "lines.jsonl:2: malformed JSON",
        "nowhere.txt: no such file or directory",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("5 refused"), "{err}");
    let store = KgStore::open(&store).expect("store still opens");
    let mut ids = store.documents().expect("ids");
    ids.sort();
    assert_eq!(ids, ["good", "j1"]);
}

#[test]
fn malformed_sparql_exits_2_with_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    KgStore::open(&store).expect("create");
    let out = run(&[
        "query",
        "--store",
        store.to_str().expect("path"),
        "SELECT ?x WHERE {\n  ?x ?y \n",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("SPARQL syntax error") && err.contains("3:1"),
        "{err}"
    );
}

#[test]
fn a_missing_or_locked_store_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let out = run(&["query", "--store", store.to_str().expect("path"), "ASK {}"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no store at"), "{}", stderr(&out));

    let held = KgStore::open(&store).expect("open");
    let out = run(&[
        "ingest",
        "--store",
        store.to_str().expect("path"),
        repo().join("examples").to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is locked by another newskg process"),
        "{}",
        stderr(&out)
    );
    drop(held);
}

#[test]
fn readers_query_and_export_while_a_writer_holds_the_store() {
    let (_dir, store) = store_with_examples();
    let store_arg = store.to_str().expect("path");

    let writer = KgStore::open(&store).expect("the writer opens the store");
    let out = run(&[
        "query",
        "--store",
        store_arg,
        "--format",
        "csv",
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a schema:NewsArticle } }",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let count = example_count().to_string();
    assert_eq!(
        stdout(&out).lines().nth(1),
        Some(count.as_str()),
        "{}",
        stdout(&out)
    );
    let out = run(&["export", "--store", store_arg, "--format", "ntriples"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).lines().count() > 100);
    drop(writer);
}

#[test]
fn a_query_over_its_timeout_stops_with_exit_4() {
    let (_dir, store) = store_with_examples();
    let store_arg = store.to_str().expect("path");
    // Billions of combinations: only the timeout ends it.
    let cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    let out = run(&["query", "--store", store_arg, "--timeout", "0.5", cross]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("--timeout"), "{}", stderr(&out));
    // CONSTRUCT results stream: triples are written before the query is stopped.
    let construct = "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }";
    let out = run(&[
        "query",
        "--store",
        store_arg,
        "--timeout",
        "0.5",
        "--format",
        "ntriples",
        construct,
    ]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stdout(&out).lines().count() > 1000, "nothing streamed");
    let out = run(&["query", "--store", store_arg, "--timeout", "-1", "ASK {}"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn lossy_repairs_bad_utf8_that_is_otherwise_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("latin1.txt");
    fs::write(
        &article,
        b"Mira Okafor visited Lagos on Monday. Caf\xe9 owners met her.",
    )
    .expect("write");
    let path = article.to_str().expect("path");
    let out = run(&["extract", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("latin1.txt: not valid UTF-8 (first bad byte at offset 40)"),
        "{}",
        stderr(&out)
    );
    let out = run(&["extract", "--lossy", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Caf\u{fffd} owners"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn annotate_writes_brat_whose_offsets_are_code_points() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("brat");
    let out = run(&[
        "annotate",
        seeds().to_str().expect("path"),
        "--format",
        "brat",
        "--out",
        out_dir.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut files = 0;
    for entry in fs::read_dir(seeds()).expect("seeds") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .expect("stem")
            .to_str()
            .expect("utf-8")
            .to_owned();
        let original = fs::read(&path).expect("read");
        assert_eq!(
            fs::read(out_dir.join(format!("{name}.txt"))).expect("copied"),
            original
        );
        let text: Vec<char> = String::from_utf8(original)
            .expect("utf-8")
            .chars()
            .collect();
        let ann = fs::read_to_string(out_dir.join(format!("{name}.ann"))).expect("ann");
        let mut t_lines = 0;
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let fields: Vec<&str> = cols[1].split(' ').collect();
            assert!(
                ["Person", "Organization", "Place", "Event", "Quote"].contains(&fields[0]),
                "{line}"
            );
            let (b, e): (usize, usize) = (
                fields[1].parse().expect("begin"),
                fields[2].parse().expect("end"),
            );
            let covered: String = text[b..e].iter().collect();
            assert_eq!(
                covered.replace(['\n', '\r', '\t'], " "),
                cols[2],
                "{name}: {line}"
            );
            t_lines += 1;
        }
        assert!(t_lines > 20, "{name}: only {t_lines} annotations");
        for line in ann.lines().filter(|l| l.starts_with('R')) {
            let refs: Vec<&str> = line
                .split(['\t', ' '])
                .filter_map(|f| f.split_once(':').map(|x| x.1))
                .collect();
            for r in refs {
                assert!(
                    ann.lines().any(|l| l.starts_with(&format!("{r}\t"))),
                    "{name}: {line} names a missing {r}"
                );
            }
        }
        files += 1;
    }
    assert_eq!(files, 5);
}

#[test]
fn json_lines_and_stdin_carry_their_metadata_into_the_graph() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let store_arg = store.to_str().expect("path");
    let jsonl = dir.path().join("feed.jsonl");
    fs::write(
        &jsonl,
        "{\"id\":\"feed-1\",\"url\":\"https://news.example/a\",\"title\":\"Bridge closed\",\"date\":\"2021-06-02\",\"text\":\"Engineers closed the Tamar Bridge on Monday, Mayor Ann Lee said.\",\"lang\":\"en\"}\n",
    )
    .expect("write");
    let out = run(&[
        "ingest",
        "--store",
        store_arg,
        jsonl.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let mut child = binary()
        .args(["ingest", "--store", store_arg, "-"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(" date 2021-06-04 Police said the bridge reopened on Wednesday.\n".as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));

    let held = KgStore::open(&store).expect("open");
    let rows = select(
        &held,
        "SELECT ?id ?url ?title ?date WHERE { ?d nk:documentId ?id . OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d schema:headline ?title } OPTIONAL { ?d schema:datePublished ?date } } ORDER BY ?id",
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    let feed = rows.iter().find(|r| r[0] == "feed-1").expect("feed-1");
    assert_eq!(
        feed[1..],
        ["https://news.example/a", "Bridge closed", "2021-06-02"]
    );
    let piped = rows
        .iter()
        .find(|r| r[0].starts_with("doc-"))
        .expect("stdin document gets a content id");
    assert_eq!(piped[3], "2021-06-04");
    let people = select(
        &held,
        "SELECT ?role WHERE { ?p a schema:Person ; rdfs:label \"Ann Lee\" ; nk:role ?role }",
    );
    assert_eq!(people, [["Mayor"]]);
}

/// Every quad of the store, sorted, in N-Quads.
fn exported(store: &std::path::Path) -> Vec<String> {
    let out = run(&["export", "--store", store.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn a_bulk_ingest_writes_the_same_graph_and_replaces_changed_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    fs::create_dir(&input).expect("input dir");
    for entry in fs::read_dir(seeds()).expect("seeds") {
        let path = entry.expect("entry").path();
        fs::copy(&path, input.join(path.file_name().expect("name"))).expect("copy");
    }
    let article = input.join("pier.txt");
    fs::write(
        &article,
        "Harbour officials in Riverton said on Monday that the north pier will close.\n",
    )
    .expect("write");
    let (each, bulk) = (dir.path().join("each"), dir.path().join("bulk"));
    let ingest = |store: &std::path::Path, flags: &[&str]| {
        let mut args = vec!["ingest", "--store", store.to_str().expect("path")];
        args.extend_from_slice(flags);
        args.push(input.to_str().expect("path"));
        let out = run(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    ingest(&each, &[]);
    // Small batches, so that the load spans several of them.
    let summary = ingest(&bulk, &["--bulk", "--bulk-batch", "500"]);
    assert!(summary.contains("6 documents (6 added"), "{summary}");
    assert_eq!(exported(&bulk), exported(&each));
    assert!(
        !fs::read_dir(&bulk).expect("store dir").any(|e| e
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .starts_with("bulk-")),
        "the bulk load left table files behind"
    );

    // A changed article is replaced, an unchanged one skipped, as without --bulk.
    fs::write(
        &article,
        "Harbour officials in Riverton said on Tuesday that the south pier will reopen.\n",
    )
    .expect("write");
    ingest(&each, &[]);
    let summary = ingest(&bulk, &["--bulk"]);
    assert!(
        summary.contains("6 documents (0 added, 1 replaced, 5 unchanged"),
        "{summary}"
    );
    let quads = exported(&bulk);
    assert_eq!(quads, exported(&each));
    assert!(quads.iter().any(|q| q.contains("south pier")));
    assert!(!quads.iter().any(|q| q.contains("north pier")));
}

/// A knowledge base built from a Wikidata dump (in the dump's shape, written here, with
/// invented items) links an entity the shipped base does not know, with `--kb`; the
/// shipped base's items stay with `--with-shipped`.
#[test]
fn a_knowledge_base_built_from_a_wikidata_dump_links_with_kb() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dump = dir.path().join("dump.json");
    let human = r#"{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","id":"Q5"},"type":"wikibase-entityid"}}}"#;
    fs::write(
        &dump,
        format!(
            "[\n{{\"type\":\"item\",\"id\":\"Q987654321\",\"labels\":{{\"en\":{{\"language\":\"en\",\"value\":\"Orla Quennell\"}}}},\"claims\":{{\"P31\":[{human}]}},\"sitelinks\":{{\"enwiki\":{{\"site\":\"enwiki\",\"title\":\"Orla Quennell\"}}}}}},\n{{\"type\":\"item\",\"id\":\"Q987654322\"\n]\n"
        ),
    )
    .expect("write dump");
    let kb = dir.path().join("kb.tsv");
    let kb_arg = kb.to_str().expect("path");
    let out = run(&[
        "kb",
        "build",
        "--wikidata-dump",
        dump.to_str().expect("path"),
        "--with-shipped",
        "--out",
        kb_arg,
    ]);
    // One broken line: reported with its number, the rest is written, exit code 1.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("dump.json, line 3"),
        "{}",
        stderr(&out)
    );

    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        "Orla Quennell, the mayor of Riverton, met officials in London on Monday.\n",
    )
    .expect("write article");
    let store = dir.path().join("store");
    let out = run(&[
        "ingest",
        "--quiet",
        "--kb",
        kb_arg,
        "--store",
        store.to_str().expect("path"),
        article.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = KgStore::open_read_only(&store).expect("open");
    let links = select(
        &store,
        "PREFIX owl: <http://www.w3.org/2002/07/owl#>
         PREFIX nk: <https://w3id.org/newskg/ontology#>
         SELECT ?item ?confidence WHERE { GRAPH ?g { ?e owl:sameAs ?item ; nk:linkConfidence ?confidence } } ORDER BY ?item",
    );
    let items: Vec<&str> = links.iter().map(|row| row[0].as_str()).collect();
    assert!(
        items.contains(&"http://www.wikidata.org/entity/Q987654321"),
        "{links:?}"
    );
    assert!(
        items.contains(&"http://www.wikidata.org/entity/Q84"),
        "the shipped base's London is kept: {links:?}"
    );
    assert!(links.iter().all(|row| row[1]
        .parse::<f32>()
        .is_ok_and(|c| (0.5..=1.0).contains(&c))));

    // A file that is not a knowledge base is refused by name.
    let out = run(&[
        "extract",
        "--kb",
        dump.to_str().expect("path"),
        article.to_str().expect("path"),
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("dump.json: not a newskg knowledge base"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bind_scopes_a_ready_query_to_one_speaker() {
    let (_dir, store) = store_with_examples();
    let store = store.to_str().expect("path");
    let query = repo().join("queries/who-said-what.rq");
    let query = query.to_str().expect("path");
    let all = run(&["query", "--store", store, "-f", query, "--format", "tsv"]);
    assert!(all.status.success(), "{}", stderr(&all));
    let scoped = run(&[
        "query",
        "--store",
        store,
        "-f",
        query,
        "--format",
        "tsv",
        "--bind",
        "speaker=Maria Okafor",
    ]);
    assert!(scoped.status.success(), "{}", stderr(&scoped));
    let rows = |out: &std::process::Output| stdout(out).lines().skip(1).count();
    let speakers: Vec<String> = stdout(&scoped)
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap_or("").to_owned())
        .collect();
    assert!(!speakers.is_empty());
    assert!(
        speakers.iter().all(|s| s == "\"Maria Okafor\""),
        "{speakers:?}"
    );
    assert!(rows(&all) > rows(&scoped), "{}", stdout(&all));

    let bad = run(&["query", "--store", store, "-f", query, "--bind", "speaker"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--bind speaker: expected name=value"),
        "{}",
        stderr(&bad)
    );
}

/// `newskg kb build` on `../shared/kb-sources` and GUM's train text rebuilds the shipped
/// `data/kb.tsv` byte for byte: the knowledge base in the binary is reproducible.
#[test]
fn kb_build_reproduces_the_shipped_knowledge_base() {
    let shared = repo().join("../shared");
    let sources = shared.join("kb-sources");
    let words = shared.join("corpora/gum/brat-train");
    assert!(
        sources.is_dir() && words.is_dir(),
        "{} and {} are needed: the test rebuilds the base from them",
        sources.display(),
        words.display()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let out_path = dir.path().join("kb.tsv");
    let out = run(&[
        "kb",
        "build",
        "--sources",
        sources.to_str().expect("path"),
        "--ordinary-words",
        words.to_str().expect("path"),
        "--out",
        out_path.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let built = fs::read_to_string(&out_path).expect("built base");
    let shipped = fs::read_to_string(repo().join("data/kb.tsv")).expect("shipped base");
    assert!(
        built == shipped,
        "data/kb.tsv differs from what newskg kb build writes: rebuild it with `newskg kb build`"
    );
}
