//! Byte spans into a document's verbatim text, and the one-per-document table that turns
//! byte offsets into Unicode code-point offsets for output (BRAT, NIF).
//!
//! Every piece of extracted information points back into the original text with a
//! [`Span`]; the text itself is never rewritten.

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's text, always on `char`
/// boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers (empty when the span does not fit the text).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrinks the span so that it starts and ends on non-whitespace.
    pub fn trim(self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead + trail >= s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// Byte offset -> code-point offset, computed once per document.
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// `starts[i]` is the byte offset of the i-th char; a final entry holds the text length.
    starts: Vec<usize>,
}

impl CodePoints {
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// The code-point offset of a byte offset (a byte inside a char maps to that char).
    pub fn of(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The code-point range of a byte span.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.of(span.start), self.of(span.end))
    }

    /// The byte offset of a code-point offset (clamped to the text's end).
    pub fn byte_of(&self, code_point: usize) -> usize {
        let last = self.starts.len() - 1;
        self.starts[code_point.min(last)]
    }

    /// Number of code points in the text.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_chars_not_bytes() {
        let text = "“Ré” said Zoë.";
        let cps = CodePoints::new(text);
        let start = text.find("Zoë").unwrap();
        let span = Span::new(start, start + "Zoë".len());
        let (b, e) = cps.span(span);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[b..e].iter().collect::<String>(), "Zoë");
        assert_eq!(cps.byte_of(b), span.start);
        assert_eq!(cps.len(), chars.len());
    }

    #[test]
    fn trim_keeps_inner_text() {
        let text = "  a b  ";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.slice(text), "a b");
        assert!(Span::new(0, 2).trim(text).is_empty());
    }
}
