//! Segmentation of any text: every paragraph, sentence and token slices the text at
//! character boundaries, in order, and sentences index their own tokens.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let seg = newskg::segment::segment(text);
    for p in &seg.paragraphs {
        assert!(text.get(p.span.start..p.span.end).is_some());
    }
    let mut end = 0;
    for t in &seg.tokens {
        assert!(text.get(t.span.start..t.span.end).is_some());
        assert!(t.span.start >= end, "tokens overlap or go backwards");
        end = t.span.end;
    }
    for (i, s) in seg.sentences.iter().enumerate() {
        assert!(text.get(s.span.start..s.span.end).is_some());
        for t in seg.sentence_tokens(i) {
            assert!(s.span.start <= t.span.start && t.span.end <= s.span.end);
        }
    }
});
