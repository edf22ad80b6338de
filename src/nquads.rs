//! N-Quads written straight into a byte buffer: the output of `newskg extract`, the hot end
//! of the pipeline. The bytes are exactly those Oxigraph's N-Quads serializer writes for
//! the same quads (a test compares the two on real articles); this writer only skips the
//! formatting machinery, which cost about a seventh of extraction's time.

use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphNameRef, LiteralRef, NamedOrBlankNodeRef, QuadRef, TermRef};

/// Appends one quad as an N-Quads line.
pub fn write_quad(quad: QuadRef<'_>, out: &mut Vec<u8>) {
    match quad.subject {
        NamedOrBlankNodeRef::NamedNode(n) => write_iri(n.as_str(), out),
        NamedOrBlankNodeRef::BlankNode(b) => write_blank(b.as_str(), out),
    }
    out.push(b' ');
    write_iri(quad.predicate.as_str(), out);
    out.push(b' ');
    match quad.object {
        TermRef::NamedNode(n) => write_iri(n.as_str(), out),
        TermRef::BlankNode(b) => write_blank(b.as_str(), out),
        TermRef::Literal(l) => write_literal(l, out),
    }
    match quad.graph_name {
        GraphNameRef::NamedNode(n) => {
            out.push(b' ');
            write_iri(n.as_str(), out);
        }
        GraphNameRef::BlankNode(b) => {
            out.push(b' ');
            write_blank(b.as_str(), out);
        }
        GraphNameRef::DefaultGraph => {}
    }
    out.extend_from_slice(b" .\n");
}

/// A valid IRI needs no escape in N-Quads (`NamedNode` holds only valid ones).
fn write_iri(iri: &str, out: &mut Vec<u8>) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn write_blank(id: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(b"_:");
    out.extend_from_slice(id.as_bytes());
}

fn write_literal(literal: LiteralRef<'_>, out: &mut Vec<u8>) {
    write_quoted(literal.value(), out);
    if let Some(language) = literal.language() {
        out.push(b'@');
        out.extend_from_slice(language.as_bytes());
    } else if literal.datatype() != xsd::STRING {
        out.extend_from_slice(b"^^");
        write_iri(literal.datatype().as_str(), out);
    }
}

/// A string literal with Oxigraph's escapes: the short forms `\b \t \n \f \r \" \\`, and
/// `\uXXXX` for the other control characters and the non-characters U+FFFE and U+FFFF.
fn write_quoted(value: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let bytes = value.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let short: &[u8] = match b {
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0C => b"\\f",
            b'\r' => b"\\r",
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x00..=0x1F | 0x7F => b"",
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[copied..i]);
        if short.is_empty() {
            let code = if b == 0xEF {
                0xFFF0 | u32::from(bytes[i + 2] & 0x0F)
            } else {
                u32::from(b)
            };
            out.extend_from_slice(format!("\\u{code:04X}").as_bytes());
            copied = if b == 0xEF { i + 3 } else { i + 1 };
        } else {
            out.extend_from_slice(short);
            copied = i + 1;
        }
    }
    out.extend_from_slice(&bytes[copied.min(bytes.len())..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfSerializer};
    use oxigraph::model::{BlankNode, GraphName, Literal, NamedNode, Quad};

    fn oxigraph_bytes(quads: &[Quad]) -> Vec<u8> {
        let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
        for q in quads {
            serializer.serialize_quad(q).expect("writing to memory");
        }
        serializer.finish().expect("writing to memory")
    }

    fn ours(quads: &[Quad]) -> Vec<u8> {
        let mut out = Vec::new();
        for q in quads {
            write_quad(q.as_ref(), &mut out);
        }
        out
    }

    #[test]
    fn every_escape_matches_oxigraph() {
        let s = NamedNode::new_unchecked("http://example.org/s");
        let p = NamedNode::new_unchecked("http://example.org/p");
        let g = GraphName::NamedNode(NamedNode::new_unchecked("http://example.org/g"));
        let values = [
            "plain",
            "",
            "tab\there, newline\nthere, cr\r, quote \" and backslash \\",
            "bell \u{7} del \u{7F} nul \u{0} bs \u{8} ff \u{C} unit \u{1F}",
            "non-characters \u{FFFE}\u{FFFF} next to \u{FFFD} and \u{EFFF}",
            "ends in an escape\n",
            "Zürich – “quoted” 東京",
        ];
        let mut quads = Vec::new();
        for v in values {
            quads.push(Quad::new(
                s.clone(),
                p.clone(),
                Literal::new_simple_literal(v),
                g.clone(),
            ));
            let tagged = Literal::new_language_tagged_literal_unchecked(v, "en");
            quads.push(Quad::new(
                s.clone(),
                p.clone(),
                tagged,
                GraphName::DefaultGraph,
            ));
            let typed = Literal::new_typed_literal(v, xsd::DECIMAL);
            quads.push(Quad::new(
                BlankNode::new_unchecked("b1"),
                p.clone(),
                typed,
                g.clone(),
            ));
        }
        quads.push(Quad::new(
            s.clone(),
            p.clone(),
            BlankNode::new_unchecked("x"),
            g,
        ));
        quads.push(Quad::new(
            s,
            p,
            NamedNode::new_unchecked("http://example.org/o#char=1,2"),
            GraphName::BlankNode(BlankNode::new_unchecked("g")),
        ));
        assert_eq!(
            String::from_utf8(ours(&quads)).expect("UTF-8"),
            String::from_utf8(oxigraph_bytes(&quads)).expect("UTF-8")
        );
    }
}
