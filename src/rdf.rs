//! RDF mapping: turns one processed document into quads in the document's named graph,
//! with provenance stated in triples (NIF offsets in code points, PROV-O derivation,
//! method and confidence), so that it survives an export to N-Triples.
//!
//! The vocabulary is declared in `ontology/newskg.ttl`.

use crate::extract::{EntityType, Extraction, MentionKind};
use crate::pipeline::Processed;
use crate::segment::Zone;
use crate::span::Span;
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxHashSet;

/// Namespaces, with the prefixes used in Turtle and TriG output.
pub mod ns {
    pub const NK: &str = "https://w3id.org/newskg/ontology#";
    pub const RESOURCE: &str = "https://w3id.org/newskg/";
    pub const SCHEMA: &str = "https://schema.org/";
    pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    pub const PROV: &str = "http://www.w3.org/ns/prov#";
    pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
    pub const ITSRDF: &str = "http://www.w3.org/2005/11/its/rdf#";
    pub const WD: &str = "http://www.wikidata.org/entity/";
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

    /// (prefix, namespace) pairs for serializers and queries.
    pub const PREFIXES: &[(&str, &str)] = &[
        ("nk", NK),
        ("schema", SCHEMA),
        ("nif", NIF),
        ("prov", PROV),
        ("owl", OWL),
        ("itsrdf", ITSRDF),
        ("wd", WD),
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("xsd", XSD),
        ("doc", "https://w3id.org/newskg/doc/"),
        ("entity", "https://w3id.org/newskg/entity/"),
        ("person", "https://w3id.org/newskg/entity/person/"),
        ("org", "https://w3id.org/newskg/entity/organization/"),
        ("place", "https://w3id.org/newskg/entity/place/"),
    ];
}

fn iri(namespace: &str, local: &str) -> NamedNode {
    let mut iri = String::with_capacity(namespace.len() + local.len());
    iri.push_str(namespace);
    iri.push_str(local);
    NamedNode::new_unchecked(iri)
}

fn nk(local: &str) -> NamedNode {
    iri(ns::NK, local)
}

/// The IRI of a document (also the name of its graph).
pub fn document_iri(id: &str) -> NamedNode {
    iri(
        ns::RESOURCE,
        &format!("doc/{}", crate::document::sanitize_id(id)),
    )
}

/// Lower-case, hyphen-joined form of a name for IRIs ("Mira Okafor" -> "mira-okafor").
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn type_class(t: EntityType) -> NamedNode {
    iri(
        ns::SCHEMA,
        match t {
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Event => "Event",
        },
    )
}

fn type_slug(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Place => "place",
        EntityType::Event => "event",
    }
}

fn integer(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::NON_NEGATIVE_INTEGER)
}

fn decimal(x: f32) -> Literal {
    Literal::new_typed_literal(format!("{x:.2}"), xsd::DECIMAL)
}

fn string(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

/// Accumulates quads of one graph.
struct Graph {
    name: GraphName,
    quads: Vec<Quad>,
}

impl Graph {
    /// Drops repeated quads added since `start`: entities that share an IRI (two unlinked
    /// "Police" chains) and relations stated twice say their plain triples once.
    fn dedup_from(&mut self, start: usize) {
        let mut seen = FxHashSet::default();
        let first: Vec<bool> = self.quads[start..].iter().map(|q| seen.insert(q)).collect();
        drop(seen);
        let mut index = 0;
        self.quads.retain(|_| {
            index += 1;
            index <= start || first[index - 1 - start]
        });
    }

    fn add(&mut self, s: &NamedNode, p: impl Into<NamedNode>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::from(s.clone()),
            p.into(),
            o.into(),
            self.name.clone(),
        ));
    }
}

/// Stable IRIs of everything in one document.
pub struct Iris<'a> {
    processed: &'a Processed,
    pub doc: NamedNode,
}

impl<'a> Iris<'a> {
    pub fn new(processed: &'a Processed) -> Self {
        Self {
            doc: document_iri(&processed.document.id),
            processed,
        }
    }

    fn offsets(&self, span: Span) -> (usize, usize) {
        self.processed.code_points.span(span)
    }

    /// Linked entities are named by their Wikidata item, named ones by type and name, and
    /// unnamed ones ("a 30-year-old man") within their document.
    pub fn entity(&self, id: usize) -> NamedNode {
        let ex = &self.processed.extraction;
        let entity = &ex.entities[id];
        if let Some(link) = &entity.link {
            return iri(ns::RESOURCE, &format!("entity/{}", link.qid));
        }
        if !entity.variants.is_empty() && entity.entity_type != EntityType::Event {
            return iri(
                ns::RESOURCE,
                &format!(
                    "entity/{}/{}",
                    type_slug(entity.entity_type),
                    slug(&entity.name)
                ),
            );
        }
        let first = entity
            .mentions
            .first()
            .map_or(Span::new(0, 0), |&m| ex.mentions[m].span);
        let (b, _) = self.offsets(first);
        NamedNode::new_unchecked(format!(
            "{}/{}/{b}",
            self.doc.as_str(),
            type_slug(entity.entity_type)
        ))
    }

    pub fn span(&self, span: Span) -> NamedNode {
        let (b, e) = self.offsets(span);
        NamedNode::new_unchecked(format!("{}#char={b},{e}", self.doc.as_str()))
    }

    pub fn sentence(&self, index: usize) -> NamedNode {
        let (b, e) = self.offsets(self.processed.segmented.sentences[index].span);
        NamedNode::new_unchecked(format!("{}#sentence={b},{e}", self.doc.as_str()))
    }

    pub fn quote(&self, index: usize) -> NamedNode {
        let (b, e) = self.offsets(self.processed.extraction.quotes[index].span);
        NamedNode::new_unchecked(format!("{}#quote={b},{e}", self.doc.as_str()))
    }

    /// The node of one stated fact: its property, subject, object and evidence span.
    fn fact(
        &self,
        property: &str,
        subject: &NamedNode,
        object: &NamedNode,
        span: Span,
    ) -> NamedNode {
        let (b, e) = self.offsets(span);
        let key = format!(
            "{}|{}|{}|{b}|{e}",
            property,
            subject.as_str(),
            object.as_str()
        );
        NamedNode::new_unchecked(format!(
            "{}#fact-{:016x}",
            self.doc.as_str(),
            xxhash_rust::xxh3::xxh3_64(key.as_bytes())
        ))
    }
}

/// All quads for one processed document, in its own named graph.
pub fn to_quads(processed: &Processed) -> Vec<Quad> {
    let iris = Iris::new(processed);
    let doc = &processed.document;
    let text = doc.text.as_str();
    let ex: &Extraction = &processed.extraction;
    let mut g = Graph {
        name: GraphName::NamedNode(iris.doc.clone()),
        quads: Vec::new(),
    };
    let d = &iris.doc;

    // The article.
    g.add(d, rdf::TYPE, iri(ns::SCHEMA, "NewsArticle"));
    g.add(d, rdf::TYPE, iri(ns::NIF, "Context"));
    g.add(d, nk("documentId"), string(&doc.id));
    g.add(d, nk("source"), string(&doc.source));
    g.add(d, iri(ns::NIF, "isString"), string(text));
    g.add(d, nk("contentHash"), string(&processed.content_hash));
    g.add(d, nk("extractedBy"), string(crate::EXTRACTOR));
    if let Some(title) = &doc.title {
        g.add(d, iri(ns::SCHEMA, "headline"), string(title));
    }
    if let Some(date) = doc.date {
        g.add(
            d,
            iri(ns::SCHEMA, "datePublished"),
            Literal::new_typed_literal(date.to_string(), xsd::DATE),
        );
    }
    if let Some(url) = &doc.url {
        match NamedNode::new(url) {
            Ok(u) => g.add(d, iri(ns::SCHEMA, "url"), u),
            Err(_) => g.add(d, iri(ns::SCHEMA, "url"), string(url)),
        }
    }

    // Sentences that carry a mention, a quotation or a fact.
    let mut used = vec![false; processed.segmented.sentences.len()];
    ex.mentions
        .iter()
        .map(|m| m.sentence)
        .chain(ex.quotes.iter().map(|q| q.evidence.sentence))
        .chain(ex.relations.iter().map(|r| r.evidence.sentence))
        .for_each(|s| {
            if let Some(u) = used.get_mut(s) {
                *u = true;
            }
        });
    for (i, sentence) in processed.segmented.sentences.iter().enumerate() {
        if !used[i] {
            continue;
        }
        let s = iris.sentence(i);
        g.add(&s, rdf::TYPE, iri(ns::NIF, "Sentence"));
        add_offsets(&mut g, &iris, &s, sentence.span, text);
        g.add(&s, nk("zone"), string(sentence.zone.name()));
    }

    // Entities and their mentions.
    let entity_iris: Vec<NamedNode> = (0..ex.entities.len()).map(|i| iris.entity(i)).collect();
    let entities_start = g.quads.len();
    for (i, entity) in ex.entities.iter().enumerate() {
        let e = &entity_iris[i];
        g.add(e, rdf::TYPE, type_class(entity.entity_type));
        g.add(e, rdfs::LABEL, string(&entity.name));
        g.add(e, nk("mentionedIn"), d.clone());
        for v in &entity.variants {
            g.add(e, nk("nameVariant"), string(v));
        }
        for r in &entity.roles {
            g.add(e, nk("role"), string(r));
        }
        if let Some(age) = entity.age {
            g.add(e, nk("age"), integer(age as usize));
        }
        if let Some(link) = &entity.link {
            g.add(e, iri(ns::OWL, "sameAs"), iri(ns::WD, &link.qid));
            g.add(e, nk("linkConfidence"), decimal(link.confidence));
        }
        if let Some(date) = entity.date {
            let datatype = match date.precision {
                crate::date::Precision::Day => xsd::DATE,
                crate::date::Precision::Month => xsd::G_YEAR_MONTH,
                crate::date::Precision::Year => xsd::G_YEAR,
            };
            g.add(
                e,
                iri(ns::SCHEMA, "startDate"),
                Literal::new_typed_literal(date.to_string(), datatype),
            );
        }
    }
    g.dedup_from(entities_start);
    for m in &ex.mentions {
        let node = iris.span(m.span);
        g.add(&node, rdf::TYPE, nk("Mention"));
        add_offsets(&mut g, &iris, &node, m.span, text);
        g.add(&node, iri(ns::NIF, "sentence"), iris.sentence(m.sentence));
        g.add(
            &node,
            iri(ns::ITSRDF, "taIdentRef"),
            entity_iris[m.entity].clone(),
        );
        let kind = match m.kind {
            MentionKind::Named => "Named",
            MentionKind::Nominal => "Nominal",
            MentionKind::Pronoun => "Pronoun",
        };
        g.add(&node, nk("mentionKind"), nk(kind));
        g.add(&node, nk("method"), string(&m.evidence.method.name()));
        g.add(&node, nk("confidence"), decimal(m.evidence.confidence));
    }

    // Quotations, and who said them.
    for (i, q) in ex.quotes.iter().enumerate() {
        let node = iris.quote(i);
        g.add(&node, rdf::TYPE, iri(ns::SCHEMA, "Quotation"));
        g.add(&node, iri(ns::SCHEMA, "text"), string(q.span.slice(text)));
        add_offsets(&mut g, &iris, &node, q.span, text);
        add_evidence(&mut g, &iris, &node, q.evidence);
        g.add(&node, nk("direct"), Literal::from(q.direct));
        if let Some(verb) = &q.verb {
            g.add(&node, nk("speechVerb"), string(verb));
        }
        if let Some(speaker) = q.speaker {
            let who = &entity_iris[ex.mentions[speaker].entity];
            g.add(&node, iri(ns::SCHEMA, "creator"), who.clone());
            g.add(
                &node,
                nk("speakerMention"),
                iris.span(ex.mentions[speaker].span),
            );
            g.add(who, nk("said"), node.clone());
        }
        if let Some(addressee) = q.addressee {
            g.add(
                &node,
                nk("addressee"),
                entity_iris[ex.mentions[addressee].entity].clone(),
            );
        }
    }

    // Relations: the plain triple when the article states it, and a fact node with the
    // evidence in every case.
    let relations_start = g.quads.len();
    for r in &ex.relations {
        let subject = &entity_iris[ex.mentions[r.subject].entity];
        let object = &entity_iris[ex.mentions[r.object].entity];
        let fact = add_fact(
            &mut g,
            &iris,
            (subject, r.relation_type.property(), object),
            r.evidence,
            r.claimed_in,
        );
        g.add(
            &fact,
            nk("subjectMention"),
            iris.span(ex.mentions[r.subject].span),
        );
        g.add(
            &fact,
            nk("objectMention"),
            iris.span(ex.mentions[r.object].span),
        );
    }
    // Legal statuses: the same shape, with the status individual as the object.
    for f in &ex.statuses {
        let person = &entity_iris[ex.mentions[f.person].entity];
        let status = nk(f.status.name());
        let fact = add_fact(
            &mut g,
            &iris,
            (person, "legalStatus", &status),
            f.evidence,
            f.claimed_in,
        );
        g.add(
            &fact,
            nk("subjectMention"),
            iris.span(ex.mentions[f.person].span),
        );
    }
    g.dedup_from(relations_start);
    g.quads
}

/// One stated fact: the plain triple when the article states it in its own voice, and in
/// every case a fact node (an `rdf:Statement`) with the words, offsets and evidence, and
/// the voice or the quotation that claims it. Returns the fact node.
fn add_fact(
    g: &mut Graph,
    iris: &Iris,
    (subject, property, object): (&NamedNode, &str, &NamedNode),
    evidence: crate::extract::Evidence,
    claimed_in: Option<usize>,
) -> NamedNode {
    let predicate = nk(property);
    let fact = iris.fact(property, subject, object, evidence.span);
    let in_comment = iris
        .processed
        .segmented
        .sentences
        .get(evidence.sentence)
        .is_some_and(|s| s.zone == Zone::Comment);
    if claimed_in.is_none() && !in_comment {
        g.add(subject, predicate.clone(), object.clone());
    }
    g.add(&fact, rdf::TYPE, rdf::STATEMENT);
    g.add(&fact, rdf::TYPE, nk("Fact"));
    g.add(&fact, rdf::SUBJECT, subject.clone());
    g.add(&fact, rdf::PREDICATE, predicate);
    g.add(&fact, rdf::OBJECT, object.clone());
    add_offsets(g, iris, &fact, evidence.span, &iris.processed.document.text);
    add_evidence(g, iris, &fact, evidence);
    match claimed_in {
        Some(q) => g.add(&fact, nk("claimedIn"), iris.quote(q)),
        None if in_comment => g.add(&fact, nk("voice"), nk("ReaderCommentVoice")),
        None => g.add(&fact, nk("voice"), nk("ArticleVoice")),
    }
    fact
}

fn add_offsets(g: &mut Graph, iris: &Iris, node: &NamedNode, span: Span, text: &str) {
    let (b, e) = iris.offsets(span);
    g.add(node, iri(ns::NIF, "referenceContext"), iris.doc.clone());
    g.add(node, iri(ns::NIF, "beginIndex"), integer(b));
    g.add(node, iri(ns::NIF, "endIndex"), integer(e));
    g.add(node, iri(ns::NIF, "anchorOf"), string(span.slice(text)));
}

fn add_evidence(g: &mut Graph, iris: &Iris, node: &NamedNode, evidence: crate::extract::Evidence) {
    g.add(node, iri(ns::PROV, "wasDerivedFrom"), iris.doc.clone());
    g.add(node, nk("sentence"), iris.sentence(evidence.sentence));
    g.add(node, nk("method"), string(&evidence.method.name()));
    g.add(node, nk("confidence"), decimal(evidence.confidence));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Mira Okafor"), "mira-okafor");
        assert_eq!(
            slug("U.S. Department of Justice"),
            "u-s-department-of-justice"
        );
        assert_eq!(slug("Zoë  O’Neil"), "zoë-o-neil");
    }
}
