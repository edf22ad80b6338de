//! Scoring against gold BRAT annotations, exactly as the "Scoring" section of
//! `shared/gold/SCHEMA.md` defines it: NER (exact, span-only, overlap), events (overlap),
//! Wikidata links, relations over coreference chains, and quotations (detection,
//! attribution, end-to-end `Said`).

use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One `T` annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub id: String,
    pub label: String,
    /// Code-point offsets (the first fragment's start to the last fragment's end).
    pub start: usize,
    pub end: usize,
    /// Nominal, Pronoun or Indirect; `None` for a named mention or a direct quotation.
    pub kind: Option<String>,
}

/// A parsed `.ann` file.
#[derive(Debug, Clone, Default)]
pub struct AnnFile {
    pub spans: Vec<Annotation>,
    /// Coreference chains as lists of `T` ids.
    pub chains: Vec<Vec<String>>,
    /// (mention id, Wikidata Q-id)
    pub links: Vec<(String, String)>,
    /// (relation, arg1 id, arg2 id)
    pub relations: Vec<(String, String, String)>,
}

/// Parses BRAT standoff; unknown or malformed lines are skipped.
pub fn parse_ann(text: &str) -> AnnFile {
    let mut ann = AnnFile::default();
    let mut kinds: HashMap<String, String> = HashMap::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let Some(id) = cols.first() else { continue };
        match id.chars().next() {
            Some('T') if cols.len() >= 2 => {
                let mut parts = cols[1].splitn(2, ' ');
                let label = parts.next().unwrap_or("").to_owned();
                let offsets: Vec<usize> = parts
                    .next()
                    .unwrap_or("")
                    .split([' ', ';'])
                    .filter_map(|n| n.parse().ok())
                    .collect();
                if let (Some(&start), Some(&end)) = (offsets.first(), offsets.last()) {
                    ann.spans.push(Annotation {
                        id: (*id).to_owned(),
                        label,
                        start,
                        end,
                        kind: None,
                    });
                }
            }
            Some('A') if cols.len() >= 2 => {
                let fields: Vec<&str> = cols[1].split(' ').collect();
                if fields.len() >= 2 && matches!(fields[0], "Nominal" | "Pronoun" | "Indirect") {
                    kinds.insert(fields[1].to_owned(), fields[0].to_owned());
                }
            }
            Some('*') if cols.len() >= 2 => {
                let fields: Vec<&str> = cols[1].split(' ').collect();
                if fields.first() == Some(&"Coref") {
                    ann.chains
                        .push(fields[1..].iter().map(|s| (*s).to_owned()).collect());
                }
            }
            Some('N') if cols.len() >= 2 => {
                let fields: Vec<&str> = cols[1].split(' ').collect();
                if fields.len() >= 3 {
                    let qid = fields[2].rsplit(':').next().unwrap_or("").to_owned();
                    ann.links.push((fields[1].to_owned(), qid));
                }
            }
            Some('R') if cols.len() >= 2 => {
                let fields: Vec<&str> = cols[1].split(' ').collect();
                if fields.len() >= 3 {
                    let arg = |f: &str| f.split_once(':').map_or(String::new(), |x| x.1.to_owned());
                    ann.relations
                        .push((fields[0].to_owned(), arg(fields[1]), arg(fields[2])));
                }
            }
            _ => {}
        }
    }
    for span in &mut ann.spans {
        span.kind = kinds.get(&span.id).cloned();
    }
    ann
}

/// True-positive counts for precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Predictions that are right.
    pub correct_predicted: usize,
    pub predicted: usize,
    /// Gold items found.
    pub correct_gold: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct_predicted, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct_gold, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn add(&mut self, other: Counts) {
        self.correct_predicted += other.correct_predicted;
        self.predicted += other.predicted;
        self.correct_gold += other.correct_gold;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    fraction(a as f64, b as f64)
}

/// `a / b`, or 0 when there is nothing to divide by.
fn fraction(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        a / b
    }
}

/// The harmonic mean of a precision and a recall.
fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// A precision and a recall built from sums (MUC and B-cubed numerators are fractional),
/// added up over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Ratios {
    pub precision_numerator: f64,
    pub precision_denominator: f64,
    pub recall_numerator: f64,
    pub recall_denominator: f64,
}

impl Ratios {
    pub fn precision(&self) -> f64 {
        fraction(self.precision_numerator, self.precision_denominator)
    }
    pub fn recall(&self) -> f64 {
        fraction(self.recall_numerator, self.recall_denominator)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn add(&mut self, other: Ratios) {
        self.precision_numerator += other.precision_numerator;
        self.precision_denominator += other.precision_denominator;
        self.recall_numerator += other.recall_numerator;
        self.recall_denominator += other.recall_denominator;
    }
}

/// All scores of one evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    pub documents: usize,
    pub ner_exact: Counts,
    pub ner_span: Counts,
    pub ner_overlap: Counts,
    pub ner_exact_by_type: BTreeMap<String, Counts>,
    pub events: Counts,
    pub links: Counts,
    pub relations: Counts,
    pub relations_by_type: BTreeMap<String, Counts>,
    pub quotes: Counts,
    /// (right, matched) attributions on matched quotations.
    pub attribution: (usize, usize),
    pub said: Counts,
    /// Coreference over the mentions of Person, Organization, Place and Event (all kinds),
    /// mentions matched by exact span: MUC (links) and B-cubed (mentions).
    pub coref_muc: Ratios,
    pub coref_b_cubed: Ratios,
}

impl Scores {
    pub fn attribution_accuracy(&self) -> f64 {
        ratio(self.attribution.0, self.attribution.1)
    }
}

const NER_TYPES: [&str; 3] = ["Person", "Organization", "Place"];

fn overlaps(a: &Annotation, b: &Annotation) -> bool {
    a.start < b.end && b.start < a.end
}

fn overlap_len(a: &Annotation, b: &Annotation) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Counts where an item is right when `matches` holds for some item on the other side.
fn match_counts<T>(predicted: &[&T], gold: &[&T], matches: impl Fn(&T, &T) -> bool) -> Counts {
    Counts {
        correct_predicted: predicted
            .iter()
            .filter(|p| gold.iter().any(|g| matches(p, g)))
            .count(),
        predicted: predicted.len(),
        correct_gold: gold
            .iter()
            .filter(|g| predicted.iter().any(|p| matches(p, g)))
            .count(),
        gold: gold.len(),
    }
}

/// Chain index of every gold `T` id (a mention in no chain is a chain of its own).
fn chain_index(ann: &AnnFile) -> HashMap<String, usize> {
    let mut index = HashMap::new();
    for (i, chain) in ann.chains.iter().enumerate() {
        for id in chain {
            index.insert(id.clone(), i);
        }
    }
    let mut next = ann.chains.len();
    for span in &ann.spans {
        index.entry(span.id.clone()).or_insert_with(|| {
            next += 1;
            next - 1
        });
    }
    index
}

/// A predicted relation mapped to gold chains; unmapped arguments keep their span.
type PredictedFact = (String, Option<usize>, Option<usize>, String, String);

fn labelled<'a>(ann: &'a AnnFile, label: &str) -> Vec<&'a Annotation> {
    ann.spans.iter().filter(|x| x.label == label).collect()
}

/// Mentions as (start, end) spans, grouped into entities.
type Clusters = [Vec<(usize, usize)>];

/// The entity clusters of an annotation: each `*` chain, and every other mention of an
/// entity type alone; a mention is its (start, end) span.
fn clusters(ann: &AnnFile) -> Vec<Vec<(usize, usize)>> {
    let spans: HashMap<&str, &Annotation> = ann
        .spans
        .iter()
        .filter(|a| is_entity_label(&a.label))
        .map(|a| (a.id.as_str(), a))
        .collect();
    let mut seen = HashSet::new();
    let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
    for chain in &ann.chains {
        let mut cluster = Vec::new();
        for id in chain {
            if let Some(a) = spans.get(id.as_str()) {
                if seen.insert((a.start, a.end)) {
                    cluster.push((a.start, a.end));
                }
            }
        }
        if !cluster.is_empty() {
            out.push(cluster);
        }
    }
    for a in &ann.spans {
        if is_entity_label(&a.label) && seen.insert((a.start, a.end)) {
            out.push(vec![(a.start, a.end)]);
        }
    }
    out
}

fn is_entity_label(label: &str) -> bool {
    crate::extract::EntityType::parse(label).is_some()
}

/// The cluster index of every mention.
fn owners(clusters: &Clusters) -> HashMap<(usize, usize), usize> {
    clusters
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.iter().map(move |m| (*m, i)))
        .collect()
}

/// MUC recall of `key` against `response` as (numerator, denominator): for each key
/// cluster, its size minus the number of response pieces it falls into (a mention the
/// response lacks is a piece of its own), over its size minus one.
fn muc(key: &Clusters, response: &Clusters) -> (f64, f64) {
    let owner = owners(response);
    let (mut numerator, mut denominator) = (0usize, 0usize);
    for cluster in key {
        let mut pieces = HashSet::new();
        let mut alone = 0;
        for m in cluster {
            match owner.get(m) {
                Some(i) => {
                    pieces.insert(*i);
                }
                None => alone += 1,
            }
        }
        numerator += cluster.len() - (pieces.len() + alone);
        denominator += cluster.len() - 1;
    }
    (numerator as f64, denominator as f64)
}

/// B-cubed recall of `key` against `response` as (numerator, denominator): per key
/// mention, the share of its key cluster that its response cluster also holds.
fn b_cubed(key: &Clusters, response: &Clusters) -> (f64, f64) {
    let owner = owners(response);
    let (mut numerator, mut denominator) = (0f64, 0f64);
    for cluster in key {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for m in cluster {
            if let Some(&i) = owner.get(m) {
                *shared.entry(i).or_default() += 1;
            }
        }
        numerator += shared
            .values()
            .map(|&n| (n * n) as f64 / cluster.len() as f64)
            .sum::<f64>();
        denominator += cluster.len() as f64;
    }
    (numerator, denominator)
}

/// MUC and B-cubed of a prediction against gold: recall is key = gold, precision the same
/// computation with the sides swapped.
fn coreference(predicted: &AnnFile, gold: &AnnFile) -> (Ratios, Ratios) {
    let (p, g) = (clusters(predicted), clusters(gold));
    let ratios = |f: fn(&Clusters, &Clusters) -> (f64, f64)| {
        let (rn, rd) = f(&g, &p);
        let (pn, pd) = f(&p, &g);
        Ratios {
            precision_numerator: pn,
            precision_denominator: pd,
            recall_numerator: rn,
            recall_denominator: rd,
        }
    };
    (ratios(muc), ratios(b_cubed))
}

/// Scores one document's prediction against its gold annotation.
pub fn score_document(predicted: &AnnFile, gold: &AnnFile) -> Scores {
    let mut s = Scores {
        documents: 1,
        ..Scores::default()
    };
    let named = |a: &AnnFile| -> Vec<Annotation> {
        a.spans
            .iter()
            .filter(|x| x.kind.is_none() && NER_TYPES.contains(&x.label.as_str()))
            .cloned()
            .collect()
    };
    let (pn, gn) = (named(predicted), named(gold));
    let (pr, gr): (Vec<&Annotation>, Vec<&Annotation>) = (pn.iter().collect(), gn.iter().collect());
    s.ner_exact = match_counts(&pr, &gr, |p, g| {
        p.start == g.start && p.end == g.end && p.label == g.label
    });
    s.ner_span = match_counts(&pr, &gr, |p, g| p.start == g.start && p.end == g.end);
    s.ner_overlap = match_counts(&pr, &gr, |p, g| overlaps(p, g) && p.label == g.label);
    for t in NER_TYPES {
        let pt: Vec<&Annotation> = pr.iter().copied().filter(|x| x.label == t).collect();
        let gt: Vec<&Annotation> = gr.iter().copied().filter(|x| x.label == t).collect();
        s.ner_exact_by_type.insert(
            t.to_owned(),
            match_counts(&pt, &gt, |p, g| p.start == g.start && p.end == g.end),
        );
    }
    s.events = match_counts(
        &labelled(predicted, "Event"),
        &labelled(gold, "Event"),
        overlaps,
    );

    let gold_chain = chain_index(gold);
    let gold_by_id: HashMap<&str, &Annotation> =
        gold.spans.iter().map(|a| (a.id.as_str(), a)).collect();
    let pred_by_id: HashMap<&str, &Annotation> =
        predicted.spans.iter().map(|a| (a.id.as_str(), a)).collect();
    // The gold chain a predicted mention falls in: the gold mention it overlaps most.
    let map_to_chain = |p: &Annotation| -> Option<usize> {
        gold.spans
            .iter()
            .filter(|g| overlaps(p, g) && (g.label == "Quote") == (p.label == "Quote"))
            .max_by_key(|g| {
                (
                    g.label == p.label,
                    overlap_len(p, g),
                    std::cmp::Reverse(g.start),
                )
            })
            .and_then(|g| gold_chain.get(&g.id).copied())
    };

    // Links: (chain, item) pairs.
    let gold_links: HashSet<(usize, String)> = gold
        .links
        .iter()
        .filter_map(|(id, q)| gold_chain.get(id).map(|c| (*c, q.clone())))
        .collect();
    let mut right_links = HashSet::new();
    let mut correct_predicted_links = 0;
    for (id, q) in &predicted.links {
        let Some(p) = pred_by_id.get(id.as_str()) else {
            continue;
        };
        let hit = gold
            .spans
            .iter()
            .filter(|g| overlaps(p, g))
            .filter_map(|g| gold_chain.get(&g.id))
            .find(|c| gold_links.contains(&(**c, q.clone())));
        if let Some(c) = hit {
            correct_predicted_links += 1;
            right_links.insert((*c, q.clone()));
        }
    }
    s.links = Counts {
        correct_predicted: correct_predicted_links,
        predicted: predicted.links.len(),
        correct_gold: right_links.len(),
        gold: gold_links.len(),
    };

    // Quotations: matched when the overlap is at least half of the longer span.
    let (pq, gq) = (labelled(predicted, "Quote"), labelled(gold, "Quote"));
    let quote_match = |p: &Annotation, g: &Annotation| {
        2 * overlap_len(p, g) >= (p.end - p.start).max(g.end - g.start) && overlap_len(p, g) > 0
    };
    s.quotes = match_counts(&pq, &gq, |p, g| quote_match(p, g));
    let speaker_of = |ann: &AnnFile, quote: &str| -> Option<String> {
        ann.relations
            .iter()
            .find(|r| r.0 == "Said" && r.2 == quote)
            .map(|r| r.1.clone())
    };
    let gold_quote_for = |p: &Annotation| {
        gq.iter()
            .copied()
            .filter(|g| quote_match(p, g))
            .max_by_key(|g| overlap_len(p, g))
    };
    for p in &pq {
        let Some(g) = gold_quote_for(p) else { continue };
        let Some(gold_speaker) = speaker_of(gold, &g.id) else {
            continue;
        };
        s.attribution.1 += 1;
        let predicted_chain = speaker_of(predicted, &p.id)
            .and_then(|id| pred_by_id.get(id.as_str()).and_then(|a| map_to_chain(a)));
        if predicted_chain.is_some() && predicted_chain == gold_chain.get(&gold_speaker).copied() {
            s.attribution.0 += 1;
        }
    }

    // Relations over chains; Said's quotation maps by the quotation rule.
    let gold_facts: HashSet<(String, usize, usize)> = gold
        .relations
        .iter()
        .filter_map(|(r, a, b)| Some((r.clone(), *gold_chain.get(a)?, *gold_chain.get(b)?)))
        .collect();
    let mut predicted_facts: HashSet<PredictedFact> = HashSet::new();
    for (r, a, b) in &predicted.relations {
        let (Some(pa), Some(pb)) = (pred_by_id.get(a.as_str()), pred_by_id.get(b.as_str())) else {
            continue;
        };
        let ca = map_to_chain(pa);
        let cb = if pb.label == "Quote" {
            gold_quote_for(pb).and_then(|g| gold_chain.get(&g.id).copied())
        } else {
            map_to_chain(pb)
        };
        // Unmapped arguments keep their own identity so that distinct wrong facts count apart.
        let key_a = if ca.is_none() {
            format!("{}-{}", pa.start, pa.end)
        } else {
            String::new()
        };
        let key_b = if cb.is_none() {
            format!("{}-{}", pb.start, pb.end)
        } else {
            String::new()
        };
        predicted_facts.insert((r.clone(), ca, cb, key_a, key_b));
    }
    let mut found: HashSet<(String, usize, usize)> = HashSet::new();
    let mut by_type: BTreeMap<String, Counts> = BTreeMap::new();
    for (r, ca, cb, _, _) in &predicted_facts {
        let right =
            matches!((ca, cb), (Some(a), Some(b)) if gold_facts.contains(&(r.clone(), *a, *b)));
        let entry = by_type.entry(r.clone()).or_default();
        entry.predicted += 1;
        if right {
            entry.correct_predicted += 1;
            if let (Some(a), Some(b)) = (ca, cb) {
                found.insert((r.clone(), *a, *b));
            }
        }
    }
    for (r, _, _) in &gold_facts {
        by_type.entry(r.clone()).or_default().gold += 1;
    }
    for (r, _, _) in &found {
        by_type.entry(r.clone()).or_default().correct_gold += 1;
    }
    for counts in by_type.values() {
        s.relations.add(*counts);
    }
    s.said = by_type.get("Said").copied().unwrap_or_default();
    (s.coref_muc, s.coref_b_cubed) = coreference(predicted, gold);
    s.relations_by_type = by_type;
    let _ = gold_by_id;
    s
}

/// Adds one document's scores to a total.
pub fn accumulate(total: &mut Scores, doc: &Scores) {
    total.documents += doc.documents;
    total.ner_exact.add(doc.ner_exact);
    total.ner_span.add(doc.ner_span);
    total.ner_overlap.add(doc.ner_overlap);
    for (k, v) in &doc.ner_exact_by_type {
        total
            .ner_exact_by_type
            .entry(k.clone())
            .or_default()
            .add(*v);
    }
    total.events.add(doc.events);
    total.links.add(doc.links);
    total.relations.add(doc.relations);
    for (k, v) in &doc.relations_by_type {
        total
            .relations_by_type
            .entry(k.clone())
            .or_default()
            .add(*v);
    }
    total.quotes.add(doc.quotes);
    total.attribution.0 += doc.attribution.0;
    total.attribution.1 += doc.attribution.1;
    total.said.add(doc.said);
    total.coref_muc.add(doc.coref_muc);
    total.coref_b_cubed.add(doc.coref_b_cubed);
}

/// A readable table of the scores.
pub fn render(scores: &Scores) -> String {
    let mut out = format!(
        "{} documents\n\n{:<28} {:>9} {:>9} {:>9} {:>7} {:>7}\n",
        scores.documents, "", "precision", "recall", "F1", "pred", "gold"
    );
    let mut row = |name: &str, c: &Counts| {
        out.push_str(&format!(
            "{:<28} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>7}\n",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.predicted,
            c.gold
        ));
    };
    row("NER exact (named P/O/L)", &scores.ner_exact);
    for (t, c) in &scores.ner_exact_by_type {
        row(&format!("  {t}"), c);
    }
    row("NER span only", &scores.ner_span);
    row("NER overlap", &scores.ner_overlap);
    row("Events (overlap)", &scores.events);
    row("Links (Wikidata)", &scores.links);
    row("Quotes (detection)", &scores.quotes);
    row("Said (end to end)", &scores.said);
    row("Relations (all)", &scores.relations);
    for (t, c) in &scores.relations_by_type {
        row(&format!("  {t}"), c);
    }
    for (name, r) in [
        ("Coreference MUC", &scores.coref_muc),
        ("Coreference B-cubed", &scores.coref_b_cubed),
    ] {
        out.push_str(&format!(
            "{:<28} {:>9.3} {:>9.3} {:>9.3}\n",
            name,
            r.precision(),
            r.recall(),
            r.f1()
        ));
    }
    out.push_str(&format!(
        "\nattribution accuracy on matched quotes: {:.3} ({}/{})\n",
        scores.attribution_accuracy(),
        scores.attribution.0,
        scores.attribution.1
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_hand_made_cases() {
        let gold = parse_ann("T1\tPerson 0 4\tJane\nT2\tPlace 10 15\tParis\nT3\tQuote 20 40\tx\nT4\tPerson 45 48\tshe\nA1\tPronoun T4\n*\tCoref T1 T4\nR1\tSaid Arg1:T4 Arg2:T3\nN1\tReference T2 Wikidata:Q90\tParis\n");
        let predicted = parse_ann("T1\tPerson 0 4\tJane\nT2\tOrganization 10 15\tParis\nT3\tQuote 22 40\tx\nR1\tSaid Arg1:T1 Arg2:T3\nN1\tReference T2 Wikidata:Q90\tParis\n");
        let s = score_document(&predicted, &gold);
        assert_eq!(
            (
                s.ner_exact.correct_predicted,
                s.ner_exact.predicted,
                s.ner_exact.gold
            ),
            (1, 2, 2)
        );
        assert_eq!(s.ner_span.correct_predicted, 2);
        assert_eq!(s.quotes.f1(), 1.0);
        // Jane and "she" are one chain: the attribution is right.
        assert_eq!(s.attribution, (1, 1));
        assert_eq!(s.said.f1(), 1.0);
        assert_eq!(s.links.f1(), 1.0);
    }

    #[test]
    fn coreference_muc_and_b_cubed_by_hand() {
        // Gold: {A B C} and {D}; predicted: {A B} and {C D}, plus E that gold lacks.
        let gold = parse_ann("T1\tPerson 0 1\tA\nT2\tPerson 2 3\tB\nT3\tPerson 4 5\tC\nT4\tPlace 6 7\tD\n*\tCoref T1 T2 T3\n");
        let predicted = parse_ann("T1\tPerson 0 1\tA\nT2\tPerson 2 3\tB\nT3\tPerson 4 5\tC\nT4\tPlace 6 7\tD\nT5\tPlace 8 9\tE\n*\tCoref T1 T2\n*\tCoref T3 T4\n");
        let s = score_document(&predicted, &gold);
        // MUC recall: (3 - 2) / (3 - 1); precision: ((2 - 1) + (2 - 2)) / ((2 - 1) + (2 - 1)).
        assert_eq!(s.coref_muc.recall(), 0.5);
        assert_eq!(s.coref_muc.precision(), 0.5);
        // B-cubed recall: A 2/3, B 2/3, C 1/3, D 1 over 4 mentions.
        assert!(
            (s.coref_b_cubed.recall() - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0) / 4.0).abs()
                < 1e-9
        );
        // B-cubed precision: A 1, B 1, C 1/2, D 1/2, E 0 over 5 mentions.
        assert!((s.coref_b_cubed.precision() - 3.0 / 5.0).abs() < 1e-9);
        let perfect = score_document(&gold, &gold);
        assert_eq!(
            (perfect.coref_muc.f1(), perfect.coref_b_cubed.f1()),
            (1.0, 1.0)
        );
    }

    #[test]
    fn code_point_offsets_after_multibyte_text() {
        // Offsets are code points: "Zoë" is three, whatever its bytes.
        let gold = parse_ann("T1\tPerson 4 7\tZoë\n");
        let predicted = parse_ann("T1\tPerson 4 7\tZoë\n");
        assert_eq!(score_document(&predicted, &gold).ner_exact.f1(), 1.0);
        let shifted = parse_ann("T1\tPerson 4 8\tZoë\n");
        assert_eq!(score_document(&shifted, &gold).ner_exact.f1(), 0.0);
        assert_eq!(score_document(&shifted, &gold).ner_overlap.f1(), 1.0);
    }
}
