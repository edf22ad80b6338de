//! Event dates: finds a date expression in or next to an event mention ("Wednesday's
//! rampage", "the 2015 attack", "a meeting on Thursday", "March 22") and resolves it
//! against the article's publication date.

use super::{EntityType, Extraction};
use crate::date::{month_index, weekday_index, Date, PartialDate, Precision};
use crate::segment::{Segmented, TokenKind};

/// How many tokens either side of a mention may carry its date.
const WINDOW: usize = 4;

pub fn resolve_dates(text: &str, seg: &Segmented, published: Option<Date>, ex: &mut Extraction) {
    for entity in 0..ex.entities.len() {
        if ex.entities[entity].entity_type != EntityType::Event {
            continue;
        }
        let mut date = None;
        for &m in &ex.entities[entity].mentions {
            let mention = &ex.mentions[m];
            let tokens = seg.sentence_tokens(mention.sentence);
            let (first, last) = seg.token_bounds(mention.sentence, mention.span);
            let sentence_text = seg.sentences[mention.sentence].span.slice(text);
            let future = [
                " will ",
                " is meeting",
                " next ",
                " to meet",
                " plans to",
                " due to ",
            ]
            .iter()
            .any(|w| sentence_text.contains(w));
            let lo = first.saturating_sub(WINDOW);
            let hi = (last + 1 + WINDOW).min(tokens.len());
            let words: Vec<&str> = tokens[lo..hi].iter().map(|t| t.span.slice(text)).collect();
            // Nearest expression to the mention wins: inside first, then after, then before.
            let order: Vec<usize> = (first - lo..=last - lo)
                .chain(last - lo + 1..words.len())
                .chain((0..first - lo).rev())
                .collect();
            for i in order {
                if let Some(d) = date_at(&words, i, published, future, tokens[lo + i].kind) {
                    date = Some(d);
                    break;
                }
            }
            if date.is_some() {
                break;
            }
        }
        ex.entities[entity].date = date;
    }
}

/// A date expression starting at `words[i]`, resolved.
fn date_at(
    words: &[&str],
    i: usize,
    published: Option<Date>,
    future: bool,
    kind: TokenKind,
) -> Option<PartialDate> {
    let w = words[i];
    if let Some(day) = weekday_index(w).filter(|_| w.len() > 3) {
        let published = published?;
        let date = if future {
            let ahead = (i64::from(day) - i64::from(published.weekday())).rem_euclid(7);
            published.add_days(if ahead == 0 { 7 } else { ahead })
        } else {
            published.last_weekday(day, false)
        };
        return Some(PartialDate {
            date,
            precision: Precision::Day,
        });
    }
    if let Some(month) =
        month_index(w).filter(|_| w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
    {
        // "March 22, 2017", "March 22", "22 March", "November 2015"
        let next = words.get(i + 1).and_then(|n| n.parse::<u32>().ok());
        let prev = i.checked_sub(1).and_then(|p| words[p].parse::<u32>().ok());
        let year_after = |k: usize| {
            words
                .get(k)
                .and_then(|n| n.parse::<i32>().ok())
                .filter(|y| (1000..3000).contains(y))
        };
        let (day, year) = match (next, prev) {
            (Some(d), _) if d <= 31 => (
                Some(d as u8),
                year_after(i + 2).or_else(|| year_after(i + 3)),
            ),
            (Some(y), _) if (1000..3000).contains(&y) => (None, Some(y as i32)),
            (_, Some(d)) if d <= 31 => (Some(d as u8), year_after(i + 1)),
            _ => (None, None),
        };
        let year = year.or_else(|| {
            published.map(|p| {
                if month > p.month && !future {
                    p.year - 1
                } else {
                    p.year
                }
            })
        })?;
        return match day {
            Some(d) => Date::new(year, month, d).map(|date| PartialDate {
                date,
                precision: Precision::Day,
            }),
            None => Date::new(year, month, 1).map(|date| PartialDate {
                date,
                precision: Precision::Month,
            }),
        };
    }
    if kind == TokenKind::Number {
        if let Some(year) = crate::date::parse_year(w) {
            return Date::new(year, 1, 1).map(|date| PartialDate {
                date,
                precision: Precision::Year,
            });
        }
    }
    let published = published?;
    match w {
        "yesterday" => Some(PartialDate {
            date: published.add_days(-1),
            precision: Precision::Day,
        }),
        "today" | "tonight" => Some(PartialDate {
            date: published,
            precision: Precision::Day,
        }),
        "tomorrow" => Some(PartialDate {
            date: published.add_days(1),
            precision: Precision::Day,
        }),
        "year" if i > 0 && words[i - 1] == "last" => {
            Date::new(published.year - 1, 1, 1).map(|date| PartialDate {
                date,
                precision: Precision::Year,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_mentions_get_dates_from_the_article_date() {
        let text = " date 2017-03-26 Police said the Wednesday rampage was over. A meeting on Thursday will follow. The 2015 attack was different.";
        let processed = crate::pipeline::process_text(text);
        let ex = &processed.extraction;
        let dated: Vec<(String, String)> = ex
            .entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Event)
            .map(|e| {
                (
                    e.name.clone(),
                    e.date.map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        assert!(
            dated.contains(&("the Wednesday rampage".to_owned(), "2017-03-22".to_owned())),
            "{dated:?}"
        );
        assert!(
            dated.contains(&("A meeting".to_owned(), "2017-03-30".to_owned())),
            "{dated:?}"
        );
        assert!(
            dated.contains(&("The 2015 attack".to_owned(), "2015".to_owned())),
            "{dated:?}"
        );
    }

    #[test]
    fn resolves_weekdays_years_and_months() {
        let sunday = Date::new(2017, 3, 26);
        let tk = TokenKind::Word;
        assert_eq!(
            date_at(&["Wednesday"], 0, sunday, false, tk)
                .unwrap()
                .to_string(),
            "2017-03-22"
        );
        assert_eq!(
            date_at(&["Thursday"], 0, sunday, true, tk)
                .unwrap()
                .to_string(),
            "2017-03-30"
        );
        assert_eq!(
            date_at(&["2015"], 0, sunday, false, TokenKind::Number)
                .unwrap()
                .to_string(),
            "2015"
        );
        assert_eq!(
            date_at(&["March", "22", ",", "2017"], 0, None, false, tk)
                .unwrap()
                .to_string(),
            "2017-03-22"
        );
        assert_eq!(
            date_at(&["November", "2015"], 0, sunday, false, tk)
                .unwrap()
                .to_string(),
            "2015-11"
        );
        assert_eq!(
            date_at(&["last", "year"], 1, sunday, false, tk)
                .unwrap()
                .to_string(),
            "2016"
        );
        assert!(date_at(&["May"], 0, None, false, tk).is_none());
    }
}
