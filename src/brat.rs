//! BRAT standoff output, exactly as `shared/gold/SCHEMA.md` defines it: `T` mentions and
//! quotations with code-point offsets, `A` kinds and event dates, `*` coreference chains,
//! `N` Wikidata links, `R` relations (with `Said` from attributed quotations).

use crate::extract::MentionKind;
use crate::pipeline::Processed;
use std::fmt::Write;

/// Renders the `.ann` file of a processed document.
pub fn to_ann(processed: &Processed) -> String {
    let text = processed.document.text.as_str();
    let ex = &processed.extraction;
    let cps = &processed.code_points;
    let mut out = String::new();
    let mut t = 0;
    let mut a = 0;
    let mut mention_t = vec![0; ex.mentions.len()];
    let mut quote_t = vec![0; ex.quotes.len()];
    // Mentions and quotations in text order.
    let mut items: Vec<(usize, usize, bool, usize)> = ex
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.span.start, m.span.end, false, i))
        .collect();
    items.extend(
        ex.quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.span.start, q.span.end, true, i)),
    );
    items.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(y.2.cmp(&x.2)));
    let mut attributes = String::new();
    for (start, end, is_quote, i) in items {
        t += 1;
        let (b, e) = (cps.of(start), cps.of(end));
        let covered = one_line(&text[start..end]);
        if is_quote {
            quote_t[i] = t;
            let _ = writeln!(out, "T{t}\tQuote {b} {e}\t{covered}");
            if !ex.quotes[i].direct {
                a += 1;
                let _ = writeln!(attributes, "A{a}\tIndirect T{t}");
            }
        } else {
            mention_t[i] = t;
            let m = &ex.mentions[i];
            let _ = writeln!(out, "T{t}\t{} {b} {e}\t{covered}", m.entity_type.name());
            let kind = match m.kind {
                MentionKind::Named => None,
                MentionKind::Nominal => Some("Nominal"),
                MentionKind::Pronoun => Some("Pronoun"),
            };
            if let Some(kind) = kind {
                a += 1;
                let _ = writeln!(attributes, "A{a}\t{kind} T{t}");
            }
            if let Some(date) = ex.entities[m.entity].date {
                a += 1;
                let _ = writeln!(attributes, "A{a}\tDate T{t} {date}");
            }
        }
    }
    out.push_str(&attributes);
    for entity in &ex.entities {
        if entity.mentions.len() > 1 {
            let chain: Vec<String> = entity
                .mentions
                .iter()
                .map(|&m| format!("T{}", mention_t[m]))
                .collect();
            let _ = writeln!(out, "*\tCoref {}", chain.join(" "));
        }
    }
    let mut n = 0;
    for entity in &ex.entities {
        let (Some(link), Some(&first)) = (
            &entity.link,
            entity
                .mentions
                .iter()
                .find(|&&m| ex.mentions[m].kind == MentionKind::Named)
                .or(entity.mentions.first()),
        ) else {
            continue;
        };
        n += 1;
        let _ = writeln!(
            out,
            "N{n}\tReference T{} Wikidata:{}\t{}",
            mention_t[first],
            link.qid,
            one_line(&entity.name)
        );
    }
    let mut r = 0;
    for (i, q) in ex.quotes.iter().enumerate() {
        if let Some(speaker) = q.speaker {
            r += 1;
            let _ = writeln!(
                out,
                "R{r}\tSaid Arg1:T{} Arg2:T{}",
                mention_t[speaker], quote_t[i]
            );
        }
    }
    for rel in &ex.relations {
        r += 1;
        let _ = writeln!(
            out,
            "R{r}\t{} Arg1:T{} Arg2:T{}",
            rel.relation_type.name(),
            mention_t[rel.subject],
            mention_t[rel.object]
        );
    }
    out
}

/// BRAT keeps one annotation per line: line breaks inside a covered text become spaces.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn offsets_are_code_points_and_cover_the_text() {
        let text = "Acme Group chief executive Zoë Ångström said: “We’re fine.”\n".to_owned();
        let processed = crate::process(
            Document::new("t", "test", text.clone()),
            crate::Models::shipped(),
        );
        let ann = to_ann(&processed);
        let chars: Vec<char> = text.chars().collect();
        let mut checked = 0;
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let pos: Vec<&str> = cols[1].split(' ').collect();
            let (b, e): (usize, usize) = (pos[1].parse().unwrap(), pos[2].parse().unwrap());
            assert_eq!(chars[b..e].iter().collect::<String>(), cols[2], "{line}");
            checked += 1;
        }
        assert!(checked >= 3, "{ann}");
        assert!(ann.contains("Said Arg1:"), "{ann}");
    }
}
