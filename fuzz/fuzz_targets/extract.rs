//! The whole extraction on any bytes a user might feed it: decoding refuses or repairs,
//! and every mention, quotation and relation of a decoded text slices it; the RDF mapping
//! takes every result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newskg::document::{decode, Document, ReadOptions};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let options = ReadOptions {
        lossy: true,
        ..ReadOptions::default()
    };
    let Ok(text) = decode(Path::new("fuzz.txt"), bytes.to_vec(), options) else {
        return;
    };
    let processed = newskg::process(
        Document::new("fuzz", "fuzz", text),
        newskg::Models::shipped(),
    );
    let text = &processed.document.text;
    let ex = &processed.extraction;
    for span in ex.spans() {
        assert!(text.get(span.start..span.end).is_some(), "{span:?}");
    }
    for m in &ex.mentions {
        assert!(m.entity < ex.entities.len());
    }
    let _ = newskg::rdf::to_quads(&processed);
});
