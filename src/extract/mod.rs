//! Extraction: from a segmented document to an [`Extraction`]: mentions, entities (with
//! in-document coreference), quotations, relations and events. Every fact carries its
//! [`Evidence`]. Extraction never fails: odd text gives fewer facts, not an error.

mod coref;
mod events;
mod grammar;
pub mod lexicon;
pub mod link;
pub(crate) mod ner;
mod quotes;
mod relations;
pub mod tagger;
pub mod word_classes;

use crate::date::PartialDate;
use crate::document::Document;
use crate::kb::Kb;
use crate::segment::Segmented;
use crate::span::Span;
use crate::syntax::SyntaxModel;
use serde::Serialize;
use tagger::NerModel;

/// The four kinds of things newskg recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Event,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Place,
        EntityType::Event,
    ];

    /// The name used in BRAT and in the knowledge base.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Event => "Event",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum MentionKind {
    Named,
    Nominal,
    Pronoun,
}

/// Which rule or resource produced a fact; recorded in the graph as the method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Method {
    /// A name found in the knowledge base.
    Gazetteer,
    /// A capitalised name typed by its words and context.
    NameShape,
    /// A noun phrase with a known head noun ("the attacker").
    NominalHead,
    /// A pronoun resolved to the nearest compatible entity.
    PronounResolution,
    /// Words inside quotation marks with a speech verb and a speaker.
    DirectQuote,
    /// A speech verb followed by a reported clause.
    ReportedSpeech,
    /// A lexical-syntactic pattern for a relation (the name says which).
    Pattern(&'static str),
    /// The statistical tagger trained on annotated text.
    Tagger,
    /// A repeat of a name the article already gave, or the acronym it introduced for
    /// one in parentheses, with that name's type.
    DocumentRepeat,
}

impl Method {
    /// A stable name for the graph, such as `pattern/passive-owned-by`.
    pub fn name(self) -> String {
        match self {
            Method::Pattern(name) => format!("pattern/{name}"),
            other => other.static_name().to_owned(),
        }
    }

    /// The name without the pattern's prefix: the same for every use of a method.
    pub fn static_name(self) -> &'static str {
        match self {
            Method::Gazetteer => "gazetteer",
            Method::NameShape => "name-shape",
            Method::NominalHead => "nominal-head",
            Method::PronounResolution => "pronoun-resolution",
            Method::DirectQuote => "direct-quote",
            Method::ReportedSpeech => "reported-speech",
            Method::Pattern(name) => name,
            Method::Tagger => "tagger",
            Method::DocumentRepeat => "document-repeat",
        }
    }
}

/// Where a fact was found and how sure we are of it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Evidence {
    /// Index into [`Segmented::sentences`].
    pub sentence: usize,
    /// The words that state the fact.
    pub span: Span,
    pub method: Method,
    /// 0.0 ..= 1.0
    pub confidence: f32,
}

pub type MentionId = usize;
pub type EntityId = usize;
pub type QuoteId = usize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub entity_type: EntityType,
    pub kind: MentionKind,
    pub sentence: usize,
    pub entity: EntityId,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub entity_type: EntityType,
    /// The longest named mention, or the first nominal one.
    pub name: String,
    /// Every distinct surface form of its named mentions.
    pub variants: Vec<String>,
    pub mentions: Vec<MentionId>,
    /// Titles and descriptions ("Home Secretary", "attacker").
    pub roles: Vec<String>,
    /// The Wikidata item, when linked.
    pub link: Option<Link>,
    /// For events: when it happened.
    pub date: Option<PartialDate>,
    /// For people: the age the article gives them ("a 38-year-old man", "Jan Roe, 45,").
    pub age: Option<u32>,
}

/// An entity's Wikidata item and how sure the linker is of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub qid: String,
    pub confidence: f32,
}

/// The relation types of the gold schema (`Said` is carried by [`Quote`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum RelationType {
    ArrestedIn,
    OwnedBy,
    MemberOf,
    LocatedIn,
    ResidentOf,
    CitizenOf,
    PerpetratorOf,
    VictimOf,
    ParticipantIn,
}

impl RelationType {
    pub fn name(self) -> &'static str {
        match self {
            RelationType::ArrestedIn => "ArrestedIn",
            RelationType::OwnedBy => "OwnedBy",
            RelationType::MemberOf => "MemberOf",
            RelationType::LocatedIn => "LocatedIn",
            RelationType::ResidentOf => "ResidentOf",
            RelationType::CitizenOf => "CitizenOf",
            RelationType::PerpetratorOf => "PerpetratorOf",
            RelationType::VictimOf => "VictimOf",
            RelationType::ParticipantIn => "ParticipantIn",
        }
    }

    /// The local name of the ontology property (`nk:arrestedIn`).
    pub fn property(self) -> &'static str {
        match self {
            RelationType::ArrestedIn => "arrestedIn",
            RelationType::OwnedBy => "ownedBy",
            RelationType::MemberOf => "memberOf",
            RelationType::LocatedIn => "locatedIn",
            RelationType::ResidentOf => "residentOf",
            RelationType::CitizenOf => "citizenOf",
            RelationType::PerpetratorOf => "perpetratorOf",
            RelationType::VictimOf => "victimOf",
            RelationType::ParticipantIn => "participantIn",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    pub relation_type: RelationType,
    pub subject: MentionId,
    pub object: MentionId,
    pub evidence: Evidence,
    /// Set when the fact is stated inside a quotation: the speaker's claim, not the article's.
    pub claimed_in: Option<QuoteId>,
}

/// What an article says happened to a person at the hands of the law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum LegalStatus {
    /// "was arrested", "police detained a man".
    Arrested,
    /// "was charged with murder", "police charged Roe".
    Charged,
    /// "has not been charged", "released without charge".
    NotCharged,
    /// "was released", "were freed".
    Released,
    /// "released on bail", "was bailed".
    Bailed,
    /// "remains in custody", "is being held".
    InCustody,
    /// "was convicted", "was sentenced", "was jailed".
    Convicted,
}

impl LegalStatus {
    /// The local name of the ontology individual (`nk:Charged`).
    pub fn name(self) -> &'static str {
        match self {
            LegalStatus::Arrested => "Arrested",
            LegalStatus::Charged => "Charged",
            LegalStatus::NotCharged => "NotCharged",
            LegalStatus::Released => "Released",
            LegalStatus::Bailed => "Bailed",
            LegalStatus::InCustody => "InCustody",
            LegalStatus::Convicted => "Convicted",
        }
    }
}

/// A person's [`LegalStatus`] as one sentence states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusFact {
    pub person: MentionId,
    pub status: LegalStatus,
    pub evidence: Evidence,
    /// Set when stated inside a quotation: the speaker's claim, not the article's.
    pub claimed_in: Option<QuoteId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, marks excluded, or the reported clause.
    pub span: Span,
    /// False for reported speech.
    pub direct: bool,
    /// The mention that names the speaker, when attributed.
    pub speaker: Option<MentionId>,
    /// The speech verb ("said", "told", "warned").
    pub verb: Option<String>,
    /// Whom it was said to or in what medium ("Sky News").
    pub addressee: Option<MentionId>,
    pub evidence: Evidence,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub relations: Vec<Relation>,
    pub statuses: Vec<StatusFact>,
}

/// Longest span a mention can have, in bytes: a name or noun phrase, never a paragraph.
/// Bounds the searches that look for mentions around an offset.
pub const MAX_MENTION_BYTES: usize = 1024;

impl Extraction {
    /// Every span the extraction points into the text with: mentions, quotations and the
    /// evidence of relations and legal statuses.
    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.mentions
            .iter()
            .map(|m| m.span)
            .chain(self.quotes.iter().map(|q| q.span))
            .chain(self.relations.iter().map(|r| r.evidence.span))
            .chain(self.statuses.iter().map(|f| f.evidence.span))
    }

    /// Mentions that start at a byte offset (`mentions` is sorted by start).
    pub fn mentions_starting_at(&self, start: usize) -> impl Iterator<Item = MentionId> + '_ {
        let first = self.mentions.partition_point(|m| m.span.start < start);
        (first..self.mentions.len()).take_while(move |&m| self.mentions[m].span.start == start)
    }

    /// Mentions that end at a byte offset.
    pub fn mentions_ending_at(&self, end: usize) -> impl Iterator<Item = MentionId> + '_ {
        let upto = self.mentions.partition_point(|m| m.span.start < end);
        (0..upto)
            .rev()
            .take_while(move |&m| self.mentions[m].span.start + MAX_MENTION_BYTES >= end)
            .filter(move |&m| self.mentions[m].span.end == end)
    }

    /// Mentions inside a span.
    pub fn mentions_within(&self, span: Span) -> impl Iterator<Item = MentionId> + '_ {
        let first = self.mentions.partition_point(|m| m.span.start < span.start);
        (first..self.mentions.len())
            .take_while(move |&m| self.mentions[m].span.start < span.end)
            .filter(move |&m| span.contains(self.mentions[m].span))
    }

    /// The quotation whose words contain `span`, if any.
    pub fn quote_containing(&self, span: Span) -> Option<QuoteId> {
        self.quotes.iter().position(|q| q.span.contains(span))
    }
}

/// What extraction consults besides the text: the knowledge base and the tagger's weights.
#[derive(Debug, Clone, Copy)]
pub struct Models<'a> {
    pub kb: &'a Kb,
    pub ner: &'a NerModel,
    /// The part-of-speech tagger and dependency parser that relations read grammar from.
    pub syntax: &'a SyntaxModel,
}

impl Models<'static> {
    /// The knowledge base and model compiled into the binary.
    pub fn shipped() -> Self {
        Models {
            kb: Kb::shipped(),
            ner: NerModel::shipped(),
            syntax: SyntaxModel::shipped(),
        }
    }
}

/// Runs every extraction stage over a segmented document.
pub fn extract(doc: &Document, segmented: &Segmented, models: Models) -> Extraction {
    use stages::*;
    let text = doc.text.as_str();
    let kb = models.kb;
    let stats = DocumentStats::new(text, segmented);
    let candidates = rule_candidates(text, segmented, kb, &stats);
    let candidates = named_entities(text, segmented, models, &stats, candidates);
    let mut extraction = coreference(text, segmented, kb, candidates);
    entity_links(text, &mut extraction, kb);
    quotations(text, segmented, &mut extraction);
    event_dates(text, segmented, doc.date, &mut extraction);
    relations(text, segmented, &mut extraction, kb, models.syntax);
    extraction
}

/// The stages of [`extract`] in the order it runs them, one call each: for the per-stage
/// benchmarks (`benches/stages.rs`) and for callers that need only part of the pipeline.
pub mod stages {
    pub use super::coref::resolve as coreference;
    pub use super::events::resolve_dates as event_dates;
    pub use super::link::resolve as entity_links;
    pub use super::ner::{recognize as rule_candidates, Candidate, DocumentStats};
    pub use super::quotes::extract as quotations;
    pub use super::relations::extract as relations;
    pub use super::tagger::recognize_named as named_entities;
}
