//! The BRAT writer on any text: every `T` line's code-point offsets cut out exactly the
//! text it quotes (line breaks written as spaces).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newskg::document::Document;

fuzz_target!(|text: &str| {
    if text.trim().is_empty() {
        return;
    }
    let processed = newskg::process(
        Document::new("fuzz", "fuzz", text.to_owned()),
        newskg::Models::shipped(),
    );
    let ann = newskg::brat::to_ann(&processed);
    let chars: Vec<char> = processed.document.text.chars().collect();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        assert_eq!(fields.len(), 3, "{line:?}");
        let mut parts = fields[1].split(' ').skip(1);
        let start: usize = parts.next().and_then(|s| s.parse().ok()).expect("start");
        let end: usize = parts.next().and_then(|s| s.parse().ok()).expect("end");
        assert!(start <= end && end <= chars.len(), "{line:?}");
        let covered: String = chars[start..end]
            .iter()
            .map(|&c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        assert_eq!(covered, fields[2], "{line:?}");
    }
});
