//! Relations between entities, from the way news phrases them: ownership ("owned by",
//! "X-owned", "parent company"), arrests ("was arrested in"), membership ("X, head of Y",
//! "Y Commissioner X"), location ("Riverton, Ohio", "the attack in Y", "Y-based"),
//! residence, nationality, and the roles of people in events; and what happened to people
//! at the hands of the law (arrested, charged or not, released, on bail, in custody).

use super::lexicon::{self, contains};
use super::{
    EntityType, Evidence, Extraction, LegalStatus, MentionId, MentionKind, Method, Relation,
    RelationType, StatusFact,
};
use crate::kb::Kb;
use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;
use crate::syntax::SyntaxModel;

struct Sentence<'a> {
    index: usize,
    text: &'a str,
    tokens: &'a [Token],
    /// Mentions of this sentence, in text order.
    mentions: Vec<MentionId>,
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].span.slice(self.text)
    }

    /// Token index of the first token at or after a byte offset.
    fn token_at(&self, byte: usize) -> usize {
        self.tokens
            .iter()
            .position(|t| t.span.start >= byte)
            .unwrap_or(self.tokens.len())
    }

    /// The longest mention starting at token `i` of one of the types.
    fn mention_at(&self, ex: &Extraction, i: usize, types: &[EntityType]) -> Option<MentionId> {
        let start = self.tokens.get(i)?.span.start;
        self.mentions
            .iter()
            .copied()
            .filter(|&m| {
                ex.mentions[m].span.start == start && types.contains(&ex.mentions[m].entity_type)
            })
            .max_by_key(|&m| ex.mentions[m].span.len())
    }

    /// The object of a preposition at token `i`: the mention there, or after "the" ("in
    /// the United States", "a member of the Green Party": names start after the article).
    fn object_at(&self, ex: &Extraction, i: usize, types: &[EntityType]) -> Option<MentionId> {
        self.mention_at(ex, i, types).or_else(|| {
            self.tokens
                .get(i)
                .filter(|t| matches!(t.span.slice(self.text), "the" | "The"))
                .and_then(|_| self.mention_at(ex, i + 1, types))
        })
    }

    /// The name a mention modifies, when it is a modifier: "the European Union law
    /// enforcement agency Europol" is Europol; otherwise the mention itself.
    fn named_head(&self, ex: &Extraction, m: MentionId, types: &[EntityType]) -> MentionId {
        let mut k = self.token_at(ex.mentions[m].span.end);
        let after = k;
        while k < self.tokens.len().min(after + 5)
            && self.word(k).starts_with(char::is_lowercase)
            && !contains(&lexicon::OBJECT_ENDS, self.word(k))
        {
            k += 1;
        }
        if k == after {
            return m;
        }
        self.mention_at(ex, k, types)
            .filter(|&h| ex.mentions[h].kind == MentionKind::Named)
            .unwrap_or(m)
    }

    /// Where the verb group ending at the verb `i` starts: back over auxiliaries,
    /// adverbs of time or degree and a relative "who" ("who had also been", "was
    /// seriously").
    fn verb_group_start(&self, i: usize) -> usize {
        self.group_start(i, false)
    }

    /// [`Self::verb_group_start`], over a negation too when `negation` ("has not yet been").
    fn group_start(&self, mut k: usize, negation: bool) -> usize {
        while k > 0
            && (contains(&lexicon::VERB_GROUP_WORDS, self.word(k - 1))
                || negation
                    && matches!(self.word(k - 1), "not" | "never" | "n't" | "yet" | "since"))
        {
            k -= 1;
        }
        k
    }

    /// Where the subject of the verb `i` ends: before its verb group ([`Self::verb_group_start`])
    /// and [`Self::subject_end`] of that.
    fn subject_before(&self, i: usize) -> usize {
        self.subject_end(self.verb_group_start(i))
    }

    /// Where a subject ends, given the token `k` right after what follows it: over an age
    /// between commas ("Jan Roe, 45, from Leeds", "a man, aged 19, was") and a parenthetical between commas that
    /// describes the subject ("Jan Roe, a member of Acme, lives ...", "Roe, who works for
    /// Acme, was arrested ..."), back to the comma that opens it.
    fn subject_end(&self, mut k: usize) -> usize {
        if k >= 3 && self.word(k - 1) == "," && self.word(k - 2).bytes().all(|b| b.is_ascii_digit())
        {
            let aged = usize::from(self.word(k - 3) == "aged");
            if k >= 3 + aged && self.word(k - 3 - aged) == "," {
                k -= 3 + aged;
            }
        }
        if k == 0 || self.word(k - 1) != "," {
            return k;
        }
        // "Roe, who works for Acme": the verb group began with the relative pronoun.
        if self.word(k) == "who" {
            return k - 1;
        }
        let close = k - 1;
        let open = (close.saturating_sub(16)..close)
            .rev()
            .find(|&j| self.word(j) == ",");
        match open {
            Some(open)
                if matches!(
                    self.word(open + 1),
                    "who" | "whose" | "a" | "an" | "the" | "now" | "himself" | "herself"
                ) =>
            {
                open
            }
            _ => k,
        }
    }

    /// The longest mention ending at token `i` of one of the types.
    fn mention_ending(&self, ex: &Extraction, i: usize, types: &[EntityType]) -> Option<MentionId> {
        let end = self.tokens.get(i)?.span.end;
        self.mentions
            .iter()
            .copied()
            .filter(|&m| {
                ex.mentions[m].span.end == end && types.contains(&ex.mentions[m].entity_type)
            })
            .max_by_key(|&m| ex.mentions[m].span.len())
    }

    /// The mentions of one of the types in the coordinated object that starts at token `i`
    /// ("three pedestrians and a police officer": the officer, when only the officer is a
    /// mention). The object ends at a preposition, conjunction or clause word, or at
    /// anything that is neither a lower-case word, a number nor a comma.
    fn mention_list_at(&self, ex: &Extraction, i: usize, types: &[EntityType]) -> Vec<MentionId> {
        let mut out = Vec::new();
        let mut k = i;
        while k < self.tokens.len().min(i + 16) {
            if let Some(m) = self.mention_at(ex, k, types) {
                out.push(m);
                k = self.token_at(ex.mentions[m].span.end);
                continue;
            }
            let w = self.word(k);
            let in_object = w == ","
                || w == "and"
                || w.chars().all(|c| c.is_ascii_digit())
                || (w.starts_with(char::is_lowercase) && !contains(&lexicon::OBJECT_ENDS, w));
            if !in_object {
                break;
            }
            k += 1;
        }
        out
    }

    /// The legal statuses the verb at token `i` gives a person, with the pattern's name:
    /// "Roe was charged", "a man detained in Leeds", "police arrested a man", "Roe has not
    /// been charged", "he was released without charge", "the man remains in custody".
    fn legal_statuses(
        &self,
        ex: &Extraction,
        i: usize,
    ) -> Vec<(MentionId, LegalStatus, &'static str)> {
        let w = self.word(i);
        let status = match w {
            "arrested" | "detained" => LegalStatus::Arrested,
            "charged" => LegalStatus::Charged,
            "released" | "freed" => LegalStatus::Released,
            "bailed" => LegalStatus::Bailed,
            "convicted" | "sentenced" | "jailed" => LegalStatus::Convicted,
            "custody" => LegalStatus::InCustody,
            _ => return Vec::new(),
        };
        let mut verb = i;
        if status == LegalStatus::InCustody {
            // "remains in custody", "was held in custody", "taken into custody".
            let Some(before) = i
                .checked_sub(2)
                .filter(|_| matches!(self.word(i - 1), "in" | "into"))
            else {
                return Vec::new();
            };
            if self.word(i - 1) == "into" && self.word(before) != "taken" {
                return Vec::new();
            }
            if !matches!(
                self.word(before),
                "remains"
                    | "remain"
                    | "remained"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "held"
                    | "kept"
                    | "taken"
            ) {
                return Vec::new();
            }
            verb = before;
        }
        let status = if self.word(verb) == "taken" {
            LegalStatus::Arrested
        } else {
            status
        };
        // The verb group, negation included ("has not yet been charged").
        let group = self.group_start(verb, true);
        let auxiliary = (group..verb).any(|k| {
            matches!(
                self.word(k),
                "was" | "were" | "been" | "be" | "being" | "is" | "are"
            )
        });
        let negated = (group..verb).any(|k| matches!(self.word(k), "not" | "never" | "n't"));
        let next = |k: usize| self.tokens.get(k).map_or("", |t| t.span.slice(self.text));
        let without_charge = matches!(status, LegalStatus::Released)
            && next(i + 1) == "without"
            && matches!(next(i + 2), "charge" | "charges");
        let on_bail =
            matches!(status, LegalStatus::Released) && next(i + 1) == "on" && next(i + 2) == "bail";
        // A subject of its own: passive ("was charged"), a state ("remains in custody"), or
        // a reduced relative for arrests and charges ("a man detained in Leeds", "a man
        // charged with murder"), never an active verb ("Roe charged at the police").
        let reduced = group == verb
            && self.object_at(ex, i + 1, PERSON).is_none()
            && (status == LegalStatus::Arrested
                || status == LegalStatus::Charged && matches!(next(i + 1), "with" | "over"));
        let has_subject = auxiliary || reduced || status == LegalStatus::InCustody;
        let subject = has_subject
            .then(|| {
                self.subject_end(group)
                    .checked_sub(1)
                    .and_then(|k| self.mention_ending(ex, k, PERSON))
            })
            .flatten()
            // "he arrested ..." is the officer acting, not a reduced relative.
            .filter(|&m| !(reduced && !auxiliary && ex.mentions[m].kind == MentionKind::Pronoun))
            // "Roe has not been charged and remains in custody": the subject of the verb
            // group before "and".
            .or_else(|| {
                let and = group.checked_sub(1).filter(|&k| self.word(k) == "and")?;
                let earlier = (0..and)
                    .rev()
                    .find(|&j| contains(&lexicon::VERB_GROUP_WORDS, self.word(j)))?;
                self.subject_end(self.group_start(earlier, true))
                    .checked_sub(1)
                    .and_then(|k| self.mention_ending(ex, k, PERSON))
            });
        let mut out = Vec::new();
        match subject {
            Some(person) if negated && status == LegalStatus::Charged => {
                out.push((person, LegalStatus::NotCharged, "not-charged"));
            }
            // "was not arrested", "has never been convicted": no status.
            Some(_) if negated => {}
            Some(person) => {
                let status = if on_bail { LegalStatus::Bailed } else { status };
                out.push((person, status, "status-of-subject"));
                if without_charge {
                    out.push((person, LegalStatus::NotCharged, "released-without-charge"));
                }
            }
            // Active: "police arrested a 34-year-old man", "prosecutors charged Roe".
            None if !auxiliary && !negated && status != LegalStatus::InCustody => {
                if let Some(person) = self.mention_at(ex, i + 1, PERSON) {
                    out.push((person, status, "status-of-object"));
                }
            }
            None => {}
        }
        out
    }

    /// Words from token `i` match `pattern` (lower-cased); returns the index after them.
    fn words_at(&self, i: usize, pattern: &[&str]) -> Option<usize> {
        pattern
            .iter()
            .enumerate()
            .all(|(k, p)| {
                self.tokens
                    .get(i + k)
                    .is_some_and(|t| t.span.slice(self.text).eq_ignore_ascii_case(p))
            })
            .then_some(i + pattern.len())
    }
}

const ORG: &[EntityType] = &[EntityType::Organization];
const PERSON: &[EntityType] = &[EntityType::Person];
const PLACE: &[EntityType] = &[EntityType::Place];
const EVENT: &[EntityType] = &[EntityType::Event];
const AGENT: &[EntityType] = &[EntityType::Person, EntityType::Organization];
const OWNER: &[EntityType] = &[EntityType::Organization, EntityType::Person];

/// A relation a pattern found: its type, subject and object mentions, the words that
/// state it, their sentence, the pattern's name and its confidence.
pub(super) type FoundRelation = (
    RelationType,
    MentionId,
    MentionId,
    Span,
    usize,
    &'static str,
    f32,
);

pub fn extract(text: &str, seg: &Segmented, ex: &mut Extraction, kb: &Kb, syntax: &SyntaxModel) {
    let mut found: Vec<FoundRelation> = Vec::new();
    let mut statuses: Vec<(MentionId, LegalStatus, Span, usize, &'static str)> = Vec::new();
    let mut by_sentence: Vec<Vec<MentionId>> = vec![Vec::new(); seg.sentences.len()];
    for (m, mention) in ex.mentions.iter().enumerate() {
        if let Some(list) = by_sentence.get_mut(mention.sentence) {
            list.push(m);
        }
    }
    for (index, sentence) in seg.sentences.iter().enumerate() {
        if !sentence.zone.states_facts() {
            continue;
        }
        let mentions = by_sentence[index].clone();
        let s = Sentence {
            index,
            text,
            tokens: seg.sentence_tokens(index),
            mentions,
        };
        let mut add = |rel,
                       a: MentionId,
                       b: MentionId,
                       name: &'static str,
                       confidence: f32,
                       ex: &Extraction| {
            if ex.mentions[a].entity != ex.mentions[b].entity {
                let span = ex.mentions[a].span.cover(ex.mentions[b].span);
                found.push((rel, a, b, span, s.index, name, confidence));
            }
        };
        for i in 0..s.tokens.len() {
            let w = s.word(i);
            // --- Legal status --------------------------------------------------------
            for (person, status, name) in s.legal_statuses(ex, i) {
                let span = ex.mentions[person].span.cover(s.tokens[i].span);
                statuses.push((person, status, span, s.index, name));
            }
            // --- Ownership ---------------------------------------------------------
            // "X, which is owned by Y" / "X owned by Y" / "X is owned by Y"
            if w == "owned" && s.word((i + 1).min(s.tokens.len() - 1)) == "by" {
                let owner = s.mention_at(ex, i + 2, OWNER);
                let mut k = i;
                while k > 0
                    && matches!(
                        s.word(k - 1),
                        "is" | "was"
                            | "which"
                            | "that"
                            | ","
                            | "also"
                            | "wholly"
                            | "partly"
                            | "now"
                            | "been"
                            | "has"
                            | "be"
                    )
                {
                    k -= 1;
                }
                let owned = k
                    .checked_sub(1)
                    .and_then(|k| s.mention_ending(ex, k, OWNER));
                if let (Some(a), Some(b)) = (owned, owner) {
                    add(RelationType::OwnedBy, a, b, "owned-by", 0.85, ex);
                }
            }
            // "Vantage-owned Brightline"
            if w.ends_with("-owned") {
                let owner = s.mentions.iter().copied().find(|&m| {
                    ex.mentions[m].span.start == s.tokens[i].span.start
                        && ex.mentions[m].entity_type != EntityType::Event
                });
                let owned =
                    (i + 1..(i + 4).min(s.tokens.len())).find_map(|k| s.mention_at(ex, k, OWNER));
                if let (Some(b), Some(a)) = (owner, owned) {
                    add(RelationType::OwnedBy, a, b, "x-owned", 0.85, ex);
                }
            }
            // "X's parent company, Y" / "its parent company Y"
            if w == "parent"
                && matches!(
                    s.word((i + 1).min(s.tokens.len() - 1)),
                    "company" | "firm" | "group" | "organisation" | "organization"
                )
            {
                let mut k = i + 2;
                while k < s.tokens.len() && s.word(k) == "," {
                    k += 1;
                }
                let parent = s.mention_at(ex, k, ORG);
                let child = if i >= 2 && matches!(s.word(i - 1), "’s" | "'s") {
                    s.mention_ending(ex, i - 2, ORG)
                } else if i >= 1 && matches!(s.word(i - 1), "its" | "Its") {
                    nearest_before(ex, &s, i, ORG)
                } else {
                    None
                };
                if let (Some(a), Some(b)) = (child, parent) {
                    add(RelationType::OwnedBy, a, b, "parent-company", 0.8, ex);
                }
            }
            // "X, a subsidiary of Y" / "X is a unit of Y" / "X became a division of Y"
            if matches!(w, "subsidiary" | "unit" | "division" | "affiliate" | "arm")
                && s.words_at(i + 1, &["of"]).is_some()
                && i >= 2
            {
                let mut k = i - 1;
                while k > 0 && matches!(s.word(k), "wholly-owned" | "wholly" | "owned" | "-") {
                    k -= 1;
                }
                let article = matches!(s.word(k), "a" | "an" | "the");
                let owned = if !article || k == 0 {
                    None
                } else if s.word(k - 1) == "," {
                    k.checked_sub(2).and_then(|e| s.mention_ending(ex, e, ORG))
                } else if matches!(
                    s.word(k - 1),
                    "is" | "was" | "became" | "becomes" | "remains"
                ) {
                    k.checked_sub(2).and_then(|e| s.mention_ending(ex, e, ORG))
                } else {
                    None
                };
                if let (Some(a), Some(b)) = (owned, s.object_at(ex, i + 2, ORG)) {
                    add(RelationType::OwnedBy, a, b, "subsidiary-of", 0.8, ex);
                }
            }
            // "Y, which owns X"
            if w == "owns"
                && i >= 3
                && matches!(s.word(i - 1), "which" | "that")
                && s.word(i - 2) == ","
            {
                if let (Some(b), Some(a)) = (
                    s.mention_ending(ex, i - 3, OWNER),
                    s.object_at(ex, i + 1, ORG),
                ) {
                    add(RelationType::OwnedBy, a, b, "which-owns", 0.75, ex);
                }
            }
            // "X, which Y bought in 2012" / "X, which Y owns"
            if matches!(w, "owns" | "owned" | "acquired" | "bought") && i >= 3 {
                if let Some(b) = s.mention_ending(ex, i - 1, OWNER) {
                    let owner_start = s.token_at(ex.mentions[b].span.start);
                    let relative = owner_start >= 2
                        && matches!(s.word(owner_start - 1), "which" | "that")
                        && s.word(owner_start - 2) == ",";
                    let owned = relative
                        .then(|| s.mention_ending(ex, owner_start - 3, ORG))
                        .flatten();
                    if let Some(a) = owned {
                        add(RelationType::OwnedBy, a, b, "which-x-bought", 0.75, ex);
                    }
                }
            }
            // "Y owns X" / "Y bought X" / "Y acquired X"
            if matches!(w, "owns" | "acquired" | "bought") {
                if let (Some(b), Some(a)) = (
                    i.checked_sub(1)
                        .and_then(|k| s.mention_ending(ex, k, OWNER)),
                    s.mention_at(ex, i + 1, ORG),
                ) {
                    add(RelationType::OwnedBy, a, b, "owns", 0.75, ex);
                }
            }
            // --- Arrests -------------------------------------------------------------
            // "X was arrested in Y" / "a man detained in Y"
            if contains(&lexicon::ARREST_VERBS, w) && !matches!(w, "held" | "charged" | "jailed") {
                let person = s
                    .subject_before(i)
                    .checked_sub(1)
                    .and_then(|k| s.mention_ending(ex, k, PERSON));
                let place = (i + 1..(i + 8).min(s.tokens.len()))
                    .find(|&k| matches!(s.word(k), "in" | "at"))
                    .and_then(|k| s.object_at(ex, k + 1, PLACE));
                if let (Some(a), Some(b)) = (person, place) {
                    add(RelationType::ArrestedIn, a, b, "arrested-in", 0.8, ex);
                }
                // Active: "police arrested a 34-year-old man in Y".
                if let Some(a) = s.mention_at(ex, i + 1, PERSON) {
                    let after = s.token_at(ex.mentions[a].span.end);
                    let place = (after..(after + 4).min(s.tokens.len()))
                        .find(|&k| matches!(s.word(k), "in" | "at" | "near"))
                        .and_then(|k| s.object_at(ex, k + 1, PLACE));
                    if let Some(b) = place.filter(|_| person.is_none()) {
                        add(RelationType::ArrestedIn, a, b, "arrested-in", 0.75, ex);
                    }
                }
            }
            // --- Membership ----------------------------------------------------------
            // "X, head of Y" / "X, executive director of Y" / "X, a spokesman for Y"
            if w == "," {
                if let Some(a) = i
                    .checked_sub(1)
                    .and_then(|k| s.mention_ending(ex, k, PERSON))
                    .filter(|&m| ex.mentions[m].kind == MentionKind::Named)
                {
                    let stop = (i + 1..(i + 7).min(s.tokens.len()))
                        .find(|&k| matches!(s.word(k), "of" | "for" | "at"));
                    let role_ok = stop.is_some_and(|stop| {
                        (i + 1..stop)
                            .all(|k| s.word(k).chars().next().is_some_and(char::is_lowercase))
                            && (i + 1..stop).any(|k| {
                                contains(&lexicon::PERSON_HEADS, s.word(k))
                                    || matches!(
                                        s.word(k),
                                        "head"
                                            | "member"
                                            | "co-founder"
                                            | "editor"
                                            | "partner"
                                            | "adviser"
                                            | "advisor"
                                    )
                            })
                    });
                    if let (true, Some(stop)) = (role_ok, stop) {
                        if let Some(b) = s
                            .object_at(ex, stop + 1, ORG)
                            .map(|b| s.named_head(ex, b, ORG))
                        {
                            add(RelationType::MemberOf, a, b, "apposition-role-of", 0.8, ex);
                        }
                    }
                }
            }
            // "Riverton Police Deputy Commissioner Jane Roe" / "Acme chief X"
            if let Some(org) = s
                .mention_at(ex, i, ORG)
                .filter(|&m| ex.mentions[m].kind == MentionKind::Named)
            {
                let after = s.token_at(ex.mentions[org].span.end);
                let mut k = after;
                while k < s.tokens.len()
                    && k < after + 4
                    && (lexicon::is_title_word(s.word(k))
                        || contains(&lexicon::PERSON_HEADS, s.word(k))
                        || matches!(s.word(k), "head" | "boss"))
                {
                    k += 1;
                }
                if k > after {
                    if let Some(person) = s
                        .mention_at(ex, k, PERSON)
                        .filter(|&m| ex.mentions[m].kind == MentionKind::Named)
                    {
                        add(
                            RelationType::MemberOf,
                            person,
                            org,
                            "org-title-name",
                            0.8,
                            ex,
                        );
                    }
                }
            }
            // "X works for Y", "X, who joined Y in 2010, ...", "X is a member of Y",
            // "X heads Y"
            let member_verb = match w {
                "works" | "worked" | "working" => s
                    .words_at(i + 1, &["for"])
                    .or_else(|| s.words_at(i + 1, &["at"])),
                "joined" | "joins" | "heads" | "headed" | "leads" | "led" | "chairs"
                | "chaired" => Some(i + 1),
                "member" if i >= 1 && matches!(s.word(i - 1), "a" | "an") => {
                    s.words_at(i + 1, &["of"])
                }
                _ => None,
            };
            if let Some(object) = member_verb {
                let verb = if w == "member" { i - 1 } else { i };
                let person = s
                    .subject_before(verb)
                    .checked_sub(1)
                    .and_then(|k| s.mention_ending(ex, k, PERSON))
                    .filter(|&m| ex.mentions[m].kind == MentionKind::Named);
                if let (Some(a), Some(b)) = (person, s.object_at(ex, object, ORG)) {
                    add(RelationType::MemberOf, a, b, "works-for", 0.75, ex);
                }
            }
            // --- Location --------------------------------------------------------------
            // "Riverton, Ohio" / "Lakeview, Calif."
            if w == "," {
                if let (Some(a), Some(b)) = (
                    i.checked_sub(1)
                        .and_then(|k| s.mention_ending(ex, k, PLACE)),
                    s.mention_at(ex, i + 1, PLACE),
                ) {
                    let b_end = s.token_at(ex.mentions[b].span.end);
                    let closes = b_end >= s.tokens.len()
                        || !s
                            .word(b_end)
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                        || s.word(b_end) == "where";
                    if closes
                        && ex.mentions[a].kind == MentionKind::Named
                        && ex.mentions[b].kind == MentionKind::Named
                    {
                        add(RelationType::LocatedIn, a, b, "place-comma-place", 0.8, ex);
                    }
                }
            }
            // "the attack in Lakeview" / "the arrest in Riverton" / "the attack carried out
            // in Lakeview"
            if matches!(w, "in" | "at" | "near" | "on") {
                let event_end = if i >= 3 && s.word(i - 2) == "carried" && s.word(i - 1) == "out" {
                    i - 3
                } else {
                    i.wrapping_sub(1)
                };
                if let (Some(a), Some(b)) = (
                    s.mention_ending(ex, event_end, EVENT),
                    s.object_at(ex, i + 1, PLACE),
                ) {
                    add(RelationType::LocatedIn, a, b, "event-in-place", 0.75, ex);
                }
            }
            // "Tamar Bridge near the old harbour in Plymouth": a place in a place.
            if w == "in" {
                if let (Some(a), Some(b)) = (
                    i.checked_sub(1)
                        .and_then(|k| s.mention_ending(ex, k, PLACE)),
                    s.mention_at(ex, i + 1, PLACE),
                ) {
                    if ex.mentions[a].kind == MentionKind::Named
                        && ex.mentions[b].kind == MentionKind::Named
                    {
                        add(RelationType::LocatedIn, a, b, "place-in-place", 0.7, ex);
                    }
                }
            }
            // "Britain's MI5", "London's police", "Tarnow's Market Square": the possessor
            // place holds the organisation or place.
            if matches!(w, "’s" | "'s") && i >= 1 {
                let held = s.mention_at(ex, i + 1, ORG).or_else(|| {
                    s.mention_at(ex, i + 1, PLACE)
                        .filter(|&m| ex.mentions[m].kind == MentionKind::Named)
                });
                if let (Some(b), Some(a)) = (
                    s.mention_ending(ex, i - 1, PLACE)
                        .filter(|&m| ex.mentions[m].kind == MentionKind::Named),
                    held,
                ) {
                    add(
                        RelationType::LocatedIn,
                        a,
                        b,
                        "place-possessive-org",
                        0.7,
                        ex,
                    );
                }
            }
            // "London-based X"; "X is London-based"
            if w.ends_with("-based") {
                let place = s.mentions.iter().copied().find(|&m| {
                    ex.mentions[m].span.start == s.tokens[i].span.start
                        && ex.mentions[m].entity_type == EntityType::Place
                });
                let predicative = i
                    .checked_sub(1)
                    .is_some_and(|k| matches!(s.word(k), "is" | "was" | "are" | "were" | "be"));
                let org = if predicative {
                    i.checked_sub(2).and_then(|k| s.mention_ending(ex, k, ORG))
                } else {
                    (i + 1..(i + 4).min(s.tokens.len()))
                        .take_while(|&k| s.tokens[k].kind != TokenKind::Punct)
                        .find_map(|k| s.mention_at(ex, k, ORG))
                };
                if let (Some(b), Some(a)) = (place, org) {
                    add(RelationType::LocatedIn, a, b, "x-based", 0.8, ex);
                }
            }
            // --- Residence -------------------------------------------------------------
            // "X lived in Y" / "Y, where X had been living"; "X also worked in Y" (a
            // place one works in is one lives in, at a lower confidence).
            let lived = matches!(
                w,
                "lived" | "lives" | "living" | "resided" | "resides" | "residing" | "settled"
            );
            let worked = matches!(w, "worked" | "works" | "working");
            if lived || worked {
                let (method, confidence) = if lived {
                    ("lived-in", 0.8)
                } else {
                    ("worked-in", 0.65)
                };
                if let Some(a) = s
                    .subject_before(i)
                    .checked_sub(1)
                    .and_then(|k| s.mention_ending(ex, k, PERSON))
                {
                    let place = if s.word((i + 1).min(s.tokens.len() - 1)) == "in" {
                        s.object_at(ex, i + 2, PLACE)
                    } else if let Some(before) = s
                        .token_at(ex.mentions[a].span.start)
                        .checked_sub(1)
                        .filter(|&b| s.word(b) == "where")
                    {
                        // "Leeds, England, where Roe had lived": the first place of the list.
                        let mut p = before;
                        let mut place = None;
                        while p > 0 {
                            p -= 1;
                            if let Some(m) = s.mention_ending(ex, p, PLACE) {
                                place = Some(m);
                                let start = s.token_at(ex.mentions[m].span.start);
                                if start > 0 && s.word(start - 1) == "," {
                                    p = start - 1;
                                    continue;
                                }
                                break;
                            } else if s.word(p) != "," {
                                break;
                            }
                        }
                        place
                    } else {
                        None
                    };
                    if let Some(b) = place {
                        add(RelationType::ResidentOf, a, b, method, confidence, ex);
                    }
                }
            }
            // "a 38-year-old man from Bradford", "Jan Roe, 45, from Leeds": where a person
            // is from, as news introduces them.
            if w == "from" && i >= 1 {
                let person = s
                    .subject_end(i)
                    .checked_sub(1)
                    .and_then(|k| s.mention_ending(ex, k, PERSON))
                    .filter(|&m| ex.mentions[m].kind != MentionKind::Pronoun);
                let place = s.object_at(ex, i + 1, PLACE).filter(|&m| {
                    // The place ends the phrase: "from Leeds," not "from Leeds Council".
                    let end = s.token_at(ex.mentions[m].span.end);
                    end >= s.tokens.len() || !s.word(end).starts_with(char::is_uppercase)
                });
                if let (Some(a), Some(b)) = (person, place) {
                    add(RelationType::ResidentOf, a, b, "person-from-place", 0.6, ex);
                }
            }
            // --- Events ----------------------------------------------------------------
            // "X claimed responsibility for Y", "X claimed credit for Y"; "X used Y to
            // claim credit for Z" is X's claim, not Y's.
            if matches!(w, "responsibility" | "credit")
                && i >= 1
                && matches!(s.word(i - 1), "claimed" | "claims" | "claim" | "claiming")
            {
                let nearest = nearest_before(ex, &s, i - 1, AGENT);
                let agent = match nearest {
                    Some(tool) if i >= 2 && s.word(i - 2) == "to" => {
                        let tool_start = s.token_at(ex.mentions[tool].span.start);
                        let used = tool_start >= 1
                            && matches!(s.word(tool_start - 1), "used" | "uses" | "using" | "use");
                        if used {
                            nearest_before(ex, &s, tool_start - 1, AGENT)
                        } else {
                            nearest
                        }
                    }
                    _ => nearest,
                };
                let event = s
                    .words_at(i + 1, &["for"])
                    .and_then(|k| s.mention_at(ex, k, EVENT));
                if let (Some(a), Some(b)) = (agent, event) {
                    add(
                        RelationType::PerpetratorOf,
                        a,
                        b,
                        "claimed-responsibility",
                        0.85,
                        ex,
                    );
                }
            }
            // "X carried out / launched / began / committed Y": the agent right before the
            // verb (a name, nominal or pronoun) did the event that follows it.
            let event_at = match w {
                "carried" | "pulled" => s.words_at(i + 1, &["out"]).or(s.words_at(i + 1, &["off"])),
                "launched" | "began" | "committed" | "staged" | "perpetrated" | "mounted"
                | "did" | "plotted" | "orchestrated" | "masterminded" => Some(i + 1),
                _ => None,
            };
            // "X attended / took part in / spoke at EVENT"; "X made an arrest", "X held
            // talks", "X fought a legal battle (with Y)": a light verb whose object is the
            // event makes its subject (and the other side after "with") a participant.
            let light_verb = matches!(
                w,
                "made" | "makes" | "held" | "holds" | "fought" | "fights" | "waged" | "conducted"
            );
            let joined_at = match w {
                "attended" | "joined" | "addressed" | "chaired" | "hosted" => Some(i + 1),
                _ if light_verb => Some(i + 1),
                "took" => s.words_at(i + 1, &["part", "in"]),
                "participated" | "participates" => s.words_at(i + 1, &["in"]),
                "spoke" | "speaks" => s.words_at(i + 1, &["at"]),
                _ => None,
            };
            // The agent right before the verb (a name, nominal or pronoun), the event after.
            for (relation, event_from, name, confidence) in [
                (RelationType::PerpetratorOf, event_at, "carried-out", 0.75),
                (RelationType::ParticipantIn, joined_at, "took-part-in", 0.7),
            ] {
                if let Some(k) = event_from.filter(|_| i >= 1) {
                    let agent = s.mention_ending(ex, i - 1, AGENT);
                    let event = s.mention_at(ex, k, EVENT);
                    if let (Some(a), Some(b)) = (agent, event) {
                        add(relation, a, b, name, confidence, ex);
                    }
                    // The other side, whether or not the subject is a mention.
                    if let Some(b) = event.filter(|_| light_verb) {
                        let after = s.token_at(ex.mentions[b].span.end);
                        let others = s
                            .words_at(after, &["with"])
                            .map(|k| s.mention_list_at(ex, k, AGENT))
                            .unwrap_or_default();
                        for o in others {
                            add(relation, o, b, name, confidence, ex);
                        }
                    }
                }
            }
            // "EVENT (that) killed / injured X (and Y)", "EVENT (that) left X (and Y) dead"
            let left_dead = w == "left"
                && (i + 1..s.tokens.len().min(i + 16))
                    .any(|k| matches!(s.word(k), "dead" | "injured" | "wounded" | "hurt"));
            if (matches!(w, "killed" | "injured" | "wounded") || left_dead) && i >= 1 {
                let subject_end = if i >= 2 && matches!(s.word(i - 1), "that" | "which") {
                    i - 2
                } else {
                    i - 1
                };
                if let Some(b) = s.mention_ending(ex, subject_end, EVENT) {
                    for a in s.mention_list_at(ex, i + 1, PERSON) {
                        add(RelationType::VictimOf, a, b, "event-killed", 0.75, ex);
                    }
                }
            }
            // "one of the attackers in EVENT", "X acted alone in EVENT"
            let perpetrator = match w {
                "in" if i >= 1 => s.mention_ending(ex, i - 1, PERSON).filter(|&m| {
                    ex.mentions[m].kind == MentionKind::Nominal
                        && contains(
                            &lexicon::PERPETRATOR_NOUNS,
                            ex.mentions[m]
                                .span
                                .slice(text)
                                .rsplit(' ')
                                .next()
                                .unwrap_or(""),
                        )
                }),
                "alone" if i >= 2 && s.word(i - 1) == "acted" => s.mention_ending(ex, i - 2, AGENT),
                _ => None,
            };
            if let Some(a) = perpetrator {
                let from = if w == "in" { i + 1 } else { i + 2 };
                let event = (s.word((i + 1).min(s.tokens.len() - 1)) == "in" || w == "in")
                    .then(|| s.mention_at(ex, from, EVENT))
                    .flatten();
                if let Some(b) = event {
                    add(RelationType::PerpetratorOf, a, b, "perpetrator-in", 0.7, ex);
                }
            }
            // "EVENT (that) unfolded / happened / took place (in the heart of) PLACE"
            let place_from = match w {
                "unfolded" | "happened" | "occurred" | "erupted" => Some(i + 1),
                "took" => s.words_at(i + 1, &["place"]),
                _ => None,
            };
            if let Some(from) = place_from {
                let subject_end = if i >= 2 && matches!(s.word(i - 1), "that" | "which") {
                    i - 2
                } else {
                    i.saturating_sub(1)
                };
                let event = (i >= 1)
                    .then(|| s.mention_ending(ex, subject_end, EVENT))
                    .flatten();
                // Only lower-case words (prepositions, "the shadow of") before the place.
                let place = (from..s.tokens.len().min(from + 6))
                    .take_while(|&k| {
                        k == from || s.word(k - 1).starts_with(|c: char| c.is_lowercase())
                    })
                    .find_map(|k| s.mention_at(ex, k, PLACE));
                if let (Some(a), Some(b)) = (event, place) {
                    add(RelationType::LocatedIn, a, b, "happened-in", 0.75, ex);
                }
            }
            // "X was killed in Y" / "injured in Y"
            if matches!(w, "killed" | "injured" | "wounded" | "hurt" | "died")
                && s.word((i + 1).min(s.tokens.len() - 1)) == "in"
            {
                if let (Some(a), Some(b)) = (
                    s.subject_before(i)
                        .checked_sub(1)
                        .and_then(|k| s.mention_ending(ex, k, PERSON)),
                    s.mention_at(ex, i + 2, EVENT),
                ) {
                    add(RelationType::VictimOf, a, b, "killed-in", 0.8, ex);
                }
            }
        }
        // "the Lakeview attack", "the Riverton riots": an event named for its place.
        for &e in &s.mentions {
            if ex.mentions[e].entity_type != EntityType::Event {
                continue;
            }
            let event_span = ex.mentions[e].span;
            let places: Vec<MentionId> = s
                .mentions
                .iter()
                .copied()
                .filter(|&m| {
                    let place = &ex.mentions[m];
                    place.entity_type == EntityType::Place
                        && place.kind == MentionKind::Named
                        && event_span.contains(place.span)
                        && place.span != event_span
                })
                .collect();
            for b in places {
                add(
                    RelationType::LocatedIn,
                    e,
                    b,
                    "event-named-for-place",
                    0.7,
                    ex,
                );
            }
        }
        // Interviews and meetings: "in a BBC interview", "an interview with Sky News", "a
        // meeting with Jane Roe" name their other side; the speaker quoted in the same
        // sentence gave the interview.
        for &e in &s.mentions {
            let event = &ex.mentions[e];
            let head = event.span.slice(text).rsplit(' ').next().unwrap_or("");
            let interview = matches!(head, "interview" | "interviews");
            if event.entity_type != EntityType::Event
                || !(interview || matches!(head, "meeting" | "talks" | "call"))
            {
                continue;
            }
            let inside = s.mentions.iter().copied().filter(|&m| {
                m != e
                    && AGENT.contains(&ex.mentions[m].entity_type)
                    && event.span.contains(ex.mentions[m].span)
            });
            let after = s.token_at(event.span.end);
            let with = s
                .words_at(after, &["with"])
                .map(|k| s.mention_list_at(ex, k, AGENT))
                .unwrap_or_default();
            let sides: Vec<MentionId> = inside.chain(with).collect();
            for a in sides {
                add(RelationType::ParticipantIn, a, e, "interview-with", 0.7, ex);
            }
            if interview {
                for q in &ex.quotes {
                    let speaker = q.speaker.filter(|&m| ex.mentions[m].sentence == s.index);
                    if let Some(a) = speaker {
                        add(RelationType::ParticipantIn, a, e, "interview-with", 0.7, ex);
                    }
                }
            }
        }
    }
    // "an Acme spokeswoman": an organisation named inside a description of a person;
    // "a spokeswoman for Acme", "the head of Interpol": one right after it.
    for (p, person) in ex.mentions.iter().enumerate() {
        if person.entity_type != EntityType::Person || person.kind != MentionKind::Nominal {
            continue;
        }
        let inside = ex.mentions_within(person.span).find(|&o| {
            ex.mentions[o].entity_type == EntityType::Organization
                && ex.mentions[o].kind == MentionKind::Named
        });
        let after = {
            let (_, last) = seg.token_bounds(person.sentence, person.span);
            let tokens = seg.sentence_tokens(person.sentence);
            tokens
                .get(last + 1)
                .filter(|t| matches!(t.span.slice(text), "for" | "of" | "at"))
                .and_then(|_| tokens.get(last + 2))
                .and_then(|t| {
                    ex.mentions_starting_at(t.span.start)
                        .find(|&o| ex.mentions[o].entity_type == EntityType::Organization)
                })
        };
        if let Some(o) = inside.or(after) {
            if ex.mentions[o].entity != person.entity {
                let span = person.span.cover(ex.mentions[o].span);
                found.push((
                    RelationType::MemberOf,
                    p,
                    o,
                    span,
                    person.sentence,
                    "role-of-organization",
                    0.75,
                ));
            }
        }
    }
    // "(Jane Roe/AP Photo)": a photographer's credit names the agency.
    for (p, person) in ex.mentions.iter().enumerate() {
        if person.entity_type != EntityType::Person
            || person.kind != MentionKind::Named
            || !text[person.span.end..].starts_with('/')
        {
            continue;
        }
        if let Some(o) = ex
            .mentions_starting_at(person.span.end + 1)
            .find(|&o| ex.mentions[o].entity_type == EntityType::Organization)
        {
            let span = person.span.cover(ex.mentions[o].span);
            found.push((
                RelationType::MemberOf,
                p,
                o,
                span,
                person.sentence,
                "photo-credit",
                0.7,
            ));
        }
    }
    // "the London attack", "the Lakeview terror attack": a place named inside an
    // event mention is where it happened.
    for (e, event) in ex.mentions.iter().enumerate() {
        if event.entity_type != EntityType::Event
            || !seg.sentences[event.sentence].zone.is_article_voice()
        {
            continue;
        }
        let inside = ex.mentions_within(event.span).find(|&p| {
            ex.mentions[p].entity_type == EntityType::Place
                && ex.mentions[p].kind == MentionKind::Named
                && ex.mentions[p].span != event.span
        });
        if let Some(p) = inside.filter(|&p| ex.mentions[p].entity != event.entity) {
            found.push((
                RelationType::LocatedIn,
                e,
                p,
                event.span,
                event.sentence,
                "place-modifies-event",
                0.75,
            ));
        }
    }
    // Nationality: "a 52-year-old Briton", "British Prime Minister X" -> the country, when
    // the article names it.
    for (m, mention) in ex.mentions.iter().enumerate() {
        if mention.entity_type != EntityType::Person
            || mention.kind == MentionKind::Pronoun
            || !seg.sentences[mention.sentence].zone.is_article_voice()
        {
            continue;
        }
        let tokens = seg.sentence_tokens(mention.sentence);
        let (first, last) = seg.token_bounds(mention.sentence, mention.span);
        let window = if mention.kind == MentionKind::Named {
            first.saturating_sub(4)..first
        } else {
            first..last + 1
        };
        let Some((country, at)) = window
            .clone()
            .find_map(|k| kb.demonym(tokens[k].span.slice(text)).map(|q| (q, k)))
        else {
            continue;
        };
        // A demonym before a name must modify it: only titles may stand between.
        if mention.kind == MentionKind::Named
            && !(at + 1..first).all(|k| lexicon::is_title_word(tokens[k].span.slice(text)))
        {
            continue;
        }
        let place = ex
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.entity_type == EntityType::Place
                    && ex.entities[p.entity]
                        .link
                        .as_ref()
                        .is_some_and(|l| l.qid == country)
            })
            .min_by_key(|(_, p)| p.span.start.abs_diff(mention.span.start))
            .map(|(i, _)| i);
        // The person's name, where the article gives one, is the clearer argument.
        let person = ex.entities[mention.entity]
            .mentions
            .iter()
            .copied()
            .filter(|&n| ex.mentions[n].kind == MentionKind::Named)
            .min_by_key(|&n| ex.mentions[n].span.start.abs_diff(mention.span.start))
            .unwrap_or(m);
        if let Some(place) = place {
            let evidence = Span::new(
                tokens[at].span.start,
                mention.span.end.max(tokens[at].span.end),
            )
            .cover(mention.span);
            found.push((
                RelationType::CitizenOf,
                person,
                place,
                evidence,
                mention.sentence,
                "demonym",
                0.7,
            ));
        }
    }
    // What the sentence's grammar states and no word pattern above already found in the
    // same sentence.
    for fact in super::grammar::relations(text, seg, ex, syntax) {
        let same = |f: &FoundRelation| {
            f.0 == fact.0
                && f.4 == fact.4
                && ex.mentions[f.1].entity == ex.mentions[fact.1].entity
                && ex.mentions[f.2].entity == ex.mentions[fact.2].entity
        };
        if !found.iter().any(same) {
            found.push(fact);
        }
    }
    // People described as attackers are perpetrators of the article's main attack, unless
    // the text already names the attack they carried out ("one of the shooters in the
    // 2015 attack").
    if let Some(attack) = main_attack(text, ex) {
        for (e, entity) in ex.entities.iter().enumerate() {
            let named_their_attack = found
                .iter()
                .any(|f| f.0 == RelationType::PerpetratorOf && ex.mentions[f.1].entity == e);
            if entity.entity_type != EntityType::Person
                || named_their_attack
                || !entity.roles.iter().any(|r| {
                    [
                        "attacker",
                        "assailant",
                        "gunman",
                        "bomber",
                        "perpetrator",
                        "killer",
                    ]
                    .iter()
                    .any(|w| r.to_lowercase().contains(w))
                })
            {
                continue;
            }
            let Some(&m) = entity
                .mentions
                .iter()
                .find(|&&m| ex.mentions[m].kind == MentionKind::Named)
                .or(entity.mentions.first())
            else {
                continue;
            };
            let Some(&target) = ex.entities[attack].mentions.first() else {
                continue;
            };
            if e != attack {
                found.push((
                    RelationType::PerpetratorOf,
                    m,
                    target,
                    ex.mentions[m].span,
                    ex.mentions[m].sentence,
                    "attacker-role",
                    0.6,
                ));
            }
        }
    }
    for (relation_type, subject, object, span, sentence, name, confidence) in found {
        let key = (
            relation_type,
            ex.mentions[subject].entity,
            ex.mentions[object].entity,
        );
        if ex.relations.iter().any(|r| {
            (
                r.relation_type,
                ex.mentions[r.subject].entity,
                ex.mentions[r.object].entity,
            ) == key
                && r.evidence.span == span
        }) {
            continue;
        }
        let claimed_in = ex.quote_containing(span);
        ex.relations.push(Relation {
            relation_type,
            subject,
            object,
            evidence: Evidence {
                sentence,
                span,
                method: Method::Pattern(name),
                confidence,
            },
            claimed_in,
        });
    }

    for (person, status, span, sentence, name) in statuses {
        let entity = ex.mentions[person].entity;
        if ex.statuses.iter().any(|f| {
            ex.mentions[f.person].entity == entity && f.status == status && f.evidence.span == span
        }) {
            continue;
        }
        let claimed_in = ex.quote_containing(span);
        ex.statuses.push(StatusFact {
            person,
            status,
            evidence: Evidence {
                sentence,
                span,
                method: Method::Pattern(name),
                confidence: 0.75,
            },
            claimed_in,
        });
    }
}

fn nearest_before(
    ex: &Extraction,
    s: &Sentence,
    i: usize,
    types: &[EntityType],
) -> Option<MentionId> {
    let before = s.tokens.get(i)?.span.start;
    s.mentions
        .iter()
        .copied()
        .filter(|&m| {
            ex.mentions[m].span.end <= before && types.contains(&ex.mentions[m].entity_type)
        })
        .max_by_key(|&m| ex.mentions[m].span.end)
}

/// The attack-like event entity with the most mentions.
fn main_attack(text: &str, ex: &Extraction) -> Option<usize> {
    let is_attack = |m: MentionId| {
        ex.mentions[m]
            .span
            .slice(text)
            .split_whitespace()
            .last()
            .is_some_and(|w| contains(&lexicon::ATTACK_HEADS, w))
    };
    ex.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.entity_type == EntityType::Event && e.mentions.iter().any(|&m| is_attack(m))
        })
        .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The relations found in an invented article, as (type, subject, object) texts.
    /// Each legal status with the words of the person's entity name it is stated of.
    fn statuses_in(text: &str) -> Vec<(String, LegalStatus)> {
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        let mut out: Vec<(String, LegalStatus)> = ex
            .statuses
            .iter()
            .map(|f| {
                (
                    ex.entities[ex.mentions[f.person].entity].name.clone(),
                    f.status,
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn what_happened_to_people_at_the_hands_of_the_law() {
        use LegalStatus::*;
        let text = "Police arrested a 41-year-old woman in Leeds on Saturday. She was later \
                    charged with robbery. A man, aged 19, was released without charge. Jan \
                    Roe, 45, has not been charged and remains in custody. Dana Whit was \
                    released on bail. Tom Reyes charged at the officers, and he arrested \
                    nobody.";
        let got = statuses_in(text);
        let expected = [
            ("A 41-year-old woman", Arrested),
            ("A 41-year-old woman", Charged),
            ("A man", Released),
            ("A man", NotCharged),
            ("Jan Roe", NotCharged),
            ("Jan Roe", InCustody),
            ("Dana Whit", Bailed),
        ];
        for (name, status) in expected {
            assert!(
                got.iter()
                    .any(|g| g.0.eq_ignore_ascii_case(name) && g.1 == status),
                "{name} {status:?} missing from {got:?}"
            );
        }
        // An active verb ("Reyes charged at the officers") and a negated one give none.
        assert!(!got.iter().any(|g| g.0 == "Tom Reyes"), "{got:?}");
        assert!(
            !got.iter().any(|g| g.0 == "Jan Roe" && g.1 == Charged),
            "{got:?}"
        );
        assert_eq!(got.len(), expected.len(), "{got:?}");
    }

    fn relations_in(text: &str) -> Vec<(RelationType, String, String)> {
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        let name = |m: MentionId| ex.mentions[m].span.slice(text).to_owned();
        ex.relations
            .iter()
            .map(|r| (r.relation_type, name(r.subject), name(r.object)))
            .collect()
    }

    /// Whether `found` holds the relation `t` from `subject` to `object`.
    fn has(
        found: &[(RelationType, String, String)],
        t: RelationType,
        subject: &str,
        object: &str,
    ) -> bool {
        found
            .iter()
            .any(|(ft, s, o)| *ft == t && s == subject && o == object)
    }

    /// Asserts that `found` holds every expected relation.
    fn assert_has_all(
        found: &[(RelationType, String, String)],
        expected: &[(RelationType, &str, &str)],
    ) {
        for &(t, subject, object) in expected {
            assert!(
                has(found, t, subject, object),
                "{t:?} {subject} {object}: {found:?}"
            );
        }
    }

    #[test]
    fn a_based_place_belongs_to_the_organisation_it_describes() {
        let found = relations_in(
            "The Leeds-based Acme Corporation hired staff. Although Vodafone is \
             Germany-based, its parent company, Oxfam, disagreed.",
        );
        assert_has_all(
            &found,
            &[
                (RelationType::LocatedIn, "Acme Corporation", "Leeds"),
                (RelationType::LocatedIn, "Vodafone", "Germany"),
            ],
        );
        assert!(
            !has(
                &found,
                RelationType::LocatedIn,
                "its parent company",
                "Germany"
            ) && !has(&found, RelationType::LocatedIn, "Oxfam", "Germany"),
            "{found:?}"
        );
    }

    #[test]
    fn agents_carry_out_events_and_events_happen_in_places() {
        let found = relations_in(
            "Investigators believe Tomas Brandt carried out the bombing. \
             The riot that unfolded in the centre of Velmora City lasted an hour.",
        );
        assert!(
            found.contains(&(
                RelationType::PerpetratorOf,
                "Tomas Brandt".to_owned(),
                "the bombing".to_owned()
            )),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(t, s, o)| *t == RelationType::LocatedIn
                && s == "The riot"
                && o.contains("Velmora")),
            "{found:?}"
        );
    }

    #[test]
    fn events_and_places_located_by_their_names_and_possessors() {
        let found = relations_in(
            "Police said the Lakeview Bridge attack was planned. Witnesses saw the attack \
             carried out in Riverton on Monday. Crowds filled Riverton's Lakeview Bridge.",
        );
        let has =
            |subject: &str, object: &str| has(&found, RelationType::LocatedIn, subject, object);
        assert!(
            has("the Lakeview Bridge attack", "Lakeview Bridge"),
            "{found:?}"
        );
        assert!(has("the attack", "Riverton"), "{found:?}");
        assert!(has("Lakeview Bridge", "Riverton"), "{found:?}");
    }

    #[test]
    fn where_people_live_and_work() {
        let found = relations_in(
            "Detectives searched a flat in Tarnow, Poland, where Jan Kowalczyk had been \
             living. Kowalczyk also worked in Norway as a welder.",
        );
        let has =
            |subject: &str, object: &str| has(&found, RelationType::ResidentOf, subject, object);
        assert!(has("Jan Kowalczyk", "Tarnow"), "{found:?}");
        assert!(has("Kowalczyk", "Norway"), "{found:?}");
    }

    #[test]
    fn a_light_verb_with_an_event_object_makes_participants() {
        let found = relations_in(
            "As the storm passed, police made another arrest in Tarnow. \
             Last year, regulators fought a legal battle with the carmaker Velmora Motors. \
             The Ostrava Port Authority held a meeting with Halvorsen Holdings on Friday.",
        );
        let has =
            |subject: &str, object: &str| has(&found, RelationType::ParticipantIn, subject, object);
        assert!(has("police", "another arrest"), "{found:?}");
        assert!(has("Velmora Motors", "a legal battle"), "{found:?}");
        assert!(has("Ostrava Port Authority", "a meeting"), "{found:?}");
        assert!(has("Halvorsen Holdings", "a meeting"), "{found:?}");
    }

    #[test]
    fn arrests_victims_and_participants_in_active_sentences() {
        let found = relations_in(
            "Detectives arrested a 41-year-old man in Leeds on Monday. \
             The explosion injured Maria Lindqvist, a nurse. \
             Mayor Peter Osei attended the vigil on Saturday.",
        );
        let has = |t: RelationType, subject: &str, object: &str| has(&found, t, subject, object);
        assert!(
            has(RelationType::ArrestedIn, "a 41-year-old man", "Leeds"),
            "{found:?}"
        );
        assert!(
            has(RelationType::VictimOf, "Maria Lindqvist", "The explosion"),
            "{found:?}"
        );
        assert!(
            has(RelationType::ParticipantIn, "Peter Osei", "the vigil"),
            "{found:?}"
        );
    }

    #[test]
    fn victims_in_a_list_and_perpetrators_named_by_their_act() {
        let found = relations_in(
            "The explosion that left two cyclists and a nurse injured shook the town.              Police said one of the gunmen in the 2019 raid had trained abroad.              Police believe Tom Vance acted alone in the shooting.              A militant group claimed credit for the bombing.",
        );
        let has = |t: RelationType, subject: &str, object: &str| has(&found, t, subject, object);
        for (t, subject, object) in [
            (RelationType::VictimOf, "a nurse", "The explosion"),
            (
                RelationType::PerpetratorOf,
                "one of the gunmen",
                "the 2019 raid",
            ),
            (RelationType::PerpetratorOf, "Tom Vance", "the shooting"),
            (
                RelationType::PerpetratorOf,
                "A militant group",
                "the bombing",
            ),
        ] {
            assert!(
                has(t, subject, object),
                "{t:?} {subject} {object}: {found:?}"
            );
        }
        let interview = relations_in(
            "Mayor Ilse Varga visited the harbour on Monday. \
             “We will rebuild the pier and the market quickly,” she said, in a BBC interview. \
             The minister held a meeting with Jane Holloway on Friday.",
        );
        for (subject, object) in [
            ("BBC", "a BBC interview"),
            ("she", "a BBC interview"),
            ("Jane Holloway", "a meeting"),
        ] {
            assert!(
                interview
                    .iter()
                    .any(|(t, s, o)| *t == RelationType::ParticipantIn
                        && s == subject
                        && o == object),
                "{subject} in {object}: {interview:?}"
            );
        }
        // The gunman's attack is the one the sentence names, not the article's first.
        assert!(!has(
            RelationType::PerpetratorOf,
            "one of the gunmen",
            "The explosion"
        ));
    }

    #[test]
    fn subjects_are_found_over_a_parenthetical_and_objects_after_the() {
        let found = relations_in(
            "Tomas Brandt, who works for Velmora Energy, was arrested in the United States. \
             Peter Halloran, a member of the Green Party, lives in Bristol. \
             Peter Halloran joined Acme Group in 2010.",
        );
        assert_has_all(
            &found,
            &[
                (RelationType::MemberOf, "Tomas Brandt", "Velmora Energy"),
                (RelationType::ArrestedIn, "Tomas Brandt", "United States"),
                (RelationType::MemberOf, "Peter Halloran", "Green Party"),
                (RelationType::ResidentOf, "Peter Halloran", "Bristol"),
                (RelationType::MemberOf, "Peter Halloran", "Acme Group"),
            ],
        );
    }

    #[test]
    fn a_relative_clause_names_the_owner_and_a_modifier_is_no_employer() {
        let found = relations_in(
            "Brightline Ltd, which Vantage Group bought in 2012, grew fast. \
             Jan Roe, head of the European Union police agency Europol, spoke.",
        );
        assert!(
            has(
                &found,
                RelationType::OwnedBy,
                "Brightline Ltd",
                "Vantage Group"
            ),
            "{found:?}"
        );
        assert!(
            has(&found, RelationType::MemberOf, "Jan Roe", "Europol"),
            "{found:?}"
        );
        assert!(
            !has(&found, RelationType::MemberOf, "Jan Roe", "European Union"),
            "{found:?}"
        );
    }

    #[test]
    fn subsidiaries_owners_in_relative_clauses_and_where_people_are_from() {
        let found = relations_in(
            "Brightline Ltd, a subsidiary of Vantage Group, makes sensors. \
             Acme Corp, which owns Zorvex Ltd, declined to comment. \
             Corvana Ltd is a unit of Vantage Group. \
             Jan Roe, 45, from Leeds, was charged. A 38-year-old man from Bradford was held. \
             Acme Corp's chief executive, Dana Whit, resigned.",
        );
        assert_has_all(
            &found,
            &[
                (RelationType::OwnedBy, "Brightline Ltd", "Vantage Group"),
                (RelationType::OwnedBy, "Zorvex Ltd", "Acme Corp"),
                (RelationType::OwnedBy, "Corvana Ltd", "Vantage Group"),
                (RelationType::ResidentOf, "Jan Roe", "Leeds"),
                (RelationType::ResidentOf, "A 38-year-old man", "Bradford"),
                (
                    RelationType::MemberOf,
                    "Acme Corp's chief executive",
                    "Acme Corp",
                ),
            ],
        );
    }

    #[test]
    fn a_claim_made_through_a_service_is_the_claimers() {
        let found = relations_in(
            "Police said the Vessel Brigade used Telegram to claim credit for the bombing.",
        );
        assert!(
            has(
                &found,
                RelationType::PerpetratorOf,
                "Vessel Brigade",
                "the bombing"
            ),
            "{found:?}"
        );
        assert!(
            !has(
                &found,
                RelationType::PerpetratorOf,
                "Telegram",
                "the bombing"
            ),
            "{found:?}"
        );
    }
}
