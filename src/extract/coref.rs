//! In-document coreference: groups candidate mentions into entities. Names join by
//! Q-id, by identical or contained names ("Roe" in "Jane Roe") and acronyms;
//! nominals by apposition, by a role the entity was given, or by the story's main event;
//! pronouns by the nearest compatible person.

use super::lexicon;
use super::ner::{Candidate, Gender};
use super::{
    Entity, EntityType, Evidence, Extraction, Link, Mention, MentionKind, Method, MAX_MENTION_BYTES,
};
use crate::kb::{is_acronym_of, Kb};
use crate::segment::Segmented;
use crate::span::Span;
use rustc_hash::FxHashMap;

/// How many sentences back a definite description ("the attacker") looks for the entity
/// it describes.
const DESCRIPTION_WINDOW: usize = 80;

/// The confidence of an item that a rule gave an unnamed entity (a demonym's country);
/// named entities are linked afterwards by [`super::link`].
const RULE_LINK_CONFIDENCE: f32 = 0.6;

struct Cluster {
    entity_type: EntityType,
    typed: bool,
    members: Vec<usize>,
    names: Vec<String>,
    roles: Vec<String>,
    gender: Option<Gender>,
    qid: Option<String>,
    /// Head nouns of nominal members and descriptors ("service", "attacker").
    heads: Vec<String>,
    /// The name with the most words, and the sorted start offsets of the members.
    longest: String,
    starts: Vec<usize>,
}

impl Cluster {
    fn new(c: &Candidate, index: usize, text: &str) -> Self {
        let mut cluster = Cluster {
            entity_type: c.entity_type,
            typed: c.typed,
            members: Vec::new(),
            names: Vec::new(),
            roles: Vec::new(),
            gender: None,
            qid: None,
            heads: Vec::new(),
            longest: String::new(),
            starts: Vec::new(),
        };
        cluster.add(c, index, text);
        cluster
    }

    fn add(&mut self, c: &Candidate, index: usize, text: &str) {
        self.members.push(index);
        let at = self.starts.partition_point(|&s| s < c.span.start);
        self.starts.insert(at, c.span.start);
        if c.kind == MentionKind::Named {
            let name = c.span.slice(text).to_owned();
            if name.split_whitespace().count() > self.longest.split_whitespace().count() {
                self.longest = name.clone();
            }
            if !self.names.contains(&name) {
                self.names.push(name);
            }
            if !self.typed && c.typed {
                self.entity_type = c.entity_type;
                self.typed = true;
            }
        }
        if let Some(role) = &c.role {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        if let Some(head) = &c.head {
            if c.kind == MentionKind::Nominal && !self.heads.contains(head) {
                self.heads.push(head.clone());
            }
        }
        if self.gender.is_none() {
            self.gender = c.gender;
        }
        if self.qid.is_none() {
            self.qid = c.qid.clone();
        }
    }

    fn longest_name_tokens(&self) -> Vec<&str> {
        self.longest.split_whitespace().collect()
    }

    /// Byte distance from `position` to the nearest member.
    fn distance(&self, position: usize) -> usize {
        let i = self.starts.partition_point(|&s| s < position);
        let after = self.starts.get(i).map_or(usize::MAX, |&s| s - position);
        let before = i
            .checked_sub(1)
            .map_or(usize::MAX, |j| position - self.starts[j]);
        after.min(before)
    }
}

/// Keys under which a cluster can be found by a name that may refer to it: its words
/// (identical names, surnames, company prefixes) and its initials (acronyms).
fn name_keys(name: &str) -> Vec<String> {
    let mut keys: Vec<String> = name
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_uppercase))
        .map(|w| format!("w:{w}"))
        .collect();
    let initials: String = name
        .split([' ', '-'])
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    if initials.chars().count() >= 2 {
        keys.push(format!("a:{initials}"));
    }
    keys
}

/// Keys a candidate name looks clusters up by.
fn lookup_keys(name: &str, qid: Option<&str>) -> Vec<String> {
    let mut keys: Vec<String> = name
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_uppercase))
        .map(|w| format!("w:{w}"))
        .collect();
    let letters: String = name.chars().filter(|c| c.is_alphabetic()).collect();
    keys.push(format!("a:{letters}"));
    if let Some(q) = qid {
        keys.push(format!("q:{q}"));
    }
    keys
}

/// Whether a short name refers to the same entity as a longer one.
fn name_matches(short: &str, long: &[&str], entity_type: EntityType) -> bool {
    let short_tokens: Vec<&str> = short.split_whitespace().collect();
    if short_tokens.is_empty() || long.is_empty() {
        return false;
    }
    if short_tokens == long {
        return true;
    }
    let long_text = long.join(" ");
    if is_acronym_of(short, &long_text) {
        return true;
    }
    match entity_type {
        // "Roe", "Ms Roe" -> the last name; "Jane" alone does not join.
        EntityType::Person => short_tokens.len() < long.len() && long.ends_with(&short_tokens),
        // "Vantage" joins "Vantage Telecom" when the rest is a company suffix; "Riverton"
        // does not join "Riverton Bridge", nor "Police" "Metropolitan Police".
        EntityType::Organization => {
            short_tokens.len() < long.len()
                && long.starts_with(&short_tokens)
                && long[short_tokens.len()..]
                    .iter()
                    .all(|w| lexicon::closes_organisation(w))
        }
        _ => false,
    }
}

/// Groups candidates into entities and returns the extraction's mentions and entities.
pub fn resolve(text: &str, seg: &Segmented, kb: &Kb, candidates: Vec<Candidate>) -> Extraction {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut cluster_of: Vec<Option<usize>> = vec![None; candidates.len()];

    // 1. Named mentions, longest names first so that short forms find their full name
    //    wherever it stands in the article.
    let mut named: Vec<usize> = (0..candidates.len())
        .filter(|&i| candidates[i].kind == MentionKind::Named)
        .collect();
    named.sort_by_key(|&i| {
        (
            std::cmp::Reverse(candidates[i].span.slice(text).split_whitespace().count()),
            candidates[i].span.start,
        )
    });
    let mut index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for &i in &named {
        let c = &candidates[i];
        let name = c.span.slice(text);
        let mut candidate_clusters: Vec<usize> = lookup_keys(name, c.qid.as_deref())
            .iter()
            .filter_map(|k| index.get(k))
            .flatten()
            .copied()
            .collect();
        candidate_clusters.sort_unstable();
        candidate_clusters.dedup();
        let mut best: Option<((bool, usize), usize)> = None; // ((other type, distance), cluster)
        for k in candidate_clusters {
            let cluster = &clusters[k];
            let same_qid = c.qid.is_some() && c.qid == cluster.qid;
            let long = cluster.longest_name_tokens();
            // Inside one article a lone surname follows the person named in full, whatever
            // else the knowledge base knows by that name ("Reyes" after "Tom Reyes").
            let surname = cluster.entity_type == EntityType::Person
                && cluster.typed
                && long
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !name.contains(' ')
                && long.len() > 1
                && long.last() == Some(&name)
                // A known place or organisation ("Taiwan") becomes a surname only of a
                // person the article marks as one: a first name ("Michael Ruse"), a title
                // or a role, not just the shape of a name ("Bio Taiwan").
                && (c.method != Method::Gazetteer
                    || c.entity_type == EntityType::Person
                    || cluster.gender.is_some()
                    || !cluster.roles.is_empty()
                    || long.first().is_some_and(|w| kb.is_first_name(w)));
            let type_ok =
                cluster.entity_type == c.entity_type || !c.typed || !cluster.typed || surname;
            let match_type = if surname {
                EntityType::Person
            } else if c.typed {
                c.entity_type
            } else {
                cluster.entity_type
            };
            let matches = same_qid
                || (type_ok
                    && (cluster.names.iter().any(|n| n == name)
                        || name_matches(name, &long, match_type)));
            if matches {
                // The name's own reading (its type, or a surname the article licenses) first,
                // then the nearest: "Torvale" after "Duarte de Torvale" stays with the port
                // "Torvale" the article named before.
                let other_reading = !surname && cluster.entity_type != c.entity_type;
                let rank = (other_reading, cluster.distance(c.span.start));
                if best.is_none_or(|best| rank < best.0) {
                    best = Some((rank, k));
                }
            }
        }
        let k = match best {
            Some((_, k)) => {
                if clusters[k].entity_type == EntityType::Person
                    && clusters[k].entity_type != c.entity_type
                {
                    // A knowledge-base type and link of a lone surname do not hold here.
                    let mut as_person = c.clone();
                    as_person.entity_type = EntityType::Person;
                    as_person.qid = None;
                    clusters[k].add(&as_person, i, text);
                } else {
                    clusters[k].add(c, i, text);
                }
                k
            }
            None => {
                clusters.push(Cluster::new(c, i, text));
                clusters.len() - 1
            }
        };
        cluster_of[i] = Some(k);
        let mut keys = name_keys(name);
        if let Some(q) = &clusters[k].qid {
            keys.push(format!("q:{q}"));
        }
        for key in keys {
            let list = index.entry(key).or_default();
            if list.last() != Some(&k) && !list.contains(&k) {
                list.push(k);
            }
        }
    }
    // A name in brackets right after another names the same thing: "Islamic State (ISIS)".
    for &i in &named {
        let c = &candidates[i];
        let before = text[..c.span.start].trim_end();
        let after = &text[c.span.end..];
        if before.ends_with('(') && after.trim_start().starts_with(')') {
            let open = before.len() - 1;
            let upto = candidates.partition_point(|x| x.span.start < open);
            if let Some(prev) = (0..upto)
                .rev()
                .take_while(|&j| candidates[j].span.start + MAX_MENTION_BYTES >= open)
                .find(|&j| {
                    candidates[j].kind == MentionKind::Named
                        && candidates[j].span.end <= open
                        && text[candidates[j].span.end..open].trim().is_empty()
                })
            {
                if let (Some(a), Some(b)) = (cluster_of[prev], cluster_of[i]) {
                    if a != b && clusters[a].entity_type == clusters[b].entity_type {
                        merge(&mut clusters, &mut cluster_of, a, b);
                    }
                }
            }
        }
    }

    // A lone unknown capitalised word that never joins a known name is more often a
    // capitalised common word than an entity: it stays out.
    for cluster in clusters.iter_mut() {
        let weak = cluster.members.iter().all(|&m| {
            let c = &candidates[m];
            !c.typed && c.confidence <= 0.4 && !c.span.slice(text).contains(' ')
        });
        if weak && cluster.members.len() < 2 {
            for &m in &cluster.members {
                cluster_of[m] = None;
            }
            cluster.members.clear();
            cluster.names.clear();
        }
    }

    // 2. Nominals and pronouns, in text order.
    let mut main_attack: Option<usize> = None;
    let mut by_head: FxHashMap<String, usize> = FxHashMap::default();
    for i in 0..candidates.len() {
        let c = &candidates[i];
        if c.kind == MentionKind::Named {
            continue;
        }
        // A nominal nested in or overlapping a name of the same type adds nothing.
        if c.kind == MentionKind::Nominal {
            let from =
                candidates.partition_point(|x| x.span.start + MAX_MENTION_BYTES < c.span.start);
            if let Some(j) = (from..candidates.len())
                .take_while(|&j| candidates[j].span.start < c.span.end)
                .find(|&j| {
                    candidates[j].kind == MentionKind::Named
                        && candidates[j].entity_type == c.entity_type
                        && candidates[j].span.overlaps(c.span)
                })
            {
                if let Some(k) = cluster_of[j] {
                    if let Some(h) = &c.head {
                        if !clusters[k].heads.contains(h) {
                            clusters[k].heads.push(h.clone());
                        }
                    }
                }
                continue;
            }
        }
        let target = match c.kind {
            MentionKind::Pronoun => {
                pronoun_antecedent(text, seg, c, &candidates, &cluster_of, &clusters, i)
            }
            _ => nominal_antecedent(
                text,
                c,
                &candidates,
                &cluster_of,
                &clusters,
                i,
                &mut main_attack,
                &by_head,
            ),
        };
        let k = match target {
            Some(k) => {
                clusters[k].add(c, i, text);
                k
            }
            None if c.kind == MentionKind::Pronoun => continue,
            None => {
                clusters.push(Cluster::new(c, i, text));
                clusters.len() - 1
            }
        };
        cluster_of[i] = Some(k);
        if c.kind == MentionKind::Nominal {
            if let Some(h) = &c.head {
                by_head.insert(h.clone(), k);
            }
            if c.entity_type == EntityType::Event
                && main_attack.is_none()
                && c.head
                    .as_deref()
                    .is_some_and(|h| lexicon::contains(&lexicon::ATTACK_HEADS, h))
                && !has_year(c.span.slice(text))
            {
                main_attack = Some(k);
            }
        }
        if c.kind == MentionKind::Pronoun && clusters[k].gender.is_none() {
            clusters[k].gender = c.gender;
        }
    }

    build(text, seg, &candidates, &cluster_of, &clusters)
}

/// The age a mention gives: "a 38-year-old man", or "Jan Roe, 45," / "a man, aged 19,"
/// right after it.
fn age_in(text: &str, span: Span) -> Option<u32> {
    let plausible = |n: u32| (1..=120).contains(&n);
    let described = span.slice(text).split_whitespace().find_map(|w| {
        w.strip_suffix("-year-old")
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|&n| plausible(n))
    });
    described.or_else(|| {
        let after = text[span.end..].strip_prefix(", ")?;
        let after = after.strip_prefix("aged ").unwrap_or(after);
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let rest = &after[digits..];
        (digits > 0 && digits <= 3 && rest.starts_with(','))
            .then(|| after[..digits].parse::<u32>().ok())
            .flatten()
            .filter(|&n| plausible(n))
    })
}

fn has_year(s: &str) -> bool {
    year_in(s).is_some()
}

/// The first year a phrase names ("the 2015 attack").
fn year_in(s: &str) -> Option<i32> {
    s.split(|c: char| !c.is_ascii_digit())
        .find_map(crate::date::parse_year)
}

/// The year an event phrase gives, in itself or right after it ("the attack in December
/// 2015", "the attack of 2015").
fn event_year(text: &str, span: Span) -> Option<i32> {
    year_in(span.slice(text)).or_else(|| {
        let mut words = text[span.end..].split_whitespace();
        if !matches!(words.next()?, "in" | "of") {
            return None;
        }
        let first = words.next()?;
        let word = if crate::date::month_index(first).is_some() {
            words.next()?
        } else {
            first
        };
        crate::date::parse_year(word.trim_end_matches(|c: char| !c.is_ascii_digit()))
    })
}

fn merge(clusters: &mut [Cluster], cluster_of: &mut [Option<usize>], keep: usize, drop: usize) {
    let moved: Vec<usize> = std::mem::take(&mut clusters[drop].members);
    let names = std::mem::take(&mut clusters[drop].names);
    for m in moved {
        cluster_of[m] = Some(keep);
        clusters[keep].members.push(m);
    }
    for n in names {
        if !clusters[keep].names.contains(&n) {
            clusters[keep].names.push(n);
        }
    }
}

/// The entity a pronoun refers to: the nearest person before, within three sentences,
/// whose gender does not clash; but a pronoun opening a sentence passes over a person
/// named inside a relative clause of the sentence before, to that sentence's first person
/// ("One man remains in custody after his arrest in Leeds, where Roe lived. He has not
/// been charged": the man). Seeds MUC 0.802 -> 0.805.
#[allow(clippy::too_many_arguments)]
fn pronoun_antecedent(
    text: &str,
    seg: &Segmented,
    c: &Candidate,
    candidates: &[Candidate],
    cluster_of: &[Option<usize>],
    clusters: &[Cluster],
    i: usize,
) -> Option<usize> {
    let fits = |j: usize| {
        cluster_of[j].is_some_and(|k| {
            clusters[k].entity_type == EntityType::Person
                && clusters[k].gender.is_none_or(|g| Some(g) == c.gender)
        })
    };
    let nearest = (0..i)
        .rev()
        .take_while(|&j| candidates[j].sentence + 3 >= c.sentence)
        .find(|&j| fits(j))?;
    let sentence = candidates[nearest].sentence;
    let opens_sentence = seg
        .sentences
        .get(c.sentence)
        .is_some_and(|s| text[s.span.start..c.span.start].trim().is_empty());
    if opens_sentence && sentence + 1 == c.sentence {
        if let Some(s) = seg.sentences.get(sentence) {
            let before = &text[s.span.start..candidates[nearest].span.start];
            let in_relative = before.rfind(", ").is_some_and(|comma| {
                let clause = &before[comma + 2..];
                ["where ", "who ", "whom ", "which ", "whose "]
                    .iter()
                    .any(|w| clause.starts_with(w))
            });
            if in_relative {
                // The first fitting person of that sentence: its subject, most often.
                let first = (0..nearest)
                    .rev()
                    .take_while(|&j| candidates[j].sentence == sentence)
                    .filter(|&j| fits(j))
                    .last();
                if let Some(j) = first {
                    return cluster_of[j];
                }
            }
        }
    }
    cluster_of[nearest]
}

/// The name a nominal's own post-modifier gives ("the service owned by Facebook",
/// "the app run by Acme"): the first capitalised words after it.
fn modifier_name(text: &str, span: Span) -> Option<&str> {
    let rest = text.get(span.end..)?;
    let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    let rest = ["which is ", "that is ", ""]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    let verb = rest.split_whitespace().next()?;
    if !lexicon::contains(&lexicon::OWNED_PARTICIPLES, verb) {
        return None;
    }
    let rest = rest[verb.len()..].trim_start().strip_prefix("by ")?;
    let name_end = rest
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .map(|w| w.trim_end_matches([',', '.', ';']))
        .last()
        .and_then(|last| rest.find(last).map(|at| at + last.len()))?;
    Some(&rest[..name_end])
}

#[allow(clippy::too_many_arguments)]
fn nominal_antecedent(
    text: &str,
    c: &Candidate,
    candidates: &[Candidate],
    cluster_of: &[Option<usize>],
    clusters: &[Cluster],
    i: usize,
    main_attack: &mut Option<usize>,
    by_head: &FxHashMap<String, usize>,
) -> Option<usize> {
    let phrase = c.span.slice(text);
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let definite = matches!(first.as_str(), "the" | "this" | "that")
        || phrase.contains("’s ")
        || phrase.contains("'s ");
    let head = c.head.as_deref().unwrap_or("");
    // Apposition: "Roe, a 41-year-old Canadian," / "Rob Roe, head of ...".
    let before = text[..c.span.start].trim_end();
    if let Some(stripped) = before.strip_suffix(',') {
        let end = stripped.trim_end().len();
        if let Some(j) = (0..i)
            .rev()
            .take_while(|&j| candidates[j].span.start + MAX_MENTION_BYTES >= end)
            .find(|&j| candidates[j].span.end == end && candidates[j].kind == MentionKind::Named)
        {
            if let Some(k) = cluster_of[j] {
                if clusters[k].entity_type == c.entity_type {
                    return Some(k);
                }
            }
        }
    }
    // Apposition, the name after: "Acme's chief executive, Dana Whit, said".
    if let Some(rest) = text[c.span.end..].strip_prefix(',') {
        let start = c.span.end + 1 + (rest.len() - rest.trim_start().len());
        let closed = |j: usize| {
            text[candidates[j].span.end..]
                .chars()
                .next()
                .is_some_and(|ch| matches!(ch, ',' | '.' | ')'))
        };
        if let Some(j) = (i + 1..candidates.len())
            .take_while(|&j| candidates[j].span.start <= start)
            .find(|&j| {
                candidates[j].span.start == start
                    && candidates[j].kind == MentionKind::Named
                    && closed(j)
            })
        {
            if let Some(k) = cluster_of[j] {
                if clusters[k].entity_type == c.entity_type {
                    return Some(k);
                }
            }
        }
    }
    // The same organisation nominal ("police", "the government") is one entity per article.
    if c.entity_type == EntityType::Organization && matches!(head, "police" | "government") {
        return by_head.get(head).copied();
    }
    if c.entity_type == EntityType::Event {
        // "the 2015 extremist attack", "the San Bernardino attack in December 2015": a
        // year names another event than the article's own; it joins only an earlier
        // event of the same year.
        if let Some(year) = event_year(text, c.span) {
            return (0..i).rev().find_map(|j| {
                (candidates[j].entity_type == EntityType::Event
                    && event_year(text, candidates[j].span) == Some(year))
                .then(|| cluster_of[j])
                .flatten()
            });
        }
        if lexicon::contains(&lexicon::ATTACK_HEADS, head) && definite {
            return *main_attack;
        }
        return if definite {
            by_head.get(head).copied()
        } else {
            None
        };
    }
    if !definite {
        return None;
    }
    // A definite description repeats a role or head the entity was given before.
    // (Looked for within the last DESCRIPTION_WINDOW sentences: a whole news article,
    // without a search that grows with the document.)
    let described = (0..i)
        .rev()
        .take_while(|&j| candidates[j].sentence + DESCRIPTION_WINDOW >= c.sentence)
        .filter_map(|j| cluster_of[j])
        .find(|&k| {
            let cl = &clusters[k];
            cl.entity_type == c.entity_type
                && (cl.heads.iter().any(|h| h == head)
                    || cl
                        .roles
                        .iter()
                        .any(|r| r.to_lowercase().split_whitespace().any(|w| w == head)))
        });
    if described.is_some() {
        return described;
    }
    // "the messaging service" after a named service: the nearest named organisation,
    // never the one its own modifier names ("the service owned by Facebook" is not
    // Facebook).
    if c.entity_type == EntityType::Organization
        && matches!(
            head,
            "service" | "app" | "platform" | "company" | "firm" | "network" | "website"
        )
    {
        let modifier = modifier_name(text, c.span);
        return (0..i)
            .rev()
            .take_while(|&j| candidates[j].sentence + 3 >= c.sentence)
            .filter(|&j| {
                candidates[j].kind == MentionKind::Named
                    && candidates[j].entity_type == EntityType::Organization
                    && modifier.is_none_or(|name| candidates[j].span.slice(text) != name)
            })
            .find_map(|j| cluster_of[j]);
    }
    None
}

fn build(
    text: &str,
    seg: &Segmented,
    candidates: &[Candidate],
    cluster_of: &[Option<usize>],
    clusters: &[Cluster],
) -> Extraction {
    // Entities in order of their first mention; ids are positions.
    let mut order: Vec<usize> = (0..clusters.len())
        .filter(|&k| !clusters[k].members.is_empty())
        .collect();
    order.sort_by_key(|&k| {
        clusters[k]
            .members
            .iter()
            .map(|&m| candidates[m].span.start)
            .min()
    });
    let mut entity_of_cluster = vec![usize::MAX; clusters.len()];
    let mut entities = Vec::with_capacity(order.len());
    for (id, &k) in order.iter().enumerate() {
        entity_of_cluster[k] = id;
        let cl = &clusters[k];
        let name = cl
            .names
            .iter()
            .max_by_key(|n| (n.split_whitespace().count(), n.len()))
            .cloned()
            .unwrap_or_else(|| {
                cl.members
                    .iter()
                    .min_by_key(|&&m| candidates[m].span.start)
                    .map(|&m| candidates[m].span.slice(text).to_owned())
                    .unwrap_or_default()
            });
        let mut roles = cl.roles.clone();
        for h in &cl.heads {
            if cl.entity_type == EntityType::Person
                && !roles.iter().any(|r| r.to_lowercase().contains(h.as_str()))
                && !h.ends_with("year-old")
            {
                roles.push(h.clone());
            }
        }
        let single_person_name = cl.entity_type == EntityType::Person && !name.contains(' ');
        // The link comes from the fullest name, not from a short form that happens to match.
        let qid = cl
            .members
            .iter()
            .find(|&&m| {
                candidates[m].kind == MentionKind::Named && candidates[m].span.slice(text) == name
            })
            .and_then(|&m| candidates[m].qid.clone())
            .or_else(|| cl.qid.clone().filter(|_| cl.names.len() == 1));
        entities.push(Entity {
            entity_type: cl.entity_type,
            name,
            variants: cl.names.clone(),
            mentions: Vec::new(),
            roles,
            link: if single_person_name {
                None
            } else {
                qid.map(|qid| Link {
                    qid,
                    confidence: RULE_LINK_CONFIDENCE,
                })
            },
            date: None,
            age: (cl.entity_type == EntityType::Person)
                .then(|| {
                    cl.members
                        .iter()
                        .find_map(|&m| age_in(text, candidates[m].span))
                })
                .flatten(),
        });
    }
    let mut mentions = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let Some(k) = cluster_of[i] else { continue };
        let entity = entity_of_cluster[k];
        if entity == usize::MAX {
            continue;
        }
        let sentence = seg.sentence_at(c.span.start).unwrap_or(c.sentence);
        entities[entity].mentions.push(mentions.len());
        mentions.push(Mention {
            span: c.span,
            entity_type: entities[entity].entity_type,
            kind: c.kind,
            sentence,
            entity,
            evidence: Evidence {
                sentence,
                span: c.span,
                method: c.method,
                confidence: c.confidence,
            },
        });
    }
    Extraction {
        mentions,
        entities,
        quotes: Vec::new(),
        relations: Vec::new(),
        statuses: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nominal_modifier_names_its_owner() {
        let name = |text: &str, nominal: &str| {
            let start = text.find(nominal).expect("in text");
            modifier_name(text, Span::new(start, start + nominal.len())).map(str::to_string)
        };
        let text = "She used the chat service owned by Northwind Labs, then left.";
        assert_eq!(
            name(text, "the chat service").as_deref(),
            Some("Northwind Labs")
        );
        let text = "The app, which is run by Acme, grew.";
        assert_eq!(name(text, "The app").as_deref(), Some("Acme"));
        let text = "The app grew fast under Acme.";
        assert_eq!(name(text, "The app"), None);
    }

    fn named(text: &str, name: &str, entity_type: EntityType, method: Method) -> Candidate {
        let start = text.find(name).expect("in text");
        let known = method == Method::Gazetteer;
        Candidate {
            span: Span::new(start, start + name.len()),
            entity_type,
            kind: MentionKind::Named,
            sentence: 0,
            method,
            confidence: 0.8,
            qid: known.then(|| "Q1".to_owned()),
            role: None,
            gender: None,
            head: None,
            typed: true,
        }
    }

    /// The type of the entity that the mention of `name` starting at `from` belongs to.
    fn entity_of(text: &str, found: &Extraction, name: &str, from: usize) -> EntityType {
        let start = from + text[from..].find(name).expect("in text");
        let mention = found
            .mentions
            .iter()
            .find(|m| m.span.start == start && m.span.slice(text) == name)
            .expect("a mention");
        found.entities[mention.entity].entity_type
    }

    #[test]
    fn a_known_place_is_the_surname_only_of_a_marked_person() {
        let text = "Velk Taiwan and Taiwan; Michael Ruse and Ruse.";
        let candidates = vec![
            named(text, "Velk Taiwan", EntityType::Person, Method::NameShape),
            named(text, "Taiwan;", EntityType::Place, Method::Gazetteer),
            named(text, "Michael Ruse", EntityType::Person, Method::NameShape),
            named(text, "Ruse.", EntityType::Place, Method::Gazetteer),
        ];
        let candidates = candidates
            .into_iter()
            .map(|mut c| {
                if c.span.slice(text).ends_with([';', '.']) {
                    c.span = Span::new(c.span.start, c.span.end - 1);
                }
                c
            })
            .collect();
        let seg = crate::segment::segment(text);
        let found = resolve(text, &seg, Kb::shipped(), candidates);
        // "Velk" is no first name: "Taiwan" stays the place.
        assert_eq!(entity_of(text, &found, "Taiwan", 16), EntityType::Place);
        // "Michael" is: "Ruse" is his surname, whatever else the name means.
        assert_eq!(entity_of(text, &found, "Ruse", 37), EntityType::Person);
    }

    #[test]
    fn a_name_stays_with_the_entity_of_its_own_type_before_a_nearer_surname() {
        let text = "Torvale is a port. The fort of Duarte de Torvale fell. Torvale grew.";
        // The second "Torvale" is only shaped like a name: its type is a guess.
        let place = named(text, "Torvale", EntityType::Place, Method::Tagger);
        let from = text.rfind("Torvale").expect("in text");
        let again = Candidate {
            span: Span::new(from, from + "Torvale".len()),
            method: Method::NameShape,
            typed: false,
            ..place.clone()
        };
        let person = named(
            text,
            "Duarte de Torvale",
            EntityType::Person,
            Method::Tagger,
        );
        let seg = crate::segment::segment(text);
        let found = resolve(text, &seg, Kb::shipped(), vec![place, person, again]);
        assert_eq!(entity_of(text, &found, "Torvale", from), EntityType::Place);
        assert_eq!(
            entity_of(text, &found, "Duarte de Torvale", 0),
            EntityType::Person
        );
    }

    #[test]
    fn a_pronoun_opening_a_sentence_passes_over_a_relative_clause() {
        let text = "One man remains in custody after his arrest in Leeds, where Jan Roe \
                    lived. He has not been charged.";
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        let entity_at = |words: &str| {
            let start = text.find(words).expect("in the text");
            ex.mentions
                .iter()
                .find(|m| m.span.start == start)
                .map(|m| m.entity)
        };
        assert!(entity_at("One man").is_some(), "{:?}", ex.mentions);
        assert_eq!(entity_at("He has"), entity_at("One man"));
        assert_ne!(entity_at("He has"), entity_at("Jan Roe"));
    }

    #[test]
    fn a_description_joins_the_name_that_follows_it_between_commas() {
        let text = "Acme's chief executive, Dana Whit, resigned.";
        let mut description = named(
            text,
            "Acme's chief executive",
            EntityType::Person,
            Method::NominalHead,
        );
        description.kind = MentionKind::Nominal;
        description.head = Some("executive".to_owned());
        let name = named(text, "Dana Whit", EntityType::Person, Method::NameShape);
        let seg = crate::segment::segment(text);
        let found = resolve(text, &seg, Kb::shipped(), vec![description, name]);
        assert_eq!(found.mentions.len(), 2);
        assert_eq!(
            found.mentions[0].entity, found.mentions[1].entity,
            "{found:?}"
        );
    }

    #[test]
    fn ages_come_from_a_description_or_a_number_after_the_name() {
        let text = "A 38-year-old man was held. Jan Roe, 45, was also held. Roe, 4500, no.";
        let at = |name: &str, from: usize| {
            let start = from + text[from..].find(name).expect("in text");
            Span::new(start, start + name.len())
        };
        assert_eq!(age_in(text, at("A 38-year-old man", 0)), Some(38));
        assert_eq!(age_in(text, at("Jan Roe", 0)), Some(45));
        assert_eq!(age_in(text, at("Roe", 50)), None);
    }
}
