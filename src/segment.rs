//! Segmentation: splits a document's text into paragraphs with their zone (headline, body,
//! caption, "RELATED:" line, promo, reader comment ...), sentences and tokens. Every piece
//! is a [`Span`] into the verbatim text.

use crate::document::parse_header;
use crate::span::Span;
use regex::Regex;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

/// What part of a news page a paragraph is; only `Body`, `Headline` and `Caption` speak
/// in the article's own voice, and only `Body` and `Headline` feed relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Zone {
    /// The ` date YYYY-MM-DD ` marker.
    Header,
    /// A section label such as "World".
    Section,
    Headline,
    Byline,
    Body,
    Caption,
    Related,
    Promo,
    Comment,
}

impl Zone {
    pub fn name(self) -> &'static str {
        match self {
            Zone::Header => "header",
            Zone::Section => "section",
            Zone::Headline => "headline",
            Zone::Byline => "byline",
            Zone::Body => "body",
            Zone::Caption => "caption",
            Zone::Related => "related",
            Zone::Promo => "promo",
            Zone::Comment => "comment",
        }
    }

    /// Whether the words in this zone are the article's own reporting.
    pub fn is_article_voice(self) -> bool {
        matches!(self, Zone::Headline | Zone::Body | Zone::Caption)
    }

    /// Whether facts are read from this zone: the article's own reporting, and reader
    /// comments, whose facts are the commenter's claims (they get no plain triple).
    pub fn states_facts(self) -> bool {
        self.is_article_voice() || self == Zone::Comment
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    pub zone: Zone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub span: Span,
    pub zone: Zone,
    pub paragraph: usize,
    /// Indexes into [`Segmented::tokens`].
    pub tokens: Range<usize>,
}

/// A document split into paragraphs, sentences and tokens.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Segmented {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl Segmented {
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        &self.tokens[self.sentences[sentence].tokens.clone()]
    }

    /// The first and last token (indexes within the sentence) that a span covers.
    pub fn token_bounds(&self, sentence: usize, span: Span) -> (usize, usize) {
        let tokens = self.sentence_tokens(sentence);
        let first = tokens
            .iter()
            .position(|t| t.span.start >= span.start)
            .unwrap_or(0);
        let last = tokens
            .iter()
            .rposition(|t| t.span.end <= span.end)
            .unwrap_or(first);
        (first, last.max(first))
    }

    /// The sentence holding a byte offset.
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= byte);
        (i < self.sentences.len() && self.sentences[i].span.start <= byte).then_some(i)
    }
}

static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:related|read more|see also|more on this|watch|listen)\s*:")
        .expect("valid regex")
});
static PROMO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(sign up|subscribe|newsletter|your inbox|follow us|download (our|the) app|click here|all rights reserved)\b")
        .expect("valid regex")
});
/// A credit in brackets closing the line: "(Jane Roe/AP)", "(Photo: Reuters)".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\([^()]*(/|photo|images|illustration|reuters|getty|afp|\bap\b|file)[^()]*\)\s*$",
    )
    .expect("valid regex")
});
/// A label opening the line: "Photo:", "Pictured:".
static CAPTION_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(photo|image|pictured|image copyright|file photo)\s*:").expect("valid regex")
});
static COMMENTS_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d+\s+(repl(y|ies)|comments?|responses?)|leave a (reply|comment)|comments|reader comments|join the discussion|add a comment)\s*:?$")
        .expect("valid regex")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(By\s+\p{Lu}[\p{L}.'’ -]{1,60}(,\s*\p{Lu}[\p{L} ]{1,40})?|\p{Lu}[\p{L}.'’-]+( \p{Lu}[\p{L}.'’-]+){0,3}\s*,)$",
    )
    .expect("valid regex")
});

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "cpl", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "etc", "mt", "ft", "rev", "hon", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "calif", "fla", "ariz", "mass",
    "penn", "wash", "ore", "colo", "conn", "okla", "tenn", "va", "ga", "ala", "ill", "mich",
    "minn", "wis", "md", "pa", "ky", "la", "e.g", "i.e", "approx", "dept", "est", "fig", "mme",
    "mlle",
];

/// Splits a text into paragraphs, sentences and tokens.
pub fn segment(text: &str) -> Segmented {
    let mut out = Segmented::default();
    let header = parse_header(text);
    let body_from = header.date.map_or(0, |(_, span)| {
        out.paragraphs.push(Paragraph {
            span,
            zone: Zone::Header,
        });
        span.end
    });
    let mut in_comments = false;
    let mut seen_body = false;
    let mut line_start = body_from;
    // Long lines seen so far, by their first 40 bytes: a repeated one is a caption.
    let mut seen_lines: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let span = Span::new(line_start, line_end).trim(text);
        line_start = line_end + 1;
        if span.is_empty() {
            continue;
        }
        let line = span.slice(text);
        let zone = classify(
            line,
            &mut in_comments,
            seen_body,
            header.title == Some(span),
            &seen_lines,
        );
        if zone == Zone::Body {
            seen_body = true;
        }
        if let Some(prefix) = long_line_prefix(line) {
            seen_lines.entry(prefix).or_default().push(line);
        }
        let paragraph = out.paragraphs.len();
        out.paragraphs.push(Paragraph { span, zone });
        split_sentences(text, span, zone, paragraph, &mut out);
    }
    out
}

/// The first 40 bytes (at a char boundary) of a line longer than that.
fn long_line_prefix(line: &str) -> Option<&str> {
    if line.len() <= 40 {
        return None;
    }
    let mut end = 40;
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    Some(&line[..end])
}

fn classify(
    line: &str,
    in_comments: &mut bool,
    seen_body: bool,
    is_title: bool,
    seen: &FxHashMap<&str, Vec<&str>>,
) -> Zone {
    let words = line.split_whitespace().count();
    // The cheap tests first: most lines are long and end in a full stop.
    if line.len() <= 64 && COMMENTS_START.is_match(line) {
        *in_comments = true;
    }
    if *in_comments {
        return Zone::Comment;
    }
    if RELATED.is_match(line) {
        return Zone::Related;
    }
    if words <= 60 && PROMO.is_match(line) {
        return Zone::Promo;
    }
    if (line.trim_end().ends_with(')') && CAPTION_CREDIT.is_match(line))
        || CAPTION_LABEL.is_match(line)
        || long_line_prefix(line)
            .and_then(|prefix| seen.get(prefix))
            .is_some_and(|lines| {
                lines
                    .iter()
                    .any(|s| s.starts_with(line) || line.starts_with(s))
            })
    {
        return Zone::Caption;
    }
    if is_title {
        return Zone::Headline;
    }
    if !seen_body {
        // "By Jo Roe", "Jo Roe,", "By Jo Roe, Health Reporter".
        if (words <= 4 || words <= 8 && line.starts_with("By ")) && BYLINE.is_match(line) {
            return Zone::Byline;
        }
        if words == 1 {
            return Zone::Section;
        }
        if words <= 25 && !line.ends_with(['.', '?', '!', '”', '"', ':']) {
            return Zone::Headline;
        }
    }
    Zone::Body
}

fn split_sentences(
    text: &str,
    paragraph_span: Span,
    zone: Zone,
    paragraph: usize,
    out: &mut Segmented,
) {
    let first = out.tokens.len();
    tokenize(text, paragraph_span, &mut out.tokens);
    let tokens = &out.tokens[first..];
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].span.slice(text);
        let mut end_here = false;
        if matches!(t, "." | "!" | "?")
            || (t.ends_with('.')
                && t.len() > 1
                && is_final_dot_word(t)
                && tokens[i].kind == TokenKind::Word)
        {
            // Swallow closing quotes and brackets after the terminator. A straight quote
            // closes when it touches what it follows; after a space it opens the next
            // sentence ('... in Leeds. "We never saw ...').
            let mut j = i + 1;
            while j < tokens.len()
                && match tokens[j].span.slice(text) {
                    "”" | "’" | ")" | "]" => true,
                    "\"" | "'" => tokens[j].span.start == tokens[j - 1].span.end,
                    _ => false,
                }
            {
                j += 1;
            }
            let next = tokens.get(j).map(|t| t.span.slice(text));
            let abbreviation = t == "." && i > 0 && is_abbreviation(tokens[i - 1].span.slice(text));
            let starts_new = next.is_none_or(|n| {
                n.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_numeric() || matches!(c, '“' | '"' | '‘' | '(')
                })
            });
            // "the U.S. Senate", "U.S. Department of Agriculture": the name goes on.
            let name_goes_on = t != "." && next.is_some_and(|n| NAME_AFTER_ACRONYM.contains(&n));
            let starts_new = starts_new && !name_goes_on;
            if !abbreviation && starts_new {
                end_here = true;
                i = j - 1;
            }
        }
        if end_here || i + 1 == tokens.len() {
            let span = Span::new(tokens[start].span.start, tokens[i].span.end);
            out.sentences.push(Sentence {
                span,
                zone,
                paragraph,
                tokens: first + start..first + i + 1,
            });
            start = i + 1;
        }
        i += 1;
    }
}

/// Words that continue a name after a dotted acronym ("U.S. Senate") rather than open a
/// sentence after it.
const NAME_AFTER_ACRONYM: &[&str] = &[
    "Department",
    "Circuit",
    "District",
    "Chamber",
    "Securities",
    "Environmental",
    "Centers",
    "Fish",
    "Patent",
    "Park",
    "Space",
    "Cyber",
    "Southern",
    "Northern",
    "Naval",
    "Military",
    "Capitol",
    "Conference",
    "Steel",
    "Open",
    "Soccer",
    "Holocaust",
    "Senate",
    "House",
    "Army",
    "Navy",
    "Air",
    "Marine",
    "Marines",
    "Congress",
    "President",
    "Secretary",
    "Attorney",
    "Ambassador",
    "Embassy",
    "Court",
    "Supreme",
    "Government",
    "Treasury",
    "Justice",
    "Defense",
    "Defence",
    "Forces",
    "Coast",
    "Census",
    "Geological",
    "Postal",
    "Border",
    "Customs",
    "Immigration",
    "Olympic",
    "Federal",
    "National",
    "Central",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Congressman",
    "Congresswoman",
    "General",
    "Gen",
    "Consulate",
    "Mission",
    "Agency",
    "Bureau",
    "Office",
    "Open",
    "Steel",
    "Bank",
    "Ministry",
    "Parliament",
    "Prime",
    "Foreign",
    "Home",
    "Cabinet",
    "Chamber",
    "Council",
    "Commission",
    "Institute",
    "Patent",
    "Trade",
    "Space",
    "Forest",
    "Fish",
    "Capitol",
    "Mint",
];

/// "U.S." at the end of a sentence keeps its dot in the token; such a word ends a sentence
/// only when the next word starts one, which the caller checks.
fn is_final_dot_word(word: &str) -> bool {
    word.len() > 3 && word.matches('.').count() >= 2
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Appends the tokens of `span` to `out`: words (with inner hyphens, apostrophes and the
/// dots of abbreviations such as "U.S."), numbers (with inner `,` and `.`), and single
/// punctuation marks. A possessive `'s` is a token of its own.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = span.slice(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let numeric_start = c.is_ascii_digit();
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                // "attackerJon Dale": a space lost in copy between a lower-case word and a
                // capitalised one (not "iPhone", "eBay", "deGrasse" or "macOS").
                let glued = c.is_uppercase()
                    && j - i >= 3
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_lowercase())
                    && chars[i..j].iter().all(|&(_, c)| c.is_lowercase());
                if c.is_alphanumeric() && !glued {
                    j += 1;
                    continue;
                }
                if glued {
                    break;
                }
                let next = chars.get(j + 1).map(|&(_, n)| n);
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                match c {
                    '-' | '&'
                        if next_alnum
                            && (!numeric_start || next.is_some_and(char::is_alphabetic)) =>
                    {
                        j += 1
                    }
                    ',' | '.' if numeric_start && next.is_some_and(|n| n.is_ascii_digit()) => {
                        j += 1
                    }
                    '\'' | '’' if next_alnum => {
                        let after = chars.get(j + 2).map(|&(_, n)| n);
                        let possessive = matches!(next, Some('s' | 'S'))
                            && !after.is_some_and(char::is_alphanumeric);
                        let contraction = matches!(next, Some('t' | 'T'))
                            && j > 0
                            && matches!(chars[j - 1].1, 'n' | 'N');
                        if possessive || contraction {
                            break;
                        }
                        j += 1;
                    }
                    '.' if !numeric_start => {
                        // Abbreviations with single letters between dots: U.S., U.K., e.g.
                        let letters_since_dot = chars[i..j]
                            .iter()
                            .rev()
                            .take_while(|&&(_, c)| c != '.')
                            .count();
                        if letters_since_dot == 1
                            && (next_alnum && chars.get(j + 2).is_none_or(|&(_, c)| c == '.')
                                || chars[i..j].iter().any(|&(_, c)| c == '.'))
                        {
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            // A possessive or a contraction: `'s` / `n't` as a token of its own.
            let end = chars.get(j).map_or(s.len(), |&(b, _)| b);
            let word = &s[at..end];
            let kind = if word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            if word.len() > 1
                && (word.ends_with('n') || word.ends_with('N'))
                && chars.get(j).is_some_and(|&(_, c)| c == '\'' || c == '’')
                && chars.get(j + 1).is_some_and(|&(_, c)| c == 't' || c == 'T')
            {
                let n = end - 1;
                out.push(Token {
                    span: Span::new(span.start + at, span.start + n),
                    kind,
                });
                let apos_len = chars[j].1.len_utf8();
                out.push(Token {
                    span: Span::new(span.start + n, span.start + end + apos_len + 1),
                    kind: TokenKind::Word,
                });
                i = j + 2;
                continue;
            }
            out.push(Token {
                span: Span::new(span.start + at, span.start + end),
                kind,
            });
            i = j;
            if matches!(chars.get(j).map(|&(_, c)| c), Some('\'' | '’'))
                && matches!(chars.get(j + 1).map(|&(_, c)| c), Some('s' | 'S'))
                && !chars.get(j + 2).is_some_and(|&(_, c)| c.is_alphanumeric())
            {
                let b = chars[j].0;
                let e = chars[j + 1].0 + 1;
                out.push(Token {
                    span: Span::new(span.start + b, span.start + e),
                    kind: TokenKind::Word,
                });
                i = j + 2;
            }
            continue;
        }
        let end = at + c.len_utf8();
        out.push(Token {
            span: Span::new(span.start + at, span.start + end),
            kind: TokenKind::Punct,
        });
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        tokens.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn words_glued_by_a_lost_space_come_apart() {
        assert_eq!(
            words("sent by the bridge attackerJon Dale, police said"),
            ["sent", "by", "the", "bridge", "attacker", "Jon", "Dale", ",", "police", "said"]
        );
        assert_eq!(
            words("an iPhone, eBay, macOS and Neil deGrasse Tyson"),
            ["an", "iPhone", ",", "eBay", ",", "macOS", "and", "Neil", "deGrasse", "Tyson"]
        );
    }

    #[test]
    fn tokens_keep_offsets_into_the_text() {
        let text = "Zoë’s U.S.-based firm didn't pay 3,807.5 “now”.";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        for t in &tokens {
            assert_eq!(&text[t.span.start..t.span.end], t.span.slice(text));
            assert!(!t.span.slice(text).trim().is_empty());
        }
        assert_eq!(
            words(text),
            [
                "Zoë",
                "’s",
                "U.S.-based",
                "firm",
                "did",
                "n't",
                "pay",
                "3,807.5",
                "“",
                "now",
                "”",
                "."
            ]
        );
    }

    #[test]
    fn ages_and_ranges() {
        assert_eq!(
            words("a 58-year-old man, 2015-16"),
            ["a", "58-year-old", "man", ",", "2015", "-", "16"]
        );
    }

    /// The text of each sentence `segment` finds.
    fn sentence_texts(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let text =
            "Mr. Smith went to Washington. He said “no.” Then it ended in the U.S.\nNext line";
        assert_eq!(
            sentence_texts(text),
            [
                "Mr. Smith went to Washington.",
                "He said “no.”",
                "Then it ended in the U.S.",
                "Next line"
            ]
        );
        let text = "He said \"no.\" Then she went. \"We stay,\" she said.";
        assert_eq!(
            sentence_texts(text),
            [
                "He said \"no.\"",
                "Then she went.",
                "\"We stay,\" she said."
            ]
        );
    }

    #[test]
    fn a_name_goes_on_after_a_dotted_acronym() {
        let text = "The U.S. Department of Agriculture met the U.S. Senate. He moved to the U.S. Then it ended. He will appeal to the 1st U.S. Circuit Court of Appeals.";
        assert_eq!(
            sentence_texts(text),
            [
                "The U.S. Department of Agriculture met the U.S. Senate.",
                "He moved to the U.S.",
                "Then it ended.",
                "He will appeal to the 1st U.S. Circuit Court of Appeals."
            ]
        );
    }

    #[test]
    fn zones_for_page_furniture() {
        let text = " date 2020-01-01 Storm hits the coast town.\n\nRELATED: Another story\n\nThe harbour flooded (Jane Roe/AP Photo)\n\nSign up for our newsletter.\n\n2 comments\n\nI disagree.";
        let seg = segment(text);
        let zones: Vec<Zone> = seg.paragraphs.iter().map(|p| p.zone).collect();
        assert_eq!(
            zones,
            [
                Zone::Header,
                Zone::Body,
                Zone::Related,
                Zone::Caption,
                Zone::Promo,
                Zone::Comment,
                Zone::Comment
            ]
        );
        assert_eq!(
            seg.sentence_at(text.find("flooded").unwrap())
                .map(|i| seg.sentences[i].zone),
            Some(Zone::Caption)
        );
    }
}
