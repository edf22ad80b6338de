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
            let addressee = before
                .get(v + 1)
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
            // An apposition between subject and verb: "Jane Roe, head of Acme, said".
            let open = (k.saturating_sub(14)..k).rev().find(|&j| {
                tokens[j].span.slice(text) == "," && tokens[j].span.start >= sentence_start
            });
            if let Some(m) = open
                .and_then(|j| j.checked_sub(1))
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
            break;
        }
    }
    if tokens[verb].span.slice(text).ends_with("ing") {
        let verb_start = tokens[verb].span.start;
        return ex
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.span.start >= sentence_start
                    && m.span.end <= verb_start
                    && m.entity_type == EntityType::Person
            })
            .map(|(i, _)| i)
            .next();
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
    speaker: MentionId,
    verb: &str,
    addressee: Option<MentionId>,
) -> Quote {
    Quote {
        span: clause,
        direct: false,
        speaker: Some(speaker),
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
        if !sentence.zone.is_article_voice() && sentence.zone != Zone::Comment {
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
            if !contains(&lexicon::REPORTING_VERBS, verb) {
                continue;
            }
            // Inverted: "CLAUSE, a top official said Sunday."
            if let Some((clause, speaker)) = inverted(text, ex, tokens, v, sentence.span) {
                if only_short_quotes_inside(text, ex, clause) {
                    found.push(reported(s, sentence.span, clause, speaker, verb, None));
                    break;
                }
            }
            let Some(speaker) = subject_of(text, ex, &refs, v, sentence.span.start) else {
                continue;
            };
            // Skip "that", time words and the addressee.
            let mut k = v + 1;
            let mut addressee = None;
            while k < tokens.len() {
                let w = tokens[k].span.slice(text);
                if verb == "told" && addressee.is_none() {
                    let at = if matches!(w, "the" | "The") { k + 1 } else { k };
                    if let Some(m) = tokens.get(at).and_then(|t| mention_starting(ex, t)) {
                        addressee = Some(m);
                        k = tokens
                            .iter()
                            .position(|t| t.span.start >= ex.mentions[m].span.end)
                            .unwrap_or(tokens.len());
                        continue;
                    }
                }
                let next = tokens.get(k + 1).map_or("", |t| t.span.slice(text));
                let after = tokens.get(k + 2).map_or("", |t| t.span.slice(text));
                k += if matches!(w, "that" | "," | "also" | "previously") || is_weekday(w) {
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
            let end = clause_end(text, tokens, k);
            if end <= k + 2 {
                continue;
            }
            let clause = Span::new(tokens[k].span.start, tokens[end - 1].span.end);
            let first = tokens[k].span.slice(text);
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
                        | "according"
                        | "“"
                        | "\""
                )
                || !only_short_quotes_inside(text, ex, clause)
                || found.iter().any(|q: &Quote| q.span.overlaps(clause))
            {
                continue;
            }
            found.push(reported(s, sentence.span, clause, speaker, verb, addressee));
            break;
        }
    }
    ex.quotes.extend(found);
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
    let addressee = tokens[k..to].iter().find_map(|t| mention_starting(ex, t));
    Some(reported(
        sentence,
        sentence_span,
        Span::new(tokens[to].span.start, tokens[end - 1].span.end),
        speaker,
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
) -> Option<(Span, MentionId)> {
    // The speaker mention ends right before the verb and is preceded by a comma.
    let before = tokens.get(v.checked_sub(1)?)?;
    let m = mention_ending(ex, before).filter(|&m| is_speaker(ex, m))?;
    let comma = tokens
        .iter()
        .rposition(|t| t.span.end <= ex.mentions[m].span.start && t.span.slice(text) == ",")?;
    if tokens.get(comma + 1).map(|t| t.span.start) != Some(ex.mentions[m].span.start) {
        return None;
    }
    // Only time words after the verb, then perhaps a prepositional phrase ("amid reports").
    for t in &tokens[v + 1..] {
        let w = t.span.slice(text);
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
    if comma == 0 || ex.mentions[m].kind == MentionKind::Pronoun {
        return None;
    }
    // A dateline ("LONDON –") is not part of what was said.
    let first = tokens
        .iter()
        .position(|t| matches!(t.span.slice(text), "–" | "—" | "-"))
        .filter(|&d| {
            d < 4
                && tokens[..d]
                    .iter()
                    .all(|t| !t.span.slice(text).chars().any(char::is_lowercase))
        })
        .map_or(0, |d| d + 1);
    if first >= comma {
        return None;
    }
    let clause = Span::new(
        tokens[first].span.start.max(sentence.start),
        tokens[comma - 1].span.end,
    );
    (clause.slice(text).split_whitespace().count() >= 4).then_some((clause, m))
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
}
