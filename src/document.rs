//! Articles as they enter newskg: a [`Document`] (id, source, metadata, verbatim text), and
//! the readers that make documents from text files, directories, JSON Lines and stdin.
//!
//! The text of a document is kept byte for byte as it was read; the metadata found in it
//! (a ` date 2017-03-27 ` header line, a headline) is recorded beside it, never cut out.

use crate::date::Date;
use crate::span::Span;
use serde::Deserialize;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The largest document accepted by default (bytes); `ReadOptions::max_bytes` lifts it.
pub const DEFAULT_MAX_BYTES: usize = 32 * 1024 * 1024;

/// One news article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the file stem, the JSON `id`, or a hash of the text.
    pub id: String,
    /// Where it came from: a file path, `stdin`, or `FILE:LINE` for JSON Lines.
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
    /// The article, verbatim.
    pub text: String,
}

/// What the first lines of a text say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Header {
    /// The publication date and the span of the ` date YYYY-MM-DD ` marker.
    pub date: Option<(Date, Span)>,
    /// The headline: a short first line followed by a blank line.
    pub title: Option<Span>,
}

/// Reads the publication-date marker and headline at the start of a text.
pub fn parse_header(text: &str) -> Header {
    let mut header = Header::default();
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    let mut rest_start = 0;
    if let Some(after) = trimmed.strip_prefix("date ") {
        let candidate = after.get(..10).unwrap_or("");
        if let Some(date) = Date::parse_iso(candidate) {
            let end = lead + "date ".len() + 10;
            let next = text[end..].chars().next();
            if next.is_none_or(char::is_whitespace) {
                let marker_end =
                    end + text[end..].len() - text[end..].trim_start_matches([' ', '\t']).len();
                header.date = Some((date, Span::new(lead, end)));
                rest_start = marker_end;
            }
        }
    }
    let rest = &text[rest_start..];
    let first_start = rest_start + (rest.len() - rest.trim_start().len());
    let first_line_end = text[first_start..]
        .find('\n')
        .map_or(text.len(), |i| first_start + i);
    let line = Span::new(first_start, first_line_end).trim(text);
    let followed_by_blank = text[first_line_end..].starts_with("\n\n")
        || text[first_line_end..].starts_with("\r\n\r\n");
    let line_text = line.slice(text);
    let words = line_text.split_whitespace().count();
    if followed_by_blank
        && (2..=25).contains(&words)
        && !line_text.ends_with(['.', ':', ',', ';'])
        && header.date.is_none_or(|(_, s)| s.end <= line.start)
    {
        header.title = Some(line);
    }
    header
}

impl Document {
    /// Makes a document from a text and fills date and title from its header where the
    /// caller gave none.
    pub fn new(id: impl Into<String>, source: impl Into<String>, text: String) -> Self {
        let header = parse_header(&text);
        Self {
            id: id.into(),
            source: source.into(),
            url: None,
            title: header.title.map(|s| s.slice(&text).to_owned()),
            date: header.date.map(|(d, _)| d),
            text,
        }
    }
}

/// Why an input could not be read; every variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); re-encode it as UTF-8")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), not an article")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: empty document (no text)")]
    Empty { path: PathBuf },
    #[error("{path}: {size} bytes is over the limit of {limit} bytes per document (raise it with --max-bytes)")]
    TooLarge {
        path: PathBuf,
        size: usize,
        limit: usize,
    },
    #[error("{path}:{line}: {message}")]
    JsonLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// Options for reading inputs.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    pub max_bytes: usize,
    /// Replace bytes that are not UTF-8 with U+FFFD instead of refusing the input; offsets
    /// then count in the repaired text.
    pub lossy: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            lossy: false,
        }
    }
}

/// Expands paths into the input files they stand for: a directory gives every `.txt`,
/// `.jsonl` and `.ndjson` file below it, sorted; `-` stands for stdin.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(path.clone()));
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found, &mut out);
            found.sort();
            out.extend(found.into_iter().map(Ok));
        } else if path.exists() {
            out.push(Ok(path.clone()));
        } else {
            out.push(Err(InputError::NotFound { path: path.clone() }));
        }
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, errors: &mut Vec<Result<PathBuf, InputError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(Err(InputError::Io {
                path: dir.to_owned(),
                source,
            }));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found, errors);
        } else if is_article_file(&path) {
            found.push(path);
        }
    }
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl" | "ndjson")
    )
}

fn is_json_lines(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// Checks raw bytes and turns them into text, or says why they are not an article.
pub fn decode(path: &Path, bytes: Vec<u8>, options: ReadOptions) -> Result<String, InputError> {
    if bytes.len() > options.max_bytes {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: bytes.len(),
            limit: options.max_bytes,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if options.lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            return Err(InputError::InvalidUtf8 {
                path: path.to_owned(),
                offset: e.utf8_error().valid_up_to(),
            })
        }
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

/// One line of a JSON Lines input.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    url: Option<String>,
    title: Option<String>,
    date: Option<String>,
    text: Option<String>,
}

/// Reads every document an input file holds, calling `each` with a document or an error,
/// in input order. JSON Lines are streamed line by line; a bad line is reported and the
/// rest are read.
pub fn read_path(
    path: &Path,
    options: ReadOptions,
    each: &mut dyn FnMut(Result<Document, InputError>),
) {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        let stdin_path = PathBuf::from("<stdin>");
        if let Err(source) = io::stdin()
            .lock()
            .take(options.max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
        {
            each(Err(InputError::Io {
                path: stdin_path,
                source,
            }));
            return;
        }
        if bytes.trim_ascii_start().starts_with(b"{") {
            read_json_lines(&stdin_path, BufReader::new(&bytes[..]), options, each);
        } else {
            each(
                decode(&stdin_path, bytes, options)
                    .map(|text| Document::new(text_id(&text), "stdin", text)),
            );
        }
        return;
    }
    if is_json_lines(path) {
        match fs::File::open(path) {
            Ok(file) => read_json_lines(path, BufReader::new(file), options, each),
            Err(source) => each(Err(InputError::Io {
                path: path.to_owned(),
                source,
            })),
        }
        return;
    }
    each(read_text_file(path, options));
}

/// Reads one text file as one document whose id is the file stem.
pub fn read_text_file(path: &Path, options: ReadOptions) -> Result<Document, InputError> {
    let meta = fs::metadata(path).map_err(|source| InputError::Io {
        path: path.to_owned(),
        source,
    })?;
    if meta.len() > options.max_bytes as u64 {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: meta.len() as usize,
            limit: options.max_bytes,
        });
    }
    let bytes = fs::read(path).map_err(|source| InputError::Io {
        path: path.to_owned(),
        source,
    })?;
    let text = decode(path, bytes, options)?;
    let id = path
        .file_stem()
        .and_then(|s| s.to_str())
        .map(sanitize_id)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| text_id(&text));
    Ok(Document::new(id, path.display().to_string(), text))
}

/// Reads JSON Lines articles (`{"id", "url", "title", "date", "text"}`) from `reader`,
/// one per line; each bad line is reported with `path` and its line number, and the rest
/// are read.
pub fn read_json_lines(
    path: &Path,
    reader: impl BufRead,
    options: ReadOptions,
    each: &mut dyn FnMut(Result<Document, InputError>),
) {
    let mut line_no = 0;
    let mut buf = Vec::new();
    let mut reader = reader;
    loop {
        buf.clear();
        line_no += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(source) => {
                each(Err(InputError::Io {
                    path: path.to_owned(),
                    source,
                }));
                break;
            }
        }
        if buf.trim_ascii().is_empty() {
            continue;
        }
        let bad = |message: String| InputError::JsonLine {
            path: path.to_owned(),
            line: line_no,
            message,
        };
        if buf.len() > options.max_bytes {
            each(Err(bad(format!(
                "line of {} bytes is over the limit of {} bytes (raise it with --max-bytes)",
                buf.len(),
                options.max_bytes
            ))));
            continue;
        }
        if options.lossy && std::str::from_utf8(&buf).is_err() {
            buf = String::from_utf8_lossy(&buf).into_owned().into_bytes();
        }
        let article: JsonArticle = match serde_json::from_slice(&buf) {
            Ok(article) => article,
            Err(e) => {
                each(Err(bad(format!("malformed JSON: {e}"))));
                continue;
            }
        };
        let Some(text) = article.text.filter(|t| !t.trim().is_empty()) else {
            each(Err(bad("no \"text\" (or an empty one)".to_owned())));
            continue;
        };
        let id = match article.id {
            Some(serde_json::Value::String(s)) => sanitize_id(&s),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let id = if id.is_empty() { text_id(&text) } else { id };
        let mut doc = Document::new(id, format!("{}:{}", path.display(), line_no), text);
        doc.url = article.url;
        if article.title.is_some() {
            doc.title = article.title;
        }
        if let Some(date) = article.date {
            let day = date.get(..10).unwrap_or(&date);
            match Date::parse_iso(day) {
                Some(d) => doc.date = Some(d),
                None => {
                    each(Err(bad(format!(
                        "\"date\" {date:?} is not a YYYY-MM-DD date"
                    ))));
                    continue;
                }
            }
        }
        each(Ok(doc));
    }
}

/// Keeps the characters that are safe in an IRI path segment.
pub fn sanitize_id(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// A content-derived id for documents that come without one.
pub fn text_id(text: &str) -> String {
    format!("doc-{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_date_and_title() {
        let text = " date 2017-03-27 Police said more.\n\nBody.";
        let header = parse_header(text);
        let (date, span) = header.date.unwrap();
        assert_eq!(date.to_string(), "2017-03-27");
        assert_eq!(span.slice(text), "date 2017-03-27");
        assert!(header.title.is_none());

        let text = "Storm hits the coast\n\nThe storm came at night.";
        assert_eq!(
            parse_header(text).title.unwrap().slice(text),
            "Storm hits the coast"
        );
    }

    #[test]
    fn decode_rejects_binary_bad_utf8_and_empty() {
        let p = Path::new("x.txt");
        let o = ReadOptions::default();
        assert!(matches!(
            decode(p, b"ab\0c".to_vec(), o),
            Err(InputError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            decode(p, b"ok \xff".to_vec(), o),
            Err(InputError::InvalidUtf8 { offset: 3, .. })
        ));
        let lossy = ReadOptions { lossy: true, ..o };
        assert_eq!(
            decode(p, b"ok \xff go".to_vec(), lossy).expect("repaired"),
            "ok \u{fffd} go"
        );
        assert!(matches!(
            decode(p, b"  \n".to_vec(), o),
            Err(InputError::Empty { .. })
        ));
        let small = ReadOptions {
            max_bytes: 2,
            lossy: false,
        };
        assert!(matches!(
            decode(p, b"abc".to_vec(), small),
            Err(InputError::TooLarge { .. })
        ));
    }

    #[test]
    fn json_lines_report_bad_lines_and_keep_good_ones() {
        let input = "{\"id\":\"a\",\"text\":\"One.\",\"extra\":1}\nnot json\n\n{\"id\":\"b\",\"text\":\"Two.\",\"date\":\"2020-01-02\"}\n";
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        read_json_lines(
            Path::new("in.jsonl"),
            input.as_bytes(),
            ReadOptions::default(),
            &mut |r| match r {
                Ok(d) => docs.push(d),
                Err(e) => errors.push(e.to_string()),
            },
        );
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].date.unwrap().to_string(), "2020-01-02");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("in.jsonl:2: malformed JSON"),
            "{}",
            errors[0]
        );
    }
}
