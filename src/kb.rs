//! The offline knowledge base: Wikidata items (Q-id, type, label, aliases, popularity) that
//! ship inside the binary, used to type names during recognition and to link entities.
//!
//! `data/kb.tsv` is built by [`build`] (`newskg kb build`) from the Wikidata-derived tables
//! in `../shared/kb-sources/`; it is loaded once, on first use, from the copy compiled in.

use crate::extract::EntityType;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The knowledge base compiled into the binary.
const SHIPPED: &str = include_str!("../data/kb.tsv");

/// Hand-written items that [`build`] adds to what the sources give.
const CURATED: &str = include_str!("../data/kb-curated.tsv");

/// Hand-written names of widely known organisations that no source table names (airlines,
/// newspapers, technology companies: "Airbnb", "Financial Times"), with no Q-id: see
/// [`BODY`].
const CURATED_BODIES: &str = include_str!("../data/kb-bodies.tsv");

/// Short forms of country names that English news uses but the source tables lack, by
/// ISO code ("EU" for the union).
const COUNTRY_SHORT_FORMS: &[(&str, &[&str])] = &[
    ("GB", &["Britain", "U.K.", "Great Britain"]),
    ("US", &["U.S.", "U.S.A.", "United States", "America"]),
    ("EU", &["EU"]),
];

/// The demonyms of states of the past, which no country table gives ("Soviet troops"):
/// by the Q-ids the benchmark table gives the states.
const PAST_STATE_DEMONYMS: &[(&str, &[&str])] = &[
    ("Q15180", &["Soviet"]),
    ("Q36704", &["Yugoslav"]),
    ("Q33946", &["Czechoslovak"]),
];

/// Demonyms used as nouns for one person where the tables give only the adjective.
const NOUN_DEMONYMS: &[(&str, &str)] = &[("GB", "Briton")];

/// The first columns of a knowledge-base file (`class` and `description` follow).
const HEADER_START: &str = "qid\ttype\tlabel\taliases\tpopularity";

/// A description as one TSV field: tabs and line breaks become spaces.
fn one_field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// The type column of rows that give a country's demonyms rather than an item.
const DEMONYM: &str = "Demonym";

/// The type column of rows that give the name of a country's first-level division (a
/// region, province or state: "Emilia-Romagna") that no source gives a Wikidata item for:
/// a place by name, with no link.
const DIVISION: &str = "Division";

/// The type column of rows that give the name of a city, town or region of the long-tail
/// gazetteers (about 136,000 names: "Kerrville", "Bourg-la-Reine"): evidence the tagger
/// weighs (a town's name is often a surname or a word too), never a mention or a link by
/// itself.
const PLACE_NAME: &str = "PlaceName";

/// The type column of rows that give the name (and other names) of a widely known
/// organisation that no source table gives an item for (`data/kb-bodies.tsv`: "Airbnb",
/// "Financial Times"): an organisation by name, with no link. The Q-ids are left out
/// rather than written from memory; `--online` finds them.
const BODY: &str = "Body";

/// Why a knowledge-base file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("{path}: cannot read the knowledge base: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not a newskg knowledge base (no `qid type label aliases popularity` header; write one with `newskg kb build`)")]
    Format { path: PathBuf },
}

/// One Wikidata item.
#[derive(Debug, Clone, PartialEq)]
pub struct KbEntry {
    pub qid: String,
    pub kind: EntityType,
    pub label: String,
    pub aliases: Vec<String>,
    /// A prior: how often the item is mentioned or how large it is, on a log scale.
    pub popularity: f32,
    /// Its class (a P31 value such as Q5 "human" or Q515 "city"), where a source says.
    pub class: String,
    /// A short English description ("American technology company"), where a source has one.
    pub description: String,
}

/// Names -> items, with first names and demonyms derived from the entries.
#[derive(Debug, Default)]
pub struct Kb {
    pub entries: Vec<KbEntry>,
    /// Every label and alias -> the entries it names (most names name one).
    by_name: FxHashMap<Box<str>, Named>,
    first_names: FxHashSet<String>,
    /// Demonym -> the country's Q-id ("British" -> Q145).
    demonyms: FxHashMap<String, String>,
    /// Names of first-level divisions with no item here ("Emilia-Romagna"), by
    /// [`name_key`], with their country.
    divisions: FxHashMap<String, String>,
    /// Names of cities, towns and regions, known or not as items ([`PLACE_NAME`]).
    place_names: FxHashSet<Box<str>>,
    /// Organisations known by name only ([`BODY`]): (name, other names), and every one of
    /// those names by [`name_key`].
    bodies: Vec<(String, Vec<String>)>,
    body_names: FxHashSet<Box<str>>,
    /// A hash of the table, recorded in the content hash of every processed article.
    pub id: u64,
}

/// The key a name is found by: typographic apostrophes read as straight ones, so
/// "McDonald’s" and "McDonald's" name the same items, and letters without their accents,
/// so "Atlético Mineiro" finds the club a source lists as "Atletico Mineiro" and "Sao
/// Paulo" the city written "São Paulo".
fn name_key(name: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    if name.is_ascii() {
        return name.into();
    }
    name.nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .nfc()
        .collect::<String>()
        .into()
}

/// The entries one name names, without a vector for the common case of one.
#[derive(Debug, Clone)]
enum Named {
    One(u32),
    Many(Vec<u32>),
}

impl Named {
    fn as_slice(&self) -> &[u32] {
        match self {
            Named::One(i) => std::slice::from_ref(i),
            Named::Many(list) => list,
        }
    }

    fn add(&mut self, index: u32) {
        match self {
            Named::One(i) if *i == index => {}
            Named::One(i) => *self = Named::Many(vec![*i, index]),
            Named::Many(list) if !list.contains(&index) => list.push(index),
            Named::Many(_) => {}
        }
    }
}

static SHIPPED_KB: LazyLock<Kb> = LazyLock::new(|| Kb::parse(SHIPPED));

impl Kb {
    /// The knowledge base that ships with newskg.
    pub fn shipped() -> &'static Kb {
        &SHIPPED_KB
    }

    /// Parses the TSV form written by [`write_tsv`]; malformed rows are skipped.
    pub fn parse(tsv: &str) -> Kb {
        let mut kb = Kb {
            id: xxhash_rust::xxh3::xxh3_64(tsv.as_bytes()),
            ..Kb::default()
        };
        // Items only: rows of names without an item (divisions, place names) open with a tab.
        let rows = tsv.lines().filter(|l| !l.starts_with('\t')).count();
        kb.entries.reserve(rows);
        kb.by_name.reserve(rows * 2);
        for line in tsv.lines().skip(1) {
            let mut cols = [""; 7];
            let mut count = 0;
            for (slot, col) in cols.iter_mut().zip(line.split('\t')) {
                *slot = col;
                count += 1;
            }
            let [qid, kind, label, aliases, popularity, class, description] = cols;
            if count != 5 && count != 7 {
                continue;
            }
            if kind == DEMONYM {
                for name in label
                    .split('|')
                    .chain(aliases.split('|'))
                    .filter(|a| !a.is_empty())
                {
                    kb.demonyms.insert(name.to_owned(), qid.to_owned());
                }
                continue;
            }
            if kind == DIVISION {
                kb.divisions
                    .insert(name_key(label).into_owned(), description.to_owned());
                continue;
            }
            if kind == PLACE_NAME {
                kb.place_names.insert(name_key(label).into());
                continue;
            }
            if kind == BODY {
                let aliases: Vec<String> = split_multi(aliases).map(str::to_owned).collect();
                for name in std::iter::once(label).chain(aliases.iter().map(String::as_str)) {
                    kb.body_names.insert(name_key(name).into());
                }
                kb.bodies.push((label.to_owned(), aliases));
                continue;
            }
            let Some(kind) = EntityType::parse(kind) else {
                continue;
            };
            kb.push(KbEntry {
                qid: qid.to_owned(),
                kind,
                label: label.to_owned(),
                aliases: aliases
                    .split('|')
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect(),
                popularity: popularity.parse().unwrap_or(0.0),
                class: class.to_owned(),
                description: description.to_owned(),
            });
        }
        kb.order_by_popularity();
        kb
    }

    fn push(&mut self, entry: KbEntry) {
        let index = self.entries.len() as u32;
        if entry.kind == EntityType::Person {
            let tokens: Vec<&str> = entry.label.split_whitespace().collect();
            if tokens.len() >= 2 && tokens[0].chars().count() > 1 && !tokens[0].ends_with('.') {
                self.first_names.insert(tokens[0].to_owned());
            }
        }
        for name in std::iter::once(&entry.label).chain(&entry.aliases) {
            let key = name_key(name);
            match self.by_name.get_mut(&*key) {
                Some(named) => named.add(index),
                None => {
                    self.by_name.insert(key.into(), Named::One(index));
                }
            }
        }
        self.entries.push(entry);
    }

    /// A base of these entries alone (no demonyms).
    pub fn from_entries(entries: Vec<KbEntry>) -> Kb {
        let mut kb = Kb::default();
        let mut ids = String::new();
        for entry in entries {
            ids.push_str(&entry.qid);
            ids.push('\n');
            kb.push(entry);
        }
        kb.id = xxhash_rust::xxh3::xxh3_64(ids.as_bytes());
        kb.order_by_popularity();
        kb
    }

    /// Reads a knowledge base written by `newskg kb build`.
    pub fn load(path: &Path) -> Result<Kb, KbError> {
        let text = fs::read_to_string(path).map_err(|source| KbError::Io {
            path: path.to_owned(),
            source,
        })?;
        if !text.starts_with(HEADER_START) {
            return Err(KbError::Format {
                path: path.to_owned(),
            });
        }
        Ok(Kb::parse(&text))
    }

    /// The entries and demonyms of this base, to be written again with others.
    pub fn to_built(&self) -> Built {
        let mut demonyms: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (name, qid) in &self.demonyms {
            // write_tsv adds the plural forms again.
            let singular = name
                .strip_suffix('s')
                .filter(|s| self.demonyms.contains_key(*s));
            if singular.is_none() {
                demonyms.entry(qid).or_default().push(name.clone());
            }
        }
        let mut divisions: Vec<(String, String)> = self
            .divisions
            .iter()
            .map(|(name, country)| (name.clone(), country.clone()))
            .collect();
        divisions.sort();
        let mut place_names: Vec<String> = self.place_names.iter().map(|n| n.to_string()).collect();
        place_names.sort();
        Built {
            divisions,
            place_names,
            bodies: self.bodies.clone(),
            entries: self.entries.clone(),
            demonyms: demonyms
                .into_iter()
                .map(|(qid, mut names)| {
                    names.sort();
                    (qid.to_owned(), names)
                })
                .collect(),
        }
    }

    /// Items whose label or alias is exactly `name`, most popular first (the lists are
    /// kept in that order, so a lookup allocates nothing).
    pub fn lookup(&self, name: &str) -> impl Iterator<Item = &KbEntry> + '_ {
        self.by_name
            .get(&*name_key(name))
            .map_or(&[][..], Named::as_slice)
            .iter()
            .map(|&i| &self.entries[i as usize])
    }

    /// Whether any item is named `name`.
    pub fn knows(&self, name: &str) -> bool {
        self.by_name.contains_key(&*name_key(name))
    }

    /// The most popular item named `name`, if any.
    pub fn best(&self, name: &str) -> Option<&KbEntry> {
        self.lookup(name).next()
    }

    /// Orders every name's items most popular first (then by Q-id), once, after loading.
    fn order_by_popularity(&mut self) {
        let entries = &self.entries;
        for named in self.by_name.values_mut() {
            let Named::Many(list) = named else {
                continue;
            };
            list.sort_by(|&a, &b| {
                let (a, b) = (&entries[a as usize], &entries[b as usize]);
                b.popularity
                    .total_cmp(&a.popularity)
                    .then_with(|| a.qid.cmp(&b.qid))
            });
        }
    }

    /// Whether `name` is a first-level division that no item here names ("Emilia-Romagna"):
    /// a place, with no link.
    pub fn is_division(&self, name: &str) -> bool {
        self.divisions.contains_key(&*name_key(name))
    }

    /// Whether `name` is the name of a city, town or region in the long-tail gazetteers
    /// ([`PLACE_NAME`]): a hint, not a reading.
    pub fn is_place_name(&self, name: &str) -> bool {
        self.place_names.contains(&*name_key(name))
    }

    /// Whether `name` names a widely known organisation that no item here names
    /// ([`BODY`]): an organisation, with no link.
    pub fn is_body(&self, name: &str) -> bool {
        self.body_names.contains(&*name_key(name))
    }

    /// The type of the thing `name` names here: its most popular item's, or a place for a
    /// division and an organisation for a body with no item.
    pub fn type_of(&self, name: &str) -> Option<EntityType> {
        self.best(name).map(|e| e.kind).or_else(|| {
            if self.is_division(name) {
                Some(EntityType::Place)
            } else if self.is_body(name) {
                Some(EntityType::Organization)
            } else {
                None
            }
        })
    }

    /// The country a demonym or nationality adjective names ("Dutch" -> Q55), if any.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(word).map(String::as_str)
    }

    /// Whether `word` is the first name of a known person.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Rows of a tab-separated table with a header line, as maps from column name to value.
fn read_table(path: &Path) -> io::Result<Vec<HashMap<String, String>>> {
    let text = fs::read_to_string(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    Ok(parse_table(&text))
}

fn parse_table(text: &str) -> Vec<HashMap<String, String>> {
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    lines
        .map(|line| {
            header
                .iter()
                .zip(line.split('\t'))
                .map(|(h, v)| ((*h).to_owned(), v.trim().to_owned()))
                .collect()
        })
        .collect()
}

fn col<'a>(row: &'a HashMap<String, String>, name: &str) -> &'a str {
    row.get(name).map_or("", String::as_str)
}

fn split_multi(value: &str) -> impl Iterator<Item = &str> {
    value.split('|').map(str::trim).filter(|v| !v.is_empty())
}

/// A name worth matching in text: capitalised, not a bare number, not absurdly long.
fn usable_name(name: &str) -> bool {
    let first = name.chars().next();
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && name.chars().any(char::is_alphabetic)
        && name.chars().count() <= 60
        && !name.contains(" - ")
}

impl Built {
    /// Adds `entries` to these, merging items already present: their aliases join, the
    /// higher popularity stays, the first label stays. Entries end sorted by Q-id.
    pub fn merge(&mut self, entries: impl IntoIterator<Item = KbEntry>) {
        let mut by_qid: BTreeMap<String, KbEntry> = std::mem::take(&mut self.entries)
            .into_iter()
            .map(|e| (e.qid.clone(), e))
            .collect();
        for entry in entries {
            match by_qid.get_mut(&entry.qid) {
                Some(known) => {
                    known.popularity = known.popularity.max(entry.popularity);
                    for alias in std::iter::once(entry.label).chain(entry.aliases) {
                        if alias != known.label && !known.aliases.contains(&alias) {
                            known.aliases.push(alias);
                        }
                    }
                }
                None => {
                    by_qid.insert(entry.qid.clone(), entry);
                }
            }
        }
        self.entries = by_qid.into_values().collect();
    }
}

/// What `newskg kb build` produces: items, and demonyms by country.
#[derive(Debug, Default)]
pub struct Built {
    pub entries: Vec<KbEntry>,
    /// (country Q-id, demonyms)
    pub demonyms: Vec<(String, Vec<String>)>,
    /// (name, country) of first-level divisions no entry names.
    pub divisions: Vec<(String, String)>,
    /// Names of cities, towns and regions ([`PLACE_NAME`]), sorted.
    pub place_names: Vec<String>,
    /// (name, other names) of organisations no entry names ([`BODY`]).
    pub bodies: Vec<(String, Vec<String>)>,
}

/// The lower-case words of a folder of English text (`*.txt`): a one-word brand name that
/// is also an ordinary word ("Shell", "Next") is kept out of the knowledge base.
pub fn ordinary_words(dir: &Path) -> io::Result<HashSet<String>> {
    let mut words = HashSet::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        for word in text.split(|c: char| !c.is_alphabetic()) {
            if word.starts_with(char::is_lowercase) {
                words.insert(word.to_owned());
            }
        }
    }
    Ok(words)
}

/// Wikidata's class of occupations (Q12737077).
const OCCUPATION: &str = "Q12737077";

/// Wikidata's class of countries (Q6256), the class the knowledge base gives them.
pub const COUNTRY_CLASS: &str = "Q6256";

/// Wikidata's class of the states of the United States.
pub const US_STATE_CLASS: &str = "Q35657";

/// Wikidata's class of human settlements (cities, towns, villages).
pub const SETTLEMENT_CLASS: &str = "Q486972";

/// Whether a Wikidata description says its item is a settlement or a district ("city in
/// Michigan, United States", "municipality of Paraná state, Brazil").
fn names_a_settlement(description: &str) -> bool {
    const SETTLEMENTS: [&str; 11] = [
        "city",
        "town",
        "village",
        "county",
        "borough",
        "municipality",
        "commune",
        "township",
        "hamlet",
        "census-designated place",
        "human settlement",
    ];
    let lower = description.to_lowercase();
    SETTLEMENTS.iter().any(|kind| {
        lower
            .strip_prefix(kind)
            .is_some_and(|rest| rest.starts_with(" in ") || rest.starts_with(" of "))
    })
}

/// The Wikipedia sitelinks an agency of `agency-registry` needs to join the knowledge base.
const MIN_AGENCY_SITELINKS: f32 = 5.0;

/// Last words of organisation names that news leaves out ("Greenpeace International" is
/// "Greenpeace").
const CORPORATE_ENDINGS: &[&str] = &[
    "International",
    "Inc.",
    "Inc",
    "Ltd",
    "Ltd.",
    "Limited",
    "plc",
    "PLC",
    "GmbH",
    "LLC",
];

/// Builds the knowledge base from the `kb-sources` folder (see each folder's README).
/// `ordinary_words` (see [`ordinary_words`]) decides which one-word brand names are
/// distinctive enough to keep. Returns entries sorted by Q-id, merged where several
/// sources describe one item.
pub fn build(sources: &Path, ordinary_words: &HashSet<String>) -> io::Result<Built> {
    let mut items: BTreeMap<String, KbEntry> = BTreeMap::new();
    let demonyms: HashSet<String> =
        read_table(&sources.join("world-countries/world_countries_names.tsv"))?
            .iter()
            .flat_map(|r| {
                split_multi(col(r, "demonyms_en"))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .flat_map(|d| [d.clone(), format!("{d}s")])
            .chain(
                [
                    "British",
                    "Briton",
                    "Britons",
                    "English",
                    "Scottish",
                    "Welsh",
                    "European",
                    "Western",
                    "Eastern",
                    "Arab",
                    "Muslim",
                    "Christian",
                    "Jewish",
                    "Islamic",
                ]
                .map(str::to_owned),
            )
            .collect();
    // Class and description per Q-id, the first a source gives; joined to the items at
    // the end.
    let mut details: HashMap<String, (String, String)> = HashMap::new();
    let mut describe = |qid: &str, class: &str, description: &str| {
        let d = details.entry(qid.to_owned()).or_default();
        if d.0.is_empty() {
            d.0 = class.to_owned();
        }
        if d.1.is_empty() {
            d.1 = description.to_owned();
        }
    };
    let add = |items: &mut BTreeMap<String, KbEntry>,
               qid: &str,
               kind: EntityType,
               label: &str,
               aliases: Vec<&str>,
               popularity: f32| {
        if !qid.starts_with('Q') || label.is_empty() {
            return;
        }
        let entry = items.entry(qid.to_owned()).or_insert_with(|| KbEntry {
            qid: qid.to_owned(),
            kind,
            label: label.to_owned(),
            aliases: Vec::new(),
            popularity,
            class: String::new(),
            description: String::new(),
        });
        entry.popularity = entry.popularity.max(popularity);
        let label_words: Vec<String> = entry.label.split(' ').map(str::to_owned).collect();
        // "President Jimmy Carter", "Dr. Jane Roe": a person's title is a role, kept apart
        // from the name, so a name with a title the label lacks is no alias.
        let titled = |alias: &str| {
            entry.kind == EntityType::Person
                && alias.split(' ').any(|w| {
                    !label_words.iter().any(|l| l == w)
                        && crate::extract::lexicon::is_title_word(w.trim_end_matches('.'))
                })
        };
        for alias in std::iter::once(label).chain(aliases) {
            if alias != entry.label
                && usable_name(alias)
                // A compass word alone is no name of the item a benchmark's mention form
                // gives it ("South" for South Korea): it names a part of any place.
                && !crate::extract::lexicon::COMPASS_WORDS.contains(alias)
                && !demonyms.contains(alias)
                && !titled(alias)
                && !entry.aliases.iter().any(|a| a == alias)
            {
                entry.aliases.push(alias.to_owned());
            }
        }
    };

    // Countries, territories and unions.
    let countries = read_table(&sources.join("country-coder/country_coder_features.tsv"))?;
    let mut country_demonyms: Vec<(String, Vec<String>)> = Vec::new();
    let world = read_table(&sources.join("world-countries/world_countries_names.tsv"))?;
    for row in &countries {
        let level = col(row, "level");
        let kind = match level {
            "country" | "territory" | "subdivision_or_territory" | "subterritory" => {
                EntityType::Place
            }
            "union" => EntityType::Organization,
            _ => continue,
        };
        let iso = col(row, "iso1A2");
        let mut aliases: Vec<&str> = split_multi(col(row, "aliases"))
            .filter(|a| a.chars().all(|c| c.is_ascii_uppercase()) || a.contains(' '))
            .collect();
        for w in world
            .iter()
            .filter(|w| !iso.is_empty() && col(w, "cca2") == iso)
        {
            aliases.push(col(w, "name_common"));
            aliases.push(col(w, "name_official"));
            aliases.extend(
                split_multi(col(w, "alt_spellings"))
                    .filter(|a| a.len() > 2 || *a == "UK" || *a == "US"),
            );
        }
        for (code, names) in COUNTRY_SHORT_FORMS {
            if iso == *code || (level == "union" && *code == "EU") {
                aliases.extend(names.iter().copied());
            }
        }
        add(
            &mut items,
            col(row, "qid"),
            kind,
            col(row, "name_en"),
            aliases,
            12.0,
        );
        if level == "country" {
            describe(col(row, "qid"), COUNTRY_CLASS, "country");
        }
        let names: Vec<String> = world
            .iter()
            .filter(|w| !iso.is_empty() && col(w, "cca2") == iso)
            .flat_map(|w| {
                split_multi(col(w, "demonyms_en"))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut names = names;
        names.extend(
            NOUN_DEMONYMS
                .iter()
                .filter(|(code, _)| *code == iso)
                .map(|(_, n)| (*n).to_owned()),
        );
        if !names.is_empty() && level == "country" {
            country_demonyms.push((col(row, "qid").to_owned(), names));
        }
    }

    // Cities and towns, popularity from population. The long-tail place names (see
    // [`PLACE_NAME`]) are gathered where their tables are read.
    let populated_places =
        read_table(&sources.join("natural-earth-populated-places/ne_10m_populated_places.tsv"))?;
    let mut place_names: BTreeSet<String> = BTreeSet::new();
    for row in &populated_places {
        for column in ["name", "name_ascii", "name_en"] {
            add_place_name(&mut place_names, col(row, column));
        }
        let pop: f32 = col(row, "pop_max").parse().unwrap_or(1000.0);
        let aliases = vec![col(row, "name"), col(row, "name_ascii")];
        add(
            &mut items,
            col(row, "qid"),
            EntityType::Place,
            col(row, "name_en"),
            aliases,
            pop.max(1.0).ln(),
        );
        describe(col(row, "qid"), SETTLEMENT_CLASS, "");
    }

    // International organisations.
    for row in read_table(&sources.join("supraverden-intl-orgs/intl_orgs.tsv"))? {
        let mut aliases: Vec<&str> = split_multi(col(&row, "other_names_en")).collect();
        aliases.extend(split_multi(col(&row, "abbreviation_en")));
        add(
            &mut items,
            col(&row, "qid"),
            EntityType::Organization,
            col(&row, "name_en"),
            aliases,
            6.0,
        );
        describe(col(&row, "qid"), "Q484652", "international organization");
    }

    // UK politicians, parties and bodies; US legislators.
    for row in read_table(&sources.join("everypolitician-uk/uk_politics_entities.tsv"))? {
        let kind = if col(&row, "kind") == "person" {
            EntityType::Person
        } else {
            EntityType::Organization
        };
        add(
            &mut items,
            col(&row, "qid"),
            kind,
            col(&row, "name_en"),
            split_multi(col(&row, "other_names")).collect(),
            4.0,
        );
        if kind == EntityType::Person {
            describe(col(&row, "qid"), "Q5", "British politician");
        }
    }
    for row in read_table(&sources.join("us-congress-legislators/us_politicians.tsv"))? {
        add(
            &mut items,
            col(&row, "qid"),
            EntityType::Person,
            col(&row, "full_name"),
            split_multi(col(&row, "nickname")).collect(),
            4.0,
        );
        describe(col(&row, "qid"), "Q5", "American politician");
    }

    // Brands and operators (companies, agencies, police forces, networks). A one-word
    // name is kept when it cannot be an ordinary word (acronyms, CamelCase, or a word
    // ordinary text never writes in lower case: "Vodafone", not "Shell"); one-word
    // names of places (a city as the operator of its buses) wait until the places are
    // known, below.
    let nsi = read_table(&sources.join("nsi-wikidata/nsi_entities.tsv"))?;
    let nsi = nsi.iter().filter(|row| {
        let roles = col(row, "roles");
        !roles.contains("subject") && !roles.contains("flag")
    });
    let shape_distinctive = |name: &str| {
        name.contains(' ')
            || (name.len() >= 2
                && name
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '&'))
            || name.chars().skip(1).any(char::is_uppercase)
    };
    let word_distinctive = |name: &str| {
        name.chars().count() >= 3
            && name.starts_with(char::is_uppercase)
            && name.chars().all(char::is_alphabetic)
            && !ordinary_words.contains(&name.to_lowercase())
    };
    // An OSM name that is another brand's own label ("Vodafone" on a national branch)
    // is that brand's, not an alias.
    let nsi_labels: HashSet<&str> = nsi.clone().map(|row| col(row, "label")).collect();
    // A one-word name is kept only for brands of wide reach (several kinds of place or
    // several countries): a local chain is often a founder's surname ("Byron").
    let wide_reach = |row: &HashMap<String, String>| {
        split_multi(col(row, "nsi_paths")).count() >= 3
            || split_multi(col(row, "location_set")).count() >= 3
    };
    // "Sainsbury's": a name with its possessive names the shop when the brand trades
    // widely, as for one-word brands, and the name is no ordinary word and (below) no
    // first name ("Wendy's"); narrower chains are mostly a surname's possessive in news
    // ("Becker's", "Copeland's").
    let possessive_base = |name: &str| {
        name.strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .filter(|base| base.chars().count() >= 4 && word_distinctive(base))
            .map(str::to_owned)
    };
    let mut one_word_brands: Vec<&HashMap<String, String>> = Vec::new();
    let mut operator_qids: Vec<&str> = Vec::new();
    let mut possessive_brands: Vec<(&HashMap<String, String>, String)> = Vec::new();
    for row in nsi {
        let label = col(row, "label");
        if !shape_distinctive(label) {
            if let Some(base) = possessive_base(label) {
                possessive_brands.push((row, base));
            } else if word_distinctive(label) && wide_reach(row) {
                one_word_brands.push(row);
            }
            continue;
        }
        // "Greenpeace International" is "Greenpeace": the label without a closing
        // corporate word, when what is left is no ordinary word.
        let base = label
            .rsplit_once(' ')
            .filter(|(_, last)| CORPORATE_ENDINGS.contains(last))
            .map(|(base, _)| base.trim_end_matches(','))
            .filter(|base| base.contains(' ') || word_distinctive(base));
        let aliases = split_multi(col(row, "short_names"))
            .chain(split_multi(col(row, "osm_names")))
            .filter(|a| shape_distinctive(a) || (word_distinctive(a) && wide_reach(row)))
            .chain(base)
            .filter(|a| !nsi_labels.contains(a))
            .collect();
        // A town or county as an operator is the place itself ("municipality in Vestland,
        // Norway"); its government has an item of its own ("county government of ...").
        if !items.contains_key(col(row, "qid")) {
            operator_qids.push(col(row, "qid"));
        }
        let kind = if names_a_settlement(col(row, "description")) {
            EntityType::Place
        } else {
            EntityType::Organization
        };
        add(&mut items, col(row, "qid"), kind, label, aliases, 3.0);
        describe(col(row, "qid"), "", col(row, "description"));
    }

    // US states (with their AP abbreviations, "Calif."), and the Q-ids that other sources
    // confirm as places: a benchmark item typed both place and organisation is a place only
    // when one of them says so (a country or a city is; an armed group is not).
    let mut known_places: HashSet<String> = HashSet::new();
    for row in read_table(&sources.join("hearvox-us-media-geo/wikidata-us-states.tsv"))? {
        add(
            &mut items,
            col(&row, "qid"),
            EntityType::Place,
            col(&row, "state"),
            vec![col(&row, "AP")],
            11.0,
        );
        describe(
            col(&row, "qid"),
            US_STATE_CLASS,
            "state of the United States",
        );
        known_places.insert(col(&row, "qid").to_owned());
    }
    for row in read_table(&sources.join("hearvox-us-media-geo/wikidata-us-cities.tsv"))? {
        known_places.insert(col(&row, "WD-QID").to_owned());
        add_place_name(&mut place_names, col(&row, "placeLabel"));
    }
    // The first-level divisions the cities lie in ("British Columbia", "Gujarat"), by name:
    // the table gives their names but not their Q-ids.
    let mut division_names: HashSet<String> = HashSet::new();
    let mut division_countries: BTreeMap<String, String> = BTreeMap::new();
    for row in read_table(&sources.join("dr5hn-cities/dr5hn_cities.tsv"))? {
        known_places.insert(col(&row, "qid").to_owned());
        add_place_name(&mut place_names, col(&row, "name"));
        add_place_name(&mut place_names, col(&row, "state_name"));
        division_names.insert(col(&row, "state_name").to_owned());
        division_countries
            .entry(col(&row, "state_name").to_owned())
            .or_insert_with(|| col(&row, "country_name").to_owned());
    }
    for row in &populated_places {
        known_places.insert(col(row, "qid").to_owned());
    }
    known_places.extend(
        countries
            .iter()
            .filter(|r| col(r, "level") != "union")
            .map(|r| col(r, "qid").to_owned()),
    );
    // A town as the operator of its sirens or buses ("City of Sand Springs") came in with
    // the brands as an organisation; its Q-id is the town's, a place.
    for qid in &operator_qids {
        if let Some(entry) = items.get_mut(*qid).filter(|_| known_places.contains(*qid)) {
            entry.kind = EntityType::Place;
        }
    }

    // Country names of the countries table, for the states of the past named after them
    // ("West Germany").
    let country_names: HashSet<&str> = countries
        .iter()
        .filter(|r| col(r, "level") == "country")
        .map(|r| col(r, "name_en"))
        .collect();
    // Entities of entity-linking benchmarks (news and Wikipedia), typed.
    for row in read_table(&sources.join("elevant-benchmark-entities/elevant_entities.tsv"))? {
        let types: Vec<&str> = col(&row, "coarse_types").split('|').collect();
        let qid = col(&row, "qid");
        // An occupation ("judge", "Special Advocate") is typed person but names no one,
        // and its first word is no first name.
        if col(&row, "coarse_type_qids")
            .split('|')
            .any(|q| q == OCCUPATION)
        {
            continue;
        }
        // A band or a militia is typed a person and an organisation ("Hezbollah",
        // "Kings of Leon"): an organisation.
        let kind = if types.contains(&"person") && !types.contains(&"organization") {
            EntityType::Person
        } else if types.contains(&"geographic_entity")
            && (!types.contains(&"organization")
                || known_places.contains(qid)
                || division_names.contains(col(&row, "label"))
                || names_a_state(col(&row, "label"), &country_names))
        {
            EntityType::Place
        } else if types.contains(&"organization") || types.contains(&"geographic_entity") {
            EntityType::Organization
        } else if types.contains(&"event") {
            EntityType::Event
        } else if types.contains(&"product")
            && col(&row, "mention_count").parse::<u32>().unwrap_or(0) >= 3
        {
            // Online services named in news as actors (Twitter, Facebook) count as organisations.
            EntityType::Organization
        } else {
            continue;
        };
        let mentions: f32 = col(&row, "mention_count").parse().unwrap_or(0.0);
        let label = col(&row, "label");
        // Surface forms that are a different item's common name (a capital for its
        // country) are left out: only forms sharing a word with the label, or acronyms.
        let label_words: HashSet<&str> = label.split_whitespace().collect();
        let aliases = split_multi(col(&row, "surface_forms"))
            .filter(|f| {
                f.split_whitespace().any(|w| label_words.contains(w))
                    || is_acronym_of(f, label)
                    || (f.len() <= 6 && f.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
            })
            .filter(|f| !f.chars().all(|c| !c.is_lowercase()) || f.len() <= 6)
            .collect();
        add(
            &mut items,
            qid,
            kind,
            label,
            aliases,
            5.0 + (1.0 + mentions).ln(),
        );
        // The first type's class, but a band's is "organization", not the "person" listed
        // before it.
        let class_qids: Vec<&str> = col(&row, "coarse_type_qids").split('|').collect();
        let chosen = if kind == EntityType::Organization && types.contains(&"person") {
            types.iter().position(|t| *t == "organization").unwrap_or(0)
        } else {
            0
        };
        let class = class_qids.get(chosen).copied().unwrap_or("");
        describe(qid, class, "");
    }
    // The one-word brands held back above, unless the name is a place's or a word of a
    // person's name ("Pacheco", "Zarina").
    let mut taken_names: HashSet<&str> = HashSet::new();
    for entry in items.values() {
        match entry.kind {
            EntityType::Place => {
                taken_names.insert(&entry.label);
                taken_names.extend(entry.aliases.iter().map(String::as_str));
            }
            EntityType::Person => taken_names.extend(entry.label.split_whitespace()),
            _ => {}
        }
    }
    let people = Kb::from_entries(
        items
            .values()
            .filter(|e| e.kind == EntityType::Person)
            .cloned()
            .collect(),
    );
    let possessive_brands = possessive_brands
        .into_iter()
        .filter(|(row, base)| wide_reach(row) && !people.is_first_name(base))
        .map(|(row, _)| row);
    let one_word_brands: Vec<(String, String, String)> = one_word_brands
        .into_iter()
        .filter(|row| !known_places.contains(col(row, "qid")))
        .filter(|row| !taken_names.contains(col(row, "label")))
        .chain(possessive_brands.filter(|row| !known_places.contains(col(row, "qid"))))
        .map(|row| {
            (
                col(row, "qid").to_owned(),
                col(row, "label").to_owned(),
                col(row, "description").to_owned(),
            )
        })
        .collect();
    for (qid, label, description) in &one_word_brands {
        add(
            &mut items,
            qid,
            EntityType::Organization,
            label,
            Vec::new(),
            3.0,
        );
        describe(qid, "", description);
    }
    // Government agencies and statistics offices ("FEMA", "the Census Bureau", "Statistics
    // Canada"), with their Wikipedia sitelinks as popularity. An office few Wikipedias
    // know is left out (most are a generic "Ministry of Economy"); so are two-letter
    // acronyms ("VA", "WB") and an acronym that already names another item ("CBS", the
    // broadcaster, not Israel's statistics bureau).
    let known_names: HashSet<String> = items
        .values()
        .flat_map(|e| std::iter::once(&e.label).chain(&e.aliases).cloned())
        .collect();
    for row in read_table(&sources.join("agency-registry/agencies.tsv"))? {
        let sitelinks: f32 = col(&row, "sitelinks").parse().unwrap_or(0.0);
        if sitelinks < MIN_AGENCY_SITELINKS {
            continue;
        }
        let aliases = split_multi(col(&row, "aliases_en"))
            // Not a catalogue's form ("United States. Dept. of the Interior. Geological
            // Survey"): a word that a full stop closes is an initial or "U.S.".
            .filter(|a| {
                !a.contains(['(', ','])
                    && !a.split(' ').any(|w| {
                        w.strip_suffix('.')
                            .is_some_and(|w| w.chars().count() > 2 && !w.contains('.'))
                    })
            })
            .filter(|a| {
                let acronym = !a.chars().any(char::is_lowercase);
                !acronym || a.chars().count() >= 3 && !known_names.contains(*a)
            })
            .collect();
        add(
            &mut items,
            col(&row, "qid"),
            EntityType::Organization,
            col(&row, "label_en"),
            aliases,
            5.0 + 0.5 * (1.0 + sitelinks).ln(),
        );
        let class = col(&row, "p31").split('|').next().unwrap_or("");
        describe(col(&row, "qid"), class, col(&row, "description_en"));
    }
    // Items the source tables lack or name only by a form news does not use, written by
    // hand (`data/kb-curated.tsv`, each row with a note saying why); they come last so
    // their popularity and aliases join what the sources say.
    for row in &parse_table(CURATED) {
        if let Some(kind) = EntityType::parse(col(row, "type")) {
            add(
                &mut items,
                col(row, "qid"),
                kind,
                col(row, "label"),
                split_multi(col(row, "aliases")).collect(),
                col(row, "popularity").parse().unwrap_or(5.0),
            );
            // The hand-written type is the last word: a borough a source lists as the
            // operator of its schools is a place.
            if let Some(entry) = items.get_mut(col(row, "qid")) {
                entry.kind = kind;
            }
            describe(col(row, "qid"), col(row, "class"), col(row, "description"));
        }
    }
    for entry in items.values_mut() {
        if let Some((class, description)) = details.remove(&entry.qid) {
            entry.class = class;
            entry.description = description;
        }
    }
    for (qid, names) in PAST_STATE_DEMONYMS {
        if items.contains_key(*qid) {
            let names = names.iter().map(|n| (*n).to_owned()).collect();
            country_demonyms.push(((*qid).to_owned(), names));
        }
    }
    country_demonyms.sort();
    for entry in items.values_mut() {
        if entry.kind == EntityType::Organization {
            let label = &entry.label;
            entry
                .aliases
                .retain(|alias| !is_place_a_team_is_named_after(alias, label, &place_names));
        }
    }
    let place_names = place_names.into_iter().collect();
    let entries: Vec<KbEntry> = items.into_values().collect();
    let items = Kb::from_entries(entries.clone());
    let divisions = unnamed_divisions(&division_countries, &items, ordinary_words);
    let bodies = unnamed_bodies(&parse_table(CURATED_BODIES), &items);
    Ok(Built {
        entries,
        demonyms: country_demonyms,
        divisions,
        place_names,
        bodies,
    })
}

/// "Essex" of Essex County Cricket Club, "Coleraine" of Coleraine F.C.: a town's or a
/// county's name that a sports team's name opens is the place's, not the team's alias
/// (the county had been typed as its cricket club wherever the news named it). The
/// tagger's rules read a club where a report shows it playing. Firms named after a
/// place keep their short name.
fn is_place_a_team_is_named_after(
    alias: &str,
    label: &str,
    place_names: &BTreeSet<String>,
) -> bool {
    const TEAM_WORDS: [&str; 11] = [
        "F.C.", "FC", "A.F.C.", "AFC", "RFC", "CF", "Cricket", "cricket", "Rugby", "rugby", "team",
    ];
    place_names.contains(alias)
        && label
            .strip_prefix(alias)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|rest| rest.split(' ').any(|w| TEAM_WORDS.contains(&w)))
}

/// Adds a name of a city, town or first-level division of the long-tail gazetteers (the
/// cities of dr5hn and of the US table, Natural Earth's populated places), whatever its
/// Q-id (dr5hn's are often doubtful, its names rarely): capitalised, of three characters or
/// more and four words or fewer.
fn add_place_name(names: &mut BTreeSet<String>, name: &str) {
    let name = name.trim();
    if name.chars().count() >= 3
        && name.starts_with(char::is_uppercase)
        && name.split(' ').count() <= 4
        && !name.contains('\t')
    {
        names.insert(name.to_owned());
    }
}

/// The first-level divisions no item of `items` names, as (name, country): not a label or
/// alias of an item (the item decides), not an ordinary word or a person's first name
/// ("Central", "Victoria"), and of five letters or more when one word ("Imo", "Fars").
fn unnamed_divisions(
    divisions: &BTreeMap<String, String>,
    items: &Kb,
    ordinary_words: &HashSet<String>,
) -> Vec<(String, String)> {
    divisions
        .iter()
        .filter(|(name, _)| {
            let one_word = !name.contains([' ', '-']);
            !name.is_empty()
                && name.starts_with(char::is_uppercase)
                && !name.chars().any(|c| c.is_ascii_digit() || c == '(')
                && !items.knows(name)
                && !(one_word
                    && (name.chars().count() < 5
                        || ordinary_words.contains(&name.to_lowercase())
                        || items.is_first_name(name)))
        })
        .map(|(name, country)| (name.clone(), country.clone()))
        .collect()
}

/// The organisations of `rows` (`data/kb-bodies.tsv`: name, aliases, kind) by the names
/// no item of `items` has: where a source has an item of a name, the item decides.
fn unnamed_bodies(rows: &[HashMap<String, String>], items: &Kb) -> Vec<(String, Vec<String>)> {
    rows.iter()
        .filter_map(|row| {
            let mut names = std::iter::once(col(row, "name"))
                .chain(split_multi(col(row, "aliases")))
                .filter(|n| !n.is_empty() && !items.knows(n))
                .map(str::to_owned);
            let name = names.next()?;
            Some((name, names.collect()))
        })
        .collect()
}

/// Whether a geographic entity's label names a state, of the past mostly, which a benchmark
/// also types as an organisation: "Ottoman Empire", "Kingdom of Great Britain", "Republic of
/// Artsakh", or a country's name after a word ("West Germany"). States no word gives away
/// (the Soviet Union, Yugoslavia) are typed in `data/kb-curated.tsv`.
fn names_a_state(label: &str, country_names: &HashSet<&str>) -> bool {
    const STATE_WORDS: [&str; 10] = [
        "Empire",
        "Kingdom",
        "Republic",
        "Caliphate",
        "Sultanate",
        "Emirate",
        "Khanate",
        "Principality",
        "Duchy",
        "Confederacy",
    ];
    let words: Vec<&str> = label.split(' ').collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.len() > 1
        && (STATE_WORDS.contains(last)
            || STATE_WORDS.contains(first) && words.get(1) == Some(&"of")
            || words.len() == 2 && country_names.contains(last))
}

/// Whether `short` spells the initials of `long` ("FBI", "Federal Bureau of Investigation").
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: String = short.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.chars().all(char::is_uppercase) {
        return false;
    }
    let initials: String = long
        .split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    initials == letters
}

/// Writes entries in the TSV form that [`Kb::parse`] reads.
pub fn write_tsv(built: &Built, out: &mut impl io::Write) -> io::Result<()> {
    writeln!(out, "{HEADER_START}\tclass\tdescription")?;
    for e in &built.entries {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:.2}\t{}\t{}",
            e.qid,
            e.kind.name(),
            e.label,
            e.aliases.join("|"),
            e.popularity,
            e.class,
            one_field(&e.description)
        )?;
    }
    for (qid, names) in &built.demonyms {
        let extra: Vec<String> = names.iter().map(|n| format!("{n}s")).collect();
        writeln!(
            out,
            "{qid}\t{DEMONYM}\t{}\t{}\t0\t\t",
            names.join("|"),
            extra.join("|")
        )?;
    }
    for (name, country) in &built.divisions {
        writeln!(out, "\t{DIVISION}\t{name}\t\t0\t\t{}", one_field(country))?;
    }
    for name in &built.place_names {
        writeln!(out, "\t{PLACE_NAME}\t{name}\t\t0\t\t")?;
    }
    for (name, aliases) in &built.bodies {
        writeln!(out, "\t{BODY}\t{name}\t{}\t0\t\t", aliases.join("|"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_lookup_by_alias() {
        let kb = Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ1\tOrganization\tAcme Corporation\tAcme|AC\t3.0\nQ2\tPerson\tJane Roe\t\t1.0\nQ3\tPlace\tAcme\t\t9.0\nbad row\n");
        assert_eq!(kb.len(), 3);
        let acme: Vec<&str> = kb.lookup("Acme").map(|e| e.qid.as_str()).collect();
        assert_eq!(acme, ["Q3", "Q1"]);
        assert!(kb.is_first_name("Jane"));
        assert!(!kb.is_first_name("Roe"));
    }

    #[test]
    fn divisions_no_item_names_are_places_by_name_and_survive_a_rewrite() {
        let entry = |qid: &str, kind, label: &str| KbEntry {
            qid: qid.to_owned(),
            kind,
            label: label.to_owned(),
            aliases: Vec::new(),
            popularity: 1.0,
            class: String::new(),
            description: String::new(),
        };
        let entries = vec![
            entry("Q1", EntityType::Place, "Lombardy"),
            entry("Q2", EntityType::Person, "Victoria Roe"),
        ];
        let divisions: BTreeMap<String, String> = [
            "Lombardy",
            "Emilia-Romagna",
            "Victoria",
            "Central",
            "Fars",
            "Oued Ed-Dahab (EH)",
            "Tuscany",
        ]
        .into_iter()
        .map(|name| (name.to_owned(), "Ruritania".to_owned()))
        .collect();
        let ordinary: HashSet<String> = ["central".to_owned()].into();
        let kept = unnamed_divisions(&divisions, &Kb::from_entries(entries.clone()), &ordinary);
        let names: Vec<&str> = kept.iter().map(|(name, _)| name.as_str()).collect();
        // An item names Lombardy; Victoria is a first name, "central" an ordinary word,
        // Fars too short to trust.
        assert_eq!(names, ["Emilia-Romagna", "Tuscany"]);

        let built = Built {
            entries,
            demonyms: Vec::new(),
            divisions: kept,
            place_names: vec!["Harbourtown".to_owned()],
            bodies: Vec::new(),
        };
        let mut tsv = Vec::new();
        write_tsv(&built, &mut tsv).expect("written to memory");
        let kb = Kb::parse(std::str::from_utf8(&tsv).expect("UTF-8"));
        assert_eq!(kb.len(), 2);
        // A town's name is a hint for the tagger, not a reading of its own.
        assert!(kb.is_place_name("Harbourtown") && !kb.is_place_name("Tuscany"));
        assert_eq!(kb.type_of("Harbourtown"), None);
        assert!(kb.is_division("Tuscany") && !kb.is_division("Lombardy"));
        assert_eq!(kb.type_of("Emilia-Romagna"), Some(EntityType::Place));
        assert!(kb.best("Emilia-Romagna").is_none());
        assert_eq!(kb.type_of("Victoria Roe"), Some(EntityType::Person));
        let again = kb.to_built();
        let countries: Vec<(&str, &str)> = again
            .divisions
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect();
        assert_eq!(
            countries,
            [("Emilia-Romagna", "Ruritania"), ("Tuscany", "Ruritania")]
        );
        assert_eq!(again.place_names, ["Harbourtown"]);
    }

    #[test]
    fn bodies_no_item_names_are_organisations_by_name_and_survive_a_rewrite() {
        let items = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\nQ1\tOrganization\tNorthwind Traders\tNorthwind\t3.0\n",
        );
        let rows = parse_table(
            "name\taliases\tkind\nQuillfeather\tQuillfeather Press\tpublisher\n\
             The Northwind\tNorthwind\tnews outlet\nNorthwind Traders\t\tcompany\n",
        );
        // An item has "Northwind" and "Northwind Traders": those names stay the item's.
        let kept = unnamed_bodies(&rows, &items);
        assert_eq!(
            kept,
            [
                (
                    "Quillfeather".to_owned(),
                    vec!["Quillfeather Press".to_owned()]
                ),
                ("The Northwind".to_owned(), Vec::new()),
            ]
        );
        let built = Built {
            bodies: kept,
            ..Built::default()
        };
        let mut tsv = Vec::new();
        write_tsv(&built, &mut tsv).expect("written to memory");
        let kb = Kb::parse(std::str::from_utf8(&tsv).expect("UTF-8"));
        assert!(
            kb.is_empty(),
            "a body is no item: it has no Q-id to link to"
        );
        for name in ["Quillfeather", "Quillfeather Press", "The Northwind"] {
            assert!(kb.is_body(name), "{name}");
            assert_eq!(kb.type_of(name), Some(EntityType::Organization));
            assert!(kb.best(name).is_none());
        }
        assert!(!kb.is_body("Quillfeather Books"));
        assert_eq!(kb.to_built().bodies, built.bodies);
    }

    #[test]
    fn the_shipped_bodies_are_organisations_known_by_name() {
        let kb = Kb::shipped();
        assert_eq!(kb.type_of("Airbnb"), Some(EntityType::Organization));
        assert!(kb.best("Airbnb").is_none());
        // A band or a militia that a source types both a person and an organisation.
        assert_eq!(kb.type_of("Hezbollah"), Some(EntityType::Organization));
        // The services, regulators, campaigners and courts of a story about encryption
        // and security, and an agency by its acronym.
        for name in [
            "Telegram",
            "Signal",
            "Ofcom",
            "Privacy International",
            "FSB",
            "DGSI",
            "Old Bailey",
        ] {
            assert_eq!(kb.type_of(name), Some(EntityType::Organization), "{name}");
        }
        // A short name news uses after the first mention, on the source's item.
        assert_eq!(kb.best("Amnesty").map(|e| e.qid.as_str()), Some("Q42970"));
    }

    #[test]
    fn typographic_and_straight_apostrophes_name_the_same_items() {
        let kb = Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ1\tOrganization\tHarrow\u{2019}s\t\t3.0\nQ2\tOrganization\tHarrow's Deli\tHarrow's\t1.0\n");
        let ids = |name: &str| kb.lookup(name).map(|e| e.qid.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("Harrow's"), ["Q1", "Q2"]);
        assert_eq!(ids("Harrow\u{2019}s"), ["Q1", "Q2"]);
        assert!(kb.knows("Harrow\u{2019}s Deli"));
    }

    #[test]
    fn names_are_found_with_or_without_their_accents() {
        let kb = Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ1\tOrganization\tAtletico Ribeira\t\t3.0\nQ2\tPlace\tSão Torvel\t\t1.0\n\tPlaceName\tVila Nogueirão\t\t0\t\t\n");
        // Composed and decomposed accents, and none.
        for name in [
            "Atlético Ribeira",
            "Atle\u{301}tico Ribeira",
            "Atletico Ribeira",
        ] {
            assert_eq!(kb.best(name).map(|e| e.qid.as_str()), Some("Q1"), "{name}");
        }
        assert_eq!(kb.type_of("Sao Torvel"), Some(EntityType::Place));
        assert!(kb.is_place_name("Vila Nogueirao") && kb.is_place_name("Vila Nogueirão"));
        // Letters that are not a letter and its accent stay apart: "Łódź" is not "Lodz".
        let kb = Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ3\tPlace\tŁódź\t\t1.0\n");
        assert!(kb.knows("Łodz") && !kb.knows("Lodz"));
    }

    #[test]
    fn a_description_says_when_an_operator_is_a_settlement() {
        assert!(names_a_settlement("city in Michigan, United States"));
        assert!(names_a_settlement("County in Norway"));
        assert!(names_a_settlement("municipality of Paraná state, Brazil"));
        assert!(!names_a_settlement(
            "county government of Santa Clara County"
        ));
        assert!(!names_a_settlement("city bus in Taoyuan City, Taiwan"));
        assert!(!names_a_settlement("international organization"));
    }

    #[test]
    fn a_state_of_the_past_is_named_by_its_words_or_a_country_s_name() {
        let countries: HashSet<&str> = ["Germany", "Brazil"].into_iter().collect();
        for state in [
            "Ottoman Empire",
            "Kingdom of Great Britain",
            "Empire of Brazil",
            "West Germany",
        ] {
            assert!(names_a_state(state, &countries), "{state}");
        }
        // A state no word gives away is typed by hand, in the shipped base.
        assert_eq!(
            Kb::shipped().type_of("Soviet Union"),
            Some(EntityType::Place)
        );
        for body in [
            "Republic",
            "Kent County Council",
            "Heathrow Airport",
            "Germany",
        ] {
            assert!(!names_a_state(body, &countries), "{body}");
        }
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym_of("FBI", "Federal Bureau of Investigation"));
        assert!(is_acronym_of("U.N.", "United Nations"));
        assert!(!is_acronym_of("Fbi", "Federal Bureau of Investigation"));
    }

    #[test]
    fn shipped_kb_loads() {
        let kb = Kb::shipped();
        assert!(kb.len() > 1000);
        assert_eq!(
            kb.best("Birmingham").map(|e| e.kind),
            Some(EntityType::Place)
        );
        // A one-word brand of wide reach is an organisation; one that is an ordinary
        // word, or a place's name, is not one.
        assert_eq!(
            kb.best("Vodafone").map(|e| e.kind),
            Some(EntityType::Organization)
        );
        assert!(kb.lookup("Subway").next().is_none());
        // A label without its closing corporate word is an alias.
        assert_eq!(
            kb.best("Greenpeace").map(|e| e.qid.as_str()),
            Some("Q81307")
        );
        assert_eq!(kb.best("Munich").map(|e| e.kind), Some(EntityType::Place));
    }

    #[test]
    fn a_place_a_team_is_named_after_is_no_alias_of_the_team() {
        let towns: BTreeSet<String> = ["Harrowby", "Quenton"].map(str::to_owned).into();
        let named_after =
            |alias: &str, label: &str| is_place_a_team_is_named_after(alias, label, &towns);
        assert!(named_after("Harrowby", "Harrowby County Cricket Club"));
        assert!(named_after("Quenton", "Quenton F.C."));
        // A firm named after a town keeps its short name; so does a team whose short
        // name is no town of the gazetteers.
        assert!(!named_after("Quenton", "Quenton Energy"));
        assert!(!named_after("Brolly", "Brolly F.C."));
    }
}
