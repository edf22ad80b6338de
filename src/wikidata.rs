//! Readers for Wikidata exports, to build a knowledge base far bigger than the shipped
//! one: the JSON dump (`latest-all.json.bz2`, or uncompressed), streamed one item per
//! line and never loaded whole, and SPARQL result files (JSON, XML, TSV as the SPARQL
//! standard defines them, or the plain CSV that the Wikidata Query Service downloads).
//!
//! Both give [`KbEntry`] rows: English label and aliases, a type from the item's
//! instance-of (P31) classes through a [`ClassMap`], and a popularity prior from its
//! number of sitelinks (Wikipedia articles in any language).

use crate::extract::EntityType;
use crate::kb::KbEntry;
use oxigraph::model::Term;
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

const ENTITY_PREFIX: &str = "http://www.wikidata.org/entity/";

/// Why an export could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not SPARQL results: {message}")]
    Results { path: PathBuf, message: String },
    #[error("{path}: the results have no `{column}` column (see `newskg kb build --help`)")]
    MissingColumn { path: PathBuf, column: &'static str },
    #[error("{path}: unknown results format (expected .json, .srj, .xml, .srx, .tsv or .csv)")]
    Format { path: PathBuf },
    #[error("{path}, line {line}: {message}")]
    Classes {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// Wikidata classes (P31 values) and the entity type their instances get.
#[derive(Debug, Clone)]
pub struct ClassMap {
    types: HashMap<String, EntityType>,
}

/// The classes news entities are most often direct instances of. Items of other classes
/// are left out unless a `--classes` file adds them.
const DEFAULT_CLASSES: &[(&str, EntityType)] = {
    use EntityType::{Event, Organization, Person, Place};
    &[
        ("Q5", Person),
        // Places: countries, settlements, regions, structures.
        ("Q6256", Place),
        ("Q3624078", Place),
        ("Q515", Place),
        ("Q1549591", Place),
        ("Q5119", Place),
        ("Q486972", Place),
        ("Q3957", Place),
        ("Q532", Place),
        ("Q1637706", Place),
        ("Q1093829", Place),
        ("Q35657", Place),
        ("Q82794", Place),
        ("Q23442", Place),
        ("Q8502", Place),
        ("Q4022", Place),
        ("Q12280", Place),
        ("Q41176", Place),
        // Organisations: companies, parties, agencies, media, universities, groups.
        ("Q43229", Organization),
        ("Q4830453", Organization),
        ("Q783794", Organization),
        ("Q891723", Organization),
        ("Q6881511", Organization),
        ("Q7278", Organization),
        ("Q7210356", Organization),
        ("Q327333", Organization),
        ("Q2659904", Organization),
        ("Q1331793", Organization),
        ("Q11032", Organization),
        ("Q1616075", Organization),
        ("Q15265344", Organization),
        ("Q3918", Organization),
        ("Q31855", Organization),
        ("Q163740", Organization),
        ("Q484652", Organization),
        ("Q17127659", Organization),
        ("Q732717", Organization),
        // Events: attacks, battles, elections, wars, disasters.
        ("Q1190554", Event),
        ("Q1656682", Event),
        ("Q2223653", Event),
        ("Q178561", Event),
        ("Q40231", Event),
        ("Q198", Event),
        ("Q8065", Event),
        ("Q3839081", Event),
        ("Q7944", Event),
        ("Q645883", Event),
    ]
};

impl Default for ClassMap {
    fn default() -> Self {
        ClassMap {
            types: DEFAULT_CLASSES
                .iter()
                .map(|(class, t)| ((*class).to_owned(), *t))
                .collect(),
        }
    }
}

impl ClassMap {
    /// Adds the rows of a `class<TAB>type` file ("Q1248784\tPlace"; `#` starts a
    /// comment) to the default classes.
    pub fn extend_from_file(&mut self, path: &Path) -> Result<(), ImportError> {
        let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io {
            path: path.to_owned(),
            source,
        })?;
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let bad = |message: String| ImportError::Classes {
                path: path.to_owned(),
                line: i + 1,
                message,
            };
            let (class, type_name) = line
                .split_once('\t')
                .ok_or_else(|| bad("expected a class and a type separated by a tab".into()))?;
            let class = qid_of(class.trim())
                .ok_or_else(|| bad(format!("{class:?} is not a Wikidata item")))?;
            let entity_type = parse_type(type_name.trim())
                .ok_or_else(|| bad(format!("unknown type {type_name:?}")))?;
            self.types.insert(class.to_owned(), entity_type);
        }
        Ok(())
    }

    /// The type of an item with these classes: the first class that has one.
    pub fn type_of<'a>(&self, classes: impl IntoIterator<Item = &'a str>) -> Option<EntityType> {
        self.typed_class(classes).map(|(_, t)| t)
    }

    /// The first of these classes that has a type, with the type.
    pub fn typed_class<'a>(
        &self,
        classes: impl IntoIterator<Item = &'a str>,
    ) -> Option<(&'a str, EntityType)> {
        classes
            .into_iter()
            .find_map(|c| self.types.get(c).map(|t| (c, *t)))
    }
}

/// "person", "Organization", "place", "event" (any case).
fn parse_type(name: &str) -> Option<EntityType> {
    match name.to_ascii_lowercase().as_str() {
        "person" => Some(EntityType::Person),
        "organization" | "organisation" => Some(EntityType::Organization),
        "place" => Some(EntityType::Place),
        "event" => Some(EntityType::Event),
        _ => None,
    }
}

/// "Q42" from "Q42" or "http://www.wikidata.org/entity/Q42".
fn qid_of(value: &str) -> Option<&str> {
    let id = value.strip_prefix(ENTITY_PREFIX).unwrap_or(value);
    let digits = id.strip_prefix('Q')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(id)
}

/// The popularity prior of an item with `sitelinks` Wikipedia articles, on the scale of
/// the shipped base (a country with 300 sitelinks scores about 12, an item with none 3).
fn popularity(sitelinks: u32) -> f32 {
    let p = 3.0 + 1.6 * (1.0 + sitelinks as f32).ln();
    (p * 100.0).round() / 100.0
}

/// What a read did: items seen, kept, and the lines it could not read.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub items: u64,
    pub kept: u64,
    /// How many lines or rows could not be read, and the first few with their cause.
    pub bad: u64,
    pub first_bad: Vec<(u64, String)>,
}

impl ImportReport {
    fn bad_line(&mut self, line: u64, cause: String) {
        self.bad += 1;
        if self.first_bad.len() < 5 {
            self.first_bad.push((line, cause));
        }
    }
}

/// What to keep from an export.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub classes: ClassMap,
    /// Items with fewer sitelinks are left out (0 keeps all).
    pub min_sitelinks: u32,
}

// The parts of a dump item that matter here; serde skips the rest of each line.
#[derive(Deserialize)]
struct DumpItem {
    id: String,
    #[serde(default)]
    labels: HashMap<String, DumpText>,
    #[serde(default)]
    aliases: HashMap<String, Vec<DumpText>>,
    #[serde(default)]
    descriptions: HashMap<String, DumpText>,
    #[serde(default)]
    claims: DumpClaims,
    #[serde(default)]
    sitelinks: HashMap<String, serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct DumpText {
    value: String,
}

#[derive(Deserialize, Default)]
struct DumpClaims {
    #[serde(rename = "P31", default)]
    instance_of: Vec<DumpClaim>,
}

#[derive(Deserialize)]
struct DumpClaim {
    mainsnak: DumpSnak,
}

#[derive(Deserialize)]
struct DumpSnak {
    datavalue: Option<DumpValue>,
}

#[derive(Deserialize)]
struct DumpValue {
    value: serde_json::Value,
}

/// Opens a file, decompressing it on the fly when its name ends in `.bz2` (the dumps are
/// multi-stream bzip2).
fn open(path: &Path) -> Result<Box<dyn BufRead>, ImportError> {
    let file = File::open(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    let is_bz2 = path.extension().is_some_and(|e| e == "bz2");
    Ok(if is_bz2 {
        Box::new(BufReader::with_capacity(
            1 << 20,
            bzip2::read::MultiBzDecoder::new(BufReader::new(file)),
        ))
    } else {
        Box::new(BufReader::with_capacity(1 << 20, file))
    })
}

/// Streams a Wikidata JSON dump: a JSON array with one item per line. Each kept item is
/// handed to `keep`; a line that is not an item is counted in the report (with its line
/// number) and the read goes on.
pub fn read_dump(
    path: &Path,
    options: &ImportOptions,
    mut keep: impl FnMut(KbEntry),
) -> Result<ImportReport, ImportError> {
    read_dump_from(open(path)?, path, options, &mut keep)
}

fn read_dump_from(
    mut reader: impl BufRead,
    path: &Path,
    options: &ImportOptions,
    keep: &mut impl FnMut(KbEntry),
) -> Result<ImportReport, ImportError> {
    let mut report = ImportReport::default();
    let mut line = String::new();
    let mut number = 0u64;
    loop {
        line.clear();
        let read = reader
            .read_line(&mut line)
            .map_err(|source| ImportError::Io {
                path: path.to_owned(),
                source,
            })?;
        if read == 0 {
            break;
        }
        number += 1;
        let json = line.trim().trim_end_matches(',');
        if json.is_empty() || json == "[" || json == "]" {
            continue;
        }
        let item: DumpItem = match serde_json::from_str(json) {
            Ok(item) => item,
            Err(e) => {
                report.bad_line(number, e.to_string());
                continue;
            }
        };
        report.items += 1;
        if let Some(entry) = dump_entry(item, options) {
            report.kept += 1;
            keep(entry);
        }
    }
    Ok(report)
}

/// The items of a `wbgetentities` answer (`{"entities": {"Q1": {...}}}`, each item in
/// the dump's shape), in the order of `ids`.
pub(crate) fn entries_from_api(
    json: &str,
    ids: &[String],
    options: &ImportOptions,
) -> Result<Vec<KbEntry>, serde_json::Error> {
    #[derive(Deserialize)]
    struct Answer {
        #[serde(default)]
        entities: HashMap<String, serde_json::Value>,
    }
    let mut answer: Answer = serde_json::from_str(json)?;
    let mut out = Vec::new();
    for id in ids {
        let Some(value) = answer.entities.remove(id) else {
            continue;
        };
        // A missing or redirected item has no labels: it is skipped, not an error.
        if let Ok(item) = serde_json::from_value::<DumpItem>(value) {
            out.extend(dump_entry(item, options));
        }
    }
    Ok(out)
}

fn dump_entry(item: DumpItem, options: &ImportOptions) -> Option<KbEntry> {
    let qid = qid_of(&item.id)?.to_owned();
    let label = item.labels.get("en")?.value.clone();
    let sitelinks = u32::try_from(item.sitelinks.len()).unwrap_or(u32::MAX);
    if sitelinks < options.min_sitelinks {
        return None;
    }
    let classes = item.claims.instance_of.iter().filter_map(|claim| {
        let value = &claim.mainsnak.datavalue.as_ref()?.value;
        value.get("id")?.as_str()
    });
    let (class, kind) = options.classes.typed_class(classes)?;
    let class = class.to_owned();
    let aliases = item
        .aliases
        .get("en")
        .into_iter()
        .flatten()
        .map(|a| a.value.clone())
        .filter(|a| *a != label)
        .collect();
    Some(KbEntry {
        qid,
        kind,
        label,
        aliases,
        popularity: popularity(sitelinks),
        class,
        description: item
            .descriptions
            .get("en")
            .map(|d| d.value.clone())
            .unwrap_or_default(),
    })
}

/// One item gathered over the result rows that name it.
#[derive(Default)]
struct Gathered {
    label: String,
    aliases: Vec<String>,
    kind: Option<EntityType>,
    class: String,
    description: String,
    sitelinks: u32,
}

/// The columns of a results file, by name (`itemLabel` and `label` both work).
struct Columns {
    item: usize,
    label: usize,
    kind: Option<usize>,
    class: Option<usize>,
    aliases: Option<usize>,
    description: Option<usize>,
    sitelinks: Option<usize>,
}

impl Columns {
    fn find(names: &[String], path: &Path) -> Result<Columns, ImportError> {
        let at = |wanted: &[&str]| names.iter().position(|n| wanted.contains(&n.as_str()));
        let missing = |column| ImportError::MissingColumn {
            path: path.to_owned(),
            column,
        };
        let columns = Columns {
            item: at(&["item"]).ok_or_else(|| missing("item"))?,
            label: at(&["itemLabel", "label"]).ok_or_else(|| missing("itemLabel"))?,
            kind: at(&["type"]),
            class: at(&["class", "instanceOf"]),
            aliases: at(&["aliases", "itemAltLabel"]),
            description: at(&["itemDescription", "description"]),
            sitelinks: at(&["sitelinks"]),
        };
        if columns.kind.is_none() && columns.class.is_none() {
            return Err(missing("type` or `class"));
        }
        Ok(columns)
    }
}

/// Reads a SPARQL result file whose rows name items: `item` (IRI or Q-id), `itemLabel`,
/// `type` (person/organization/place/event) or `class` (a P31 value, typed through the
/// class map), and optionally `aliases` (separated by `|`, as
/// `GROUP_CONCAT(?alias; separator="|")` gives them; the query service's `itemAltLabel`
/// separates them by `, `) and `sitelinks`. Rows about one item are merged. The format
/// comes from the file's extension.
pub fn read_sparql_results(
    path: &Path,
    options: &ImportOptions,
) -> Result<(Vec<KbEntry>, ImportReport), ImportError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut rows: Vec<Vec<Option<String>>> = Vec::new();
    let names: Vec<String>;
    let mut report = ImportReport::default();
    if extension == "csv" {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(open(path)?);
        names = reader
            .headers()
            .map_err(|e| ImportError::Results {
                path: path.to_owned(),
                message: e.to_string(),
            })?
            .iter()
            .map(str::to_owned)
            .collect();
        for (i, record) in reader.records().enumerate() {
            match record {
                Ok(r) => rows.push(
                    r.iter()
                        .map(|v| (!v.is_empty()).then(|| v.to_owned()))
                        .collect(),
                ),
                Err(e) => report.bad_line(i as u64 + 2, e.to_string()),
            }
        }
    } else {
        let format = QueryResultsFormat::from_extension(&extension)
            .filter(|f| *f != QueryResultsFormat::Csv)
            .ok_or_else(|| ImportError::Format {
                path: path.to_owned(),
            })?;
        let not_results = |message: String| ImportError::Results {
            path: path.to_owned(),
            message,
        };
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(open(path)?)
            .map_err(|e| not_results(e.to_string()))?;
        let ReaderQueryResultsParserOutput::Solutions(solutions) = parsed else {
            return Err(not_results("a boolean result, not rows".into()));
        };
        names = solutions
            .variables()
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect();
        for (i, solution) in solutions.enumerate() {
            match solution {
                Ok(s) => rows.push(s.values().iter().map(|v| v.as_ref().map(value)).collect()),
                Err(e) => report.bad_line(i as u64 + 1, e.to_string()),
            }
        }
    }
    let columns = Columns::find(&names, path)?;
    let mut items: BTreeMap<String, Gathered> = BTreeMap::new();
    for row in &rows {
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).and_then(|v| v.as_deref());
        let Some(qid) = cell(Some(columns.item)).and_then(qid_of) else {
            continue;
        };
        report.items += 1;
        let item = items.entry(qid.to_owned()).or_default();
        if let Some(label) = cell(Some(columns.label)) {
            if item.label.is_empty() && label != qid {
                item.label = label.to_owned();
            }
        }
        let class = cell(columns.class).and_then(qid_of);
        let kind = cell(columns.kind)
            .and_then(parse_type)
            .or_else(|| class.and_then(|c| options.classes.type_of([c])));
        if item.kind.is_none() && kind.is_some() {
            item.kind = kind;
            item.class = class.unwrap_or("").to_owned();
        }
        if let Some(description) = cell(columns.description) {
            if item.description.is_empty() {
                item.description = description.to_owned();
            }
        }
        if let Some(aliases) = cell(columns.aliases) {
            let separator = if aliases.contains('|') { "|" } else { ", " };
            for alias in aliases.split(separator).map(str::trim) {
                if !alias.is_empty() && !item.aliases.iter().any(|a| a == alias) {
                    item.aliases.push(alias.to_owned());
                }
            }
        }
        if let Some(n) = cell(columns.sitelinks).and_then(|n| n.parse().ok()) {
            item.sitelinks = item.sitelinks.max(n);
        }
    }
    let mut entries = Vec::new();
    for (qid, item) in items {
        let (Some(kind), false) = (item.kind, item.label.is_empty()) else {
            continue;
        };
        if columns.sitelinks.is_some() && item.sitelinks < options.min_sitelinks {
            continue;
        }
        let label = item.label;
        entries.push(KbEntry {
            qid,
            kind,
            aliases: item.aliases.into_iter().filter(|a| *a != label).collect(),
            label,
            popularity: popularity(item.sitelinks),
            class: item.class,
            description: item.description,
        });
    }
    report.kept = entries.len() as u64;
    Ok((entries, report))
}

/// A result cell as text: an IRI's string, a literal's lexical form.
fn value(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// Reads a dump held in memory (for the tests of the dump reader).
#[cfg(test)]
fn dump_from_bytes(bytes: &[u8], options: &ImportOptions) -> (Vec<KbEntry>, ImportReport) {
    let mut out = Vec::new();
    let report = read_dump_from(bytes, Path::new("test.json"), options, &mut |e| out.push(e))
        .expect("in-memory read");
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Three items in the dump's shape (one per line, commas between), written for this
    /// test: a person, a town with an alias, and an item of an unmapped class; plus a
    /// broken line.
    const DUMP: &str = r#"[
{"type":"item","id":"Q900001","labels":{"en":{"language":"en","value":"Jane Roe"},"fr":{"language":"fr","value":"Jeanne Roe"}},"aliases":{},"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":5,"id":"Q5"},"type":"wikibase-entityid"}},"rank":"normal"}],"P569":[{"mainsnak":{"snaktype":"value","property":"P569"}}]},"sitelinks":{"enwiki":{"site":"enwiki","title":"Jane Roe"},"dewiki":{"site":"dewiki","title":"Jane Roe"}}},
{"type":"item","id":"Q900002","labels":{"en":{"language":"en","value":"Tindleford"}},"aliases":{"en":[{"language":"en","value":"Tindleford-on-Sea"}]},"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":3957,"id":"Q3957"},"type":"wikibase-entityid"}}}]},"sitelinks":{}},
{"type":"item","id":"Q900003","labels":{"en":{"language":"en","value":"Blue"}},"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"id":"Q1075"},"type":"wikibase-entityid"}}}]}},
{"type":"item","id":"Q9000
]
"#;

    #[test]
    fn the_dump_reader_keeps_typed_items_and_counts_broken_lines() {
        let (entries, report) = dump_from_bytes(DUMP.as_bytes(), &ImportOptions::default());
        let got: Vec<(&str, EntityType, &str, &[String])> = entries
            .iter()
            .map(|e| {
                (
                    e.qid.as_str(),
                    e.kind,
                    e.label.as_str(),
                    e.aliases.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Q900001", EntityType::Person, "Jane Roe", &[][..]),
                (
                    "Q900002",
                    EntityType::Place,
                    "Tindleford",
                    &["Tindleford-on-Sea".to_owned()][..]
                ),
            ]
        );
        assert!(entries[0].popularity > entries[1].popularity);
        assert_eq!((report.items, report.kept, report.bad), (3, 2, 1));
        assert_eq!(report.first_bad[0].0, 5, "the broken item is on line 5");
        let strict = ImportOptions {
            min_sitelinks: 1,
            ..ImportOptions::default()
        };
        assert_eq!(dump_from_bytes(DUMP.as_bytes(), &strict).0.len(), 1);
    }

    #[test]
    fn a_bzip2_dump_is_read_as_it_is_decompressed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("dump.json.bz2");
        let mut encoder = bzip2::write::BzEncoder::new(
            File::create(&path).expect("create"),
            bzip2::Compression::fast(),
        );
        encoder.write_all(DUMP.as_bytes()).expect("compress");
        encoder.finish().expect("finish");
        let mut kept = Vec::new();
        let report =
            read_dump(&path, &ImportOptions::default(), |e| kept.push(e.qid)).expect("read");
        assert_eq!(kept, ["Q900001", "Q900002"]);
        assert_eq!(report.bad, 1);
    }

    fn results_file(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, content).expect("write");
        (dir, path)
    }

    #[test]
    fn sparql_results_in_json_tsv_and_csv_give_the_same_items() {
        let json = r#"{"head":{"vars":["item","itemLabel","class","aliases","sitelinks"]},"results":{"bindings":[
            {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q900002"},"itemLabel":{"type":"literal","xml:lang":"en","value":"Tindleford"},"class":{"type":"uri","value":"http://www.wikidata.org/entity/Q3957"},"aliases":{"type":"literal","value":"Tindleford-on-Sea|Tindle"},"sitelinks":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"4"}},
            {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q900002"},"itemLabel":{"type":"literal","xml:lang":"en","value":"Tindleford"},"class":{"type":"uri","value":"http://www.wikidata.org/entity/Q1075"}},
            {"item":{"type":"uri","value":"http://www.wikidata.org/entity/Q900003"},"itemLabel":{"type":"literal","value":"Blue"},"class":{"type":"uri","value":"http://www.wikidata.org/entity/Q1075"}}
        ]}}"#;
        let tsv = "?item\t?itemLabel\t?class\t?aliases\t?sitelinks\n\
                   <http://www.wikidata.org/entity/Q900002>\t\"Tindleford\"@en\t<http://www.wikidata.org/entity/Q3957>\t\"Tindleford-on-Sea|Tindle\"\t4\n\
                   <http://www.wikidata.org/entity/Q900003>\t\"Blue\"@en\t<http://www.wikidata.org/entity/Q1075>\t\t\n";
        let csv = "item,itemLabel,class,aliases,sitelinks\n\
                   http://www.wikidata.org/entity/Q900002,Tindleford,http://www.wikidata.org/entity/Q3957,\"Tindleford-on-Sea, Tindle\",4\n\
                   http://www.wikidata.org/entity/Q900003,Blue,http://www.wikidata.org/entity/Q1075,,\n";
        for (name, content) in [("r.json", json), ("r.tsv", tsv), ("r.csv", csv)] {
            let (_dir, path) = results_file(name, content);
            let (entries, report) =
                read_sparql_results(&path, &ImportOptions::default()).expect(name);
            assert_eq!(entries.len(), 1, "{name}: {entries:?}");
            let e = &entries[0];
            assert_eq!(
                (e.qid.as_str(), e.kind, e.label.as_str()),
                ("Q900002", EntityType::Place, "Tindleford"),
                "{name}"
            );
            assert_eq!(e.aliases, ["Tindleford-on-Sea", "Tindle"], "{name}");
            assert_eq!(e.popularity, popularity(4), "{name}");
            assert_eq!(report.bad, 0, "{name}");
        }
    }

    #[test]
    fn results_without_the_needed_columns_or_format_are_refused_by_name() {
        let (_dir, path) = results_file("r.tsv", "?x\t?y\n\"a\"\t\"b\"\n");
        let err = read_sparql_results(&path, &ImportOptions::default()).unwrap_err();
        assert!(err.to_string().contains("no `item` column"), "{err}");
        let (_dir, path) = results_file("r.txt", "item\n");
        let err = read_sparql_results(&path, &ImportOptions::default()).unwrap_err();
        assert!(
            err.to_string().contains("r.txt: unknown results format"),
            "{err}"
        );
        let (_dir, path) = results_file("r.json", "{not json");
        let err = read_sparql_results(&path, &ImportOptions::default()).unwrap_err();
        assert!(
            err.to_string().contains("r.json: not SPARQL results"),
            "{err}"
        );
    }

    #[test]
    fn a_classes_file_adds_types_and_names_its_bad_lines() {
        let (_dir, path) = results_file("classes.tsv", "# mine\nQ1075\tplace\n");
        let mut classes = ClassMap::default();
        classes.extend_from_file(&path).expect("classes");
        assert_eq!(classes.type_of(["Q1075"]), Some(EntityType::Place));
        let (_dir, path) = results_file("classes.tsv", "Q1\tplace\nQ2 colour\n");
        let err = ClassMap::default().extend_from_file(&path).unwrap_err();
        assert!(err.to_string().contains("classes.tsv, line 2"), "{err}");
    }
}
