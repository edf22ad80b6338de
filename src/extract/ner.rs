//! Mention recognition: named mentions (capitalised runs typed by the knowledge base, by
//! their last word, by a title before them, by first names), nominal mentions (a determiner
//! and a known head noun) and personal pronouns.

use super::lexicon::{self, contains, contains_lower, WordList};
use super::{EntityType, MentionKind, Method};
use crate::kb::Kb;
use crate::segment::{Segmented, Token, TokenKind, Zone};
use crate::span::Span;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

/// A mention before coreference.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub entity_type: EntityType,
    pub kind: MentionKind,
    pub sentence: usize,
    pub method: Method,
    pub confidence: f32,
    pub qid: Option<String>,
    /// A title or description before the name ("Home Secretary", "attacker").
    pub role: Option<String>,
    pub gender: Option<Gender>,
    /// The head noun of a nominal mention, or the pronoun.
    pub head: Option<String>,
    /// Whether the type came from strong evidence (knowledge base, suffix, title).
    pub typed: bool,
}

impl Candidate {
    /// A named mention whose type strong evidence gives (a pattern, the knowledge base),
    /// with no item, role, gender or head yet.
    pub(crate) fn typed_name(
        span: Span,
        entity_type: EntityType,
        sentence: usize,
        method: Method,
        confidence: f32,
    ) -> Candidate {
        Candidate {
            span,
            entity_type,
            kind: MentionKind::Named,
            sentence,
            method,
            confidence,
            qid: None,
            role: None,
            gender: None,
            head: None,
            typed: true,
        }
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(super) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

fn is_camel(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
}

/// Weekday and month names ("May" alone stays possible: it is also a name).
fn is_calendar_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && ((word.len() > 3 && crate::date::weekday_index(word).is_some())
            || (word != "May"
                && (word.len() == 3 || word == "Sept" || crate::date::MONTHS.contains(&word))
                && crate::date::month_index(word).is_some()))
}

/// "Londoners", "New Yorker": people named after a known place are no entity name.
fn is_inhabitants_of_place(kb: &Kb, word: &str) -> bool {
    ["ers", "er"].iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|stem| {
            stem.len() > 2 && kb.best(stem).is_some_and(|e| e.kind == EntityType::Place)
        })
    })
}

/// Whether a name is written in capitals throughout ("NAIROBI", "MARIA DELGADO", a
/// dateline or a byline) rather than as an acronym: several words, or one longer than an
/// acronym runs.
pub(super) fn is_shouted(name: &str) -> bool {
    name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
        && (name.contains(' ') || name.chars().count() > 4)
}

/// How a name written in capitals reads in ordinary case, for the knowledge base and the
/// word lists ("NEW MEXICO" -> "New Mexico", "UNIVERSITY OF GHANA" -> "University of
/// Ghana"); `None` when the name is not [shouted](is_shouted).
fn ordinary_case(name: &str) -> Option<String> {
    if !is_shouted(name) {
        return None;
    }
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            if is_connector(w) {
                w.to_lowercase()
            } else {
                title_case(w)
            }
        })
        .collect();
    Some(words.join(" "))
}

/// Whether a word joins the parts of a name ("of", "and", "de"), in capitals too ("OF").
fn is_connector(word: &str) -> bool {
    contains(&lexicon::NAME_CONNECTORS, word)
        || !word.chars().any(char::is_lowercase)
            && contains(&lexicon::NAME_CONNECTORS, &word.to_lowercase())
}

/// Whether the knowledge base knows a word as a name (an item's, a body's, a division's)
/// or a first name, read in ordinary case when it is written in capitals.
fn known_word(kb: &Kb, word: &str) -> bool {
    let known = |w: &str| kb.knows(w) || kb.is_body(w) || kb.is_division(w) || kb.is_first_name(w);
    known(word) || ordinary_case(word).is_some_and(|w| known(&w))
}

/// Title case of an all-caps word ("LONDON" -> "London").
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for (i, c) in word.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

struct Context<'a> {
    text: &'a str,
    kb: &'a Kb,
    stats: &'a DocumentStats,
    /// Whether the current sentence is in title case (a headline), where capitals say
    /// nothing and only known names count.
    title_case: bool,
    out: Vec<Candidate>,
}

/// What the whole document says about its words; computed once per document, read by
/// the rules here and by the tagger.
#[derive(Debug, Clone, Default)]
pub struct DocumentStats {
    /// Words written in lower case somewhere in the document.
    pub lowercase: FxHashSet<String>,
    /// Capitalised words seen in the middle of a sentence (title-case headlines aside).
    pub mid_sentence_capitalised: FxHashSet<String>,
    /// Capitalised words seen right after an article ("the Sea Org", "a Scientology
    /// attorney"), which people's names rarely are.
    pub after_article: FxHashSet<String>,
    /// For each capitalised word, the contexts the document puts the name it is part of
    /// in, anywhere (bits of [`NameContext`]): "in Torvale" in one sentence is evidence of a
    /// place where another only says "Torvale is".
    pub name_contexts: FxHashMap<String, u8>,
    /// First words of two-word names whose second word the document also gives alone
    /// ("Margit" of "Margit Sørensen" where "Sørensen" stands alone): given names.
    pub given_names: FxHashSet<String>,
}

/// The contexts of a name that say what kind of thing it names, as bits of
/// [`DocumentStats::name_contexts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameContext {
    /// After a preposition of place ("in X", "near X").
    AfterPlacePreposition = 0,
    /// After a person's title ("Dr X", "President X").
    AfterTitle = 1,
    /// Before a speech verb ("X said").
    BeforeSpeechVerb = 2,
    /// Before "who" ("X, who").
    BeforeWho = 3,
    /// Before "which" or "where" ("X, which"; "X, where").
    BeforeWhichOrWhere = 4,
    /// After "by" ("written by X", "a study by X").
    AfterBy = 5,
    /// After "of" ("the people of X", "a professor of X").
    AfterOf = 6,
    /// Before a possessive ("X's").
    BeforePossessive = 7,
}

impl NameContext {
    pub const ALL: [NameContext; 8] = [
        NameContext::AfterPlacePreposition,
        NameContext::AfterTitle,
        NameContext::BeforeSpeechVerb,
        NameContext::BeforeWho,
        NameContext::BeforeWhichOrWhere,
        NameContext::AfterBy,
        NameContext::AfterOf,
        NameContext::BeforePossessive,
    ];

    pub fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The contexts (bits of [`NameContext`]) of the capitalised run `tokens[first..end]`
/// in its sentence, and the index from which its words follow a title.
fn run_contexts(text: &str, tokens: &[Token], first: usize, end: usize) -> (u8, usize) {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
    let before = first.checked_sub(1).map_or("", word);
    let mut bits = 0;
    if matches!(
        before,
        "in" | "at"
            | "from"
            | "near"
            | "into"
            | "across"
            | "throughout"
            | "outside"
            | "around"
            | "via"
            | "toward"
            | "towards"
    ) {
        bits |= NameContext::AfterPlacePreposition.bit();
    }
    match before {
        "by" => bits |= NameContext::AfterBy.bit(),
        "of" => bits |= NameContext::AfterOf.bit(),
        _ => {}
    }
    if matches!(word(end), "'s" | "\u{2019}s" | "'" | "\u{2019}") {
        bits |= NameContext::BeforePossessive.bit();
    }
    let mut after = word(end);
    if after == "," {
        after = word(end + 1);
    }
    if contains(&lexicon::SPEECH_VERBS, word(end)) {
        bits |= NameContext::BeforeSpeechVerb.bit();
    }
    match after {
        "who" => bits |= NameContext::BeforeWho.bit(),
        "which" | "where" => bits |= NameContext::BeforeWhichOrWhere.bit(),
        _ => {}
    }
    let titled_from = (first..end)
        .rev()
        .find(|&k| lexicon::is_title_word(word(k)))
        .map_or(end, |k| k + 1);
    let titled_from = if first > 0 && lexicon::is_title_word(before) {
        first
    } else {
        titled_from
    };
    (bits, titled_from)
}

impl DocumentStats {
    /// Whether the article also writes `word` in lower case ("Government" and "the
    /// government").
    pub fn written_in_lower_case(&self, word: &str) -> bool {
        self.lowercase.contains(&word.to_lowercase())
    }

    pub fn new(text: &str, seg: &Segmented) -> Self {
        // Each distinct word is copied once, not once per occurrence.
        let mut lowercase: FxHashSet<String> = FxHashSet::default();
        for t in &seg.tokens {
            let w = t.span.slice(text);
            if w.chars().next().is_some_and(char::is_lowercase) && !lowercase.contains(w) {
                lowercase.insert(w.to_owned());
            }
        }
        let mut mid_sentence_capitalised: FxHashSet<String> = FxHashSet::default();
        let mut after_article: FxHashSet<String> = FxHashSet::default();
        let mut name_contexts: FxHashMap<String, u8> = FxHashMap::default();
        // Two-word runs of capitals, and the words that stand alone as a run of one.
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        let mut alone: FxHashSet<&str> = FxHashSet::default();
        for sentence in &seg.sentences {
            let tokens = &seg.tokens[sentence.tokens.clone()];
            if is_title_case(text, tokens) {
                continue;
            }
            for (i, t) in tokens.iter().enumerate() {
                let w = t.span.slice(text);
                if !is_capitalised(w) {
                    continue;
                }
                if !mid_sentence_capitalised.contains(w) && !sentence_initial(text, tokens, i) {
                    mid_sentence_capitalised.insert(w.to_owned());
                }
                let article = i > 0
                    && matches!(
                        tokens[i - 1].span.slice(text),
                        "the" | "The" | "a" | "A" | "an" | "An"
                    );
                if article && !after_article.contains(w) {
                    after_article.insert(w.to_owned());
                }
            }
            // The contexts of each run of capitalised words, given to all its words.
            let mut i = 0;
            while i < tokens.len() {
                if !is_capitalised(tokens[i].span.slice(text)) {
                    i += 1;
                    continue;
                }
                let end = (i..tokens.len())
                    .find(|&k| !is_capitalised(tokens[k].span.slice(text)))
                    .unwrap_or(tokens.len());
                let word_at = |k: usize| tokens[k].span.slice(text);
                match end - i {
                    1 => {
                        alone.insert(word_at(i));
                    }
                    2 if (i..end).all(|k| word_at(k).chars().all(char::is_alphabetic)) => {
                        pairs.push((word_at(i), word_at(i + 1)));
                    }
                    _ => {}
                }
                let (bits, titled_from) = run_contexts(text, tokens, i, end);
                for (k, t) in tokens.iter().enumerate().take(end).skip(i) {
                    let bits = if k >= titled_from {
                        bits | NameContext::AfterTitle.bit()
                    } else {
                        bits
                    };
                    if bits != 0 {
                        let w = t.span.slice(text);
                        match name_contexts.get_mut(w) {
                            Some(seen) => *seen |= bits,
                            None => {
                                name_contexts.insert(w.to_owned(), bits);
                            }
                        }
                    }
                }
                i = end;
            }
        }
        let given_names = pairs
            .into_iter()
            .filter(|(_, second)| alone.contains(second))
            .map(|(first, _)| first.to_owned())
            .collect();
        DocumentStats {
            lowercase,
            mid_sentence_capitalised,
            after_article,
            name_contexts,
            given_names,
        }
    }
}

/// Finds every candidate mention of a document, in text order.
pub fn recognize(text: &str, seg: &Segmented, kb: &Kb, stats: &DocumentStats) -> Vec<Candidate> {
    let mut cx = Context {
        text,
        kb,
        stats,
        title_case: false,
        out: Vec::new(),
    };
    for (index, sentence) in seg.sentences.iter().enumerate() {
        if matches!(sentence.zone, Zone::Header | Zone::Section) {
            continue;
        }
        let tokens = seg.sentence_tokens(index);
        // A byline is names and a job: in title case by nature, not a headline.
        cx.title_case = sentence.zone != Zone::Byline && is_title_case(text, tokens);
        names(&mut cx, index, tokens);
        caption_credit(&mut cx, index, tokens);
        signature(&mut cx, seg, index);
        nominals_and_pronouns(&mut cx, index, tokens, sentence.zone == Zone::Headline);
    }
    let mut out = cx.out;
    for c in &mut out {
        drop_leading_article(text, c);
    }
    sort_candidates(&mut out);
    out
}

/// "The New York Times", "The Hague": a name the knowledge base or a capitalised run gives
/// with its article starts after it, as SCHEMA.md's minimal spans have it (the gold never
/// holds "The" in a name); the Wikidata item stays.
fn drop_leading_article(text: &str, c: &mut Candidate) {
    if c.kind != MentionKind::Named {
        return;
    }
    if let Some(rest) = c.span.slice(text).strip_prefix("The ") {
        if rest.starts_with(char::is_uppercase) {
            c.span = Span::new(c.span.end - rest.len(), c.span.end);
        }
    }
}

/// Puts candidates in text order (longer first at one start) and keeps one per span.
pub(super) fn sort_candidates(out: &mut Vec<Candidate>) {
    out.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    out.dedup_by(|a, b| a.span == b.span);
}

/// "X, Ruritania's state-owned shipping group," / "X, a logistics firm." / "X, a unit of
/// Y,": a description in apposition after the name (the token at `after`), opened by an
/// article or a possessive and closed by a word for a kind of organisation at its end.
/// So is an organisation's own name after "the" ("X, the Swedish Companies Registration
/// Office,").
fn described_as_organisation<'t>(word_at: &impl Fn(usize) -> &'t str, after: usize) -> bool {
    if word_at(after) != "," {
        return false;
    }
    let opens = |k: usize| {
        matches!(word_at(k), "a" | "an" | "the" | "its")
            || word_at(k).starts_with(char::is_uppercase) && matches!(word_at(k + 1), "'s" | "’s")
    };
    if !opens(after + 1) {
        return false;
    }
    // "Bolagsverket, the Swedish Companies Registration Office,": an organisation's own
    // name in apposition, its last capitalised word an organisation's.
    let named = (after + 2..after + 9)
        .take_while(|&k| word_at(k).starts_with(char::is_uppercase) || word_at(k) == "of")
        .last()
        .is_some_and(|k| {
            k > after + 2
                && lexicon::closes_organisation(word_at(k))
                && matches!(word_at(k + 1), "," | "." | ";" | ")" | "")
        });
    if named && word_at(after + 1) == "the" {
        return true;
    }
    (after + 2..after + 7)
        .take_while(|&k| {
            let w = word_at(k);
            !w.is_empty() && !matches!(w, "," | "." | "who" | "which" | "that")
        })
        // The last kind word heads the phrase ("a supermarket chain").
        .filter(|&k| contains(&lexicon::ORGANIZATION_KINDS, word_at(k)))
        .last()
        .is_some_and(|k| {
            // "X, a unit of Y,": the kind may be of another body; "X, a start-up founded
            // by ...", "X, a firm based in ...": a participle may describe it further.
            let next = word_at(k + 1);
            matches!(next, "," | "." | ";" | ")" | "that" | "which" | "" | "of")
                || next.len() > 4
                    && next.ends_with("ed")
                    && next.chars().all(|c| c.is_ascii_lowercase())
                    && matches!(word_at(k + 2), "by" | "in" | "on" | "at")
        })
}

/// "Orla, the cook, was slow", "Brannoc, her older brother, left": a name before a comma,
/// a determiner or possessive, up to three words in lower case ending in a noun for a
/// person (a kin, a household's or an occupation's: [`lexicon::PERSON_NOUNS`],
/// [`lexicon::is_occupation`]) and a comma or the sentence's end is that person.
fn described_as_person<'t>(word_at: &impl Fn(usize) -> &'t str, after: usize) -> bool {
    if word_at(after) != ","
        || !matches!(
            word_at(after + 1),
            "a" | "an" | "the" | "my" | "our" | "his" | "her" | "their" | "your"
        )
    {
        return false;
    }
    let words = (after + 2..after + 5)
        .take_while(|&k| {
            let w = word_at(k);
            !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-')
        })
        .count();
    let head = word_at(after + 1 + words);
    words > 0
        && (contains(&lexicon::PERSON_NOUNS, head) || lexicon::is_occupation(head))
        && matches!(word_at(after + 2 + words), "," | "." | ";" | "who" | "")
}

/// "Halvorsen scored twice", "Kettridge told reporters": a word opening a sentence before a
/// verb of speech or of what people do is a name to weigh, not a common word, unless it is a
/// plural of the people a report cites ("Officials said", "Witnesses told").
fn acts_as_a_person<'t>(word_at: &impl Fn(usize) -> &'t str, at: usize) -> bool {
    let next = word_at(at + 1);
    (contains(&lexicon::SPEECH_VERBS, next) || contains(&lexicon::PERSON_ACTION_VERBS, next))
        && !contains(&lexicon::CITED_GROUPS, &word_at(at).to_lowercase())
}

/// "Zorvex chief executive Jane Roe", "Benfica president Rui Costa": a name before a role
/// in lower case that a company or club gives (up to three words, ending in a role's
/// head), then a capitalised name, is the organisation whose role it is. A title in
/// capitals ("Texas Governor Greg Abbott") is a person's title, read elsewhere.
fn gives_a_role<'t>(word_at: &impl Fn(usize) -> &'t str, after: usize) -> bool {
    let words = (after..after + 3)
        .take_while(|&k| {
            contains(&lexicon::CORPORATE_ROLE_MODIFIERS, word_at(k))
                || contains(&lexicon::CORPORATE_ROLE_HEADS, word_at(k))
        })
        .count();
    words > 0
        && contains(&lexicon::CORPORATE_ROLE_HEADS, word_at(after + words - 1))
        && word_at(after + words).starts_with(char::is_uppercase)
}

/// "Shares of Zorvex fell", "Zorvex shares rose 4%": a name whose shares or stock trade is
/// a company.
fn traded<'t>(word_at: &impl Fn(usize) -> &'t str, first: usize, after: usize) -> bool {
    let before = |d: usize| first.checked_sub(d).map_or("", |k| word_at(k));
    let of_shares = before(1) == "of" && matches!(before(2), "shares" | "Shares" | "stock");
    let shares_move = matches!(word_at(after), "shares" | "stock")
        && contains(&lexicon::MARKET_MOVES, word_at(after + 1));
    of_shares || shares_move
}

/// How the names of a photo credit are found: a method of their own in the graph.
pub(super) const CAPTION_CREDIT: Method = Method::Pattern("caption-credit");
/// A legislature's name where the text speaks of its building: the context decides, not
/// the tagger.
pub(super) const LEGISLATURE_BUILDING: Method = Method::Pattern("legislature-building");
/// A name in apposition to a word for a kind of organisation ("the logistics firm Tandry
/// Freight", "the campaign group Fair Trade Now"), or before a role such an organisation
/// gives ("Zorvex chief executive Jane Roe"): the context decides, not the tagger.
pub(super) const ORG_APPOSITION: Method = Method::Pattern("org-apposition");
/// A name in apposition to a noun for a person ("Orla, the cook,"): the context decides,
/// not the tagger.
pub(super) const PERSON_APPOSITION: Method = Method::Pattern("person-apposition");
/// A compass word before a known place ("West Texas"): a region of it, whatever the
/// tagger reads ("West" is a surname too).
pub(super) const REGION: Method = Method::Pattern("region-of-place");

/// A name after a word for a kind of settlement and "of" ("the town of Marlow", "the port of
/// Tilbury"): the place, whatever else bears its name and whatever the tagger reads.
pub(super) const PLACE_OF_ITS_KIND: Method = Method::Pattern("place-after-its-kind");

/// A storm's name ("Storm Edda", "Hurricane Mirela"): an event, whatever the tagger reads of
/// the given name in it.
pub(super) const NAMED_STORM: Method = Method::Pattern("named-storm");

/// The writer's name on the line after a letter's closing ("Love always,", "Sincerely,"):
/// a person, whatever the tagger reads of a lone name opening a line.
pub(super) const SIGNATURE: Method = Method::Pattern("signature");

/// The place in capitals that opens a wire story's first line, "HARBORVIEW, Maine —" or
/// "KESWICK (Reuters) -": where the story was filed, known or not.
pub(super) const DATELINE: Method = Method::Pattern("dateline");

/// Whether a name found by `method` stands whatever the tagger reads: the methods whose
/// context decides the name and its type (a photo credit, a dateline, a place after its
/// kind, a signature, a region, a name in apposition to its description).
pub(super) fn decided_by_context(method: Method) -> bool {
    [
        CAPTION_CREDIT,
        LEGISLATURE_BUILDING,
        DATELINE,
        PLACE_OF_ITS_KIND,
        SIGNATURE,
        REGION,
        ORG_APPOSITION,
        PERSON_APPOSITION,
    ]
    .contains(&method)
}

/// The photographer and the agency of a credit closing a sentence, "(Jane Roe/Coastal
/// Press Photo)" or "(AP Photo/Jane Roe)": a person and an organisation, whatever the
/// capitals around them say. "Photo" after the agency is no part of its name.
fn caption_credit(cx: &mut Context, sentence: usize, tokens: &[Token]) {
    let text = cx.text;
    let word = |i: usize| tokens[i].span.slice(text);
    let Some(close) = tokens.len().checked_sub(1).filter(|&c| word(c) == ")") else {
        return;
    };
    let Some(open) = tokens[..close]
        .iter()
        .rposition(|t| t.span.slice(text) == "(")
    else {
        return;
    };
    let slashes: Vec<usize> = (open + 1..close).filter(|&k| word(k) == "/").collect();
    let [slash] = slashes[..] else {
        return;
    };
    let is_name_part = |k: usize| {
        let w = word(k);
        (tokens[k].kind == TokenKind::Word && is_capitalised(w)) || matches!(w, "." | "&")
    };
    let parts = [(open + 1, slash), (slash + 1, close)];
    if parts
        .iter()
        .any(|&(a, b)| b <= a || b - a > 5 || !(a..b).all(is_name_part))
    {
        return;
    }
    let photo = |w: &str| matches!(w, "Photo" | "Photos" | "Photograph" | "Pictures");
    let known_org = |a: usize, b: usize| {
        let name = Span::new(tokens[a].span.start, tokens[b - 1].span.end);
        cx.kb
            .best(name.slice(text))
            .is_some_and(|e| e.kind == EntityType::Organization)
    };
    // The agency is the part that "Photo" closes or the knowledge base knows; else the
    // second ("Jane Roe/AP").
    let agency_first = photo(word(slash - 1)) && !photo(word(close - 1))
        || known_org(open + 1, slash) && !known_org(slash + 1, close);
    let (person, agency) = if agency_first {
        (parts[1], parts[0])
    } else {
        (parts[0], parts[1])
    };
    let agency_end = if photo(word(agency.1 - 1)) && agency.1 - 1 > agency.0 {
        agency.1 - 1
    } else {
        agency.1
    };
    let credit = Span::new(tokens[open].span.start, tokens[close].span.end);
    cx.out
        .retain(|c| !(c.sentence == sentence && credit.contains(c.span)));
    for ((a, b), entity_type) in [
        (person, EntityType::Person),
        ((agency.0, agency_end), EntityType::Organization),
    ] {
        let span = Span::new(tokens[a].span.start, tokens[b - 1].span.end);
        let qid = cx
            .kb
            .best(span.slice(text))
            .filter(|e| e.kind == entity_type)
            .map(|e| e.qid.clone());
        cx.out.push(Candidate {
            span,
            entity_type,
            kind: MentionKind::Named,
            sentence,
            method: CAPTION_CREDIT,
            confidence: 0.8,
            qid,
            role: None,
            gender: None,
            head: None,
            typed: true,
        });
    }
}

/// "Love always,\n\nMarcie", "Sincerely,\nJane Roe": the name alone on the line after
/// a letter's closing, itself a line of a few words that a valediction opens, is the
/// writer's, a person.
fn signature(cx: &mut Context, seg: &Segmented, sentence: usize) {
    let text = cx.text;
    let Some(previous) = sentence.checked_sub(1) else {
        return;
    };
    let alone_on_its_line = |span: Span| {
        let before = text[..span.start].trim_end_matches([' ', '\t']);
        (before.is_empty() || before.ends_with('\n'))
            && text[span.end..]
                .trim_start_matches([' ', '\t'])
                .starts_with(['\n', '\r'])
    };
    let closing = seg.sentences[previous].span;
    let closing_words: Vec<&str> = closing.slice(text).split_whitespace().collect();
    let valediction = closing_words.first().is_some_and(|w| {
        contains(
            &lexicon::VALEDICTIONS,
            w.trim_end_matches([',', '.', '!']).to_lowercase().as_str(),
        )
    });
    let line = seg.sentences[sentence].span;
    // "Love ya.", "Yours truly,": a closing ends in a comma or a stop ("Best Picture" is a
    // heading).
    let closes =
        closing.slice(text).trim_end().ends_with([',', '.', '!']) || closing_words.len() == 1;
    if !valediction
        || !closes
        || closing_words.len() > 4
        || !alone_on_its_line(closing)
        || !(alone_on_its_line(line) || text[line.end..].trim().is_empty())
    {
        return;
    }
    let tokens = seg.sentence_tokens(sentence);
    let words = tokens
        .iter()
        .rposition(|t| t.kind == TokenKind::Word)
        .map_or(0, |last| last + 1);
    let name_like = |t: &Token| {
        let w = t.span.slice(text);
        t.kind == TokenKind::Word && is_capitalised(w) && !contains(&lexicon::NEVER_NAMES, w)
            || w == "."
    };
    if !(1..=4).contains(&words)
        || !tokens[..words].iter().all(name_like)
        || tokens[words..].iter().any(|t| t.kind == TokenKind::Word)
    {
        return;
    }
    let span = Span::new(tokens[0].span.start, tokens[words - 1].span.end);
    cx.out
        .retain(|c| !(c.sentence == sentence && span.contains(c.span)));
    cx.out.push(Candidate::typed_name(
        span,
        EntityType::Person,
        sentence,
        SIGNATURE,
        0.8,
    ));
}

/// Whether most content words of a sentence are capitalised ("Storm Hits Coastal Towns").
fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    let (mut words, mut lower) = (0, 0);
    for w in tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.span.slice(text))
        .filter(|w| {
            !contains(&lexicon::NAME_CONNECTORS, w)
                && !matches!(
                    *w,
                    "a" | "an" | "the" | "to" | "in" | "on" | "at" | "with" | "by"
                )
        })
    {
        words += 1;
        lower += usize::from(!is_capitalised(w));
    }
    // One lower-case word in a short sentence is prose with names in it ("Jan Roe
    // joined Acme Group"), not a headline.
    words >= 5 && (lower == 0 || (words >= 10 && lower * 10 <= words))
}

/// How a capitalised word can take part in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameWord {
    /// Part of a name wherever it stands ("Acme", "Roe", "Harley-Davidson").
    Name,
    /// Part of a name only before a name word ("Southern", "Chinese", "World").
    Modifier,
    /// A capitalised word with a lower-case tail ("Cheuk-yan"): part of a name only right
    /// after a name word ("Lee Cheuk-yan"), never "Facebook-owned".
    HyphenTail,
    No,
}

fn name_word(cx: &Context, token: &Token) -> NameWord {
    let w = token.span.slice(cx.text);
    // "al-Assad", "el-Sisi", "bin-Laden": an Arabic particle before a capitalised name.
    if token.kind == TokenKind::Word
        && w.split_once('-').is_some_and(|(particle, name)| {
            matches!(
                particle,
                "al" | "el" | "ad" | "as" | "an" | "ash" | "at" | "bin" | "ibn" | "abu" | "abd"
            ) && is_capitalised(name)
        })
    {
        return NameWord::Name;
    }
    if token.kind != TokenKind::Word
        || !is_capitalised(w)
        || is_calendar_word(w)
        || w == "I"
        || w.starts_with("I'")
        || w.starts_with("I’")
        || w.chars().nth(1).is_none()
    {
        return NameWord::No;
    }
    if contains(&lexicon::NAME_MODIFIERS, w) || cx.kb.demonym(w).is_some() {
        return NameWord::Modifier;
    }
    if contains(&lexicon::NEVER_NAMES, w) || is_inhabitants_of_place(cx.kb, w) {
        return NameWord::No;
    }
    // "I-44" (a road), "Naqsh-e Jahan", "Masjed-e Jame" (the Persian ezafe that joins
    // the words of a name).
    if lexicon::is_road_number(w)
        || w.rsplit_once('-')
            .is_some_and(|(head, ezafe)| matches!(ezafe, "e" | "ye") && head.chars().count() > 2)
    {
        return NameWord::Name;
    }
    let Some(dash) = w.find('-') else {
        return NameWord::Name;
    };
    // "Harley-Davidson", "Al-Maeena", "Bourg-la-Reine": a capitalised last part. Not
    // "Anti-War", "Pro-Beijing", "Ex-Minister": a prefix of a common word.
    let (head, tail) = (&w[..dash], &w[dash + 1..]);
    let last = w.rsplit('-').next().unwrap_or(tail);
    if is_capitalised(last) {
        return if contains(&lexicon::HYPHEN_PREFIXES, head) {
            NameWord::No
        } else {
            NameWord::Name
        };
    }
    let tail_word = tail.split('-').next().unwrap_or(tail);
    if tail_word.starts_with(char::is_lowercase)
        && !contains(&lexicon::HYPHEN_MODIFIER_TAILS, tail_word)
        && !contains(&lexicon::HYPHEN_PREFIXES, head)
    {
        NameWord::HyphenTail
    } else {
        NameWord::No
    }
}

fn names(cx: &mut Context, sentence: usize, tokens: &[Token]) {
    let text = cx.text;
    let word = |i: usize| tokens[i].span.slice(text);
    let kinds: Vec<NameWord> = tokens.iter().map(|t| name_word(cx, t)).collect();
    let kind = |i: usize| kinds.get(i).copied().unwrap_or(NameWord::No);
    // Whether a name can open (or, after a name word, continue) at `i`.
    let opens = |i: usize| match kind(i) {
        NameWord::Name => true,
        NameWord::Modifier => {
            kind(i + 1) == NameWord::Name
                || kind(i + 1) == NameWord::Modifier && kind(i + 2) == NameWord::Name
        }
        NameWord::HyphenTail | NameWord::No => false,
    };
    let mut i = 0;
    while i < tokens.len() {
        if !opens(i) {
            // "Facebook-owned", "U.S.-based": the capitalised part before the hyphen.
            let w = word(i);
            if tokens[i].kind == TokenKind::Word {
                if let Some(dash) = w.find('-') {
                    let (prefix, rest) = w.split_at(dash);
                    if is_capitalised(prefix)
                        && rest[1..].chars().next().is_some_and(char::is_lowercase)
                        && !contains(&lexicon::NEVER_NAMES, prefix)
                        && !is_calendar_word(prefix)
                    {
                        let span = Span::new(tokens[i].span.start, tokens[i].span.start + dash);
                        if let Some(c) = type_name(cx, span, None, sentence, i, tokens) {
                            cx.out.push(c);
                        }
                    }
                }
            }
            i += 1;
            continue;
        }
        // "May 14": a month before a day number is a date, not a name.
        if crate::date::month_index(word(i)).is_some()
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() {
            if opens(end) || kind(end) == NameWord::HyphenTail && kind(end - 1) == NameWord::Name {
                end += 1;
            } else if word(end) == "."
                && (matches!(word(end - 1), "St" | "Mt" | "Ft")
                    || lexicon::is_title_abbreviation(word(end - 1))
                        && (end - 1 == start
                            || end - 2 == start
                                && contains(&lexicon::TITLE_MODIFIERS, word(start))))
                && opens(end + 1)
            {
                // "St. Louis", "Mt. Everest": the abbreviation's dot is inside the name;
                // "Mrs. Ruelle", "Dr. Roe", "State Sen. Jo Roe": inside the run, where the
                // title splits off (a title opening the run, or after a title's modifier,
                // only: "Undersecretary for Education Mr." is a role of its own).
                end += 2;
            } else if let Some(known_end) = known_name_across_link(cx, tokens, start, end) {
                // "U.S. Securities and Exchange Commission", "Viana do Castelo", "People's
                // Republic of China": a name the knowledge base knows goes on across its
                // connectors and possessives.
                end = known_end;
            } else if end + 1 < tokens.len()
                && contains(&lexicon::NAME_CONNECTORS, word(end))
                && opens(end + 1)
                && match word(end) {
                    "and" => name_goes_on_across_and(cx, tokens, start, end, &opens),
                    // "Procter & Gamble", but not the authors of a citation, "(Roe &
                    // Diaz, 2019)", "Roe & Diaz (2019)".
                    "&" => !(end + 2..(end + 5).min(tokens.len()))
                        .any(|k| tokens[k].kind == TokenKind::Number && word(k).len() == 4),
                    _ => true,
                }
            {
                end += 2;
            } else if let Some(list_end) = remit_list_end(cx, tokens, start, end, &opens) {
                // "the Department for Digital, Culture, Media and Sport".
                end = list_end;
            } else if word(end) == "on"
                && contains(&lexicon::BODIES_ON_A_SUBJECT, word(end - 1))
                && opens(end + 1)
                && !cx.kb.knows(span_text(text, tokens, start, end))
            {
                // "the Intergovernmental Panel on Climate Change", "the Council on Foreign
                // Relations": a body named for its subject (not a known body's name, then
                // what it met on: "the Security Council on Syria").
                end += 2;
            } else if word(end) == "." && cx.kb.knows(span_text(text, tokens, start, end + 1)) {
                // "Calif.", "Mass.": a known name that ends in an abbreviation's dot. (A
                // possessive stays out of every name, "McDonald's" too, as the gold has it.)
                end += 1;
            } else if end + 1 < tokens.len()
                && lexicon::possessive_inside_name(word(end - 1), word(end), word(end + 1))
                && opens(end + 1)
                && !cx.kb.knows(word(end - 1))
            {
                // "Leicester Magistrates' Court", "the Children's Hospital": a plural's
                // possessive before an organisation's word is inside the name (not a known
                // name's: "Texas' Senate").
                end += 2;
            } else if let Some(saint_end) = saints_building(cx, tokens, start, end) {
                // "St. Peter's Church": a saint's building goes on across the possessive.
                end = saint_end;
            } else if end + 2 < tokens.len()
                && contains(&lexicon::NAME_PARTICLES, word(end))
                && contains(&lexicon::NAME_PARTICLES, word(end + 1))
                && opens(end + 2)
            {
                // "Ursula von der Leyen", "Rafael van der Vaart": two particles.
                end += 3;
            } else {
                break;
            }
        }
        end = road_number_end(text, tokens, end);
        let start = address_start(text, tokens, start, end);
        run(cx, sentence, tokens, start, end);
        i = end;
    }
}

/// "Route 66", "US 169", "I-44 West": the number after a road's or a terminal's word, and a
/// compass point after a road's number, are inside the name that ends before `end`.
fn road_number_end(text: &str, tokens: &[Token], mut end: usize) -> usize {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.span.slice(text));
    if tokens.get(end).is_some_and(|t| t.kind == TokenKind::Number)
        && contains(&lexicon::NUMBERED_PLACE_WORDS, word(end - 1))
        && word(end).bytes().all(|b| b.is_ascii_digit())
    {
        end += 1;
    } else if !lexicon::is_road_number(word(end - 1)) {
        return end;
    }
    if matches!(word(end), "North" | "South" | "East" | "West") {
        end += 1;
    }
    end
}

/// "Route 66", "US 169", "I-44 West", "the A64 towards York": a road's (or a terminal's)
/// number, read as written ("US" is no "Us"); the name's tokens are `first..after`.
fn names_a_road<'t>(
    name: &str,
    word_at: &impl Fn(usize) -> &'t str,
    first: usize,
    after: usize,
) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(&last) = words.last() else {
        return false;
    };
    let numbered = words.len() >= 2
        && last.bytes().all(|b| b.is_ascii_digit())
        && contains(&lexicon::NUMBERED_PLACE_WORDS, words[words.len() - 2]);
    let road_number = lexicon::is_road_number(words[0])
        && (words.len() == 1 || words.len() == 2 && contains(&lexicon::COMPASS_WORDS, last));
    let letter_road = words.len() == 1
        && lexicon::is_letter_road_number(last)
        && (contains(&lexicon::ROAD_CONTEXT_AFTER, word_at(after))
            || first
                .checked_sub(1)
                .is_some_and(|k| matches!(word_at(k), "the" | "onto" | "via" | "off"))
                && matches!(
                    word_at(after),
                    "," | "."
                        | ";"
                        | ")"
                        | ""
                        | "and"
                        | "or"
                        | "to"
                        | "at"
                        | "near"
                        | "between"
                        | "from"
                        | "into"
                ));
    numbered || road_number || letter_road
}

/// "1214 Anderson Ave", "10 Downing Street": the house number before a street's name is
/// inside the address, a place.
fn address_start(text: &str, tokens: &[Token], start: usize, end: usize) -> usize {
    let number = start
        .checked_sub(1)
        .filter(|&k| tokens[k].kind == TokenKind::Number)
        .map(|k| tokens[k].span.slice(text))
        .filter(|n| (1..=5).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
        // "In 2019 Main Street closed": a year is no house number.
        .filter(|n| {
            let year = n.len() == 4 && (n.starts_with("19") || n.starts_with("20"));
            let before = (start >= 2).then(|| tokens[start - 2].span.slice(text));
            !(year
                && before.is_none_or(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "in" | "since" | "until" | "by" | "before" | "after" | "during" | "of"
                    )
                }))
        });
    let street = tokens[end - 1].span.slice(text);
    if number.is_some() && contains(&lexicon::STREET_WORDS, street.trim_end_matches('.')) {
        start - 1
    } else {
        start
    }
}

/// Whether the name from `start` goes on across the "and" at `and`, in two shapes.
///
/// - "the Department of Health and Social Care", "the Centre for Welsh and Cornish
///   Studies": the name of a body ("Department of", "Centre for") goes on to the second
///   field of its remit, unless what follows is a name of its own: one the knowledge base
///   knows ("the University of Leeds and Manchester"), or one an organisation's word
///   closes ("the Department of Health and Home Office").
/// - "Homicide and Major Enquiry Team", "Fish and Wildlife Service": the fields of a body's
///   remit, then the rest of its name, which a body's word closes within four words, are
///   one name. The fields are common words (the word classes know them), three at most
///   before "and", none a body's word or "of", and no known name ("Leeds and Bradford
///   Council" is two); a firm's or club's word closes two names ("Quorbit and Brenmoor
///   Holdings").
fn name_goes_on_across_and(
    cx: &Context,
    tokens: &[Token],
    start: usize,
    and: usize,
    opens: &dyn Fn(usize) -> bool,
) -> bool {
    if names_a_body(cx.text, &tokens[start..and])
        && field_of_remit(cx, tokens, and + 1, opens).is_some()
    {
        return true;
    }
    let word = |k: usize| tokens[k].span.slice(cx.text);
    let common = |k: usize| {
        super::word_classes::WordClasses::shipped()
            .get(&word(k).to_lowercase())
            .is_some()
    };
    let left_is_field = and - start <= 3
        && (start..and)
            .all(|k| common(k) && !lexicon::closes_own_name(word(k)) && !is_connector(word(k)))
        && !cx.kb.knows(span_text(cx.text, tokens, start, and))
        && !cx.kb.knows(word(and - 1));
    if !left_is_field {
        return false;
    }
    let rest = (and + 1..tokens.len().min(and + 5))
        .take_while(|&k| opens(k))
        .count();
    let last = word(and + rest);
    rest > 1
        && (and + 1..and + rest).all(common)
        && lexicon::closes_organisation(last)
        && !lexicon::is_company_ending(last)
        && !contains(&lexicon::CLUB_ENDINGS, last)
        && !cx
            .kb
            .knows(span_text(cx.text, tokens, and + 1, and + 1 + rest))
}

/// Whether a name's words open with a body and its remit: an organisation's word before
/// "of" or "for" ("Department of", "Centre for").
fn names_a_body(text: &str, name: &[Token]) -> bool {
    name.windows(2).any(|pair| {
        matches!(pair[1].span.slice(text), "of" | "for")
            && lexicon::closes_organisation(pair[0].span.slice(text))
    })
}

/// Where the field of a body's remit that starts at `at` ends: a run of capitalised words
/// that is no name of its own (one the knowledge base knows, or one of several words that
/// an organisation's word closes: "Home Office", where "Media" alone is a field).
fn field_of_remit(
    cx: &Context,
    tokens: &[Token],
    at: usize,
    opens: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let word = |i: usize| tokens[i].span.slice(cx.text);
    let mut end = at;
    while end < tokens.len() && opens(end) {
        end += 1;
    }
    if end == at {
        return None;
    }
    let own_name = cx.kb.knows(word(at))
        || cx.kb.knows(span_text(cx.text, tokens, at, end))
        || end - at > 1 && lexicon::closes_own_name(word(end - 1));
    (!own_name).then_some(end)
}

/// "the Department for Environment, Food and Rural Affairs": the fields of a body's remit
/// listed with commas and closed by "and"; where the list ends, when the comma at `comma`
/// opens one.
fn remit_list_end(
    cx: &Context,
    tokens: &[Token],
    start: usize,
    comma: usize,
    opens: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let word = |i: usize| tokens[i].span.slice(cx.text);
    if word(comma) != "," || comma + 1 >= tokens.len() {
        return None;
    }
    if !names_a_body(cx.text, &tokens[start..comma]) {
        return None;
    }
    let mut at = comma;
    while at < tokens.len() && word(at) == "," {
        at = field_of_remit(cx, tokens, at + 1, opens)?;
        if at + 1 < tokens.len() && word(at) == "and" {
            return field_of_remit(cx, tokens, at + 1, opens);
        }
    }
    None
}

/// The lower-case words that join the words of a name ("Trinidad and Tobago", "Viana do
/// Castelo", "Frankfurt am Main") and the possessive ("People's Republic of China"), which
/// a known name may go on across.
static NAME_LINKS: WordList = WordList::new(&[
    "and",
    "of",
    "for",
    "on",
    "upon",
    "am",
    "an",
    "de",
    "do",
    "dos",
    "das",
    "da",
    "du",
    "des",
    "del",
    "della",
    "di",
    "la",
    "le",
    "el",
    "al",
    "y",
    "e",
    "van",
    "von",
    "der",
    "den",
    "'s",
    "\u{2019}s",
]);

/// Where a name the knowledge base knows ends when it goes on across the link word at
/// `end` ([`NAME_LINKS`]): the longest known name from `start` over up to five more words,
/// capitalised words and links, the last capitalised ("Securities and Exchange
/// Commission", "People's Republic of China"; "The" opening a sentence stays out).
fn known_name_across_link(
    cx: &Context,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> Option<usize> {
    let text = cx.text;
    let word = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
    let capitalised = |k: usize| word(k).starts_with(char::is_uppercase);
    if !contains(&NAME_LINKS, word(end)) {
        return None;
    }
    let from = if word(start) == "The" && end > start + 1 {
        start + 1
    } else {
        start
    };
    let mut known = None;
    for k in end + 1..(end + 6).min(tokens.len()) {
        if capitalised(k) {
            if cx.kb.knows(span_text(text, tokens, from, k + 1)) {
                known = Some(k + 1);
            }
        } else if !contains(&NAME_LINKS, word(k)) {
            break;
        }
    }
    known
}

/// Where a saint's building that goes on across the possessive at `end` ends ("St. Peter's
/// Church", "Saint Mary's Hospital").
fn saints_building(cx: &Context, tokens: &[Token], start: usize, end: usize) -> Option<usize> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(cx.text));
    let saint = matches!(word(end), "'s" | "\u{2019}s")
        && matches!(word(start), "St" | "Saint")
        && contains(&lexicon::SAINTS_BUILDINGS, word(end + 1));
    saint.then_some(end + 2)
}

fn span_text<'t>(text: &'t str, tokens: &[Token], start: usize, end: usize) -> &'t str {
    Span::new(tokens[start].span.start, tokens[end - 1].span.end).slice(text)
}

/// Whether the token at `i` opens its sentence (after any opening quote or bracket).
fn sentence_initial(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[..i]
        .iter()
        .all(|t| t.kind == TokenKind::Punct && !matches!(t.span.slice(text), "," | ";"))
}

/// "Hydrologist Priya Raman said": a noun for an occupation, capitalised only because it
/// opens the sentence (the run of capitals ends at `end`), before a given name or before
/// two words no name here knows: the person's role, as a title would be.
fn occupation_before_name(cx: &Context, tokens: &[Token], k: usize, end: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.span.slice(cx.text));
    let w = word(k);
    let given = |w: &str| lexicon::is_given_name(w) || cx.kb.is_first_name(w);
    let unknown_name = end - k == 3
        && (k + 1..end).all(|i| {
            let w = word(i);
            !known_word(cx.kb, w)
                && !contains(&lexicon::COMMON_CAPITALISED, w)
                && w.chars().all(char::is_alphabetic)
        });
    sentence_initial(cx.text, tokens, k)
        && !given(w)
        && !known_word(cx.kb, w)
        && (given(word(k + 1)) || unknown_name)
        && lexicon::is_occupation(&w.to_lowercase())
}

/// Types one run of capitalised words, splitting off titles and sentence-initial words.
fn run(cx: &mut Context, sentence: usize, tokens: &[Token], mut start: usize, end: usize) {
    let text = cx.text;
    let word = |i: usize| tokens[i].span.slice(text);
    // Sentence-initial common words ("The", "Police", "Despite") are not names; a
    // dateline's place is one ("KESWICK, England —").
    let whole = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
    let dateline = is_dateline_place(text, whole);
    while start < end && !dateline {
        let w = word(start);
        let initial = sentence_initial(text, tokens, start);
        let unknown = !known_word(cx.kb, w);
        // A lone unknown word opening a sentence is a name only if the document also
        // capitalises it mid-sentence ("Regulators said ..." is not a name), gives it as a
        // person's first name ("Margit" after "Margit Sørensen" and "Sørensen"), or
        // describes it as an organisation or a person ("Quorbit, a logistics firm, said
        // ...", "Orla, the cook, was ...").
        let word_at = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
        let lone = end == start + 1
            && !is_acronym(w)
            && !is_camel(w)
            && !cx.stats.mid_sentence_capitalised.contains(w)
            && !cx.stats.given_names.contains(w)
            && !described_as_organisation(&word_at, start + 1)
            && !described_as_person(&word_at, start + 1)
            && !acts_as_a_person(&word_at, start);
        // A known one-word name opening a sentence is a common word too when the article
        // writes it in lower case ("Man charged ..." and "a man", the town of Man aside).
        // "Lawyers for Agrawal met ...", "Supporters of Roe said ...": a word for people
        // by what they do, opening a sentence before a connector, heads a noun phrase.
        let people_of = initial && unknown && end > start + 2 && is_connector(word(start + 1)) && {
            let lower = w.to_lowercase();
            lexicon::is_occupation(&lower)
                || lower.strip_suffix('s').is_some_and(lexicon::is_occupation)
        };
        // "Dr. Roe": a title's abbreviation opening the run stays for the title split.
        let titles_a_name = start + 2 < end && lexicon::is_abbreviated_title(w, word(start + 1));
        let common = contains(&lexicon::COMMON_CAPITALISED, w) && !titles_a_name
            || people_of
            || (initial && unknown && (cx.stats.written_in_lower_case(w) || lone))
            || (initial && end == start + 1 && cx.stats.written_in_lower_case(w));
        // "New York is ...": a known name the word opens is no common word.
        let opens_known_name =
            || (start + 2..=end).any(|e| cx.kb.best(span_text(text, tokens, start, e)).is_some());
        // "Storm Edda hit ...": a storm's word opens its name.
        let opens_storm = || {
            let words: Vec<&str> = (start..end).map(word).collect();
            lexicon::names_a_storm(&words)
        };
        if common
            && (initial || contains(&lexicon::COMMON_CAPITALISED, w) && !titles_a_name)
            && !opens_known_name()
            && !opens_storm()
        {
            start += 1;
            // Nor does a name open with the connector such a word leaves behind ("Most
            // of Argentina's ...").
            while start < end && is_connector(word(start)) {
                start += 1;
            }
        } else {
            break;
        }
    }
    // "Former US president Jane Roe": a word that only opens a title, with no title word
    // after it in the run, is no part of a name.
    while start < end
        && contains(&lexicon::TITLE_ONLY_OPENERS, word(start))
        && !(start + 1..end).any(|k| contains(&lexicon::TITLE_HEADS, word(k)))
    {
        start += 1;
    }
    // A name can't end in a connector, nor in the letters after a person's name ("Jo
    // Roe KC", "Tom Hale MP").
    let mut end = end;
    while end > start
        && (is_connector(word(end - 1))
            || end > start + 2 && contains(&lexicon::POST_NOMINALS, word(end - 1)))
    {
        end -= 1;
    }
    if start >= end {
        return;
    }
    let full = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
    let full_text = full.slice(text);
    if cx.kb.best(full_text).is_some() {
        if let Some(c) = type_name(cx, full, None, sentence, start, tokens) {
            push_with_nested_places(cx, c, sentence, tokens, start, end);
        }
        return;
    }
    // Leading modifiers ("Chinese", "Southern") stay in a name that an organisation or
    // place word closes ("Chinese Communist Party", "Southern Baptist Convention") and
    // in a direction before a known place ("Southern Indiana"); otherwise the name starts
    // after them ("Chinese President Xi", "British Acme Group" is "Acme Group").
    let modifiers = (start..end)
        .take_while(|&k| name_word(cx, &tokens[k]) == NameWord::Modifier)
        .count();
    if modifiers > 0 {
        let last = word(end - 1);
        let rest = Span::new(tokens[start + modifiers].span.start, full.end);
        let closed = end - start > modifiers
            && (lexicon::closes_organisation(last) || contains(&lexicon::PLACE_SUFFIXES, last))
            || modifiers == 1 && names_a_national_body(cx.kb, full_text);
        let part_of_place = modifiers == 1
            && contains(&lexicon::DIRECTION_MODIFIERS, word(start))
            && cx
                .kb
                .best(rest.slice(text))
                .is_some_and(|e| e.kind == EntityType::Place);
        if part_of_place {
            cx.out.push(Candidate::typed_name(
                full,
                EntityType::Place,
                sentence,
                Method::NameShape,
                0.8,
            ));
            // The known place inside it ("Indiana") is a mention of its own in GUM.
            return;
        }
        if !closed {
            run(cx, sentence, tokens, start + modifiers, end);
            return;
        }
    }
    // "Jane Roe of Acme Group": a name, then "of" and an organisation or place (or after a
    // person's name, any name), is two mentions, unless the left part is itself the head of
    // a name ("Bank of England").
    if let Some(k) = (start + 2..end.saturating_sub(1)).find(|&k| matches!(word(k), "of" | "at")) {
        let right = Span::new(tokens[k + 1].span.start, tokens[end - 1].span.end).slice(text);
        let right_is_body = cx.kb.type_of(right).is_some()
            || lexicon::closes_organisation(word(end - 1))
            || right.contains(" & ")
            || (k + 2 == end && is_acronym(right));
        // "Martin Feld of Feldham": a first name opens a name of two or three words.
        let left_is_person = k - start >= 2 && cx.kb.is_first_name(word(start));
        let left_last = word(k - 1);
        let left_is_head = lexicon::closes_organisation(left_last)
            || contains(&lexicon::PLACE_SUFFIXES, left_last)
            || lexicon::is_title_word(left_last);
        // Words, not tokens: "Dr. Ana Ruiz" is three ("Dr" and its dot are two tokens).
        let left_words = (start..k).filter(|&j| word(j) != ".").count();
        if (right_is_body || left_is_person) && !left_is_head && left_words <= 3 {
            run(cx, sentence, tokens, start, k);
            run(cx, sentence, tokens, k + 1, end);
            return;
        }
    }
    // Title split: "Finance Minister Jane Roe", "Riverton Police Deputy Assistant
    // Commissioner John Doe": the words after the last title head are the person.
    if let Some(head) = (start..end.saturating_sub(1)).rev().find(|&k| {
        contains(&lexicon::TITLE_HEADS, word(k))
            // "Sen. Jo Roe": a head listed with its dot, which the tokens keep apart.
            || lexicon::is_abbreviated_title(word(k), word(k + 1))
            || k == start && end - k >= 3 && occupation_before_name(cx, tokens, k, end)
    }) {
        let mut title_start = head;
        // "District Attorney", "District Judge": "District" is part of these titles only
        // (a word of places elsewhere: "District Court", "Lake District").
        while title_start > start
            && (lexicon::is_title_word(word(title_start - 1))
                || word(title_start - 1) == "District"
                    && matches!(word(title_start), "Attorney" | "Judge"))
        {
            title_start -= 1;
        }
        // "King of Athens", "Secretary of State": a title of a place or body, no person,
        // unless a first name follows the body ("Minister of Education Jane Roe").
        let mut person_start = head + 1;
        if lexicon::is_abbreviated_title(word(head), word(head + 1)) {
            person_start = head + 2;
        } else if is_connector(word(head + 1)) {
            // A first name after the body, else a body of a word or two ("Education",
            // "Crisis Management") followed by a two- or three-word name whose first word
            // is no common capitalised word nor a noun of a portfolio ("Management"); the
            // longer body first, as most names have two words ("Health Care Ola Berg").
            let named_after_body = (head + 3..end.min(head + 5)).rev().find(|&k| {
                (2..=3).contains(&(end - k))
                    && !contains(&lexicon::COMMON_CAPITALISED, word(k))
                    && !lexicon::closes_organisation(word(k))
                    && !contains(&lexicon::PLACE_SUFFIXES, word(k))
                    && !lexicon::is_abstract_noun(word(k))
            });
            let first_name = (head + 3..end.saturating_sub(1))
                .find(|&k| cx.kb.is_first_name(word(k)))
                .or(named_after_body);
            match first_name {
                Some(k) => person_start = k,
                None => {
                    // The body is a place or an organisation, never a person.
                    if head + 2 < end {
                        let before = cx.out.len();
                        run(cx, sentence, tokens, head + 2, end);
                        let mut k = before;
                        while k < cx.out.len() {
                            if cx.out[k].entity_type == EntityType::Person {
                                cx.out.remove(k);
                            } else {
                                k += 1;
                            }
                        }
                    }
                    return;
                }
            }
        }
        let person = Span::new(tokens[person_start].span.start, tokens[end - 1].span.end);
        let last = word(end - 1);
        // "Dr. Nelson", "Mrs. Chester": an honorific makes a person of a place's name.
        let honorific = lexicon::is_honorific(word(head));
        let looks_like_person = !lexicon::closes_organisation(last)
            && !contains(&lexicon::PLACE_SUFFIXES, last)
            && (honorific
                || cx
                    .kb
                    .best(person.slice(text))
                    .is_none_or(|e| e.kind == EntityType::Person));
        if looks_like_person {
            if title_start > start {
                run(cx, sentence, tokens, start, title_start);
            }
            let role = Span::new(
                tokens[title_start].span.start,
                tokens[person_start - 1].span.end,
            )
            .slice(text)
            .to_owned();
            let gender = (title_start..=head).find_map(|k| {
                if contains(&lexicon::FEMALE_TITLES, word(k)) {
                    Some(Gender::Female)
                } else if contains(&lexicon::MALE_TITLES, word(k)) {
                    Some(Gender::Male)
                } else {
                    None
                }
            });
            let qid = cx.kb.best(person.slice(text)).map(|e| e.qid.clone());
            cx.out.push(Candidate {
                span: person,
                entity_type: EntityType::Person,
                kind: MentionKind::Named,
                sentence,
                method: Method::NameShape,
                confidence: 0.85,
                qid,
                role: Some(role),
                gender,
                head: None,
                typed: true,
            });
            return;
        }
    }
    if let Some(c) = type_name(cx, full, None, sentence, start, tokens) {
        push_with_nested_places(cx, c, sentence, tokens, start, end);
    }
}

/// Adds an organisation's name and the places named inside it ("University of
/// California", "Boston Red Sox"): a place used as a modifier is a mention too.
fn push_with_nested_places(
    cx: &mut Context,
    c: Candidate,
    sentence: usize,
    tokens: &[Token],
    start: usize,
    end: usize,
) {
    let is_org = c.entity_type == EntityType::Organization;
    cx.out.push(c);
    if is_org {
        cx.out.extend(nested_known_places(
            cx.text,
            cx.kb,
            sentence,
            &tokens[start..end],
            true,
        ));
    }
}

/// A known place named inside a longer name, a mention of its own.
pub(crate) fn nested_place(span: Span, sentence: usize, qid: Option<String>) -> Candidate {
    Candidate {
        qid,
        ..Candidate::typed_name(span, EntityType::Place, sentence, Method::Gazetteer, 0.8)
    }
}

/// The known places named inside a name of several words: the longest knowledge-base
/// place that follows "of" ("Maui" in "County of Maui") or, with `from_start`, starts the
/// name ("Boston" in "Boston University"); never the whole name.
pub(crate) fn nested_known_places(
    text: &str,
    kb: &Kb,
    sentence: usize,
    name: &[Token],
    from_start: bool,
) -> Vec<Candidate> {
    let mut found_places = Vec::new();
    let mut k = 0;
    while k < name.len() {
        let opens = if k == 0 {
            from_start
        } else {
            name[k - 1].span.slice(text) == "of"
        };
        let found = opens
            .then(|| {
                (k + 1..=name.len()).rev().find_map(|e| {
                    let span = Span::new(name[k].span.start, name[e - 1].span.end);
                    let words = span.slice(text);
                    // A name's first words are a place by the place's own name, or by a
                    // name only places have: "Gulf" in "Gulf Marine Underwriters" is no
                    // place (two gulfs and a war); after "of" any place's name is.
                    let only_places =
                        k > 0 || kb.lookup(words).all(|i| i.kind == EntityType::Place);
                    let known = kb
                        .best(words)
                        .filter(|entry| {
                            entry.kind == EntityType::Place
                                && (e - k) < name.len()
                                && (only_places || entry.label == words)
                        })
                        .map(|entry| (e, span, Some(entry.qid.clone())));
                    // "University of Southern Indiana": after "of", a direction word and a
                    // known place name a part of it, an item of its own.
                    let part = || {
                        (k > 0
                            && k + 1 < e
                            && contains(&lexicon::DIRECTION_MODIFIERS, name[k].span.slice(text)))
                        .then(|| Span::new(name[k + 1].span.start, span.end))
                        .and_then(|place| kb.best(place.slice(text)))
                        .filter(|entry| entry.kind == EntityType::Place)
                        .map(|_| (e, span, None))
                    };
                    known.or_else(part)
                })
            })
            .flatten();
        match found {
            Some((e, span, qid)) => {
                found_places.push(nested_place(span, sentence, qid));
                k = e;
            }
            None => k += 1,
        }
    }
    found_places
}

/// Whether `span` opens its line as a dateline does: then, on the same line, an optional
/// region after a comma ("Maine", "Calif."), an optional agency in parentheses, and a dash.
/// Whether `span` is the place in capitals that opens a dateline ("NAIROBI, Kenya —",
/// "KYIV (AP) —"): a place whether known or not, and a word of four capitals there is no
/// acronym.
fn is_dateline_place(text: &str, span: Span) -> bool {
    let name = span.slice(text);
    !name.chars().any(char::is_lowercase)
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && opens_a_dateline(text, span)
}

fn opens_a_dateline(text: &str, span: Span) -> bool {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("^{DATELINE_AFTER_PLACE}")).expect("valid dateline pattern")
    });
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..span.start].trim().is_empty() && AFTER.is_match(&text[span.end..])
}

/// What follows the place in capitals of a dateline ("KYIV, Ukraine (AP) — "): perhaps a
/// region or country, perhaps an agency in brackets, then a dash and a space.
const DATELINE_AFTER_PLACE: &str = r"(?:,[ \t]*\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2})?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[—–-][ \t]";

/// Where the dateline that opens the text at `start` ends, if one does: the byte after
/// its dash and space ("KYIV, Ukraine (AP) — ", "LONDON – "). No part of what anyone said.
pub(super) fn dateline_end(text: &str, start: usize) -> Option<usize> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^\p{{Lu}}[\p{{Lu}}.'’-]*(?:[ \t]+\p{{Lu}}[\p{{Lu}}.'’-]*){{0,3}}{DATELINE_AFTER_PLACE}"
        ))
        .expect("valid dateline pattern")
    });
    DATELINE.find(text.get(start..)?).map(|m| start + m.end())
}

/// Decides the type of a name span, or `None` when it is not an entity name.
fn type_name(
    cx: &Context,
    span: Span,
    role: Option<String>,
    sentence: usize,
    first: usize,
    tokens: &[Token],
) -> Option<Candidate> {
    let text = cx.text;
    let name = span.slice(text);
    // A name in capitals is read in ordinary case: its words against the word lists, the
    // whole against the knowledge base.
    let dateline = is_dateline_place(text, span);
    let cased = ordinary_case(name).or_else(|| dateline.then(|| title_case(name)));
    let lookup_name = cased.as_deref().unwrap_or(name);
    let words: Vec<&str> = lookup_name.split_whitespace().collect();
    let last = *words.last()?;
    // The token after the name, and the word at a token (empty past the sentence).
    let after = tokens
        .iter()
        .position(|t| t.span.start >= span.end)
        .unwrap_or(tokens.len());
    let word_at = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
    let candidate = |entity_type, method, confidence: f32, qid: Option<String>, typed| Candidate {
        qid,
        role: role.clone(),
        typed,
        ..Candidate::typed_name(span, entity_type, sentence, method, confidence)
    };
    // A place by the shape of its name: a road's number, a place's word.
    let shaped_place = || {
        Some(candidate(
            EntityType::Place,
            Method::NameShape,
            0.8,
            None,
            true,
        ))
    };
    // An organisation by the shape of its name: an organisation's word, a branch.
    let shaped_organisation = || {
        Some(candidate(
            EntityType::Organization,
            Method::NameShape,
            0.8,
            None,
            true,
        ))
    };
    // "Route 66", "US 169", "I-44 West", "the A64 towards York".
    if names_a_road(name, &word_at, first, after) {
        return shaped_place();
    }
    // A run of titles alone ("President", "Madam Speaker") names no one, nor does a
    // byline's job ("Staff Writer", "Senior Correspondent", "Health Reporter").
    if words.iter().all(|w| lexicon::is_title_word(w)) {
        return None;
    }
    if lexicon::names_a_job(name) {
        return None;
    }
    // "smashed into Parliament's gates", "the attack on Parliament": a legislature's name
    // where the text speaks of its building is the building, a place.
    if words.len() == 1 && contains(&LEGISLATURES, name) && names_a_building(&word_at, first, after)
    {
        return Some(candidate(
            EntityType::Place,
            LEGISLATURE_BUILDING,
            0.7,
            None,
            true,
        ));
    }
    // "MARLOW, England —": a dateline's place is the place of that name, whatever else
    // the knowledge base knows by it first (a person, a film).
    // "the town of Esposa", "the port of Tilbury", "the state of Georgia": so too a name
    // after a word for a kind of settlement and "of"; and "Jo Roe, 34, of Kingswood,", the
    // place a person's age is followed by.
    let after_its_kind = first >= 3
        && word_at(first - 1) == "of"
        && (contains(&lexicon::SETTLEMENT_KINDS, word_at(first - 2))
            || word_at(first - 2) == "," && tokens[first - 3].kind == TokenKind::Number)
        && !lexicon::closes_organisation(last);
    if dateline || after_its_kind {
        let place = cx
            .kb
            .lookup(lookup_name)
            .find(|e| e.kind == EntityType::Place)
            .map(|e| e.qid.clone());
        let method = match (&place, dateline) {
            (Some(_), true) => Method::Gazetteer,
            (None, true) => DATELINE,
            (_, false) => PLACE_OF_ITS_KIND,
        };
        return Some(candidate(EntityType::Place, method, 0.8, place, true));
    }
    if let Some(entry) = cx
        .kb
        .best(name)
        .or_else(|| cased.as_deref().and_then(|c| cx.kb.best(c)))
        // "Sainsbury's": a brand named with its possessive, which stays out of the mention.
        .or_else(|| {
            matches!(word_at(after), "'s" | "\u{2019}s")
                .then(|| cx.kb.best(&format!("{name}'s")))
                .flatten()
                .filter(|e| e.kind == EntityType::Organization)
        })
    {
        // "the Vilnius-based outlet Siena", "the band Chicago": a word for a kind of
        // organisation right before a name known as a place names the organisation (the
        // knowledge base's organisation of that name, if it knows one).
        let after_kind = first
            .checked_sub(1)
            .is_some_and(|k| contains(&lexicon::ORGANIZATION_KINDS, word_at(k)));
        if after_kind && entry.kind == EntityType::Place {
            let organisation = cx
                .kb
                .lookup(lookup_name)
                .find(|e| e.kind == EntityType::Organization)
                .map(|e| e.qid.clone());
            return Some(candidate(
                EntityType::Organization,
                ORG_APPOSITION,
                0.8,
                organisation,
                true,
            ));
        }
        // "an office on Market Street": a street's name after "on", "off" or "along" is
        // the street, whatever body the knowledge base knows by that name.
        let on_a_street = words.len() > 1
            && contains(&lexicon::STREET_WORDS, last)
            && first
                .checked_sub(1)
                .is_some_and(|k| matches!(word_at(k), "on" | "off" | "along"));
        if on_a_street && entry.kind != EntityType::Place {
            return shaped_place();
        }
        return Some(candidate(
            entry.kind,
            Method::Gazetteer,
            0.9,
            Some(entry.qid.clone()),
            true,
        ));
    }
    // "Euronext Amsterdam", "BBC Cymru Wales": a known organisation's name, then a known
    // place's, names the organisation's branch there.
    // Not a place's name that is also a word ("Brolly Man of the Match").
    let branch = (1..words.len()).any(|k| {
        let place = words[k..].join(" ");
        cx.kb.type_of(&words[..k].join(" ")) == Some(EntityType::Organization)
            && cx.kb.type_of(&place) == Some(EntityType::Place)
            && place.len() > 3
            && !cx.stats.written_in_lower_case(&place)
    });
    if names_a_national_body(cx.kb, lookup_name)
        || branch && !words.contains(&"of") && word_at(after) != "of"
    {
        return shaped_organisation();
    }
    // "West Texas", "Northern Ontario": a compass word before a known place is a region
    // of it, a place.
    let region = words.len() >= 2
        && contains(&lexicon::COMPASS_WORDS, words[0])
        && cx
            .kb
            .type_of(&words[1..].join(" "))
            .is_some_and(|t| t == EntityType::Place);
    if region {
        return Some(candidate(EntityType::Place, REGION, 0.8, None, true));
    }
    // "Emilia-Romagna": a region the knowledge base knows by name only, with no item;
    // "Airbnb": an organisation known by name only.
    let known_by_name = if cx.kb.is_division(lookup_name) {
        Some(EntityType::Place)
    } else if cx.kb.is_body(lookup_name) {
        Some(EntityType::Organization)
    } else {
        None
    };
    if let Some(entity_type) = known_by_name {
        return Some(candidate(entity_type, Method::Gazetteer, 0.8, None, true));
    }
    if contains(&lexicon::NEVER_NAMES, name) || is_calendar_word(name) {
        return None;
    }
    // "Reporting by Jo Roe | Valley Courier": a name a byline's or a menu's separator opens
    // stands apart, whatever case the rest of the line is in.
    let after_separator = first
        .checked_sub(1)
        .is_some_and(|k| lexicon::is_separator(word_at(k)));
    if cx.title_case
        && !after_separator
        && !(words.len() == 1 && (is_acronym(name) || is_camel(name)))
        && !(words.len() >= 2 && cx.kb.is_first_name(words[0]))
        && !cx.stats.mid_sentence_capitalised.contains(name)
    {
        return None;
    }
    // "Storm Edda", "Hurricane Mirela", "Tropical Storm Alto": a storm's name is an event.
    if lexicon::names_a_storm(&words) {
        return Some(candidate(EntityType::Event, NAMED_STORM, 0.8, None, true));
    }
    // "University of X", "U.S. Department of X", "Brennan Center for Justice": an
    // organisation word heads the name before "of" or "for".
    let headed_by = |heads: fn(&str) -> bool| {
        words
            .windows(2)
            .take(words.len().saturating_sub(2))
            .any(|pair| matches!(pair[1], "of" | "for") && heads(pair[0]))
    };
    // "Procter & Gamble", "Johnson & Johnson": names joined by "&" are a firm. "Irving
    // Independent School District": a school district is a body, not a district.
    if lexicon::closes_organisation(last)
        || headed_by(lexicon::closes_organisation)
        || words.contains(&"&")
        || words.ends_with(&["School", "District"])
    {
        return shaped_organisation();
    }
    // "Jane Hill, director of X": a first name, then a person's role in apposition, is a
    // person whatever the last word suggests ("Hill", "Park").
    let role_follows = word_at(after) == ","
        && [after + 1, after + 2, after + 3].iter().any(|&k| {
            contains(&lexicon::PERSON_HEADS, word_at(k))
                && (k == after + 1
                    || (after + 1..k).all(|m| {
                        matches!(word_at(m), "a" | "an" | "the") || is_capitalised(word_at(m))
                    }))
        });
    if (2..=3).contains(&words.len()) && cx.kb.is_first_name(words[0]) && role_follows {
        return Some(candidate(
            EntityType::Person,
            Method::NameShape,
            0.8,
            None,
            true,
        ));
    }
    // An organisation by what the sentence says of it.
    let organisation_by_context = || {
        Some(candidate(
            EntityType::Organization,
            ORG_APPOSITION,
            0.7,
            None,
            true,
        ))
    };
    // "Frisco Market, a Warsaw-based supermarket chain,": a description of a kind of
    // organisation in apposition types the name before any place word in it.
    if described_as_organisation(&word_at, after) {
        return organisation_by_context();
    }
    let place_word = contains(&lexicon::PLACE_SUFFIXES, last)
        || contains(&lexicon::PLACE_PREFIXES, words[0].trim_end_matches('.'))
        || headed_by(|w| contains(&lexicon::PLACE_SUFFIXES, w));
    if place_word && words.len() > 1 {
        return shaped_place();
    }
    if cx.kb.is_first_name(words[0]) && words.len() <= 4 {
        return Some(candidate(
            EntityType::Person,
            Method::NameShape,
            if words.len() > 1 { 0.8 } else { 0.6 },
            None,
            words.len() > 1,
        ));
    }
    if words.len() == 1 && name.chars().any(|c| c.is_ascii_digit()) {
        return None; // codes such as "L2", "A4"
    }
    // Context: "the firm X" is a firm, an acronym too ("the broadcaster NRK"); "in X" /
    // "near X" is a place; "X said" a person.
    let prev = first.checked_sub(1).map(|k| tokens[k].span.slice(text));
    let next = tokens.get(after).map(|t| t.span.slice(text));
    if prev.is_some_and(|p| contains(&lexicon::ORGANIZATION_KINDS, p))
        || gives_a_role(&word_at, after)
        || traded(&word_at, first, after)
    {
        return organisation_by_context();
    }
    if words.len() <= 3 && described_as_person(&word_at, after) {
        return Some(candidate(
            EntityType::Person,
            PERSON_APPOSITION,
            0.7,
            None,
            true,
        ));
    }
    // "a rented SUV", "an MRI": an unknown acronym after an indefinite article is a
    // common noun, not an organisation.
    let indefinite = (first.saturating_sub(2)..first)
        .any(|k| matches!(tokens[k].span.slice(text), "a" | "an" | "A" | "An"));
    if words.len() == 1 && is_acronym(name) && indefinite {
        return None;
    }
    if words.len() == 1 && (is_acronym(name) || is_camel(name)) {
        return Some(candidate(
            EntityType::Organization,
            Method::NameShape,
            0.6,
            None,
            false,
        ));
    }
    // "near Lakes Entrance": a name of several words that the gazetteers list as a town,
    // after a word of location, is the town, whatever the tagger reads.
    if prev.is_some_and(|p| matches!(p, "in" | "near" | "outside"))
        && words.len() >= 2
        && cx.kb.is_place_name(lookup_name)
    {
        return Some(candidate(
            EntityType::Place,
            Method::Gazetteer,
            0.7,
            None,
            true,
        ));
    }
    if next.is_some_and(|n| contains(&lexicon::SPEECH_VERBS, n)) {
        return Some(candidate(
            EntityType::Person,
            Method::NameShape,
            0.6,
            None,
            false,
        ));
    }
    if prev.is_some_and(|p| matches!(p, "in" | "near" | "outside" | "across" | "to" | "from"))
        && words.len() == 1
    {
        return Some(candidate(
            EntityType::Place,
            Method::NameShape,
            0.5,
            None,
            false,
        ));
    }
    if words.len() >= 2 && words.len() <= 4 {
        return Some(candidate(
            EntityType::Person,
            Method::NameShape,
            0.5,
            None,
            false,
        ));
    }
    // A lone unknown capitalised word in running text is most often a surname.
    Some(candidate(
        if words.len() == 1 {
            EntityType::Person
        } else {
            EntityType::Organization
        },
        Method::NameShape,
        0.4,
        None,
        false,
    ))
}

/// "Portuguese Red Cross", "Kenyan Wildlife Service": a nationality before a known
/// organisation's name names the organisation's national body.
fn names_a_national_body(kb: &Kb, name: &str) -> bool {
    name.split_once(' ').is_some_and(|(first, rest)| {
        kb.demonym(first).is_some() && kb.type_of(rest) == Some(EntityType::Organization)
    })
}

/// One-word names of legislatures that also name their building.
static LEGISLATURES: WordList = WordList::new(&[
    "Parliament",
    "Congress",
    "Capitol",
    "Bundestag",
    "Reichstag",
    "Knesset",
    "Duma",
    "Storting",
    "Riksdag",
]);

/// Words before a name that speak of it as a building or site ("into X", "outside X",
/// "guarding X"), and nouns of a building's parts after it ("X's gates", "X grounds").
static BUILDING_BEFORE: WordList = WordList::new(&[
    "into",
    "onto",
    "outside",
    "inside",
    "near",
    "at",
    "entering",
    "entered",
    "guarding",
    "guarded",
    "stormed",
    "storming",
    "surrounding",
    "toward",
    "towards",
    "approaching",
]);
static BUILDING_PARTS: WordList = WordList::new(&[
    "gates",
    "gate",
    "grounds",
    "building",
    "buildings",
    "steps",
    "entrance",
    "doors",
    "perimeter",
    "railings",
    "walls",
    "fence",
    "courtyard",
    "lobby",
    "estate",
]);

/// Whether the name whose tokens run from `first` to before `after` stands for a building
/// ("into X", "outside X", "the grounds of X", "the attack on X", "X's gates", "X
/// grounds"); `word` gives the sentence's word at a token.
fn names_a_building<'t>(word: &dyn Fn(usize) -> &'t str, first: usize, after: usize) -> bool {
    let mut before = first;
    if first > 0 && word(first - 1).eq_ignore_ascii_case("the") {
        before -= 1;
    }
    let prev = before.checked_sub(1).map_or("", |k| word(k));
    let prev2 = before.checked_sub(2).map_or("", |k| word(k));
    let possessive = matches!(word(after), "'s" | "’s");
    let part = if possessive {
        word(after + 1)
    } else {
        word(after)
    };
    contains(&BUILDING_BEFORE, &prev.to_lowercase())
        || (prev == "of" && contains(&BUILDING_PARTS, prev2))
        || (prev == "on" && contains(&lexicon::ATTACK_HEADS, &prev2.to_lowercase()))
        || contains(&BUILDING_PARTS, part)
}

static POLICE_COMPOUNDS: WordList = WordList::new(&[
    "officer",
    "officers",
    "reconstruction",
    "station",
    "car",
    "cars",
    "chief",
    "force",
    "forces",
    "spokesman",
    "spokeswoman",
    "commissioner",
    "forensic",
    "source",
    "sources",
    "statement",
    "cordon",
    "presence",
    "van",
    "vans",
    "tape",
    "helicopter",
    "department",
    "headquarters",
    "custody",
    "work",
    "raid",
    "raids",
]);

/// Words that cannot stand between a determiner and the head of its noun phrase.
static NOT_MODIFIERS: WordList = WordList::new(&[
    "of", "in", "on", "at", "to", "by", "with", "for", "from", "and", "or", "but", "was", "is",
    "are", "were", "be", "been", "has", "have", "had", "that", "which", "who", "said", "says",
    "as", "than", "not", "will", "would", "can", "could", "it", "he", "she", "they", "we", "after",
    "before", "into", "over", "about", "the", "a", "an", "should", "must", "may", "might", "shall",
    "cannot", "do", "does", "did",
]);

/// Nominal mentions ("the attacker", "Wednesday's rampage") and pronouns of one sentence.
/// A headline drops determiners and may capitalise every word: there an event noun after
/// a preposition opens its phrase ("after London attack", "After Terror Attack").
fn nominals_and_pronouns(cx: &mut Context, sentence: usize, tokens: &[Token], headline: bool) {
    let text = cx.text;
    let word = |i: usize| tokens[i].span.slice(text);
    for i in 0..tokens.len() {
        let w = word(i);
        // Most words are lower case already: no copy for them.
        let lower: std::borrow::Cow<str> = if w.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(w.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(w)
        };
        // Pronouns for people.
        let gender = if contains(&lexicon::FEMALE_PRONOUNS, &lower) {
            Some(Gender::Female)
        } else if contains(&lexicon::MALE_PRONOUNS, &lower) {
            Some(Gender::Male)
        } else {
            None
        };
        if gender.is_some() {
            cx.out.push(Candidate {
                span: tokens[i].span,
                entity_type: EntityType::Person,
                kind: MentionKind::Pronoun,
                sentence,
                method: Method::PronounResolution,
                confidence: 0.7,
                qid: None,
                role: None,
                gender,
                head: Some(lower.into_owned()),
                typed: true,
            });
            continue;
        }
        // Bare "police" acting in the story.
        if lower == "police"
            && tokens
                .get(i + 1)
                .is_none_or(|t| !contains(&POLICE_COMPOUNDS, t.span.slice(text)))
            && !(i > 0 && word(i - 1).ends_with("ing"))
        {
            // "the police", "British police" (a country's police, not a force's name).
            let start = if i > 0
                && (matches!(word(i - 1), "the" | "The") || cx.kb.demonym(word(i - 1)).is_some())
            {
                i - 1
            } else {
                i
            };
            // "Thames police" names a force; "While police" starts a sentence.
            if !(i > 0
                && is_capitalised(word(i - 1))
                && start == i
                && !sentence_initial(text, tokens, i - 1))
            {
                cx.out.push(nominal(
                    tokens,
                    start,
                    i,
                    sentence,
                    EntityType::Organization,
                    "police",
                ));
            }
            continue;
        }
        // "one of the (San Bernardino) shooters": one person, named by a group's noun.
        // The cheap test of the context comes first: this runs for every word.
        let one = ((w.ends_with('s') || w.ends_with("men")) && i >= 3)
            .then(|| {
                (i.saturating_sub(6)..i - 2).rev().find(|&k| {
                    word(k).eq_ignore_ascii_case("one")
                        && word(k + 1) == "of"
                        && matches!(word(k + 2), "the" | "its" | "his" | "her" | "their")
                })
            })
            .flatten();
        if let Some((one, singular)) = one.zip(singular_person_head(w)) {
            cx.out.push(nominal(
                tokens,
                one,
                i,
                sentence,
                EntityType::Person,
                &singular,
            ));
            continue;
        }
        let entity_type = if contains(&lexicon::PERSON_HEADS, w)
            || (w.ends_with("-year-old")
                && !tokens
                    .get(i + 1)
                    .is_some_and(|t| contains(&lexicon::PERSON_HEADS, t.span.slice(text))))
        {
            EntityType::Person
        } else if contains(&lexicon::ORGANIZATION_HEADS, w) {
            EntityType::Organization
        } else if lexicon::is_event_head(w) || (headline && lexicon::is_event_head(&lower)) {
            EntityType::Event
        } else if contains(&lexicon::PLACE_HEADS, w) {
            EntityType::Place
        } else {
            continue;
        };
        // A head followed by another head is a modifier ("security official" keeps
        // "official"; "arrest warrant" is no event).
        if tokens.get(i + 1).is_some_and(|t| {
            let n = t.span.slice(text);
            t.kind == TokenKind::Word
                && n.chars().next().is_some_and(char::is_lowercase)
                && (contains(&lexicon::PERSON_HEADS, n)
                    || contains(&lexicon::ORGANIZATION_HEADS, n)
                    || lexicon::is_event_head(n)
                    || n.ends_with('s')
                        && !n.ends_with("ss")
                        && n.len() > 3
                        && !contains(&lexicon::SPEECH_VERBS, n)
                        && !matches!(
                            n,
                            "was" | "has" | "is" | "this" | "his" | "its" | "as" | "us"
                        )
                        && !contains(&lexicon::THIRD_PERSON_VERBS, n))
        }) {
            continue;
        }
        // Walk back to a determiner over modifiers.
        let mut k = i;
        let mut start = None;
        while k > 0 && i - k < 6 {
            k -= 1;
            let m = word(k);
            if contains(&lexicon::DETERMINERS, m) {
                start = Some(k);
                break;
            }
            if m == "’s" || m == "'s" {
                // "Wednesday's rampage", "Acme Corp's chief executive": the possessor's
                // name opens the phrase.
                let mut p = k;
                while p > 0 && k - p < 4 && is_capitalised(word(p - 1)) {
                    p -= 1;
                }
                if p < k {
                    start = Some(p);
                } else if k > 0
                    && matches!(
                        word(k - 1).to_lowercase().as_str(),
                        "yesterday" | "today" | "tonight"
                    )
                {
                    // "yesterday's attack"
                    start = Some(k - 1);
                }
                break;
            }
            if tokens[k].kind == TokenKind::Punct || contains_lower(&NOT_MODIFIERS, m) {
                if headline && entity_type == EntityType::Event && k < i {
                    start = Some(k + 1);
                }
                break;
            }
        }
        let Some(start) = start else { continue };
        // "a giant screen": a head that is as often an adjective heads a phrase only
        // after a modifier of its own ("the tech giant").
        if contains(&lexicon::ADJECTIVE_HEADS, w) && start + 1 == i {
            continue;
        }
        // "that", "this" and "a" never open a plural ("no sign that further attacks are
        // planned": "that" is a conjunction there).
        if w.ends_with('s')
            && matches!(
                word(start).to_lowercase().as_str(),
                "that" | "this" | "a" | "an"
            )
        {
            continue;
        }
        cx.out
            .push(nominal(tokens, start, i, sentence, entity_type, w));
    }
}

/// The singular of a plural person noun ("shooters" -> "shooter", "gunmen" -> "gunman"),
/// if it is one.
fn singular_person_head(word: &str) -> Option<String> {
    let singular = if let Some(stem) = word.strip_suffix("men") {
        format!("{stem}man")
    } else {
        word.strip_suffix('s')?.to_owned()
    };
    contains(&lexicon::PERSON_HEADS, &singular).then_some(singular)
}

fn nominal(
    tokens: &[Token],
    start: usize,
    head: usize,
    sentence: usize,
    entity_type: EntityType,
    head_word: &str,
) -> Candidate {
    Candidate {
        span: Span::new(tokens[start].span.start, tokens[head].span.end),
        entity_type,
        kind: MentionKind::Nominal,
        sentence,
        method: Method::NominalHead,
        confidence: 0.6,
        qid: None,
        role: None,
        gender: None,
        head: Some(head_word.to_lowercase()),
        typed: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn found(text: &str) -> Vec<(String, EntityType, MentionKind)> {
        found_with(&default_kb(), text)
    }

    /// The small knowledge base most tests here read: a town, a person, a firm.
    fn default_kb() -> Kb {
        Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ1\tPlace\tRiverton\t\t5\nQ2\tPerson\tJane Smith\t\t1\nQ3\tOrganization\tAcme Corporation\tAcme\t3\n")
    }

    /// The candidates the rules find in `text` with the knowledge base `kb`.
    fn found_with(kb: &Kb, text: &str) -> Vec<(String, EntityType, MentionKind)> {
        let seg = segment(text);
        recognize(text, &seg, kb, &DocumentStats::new(text, &seg))
            .into_iter()
            .map(|c| (c.span.slice(text).to_owned(), c.entity_type, c.kind))
            .collect()
    }

    /// The named mentions [`found`] gives, with their types.
    fn named(text: &str) -> Vec<(String, EntityType)> {
        named_with(&default_kb(), text)
    }

    /// The named mentions the rules find in `text` with the knowledge base `kb`.
    fn named_with(kb: &Kb, text: &str) -> Vec<(String, EntityType)> {
        found_with(kb, text)
            .into_iter()
            .filter(|g| g.2 == MentionKind::Named)
            .map(|g| (g.0, g.1))
            .collect()
    }

    /// The named mentions of one type that [`found`] gives.
    fn named_as(text: &str, entity_type: EntityType) -> Vec<String> {
        named(text)
            .into_iter()
            .filter(|n| n.1 == entity_type)
            .map(|n| n.0)
            .collect()
    }

    #[test]
    fn a_body_s_name_goes_on_across_the_and_of_its_remit() {
        let names = |text: &str| -> Vec<String> { named(text).into_iter().map(|n| n.0).collect() };
        assert_eq!(
            names("She now works for the Centre for Welsh and Tarnish Studies in town."),
            ["Centre for Welsh and Tarnish Studies"]
        );
        assert_eq!(
            names("He left the Department of Health and the army in 2019."),
            ["Department of Health"]
        );
        // A name of its own after the "and": one the knowledge base knows, one that an
        // organisation's word closes.
        let two = names("He studied at the University of Elm and Riverton after school.");
        assert!(two.contains(&"University of Elm".to_owned()), "{two:?}");
        let two = names("She left the Department of Health and Home Office in May.");
        assert!(two.contains(&"Department of Health".to_owned()), "{two:?}");
        assert_eq!(
            names("He joined the Department for Transport, Food and Rural Affairs in 2019."),
            ["Department for Transport, Food and Rural Affairs"]
        );
        // A company's ending that also names a field ("Technology", "Securities").
        assert_eq!(
            names("It wrote to the Ministry of Electronics and Information Technology today."),
            ["Ministry of Electronics and Information Technology"]
        );
        assert_eq!(
            names("It wrote to the Securities and Exchange Board of Ruritania today."),
            ["Securities and Exchange Board of Ruritania"]
        );
        // A list of places after a body's name is no remit.
        let list = names("It has campuses of the University of Elm, Riverton and Oak Vale.");
        assert!(list.contains(&"University of Elm".to_owned()), "{list:?}");
        assert!(list.contains(&"Riverton".to_owned()), "{list:?}");
    }

    #[test]
    fn a_name_in_apposition_to_a_noun_for_a_person_is_that_person() {
        let text = "Orla, the cook, was slow. Brannoc, her older brother, left early. \
                    Tarvin, the capital, was quiet. Quennet, a hydrologist, said so.";
        let seg = segment(text);
        let by_apposition: Vec<(&str, EntityType)> =
            recognize(text, &seg, Kb::shipped(), &DocumentStats::new(text, &seg))
                .into_iter()
                .filter(|c| c.method == PERSON_APPOSITION)
                .map(|c| (c.span.slice(text), c.entity_type))
                .collect();
        // A capital is no person.
        assert_eq!(
            by_apposition,
            [
                ("Orla", EntityType::Person),
                ("Brannoc", EntityType::Person),
                ("Quennet", EntityType::Person)
            ]
        );
    }

    #[test]
    fn a_first_name_opening_a_sentence_is_a_name_where_the_article_gives_it_in_full() {
        let text = "Margit Sorvale led the team. Sorvale drilled cores. \"Margit taught us,\" \
                    a colleague said. Regulators agreed.";
        let got = found(text);
        let margit: Vec<&str> = got
            .iter()
            .map(|(name, _, _)| name.as_str())
            .filter(|name| name.starts_with("Margit"))
            .collect();
        assert_eq!(margit, ["Margit Sorvale", "Margit"], "{got:?}");
        assert!(!got.iter().any(|(name, _, _)| name == "Regulators"));
    }

    #[test]
    fn a_sentences_first_word_before_a_persons_verb_is_a_name_to_weigh() {
        let got = named("Kettridge told reporters it failed. Officials said so. Halls are big.");
        assert_eq!(got, [("Kettridge".to_owned(), EntityType::Person)]);
    }

    #[test]
    fn a_newspapers_word_closes_its_name() {
        let got = named("She wrote for the Harrowgate Courier and the Tarsh Examiner.");
        assert_eq!(
            got,
            [
                ("Harrowgate Courier".to_owned(), EntityType::Organization),
                ("Tarsh Examiner".to_owned(), EntityType::Organization)
            ]
        );
    }

    #[test]
    fn a_kind_of_organisation_before_a_known_place_names_the_organisation() {
        let got = found("She wrote for the outlet Riverton, a weekly based in Riverton.");
        let typed: Vec<(&str, EntityType)> = got
            .iter()
            .filter(|(name, _, _)| name == "Riverton")
            .map(|(name, t, _)| (name.as_str(), *t))
            .collect();
        assert_eq!(
            typed,
            [
                ("Riverton", EntityType::Organization),
                ("Riverton", EntityType::Place)
            ]
        );
    }

    #[test]
    fn a_body_named_for_its_subject_takes_it_after_on() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tOrganization\tSecurity Council\t\t9\n",
        );
        let text = "Delegates to the Quorvish Panel on Tarnic Affairs met while the \
                    Security Council on Syria adjourned.";
        let got: Vec<String> = found_with(&kb, text)
            .into_iter()
            .filter(|(_, t, k)| *t == EntityType::Organization && *k == MentionKind::Named)
            .map(|(name, _, _)| name)
            .collect();
        // A known body's name stops before what it met on.
        assert_eq!(
            got,
            ["Quorvish Panel on Tarnic Affairs", "Security Council"]
        );
    }

    #[test]
    fn an_organisation_known_by_name_only_is_an_organisation_with_no_link() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             \tBody\tQuillfeather\tQuillfeather Press\t0\t\t\n",
        );
        let text = "Maren Holt said that Quillfeather Press would print it.";
        let seg = segment(text);
        let found = recognize(text, &seg, &kb, &DocumentStats::new(text, &seg));
        let press = found
            .iter()
            .find(|c| c.span.slice(text) == "Quillfeather Press")
            .expect("the body is found");
        assert_eq!(press.entity_type, EntityType::Organization);
        assert_eq!(press.qid, None);
    }

    #[test]
    fn a_name_starts_after_its_article() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tOrganization\tThe Riverton Courier\t\t5\n",
        );
        let text = "A reporter told The Riverton Courier about it.";
        let names: Vec<String> = found_with(&kb, text)
            .into_iter()
            .filter(|g| g.2 == MentionKind::Named)
            .map(|g| g.0)
            .collect();
        assert_eq!(names, ["Riverton Courier"]);
    }

    #[test]
    fn shouted_names_read_in_ordinary_case_and_acronyms_stay() {
        assert_eq!(ordinary_case("NAIROBI").as_deref(), Some("Nairobi"));
        assert_eq!(
            ordinary_case("UNIVERSITY OF GHANA").as_deref(),
            Some("University of Ghana")
        );
        assert_eq!(
            ordinary_case("ÉCOLE DU LOUVRE").as_deref(),
            Some("École du Louvre")
        );
        // Acronyms and names in ordinary case are not shouted.
        assert_eq!(ordinary_case("NATO"), None);
        assert_eq!(ordinary_case("Nairobi"), None);
        assert_eq!(ordinary_case("2024"), None);
        assert!(known_word(Kb::shipped(), "NAIROBI"));
        assert!(is_connector("OF") && is_connector("of") && !is_connector("Of"));
    }

    #[test]
    fn a_first_name_with_a_role_in_apposition_is_a_person_whatever_its_last_word() {
        let got = named("Jane Hill, director of Acme Corporation, spoke on Friday.");
        assert!(
            got.contains(&("Jane Hill".to_owned(), EntityType::Person)),
            "{got:?}"
        );
        let got = named("They met at Jane Hill on Friday.");
        assert!(
            !got.contains(&("Jane Hill".to_owned(), EntityType::Person)),
            "without a role the place word decides: {got:?}"
        );
    }

    #[test]
    fn headlines_name_events_without_determiners() {
        let events = |text: &str| -> Vec<String> {
            found(text)
                .into_iter()
                .filter(|g| g.1 == EntityType::Event)
                .map(|g| g.0)
                .collect()
        };
        assert_eq!(
            events("Ferry Service Suspended After Harbour Attack\n\nThe ferry stopped running."),
            ["Harbour Attack"]
        );
        assert_eq!(
            events("Calls for calm after Riverton bombing\n\nThe mayor spoke on Friday."),
            ["Riverton bombing"]
        );
        // In running text a bare noun after a preposition stays unmarked, and yesterday's
        // possessive opens the phrase.
        assert_eq!(
            events("Title\n\nShops closed after bombing threats. Crowds gathered after yesterday's attack."),
            ["yesterday's attack"]
        );
    }

    #[test]
    fn a_legislature_is_a_place_where_the_text_speaks_of_its_building() {
        let types = |text: &str| -> Vec<(String, EntityType)> {
            let processed = crate::pipeline::process_text(text);
            processed
                .extraction
                .mentions
                .iter()
                .filter(|m| m.span.slice(text) == "Parliament")
                .map(|m| (m.span.slice(text).to_owned(), m.entity_type))
                .collect()
        };
        let place = ("Parliament".to_owned(), EntityType::Place);
        for text in [
            "A van crashed into Parliament’s gates on Friday.",
            "Protesters gathered outside Parliament on Friday.",
            "Guards searched the grounds of Parliament on Friday.",
            "Two people were hurt in the attack on Parliament last week.",
        ] {
            assert_eq!(types(text), std::slice::from_ref(&place), "{text}");
        }
        let types = types("Parliament voted against the bill on Friday.");
        assert!(
            types.iter().all(|(_, t)| *t != EntityType::Place),
            "the institution acts: {types:?}"
        );
    }

    #[test]
    fn names_titles_and_nominals() {
        let got = found("The mayor of Riverton, Deputy Chief Inspector Jane Doe, said the attack was over. Acme-owned Mediaworks Group denied it.");
        let named: Vec<(&str, EntityType)> = got
            .iter()
            .filter(|g| g.2 == MentionKind::Named)
            .map(|g| (g.0.as_str(), g.1))
            .collect();
        assert_eq!(
            named,
            [
                ("Riverton", EntityType::Place),
                ("Jane Doe", EntityType::Person),
                ("Acme", EntityType::Organization),
                ("Mediaworks Group", EntityType::Organization)
            ]
        );
        assert!(got.contains(&(
            "the attack".to_owned(),
            EntityType::Event,
            MentionKind::Nominal
        )));
        assert!(got.contains(&(
            "The mayor".to_owned(),
            EntityType::Person,
            MentionKind::Nominal
        )));
    }

    #[test]
    fn modifiers_and_hyphenated_words_join_names() {
        let got = named("The British Farmers Union met in Southern Riverton. Lee Cheuk-yan and Dana Fung of ZPA spoke at the University of Southern Riverton. Riverton-based Mediaworks Group agreed. British Minister Jane Smith left.");
        let got: Vec<(&str, EntityType)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert_eq!(
            got,
            [
                ("British Farmers Union", EntityType::Organization),
                ("Southern Riverton", EntityType::Place),
                ("Lee Cheuk-yan", EntityType::Person),
                ("Dana Fung", EntityType::Person),
                ("ZPA", EntityType::Organization),
                ("University of Southern Riverton", EntityType::Organization),
                ("Southern Riverton", EntityType::Place),
                ("Riverton", EntityType::Place),
                ("Mediaworks Group", EntityType::Organization),
                ("Jane Smith", EntityType::Person),
            ]
        );
    }

    #[test]
    fn abbreviated_place_words_and_inner_heads_keep_a_name_whole() {
        assert_eq!(
            named("They climbed Mt. Riverton. The Acme Department of Fisheries objected."),
            [
                ("Mt. Riverton".to_owned(), EntityType::Place),
                (
                    "Acme Department of Fisheries".to_owned(),
                    EntityType::Organization
                ),
            ]
        );
    }

    #[test]
    fn firms_joined_by_an_ampersand_and_arabic_particles() {
        let named = named(
            "Officials at Harlow & Vance met Omar al-Rashidi. Earlier work (Roe & Diaz, 2019) disagreed.",
        );
        assert!(
            named.contains(&("Harlow & Vance".to_owned(), EntityType::Organization)),
            "{named:?}"
        );
        assert!(named.iter().any(|n| n.0 == "Omar al-Rashidi"), "{named:?}");
        assert!(!named.iter().any(|n| n.0 == "Roe & Diaz"), "{named:?}");
    }

    #[test]
    fn photo_credits_name_a_photographer_and_an_agency() {
        assert_eq!(
            named("Traders clear the stalls. (Ines Caro/Northern Wire Photo)"),
            [
                ("Ines Caro".to_owned(), EntityType::Person),
                ("Northern Wire".to_owned(), EntityType::Organization)
            ]
        );
        assert_eq!(
            named("Traders clear the stalls. (Acme Photo/Court)"),
            [
                ("Acme".to_owned(), EntityType::Organization),
                ("Court".to_owned(), EntityType::Person)
            ]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let got = found("Meanwhile the storm grew. Officials said nothing.");
        assert!(got.iter().all(|g| g.2 != MentionKind::Named), "{got:?}");
    }

    #[test]
    fn a_name_carries_the_contexts_the_document_gives_it_anywhere() {
        let text = "Ferris Vale is a quiet town. We stayed in Ferris Vale for a week. \
                    Dr Ilsa Moran, who runs the clinic, said it was busy. Moran's staff agreed. \
                    Most of Ardavia voted.";
        let seg = segment(text);
        let stats = DocumentStats::new(text, &seg);
        let has = |word: &str, context: NameContext| {
            stats
                .name_contexts
                .get(word)
                .is_some_and(|bits| bits & context.bit() != 0)
        };
        // Both words of the name, from its second sentence.
        assert!(has("Ferris", NameContext::AfterPlacePreposition));
        assert!(has("Vale", NameContext::AfterPlacePreposition));
        // The title's person, not the title; the relative clause after the comma; the
        // speech verb after it does not follow the name.
        assert!(has("Ilsa", NameContext::AfterTitle) && has("Moran", NameContext::AfterTitle));
        assert!(!has("Dr", NameContext::AfterTitle));
        assert!(has("Moran", NameContext::BeforeWho));
        assert!(!has("Moran", NameContext::BeforeSpeechVerb));
        assert!(has("Moran", NameContext::BeforePossessive));
        assert!(has("Ardavia", NameContext::AfterOf));
        assert!(!has("Ferris", NameContext::BeforeWho));
    }

    #[test]
    fn a_title_of_a_body_before_a_name_is_the_role() {
        let text = "Minister of Fisheries Jane Holloway said it.";
        let seg = segment(text);
        let kb = Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ2\tPerson\tJane Smith\t\t1\n");
        let people: Vec<(String, Option<String>)> =
            recognize(text, &seg, &kb, &DocumentStats::new(text, &seg))
                .into_iter()
                .filter(|c| c.kind == MentionKind::Named)
                .map(|c| (c.span.slice(text).to_owned(), c.role))
                .collect();
        assert_eq!(
            people,
            [(
                "Jane Holloway".to_owned(),
                Some("Minister of Fisheries".to_owned())
            )]
        );
    }

    /// Whether `got` ([`named`]) holds `name` with type `entity_type`.
    fn names(got: &[(String, EntityType)], name: &str, entity_type: EntityType) -> bool {
        got.iter().any(|(n, t)| n == name && *t == entity_type)
    }

    #[test]
    fn the_name_after_a_letters_closing_is_its_writer() {
        let people = |text: &str| named_as(text, EntityType::Person);
        let letter = people("Dear Tomas,\n\nThe garden is green.\n\nLove always,\n\nBrisa\n");
        assert!(letter.contains(&"Brisa".to_owned()), "{letter:?}");
        assert_eq!(
            people("It rained.\n\nYours truly,\nJo K. Quill"),
            ["Jo K. Quill"]
        );
        // A heading is no closing, and a closing needs a line of its own.
        let signed = |text: &str| {
            let seg = segment(text);
            recognize(text, &seg, Kb::shipped(), &DocumentStats::new(text, &seg))
                .iter()
                .any(|c| c.method == SIGNATURE)
        };
        assert!(signed("It rained all week.\n\nLove,\nBrisa\n"));
        assert!(!signed("Best Picture\nOppenheimer\n"));
        assert!(!signed("Thanks, said the clerk.\nBrisa went home.\n"));
    }

    #[test]
    fn the_persian_ezafe_joins_a_name() {
        assert_eq!(
            named("We crossed Naqsh-e Jahan Square at noon."),
            [("Naqsh-e Jahan Square".to_owned(), EntityType::Place)]
        );
    }

    #[test]
    fn roads_numbers_and_addresses_are_places() {
        let places = |text: &str| named_as(text, EntityType::Place);
        assert_eq!(
            places("We took I-44 West, then US 169 and Route 66 past Terminal 2."),
            ["I-44 West", "US 169", "Route 66", "Terminal 2"]
        );
        assert_eq!(
            places("Follow the A64 towards the coast, or the M62, then the M16 rifle range."),
            ["A64", "M62"]
        );
        assert_eq!(
            places("The cafe at 1214 Larkspur Ave opened. In 2019 Main Street closed."),
            ["1214 Larkspur Ave", "Main Street"]
        );
        assert_eq!(
            places("She flew into Riverton International Airport."),
            ["Riverton International Airport"]
        );
    }

    #[test]
    fn a_compass_word_before_a_known_place_is_a_region() {
        let got = named("Floods hit West Riverton and Northern Riverton on Monday.");
        for region in ["West Riverton", "Northern Riverton"] {
            assert!(names(&got, region, EntityType::Place), "{region}: {got:?}");
        }
    }

    #[test]
    fn fields_joined_by_and_before_a_bodys_word_are_one_name() {
        let got = named("Detectives from the Homicide and Major Enquiry Team and officers of the Riverton and Easton Council met.");
        let team = "Homicide and Major Enquiry Team";
        assert!(names(&got, team, EntityType::Organization), "{got:?}");
        // A known name before "and" is a name of its own.
        assert!(names(&got, "Riverton", EntityType::Place), "{got:?}");
    }

    #[test]
    fn a_name_before_a_role_a_company_gives_is_the_company() {
        let got = named("Shares fell after Zorvex chief executive Jane Roe resigned, and Quarrel Athletic president Tom Ede said nothing.");
        for (name, entity_type) in [
            ("Zorvex", EntityType::Organization),
            ("Jane Roe", EntityType::Person),
            ("Quarrel Athletic", EntityType::Organization),
            ("Tom Ede", EntityType::Person),
        ] {
            assert!(names(&got, name, entity_type), "{name}: {got:?}");
        }
    }

    #[test]
    fn a_confederation_and_a_chamber_head_bodies() {
        let got = named(
            "The Confederation of Ruritanian Industry and the Riverton Chamber of Commerce met.",
        );
        for body in [
            "Confederation of Ruritanian Industry",
            "Riverton Chamber of Commerce",
        ] {
            assert!(
                names(&got, body, EntityType::Organization),
                "{body}: {got:?}"
            );
        }
    }

    #[test]
    fn a_name_whose_shares_trade_is_a_company() {
        let got = named("Shares of Zorvex fell 6 percent on Friday, and Quillan stock rose.");
        for name in ["Zorvex", "Quillan"] {
            assert!(
                names(&got, name, EntityType::Organization),
                "{name}: {got:?}"
            );
        }
    }

    #[test]
    fn an_occupation_opening_a_sentence_before_a_given_name_is_the_role() {
        let kb = Kb::parse("qid\ttype\tlabel\taliases\tpopularity\n");
        let people = |text: &str| -> Vec<(String, Option<String>)> {
            let seg = segment(text);
            recognize(text, &seg, &kb, &DocumentStats::new(text, &seg))
                .into_iter()
                .filter(|c| c.kind == MentionKind::Named)
                .map(|c| (c.span.slice(text).to_owned(), c.role))
                .collect()
        };
        for (text, role) in [
            (
                "Hydrologist Priya Raman said the river rose.",
                "Hydrologist",
            ),
            ("Goalkeeper Maria Oduya saved twice.", "Goalkeeper"),
        ] {
            let name = text
                .split(' ')
                .skip(1)
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(people(text), [(name, Some(role.to_owned()))], "{text}");
        }
        // A surname before a given name is no occupation.
        assert_eq!(
            people("Walker Mary Obi said it.")[0].1,
            None,
            "a surname is no role"
        );
    }

    #[test]
    fn a_place_nested_in_an_organisation_is_named_by_a_name_only_places_have() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tPlace\tGulf of Ruritania\tGulf\t7\n\
             Q2\tEvent\tGulf War\tGulf\t6\n\
             Q3\tPlace\tRiverton\t\t5\n",
        );
        let got = found_with(
            &kb,
            "Gulf Marine Underwriters and Riverton Marine Underwriters paid the claims.",
        );
        let places: Vec<&str> = got
            .iter()
            .filter(|g| g.1 == EntityType::Place)
            .map(|g| g.0.as_str())
            .collect();
        assert_eq!(places, ["Riverton"], "{got:?}");
        let got = found_with(&kb, "She taught at the University of Northern Riverton.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Northern Riverton" && g.1 == EntityType::Place),
            "{got:?}"
        );
    }

    #[test]
    fn a_brand_named_with_its_possessive_is_found_without_it() {
        let kb =
            Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ1\tOrganization\tHalvard's\t\t3\n");
        let got = found_with(&kb, "She joined the firm from Halvard’s in 2019.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Halvard" && g.1 == EntityType::Organization),
            "{got:?}"
        );
    }

    #[test]
    fn a_one_word_body_then_an_unknown_name_splits_there() {
        let got = found("The talks were opened by Minister of Education Ilaria Venturelli.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Ilaria Venturelli" && g.1 == EntityType::Person),
            "{got:?}"
        );
        // A body of two words, the first name unknown: the portfolio's noun is no name.
        let got = found(
            "The fund was announced by Commissioner for Crisis Management Ilaria Venturelli.",
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "Ilaria Venturelli" && g.1 == EntityType::Person),
            "{got:?}"
        );
        // A body of two ordinary words: the name is the last two, not three.
        let got = found("The plan came from Minister for Health Care Ola Berg.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Ola Berg" && g.1 == EntityType::Person),
            "{got:?}"
        );
        // A title of a place stays no person.
        let got = found("They met the King of Athens on Monday.");
        assert!(
            !got.iter()
                .any(|g| g.1 == EntityType::Person && g.2 == MentionKind::Named),
            "{got:?}"
        );
    }

    #[test]
    fn a_description_after_the_name_that_ends_in_a_kind_of_organisation_types_it() {
        for (text, name) in [
            (
                "Quorbit, a logistics firm, said it would expand.",
                "Quorbit",
            ),
            (
                "Vessels were bought from Tarnvik, Ruritania's state-owned shipping group.",
                "Tarnvik",
            ),
            (
                "Researchers at Mandrel, a unit of Vantor Holdings, found it.",
                "Mandrel",
            ),
            (
                "The operations were cancelled by the hospital chain Zorgvik Noord on Monday.",
                "Zorgvik Noord",
            ),
            // The last kind word heads the description, and it outweighs a place's word.
            (
                "It bought Brannic Market, a Tarsk-based supermarket chain, on Monday.",
                "Brannic Market",
            ),
            // A participle may describe the kind further.
            (
                "Klarvik, the Swedish payments start-up founded by two engineers, grew.",
                "Klarvik",
            ),
            ("Analysts at Tarvik Markets said so.", "Tarvik Markets"),
            // A company's ending closes its name, in any case.
            ("Shares in Halvor Plc fell.", "Halvor Plc"),
            // An office-holder's possessive before the office is inside its name.
            (
                "The Tarrow County Sheriff's Office said the man was held.",
                "Tarrow County Sheriff's Office",
            ),
        ] {
            let got = named(text);
            assert!(
                got.contains(&(name.to_owned(), EntityType::Organization)),
                "{text}: {got:?}"
            );
        }
        // A description that goes on is no kind of organisation.
        let got = named("Later, Dana Okoro, a firm believer in markets, spoke.");
        assert!(
            got.contains(&("Dana Okoro".to_owned(), EntityType::Person)),
            "{got:?}"
        );
    }

    #[test]
    fn a_giant_before_a_noun_is_no_organisation() {
        let nominals = |text: &str| -> Vec<String> {
            found(text)
                .into_iter()
                .filter(|c| c.1 == EntityType::Organization && c.2 == MentionKind::Nominal)
                .map(|c| c.0)
                .collect()
        };
        assert!(nominals("Students watched on a giant screen.").is_empty());
        assert_eq!(
            nominals("The tech giant said it would appeal."),
            ["The tech giant"]
        );
    }

    #[test]
    fn a_known_name_that_ends_in_a_dot_keeps_it() {
        let kb =
            Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ2\tPlace\tRuritania\tRurit.\t3.0\n");
        let got = found_with(&kb, "She was born in Tarn, Rurit., in 1990.");
        assert!(
            got.contains(&("Rurit.".to_owned(), EntityType::Place, MentionKind::Named)),
            "{got:?}"
        );
        // A possessive stays out of the name, known or not.
        let got = named("Police found Jane Smith's car in Riverton.");
        assert!(
            got.contains(&("Jane Smith".to_owned(), EntityType::Person)),
            "{got:?}"
        );
    }

    #[test]
    fn an_organisation_named_after_a_place_is_one_name() {
        let got = found("The market belongs to Bradford Council, the mayor said.");
        assert!(
            got.contains(&(
                "Bradford Council".to_owned(),
                EntityType::Organization,
                MentionKind::Named
            )),
            "{got:?}"
        );
    }

    #[test]
    fn a_person_of_a_body_known_by_name_only_is_two_names() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             \tBody\tQuillfeather\t\t0\t\t\n",
        );
        let got = found_with(
            &kb,
            "The letter names Tuo Zi Weng of Quillfeather and two others.",
        );
        let named: Vec<_> = got
            .into_iter()
            .filter(|g| g.2 == MentionKind::Named)
            .map(|g| (g.0, g.1))
            .collect();
        assert!(
            named.contains(&("Tuo Zi Weng".to_owned(), EntityType::Person))
                && named.contains(&("Quillfeather".to_owned(), EntityType::Organization)),
            "{named:?}"
        );
    }

    #[test]
    fn a_word_for_people_opening_a_sentence_before_a_connector_is_no_name() {
        let got = named("Lawyers for Hadwell met the committee on Monday.");
        assert!(got.iter().all(|g| !g.0.starts_with("Lawyers")), "{got:?}");
    }

    #[test]
    fn a_body_word_before_for_heads_an_organisation() {
        let got =
            named("A report by the Tarrow Center for Justice was cited by the Save Riverton PAC.");
        for name in ["Tarrow Center for Justice", "Save Riverton PAC"] {
            assert!(
                got.contains(&(name.to_owned(), EntityType::Organization)),
                "{name}: {got:?}"
            );
        }
    }

    #[test]
    fn a_district_attorney_is_a_title_after_the_place() {
        let got = named("Riverton County District Attorney Fenna Wallis asked a judge to act.");
        assert!(
            got.contains(&("Fenna Wallis".to_owned(), EntityType::Person)),
            "{got:?}"
        );
        assert!(got.iter().all(|g| !g.0.contains("District")), "{got:?}");
    }

    #[test]
    fn honorifics_with_or_without_a_dot_are_titles() {
        let text = "A letter from Mme. Ruelle reached Herr Kossler, Dr. Ibarra and Mrs. Riverton.";
        // "Riverton" is a known place: the honorific makes a person of it.
        let kb = Kb::parse("qid\ttype\tlabel\taliases\tpopularity\nQ1\tPlace\tRiverton\t\t5\n");
        assert_people_with_titles(
            text,
            &kb,
            &[
                ("Ruelle", "Mme."),
                ("Kossler", "Herr"),
                ("Ibarra", "Dr."),
                ("Riverton", "Mrs."),
            ],
        );
    }

    /// Asserts that the rules find each name in `text` as a person with the title as role.
    fn assert_people_with_titles(text: &str, kb: &Kb, people: &[(&str, &str)]) {
        let seg = segment(text);
        let found = recognize(text, &seg, kb, &DocumentStats::new(text, &seg));
        for &(name, title) in people {
            let person = found
                .iter()
                .find(|c| c.span.slice(text) == name)
                .unwrap_or_else(|| panic!("{name}: {found:?}"));
            assert_eq!(person.entity_type, EntityType::Person);
            assert_eq!(person.role.as_deref(), Some(title), "{found:?}");
        }
    }

    #[test]
    fn a_title_abbreviated_with_its_dot_splits_off_after_its_modifier() {
        assert_people_with_titles(
            "Later, State Sen. Marla Quince and Gov. Tom Hale said so.",
            Kb::shipped(),
            &[("Marla Quince", "State Sen."), ("Tom Hale", "Gov.")],
        );
    }

    #[test]
    fn a_school_district_is_a_body_and_a_library_a_building() {
        let got = named(
            "Pupils of the Quarrow Central School District met at the Tolvern Memorial Library.",
        );
        assert!(
            got.contains(&(
                "Quarrow Central School District".to_owned(),
                EntityType::Organization
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("Tolvern Memorial Library".to_owned(), EntityType::Place)),
            "{got:?}"
        );
    }

    #[test]
    fn the_letters_after_a_name_are_no_part_of_it() {
        let got = named("The court heard from Annika Darrow KC and from Tom Hale MP on Friday.");
        for name in ["Annika Darrow", "Tom Hale"] {
            assert!(
                got.contains(&(name.to_owned(), EntityType::Person)),
                "{name}: {got:?}"
            );
        }
    }

    #[test]
    fn a_street_after_on_is_the_street_whatever_body_bears_its_name() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\nQ1\tOrganization\tQuarry Street\t\t3\n",
        );
        let named = |text: &str| named_with(&kb, text);
        assert_eq!(
            named("The bakery opened a shop on Quarry Street last week."),
            [("Quarry Street".to_owned(), EntityType::Place)]
        );
        assert_eq!(
            named("Shares of Quarry Street rose 4 percent."),
            [("Quarry Street".to_owned(), EntityType::Organization)]
        );
    }

    #[test]
    fn a_known_name_goes_on_across_its_links_and_a_saints_building_across_its_possessive() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tPlace\tTarnia\tPeople's Republic of Tarnia\t9\n\
             Q2\tOrganization\tTarnian Bonds and Exchange Board\t\t5\n\
             Q3\tPlace\tVila do Sargo\t\t4\nQ4\tPlace\tVila\t\t6\n",
        );
        let text = "The People's Republic of Tarnia objected. Crowds met at St. Anselm's \
                    Chapel and at Dana's Bakery. The Tarnian Bonds and Exchange Board fined \
                    a broker from Vila do Sargo. Oskar and Lena Brandt sold it.";
        let names: Vec<String> = named_with(&kb, text).into_iter().map(|n| n.0).collect();
        for known in [
            "People's Republic of Tarnia",
            "St. Anselm's Chapel",
            "Tarnian Bonds and Exchange Board",
            "Vila do Sargo",
        ] {
            assert!(names.contains(&known.to_owned()), "{known}: {names:?}");
        }
        // Any other possessive or link stays out of the name.
        assert!(names.contains(&"Dana".to_owned()), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Oskar and")), "{names:?}");
    }

    #[test]
    fn a_name_after_a_kind_of_settlement_or_an_age_and_of_is_the_place() {
        // The knowledge base knows a person of that name first.
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tPerson\tHalloran\t\t9\nQ2\tPlace\tHalloran\t\t2\n",
        );
        let text = "The minister visited the town of Halloran and the port of Quessant. \
                    Dale Brook, 41, of Sedgewick, was charged.";
        let seg = segment(text);
        let found = recognize(text, &seg, &kb, &DocumentStats::new(text, &seg));
        let read = |name: &str| {
            found
                .iter()
                .find(|c| c.span.slice(text) == name)
                .map(|c| (c.entity_type, c.qid.clone()))
        };
        assert_eq!(
            read("Halloran"),
            Some((EntityType::Place, Some("Q2".into())))
        );
        assert_eq!(read("Quessant"), Some((EntityType::Place, None)));
        assert_eq!(read("Sedgewick"), Some((EntityType::Place, None)));
    }

    #[test]
    fn a_storms_name_is_an_event_but_not_a_headlines_words() {
        let text = "Storm Edda flooded the valley, and Tropical Storm Alto followed. Hurricane \
                    Mirela weakened.\n\nStorm Hits Coastal Towns\n";
        let found = found(text);
        let events: Vec<&str> = found
            .iter()
            .filter(|f| f.1 == EntityType::Event && f.2 == MentionKind::Named)
            .map(|f| f.0.as_str())
            .collect();
        assert_eq!(
            events,
            ["Storm Edda", "Tropical Storm Alto", "Hurricane Mirela"]
        );
    }

    #[test]
    fn a_nationality_before_a_known_organisation_names_its_national_body() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tOrganization\tHelping Hand Society\t\t5\n\
             Q45\tDemonym\tPortuguese\t\t0\n",
        );
        assert_eq!(
            named_with(
                &kb,
                "Officials of the Portuguese Helping Hand Society arrived."
            ),
            [(
                "Portuguese Helping Hand Society".to_owned(),
                EntityType::Organization
            )]
        );
    }

    #[test]
    fn a_datelines_place_is_a_place_whatever_else_bears_its_name() {
        let kb = Kb::parse(
            "qid\ttype\tlabel\taliases\tpopularity\n\
             Q1\tPerson\tTarnby\t\t9\nQ2\tPlace\tTarnby\t\t2\n",
        );
        let text = "TARNBY, England \u{2014} The river rose overnight.";
        let seg = segment(text);
        let found = recognize(text, &seg, &kb, &DocumentStats::new(text, &seg));
        let place = found.iter().find(|c| c.span.slice(text) == "TARNBY");
        assert_eq!(
            place.map(|c| (c.entity_type, c.qid.as_deref())),
            Some((EntityType::Place, Some("Q2")))
        );
    }

    #[test]
    fn a_bylines_job_is_no_name_and_an_exchange_is_an_organisation() {
        assert_eq!(
            named("By Dana Kowalczyk\nStaff Writer\n\nThe jury met."),
            [("Dana Kowalczyk".to_owned(), EntityType::Person)]
        );
        assert_eq!(
            named_as(
                "Shares rose on the Harbin Stock Exchange.",
                EntityType::Organization
            ),
            ["Harbin Stock Exchange"]
        );
    }

    #[test]
    fn a_listed_town_after_near_is_the_town_whatever_verb_follows() {
        let kb =
            Kb::parse("qid\ttype\tlabel\taliases\tpopularity\n\tPlaceName\tHarrow Entrance\t\t0\n");
        assert_eq!(
            named_with(
                &kb,
                "Farmers near Harrow Entrance said the fire had spread."
            ),
            [("Harrow Entrance".to_owned(), EntityType::Place)]
        );
    }
}
