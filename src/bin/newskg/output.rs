//! Rendering query results: aligned tables for terminals, the SPARQL 1.1 result formats,
//! and RDF for CONSTRUCT/DESCRIBE.

use anyhow::Result;
use newskg::store::serializer_for;
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;
use std::io::Write;

/// How `newskg query` prints results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    /// An aligned table (SELECT/ASK) or Turtle (CONSTRUCT/DESCRIBE).
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Ntriples,
    Nquads,
    Trig,
}

/// RDF serialization formats for `export` and `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RdfOutput {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
}

impl RdfOutput {
    pub fn format(self) -> RdfFormat {
        match self {
            RdfOutput::Turtle => RdfFormat::Turtle,
            RdfOutput::Ntriples => RdfFormat::NTriples,
            RdfOutput::Nquads => RdfFormat::NQuads,
            RdfOutput::Trig => RdfFormat::TriG,
        }
    }
}

/// A short, readable form of a term for tables: prefixed IRIs, plain literal values.
fn short(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (prefix, ns) in newskg::rdf::ns::PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(ns) {
                    if !local.is_empty() && !local.contains(['/', '#', '=', ',']) {
                        return format!("{prefix}:{local}");
                    }
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::Literal(l) => l.value().replace('\n', " "),
        other => other.to_string(),
    }
}

pub fn write_results(
    results: QueryResults<'_>,
    format: ResultFormat,
    out: &mut impl Write,
) -> Result<()> {
    match results {
        QueryResults::Boolean(value) => match sparql_format(format) {
            Some(f) => {
                QueryResultsSerializer::from_format(f)
                    .serialize_boolean_to_writer(&mut *out, value)?;
            }
            None => writeln!(out, "{value}")?,
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match sparql_format(format) {
                Some(f) => {
                    let mut serializer = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(&mut *out, variables)?;
                    for solution in solutions {
                        serializer.serialize(&solution?)?;
                    }
                    serializer.finish()?;
                }
                None => {
                    let mut rows: Vec<Vec<String>> = Vec::new();
                    for solution in solutions {
                        let solution = solution?;
                        rows.push(
                            variables
                                .iter()
                                .map(|v| solution.get(v).map(short).unwrap_or_default())
                                .collect(),
                        );
                    }
                    let header: Vec<String> =
                        variables.iter().map(|v| v.as_str().to_owned()).collect();
                    write_table(&header, &rows, out)?;
                }
            }
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                ResultFormat::Ntriples | ResultFormat::Csv | ResultFormat::Tsv => {
                    RdfFormat::NTriples
                }
                ResultFormat::Nquads => RdfFormat::NQuads,
                ResultFormat::Trig => RdfFormat::TriG,
                _ => RdfFormat::Turtle,
            };
            let mut serializer = serializer_for(rdf).for_writer(&mut *out);
            for triple in triples {
                serializer.serialize_triple(&triple?)?;
            }
            serializer.finish()?;
        }
    }
    Ok(())
}

fn sparql_format(format: ResultFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    }
}

/// Longest cell shown in a table before it is cut with an ellipsis.
const MAX_CELL: usize = 80;

fn write_table(header: &[String], rows: &[Vec<String>], out: &mut impl Write) -> Result<()> {
    let cut = |s: &str| -> String {
        if s.chars().count() > MAX_CELL {
            let mut c: String = s.chars().take(MAX_CELL - 1).collect();
            c.push('…');
            c
        } else {
            s.to_owned()
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        writeln!(out, "{}", padded.join(" | ").trim_end())
    };
    line(header, out)?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for row in &rows {
        line(row, out)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}
