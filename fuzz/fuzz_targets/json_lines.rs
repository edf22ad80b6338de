//! The JSON Lines reader on any bytes: each line gives an article or an error naming its
//! line; nothing panics, and articles have non-empty text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newskg::document::{read_json_lines, InputError, ReadOptions};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let lines = bytes.split(|&b| b == b'\n').count();
    let mut seen = 0;
    for lossy in [false, true] {
        let options = ReadOptions {
            lossy,
            ..ReadOptions::default()
        };
        read_json_lines(Path::new("fuzz.jsonl"), bytes, options, &mut |doc| {
            seen += 1;
            match doc {
                Ok(doc) => assert!(!doc.text.trim().is_empty()),
                Err(InputError::JsonLine { line, .. }) => assert!(line >= 1 && line <= lines),
                Err(_) => {}
            }
        });
    }
    assert!(seen <= 2 * lines);
});
