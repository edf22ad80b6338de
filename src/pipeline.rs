//! The one path every command takes: a [`Document`] is segmented, extracted and given its
//! code-point table once; `ingest`, `extract` and `annotate` all start from [`process`].

use crate::document::Document;
use crate::extract::{self, Extraction, Models};
use crate::segment::{self, Segmented};
use crate::span::CodePoints;

/// A document with everything newskg found in it.
#[derive(Debug, Clone)]
pub struct Processed {
    pub document: Document,
    pub segmented: Segmented,
    pub extraction: Extraction,
    pub code_points: CodePoints,
    /// See [`content_hash`]; computed once here.
    pub content_hash: String,
}

/// A hash of the input and the extractor version: equal hashes mean equal output, so an
/// unchanged article need not be written again.
fn content_hash(d: &Document, models: Models) -> String {
    let key = format!(
        "{}\u{0}{:x}\u{0}{:x}\u{0}{:x}\u{0}{}\u{0}{:?}\u{0}{:?}\u{0}{:?}\u{0}{}\u{0}{}",
        crate::EXTRACTOR,
        models.ner.id,
        models.kb.id,
        models.syntax.id,
        d.id,
        d.title,
        d.date.map(|x| x.to_string()),
        d.url,
        d.source,
        d.text
    );
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

/// Segments and extracts one document.
///
/// ```
/// use newskg::{document::Document, extract::Models};
///
/// let text = "Acme Group, which is owned by Halvorsen Holdings, said: “We will grow.”".to_owned();
/// let processed = newskg::process(Document::new("acme", "example", text), Models::shipped());
/// let ex = &processed.extraction;
/// assert_eq!(ex.relations[0].relation_type, newskg::extract::RelationType::OwnedBy);
/// let quote = &ex.quotes[0];
/// assert_eq!(quote.span.slice(&processed.document.text), "We will grow.");
/// let speaker = &ex.entities[ex.mentions[quote.speaker.unwrap()].entity];
/// assert_eq!(speaker.name, "Acme Group");
/// ```
pub fn process(document: Document, models: Models) -> Processed {
    let segmented = segment::segment(&document.text);
    let extraction = extract::extract(&document, &segmented, models);
    let code_points = CodePoints::new(&document.text);
    let content_hash = content_hash(&document, models);
    Processed {
        document,
        segmented,
        extraction,
        code_points,
        content_hash,
    }
}

/// With `--online`: asks Wikidata about the entities the local base left unlinked and
/// links those it can. A failed lookup is returned as a warning (the entity stays
/// unlinked) and the rest goes on. The content hash records that the article was linked
/// online, so switching `--online` on or off processes it again.
pub fn link_online(
    processed: &mut Processed,
    lookup: &crate::online::WikidataLookup,
    models: Models,
) -> Vec<crate::online::OnlineError> {
    let mut fetched = Vec::new();
    let mut failures = Vec::new();
    for name in crate::online::unlinked_names(&processed.extraction) {
        match lookup.search(&name) {
            Ok(entries) => fetched.extend(entries),
            Err(e) => failures.push(e),
        }
    }
    let fetched = crate::kb::Kb::from_entries(fetched);
    extract::link::resolve_unlinked(
        &processed.document.text,
        &mut processed.extraction,
        &[models.kb, &fetched],
    );
    let key = format!("{}\u{0}online", processed.content_hash);
    processed.content_hash = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()));
    failures
}

/// Processes an invented test text with the shipped models (unit tests of the stages).
#[cfg(test)]
pub(crate) fn process_text(text: &str) -> Processed {
    process(
        Document::new("test", "test", text.to_owned()),
        Models::shipped(),
    )
}
