//! newskg: news articles in, a knowledge graph with provenance out.
//!
//! Data flows one way: [`document::Document`] -> [`segment::Segmented`] ->
//! [`extract::Extraction`] -> RDF quads ([`rdf`]) -> [`store::KgStore`], a serializer, or
//! BRAT ([`brat`]). [`pipeline::process`] runs the first three stages for every command.

pub mod brat;
pub mod date;
pub mod document;
pub mod eval;
pub mod extract;
pub mod identity;
pub mod kb;
pub mod nquads;
pub mod online;
pub mod pipeline;
pub mod rdf;
pub mod segment;
pub mod span;
#[cfg(feature = "rocksdb")]
pub mod store;
pub mod syntax;
pub mod train;
pub mod wikidata;

pub use extract::Models;
pub use pipeline::{process, Processed};

/// Name and version of the extractor, recorded in every article graph.
pub const EXTRACTOR: &str = concat!("newskg ", env!("CARGO_PKG_VERSION"));
