//! Quotations: direct quotations between straight or curly marks (split, multi-sentence and
//! multi-paragraph ones too) and reported speech ("Roe said prices ... would ..."), each
//! attributed to a speaker mention through the speech verb next to it.

use super::lexicon::{self, contains, WordList};
use super::{EntityType, Evidence, Extraction, MentionId, MentionKind, Method, Quote};
use crate::segment::{Segmented, Token, TokenKind, Zone};
use crate::span::Span;

const OPEN_MARKS: &[char] = &['“', '"', '«', '„'];
const CLOSE_MARKS: &[char] = &['”', '"', '»', '“'];

/// Words between a speaker and the verb, or after the verb, that do not change who spoke.
static FILLERS: WordList = WordList::new(&[
    "also",
    "initially",
    "later",
    "then",
    "previously",
    "has",
    "have",
    "had",
    "once",
    "again",
    "repeatedly",
    "on",
    "late",
    "last",
    "night",
    "morning",
    "afternoon",
    "evening",
    "earlier",
    "today",
    "yesterday",
    "in",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "recently",
    "further",
    "simply",
    "only",
    "just",
    "quickly",
    "told",
    "reporters",
]);

/// Finds the quotations of a document and attributes them.
pub fn extract(text: &str, seg: &Segmented, ex: &mut Extraction) {
    let mut last_speaker: Option<(usize, MentionId)> = None; // (paragraph, speaker)
    for (p, paragraph) in seg.paragraphs.iter().enumerate() {
        if matches!(
            paragraph.zone,
            Zone::Header | Zone::Section | Zone::Related | Zone::Promo
        ) {
            continue;
        }
        for (open, close) in quote_pairs(paragraph.span.slice(text)) {
            let content =
                Span::new(paragraph.span.start + open, paragraph.span.start + close).trim(text);
            if content.is_empty() {
                continue;
            }
            let Some(sentence) = seg.sentence_at(content.start) else {
                continue;
            };
            let words = content.slice(text).split_whitespace().count();
            let attribution = attribute_direct(text, seg, ex, content);
            let speech_before = seg.sentence_tokens(sentence).iter().any(|t| {
                t.span.end <= content.start && contains(&lexicon::SPEECH_VERBS, t.span.slice(text))
            });
            if attribution.is_none() && words < 3 && !speech_before {
                continue; // scare quotes: a “back door” system
            }
            let (speaker, verb, addressee, confidence) = match attribution {
                Some(a) => (Some(a.speaker), Some(a.verb), a.addressee, 0.9),
                // A quotation that continues the last speaker's words in the same or the next paragraph.
                None => match last_speaker {
                    Some((lp, s))
                        if lp == p
                            || (lp + 1 == p && opens_paragraph(text, paragraph.span, content)) =>
                    {
                        (Some(s), None, None, 0.6)
                    }
                    _ => (None, None, None, 0.5),
                },
            };
            if let Some(s) = speaker {
                last_speaker = Some((p, s));
            }
            ex.quotes.push(Quote {
                span: content,
                direct: true,
                speaker,
                verb,
                addressee,
                evidence: Evidence {
                    sentence,
                    span: content,
                    method: Method::DirectQuote,
                    confidence,
                },
            });
        }
    }
    reported_speech(text, seg, ex);
    // A short quotation inside reported speech ("claimed the driver was a “hero”") is
    // the reported speaker's word.
    let reported: Vec<(Span, Option<MentionId>, Option<String>)> = ex
        .quotes
        .iter()
        .filter(|q| !q.direct && q.speaker.is_some())
        .map(|q| (q.span, q.speaker, q.verb.clone()))
        .collect();
    for q in ex
        .quotes
        .iter_mut()
        .filter(|q| q.direct && q.speaker.is_none())
    {
        if let Some((_, speaker, verb)) = reported.iter().find(|(span, ..)| span.contains(q.span)) {
            q.speaker = *speaker;
            q.verb.clone_from(verb);
        }
    }
    ex.quotes.sort_by_key(|q| q.span.start);
}

/// Byte ranges (inside the marks) of the quotations in a paragraph. An opening mark with
/// no closing one runs to the paragraph's end (a quotation continued in the next one).
fn quote_pairs(paragraph: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in paragraph.char_indices() {
        match open {
            None if OPEN_MARKS.contains(&c) => {
                // A straight quote after a letter is an apostrophe-like use, not an opening.
                let prev = paragraph[..i].chars().next_back();
                if c == '"' && prev.is_some_and(char::is_alphanumeric) {
                    continue;
                }
                open = Some(i + c.len_utf8());
            }
            Some(start)
                if CLOSE_MARKS.contains(&c) && !(c == '“' && paragraph[start..i].is_empty()) =>
            {
                if c == '“' {
                    // Curly opening inside an open quotation: a new quotation starts.
                    open = Some(i + c.len_utf8());
                    continue;
                }
                pairs.push((start, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        if paragraph.len() - start > 20 {
            pairs.push((start, paragraph.len()));
        }
    }
    pairs
}

struct Attribution {
    speaker: MentionId,
    verb: String,
    addressee: Option<MentionId>,
}

fn is_speaker(ex: &Extraction, m: MentionId) -> bool {
    matches!(
        ex.mentions[m].entity_type,
        EntityType::Person | EntityType::Organization
    )
}

/// The mention that starts at a token, preferring the longest.
fn mention_starting(ex: &Extraction, token: &Token) -> Option<MentionId> {
    ex.mentions_starting_at(token.span.start)
        .max_by_key(|&m| ex.mentions[m].span.len())
}

/// The mention that ends at a token, preferring the longest.
fn mention_ending(ex: &Extraction, token: &Token) -> Option<MentionId> {
    ex.mentions_ending_at(token.span.end)
        .max_by_key(|&m| (ex.mentions[m].span.len(), m))
}

fn attribute_direct(
    text: &str,
    seg: &Segmented,
    ex: &Extraction,
    content: Span,
) -> Option<Attribution> {
    let p = seg.paragraphs.partition_point(|p| p.span.end < content.end);
    let paragraph = seg.paragraphs.get(p).filter(|p| p.span.contains(content))?;
    let from = seg
        .tokens
        .partition_point(|t| t.span.start < paragraph.span.start);
    let to = seg
        .tokens
        .partition_point(|t| t.span.end <= paragraph.span.end);
    let tokens: Vec<&Token> = seg.tokens[from..to.max(from)].iter().collect();
    let after: Vec<&Token> = tokens
        .iter()
        .copied()
        .filter(|t| t.span.start >= content.end)
        .skip_while(|t| t.kind == TokenKind::Punct)
        .take(8)
        .collect();
    // ”, she said / ,” Roe said Saturday / ” said Jim Roe
    if let Some(first) = after.first() {
        if let Some(attribution) = recent_subject_said(text, seg, ex, content, &after) {
            return Some(attribution);
        }
        if contains(&lexicon::SPEECH_VERBS, first.span.slice(text)) {
            if let Some(next) = after.get(1) {
                if let Some(m) = mention_starting(ex, next).filter(|&m| is_speaker(ex, m)) {
                    return Some(Attribution {
                        speaker: m,
                        verb: first.span.slice(text).to_owned(),
                        addressee: None,
                    });
                }
            }
        }
        if let Some(m) = mention_starting(ex, first).filter(|&m| is_speaker(ex, m)) {
            let end = ex.mentions[m].span.end;
            let rest: Vec<&&Token> = after.iter().filter(|t| t.span.start >= end).collect();
            for t in rest.iter().take(3) {
                let w = t.span.slice(text);
                if contains(&lexicon::SPEECH_VERBS, w) {
                    return Some(Attribution {
                        speaker: m,
                        verb: w.to_owned(),
                        addressee: addressee_after(ex, &after, t),
                    });
                }
                if !contains(&FILLERS, w) {
                    break;
                }
            }
        }
    }
    // Roe said: “...” / Roe told Harbour Radio “...” / ..., saying only “...”
    let before: Vec<&Token> = tokens
        .iter()
        .copied()
        .filter(|t| t.span.end <= content.start)
        .collect();
    let sentence_start = seg
        .sentence_at(content.start)
        .map_or(paragraph.span.start, |s| seg.sentences[s].span.start);
    let mut k = before.len();
    while k > 0 && (before[k - 1].kind == TokenKind::Punct) && before.len() - k < 3 {
        k -= 1;
    }
    // The verb may be followed by an addressee ("told Sky News:") or by the reported
    // clause the quotation sits in ("claimed the driver was a “hero”").
    for v in (0..k).rev() {
        if before[v].span.start < sentence_start {
            break;
        }
        let w = before[v].span.slice(text);
        if !contains(&lexicon::SPEECH_VERBS, w) {
            continue;
        }
        if let Some(speaker) = subject_of(text, ex, &before, v, sentence_start) {
            // Only "told" takes its addressee as object: "claimed Roe was a “hero”" does not.
            let addressee = before
                .get(v + 1)
                .filter(|_| matches!(w, "told" | "tells" | "telling"))
                .and_then(|t| mention_starting(ex, t))
                .filter(|&m| {
                    matches!(
                        ex.mentions[m].entity_type,
                        EntityType::Organization | EntityType::Person
                    )
                });
            return Some(Attribution {
                speaker,
                verb: w.to_owned(),
                addressee,
            });
        }
    }
    None
}

/// ”, it said / ,” they said / ,” the statement said: the speaker is the subject of a
/// recent sentence, an organisation ("Acme says it is ...") or, for a statement, whoever
/// issued it ("The family released a statement").
fn recent_subject_said(
    text: &str,
    seg: &Segmented,
    ex: &Extraction,
    content: Span,
    after: &[&Token],
) -> Option<Attribution> {
    let word = |i: usize| after.get(i).map_or("", |t| t.span.slice(text));
    let (verb_at, statement) = match word(0) {
        "it" | "they" => (1, false),
        "the" | "a" | "their" | "its" if word(1) == "statement" => (2, true),
        _ => return None,
    };
    let verb = word(verb_at);
    if !contains(&lexicon::SPEECH_VERBS, verb) {
        return None;
    }
    let wanted = |m: MentionId| {
        let mention = &ex.mentions[m];
        mention.kind != MentionKind::Pronoun
            && match (statement, word(0)) {
                (true, _) => is_speaker(ex, m),
                (false, "it") => mention.entity_type == EntityType::Organization,
                _ => {
                    is_speaker(ex, m) && mention.kind == MentionKind::Named
                        || mention.entity_type == EntityType::Organization
                }
            }
    };
    let current = seg.sentence_at(content.start)?;
    let paragraph = seg.sentences[current].paragraph;
    for s in (current.saturating_sub(3)..=current).rev() {
        let sentence = &seg.sentences[s];
        if sentence.paragraph + 1 < paragraph {
            break;
        }
        let Some(first) = seg.sentence_tokens(s).first() else {
            continue;
        };
        if statement
            && !seg
                .sentence_tokens(s)
                .iter()
                .any(|t| t.span.slice(text) == "statement")
        {
            continue;
        }
        if let Some(m) = ex
            .mentions_starting_at(first.span.start)
            .filter(|&m| wanted(m))
            .max_by_key(|&m| ex.mentions[m].span.len())
        {
            return Some(Attribution {
                speaker: m,
                verb: verb.to_owned(),
                addressee: None,
            });
        }
    }
    None
}

/// Whether a quotation opens its paragraph (only its opening mark before it).
fn opens_paragraph(text: &str, paragraph: Span, content: Span) -> bool {
    text[paragraph.start..content.start]
        .trim()
        .chars()
        .all(|c| OPEN_MARKS.contains(&c))
}

/// "The leader of Britain's House of Commons says", "a spokesman for Acme said": the
/// speaker is the person the phrase is headed by, not the body named after "of"/"for".
fn head_of_phrase(
    text: &str,
    ex: &Extraction,
    tokens: &[&Token],
    m: MentionId,
    sentence_start: usize,
) -> Option<MentionId> {
    let mut i = tokens
        .iter()
        .position(|t| t.span.start >= ex.mentions[m].span.start)?;
    // Step over a possessor ("Britain's") in front of the mention.
    if i >= 2 && matches!(tokens[i - 1].span.slice(text), "’s" | "'s") {
        let possessor = mention_ending(ex, tokens[i - 2])?;
        i = tokens
            .iter()
            .position(|t| t.span.start >= ex.mentions[possessor].span.start)?;
    }
    if i < 2
        || !matches!(tokens[i - 1].span.slice(text), "of" | "for" | "at")
        || tokens[i - 2].span.start < sentence_start
    {
        return None;
    }
    mention_ending(ex, tokens[i - 2]).filter(|&h| ex.mentions[h].entity_type == EntityType::Person)
}

fn addressee_after(ex: &Extraction, after: &[&Token], verb: &Token) -> Option<MentionId> {
    let i = after.iter().position(|t| t.span == verb.span)?;
    // "told Sky News", "told the Coastal Gazette"
    (i + 1..=i + 2)
        .find_map(|k| after.get(k).and_then(|t| mention_starting(ex, t)))
        .filter(|&m| is_speaker(ex, m))
}

/// The speaker of a verb: a person or organisation just before it (adverbs allowed), or,
/// for a participle ("saying"), the first person of the sentence.
fn subject_of(
    text: &str,
    ex: &Extraction,
    tokens: &[&Token],
    verb: usize,
    sentence_start: usize,
) -> Option<MentionId> {
    let mut k = verb;
    while k > 0 {
        k -= 1;
        if tokens[k].span.start < sentence_start {
            break;
        }
        if let Some(m) = mention_ending(ex, tokens[k]).filter(|&m| is_speaker(ex, m)) {
            return Some(head_of_phrase(text, ex, tokens, m, sentence_start).unwrap_or(m));
        }
        let w = tokens[k].span.slice(text);
        if w == "," {
            // An apposition or a relative clause between subject and verb: "Jane Roe, head
            // of Acme, said", "the Acme group, which ..., has claimed".
            let open = (k.saturating_sub(30)..k).rev().find(|&j| {
                tokens[j].span.slice(text) == ","
                    && tokens[j].span.start >= sentence_start
                    && (k - j <= 14
                        || tokens
                            .get(j + 1)
                            .is_some_and(|t| matches!(t.span.slice(text), "which" | "who")))
            });
            let mut j = open.and_then(|j| j.checked_sub(1));
            // Over an organisation's head noun: "the Acme group, ...".
            while let Some(h) = j.filter(|&h| {
                h > 0 && contains(&lexicon::ORGANIZATION_HEADS, tokens[h].span.slice(text))
            }) {
                if mention_ending(ex, tokens[h]).is_some() {
                    break;
                }
                j = Some(h - 1);
            }
            if let Some(m) = j
                .and_then(|j| mention_ending(ex, tokens[j]))
                .filter(|&m| is_speaker(ex, m))
            {
                return Some(m);
            }
            break;
        }
        // "the Acme group said": the name before an organisation's head noun speaks.
        if !(contains(&FILLERS, w)
            || w.ends_with("ly")
            || contains(&lexicon::ORGANIZATION_HEADS, w))
        {
            if let Some(m) = post_modified_subject(text, ex, tokens, verb, sentence_start) {
                return Some(m);
            }
            break;
        }
    }
    if tokens[verb].span.slice(text).ends_with("ing") {
        let verb_start = tokens[verb].span.start;
        return ex
            .mentions
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                m.span.start >= sentence_start
                    && m.span.end <= verb_start
                    && m.kind != MentionKind::Pronoun
                    && is_speaker(ex, *i)
            })
            .map(|(i, _)| i)
            .next();
    }
    None
}

/// Words that open a modifier after a noun: a participle ("police investigating the
/// case say"), or a relative pronoun ("officials who spoke to reporters said").
fn opens_post_modifier(word: &str) -> bool {
    (word.len() > 5 && word.ends_with("ing"))
        || matches!(word, "who" | "based" | "familiar" | "close" | "involved")
}

/// The speaker of a verb separated from it by a modifier of a few words, with no
/// punctuation: "police investigating the fire say", "officials familiar with the talks
/// said".
fn post_modified_subject(
    text: &str,
    ex: &Extraction,
    tokens: &[&Token],
    verb: usize,
    sentence_start: usize,
) -> Option<MentionId> {
    let mut k = verb;
    while k > 1 && verb - k < 10 {
        k -= 1;
        let t = tokens[k];
        if t.span.start < sentence_start || t.kind == TokenKind::Punct {
            return None;
        }
        let w = t.span.slice(text);
        if contains(&lexicon::REPORTING_VERBS, w) {
            return None;
        }
        if opens_post_modifier(w) && k + 1 < verb {
            if let Some(m) = mention_ending(ex, tokens[k - 1]).filter(|&m| is_speaker(ex, m)) {
                return Some(m);
            }
        }
    }
    None
}

/// Words that, after a comma, end a reported clause ("..., but ultimately found ...").
static CLAUSE_BREAKS: WordList = WordList::new(&[
    "but",
    "who",
    "which",
    "according",
    "while",
    "whereas",
    "although",
    "though",
    "adding",
]);

/// Words that join clauses, which no speaker's role between a comma and the speaker's
/// name holds ("..., and then Jane Roe said").
static CONNECTIVES: WordList = WordList::new(&[
    "and", "or", "so", "then", "when", "as", "because", "if", "that", "where", "after", "before",
]);

/// Whether a reported clause may hold these direct quotations: only short ones inside it
/// ("the driver was a “hero” who ..."), not a long quotation of its own.
fn only_short_quotes_inside(text: &str, ex: &Extraction, clause: Span) -> bool {
    ex.quotes
        .iter()
        .filter(|d| d.span.overlaps(clause))
        .all(|d| clause.contains(d.span) && d.span.slice(text).split_whitespace().count() <= 6)
}

fn reported(
    sentence: usize,
    sentence_span: Span,
    clause: Span,
    speaker: Option<MentionId>,
    verb: &str,
    addressee: Option<MentionId>,
) -> Quote {
    Quote {
        span: clause,
        direct: false,
        speaker,
        verb: Some(verb.to_owned()),
        addressee,
        evidence: Evidence {
            sentence,
            span: sentence_span,
            method: Method::ReportedSpeech,
            confidence: 0.6,
        },
    }
}

/// "X said (that) CLAUSE." and "CLAUSE, X said (Sunday)."
fn reported_speech(text: &str, seg: &Segmented, ex: &mut Extraction) {
    let mut found = Vec::new();
    for (s, sentence) in seg.sentences.iter().enumerate() {
        if !sentence.zone.states_facts() {
            continue;
        }
        let tokens = seg.sentence_tokens(s);
        let refs: Vec<&Token> = tokens.iter().collect();
        for (v, t) in tokens.iter().enumerate() {
            let verb = t.span.slice(text);
            if contains(&APPEAL_VERBS, verb) {
                if let Some(quote) = appeal(text, ex, tokens, &refs, v, s, sentence.span) {
                    if !found.iter().any(|q: &Quote| q.span.overlaps(quote.span)) {
                        found.push(quote);
                        break;
                    }
                }
                continue;
            }
            if matches!(verb, "According" | "according") {
                if let Some((clause, speaker)) = according_to(text, ex, tokens, v) {
                    if only_short_quotes_inside(text, ex, clause)
                        && !found.iter().any(|q: &Quote| q.span.overlaps(clause))
                    {
                        found.push(reported(
                            s,
                            sentence.span,
                            clause,
                            Some(speaker),
                            "according to",
                            None,
                        ));
                        break;
                    }
                }
                continue;
            }
            let reports = contains(&lexicon::REPORTING_VERBS, verb)
                || (contains(&UNNAMED_SOURCES, verb) && unnamed_source(text, tokens, v));
            if !reports {
                continue;
            }
            // Inverted: "CLAUSE, a top official said Sunday."
            if let Some((clause, speaker, addressee)) = inverted(text, ex, tokens, v, sentence.span)
            {
                if only_short_quotes_inside(text, ex, clause) {
                    found.push(reported(
                        s,
                        sentence.span,
                        clause,
                        Some(speaker),
                        verb,
                        addressee,
                    ));
                    break;
                }
            }
            // "Press reports suggest ...", "amid reports that ...": a claim with no speaker
            // the article names.
            let speaker = match subject_of(text, ex, &refs, v, sentence.span.start) {
                Some(m) => Some(m),
                None if unnamed_source(text, tokens, v) => None,
                None => continue,
            };
            let fronted = opens_subordinate_clause(text, tokens, v);
            let Some((clause, addressee, end)) = claim_after(text, ex, tokens, v, fronted) else {
                continue;
            };
            if !only_short_quotes_inside(text, ex, clause)
                || found.iter().any(|q: &Quote| q.span.overlaps(clause))
            {
                continue;
            }
            found.push(reported(s, sentence.span, clause, speaker, verb, addressee));
            // "... say they believe X and say they have Y": the same speaker's next claim.
            let mut e = end;
            while let Some(next) = (e..tokens.len()).find_map(|k| coordinated_verb(text, tokens, k))
            {
                let Some((clause, addressee, next_end)) =
                    claim_after(text, ex, tokens, next, false)
                else {
                    break;
                };
                if !only_short_quotes_inside(text, ex, clause) {
                    break;
                }
                let verb = tokens[next].span.slice(text);
                found.push(reported(s, sentence.span, clause, speaker, verb, addressee));
                e = next_end;
            }
            break;
        }
    }
    ex.quotes.extend(found);
}

/// The reported clause after the reporting verb at `v`, past "that", time words and the
/// addressee ("told Sky News on Sunday that ..."): its span, the addressee, and the index
/// of the token after it. None when what follows is no clause of its own (an infinitive,
/// a prepositional phrase, a quotation).
fn claim_after(
    text: &str,
    ex: &Extraction,
    tokens: &[Token],
    v: usize,
    fronted: bool,
) -> Option<(Span, Option<MentionId>, usize)> {
    let verb = tokens[v].span.slice(text);
    let mut k = v + 1;
    let mut addressee = None;
    while k < tokens.len() {
        let w = tokens[k].span.slice(text);
        if verb == "told" && addressee.is_none() {
            if let Some((m, after)) = addressee_at(text, ex, tokens, k) {
                addressee = Some(m);
                k = after;
                continue;
            }
            // "told reporters that ...", "told the committee that ...": an addressee no
            // mention covers, a few words before "that".
            let that = (k + 1..tokens.len().min(k + 5))
                .find(|&j| tokens[j].span.slice(text) == "that")
                .filter(|&j| tokens[k..j].iter().all(|t| t.kind == TokenKind::Word));
            if let Some(that) = that {
                k = that + 1;
                break;
            }
            // "told reporters he would stay": the claim opens with its subject pronoun
            // after an addressee no mention covers. Without "that" or such a subject,
            // the words after "told" are whom and where it was told ("told reporters at
            // a briefing"), not a claim.
            let subject = (k + 1..tokens.len().min(k + 5))
                .find(|&j| {
                    matches!(
                        tokens[j].span.slice(text),
                        "he" | "she" | "they" | "it" | "we" | "I" | "there"
                    )
                })
                .filter(|&j| tokens[k..j].iter().all(|t| t.kind == TokenKind::Word));
            match subject {
                Some(subject) => {
                    k = subject;
                    break;
                }
                None => return None,
            }
        }
        let next = tokens.get(k + 1).map_or("", |t| t.span.slice(text));
        let after = tokens.get(k + 2).map_or("", |t| t.span.slice(text));
        k += if is_weekday(w) && matches!(next, "night" | "morning" | "afternoon" | "evening") {
            2
        } else if matches!(w, "that" | "," | "also" | "previously") || is_weekday(w) {
            1
        } else if (w == "on" && is_weekday(next))
            || (matches!(w, "last" | "late") && matches!(next, "night" | "week" | "month"))
        {
            2
        } else if w == "in"
            && matches!(next, "a" | "an")
            && matches!(after, "statement" | "interview" | "letter" | "post")
        {
            3
        } else {
            break;
        };
    }
    let mut end = clause_end(text, tokens, k);
    if fronted {
        // "While police said X, they ...": the claim ends with the fronted clause.
        end = (k..end)
            .find(|&e| tokens[e].span.slice(text) == ",")
            .unwrap_or(end);
    }
    if end <= k + 2 {
        return None;
    }
    let first = tokens[k].span.slice(text);
    // "claimed responsibility for", "claimed credit for": an act, not a claim.
    if matches!(first, "responsibility" | "credit")
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.span.slice(text) == "for")
    {
        return None;
    }
    // A clause starts with a subject, not with an infinitive or a preposition.
    if tokens[k].kind == TokenKind::Punct
        || matches!(
            first,
            "to" | "for"
                | "of"
                | "about"
                | "by"
                | "with"
                | "as"
                | "if"
                | "on"
                | "in"
                | "at"
                | "from"
                | "during"
                | "outside"
                | "according"
                | "“"
                | "\""
        )
    {
        return None;
    }
    Some((
        Span::new(tokens[k].span.start, tokens[end - 1].span.end),
        addressee,
        end,
    ))
}

/// The addressee of "told" that starts at token `k`, and the index of the token after it:
/// a mention, perhaps after "the" and a word or two that describe it ("told Italian
/// newspaper La Stampa"), with the name in apposition after it ("told the newspaper La
/// Stampa": the newspaper's name is the addressee).
fn addressee_at(
    text: &str,
    ex: &Extraction,
    tokens: &[Token],
    k: usize,
) -> Option<(MentionId, usize)> {
    let after = |m: MentionId| {
        tokens
            .iter()
            .position(|t| t.span.start >= ex.mentions[m].span.end)
            .unwrap_or(tokens.len())
    };
    let describing = |t: &Token| {
        let w = t.span.slice(text);
        t.kind == TokenKind::Word && !contains(&lexicon::SPEECH_VERBS, w) && w != "that"
    };
    // A pronoun after such words opens the claim ("told reporters she would stay"); only
    // right after the verb is it the addressee ("told her").
    let mut m = (k..tokens.len().min(k + 3))
        .take_while(|&j| j == k || describing(&tokens[j - 1]))
        .find_map(|j| {
            mention_starting(ex, &tokens[j])
                .filter(|&m| j == k || ex.mentions[m].kind != MentionKind::Pronoun)
        })?;
    let mut next = after(m);
    if let Some(named) = tokens.get(next).and_then(|t| mention_starting(ex, t)) {
        if ex.mentions[named].kind == MentionKind::Named
            && ex.mentions[m].kind != MentionKind::Named
        {
            m = named;
            next = after(named);
        }
    }
    // "told Ruritanian newspaper La Voce": a name read in the description (a country's
    // adjective) gives way to the name the description's word for an outlet or another
    // kind of organisation introduces.
    let described = (ex.mentions[m].kind == MentionKind::Named)
        .then(|| tokens.get(next))
        .flatten()
        .filter(|t| contains(&lexicon::ORGANIZATION_KINDS, t.span.slice(text)))
        .and_then(|_| tokens.get(next + 1))
        .and_then(|t| mention_starting(ex, t))
        .filter(|&named| ex.mentions[named].kind == MentionKind::Named);
    if let Some(named) = described {
        m = named;
        next = after(named);
    }
    Some((m, next))
}

/// "According to Acme, CLAUSE." and "CLAUSE, according to Acme.": the clause and its
/// source (the first person or organisation named in the "according to" phrase).
fn according_to(
    text: &str,
    ex: &Extraction,
    tokens: &[Token],
    v: usize,
) -> Option<(Span, MentionId)> {
    if tokens.get(v + 1)?.span.slice(text) != "to" {
        return None;
    }
    let comma = (v + 2..tokens.len().min(v + 10)).find(|&k| tokens[k].span.slice(text) == ",");
    let phrase_end = comma.unwrap_or(tokens.len());
    let speaker = (v + 2..phrase_end)
        .find_map(|k| mention_starting(ex, &tokens[k]).filter(|&m| is_speaker(ex, m)))?;
    let (from, to) = if v == 0 {
        let from = comma? + 1;
        (from, clause_end(text, tokens, from))
    } else if tokens[v - 1].span.slice(text) == "," {
        (0, v - 1)
    } else {
        return None;
    };
    if to < from + 3 || tokens[from].kind == TokenKind::Punct {
        return None;
    }
    Some((
        Span::new(tokens[from].span.start, tokens[to - 1].span.end),
        speaker,
    ))
}

/// Nouns for sources the article does not name.
static UNNAMED_SOURCES: WordList = WordList::new(&["reports", "sources", "documents", "records"]);

/// Whether the reporting word at `v` has an unnamed source: "press reports suggest",
/// "sources said", or the noun in "amid reports that".
fn unnamed_source(text: &str, tokens: &[Token], v: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.span.slice(text));
    let verb = word(v);
    (v > 0 && contains(&UNNAMED_SOURCES, word(v - 1)))
        || (contains(&UNNAMED_SOURCES, verb)
            && word(v + 1) == "that"
            && v > 0
            && matches!(word(v - 1), "amid" | "after" | "following" | "despite"))
}

/// Whether the verb at `v` sits in a clause fronted by a subordinator, before the main
/// clause's comma: "While police said X, they ...".
fn opens_subordinate_clause(text: &str, tokens: &[Token], v: usize) -> bool {
    tokens.first().is_some_and(|t| {
        matches!(
            t.span.slice(text),
            "While" | "Although" | "Though" | "As" | "Because" | "Since" | "Whereas"
        )
    }) && !tokens[..v].iter().any(|t| t.span.slice(text) == ",")
}

/// Where a reported clause starting at token `k` ends (exclusive): at the sentence's end
/// or at a clause break (", but ...", "when asked"), closing punctuation left out but for
/// quotation marks.
fn clause_end(text: &str, tokens: &[Token], k: usize) -> usize {
    let mut end = (k + 1..tokens.len())
        .find(|&e| {
            let w = tokens[e].span.slice(text);
            (w == ","
                && tokens
                    .get(e + 1)
                    .is_some_and(|n| contains(&CLAUSE_BREAKS, n.span.slice(text))))
                || (w == "when"
                    && tokens
                        .get(e + 1)
                        .is_some_and(|n| n.span.slice(text) == "asked"))
                || coordinated_verb(text, tokens, e).is_some()
        })
        .unwrap_or(tokens.len());
    while end > k
        && tokens[end - 1].kind == TokenKind::Punct
        && !matches!(tokens[end - 1].span.slice(text), "”" | "\"" | "’")
    {
        end -= 1;
    }
    end
}

/// Whether token `k` opens a second claim of the same speaker: "and say", "but added",
/// "— but said"; returns the index of its reporting verb.
fn coordinated_verb(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    if !matches!(tokens[k].span.slice(text), "and" | "but") {
        return None;
    }
    let v = if tokens.get(k + 1)?.span.slice(text) == "also" {
        k + 2
    } else {
        k + 1
    };
    contains(&lexicon::REPORTING_VERBS, tokens.get(v)?.span.slice(text)).then_some(v)
}

/// Verbs that report an appeal, whose content is an infinitive after the addressee:
/// "urged Acme to publish its accounts", "called on firms to ...".
static APPEAL_VERBS: WordList = WordList::new(&[
    "urge",
    "urged",
    "urges",
    "urging",
    "asked",
    "asks",
    "called",
    "calls",
    "pressed",
    "presses",
    "encouraged",
    "encourages",
    "appealed",
    "appeals",
]);

/// "X urged Y to VP": the infinitive "to VP ..." as reported speech of X, addressed to Y.
fn appeal(
    text: &str,
    ex: &Extraction,
    tokens: &[Token],
    refs: &[&Token],
    v: usize,
    sentence: usize,
    sentence_span: Span,
) -> Option<Quote> {
    let verb = tokens[v].span.slice(text);
    // "used interviews to urge ...", "urging ...": the sentence's first person speaks.
    let after_to = v > 0 && tokens[v - 1].span.slice(text) == "to";
    let speaker = subject_of(text, ex, refs, v, sentence_span.start).or_else(|| {
        after_to
            .then(|| {
                ex.mentions.iter().position(|m| {
                    m.span.start >= sentence_span.start
                        && m.span.end <= tokens[v].span.start
                        && m.entity_type == EntityType::Person
                        && m.kind == MentionKind::Named
                })
            })
            .flatten()
    })?;
    let mut k = v + 1;
    if matches!(verb, "called" | "calls") {
        (tokens.get(k)?.span.slice(text) == "on").then_some(())?;
        k += 1;
    }
    // "appealed for witnesses to come forward": the appeal is the whole phrase.
    let appealed = matches!(verb, "appealed" | "appeals");
    if appealed {
        (tokens.get(k)?.span.slice(text) == "for").then_some(())?;
        k += 1;
    }
    let to = (k..tokens.len().min(k + 16)).find(|&j| {
        tokens[j].span.slice(text) == "to"
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.span.slice(text).starts_with(|c: char| c.is_lowercase()))
    })?;
    let blocked = tokens[k..to].iter().any(|t| {
        t.kind == TokenKind::Punct
            && matches!(t.span.slice(text), "." | ";" | ":" | "“" | "”" | "\"")
    });
    let end = clause_end(text, tokens, to);
    if blocked || to == k || end <= to + 2 {
        return None;
    }
    // The addressee of "urged Acme to ..."; an appeal's whole phrase is its content.
    let addressee = if appealed {
        None
    } else {
        tokens[k..to].iter().find_map(|t| mention_starting(ex, t))
    };
    let from = if appealed { k } else { to };
    Some(reported(
        sentence,
        sentence_span,
        Span::new(tokens[from].span.start, tokens[end - 1].span.end),
        Some(speaker),
        verb,
        addressee,
    ))
}

fn is_weekday(word: &str) -> bool {
    word.len() > 3 && crate::date::weekday_index(word).is_some()
}

fn inverted(
    text: &str,
    ex: &Extraction,
    tokens: &[Token],
    v: usize,
    sentence: Span,
) -> Option<(Span, MentionId, Option<MentionId>)> {
    // The speaker mention ends right before the verb and is preceded by a comma.
    let before = tokens.get(v.checked_sub(1)?)?;
    let m = mention_ending(ex, before).filter(|&m| is_speaker(ex, m))?;
    let comma = tokens
        .iter()
        .rposition(|t| t.span.end <= ex.mentions[m].span.start && t.span.slice(text) == ",")?;
    // Between the comma and the speaker, at most the speaker's role in lower case
    // ("..., chief executive Omar Haddad said"), no clause of its own ("and then").
    let speaker_start = tokens
        .iter()
        .position(|t| t.span.start == ex.mentions[m].span.start)?;
    let role = tokens.get(comma + 1..speaker_start)?;
    let is_role_word = |t: &Token| {
        let w = t.span.slice(text);
        t.kind == TokenKind::Word
            && w.starts_with(char::is_lowercase)
            && !contains(&CLAUSE_BREAKS, w)
            && !contains(&CONNECTIVES, w)
            && !contains(&lexicon::SPEECH_VERBS, w)
    };
    if role.len() > 3 || !role.iter().all(is_role_word) {
        return None;
    }
    // "told Italian newspaper La Stampa": the addressee.
    let (addressee, rest) = match tokens[v].span.slice(text) {
        "told" | "tells" => {
            addressee_at(text, ex, tokens, v + 1).map_or((None, v + 1), |(m, next)| (Some(m), next))
        }
        _ => (None, v + 1),
    };
    // Only time words after the verb, then perhaps a prepositional phrase ("amid reports"),
    // or a comma and the rest of the claim ("If the port closes, he said, the town ...").
    let mut resumed = None;
    for (k, t) in tokens.iter().enumerate().skip(rest) {
        let w = t.span.slice(text);
        if w == "," {
            resumed = claim_resumed(text, tokens, k + 1);
            if resumed.is_some() {
                break;
            }
        }
        if t.kind != TokenKind::Word || is_weekday(w) || contains(&FILLERS, w) {
            continue;
        }
        if matches!(
            w,
            "amid" | "after" | "as" | "during" | "following" | "before" | "while"
        ) {
            break;
        }
        return None;
    }
    if comma == 0 {
        return None;
    }
    // A dateline ("LONDON –", "KYIV, Ukraine (AP) —") is not part of what was said.
    let first = super::ner::dateline_end(text, sentence.start)
        .and_then(|end| tokens.iter().position(|t| t.span.start >= end))
        .unwrap_or(0);
    if first >= comma {
        return None;
    }
    let clause = Span::new(
        tokens[first].span.start.max(sentence.start),
        resumed.map_or(tokens[comma - 1].span.end, |last: usize| {
            tokens[last].span.end
        }),
    );
    (clause.slice(text).split_whitespace().count() >= 4).then_some((clause, m, addressee))
}

/// After "CLAUSE, he said," the claim goes on when the rest of the sentence, from `from`,
/// is a lower-case clause of three words or more with no other speaker's verb: the index
/// of its last token before the closing punctuation.
fn claim_resumed(text: &str, tokens: &[Token], from: usize) -> Option<usize> {
    let rest = tokens.get(from..)?;
    let first = rest.first()?.span.slice(text);
    // "..., he said, adding that ...", "citing ...", "but ...": a second report or a
    // clause of the speaker's own, not the claim.
    if !first.starts_with(char::is_lowercase)
        || first.ends_with("ing")
        || contains(&CLAUSE_BREAKS, first)
    {
        return None;
    }
    let last = from + rest.iter().rposition(|t| t.kind == TokenKind::Word)?;
    let words = tokens[from..=last]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    let reports = tokens[from..=last]
        .iter()
        .any(|t| contains(&lexicon::REPORTING_VERBS, t.span.slice(text)));
    (words >= 3 && !reports).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_curly_straight_and_open_ended() {
        let p = "“One two,” she said, “three four.” He said \"five six\" and “an unfinished quotation that runs on";
        let pairs: Vec<&str> = quote_pairs(p).into_iter().map(|(a, b)| &p[a..b]).collect();
        assert_eq!(
            pairs,
            [
                "One two,",
                "three four.",
                "five six",
                "an unfinished quotation that runs on"
            ]
        );
    }

    #[test]
    fn an_appeal_reports_its_infinitive_with_speaker_and_addressee() {
        let text = "Mayor Ilse Varga urged Northwind Rail to restore the night trains by May.";
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        let name = |m: MentionId| ex.mentions[m].span.slice(text);
        let found: Vec<(&str, &str, Option<&str>, Option<&str>)> = ex
            .quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text),
                    q.verb.as_deref().unwrap_or(""),
                    q.speaker.map(name),
                    q.addressee.map(name),
                )
            })
            .collect();
        assert_eq!(
            found,
            [(
                "to restore the night trains by May",
                "urged",
                Some("Ilse Varga"),
                Some("Northwind Rail")
            )]
        );
    }

    /// (quotation, speaker) for each quotation `text` yields, in order.
    fn quotes_of(text: &str) -> Vec<(String, Option<String>)> {
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        ex.quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).to_owned(),
                    q.speaker
                        .map(|m| ex.mentions[m].span.slice(text).to_owned()),
                )
            })
            .collect()
    }

    fn said(quote: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (quote.to_owned(), speaker.map(str::to_owned))
    }

    #[test]
    fn reported_speech_in_the_shapes_news_uses() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            // A subject with a participle after it, and a second claim of the same speaker.
            (
                "Police investigating the fire say they believe the blaze started in the kitchen and say they have found no accelerant.",
                &[
                    ("they believe the blaze started in the kitchen", Some("Police")),
                    ("they have found no accelerant", Some("Police")),
                ],
            ),
            // An addressee no mention covers stays out of the claim.
            (
                "Jane Roe told reporters on the quay that the ferry would sail again on Monday.",
                &[("the ferry would sail again on Monday", Some("Jane Roe"))],
            ),
            (
                "Jane Roe told reporters she would stay in Harbourtown.",
                &[("she would stay in Harbourtown", Some("Jane Roe"))],
            ),
            // A dateline is no part of the claim.
            (
                "HARBOURTOWN, Ruritania (AP) — The ferry will sail again within a week, Jane Roe said on Monday.",
                &[("The ferry will sail again within a week", Some("Jane Roe"))],
            ),
            // Whom and where it was told is no claim.
            (
                "Jane Roe told reporters at a briefing outside the town hall.",
                &[],
            ),
            (
                "Jane Roe told a news conference at the Harbourtown stadium.",
                &[],
            ),
            // A fronted clause ends the claim at its comma.
            (
                "While police said on Friday that the driver acted alone, they are still searching the river bank.",
                &[("the driver acted alone", Some("police"))],
            ),
            // A participle reports for the organisation the sentence is about.
            (
                "The Riverton council is putting pressure on Acme Corporation, saying its engineers should inspect every bridge in the county.",
                &[("its engineers should inspect every bridge in the county", Some("The Riverton council"))],
            ),
            // Sources the article does not name.
            (
                "Local press reports suggest Jane Roe sold the mill just weeks before the flood.",
                &[("Jane Roe sold the mill just weeks before the flood", None)],
            ),
            (
                "The mayor spoke on Monday amid reports that the bridge was closed to traffic for repairs.",
                &[("the bridge was closed to traffic for repairs", None)],
            ),
            (
                "According to the Coastal Gazette, the mill had been losing money for three years.",
                &[("the mill had been losing money for three years", Some("Coastal Gazette"))],
            ),
            // A relative clause between the subject and its verb; the scare quote inside the
            // claim is the speaker's word.
            (
                "The Harbour Workers Union, which represents most of the dockers in the region and has fought the port's owners for a decade, has claimed the new cranes are “unsafe” for night shifts.",
                &[
                    ("the new cranes are “unsafe” for night shifts", Some("Harbour Workers Union")),
                    ("unsafe", Some("Harbour Workers Union")),
                ],
            ),
            // "told" and its addressee, with a description before the name: no claim of
            // their own, before or after the clause.
            (
                "Dana Whit told Ruritanian newspaper La Voce Nuova on Monday.",
                &[],
            ),
            (
                "The ferry would sail again within a week, Dana Whit told local broadcaster Radio Quay.",
                &[("The ferry would sail again within a week", Some("Dana Whit"))],
            ),
            // A claim the speaker's verb interrupts goes on after it.
            (
                "If the port closes, Dana Whit said on Monday, the town will lose a thousand jobs.",
                &[("If the port closes, Dana Whit said on Monday, the town will lose a thousand jobs", Some("Dana Whit"))],
            ),
            // The speaker's role between the comma and the name.
            (
                "The ferry would sail again within a week, harbour master Dana Whit said.",
                &[("The ferry would sail again within a week", Some("Dana Whit"))],
            ),
            // A fronted claim with a pronoun for its speaker.
            (
                "Dana Whit spoke at the quay on Monday. The ferry would sail again within a week, she said.",
                &[("The ferry would sail again within a week", Some("she"))],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|(q, s)| said(q, *s)).collect();
            assert_eq!(quotes_of(text), want, "{text}");
        }
    }

    #[test]
    fn it_said_and_the_statement_said_go_to_who_spoke_before() {
        let text = "Northwind Rail Corporation says it is working with the inspectors. “We are shocked by the derailment and are helping the families,” it said.\n\nThe family of the driver Tomas Berg released a statement on Sunday.\n\n“He loved that route and the people on it,” the statement said.";
        let got = quotes_of(text);
        assert!(
            got.contains(&said(
                "We are shocked by the derailment and are helping the families,",
                Some("Northwind Rail Corporation")
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&said(
                "He loved that route and the people on it,",
                Some("The family")
            )),
            "{got:?}"
        );
    }

    #[test]
    fn an_appeal_for_witnesses_is_reported_whole() {
        let got = quotes_of(
            "Police appealed for anyone who saw the van to call the incident line on Tuesday night.",
        );
        assert_eq!(
            got,
            [said(
                "anyone who saw the van to call the incident line on Tuesday night",
                Some("Police")
            )]
        );
    }
}
