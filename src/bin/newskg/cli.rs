//! Subcommands: ingest, extract, annotate, query, export, remove, kb build.

use crate::output::{self, RdfOutput, ResultFormat};
use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use newskg::document::{self, Document, InputError, ReadOptions};
use newskg::extract::tagger::NerModel;
use newskg::kb::{self, Kb};
use newskg::store::{
    IngestOutcome, KgStore, QueryOptions, StoreError, BULK_BATCH_QUADS, DEFAULT_STORE,
};
use newskg::syntax::SyntaxModel;
use newskg::{brat, process, rdf, Models, Processed};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::QueryEvaluationError;
use std::collections::HashMap;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Exit codes (also in the README).
pub const EXIT_INPUT_REFUSED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
pub const EXIT_LOCKED: u8 = 3;
pub const EXIT_TIMEOUT: u8 = 4;

/// How long a query may go on after its timeout before the process ends it: Oxigraph
/// checks for cancellation between solutions, and some joins compute long between two.
const TIMEOUT_GRACE: Duration = Duration::from_secs(1);

/// Ends the process (exit code 4) when a query still runs [`TIMEOUT_GRACE`] after its
/// timeout. Queries only read the store, so stopping them cannot damage it.
fn stop_after(timeout: Duration) {
    std::thread::spawn(move || {
        std::thread::sleep(timeout + TIMEOUT_GRACE);
        eprintln!("newskg: {}", StoreError::Timeout(timeout));
        std::process::exit(EXIT_TIMEOUT.into());
    });
}

/// A positive number of seconds, such as `30` or `0.5`.
fn parse_seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s.is_finite() => Ok(Duration::from_secs_f64(s)),
        _ => Err(format!("{text:?} is not a positive number of seconds")),
    }
}

#[derive(Parser)]
#[command(
    name = "newskg",
    version,
    about = "News articles in, a knowledge graph with provenance out."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct StoreArgs {
    /// The store directory (an Oxigraph/RocksDB store).
    #[arg(long, default_value = DEFAULT_STORE, env = "NEWSKG_STORE")]
    store: PathBuf,
}

#[derive(Args)]
struct InputArgs {
    /// Articles: .txt files, directories (searched recursively), .jsonl files, or - for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = document::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Replace bytes that are not UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    lossy: bool,
    #[command(flatten)]
    model: ModelArgs,
    #[command(flatten)]
    online: OnlineArgs,
}

#[derive(Args)]
struct OnlineArgs {
    /// Ask Wikidata about entities the local knowledge base leaves unlinked (the only
    /// option that uses the network; answers are cached in --cache).
    #[arg(long)]
    online: bool,
    /// The Wikidata API that --online asks.
    #[arg(long, env = "NEWSKG_WIKIDATA_API", default_value = newskg::online::WIKIDATA_API)]
    wikidata_api: String,
    /// Where --online keeps its answers (default: $XDG_CACHE_HOME/newskg/wikidata or
    /// ~/.cache/newskg/wikidata).
    #[arg(long, env = "NEWSKG_CACHE")]
    cache: Option<PathBuf>,
}

impl OnlineArgs {
    fn lookup(&self) -> Result<Option<newskg::online::WikidataLookup>> {
        if !self.online {
            return Ok(None);
        }
        let cache = match &self.cache {
            Some(dir) => dir.clone(),
            None => std::env::var_os("XDG_CACHE_HOME")
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
                .unwrap_or_else(|| PathBuf::from(".cache"))
                .join("newskg/wikidata"),
        };
        Ok(Some(newskg::online::WikidataLookup::new(
            &self.wikidata_api,
            &cache,
            ONLINE_TIMEOUT,
        )?))
    }
}

/// How long one Wikidata request may take.
const ONLINE_TIMEOUT: Duration = Duration::from_secs(15);

/// What turns a document into a processed article: the models, and the online lookup
/// when asked for.
struct Processor {
    loaded: Loaded,
    lookup: Option<newskg::online::WikidataLookup>,
}

impl InputArgs {
    fn processor(&self) -> Result<Processor> {
        Ok(Processor {
            loaded: self.model.load()?,
            lookup: self.online.lookup()?,
        })
    }
}

impl Processor {
    fn process(&self, doc: Document) -> Processed {
        let models = self.loaded.models();
        let mut processed = process(doc, models);
        if let Some(lookup) = &self.lookup {
            for failure in newskg::pipeline::link_online(&mut processed, lookup, models) {
                eprintln!(
                    "newskg: {}: online lookup failed, left unlinked: {failure}",
                    processed.document.source
                );
            }
        }
        processed
    }
}

#[derive(Args)]
struct ModelArgs {
    /// A tagger model written by `newskg train` (default: the one compiled in).
    #[arg(long, env = "NEWSKG_MODEL")]
    model: Option<PathBuf>,
    /// A knowledge base written by `newskg kb build` (default: the one compiled in).
    #[arg(long, env = "NEWSKG_KB")]
    kb: Option<PathBuf>,
    /// A parser model written by `newskg train-parser` (default: the one compiled in).
    #[arg(long, env = "NEWSKG_SYNTAX_MODEL")]
    syntax_model: Option<PathBuf>,
}

/// The models given on the command line, if any.
struct Loaded {
    ner: Option<NerModel>,
    kb: Option<Kb>,
    syntax: Option<SyntaxModel>,
}

impl ModelArgs {
    fn load(&self) -> Result<Loaded> {
        Ok(Loaded {
            ner: self.model.as_deref().map(NerModel::load).transpose()?,
            kb: self.kb.as_deref().map(Kb::load).transpose()?,
            syntax: self
                .syntax_model
                .as_deref()
                .map(SyntaxModel::load)
                .transpose()?,
        })
    }
}

impl Loaded {
    /// The models extraction uses: those loaded, or the shipped ones.
    fn models(&self) -> Models<'_> {
        Models {
            kb: self.kb.as_ref().unwrap_or(Kb::shipped()),
            ner: self.ner.as_ref().unwrap_or(NerModel::shipped()),
            syntax: self.syntax.as_ref().unwrap_or(SyntaxModel::shipped()),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from articles and add them to the store (one transaction per article).
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        store: StoreArgs,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
        /// Write new articles with Oxigraph's bulk loader: several times faster, and the
        /// whole run becomes visible at once at its end (a run stopped before then adds
        /// nothing). Articles stored in another version are still replaced one by one.
        #[arg(long)]
        bulk: bool,
        /// Quads per bulk batch: larger batches load a little faster and take more memory
        /// (two batches are sorted while a third fills).
        #[arg(long, value_name = "QUADS", requires = "bulk", default_value_t = BULK_BATCH_QUADS)]
        bulk_batch: usize,
    },
    /// Extract facts and print RDF to stdout, without a store.
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value = "nquads")]
        format: RdfOutput,
    },
    /// Write BRAT standoff annotations (NAME.txt + NAME.ann) for each article.
    Annotate {
        #[command(flatten)]
        input: InputArgs,
        /// Output format (BRAT standoff is the one there is).
        #[arg(long, default_value = "brat", value_parser = ["brat"])]
        format: String,
        /// Output directory.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the part-of-speech tags and dependency trees the relations are read from, as
    /// CoNLL-U (one block per sentence)
    Parse {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Run a SPARQL query over the store (all article graphs form the default graph).
    Query {
        /// The query text, or the path of a .rq file (as --file).
        query: Option<String>,
        /// Read the query from a file, e.g. queries/who-said-what.rq.
        #[arg(long, short = 'f', conflicts_with = "query")]
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: ResultFormat,
        /// Stop the query after this many seconds (exit code 4).
        #[arg(long, value_name = "SECONDS", value_parser = parse_seconds)]
        timeout: Option<Duration>,
        /// Let SERVICE <https://query.wikidata.org/sparql> { ... } (or any endpoint) ask
        /// the endpoint over HTTP; without it, queries never use the network.
        #[arg(long)]
        allow_service: bool,
        /// Give a variable of the query a value before it runs, e.g. --bind speaker="Amber
        /// Rudd" (plain text is a string literal; <IRI>, "text"@en and typed literals are
        /// read as RDF terms). Repeatable.
        #[arg(long, value_name = "NAME=VALUE")]
        bind: Vec<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Write the store (or one article graph) as RDF.
    Export {
        #[arg(long, value_enum, default_value = "nquads")]
        format: RdfOutput,
        /// Output file (default stdout).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Only this named graph (an article IRI, e.g. https://w3id.org/newskg/doc/ID).
        #[arg(long)]
        graph: Option<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Remove articles (their named graphs) from the store.
    Remove {
        /// Document ids (file stems or JSON ids) or article IRIs.
        #[arg(required = true)]
        documents: Vec<String>,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Score the extraction against gold BRAT annotations (NAME.txt + NAME.ann in DIR).
    Eval {
        /// Directory of gold NAME.txt and NAME.ann files.
        #[arg(long)]
        gold: PathBuf,
        /// Also write the scores as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Train the named-entity tagger on BRAT-annotated text (NAME.txt + NAME.ann in DIR).
    Train {
        /// Directory of annotated NAME.txt and NAME.ann files (e.g. GUM's brat-train).
        #[arg(long, default_value = "../shared/corpora/gum/brat-train")]
        gold: PathBuf,
        /// Where to write the model (data/ner.model is the one compiled in).
        #[arg(long, default_value = "data/ner.model")]
        out: PathBuf,
        /// Passes over the training sentences.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// The sentence orders' seed: 0 rebuilds the shipped model; others show how much
        /// the scores move with the order alone.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// `two` (the shipped model): a second stage also reads how the first read the same
        /// words elsewhere in the article; `one`: each sentence alone (a little less
        /// accurate, half the size, about an eighth faster to tag, six times faster to
        /// train).
        #[arg(long, value_enum, default_value_t = Stages::Two)]
        stages: Stages,
    },
    /// Train the part-of-speech tagger and dependency parser on Universal Dependencies
    /// trees (CoNLL-U), and score them on a held-out split.
    TrainParser {
        /// Directory of NAME.conllu files (GUM's dep/ files).
        #[arg(long, default_value = "../shared/corpora/gum/conllu")]
        treebank: PathBuf,
        /// Train on the documents this directory names with its NAME.txt files (GUM's
        /// train split is the one brat-train holds).
        #[arg(long, default_value = "../shared/corpora/gum/brat-train")]
        train_split: PathBuf,
        /// Score on the documents this directory names (never trained on).
        #[arg(long, default_value = "../shared/corpora/gum/brat-dev")]
        dev_split: PathBuf,
        /// Where to write the model (data/syntax.model is the one compiled in).
        #[arg(long, default_value = "data/syntax.model")]
        out: PathBuf,
        /// Passes over the training sentences.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
    },
    /// The offline knowledge base.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

/// How many stages `newskg train` trains the tagger in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Stages {
    One,
    Two,
}

#[derive(Subcommand)]
enum KbCommand {
    /// Build a knowledge base: data/kb.tsv from the Wikidata-derived tables in
    /// kb-sources/, or a bigger one from Wikidata exports (`--wikidata-dump`,
    /// `--sparql-results`) for use with `--kb`.
    Build {
        /// The folder of source tables (used when no export is given).
        #[arg(long, default_value = "../shared/kb-sources")]
        sources: PathBuf,
        /// A folder of English text (*.txt) whose lower-case words are ordinary words: a
        /// one-word brand name among them ("Shell") is left out of the base.
        #[arg(long, default_value = "../shared/corpora/gum/brat-train")]
        ordinary_words: PathBuf,
        /// A Wikidata JSON dump (latest-all.json.bz2 or uncompressed), streamed. Repeatable.
        #[arg(long)]
        wikidata_dump: Vec<PathBuf>,
        /// A SPARQL result file (.json/.srj, .xml/.srx, .tsv, or the query service's .csv)
        /// with columns item, itemLabel, type or class, and optionally aliases ("|"
        /// separated) and sitelinks. Repeatable.
        #[arg(long)]
        sparql_results: Vec<PathBuf>,
        /// Extra instance-of classes: lines "Q-id<TAB>person|organization|place|event".
        #[arg(long)]
        classes: Option<PathBuf>,
        /// Leave out items with fewer Wikipedia sitelinks (dumps and results with a
        /// sitelinks column).
        #[arg(long, default_value_t = 1)]
        min_sitelinks: u32,
        /// Keep the shipped base's items and demonyms and add the exports' to them.
        #[arg(long)]
        with_shipped: bool,
        #[arg(long, default_value = "data/kb.tsv")]
        out: PathBuf,
    },
}

pub fn run() -> Result<ExitCode> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Ok(ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 }));
        }
    };
    match cli.command {
        Command::Ingest {
            input,
            store,
            quiet,
            bulk,
            bulk_batch,
        } => ingest(&input, &store.store, quiet, bulk.then_some(bulk_batch)),
        Command::Extract { input, format } => extract(&input, format),
        Command::Annotate { input, out, .. } => annotate(&input, &out),
        Command::Parse { input } => parse_trees(&input),
        Command::Query {
            query,
            file,
            format,
            timeout,
            allow_service,
            bind,
            store,
        } => {
            let bindings = bind
                .iter()
                .map(|b| newskg::store::parse_binding(b))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| UsageError(e.to_string()))?;
            let text = match (query, file) {
                // "newskg query queries/arrests.rq": a file's path where the text goes.
                (Some(q), _) if q.ends_with(".rq") && Path::new(&q).is_file() => {
                    fs::read_to_string(&q).with_context(|| format!("{q}: cannot read query"))?
                }
                (Some(q), _) => q,
                (None, Some(f)) => fs::read_to_string(&f)
                    .with_context(|| format!("{}: cannot read query", f.display()))?,
                (None, None) => bail!(UsageError("give a query, or --file FILE".to_owned())),
            };
            let store = KgStore::open_read_only(&store.store)?;
            if let Some(timeout) = timeout {
                stop_after(timeout);
            }
            let options = QueryOptions {
                timeout,
                allow_service,
                bindings,
            };
            let results = store.query_with(&text, &options)?;
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            output::write_results(results, format, &mut out).map_err(|e| match e
                .downcast::<QueryEvaluationError>(
            ) {
                Ok(e) => StoreError::from_query(e, timeout).into(),
                Err(e) => e,
            })?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            output,
            graph,
            store,
        } => {
            let store = KgStore::open_read_only(&store.store)?;
            match output {
                Some(path) => {
                    let tmp = path.with_extension("partial");
                    let file = fs::File::create(&tmp)
                        .with_context(|| format!("{}: cannot create", tmp.display()))?;
                    let mut w = BufWriter::new(file);
                    store.export(format.format(), graph.as_deref(), &mut w)?;
                    w.flush()?;
                    fs::rename(&tmp, &path)
                        .with_context(|| format!("{}: cannot write", path.display()))?;
                }
                None => {
                    let stdout = io::stdout();
                    let mut w = BufWriter::new(stdout.lock());
                    store.export(format.format(), graph.as_deref(), &mut w)?;
                    w.flush()?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Remove { documents, store } => {
            let store = KgStore::open_existing(&store.store)?;
            let mut missing = 0;
            for doc in documents {
                let id = doc
                    .strip_prefix(&format!("{}doc/", rdf::ns::RESOURCE))
                    .unwrap_or(&doc)
                    .to_owned();
                if store.remove(&id)? {
                    eprintln!("removed {id}");
                } else {
                    eprintln!("newskg: {id}: no such document in the store");
                    missing += 1;
                }
            }
            store.resolve_identities()?;
            store.flush()?;
            Ok(if missing == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_INPUT_REFUSED)
            })
        }
        Command::Eval { gold, json, model } => evaluate(&gold, json.as_deref(), &model),
        Command::Train {
            gold,
            out,
            epochs,
            seed,
            stages,
        } => train(&gold, &out, epochs, seed, stages),
        Command::TrainParser {
            treebank,
            train_split,
            dev_split,
            out,
            epochs,
        } => train_parser(&treebank, &train_split, &dev_split, &out, epochs),
        Command::Kb {
            command:
                KbCommand::Build {
                    sources,
                    ordinary_words,
                    wikidata_dump,
                    sparql_results,
                    classes,
                    min_sitelinks,
                    with_shipped,
                    out,
                },
        } => {
            let exports = KbExports {
                dumps: wikidata_dump,
                results: sparql_results,
                classes,
                min_sitelinks,
                with_shipped,
                ordinary_words,
            };
            build_kb(&sources, &exports, &out)
        }
    }
}

/// The Wikidata exports `kb build` reads instead of the source tables.
struct KbExports {
    dumps: Vec<PathBuf>,
    results: Vec<PathBuf>,
    classes: Option<PathBuf>,
    min_sitelinks: u32,
    with_shipped: bool,
    ordinary_words: PathBuf,
}

fn build_kb(sources: &Path, exports: &KbExports, out: &Path) -> Result<ExitCode> {
    use newskg::wikidata::{self, ClassMap, ImportOptions, ImportReport};
    let mut built = if exports.dumps.is_empty() && exports.results.is_empty() {
        let words = kb::ordinary_words(&exports.ordinary_words).with_context(|| {
            format!(
                "{}: cannot read the text whose lower-case words are ordinary",
                exports.ordinary_words.display()
            )
        })?;
        kb::build(sources, &words)
            .with_context(|| format!("{}: cannot build the knowledge base", sources.display()))?
    } else if exports.with_shipped {
        Kb::shipped().to_built()
    } else {
        kb::Built::default()
    };
    let mut classes = ClassMap::default();
    if let Some(path) = &exports.classes {
        classes.extend_from_file(path)?;
    }
    let options = ImportOptions {
        classes,
        min_sitelinks: exports.min_sitelinks,
    };
    let mut unreadable = 0;
    let mut tell = |path: &Path, report: &ImportReport| {
        eprintln!(
            "{}: {} items read, {} kept",
            path.display(),
            report.items,
            report.kept
        );
        if report.bad > 0 {
            unreadable += report.bad;
            for (line, cause) in &report.first_bad {
                eprintln!("newskg: {}, line {line}: {cause}", path.display());
            }
        }
    };
    for path in &exports.dumps {
        let mut entries = Vec::new();
        let report = wikidata::read_dump(path, &options, |e| entries.push(e))?;
        tell(path, &report);
        built.merge(entries);
    }
    for path in &exports.results {
        let (entries, report) = wikidata::read_sparql_results(path, &options)?;
        tell(path, &report);
        built.merge(entries);
    }
    // Written beside the target and renamed: a failed build leaves the old file whole.
    let tmp = out.with_extension("tsv.partial");
    let mut w = BufWriter::new(
        fs::File::create(&tmp).with_context(|| format!("{}: cannot create", tmp.display()))?,
    );
    kb::write_tsv(&built, &mut w)
        .and_then(|()| w.flush())
        .with_context(|| format!("{}: cannot write", tmp.display()))?;
    drop(w);
    fs::rename(&tmp, out).with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!(
        "wrote {} items, the demonyms of {} countries, and {} first-level divisions and {} organisations known by name only to {}",
        built.entries.len(),
        built.demonyms.len(),
        built.divisions.len(),
        built.bodies.len(),
        out.display()
    );
    if unreadable > 0 {
        eprintln!("newskg: {unreadable} lines or rows could not be read and were left out");
        return Ok(ExitCode::from(EXIT_INPUT_REFUSED));
    }
    Ok(ExitCode::SUCCESS)
}

/// A mistake in how newskg was called.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(String);

/// An error and its causes on one line, each cause once: a cause whose text its parent
/// already quotes is not repeated.
pub fn describe(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}

/// Whether the error is standard output closed under us.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Maps an error to the documented exit code.
pub fn exit_code_of(err: &anyhow::Error) -> u8 {
    if err.downcast_ref::<UsageError>().is_some() {
        return EXIT_USAGE;
    }
    match err.downcast_ref::<StoreError>() {
        Some(StoreError::Syntax(_)) => EXIT_USAGE,
        Some(StoreError::Locked { .. }) => EXIT_LOCKED,
        Some(StoreError::Timeout(_)) => EXIT_TIMEOUT,
        _ => 1,
    }
}

/// Reads every input, reporting bad ones with their path and going on; calls `each` with
/// every good document. Returns how many inputs were refused.
fn for_each_document(
    input: &InputArgs,
    progress: &ProgressBar,
    each: &mut dyn FnMut(Document) -> Result<()>,
) -> Result<usize> {
    let options = ReadOptions {
        max_bytes: input.max_bytes,
        lossy: input.lossy,
    };
    let mut refused = 0;
    let mut report = |e: &dyn std::fmt::Display| {
        progress.suspend(|| eprintln!("newskg: {e}"));
        refused += 1;
    };
    let files = document::expand_paths(&input.paths);
    progress.set_length(files.len() as u64);
    for file in files {
        let path = match file {
            Ok(path) => path,
            Err(e) => {
                report(&e);
                progress.inc(1);
                continue;
            }
        };
        let mut failure: Option<anyhow::Error> = None;
        document::read_path(
            &path,
            options,
            &mut |doc: Result<Document, InputError>| match doc {
                Ok(doc) if failure.is_none() => {
                    let source = doc.source.clone();
                    if let Err(e) = each(doc) {
                        failure = Some(e.context(source));
                    }
                }
                Ok(_) => {}
                Err(e) => report(&e),
            },
        );
        progress.inc(1);
        if let Some(e) = failure {
            return Err(e);
        }
    }
    Ok(refused)
}

fn progress_bar(quiet: bool, inputs: &[PathBuf]) -> ProgressBar {
    let many = inputs.len() > 1 || inputs.iter().any(|p| p.is_dir());
    if quiet || !many {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

#[derive(Default)]
struct Summary {
    added: usize,
    replaced: usize,
    unchanged: usize,
    entities: usize,
    relations: usize,
    quotes: usize,
    triples: usize,
}

/// `bulk`: the batch size of a bulk ingest, or none for one transaction per article.
fn ingest(
    input: &InputArgs,
    store_path: &Path,
    quiet: bool,
    bulk: Option<usize>,
) -> Result<ExitCode> {
    let started = Instant::now();
    let store = KgStore::open(store_path)?;
    let mut bulk = bulk.map(|batch_quads| store.bulk_ingest(batch_quads));
    let processor = input.processor()?;
    let progress = progress_bar(quiet, &input.paths);
    let mut summary = Summary::default();
    let mut seen: HashMap<String, (String, String)> = HashMap::new(); // id -> (hash, source)
    let mut conflicts = 0;
    let refused = for_each_document(input, &progress, &mut |doc| {
        let processed = processor.process(doc);
        let hash = processed.content_hash.clone();
        if let Some((earlier, source)) = seen.get(&processed.document.id) {
            if *earlier != hash {
                progress.suspend(|| eprintln!("newskg: {}: document id {:?} was already read from {source} with a different text; skipped (give one of them another id)", processed.document.source, processed.document.id));
                conflicts += 1;
            }
            return Ok(());
        }
        seen.insert(
            processed.document.id.clone(),
            (hash, processed.document.source.clone()),
        );
        let outcome = match bulk.as_mut() {
            Some(bulk) => bulk.add(&processed)?,
            None => store.ingest(&processed)?,
        };
        let ex = &processed.extraction;
        summary.entities += ex.entities.len();
        summary.relations += ex.relations.len();
        summary.quotes += ex.quotes.len();
        match outcome {
            IngestOutcome::Added { triples } => {
                summary.added += 1;
                summary.triples += triples;
            }
            IngestOutcome::Replaced { triples } => {
                summary.replaced += 1;
                summary.triples += triples;
            }
            IngestOutcome::Unchanged => summary.unchanged += 1,
        }
        Ok(())
    })?;
    if let Some(bulk) = bulk {
        progress.set_message("committing the bulk load");
        bulk.commit()?;
    }
    progress.finish_and_clear();
    let identity_links = store.resolve_identities()?;
    store.flush()?;
    let refused = refused + conflicts;
    if !quiet {
        eprintln!(
            "{} documents ({} added, {} replaced, {} unchanged, {} refused): {} entities, {} relations, {} quotes, {} triples written; {} people and events linked across articles; store holds {} quads; {:.2}s",
            summary.added + summary.replaced + summary.unchanged,
            summary.added,
            summary.replaced,
            summary.unchanged,
            refused,
            summary.entities,
            summary.relations,
            summary.quotes,
            summary.triples,
            identity_links,
            store.len()?,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(exit_code(refused))
}

fn extract(input: &InputArgs, format: RdfOutput) -> Result<ExitCode> {
    let processor = input.processor()?;
    let mut stdout = BufWriter::new(io::stdout().lock());
    let format = format.format();
    let refused = if format == RdfFormat::NQuads {
        // The default output, written by the fast path (same bytes as Oxigraph's).
        let mut document_quads = Vec::new();
        for_each_document(input, &ProgressBar::hidden(), &mut |doc| {
            let processed: Processed = processor.process(doc);
            document_quads.clear();
            for quad in rdf::to_quads(&processed) {
                newskg::nquads::write_quad(quad.as_ref(), &mut document_quads);
            }
            stdout.write_all(&document_quads)?;
            Ok(())
        })?
    } else {
        let mut serializer = newskg::store::serializer_for(format).for_writer(&mut stdout);
        let refused = for_each_document(input, &ProgressBar::hidden(), &mut |doc| {
            let processed: Processed = processor.process(doc);
            for quad in rdf::to_quads(&processed) {
                if format.supports_datasets() {
                    serializer.serialize_quad(&quad)?;
                } else {
                    serializer.serialize_triple(quad.as_ref())?;
                }
            }
            Ok(())
        })?;
        serializer.finish()?;
        refused
    };
    stdout.flush()?;
    Ok(exit_code(refused))
}

fn annotate(input: &InputArgs, out: &Path) -> Result<ExitCode> {
    fs::create_dir_all(out)
        .with_context(|| format!("{}: cannot create directory", out.display()))?;
    let processor = input.processor()?;
    let refused = for_each_document(input, &ProgressBar::hidden(), &mut |doc| {
        let processed = processor.process(doc);
        let name = &processed.document.id;
        let txt = out.join(format!("{name}.txt"));
        let ann = out.join(format!("{name}.ann"));
        fs::write(&txt, &processed.document.text)
            .with_context(|| format!("{}: cannot write", txt.display()))?;
        fs::write(&ann, brat::to_ann(&processed))
            .with_context(|| format!("{}: cannot write", ann.display()))?;
        Ok(())
    })?;
    Ok(exit_code(refused))
}

/// Success, or the exit code of a run that refused some inputs (each already reported).
fn exit_code(refused: usize) -> ExitCode {
    if refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_INPUT_REFUSED)
    }
}

fn parse_trees(input: &InputArgs) -> Result<ExitCode> {
    let loaded = input.model.load()?;
    let syntax = loaded.models().syntax;
    let mut stdout = io::stdout().lock();
    let refused = for_each_document(input, &ProgressBar::hidden(), &mut |doc| {
        let segmented = newskg::segment::segment(&doc.text);
        for (i, sentence) in segmented.sentences.iter().enumerate() {
            let tokens = segmented.sentence_tokens(i);
            let words: Vec<&str> = tokens.iter().map(|t| t.span.slice(&doc.text)).collect();
            let tree = syntax.parse_tokens(&doc.text, tokens);
            let text = sentence.span.slice(&doc.text).replace(['\n', '\r'], " ");
            writeln!(
                stdout,
                "# sent_id = {}-{}\n# text = {text}\n{}",
                doc.id,
                i + 1,
                tree.to_conllu(&words)
            )?;
        }
        Ok(())
    })?;
    Ok(exit_code(refused))
}

fn evaluate(gold: &Path, json: Option<&Path>, model: &ModelArgs) -> Result<ExitCode> {
    let custom = model.load()?;
    let models = custom.models();
    let mut names: Vec<PathBuf> = fs::read_dir(gold)
        .with_context(|| format!("{}: cannot read gold directory", gold.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt") && p.with_extension("ann").exists())
        .collect();
    names.sort();
    if names.is_empty() {
        bail!(UsageError(format!(
            "{}: no NAME.txt with a NAME.ann beside it",
            gold.display()
        )));
    }
    let mut total = newskg::eval::Scores::default();
    for txt in &names {
        let doc = document::read_text_file(txt, ReadOptions::default())?;
        let predicted = newskg::eval::parse_ann(&brat::to_ann(&process(doc, models)));
        let ann = txt.with_extension("ann");
        let gold_ann = newskg::eval::parse_ann(
            &fs::read_to_string(&ann).with_context(|| format!("{}: cannot read", ann.display()))?,
        );
        newskg::eval::accumulate(
            &mut total,
            &newskg::eval::score_document(&predicted, &gold_ann),
        );
    }
    print!("{}", newskg::eval::render(&total));
    if let Some(path) = json {
        fs::write(path, serde_json::to_string_pretty(&total)?)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn train_parser(
    treebank: &Path,
    train_split: &Path,
    dev_split: &Path,
    out: &Path,
    epochs: usize,
) -> Result<ExitCode> {
    use newskg::syntax::train as syntax;
    let started = Instant::now();
    let sentences = syntax::read_split(treebank, train_split)?;
    let mut report = syntax::ParserReport::default();
    let model = syntax::train(&sentences, epochs, &mut report);
    let tmp = out.with_extension("partial");
    fs::write(&tmp, model.to_bytes())
        .with_context(|| format!("{}: cannot write", tmp.display()))?;
    fs::rename(&tmp, out).with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!(
        "{} sentences, {} words ({} non-projective trees left out of the parser's training); {} tagger and {} parser features written to {} in {:.1}s",
        report.sentences,
        report.words,
        report.non_projective,
        report.tagger_features,
        report.parser_features,
        out.display(),
        started.elapsed().as_secs_f64()
    );
    let dev = syntax::read_split(treebank, dev_split)?;
    let scores = syntax::evaluate(&model, &dev);
    eprintln!(
        "held out ({}): {} words, tag accuracy {:.4}, UAS {:.4}, LAS {:.4} (punctuation not counted)",
        dev_split.display(),
        scores.words,
        scores.tag_accuracy,
        scores.uas,
        scores.las
    );
    Ok(ExitCode::SUCCESS)
}

fn train(gold: &Path, out: &Path, epochs: usize, seed: u64, stages: Stages) -> Result<ExitCode> {
    let started = Instant::now();
    let mut report = newskg::train::TrainReport::default();
    let mut examples = newskg::train::read_examples(gold, Kb::shipped(), &mut report)?;
    let model = match stages {
        Stages::One => newskg::train::train(&examples, epochs, seed, &mut report),
        Stages::Two => newskg::train::train_two_stages(&mut examples, epochs, seed, &mut report),
    };
    let tmp = out.with_extension("partial");
    fs::write(&tmp, model.to_bytes())
        .with_context(|| format!("{}: cannot write", tmp.display()))?;
    fs::rename(&tmp, out).with_context(|| format!("{}: cannot write", out.display()))?;
    let accuracy: Vec<String> = report
        .epoch_accuracy
        .iter()
        .map(|a| format!("{:.4}", a))
        .collect();
    eprintln!(
        "{} documents, {} sentences, {} tokens, {} named mentions ({} cut through a token and left out, {} nested and left out); token accuracy by epoch: {}; {} features written to {} in {:.1}s",
        report.documents,
        report.sentences,
        report.tokens,
        report.mentions,
        report.misaligned,
        report.nested,
        accuracy.join(" "),
        report.features,
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
