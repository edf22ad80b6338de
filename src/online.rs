//! The network, on request only. Nothing here runs unless a command is given `--online`
//! (Wikidata lookups for names the local knowledge base does not know) or
//! `--allow-service` (SPARQL `SERVICE` calls in `newskg query`).
//!
//! Every request goes through one [`HttpClient`]: a descriptive User-Agent, a timeout,
//! and a minimum interval between requests. Lookups are cached on disk, one small file
//! per name, so that a second run over the same articles asks nothing again, and
//! answers nothing found too.

use crate::extract::{EntityType, Extraction};
use crate::kb::{self, Kb, KbEntry};
use crate::wikidata::{self, ImportOptions};
use oxigraph::model::NamedNode;
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use oxigraph::sparql::{DefaultServiceHandler, QueryEvaluationError, QuerySolutionIter};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Who is asking, as Wikimedia's User-Agent policy wants it said.
pub const USER_AGENT: &str = concat!(
    "newskg/",
    env!("CARGO_PKG_VERSION"),
    " (news knowledge-graph exporter; https://w3id.org/newskg) ureq"
);

/// Wikidata's API, for `--online` lookups.
pub const WIKIDATA_API: &str = "https://www.wikidata.org/w/api.php";

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum OnlineError {
    #[error("{url}: {message}")]
    Http { url: String, message: String },
    #[error("{url}: unexpected answer: {message}")]
    Answer { url: String, message: String },
    #[error("{path}: cannot use the lookup cache: {source}")]
    Cache {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The HTTP client of every network use: timeouts, User-Agent, and at most one request
/// per `min_interval`.
pub struct HttpClient {
    agent: ureq::Agent,
    min_interval: Duration,
    last: Mutex<Option<Instant>>,
}

impl HttpClient {
    pub fn new(timeout: Duration, min_interval: Duration) -> Self {
        let agent = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .timeout_global(Some(timeout))
            .max_redirects(3)
            .http_status_as_error(false)
            .build()
            .into();
        HttpClient {
            agent,
            min_interval,
            last: Mutex::new(None),
        }
    }

    /// Waits until the next request is allowed.
    fn pace(&self) {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = *last {
            let next = at + self.min_interval;
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
        *last = Some(Instant::now());
    }

    fn answer(
        url: &str,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<(String, Vec<u8>), OnlineError> {
        let http = |message: String| OnlineError::Http {
            url: url.to_owned(),
            message,
        };
        let mut response = response.map_err(|e| http(e.to_string()))?;
        let status = response.status();
        if !status.is_success() {
            return Err(http(format!("HTTP status {status}")));
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_vec()
            .map_err(|e| http(e.to_string()))?;
        Ok((content_type, body))
    }

    /// GET `url` with the query parameters; the body as text.
    pub fn get(&self, url: &str, params: &[(&str, &str)]) -> Result<String, OnlineError> {
        self.pace();
        let mut request = self.agent.get(url);
        for (k, v) in params {
            request = request.query(*k, *v);
        }
        let (_, body) = Self::answer(url, request.call())?;
        String::from_utf8(body).map_err(|e| OnlineError::Answer {
            url: url.to_owned(),
            message: e.to_string(),
        })
    }

    /// POSTs a SPARQL query to an endpoint; the answer's media type and body.
    pub fn post_query(
        &self,
        endpoint: &str,
        query: &str,
    ) -> Result<(String, Vec<u8>), OnlineError> {
        self.pace();
        let response = self
            .agent
            .post(endpoint)
            .header(
                "Accept",
                "application/sparql-results+json, application/sparql-results+xml;q=0.9",
            )
            .content_type("application/sparql-query")
            .send(query);
        Self::answer(endpoint, response)
    }
}

/// Answers SPARQL `SERVICE <endpoint> { ... }` by sending the inner pattern to the
/// endpoint over HTTP (used by `newskg query --allow-service`).
///
/// Oxigraph sends a SERVICE its pattern as written, without the values the rest of the
/// query has bound, so `?item wdt:P569 ?born` would ask for every birth date in
/// Wikidata. A query passes values along in the service IRI's fragment, which never
/// goes over the network: `SERVICE ?wikidata { ... }` with
/// `BIND(IRI(CONCAT("https://query.wikidata.org/sparql#item=", STR(?item))) AS ?wikidata)`
/// sends `VALUES ?item { <...> }` with the pattern, one request per distinct item
/// (repeated requests are answered from memory).
pub struct HttpServiceHandler {
    client: HttpClient,
    answers: Mutex<std::collections::HashMap<ServiceRequest, ServiceAnswer>>,
}

impl HttpServiceHandler {
    pub fn new(timeout: Duration) -> Self {
        HttpServiceHandler {
            client: HttpClient::new(timeout, Duration::from_millis(100)),
            answers: Mutex::default(),
        }
    }
}

/// (endpoint, query text)
type ServiceRequest = (String, String);
/// (media type, body)
type ServiceAnswer = (String, Vec<u8>);

/// Splits `endpoint#var=IRI&var2=IRI2` into the endpoint and a VALUES pattern binding
/// the variables; an IRI without a fragment binds nothing.
fn bound_values(service: &str) -> Result<(&str, Option<spargebra::algebra::GraphPattern>), String> {
    let Some((endpoint, fragment)) = service.split_once('#') else {
        return Ok((service, None));
    };
    let mut variables = Vec::new();
    let mut row = Vec::new();
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("{service}: the fragment binds variables as name=IRI"))?;
        let variable = oxigraph::sparql::Variable::new(name)
            .map_err(|e| format!("{service}: {name:?} is not a variable name: {e}"))?;
        let iri = NamedNode::new(value)
            .map_err(|e| format!("{service}: {value:?} is not an IRI: {e}"))?;
        variables.push(variable);
        row.push(Some(spargebra::term::GroundTerm::NamedNode(iri)));
    }
    let values = (!variables.is_empty()).then(|| spargebra::algebra::GraphPattern::Values {
        variables,
        bindings: vec![row],
    });
    Ok((endpoint, values))
}

impl DefaultServiceHandler for HttpServiceHandler {
    type Error = QueryEvaluationError;

    fn handle(
        &self,
        service_name: &NamedNode,
        pattern: &spargebra::algebra::GraphPattern,
        base_iri: Option<&oxiri::Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, Self::Error> {
        let service = |message: String| QueryEvaluationError::Service(message.into());
        let (endpoint, bound) = bound_values(service_name.as_str()).map_err(service)?;
        let pattern = match bound {
            Some(values) => spargebra::algebra::GraphPattern::Join {
                left: Box::new(values),
                right: Box::new(pattern.clone()),
            },
            None => pattern.clone(),
        };
        let query = spargebra::Query::Select {
            dataset: None,
            pattern,
            base_iri: base_iri.cloned(),
        }
        .to_string();
        let cached = self
            .answers
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(endpoint.to_owned(), query.clone()))
            .cloned();
        let (content_type, body) = match cached {
            Some(answer) => answer,
            None => {
                let answer = self
                    .client
                    .post_query(endpoint, &query)
                    .map_err(|e| service(e.to_string()))?;
                self.answers
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert((endpoint.to_owned(), query), answer.clone());
                answer
            }
        };
        let media_type = content_type.split(';').next().unwrap_or("").trim();
        let format = QueryResultsFormat::from_media_type(media_type).ok_or_else(|| {
            service(format!(
                "{service_name} answered with {content_type:?}, not SPARQL results"
            ))
        })?;
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(std::io::Cursor::new(body))
            .map_err(|e| service(format!("{service_name}: {e}")))?;
        let ReaderQueryResultsParserOutput::Solutions(solutions) = parsed else {
            return Err(service(format!("{service_name} answered a boolean")));
        };
        let variables = solutions.variables().into();
        let name = service_name.to_string();
        Ok(QuerySolutionIter::new(
            variables,
            solutions.map(move |s| s.map_err(|e| service(format!("{name}: {e}")))),
        ))
    }
}

/// Refuses every SERVICE call, saying how to allow them: queries stay off the network
/// unless `--allow-service` is given.
pub struct RefuseService;

impl DefaultServiceHandler for RefuseService {
    type Error = QueryEvaluationError;

    fn handle(
        &self,
        service_name: &NamedNode,
        _: &spargebra::algebra::GraphPattern,
        _: Option<&oxiri::Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, Self::Error> {
        Err(QueryEvaluationError::Service(
            format!(
                "SERVICE {service_name} was not called: queries use the network only with --allow-service"
            )
            .into(),
        ))
    }
}

/// Wikidata lookups by name, cached on disk.
pub struct WikidataLookup {
    client: HttpClient,
    api: String,
    cache: PathBuf,
    options: ImportOptions,
}

/// How many search hits are fetched per name.
const SEARCH_LIMIT: &str = "5";

impl WikidataLookup {
    /// `api` is Wikidata's `api.php` (or a server speaking its `wbsearchentities` and
    /// `wbgetentities`); `cache` is created if needed.
    pub fn new(api: &str, cache: &Path, timeout: Duration) -> Result<Self, OnlineError> {
        std::fs::create_dir_all(cache).map_err(|source| OnlineError::Cache {
            path: cache.to_owned(),
            source,
        })?;
        Ok(WikidataLookup {
            // Wikimedia asks for serial requests; five a second stays well inside that.
            client: HttpClient::new(timeout, Duration::from_millis(200)),
            api: api.to_owned(),
            cache: cache.to_owned(),
            options: ImportOptions {
                min_sitelinks: 0,
                ..ImportOptions::default()
            },
        })
    }

    /// The items Wikidata finds for `name` (English label or alias), typed through the
    /// default classes; from the cache when it was asked before.
    pub fn search(&self, name: &str) -> Result<Vec<KbEntry>, OnlineError> {
        let key = xxhash_rust::xxh3::xxh3_64(format!("{}\u{0}{name}", self.api).as_bytes());
        let path = self.cache.join(format!("{key:016x}.tsv"));
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Ok(Kb::parse(&text).entries);
        }
        let answer = |message: String| OnlineError::Answer {
            url: self.api.clone(),
            message,
        };
        let found = self.client.get(
            &self.api,
            &[
                ("action", "wbsearchentities"),
                ("search", name),
                ("language", "en"),
                ("type", "item"),
                ("limit", SEARCH_LIMIT),
                ("format", "json"),
            ],
        )?;
        let found: serde_json::Value =
            serde_json::from_str(&found).map_err(|e| answer(e.to_string()))?;
        let ids: Vec<String> = found
            .get("search")
            .and_then(|s| s.as_array())
            .into_iter()
            .flatten()
            .filter_map(|hit| hit.get("id")?.as_str().map(str::to_owned))
            .collect();
        let entries = if ids.is_empty() {
            Vec::new()
        } else {
            let items = self.client.get(
                &self.api,
                &[
                    ("action", "wbgetentities"),
                    ("ids", &ids.join("|")),
                    ("props", "labels|aliases|claims|sitelinks"),
                    ("languages", "en"),
                    ("format", "json"),
                ],
            )?;
            wikidata::entries_from_api(&items, &ids, &self.options)
                .map_err(|e| answer(e.to_string()))?
        };
        // Written whole and renamed, so a killed run never leaves half an answer.
        let mut tsv = Vec::new();
        let built = kb::Built {
            entries: entries.clone(),
            ..kb::Built::default()
        };
        let cache_error = |source| OnlineError::Cache {
            path: path.clone(),
            source,
        };
        kb::write_tsv(&built, &mut tsv).map_err(cache_error)?;
        let partial = path.with_extension("partial");
        std::fs::write(&partial, tsv)
            .and_then(|()| std::fs::rename(&partial, &path))
            .map_err(cache_error)?;
        Ok(entries)
    }
}

/// Names worth asking Wikidata about: the fullest name of each entity that the local
/// base left unlinked (people by their full name only).
pub fn unlinked_names(ex: &Extraction) -> Vec<String> {
    let mut names: Vec<String> = ex
        .entities
        .iter()
        .filter(|e| e.link.is_none() && !e.variants.is_empty())
        .filter(|e| e.entity_type != EntityType::Person || e.name.contains(' '))
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}
