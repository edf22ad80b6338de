//! The persistent graph: an on-disk Oxigraph (RocksDB) store holding one named graph per
//! article. Ingesting an article is one transaction that replaces its graph, so a crash or
//! a bad file never leaves half an article; re-ingesting unchanged text changes nothing.

use crate::identity::{self, NamedEntity};
use crate::pipeline::Processed;
use crate::rdf::{self, ns};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, QuadRef, Term, Variable,
};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolutionIter, SparqlEvaluator,
    SparqlSyntaxError,
};
use oxigraph::store::{BulkLoader, SerializerError, StorageError, Store};
use spargebra::algebra::GraphPattern;
use spargebra::term::{NamedNodePattern, TermPattern};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The graph of cross-article identity links, rebuilt by [`KgStore::resolve_identities`].
pub const IDENTITY_GRAPH: &str = "https://w3id.org/newskg/identity";

/// How a query runs.
#[derive(Debug, Clone, Default)]
pub struct QueryOptions {
    /// Stop the query after this long.
    pub timeout: Option<Duration>,
    /// Let `SERVICE <endpoint>` send its pattern to the endpoint over HTTP; without it a
    /// query with SERVICE fails and nothing goes to the network.
    pub allow_service: bool,
    /// Variables given a value before the query runs (`--bind name=value`): a ready query
    /// scoped to one speaker, entity or article.
    pub bindings: Vec<(Variable, Term)>,
}

/// Why a `name=value` binding was refused.
#[derive(Debug, thiserror::Error)]
#[error("--bind {binding}: {reason}")]
pub struct BindingError {
    binding: String,
    reason: String,
}

fn query_pattern(query: &mut spargebra::Query) -> &mut GraphPattern {
    match query {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => pattern,
    }
}

/// Oxigraph substitutes only variables a SELECT projects: a bound variable the query
/// uses but does not answer (`--bind name=WhatsApp` where `?name` only selects the entity)
/// joins the projection, and its column is dropped from the answers again
/// ([`without_columns`]). Returns the variables added.
fn project_bound_variables(
    query: &mut spargebra::Query,
    bindings: &[(Variable, Term)],
) -> Vec<Variable> {
    let spargebra::Query::Select { pattern, .. } = query else {
        return Vec::new();
    };
    let mut top = pattern;
    loop {
        match top {
            GraphPattern::Slice { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner } => top = inner,
            GraphPattern::Project { variables, .. } => {
                let mut added = Vec::new();
                for (variable, _) in bindings {
                    if !variables.contains(variable) {
                        variables.push(variable.clone());
                        added.push(variable.clone());
                    }
                }
                return added;
            }
            _ => return Vec::new(),
        }
    }
}

/// The answers without the columns of `hidden` variables.
fn without_columns(results: QueryResults<'static>, hidden: &[Variable]) -> QueryResults<'static> {
    let QueryResults::Solutions(solutions) = results else {
        return results;
    };
    if hidden.is_empty() {
        return QueryResults::Solutions(solutions);
    }
    let kept: Vec<usize> = (0..solutions.variables().len())
        .filter(|&i| !hidden.contains(&solutions.variables()[i]))
        .collect();
    let variables: Arc<[Variable]> = kept
        .iter()
        .map(|&i| solutions.variables()[i].clone())
        .collect();
    let answer_variables = Arc::clone(&variables);
    QueryResults::Solutions(QuerySolutionIter::new(
        variables,
        solutions.map(move |solution| {
            let solution = solution?;
            let values: Vec<Option<Term>> =
                kept.iter().map(|&i| solution.values()[i].clone()).collect();
            Ok((Arc::clone(&answer_variables), values).into())
        }),
    ))
}

/// Writes a bound value into the triple patterns that use its variable, so that Oxigraph's
/// planner starts from an index lookup ("the quotations of this speaker") rather than
/// binding the value after a scan; the substitution itself still gives the variable its
/// value in the answers. Where a constant would change the meaning (MINUS, GROUP BY,
/// VALUES, SERVICE, a sub-select that does not project the variable, a BIND to it), the
/// pattern is left as it is.
fn write_bound_value(pattern: &mut GraphPattern, variable: &Variable, term: &Term) {
    let in_term = |slot: &mut TermPattern| {
        if matches!(slot, TermPattern::Variable(v) if v == variable) {
            match term {
                Term::NamedNode(n) => *slot = TermPattern::NamedNode(n.clone()),
                Term::Literal(l) => *slot = TermPattern::Literal(l.clone()),
                Term::BlankNode(_) => {}
            }
        }
    };
    let in_name = |slot: &mut NamedNodePattern| {
        if let (NamedNodePattern::Variable(v), Term::NamedNode(n)) = (&*slot, term) {
            if v == variable {
                *slot = NamedNodePattern::NamedNode(n.clone());
            }
        }
    };
    match pattern {
        GraphPattern::Bgp { patterns } => {
            for triple in patterns {
                in_term(&mut triple.subject);
                in_name(&mut triple.predicate);
                in_term(&mut triple.object);
            }
        }
        GraphPattern::Path {
            subject, object, ..
        } => {
            in_term(subject);
            in_term(object);
        }
        GraphPattern::Join { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::LeftJoin { left, right, .. } => {
            write_bound_value(left, variable, term);
            write_bound_value(right, variable, term);
        }
        GraphPattern::Graph { name, inner } => {
            in_name(name);
            write_bound_value(inner, variable, term);
        }
        GraphPattern::Extend {
            inner,
            variable: assigned,
            ..
        } if assigned != variable => write_bound_value(inner, variable, term),
        GraphPattern::Project { inner, variables } if variables.contains(variable) => {
            write_bound_value(inner, variable, term)
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. } => write_bound_value(inner, variable, term),
        _ => {}
    }
}

/// Reads `name=value` (or `?name=value`): the value is an RDF term in N-Triples syntax
/// (`<https://...>`, `"text"`, `"3"^^<...>`, `"text"@en`), or else plain text, a string
/// literal (`speaker=Amber Rudd`).
pub fn parse_binding(binding: &str) -> Result<(Variable, Term), BindingError> {
    let refuse = |reason: String| BindingError {
        binding: binding.to_owned(),
        reason,
    };
    let (name, value) = binding
        .split_once('=')
        .ok_or_else(|| refuse("expected name=value".to_owned()))?;
    let name = name.trim().trim_start_matches(['?', '$']);
    let variable =
        Variable::new(name).map_err(|e| refuse(format!("{name:?} is no variable name: {e}")))?;
    let term = if value.starts_with(['<', '"', '_']) {
        match Term::from_str(value) {
            Ok(Term::BlankNode(_)) => return Err(refuse("a blank node binds nothing".to_owned())),
            Ok(term) => term,
            Err(e) => return Err(refuse(format!("{value} is no RDF term: {e}"))),
        }
    } else {
        Literal::new_simple_literal(value).into()
    };
    Ok((variable, term))
}

/// The longest one SERVICE call may take.
const SERVICE_TIMEOUT: Duration = Duration::from_secs(60);

/// How many times a read-only open is retried when a writer changes the files under it.
const READ_ONLY_RETRIES: u64 = 8;

/// Where the store lives when `--store` is not given.
pub const DEFAULT_STORE: &str = "newskg-store";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path} is locked by another newskg process (wait for it to finish, or use another --store)")]
    Locked { path: PathBuf },
    #[error("no store at {path} (create one with `newskg ingest --store {path} ...`)")]
    Missing { path: PathBuf },
    #[error("store {path}: {source}")]
    Storage { path: PathBuf, source: StorageError },
    #[error("store {path} is being changed by a running ingest and could not be opened for reading (retry, or wait for the ingest to finish): {source}")]
    Changing { path: PathBuf, source: StorageError },
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] SparqlSyntaxError),
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(#[from] QueryEvaluationError),
    #[error("the query ran longer than the {} s allowed (--timeout) and was stopped", .0.as_secs_f64())]
    Timeout(Duration),
    #[error("writing RDF: {0}")]
    Serialize(#[from] SerializerError),
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "store {path}: cannot delete {file}, left by a bulk ingest that did not finish: {source}"
    )]
    BulkLeftover {
        path: PathBuf,
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is not a valid graph IRI")]
    BadGraph(String),
}

impl StoreError {
    /// The error of a query run with `timeout`: a cancelled evaluation is a timeout.
    pub fn from_query(error: QueryEvaluationError, timeout: Option<Duration>) -> Self {
        match (error, timeout) {
            (QueryEvaluationError::Cancelled, Some(timeout)) => StoreError::Timeout(timeout),
            (error, _) => StoreError::Evaluation(error),
        }
    }
}

/// What ingesting one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    Added { triples: usize },
    Replaced { triples: usize },
    Unchanged,
}

/// What the store holds of an article about to be ingested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    /// This very version (same content hash).
    Same,
    /// Another version.
    Other,
    No,
}

/// Quads handed to Oxigraph's bulk loader at a time, by default: each batch is sorted into
/// table files by a background thread while extraction goes on. Two batches in flight and
/// one filling keep an ingest of any size near 500 MiB.
pub const BULK_BATCH_QUADS: usize = 250_000;

/// A bulk ingest: new articles are written as RocksDB table files by Oxigraph's bulk
/// loader, on background threads, and become visible together, atomically, at
/// [`BulkIngest::commit`]. A run that is killed or fails before then leaves the store as
/// it was (the next writer deletes the unfinished table files). Articles the store holds
/// in another version are replaced at once, one transaction each, as by
/// [`KgStore::ingest`]; unchanged ones are skipped.
pub struct BulkIngest<'a> {
    store: &'a KgStore,
    loader: BulkLoader<'a>,
    batch: Vec<Quad>,
    batch_quads: usize,
}

impl BulkIngest<'_> {
    /// Adds one article to the load (or replaces it in place, see [`BulkIngest`]). The
    /// caller gives each document id once per load.
    pub fn add(&mut self, processed: &Processed) -> Result<IngestOutcome, StoreError> {
        match self.store.held(processed)? {
            Held::Same => Ok(IngestOutcome::Unchanged),
            Held::Other => self.store.ingest(processed),
            Held::No => {
                let quads = rdf::to_quads(processed);
                let triples = quads.len();
                self.batch.extend(quads);
                if self.batch.len() >= self.batch_quads {
                    self.send()?;
                }
                Ok(IngestOutcome::Added { triples })
            }
        }
    }

    fn send(&mut self) -> Result<(), StoreError> {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(self.batch_quads));
        self.loader
            .load_quads(batch)
            .map_err(|e| self.store.storage(e))
    }

    /// Waits for the background threads and makes every added article visible at once.
    pub fn commit(mut self) -> Result<(), StoreError> {
        if !self.batch.is_empty() {
            self.send()?;
        }
        let store = self.store;
        self.loader.commit().map_err(|e| store.storage(e))?;
        store.flush()
    }
}

/// Table files of a bulk ingest that never committed are named so by Oxigraph
/// (`bulk-<random>.sst`, in the store directory).
fn is_unfinished_bulk_file(name: &str) -> bool {
    name.starts_with("bulk-") && name.ends_with(".sst")
}

/// A newskg graph store on disk.
pub struct KgStore {
    store: Store,
    path: PathBuf,
    /// Quads committed since the last flush (see [`FLUSH_EVERY_QUADS`]).
    unflushed: AtomicUsize,
}

/// Committed quads after which ingest flushes RocksDB's write buffers to table files.
/// Without it the buffers of the store's many indexes grow with the run (2 GiB over 10,000
/// articles); with it an ingest of 1,000 articles peaks near 300 MiB (790 MiB without), at
/// the same speed.
const FLUSH_EVERY_QUADS: usize = 250_000;

fn is_lock_error(e: &StorageError) -> bool {
    let message = e.to_string().to_lowercase();
    message.contains("lock")
}

impl KgStore {
    /// Opens the store at `path` for reading and writing, creating it if needed.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let store = Store::open(path).map_err(|source| {
            if is_lock_error(&source) {
                StoreError::Locked {
                    path: path.to_owned(),
                }
            } else {
                StoreError::Storage {
                    path: path.to_owned(),
                    source,
                }
            }
        })?;
        // The lock is ours: table files left by a bulk ingest that never committed are
        // garbage no reader can see.
        if let Ok(entries) = std::fs::read_dir(path) {
            for entry in entries.flatten() {
                if is_unfinished_bulk_file(&entry.file_name().to_string_lossy()) {
                    let file = entry.path();
                    std::fs::remove_file(&file).map_err(|source| StoreError::BulkLeftover {
                        path: path.to_owned(),
                        file,
                        source,
                    })?;
                }
            }
        }
        Ok(Self::around(store, path))
    }

    /// The store opened at `path`, nothing written yet.
    fn around(store: Store, path: &Path) -> Self {
        Self {
            store,
            path: path.to_owned(),
            unflushed: AtomicUsize::new(0),
        }
    }

    /// Opens a store that must already exist, for reading and writing.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        Self::must_exist(path)?;
        Self::open(path)
    }

    /// Opens an existing store for reading only: it takes no lock, so queries and exports
    /// run while another process ingests, and see the articles committed when the store
    /// was opened (RocksDB's read-only mode; a write is a whole article, so a reader never
    /// sees half of one).
    ///
    /// Opening next to a writer can race with its compactions (a table file named by the
    /// manifest is gone by the time it is opened); the open is then retried a few times,
    /// and [`StoreError::Changing`] says so if it never succeeds.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        Self::must_exist(path)?;
        let mut attempt = 0;
        loop {
            match Store::open_read_only(path) {
                Ok(store) => return Ok(Self::around(store, path)),
                Err(_) if attempt < READ_ONLY_RETRIES => {
                    attempt += 1;
                    std::thread::sleep(Duration::from_millis(20 * attempt));
                }
                Err(source) => return Self::open_read_only_unlocked(path, source),
            }
        }
    }

    /// The last resort of [`Self::open_read_only`]: a store that a writer began to create
    /// and never finished (killed before Oxigraph wrote its format version) cannot be
    /// opened read-only at all. If no writer holds the store, opening it for writing
    /// completes that creation (it writes only the version marker, and replays the
    /// log of committed writes), after which the read-only open succeeds. If a writer
    /// holds it, the store is being changed, and [`StoreError::Changing`] says so.
    fn open_read_only_unlocked(path: &Path, read_only: StorageError) -> Result<Self, StoreError> {
        match Store::open(path) {
            Ok(writer) => drop(writer),
            Err(error) if is_lock_error(&error) => {
                return Err(StoreError::Changing {
                    path: path.to_owned(),
                    source: read_only,
                })
            }
            Err(source) => {
                return Err(StoreError::Storage {
                    path: path.to_owned(),
                    source,
                })
            }
        }
        let store = Store::open_read_only(path).map_err(|source| StoreError::Changing {
            path: path.to_owned(),
            source,
        })?;
        Ok(Self::around(store, path))
    }

    fn must_exist(path: &Path) -> Result<(), StoreError> {
        if path.join("CURRENT").exists() {
            Ok(())
        } else {
            Err(StoreError::Missing {
                path: path.to_owned(),
            })
        }
    }

    fn storage(&self, source: StorageError) -> StoreError {
        StoreError::Storage {
            path: self.path.clone(),
            source,
        }
    }

    /// Whether the store holds `processed`'s article, and if so, this very version.
    fn held(&self, processed: &Processed) -> Result<Held, StoreError> {
        let graph = rdf::document_iri(&processed.document.id);
        let hash = Literal::new_simple_literal(processed.content_hash.as_str());
        let predicate = format!("{}contentHash", ns::NK);
        let hash_quad = QuadRef::new(
            &graph,
            NamedNodeRef::new_unchecked(&predicate),
            &hash,
            &graph,
        );
        if self
            .store
            .contains(hash_quad)
            .map_err(|e| self.storage(e))?
        {
            return Ok(Held::Same);
        }
        let other = self
            .store
            .contains_named_graph(&graph)
            .map_err(|e| self.storage(e))?;
        Ok(if other { Held::Other } else { Held::No })
    }

    /// Adds or replaces one article's graph in a single transaction.
    pub fn ingest(&self, processed: &Processed) -> Result<IngestOutcome, StoreError> {
        if self.held(processed)? == Held::Same {
            return Ok(IngestOutcome::Unchanged);
        }
        let graph = rdf::document_iri(&processed.document.id);
        let quads = rdf::to_quads(processed);
        let mut transaction = self
            .store
            .start_transaction()
            .map_err(|e| self.storage(e))?;
        let existed = transaction
            .contains_named_graph(&graph)
            .map_err(|e| self.storage(e))?;
        if existed {
            transaction
                .remove_named_graph(&graph)
                .map_err(|e| self.storage(e))?;
        }
        transaction.insert_named_graph(&graph);
        transaction.extend(quads.iter());
        transaction.commit().map_err(|e| self.storage(e))?;
        let triples = quads.len();
        if self.unflushed.fetch_add(triples, Ordering::Relaxed) + triples >= FLUSH_EVERY_QUADS {
            self.flush()?;
        }
        Ok(if existed {
            IngestOutcome::Replaced { triples }
        } else {
            IngestOutcome::Added { triples }
        })
    }

    /// Starts a bulk ingest (see [`BulkIngest`]) that hands the loader `batch_quads` quads
    /// at a time ([`BULK_BATCH_QUADS`] is a good default).
    pub fn bulk_ingest(&self, batch_quads: usize) -> BulkIngest<'_> {
        let batch_quads = batch_quads.max(1);
        BulkIngest {
            store: self,
            loader: self.store.bulk_loader(),
            batch: Vec::with_capacity(batch_quads),
            batch_quads,
        }
    }

    /// Removes one article (its named graph); false when it was not there.
    pub fn remove(&self, document_id: &str) -> Result<bool, StoreError> {
        let graph = rdf::document_iri(document_id);
        let mut transaction = self
            .store
            .start_transaction()
            .map_err(|e| self.storage(e))?;
        if !transaction
            .contains_named_graph(&graph)
            .map_err(|e| self.storage(e))?
        {
            return Ok(false);
        }
        transaction
            .remove_named_graph(&graph)
            .map_err(|e| self.storage(e))?;
        transaction.commit().map_err(|e| self.storage(e))?;
        Ok(true)
    }

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize, StoreError> {
        self.store.len().map_err(|e| self.storage(e))
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }

    /// The ids of the stored articles.
    pub fn documents(&self) -> Result<Vec<String>, StoreError> {
        let prefix = format!("{}doc/", ns::RESOURCE);
        let mut ids = Vec::new();
        for graph in self.store.named_graphs() {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(n) =
                graph.map_err(|e| self.storage(e))?
            {
                if let Some(id) = n.as_str().strip_prefix(&prefix) {
                    ids.push(id.to_owned());
                }
            }
        }
        Ok(ids)
    }

    /// Runs a SPARQL query; the newskg prefixes (`nk:`, `schema:`, `nif:` ...) are predeclared.
    /// Queries see the union of all article graphs as their default graph.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, StoreError> {
        self.query_with(sparql, &QueryOptions::default())
    }

    /// [`KgStore::query`] with a time limit and, if allowed, `SERVICE` calls over HTTP.
    /// A query stopped by its timeout (including reading its results) ends with an
    /// error that [`StoreError::from_query`] turns into [`StoreError::Timeout`].
    pub fn query_with(
        &self,
        sparql: &str,
        options: &QueryOptions,
    ) -> Result<QueryResults<'static>, StoreError> {
        let timeout = options.timeout;
        let mut evaluator = SparqlEvaluator::new();
        if let Some(timeout) = timeout {
            let token = CancellationToken::new();
            evaluator = evaluator.with_cancellation_token(token.clone());
            std::thread::spawn(move || {
                std::thread::sleep(timeout);
                token.cancel();
            });
        }
        evaluator = if options.allow_service {
            let per_call = timeout.unwrap_or(SERVICE_TIMEOUT).min(SERVICE_TIMEOUT);
            evaluator.with_default_service_handler(crate::online::HttpServiceHandler::new(per_call))
        } else {
            evaluator.with_default_service_handler(crate::online::RefuseService)
        };
        let mut parser = spargebra::SparqlParser::new();
        for (prefix, namespace) in ns::PREFIXES {
            parser = parser
                .with_prefix(*prefix, *namespace)
                .map_err(|e| StoreError::BadGraph(e.to_string()))?;
        }
        let mut query = parser.parse_query(sparql)?;
        for (variable, term) in &options.bindings {
            write_bound_value(query_pattern(&mut query), variable, term);
        }
        let hidden = project_bound_variables(&mut query, &options.bindings);
        let mut prepared = evaluator.for_query(query);
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        for (variable, term) in &options.bindings {
            prepared = prepared.substitute_variable(variable.clone(), term.clone());
        }
        let results = prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| StoreError::from_query(e, timeout))?;
        Ok(without_columns(results, &hidden))
    }

    /// Writes the whole store, or one graph, in `format`. Triple formats (Turtle,
    /// N-Triples) get the union of the article graphs.
    pub fn export(
        &self,
        format: RdfFormat,
        graph: Option<&str>,
        out: impl Write,
    ) -> Result<(), StoreError> {
        let graph = match graph {
            Some(g) => Some(NamedNode::new(g).map_err(|_| StoreError::BadGraph(g.to_owned()))?),
            None => None,
        };
        let mut serializer = serializer_for(format).for_writer(out);
        let graph_ref = graph.as_ref().map(|g| GraphNameRef::NamedNode(g.as_ref()));
        for quad in self.store.quads_for_pattern(None, None, None, graph_ref) {
            let quad = quad.map_err(|e| self.storage(e))?;
            if format.supports_datasets() {
                serializer.serialize_quad(&quad)?;
            } else {
                serializer.serialize_triple(quad.as_ref())?;
            }
        }
        serializer.finish()?;
        Ok(())
    }

    /// Recomputes the links between people named in several articles and between the
    /// events several articles report (see [`crate::identity`]) from everything stored,
    /// and writes them as `owl:sameAs` in the graph [`IDENTITY_GRAPH`], replaced in one
    /// transaction. Returns the number of links.
    pub fn resolve_identities(&self) -> Result<usize, StoreError> {
        let person = format!("{}Person", ns::SCHEMA);
        let query =
            format!("SELECT ?e ?v WHERE {{ GRAPH ?g {{ ?e a <{person}> ; nk:nameVariant ?v }} }}");
        let mut variants: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        if let QueryResults::Solutions(rows) = self.query(&query)? {
            for row in rows {
                let row = row?;
                if let (Some(Term::NamedNode(e)), Some(Term::Literal(v))) =
                    (row.get("e"), row.get("v"))
                {
                    let list = variants.entry(e.as_str().to_owned()).or_default();
                    if !list.iter().any(|x| x == v.value()) {
                        list.push(v.value().to_owned());
                    }
                }
            }
        }
        let entities: Vec<NamedEntity> = variants
            .into_iter()
            .map(|(iri, variants)| NamedEntity {
                iri,
                type_iri: person.clone(),
                variants,
            })
            .collect();
        let mut links = identity::links(&entities, &person);
        links.extend(identity::event_links(&self.dated_events()?));
        let graph = NamedNode::new_unchecked(IDENTITY_GRAPH);
        let same_as = NamedNode::new_unchecked(format!("{}sameAs", ns::OWL));
        let mut transaction = self
            .store
            .start_transaction()
            .map_err(|e| self.storage(e))?;
        transaction
            .remove_named_graph(&graph)
            .map_err(|e| self.storage(e))?;
        transaction.insert_named_graph(&graph);
        for (short, full) in &links {
            let (short, full) = (
                NamedNode::new_unchecked(short),
                NamedNode::new_unchecked(full),
            );
            for (s, o) in [(&short, &full), (&full, &short)] {
                transaction.insert(QuadRef::new(s, &same_as, o, &graph));
            }
        }
        transaction.commit().map_err(|e| self.storage(e))?;
        Ok(links.len())
    }

    /// Every stored event with a date and a place, for [`identity::event_links`].
    fn dated_events(&self) -> Result<Vec<identity::DatedEvent>, StoreError> {
        let query = "SELECT DISTINCT ?e ?g ?l ?d ?p WHERE { GRAPH ?g { ?e a schema:Event ; \
                     rdfs:label ?l ; schema:startDate ?d ; nk:locatedIn ?p } }";
        let mut events = Vec::new();
        if let QueryResults::Solutions(rows) = self.query(query)? {
            for row in rows {
                let row = row?;
                if let (
                    Some(Term::NamedNode(e)),
                    Some(Term::NamedNode(g)),
                    Some(Term::Literal(l)),
                    Some(Term::Literal(d)),
                    Some(Term::NamedNode(p)),
                ) = (
                    row.get("e"),
                    row.get("g"),
                    row.get("l"),
                    row.get("d"),
                    row.get("p"),
                ) {
                    events.push(identity::DatedEvent {
                        iri: e.as_str().to_owned(),
                        article: g.as_str().to_owned(),
                        label: l.value().to_owned(),
                        date: d.value().to_owned(),
                        place: p.as_str().to_owned(),
                    });
                }
            }
        }
        Ok(events)
    }

    /// Writes everything committed to the store's table files. Writers call it before they
    /// close, so that no committed article lives only in the write-ahead log, where a
    /// read-only reader opening next to the next writer could miss it.
    pub fn flush(&self) -> Result<(), StoreError> {
        self.unflushed.store(0, Ordering::Relaxed);
        self.store.flush().map_err(|e| self.storage(e))
    }

    /// The underlying Oxigraph store, for callers that need its full API.
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }
}

/// A serializer with the newskg prefixes declared.
pub fn serializer_for(format: RdfFormat) -> RdfSerializer {
    let mut serializer = RdfSerializer::from_format(format);
    // Mention, sentence and fact IRIs ("doc/ID#char=3,9") would need escapes as prefixed
    // names: they are written in full.
    for (prefix, namespace) in ns::PREFIXES.iter().filter(|(p, _)| *p != "doc") {
        serializer = match serializer.clone().with_prefix(*prefix, *namespace) {
            Ok(s) => s,
            Err(_) => serializer,
        };
    }
    serializer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_read_terms_and_plain_text() {
        let (v, t) = parse_binding("speaker=Mira Okafor").expect("plain text");
        assert_eq!(
            (v.as_str(), t),
            ("speaker", Literal::new_simple_literal("Mira Okafor").into())
        );
        let (v, t) = parse_binding("?article=<https://w3id.org/newskg/doc/a1>").expect("IRI");
        assert_eq!(v.as_str(), "article");
        assert_eq!(
            t,
            NamedNode::new_unchecked("https://w3id.org/newskg/doc/a1").into()
        );
        let (_, t) = parse_binding("name=\"Zürich\"@de").expect("tagged literal");
        assert_eq!(t.to_string(), "\"Zürich\"@de");
        for bad in ["speaker", "two words=x", "x=<not an iri", "x=_:b0"] {
            let err = parse_binding(bad).expect_err(bad).to_string();
            assert!(err.starts_with(&format!("--bind {bad}: ")), "{err}");
        }
    }
}
