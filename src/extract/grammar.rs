//! Relations read off the dependency tree of a sentence (`crate::syntax`): who is the
//! subject of "arrested", where an event "carried out in" a place happened, whose role noun
//! ("head of", "a spokeswoman for") names an organisation. The tree states the grammar the
//! word-window patterns of `relations` can only approximate: passives ("was arrested in"),
//! relative and participle clauses ("the attack carried out in", "the rampage that left
//! ... dead"), apposition, compounds ("the Paris attacks", "a BBC interview") and
//! possessives ("his assault"), with coordinated arguments ("X and Y were arrested").
//!
//! Only sentences with two mentions are parsed. The parse never changes a mention; it only
//! proposes facts between mentions the earlier stages found, and `relations` keeps the
//! ones its own patterns did not already state.

use super::lexicon::{self, contains, WordList};
use super::relations::FoundRelation;
use super::{EntityType, Extraction, MentionId, RelationType};
use crate::segment::Segmented;
use crate::syntax::{SyntaxModel, Tree};

/// How sure a fact read off the parse is: the parser is right on about four dependencies
/// in five (GUM dev LAS 0.79), and a fact needs two or three of them.
const CONFIDENCE: f32 = 0.7;

/// Prepositions that place something.
const LOCATIVE: &[&str] = &["in", "on", "at", "near", "outside", "inside", "across"];

/// Verbs whose subject carried out the event that is their object or setting.
static PERPETRATOR_VERBS: WordList = WordList::new(&[
    "carried",
    "carry",
    "carries",
    "carrying",
    "launched",
    "launch",
    "launches",
    "committed",
    "commit",
    "commits",
    "staged",
    "stage",
    "mounted",
    "mount",
    "perpetrated",
    "perpetrate",
    "orchestrated",
    "orchestrate",
    "masterminded",
    "plotted",
    "planned",
    "acted",
    "act",
]);

/// Verbs whose passive subject or object was hurt in the event.
static VICTIM_VERBS: WordList = WordList::new(&[
    "killed", "injured", "wounded", "hurt", "stabbed", "shot", "murdered", "targeted", "died",
    "die", "dies", "kill", "kills", "killing", "injure", "injuring", "wound", "wounding", "hit",
    "struck", "claimed", "claiming",
]);

/// Words that make "left X" a victim ("left four people dead").
const LEFT_STATES: &[&str] = &["dead", "injured", "wounded", "hurt", "critical"];

/// Verbs whose subject took part in a (non-violent) event that is their object.
static PARTICIPANT_VERBS: WordList = WordList::new(&[
    "attended",
    "attend",
    "attends",
    "joined",
    "join",
    "joins",
    "held",
    "hold",
    "holds",
    "hosted",
    "host",
    "hosts",
    "led",
    "lead",
    "leads",
    "organised",
    "organized",
    "organise",
    "organize",
    "addressed",
    "gave",
    "give",
    "gives",
    "made",
    "make",
    "makes",
    "conducted",
    "conduct",
    "won",
    "win",
    "wins",
    "lost",
    "contested",
    "contest",
    "opened",
    "open",
    "launched",
    "launch",
]);

/// Nouns that say what someone is in an organisation ("head of", "a spokeswoman for").
static ROLE_NOUNS: WordList = WordList::new(&[
    "head",
    "chief",
    "leader",
    "director",
    "member",
    "members",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "vice-president",
    "chairman",
    "chairwoman",
    "chair",
    "executive",
    "officer",
    "official",
    "officials",
    "secretary",
    "minister",
    "commissioner",
    "employee",
    "employees",
    "manager",
    "editor",
    "correspondent",
    "reporter",
    "founder",
    "co-founder",
    "boss",
    "CEO",
    "chancellor",
    "governor",
    "adviser",
    "advisor",
    "deputy",
    "staff",
    "researcher",
    "analyst",
    "lawyer",
    "counsel",
    "partner",
    "captain",
    "coach",
    "player",
    "fellow",
    "professor",
    "lecturer",
    "representative",
    "envoy",
    "ambassador",
]);

/// Verbs whose subject belongs to the organisation they govern ("works for", "joined").
static MEMBER_VERBS: WordList = WordList::new(&[
    "works",
    "work",
    "worked",
    "working",
    "joined",
    "join",
    "joins",
    "serves",
    "served",
    "serve",
    "represents",
    "represented",
    "represent",
    "leads",
    "led",
    "lead",
    "heads",
    "headed",
    "chairs",
    "chaired",
]);

/// Verbs whose subject owns their object ("Facebook bought WhatsApp").
static OWNER_VERBS: WordList = WordList::new(&[
    "owns",
    "own",
    "owned",
    "bought",
    "buys",
    "buy",
    "acquired",
    "acquires",
    "acquire",
    "controls",
    "control",
    "controlled",
]);

/// Organisations a place modifies as their jurisdiction, not their location ("the U.S.
/// government" governs the country rather than sitting in it).
static JURISDICTION_HEADS: WordList = WordList::new(&[
    "government",
    "governments",
    "administration",
    "regime",
    "cabinet",
    "state",
]);

const AGENT: &[EntityType] = &[EntityType::Person, EntityType::Organization];
const PERSON: &[EntityType] = &[EntityType::Person];
const ORG: &[EntityType] = &[EntityType::Organization];
const PLACE: &[EntityType] = &[EntityType::Place];
const EVENT: &[EntityType] = &[EntityType::Event];

/// Facts read off the parse of every sentence that states facts (the article's voice and
/// reader comments) and has two mentions some rule here could join: parsing is most of
/// the extraction's time, so a sentence of people alone is not parsed.
pub(super) fn relations(
    text: &str,
    seg: &Segmented,
    ex: &Extraction,
    syntax: &SyntaxModel,
) -> Vec<FoundRelation> {
    let mut by_sentence: Vec<Vec<MentionId>> = vec![Vec::new(); seg.sentences.len()];
    for (m, mention) in ex.mentions.iter().enumerate() {
        if let Some(list) = by_sentence.get_mut(mention.sentence) {
            list.push(m);
        }
    }
    let mut found = Vec::new();
    for (index, mentions) in by_sentence.into_iter().enumerate() {
        if !could_relate(ex, &mentions) || !seg.sentences[index].zone.states_facts() {
            continue;
        }
        let tokens = seg.sentence_tokens(index);
        let tree = syntax.parse_tokens(text, tokens);
        let mut heads: Vec<Vec<MentionId>> = vec![Vec::new(); tokens.len()];
        for &m in &mentions {
            let (first, last) = seg.token_bounds(index, ex.mentions[m].span);
            for head in phrase_heads(&tree, first, last) {
                heads[head].push(m);
            }
        }
        for list in &mut heads {
            // Longest first: "the San Bernardino attack" before a nested name.
            list.sort_by_key(|&m| std::cmp::Reverse(ex.mentions[m].span.len()));
        }
        let sentence = Sentence {
            index,
            tree,
            words: tokens.iter().map(|t| t.span.slice(text)).collect(),
            heads,
            ex,
        };
        sentence.read(&mut found);
    }
    found
}

/// Whether some rule here could join two of these mentions: a place or an event with
/// anything, a person with an organisation (membership), two organisations (ownership).
fn could_relate(ex: &Extraction, mentions: &[MentionId]) -> bool {
    if mentions.len() < 2 {
        return false;
    }
    let count = |t: EntityType| {
        mentions
            .iter()
            .filter(|&&m| ex.mentions[m].entity_type == t)
            .count()
    };
    let organisations = count(EntityType::Organization);
    count(EntityType::Place) > 0
        || count(EntityType::Event) > 0
        || organisations >= 2
        || (organisations > 0 && count(EntityType::Person) > 0)
}

/// The words of `first..=last` whose head lies outside it: one for a well-parsed phrase,
/// several when the parse splits it ("Amnesty" and "International" both hanging off the
/// word before), each of which then stands for the mention.
fn phrase_heads(tree: &Tree, first: usize, last: usize) -> Vec<usize> {
    (first..=last)
        .take_while(|&w| w < tree.len())
        .filter(|&w| tree.heads[w].is_none_or(|h| h < first || h > last))
        .collect()
}

struct Sentence<'a> {
    index: usize,
    tree: Tree<'a>,
    words: Vec<&'a str>,
    /// For each word, the mentions it heads, longest first.
    heads: Vec<Vec<MentionId>>,
    ex: &'a Extraction,
}

impl Sentence<'_> {
    fn lower(&self, w: usize) -> String {
        self.words[w].to_lowercase()
    }

    /// The longest mention of one of the types headed by word `w`.
    fn mention(&self, w: usize, types: &[EntityType]) -> Option<MentionId> {
        self.heads[w]
            .iter()
            .copied()
            .find(|&m| types.contains(&self.ex.mentions[m].entity_type))
    }

    /// The mentions of one of the types headed by `w` or by the words coordinated with
    /// it ("X and Y").
    fn mentions(&self, w: usize, types: &[EntityType]) -> Vec<MentionId> {
        std::iter::once(w)
            .chain(self.tree.children_with(w, "conj"))
            .filter_map(|w| self.mention(w, types))
            .collect()
    }

    /// The lower-cased preposition of a word ("in" for "in London").
    fn case(&self, w: usize) -> Option<String> {
        self.tree
            .children_with(w, "case")
            .next()
            .map(|c| self.lower(c))
    }

    fn is_locative(&self, w: usize) -> bool {
        self.case(w).is_some_and(|c| LOCATIVE.contains(&c.as_str()))
    }

    fn relation(&self, w: usize) -> &str {
        self.tree.relation(w)
    }

    /// The subjects of a verb or predicate: its own, or for a clause without one
    /// ("after being arrested", "used it to claim"), those of the clause it depends on.
    fn subjects(&self, verb: usize, passive: bool) -> Vec<usize> {
        let own: Vec<usize> = self
            .tree
            .children(verb)
            .filter(|&c| match self.relation(c) {
                "nsubj" => !passive,
                "nsubj:pass" => passive,
                _ => false,
            })
            .collect();
        if !own.is_empty() {
            return own;
        }
        let has_any_subject = self
            .tree
            .children(verb)
            .any(|c| self.relation(c).starts_with("nsubj"));
        match self.tree.heads[verb] {
            Some(head)
                if !has_any_subject
                    && matches!(self.relation(verb), "xcomp" | "advcl" | "conj") =>
            {
                self.tree
                    .children(head)
                    .filter(|&c| self.relation(c).starts_with("nsubj"))
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    /// Whether word `w` is what an arrest verb acts on: its object, or its passive subject.
    fn is_arrested(&self, w: usize) -> bool {
        self.tree.heads[w].is_some_and(|verb| {
            let lower = self.lower(verb);
            contains(&lexicon::ARREST_VERBS, &lower)
                && lower != "charged"
                && matches!(self.relation(w), "obj" | "nsubj:pass")
        })
    }

    /// How many `flat` words continue the name headed by `w` ("Lopez" after "Maria").
    fn flat_len(&self, w: usize) -> usize {
        self.tree.children_with(w, "flat").count()
    }

    fn is_passive(&self, verb: usize) -> bool {
        self.tree
            .children(verb)
            .any(|c| matches!(self.relation(c), "nsubj:pass" | "aux:pass"))
    }

    fn read(&self, found: &mut Vec<FoundRelation>) {
        let start = found.len();
        let mut add = |relation_type, subject: MentionId, object: MentionId, name| {
            let ex = self.ex;
            let known = found[start..]
                .iter()
                .any(|f| (f.0, f.1, f.2) == (relation_type, subject, object));
            if ex.mentions[subject].entity != ex.mentions[object].entity && !known {
                let span = ex.mentions[subject].span.cover(ex.mentions[object].span);
                found.push((
                    relation_type,
                    subject,
                    object,
                    span,
                    self.index,
                    name,
                    CONFIDENCE,
                ));
            }
        };
        for w in 0..self.tree.len() {
            if let Some(place) = self.mention(w, PLACE) {
                self.place_facts(w, place, &mut add);
            }
            if let Some(event) = self.mention(w, EVENT) {
                self.event_facts(w, event, &mut add);
            }
            if let Some(person) = self.mention(w, PERSON) {
                self.member_facts(w, person, &mut add);
            }
            self.ownership_facts(w, &mut add);
        }
    }

    /// Where things are: "the attack in London", "the attack carried out in London",
    /// "the Westminster attack", "London's police", "Leeds, England"; and where people
    /// were arrested: "was arrested in Leeds", "a man detained in Leeds".
    fn place_facts(
        &self,
        w: usize,
        place: MentionId,
        add: &mut impl FnMut(RelationType, MentionId, MentionId, &'static str),
    ) {
        let Some(governor) = self.tree.heads[w] else {
            return;
        };
        match self.relation(w) {
            "nmod" if self.is_locative(w) => {
                if let Some(event) = self.mention(governor, EVENT) {
                    add(RelationType::LocatedIn, event, place, "dep-event-in-place");
                } else if let Some(person) = self
                    .mention(governor, PERSON)
                    .filter(|_| self.is_arrested(governor))
                {
                    // "police arrested X in Leeds", the place read as X's modifier.
                    add(RelationType::ArrestedIn, person, place, "dep-arrested-in");
                } else if self.case(w).as_deref() == Some("in") {
                    if let Some(thing) =
                        self.mention(governor, &[EntityType::Place, EntityType::Organization])
                    {
                        add(RelationType::LocatedIn, thing, place, "dep-in-place");
                    }
                }
            }
            "obl" if self.is_locative(w) => {
                let verb = governor;
                let lower = self.lower(verb);
                if contains(&lexicon::ARREST_VERBS, &lower) && lower != "charged" {
                    let mut arrested: Vec<usize> = if self.is_passive(verb) {
                        self.subjects(verb, true)
                    } else {
                        self.tree.children_with(verb, "obj").collect()
                    };
                    // "a man detained in Leeds"
                    if self.relation(verb) == "acl" {
                        arrested.extend(self.tree.heads[verb]);
                    }
                    // "after being arrested in Leeds": the subject of the main clause.
                    if arrested.is_empty() {
                        arrested = self.subjects(verb, false);
                    }
                    for person in arrested.into_iter().flat_map(|a| self.mentions(a, PERSON)) {
                        add(RelationType::ArrestedIn, person, place, "dep-arrested-in");
                    }
                    return;
                }
                // "the attack carried out in London"
                if matches!(self.relation(verb), "acl" | "acl:relcl") {
                    if let Some(event) = self.tree.heads[verb].and_then(|e| self.mention(e, EVENT))
                    {
                        add(
                            RelationType::LocatedIn,
                            event,
                            place,
                            "dep-event-clause-in-place",
                        );
                    }
                }
                // "the attack happened in London"
                for subject in self.subjects(verb, self.is_passive(verb)) {
                    if let Some(event) = self.mention(subject, EVENT) {
                        add(
                            RelationType::LocatedIn,
                            event,
                            place,
                            "dep-event-subject-in-place",
                        );
                    }
                }
            }
            "compound" | "nmod:poss" => {
                if let Some(event) = self.mention(governor, EVENT) {
                    add(
                        RelationType::LocatedIn,
                        event,
                        place,
                        "dep-place-modifies-event",
                    );
                } else if let Some(org) = self
                    .mention(governor, ORG)
                    .filter(|_| !contains(&JURISDICTION_HEADS, &self.lower(governor)))
                {
                    add(
                        RelationType::LocatedIn,
                        org,
                        place,
                        "dep-place-modifies-organisation",
                    );
                }
            }
            // "Leeds, England": a place after a place and a comma.
            "appos" | "nmod:unmarked"
                if governor < w
                    && (governor + 2 == w || self.words.get(w.wrapping_sub(1)) == Some(&",")) =>
            {
                if let Some(container) = self.mention(governor, PLACE) {
                    add(
                        RelationType::LocatedIn,
                        container,
                        place,
                        "dep-place-comma-place",
                    );
                }
            }
            _ => {}
        }
    }

    /// Who did what to whom in an event: "acted alone in the attack", "the attack by X",
    /// "his assault", "claimed responsibility for the attack", "the rampage that left
    /// four dead", "was killed in the attack", "said in an interview", "an interview with
    /// Sky News", "a BBC interview".
    fn event_facts(
        &self,
        w: usize,
        event: MentionId,
        add: &mut impl FnMut(RelationType, MentionId, MentionId, &'static str),
    ) {
        let attack = contains(&lexicon::ATTACK_HEADS, &self.lower(w));
        // Dependents of the event noun.
        for child in self.tree.children(w) {
            let relation = self.relation(child);
            let case = self.case(child);
            let agents = self.mentions(child, AGENT);
            for agent in agents {
                match (relation, case.as_deref()) {
                    ("nmod:poss", _) | ("compound", _) => {
                        if attack {
                            if self.ex.mentions[agent].entity_type == EntityType::Person
                                || relation == "nmod:poss"
                            {
                                add(
                                    RelationType::PerpetratorOf,
                                    agent,
                                    event,
                                    "dep-possessor-of-attack",
                                );
                            }
                        } else {
                            add(
                                RelationType::ParticipantIn,
                                agent,
                                event,
                                "dep-modifier-of-event",
                            );
                        }
                    }
                    ("nmod", Some("by")) => {
                        let relation_type = if attack {
                            RelationType::PerpetratorOf
                        } else {
                            RelationType::ParticipantIn
                        };
                        add(relation_type, agent, event, "dep-event-by");
                    }
                    ("nmod", Some("with" | "between" | "among")) if !attack => {
                        add(RelationType::ParticipantIn, agent, event, "dep-event-with");
                    }
                    ("nmod", Some("on" | "against"))
                        if attack && self.ex.mentions[agent].entity_type == EntityType::Person =>
                    {
                        add(RelationType::VictimOf, agent, event, "dep-attack-on");
                    }
                    _ => {}
                }
            }
            // "the attack carried out by X", "the rampage that left four dead", "the
            // attack that killed X".
            if matches!(relation, "acl" | "acl:relcl") {
                self.clause_on_event(child, event, attack, add);
            }
        }
        // The event in its clause.
        let Some(governor) = self.tree.heads[w] else {
            return;
        };
        let verb = governor;
        let lower = self.lower(governor);
        match self.relation(w) {
            "obj" => {
                for subject in self.subjects(verb, false) {
                    for agent in self.mentions(subject, AGENT) {
                        if attack && contains(&PERPETRATOR_VERBS, &lower) {
                            add(
                                RelationType::PerpetratorOf,
                                agent,
                                event,
                                "dep-subject-carried-out",
                            );
                        } else if !attack && contains(&PARTICIPANT_VERBS, &lower) {
                            add(
                                RelationType::ParticipantIn,
                                agent,
                                event,
                                "dep-subject-took-part",
                            );
                        }
                    }
                }
            }
            "obl" if matches!(self.case(w).as_deref(), Some("in" | "during" | "at")) => {
                let passive = self.is_passive(verb);
                for subject in self.subjects(verb, passive) {
                    for agent in self.mentions(subject, AGENT) {
                        let person = self.ex.mentions[agent].entity_type == EntityType::Person;
                        if contains(&VICTIM_VERBS, &lower)
                            && (passive || matches!(lower.as_str(), "died" | "die" | "dies"))
                        {
                            if person {
                                add(RelationType::VictimOf, agent, event, "dep-killed-in");
                            }
                        } else if attack && contains(&PERPETRATOR_VERBS, &lower) {
                            add(RelationType::PerpetratorOf, agent, event, "dep-acted-in");
                        } else if !attack && !passive {
                            add(
                                RelationType::ParticipantIn,
                                agent,
                                event,
                                "dep-subject-in-event",
                            );
                        }
                    }
                }
            }
            // "claimed responsibility for the attack"
            "nmod"
                if self.case(w).as_deref() == Some("for")
                    && matches!(lower.as_str(), "responsibility" | "credit") =>
            {
                let Some(claim) = self.tree.heads[verb].filter(|_| self.relation(verb) == "obj")
                else {
                    return;
                };
                if !matches!(
                    self.lower(claim).as_str(),
                    "claimed" | "claim" | "claims" | "claiming" | "took" | "take" | "accepted"
                ) {
                    return;
                }
                for subject in self.subjects(claim, false) {
                    for agent in self.mentions(subject, AGENT) {
                        add(
                            RelationType::PerpetratorOf,
                            agent,
                            event,
                            "dep-claimed-responsibility",
                        );
                    }
                }
            }
            // "the attack was carried out by X"
            "nsubj:pass" | "nsubj" if attack && contains(&PERPETRATOR_VERBS, &lower) => {
                for by in self.tree.children_with(verb, "obl:agent") {
                    for agent in self.mentions(by, AGENT) {
                        add(
                            RelationType::PerpetratorOf,
                            agent,
                            event,
                            "dep-event-carried-out-by",
                        );
                    }
                }
            }
            "nsubj" if contains(&VICTIM_VERBS, &lower) && lower != "died" => {
                // "the attack killed four people"
                for object in self.tree.children_with(verb, "obj") {
                    for person in self.mentions(object, PERSON) {
                        add(RelationType::VictimOf, person, event, "dep-event-killed");
                    }
                }
            }
            _ => {}
        }
        // "one of the perpetrators in the 2015 attack": a perpetrator noun with the event.
        if attack && matches!(self.relation(w), "nmod") {
            let noun = governor;
            if contains(&lexicon::PERPETRATOR_NOUNS, &self.lower(noun)) {
                let person = self.mention(noun, PERSON).or_else(|| {
                    self.tree.heads[noun]
                        .filter(|_| self.relation(noun) == "nmod")
                        .and_then(|h| self.mention(h, PERSON))
                });
                if let Some(person) = person {
                    add(
                        RelationType::PerpetratorOf,
                        person,
                        event,
                        "dep-perpetrator-of",
                    );
                }
            }
        }
    }

    /// A clause on an event noun: "carried out by X", "that left X dead", "that killed X".
    fn clause_on_event(
        &self,
        verb: usize,
        event: MentionId,
        attack: bool,
        add: &mut impl FnMut(RelationType, MentionId, MentionId, &'static str),
    ) {
        let lower = self.lower(verb);
        for child in self.tree.children(verb) {
            match self.relation(child) {
                "obl:agent" if attack && contains(&PERPETRATOR_VERBS, &lower) => {
                    for agent in self.mentions(child, AGENT) {
                        add(
                            RelationType::PerpetratorOf,
                            agent,
                            event,
                            "dep-carried-out-by",
                        );
                    }
                }
                "obj" if attack => {
                    let left_dead = lower == "left"
                        && self
                            .tree
                            .children(verb)
                            .any(|c| LEFT_STATES.contains(&self.lower(c).as_str()));
                    if left_dead || contains(&VICTIM_VERBS, &lower) {
                        for person in self.mentions(child, PERSON) {
                            add(
                                RelationType::VictimOf,
                                person,
                                event,
                                "dep-event-that-killed",
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Roles in organisations: "X, head of Y", "X, Y executive director", "the head of
    /// Y, X", "a spokeswoman for Y", "X is a member of Y", "X works for Y".
    fn member_facts(
        &self,
        w: usize,
        person: MentionId,
        add: &mut impl FnMut(RelationType, MentionId, MentionId, &'static str),
    ) {
        let mut roles: Vec<usize> = Vec::new();
        if contains(&ROLE_NOUNS, &self.lower(w)) {
            roles.push(w);
        }
        // "X, head of Y": an apposition, or the conjunct a parser may read there.
        roles.extend(
            self.tree
                .children(w)
                .filter(|&a| match self.relation(a) {
                    "appos" => true,
                    "conj" => a > 0 && self.words[a - 1] == "," && a == w + 2 + self.flat_len(w),
                    _ => false,
                })
                .filter(|&a| contains(&ROLE_NOUNS, &self.lower(a))),
        );
        if let Some(head) = self.tree.heads[w] {
            let relation = self.relation(w);
            if relation == "appos" && contains(&ROLE_NOUNS, &self.lower(head)) {
                roles.push(head);
            }
            // "the director of Y, X": the name read as the apposition of Y.
            if relation == "appos" && self.relation(head) == "nmod" {
                roles.extend(
                    self.tree.heads[head].filter(|&role| contains(&ROLE_NOUNS, &self.lower(role))),
                );
            }
            // "X is the director of Y"
            if relation == "nsubj"
                && contains(&ROLE_NOUNS, &self.lower(head))
                && self.tree.children_with(head, "cop").next().is_some()
            {
                roles.push(head);
            }
            // "X works for Y"
            if relation == "nsubj" && contains(&MEMBER_VERBS, &self.lower(head)) {
                for child in self.tree.children(head) {
                    let for_or_at = matches!(self.case(child).as_deref(), Some("for" | "at"));
                    if (self.relation(child) == "obl" && for_or_at) || self.relation(child) == "obj"
                    {
                        for org in self.mentions(child, ORG) {
                            add(RelationType::MemberOf, person, org, "dep-works-for");
                        }
                    }
                }
            }
        }
        for role in roles {
            for child in self.tree.children(role) {
                let linked = match self.relation(child) {
                    "nmod" => matches!(self.case(child).as_deref(), Some("of" | "for" | "at")),
                    "compound" | "nmod:poss" => child < role,
                    _ => false,
                };
                if linked {
                    for org in self.mentions(child, ORG) {
                        add(RelationType::MemberOf, person, org, "dep-role-of");
                    }
                }
            }
        }
    }

    /// Ownership: "X, owned by Y", "X is owned by Y", "Y owns X", "Y bought X".
    fn ownership_facts(
        &self,
        verb: usize,
        add: &mut impl FnMut(RelationType, MentionId, MentionId, &'static str),
    ) {
        let lower = self.lower(verb);
        let passive_participle = contains(&lexicon::OWNED_PARTICIPLES, &lower);
        if !passive_participle && !contains(&OWNER_VERBS, &lower) {
            return;
        }
        let agents: Vec<usize> = self
            .tree
            .children(verb)
            .filter(|&c| {
                self.relation(c) == "obl:agent"
                    || (self.relation(c) == "obl" && self.case(c).as_deref() == Some("by"))
            })
            .collect();
        if passive_participle && !agents.is_empty() {
            let mut owned: Vec<usize> = self.subjects(verb, true);
            if matches!(self.relation(verb), "acl" | "acl:relcl") {
                owned.extend(self.tree.heads[verb]);
            }
            for thing in owned.into_iter().flat_map(|o| self.mentions(o, ORG)) {
                for owner in agents.iter().flat_map(|&a| self.mentions(a, AGENT)) {
                    add(RelationType::OwnedBy, thing, owner, "dep-owned-by");
                }
            }
        } else if contains(&OWNER_VERBS, &lower) && !self.is_passive(verb) {
            for owner in self
                .subjects(verb, false)
                .into_iter()
                .flat_map(|s| self.mentions(s, AGENT))
            {
                for object in self.tree.children_with(verb, "obj") {
                    for thing in self.mentions(object, ORG) {
                        add(RelationType::OwnedBy, thing, owner, "dep-owns");
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the parse alone reads in an invented article, as (type, subject, object,
    /// method) with the mentions' texts.
    fn read_off_parse(text: &str) -> Vec<(RelationType, String, String, &'static str)> {
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        let name = |m: MentionId| ex.mentions[m].span.slice(text).to_owned();
        relations(text, &processed.segmented, ex, SyntaxModel::shipped())
            .into_iter()
            .map(|(t, subject, object, _, _, method, _)| (t, name(subject), name(object), method))
            .collect()
    }

    fn assert_reads(text: &str, expected: &[(RelationType, &str, &str)]) {
        let found = read_off_parse(text);
        for &(t, subject, object) in expected {
            assert!(
                found
                    .iter()
                    .any(|(ft, s, o, _)| *ft == t && s == subject && o == object),
                "{t:?}({subject}, {object}) not read off the parse of {text:?}; found {found:?}"
            );
        }
        for (_, _, _, method) in &found {
            assert!(
                method.starts_with("dep-"),
                "method {method} is not named dep-"
            );
        }
    }

    #[test]
    fn places_attach_to_events_and_to_places() {
        use RelationType::*;
        assert_reads(
            "Police said the bombing carried out in Marlow on Friday injured three people.",
            &[(LocatedIn, "the bombing", "Marlow")],
        );
        assert_reads(
            "Officers arrested Tom Baker in Harwick, Ohio, after the robbery.",
            &[
                (ArrestedIn, "Tom Baker", "Harwick"),
                (LocatedIn, "Harwick", "Ohio"),
            ],
        );
    }

    #[test]
    fn roles_in_events_follow_the_grammar() {
        use RelationType::*;
        assert_reads(
            "Investigators believe Tom Baker acted alone in the shooting at the depot.",
            &[(PerpetratorOf, "Tom Baker", "the shooting")],
        );
        assert_reads(
            "Police said the shooting was carried out by Tom Baker.",
            &[(PerpetratorOf, "Tom Baker", "the shooting")],
        );
    }

    #[test]
    fn roles_give_membership() {
        use RelationType::*;
        assert_reads(
            "Maria Lopez, head of Amnesty International, visited Leeds on Monday.",
            &[(MemberOf, "Maria Lopez", "Amnesty International")],
        );
        assert_reads(
            "The director of Oxfam, Tom Baker, wrote to Vodafone.",
            &[(MemberOf, "Tom Baker", "Oxfam")],
        );
    }

    #[test]
    fn owners_are_the_agents_of_ownership_participles() {
        use RelationType::*;
        assert_reads(
            "Viewers of YouTube, the video service owned by Google, complained on Monday.",
            &[(OwnedBy, "the video service", "Google")],
        );
    }

    #[test]
    fn a_fact_inside_a_quotation_is_read_and_left_to_the_speaker() {
        let text = "“Tom Baker was arrested in Leeds,” she said.";
        assert_reads(text, &[(RelationType::ArrestedIn, "Tom Baker", "Leeds")]);
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        let arrest = ex
            .relations
            .iter()
            .find(|r| r.relation_type == RelationType::ArrestedIn)
            .expect("the arrest is extracted");
        assert!(
            arrest.claimed_in.is_some(),
            "the arrest is the speaker's claim"
        );
    }

    #[test]
    fn a_sentence_with_one_mention_gives_nothing() {
        assert!(read_off_parse("The weather in Leeds was mild.").is_empty());
    }
}
