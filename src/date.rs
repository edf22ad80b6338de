//! Calendar dates without a time zone: parsing ISO dates, weekdays, and day arithmetic,
//! enough to resolve "Wednesday" or "last year" against an article's publication date.

use serde::Serialize;
use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// How precisely a resolved date is known ("in 2015" is a year, "Wednesday" a day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date with its precision; prints as `2017`, `2017-03` or `2017-03-22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct PartialDate {
    pub date: Date,
    pub precision: Precision,
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{:04}", self.date.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.date.year, self.date.month),
            Precision::Day => self.date.fmt(f),
        }
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let mut parts = s.splitn(3, '-');
        let year = parts.next()?;
        let month = parts.next()?;
        let day = parts.next()?;
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Self {
        Self::from_days(self.to_days() + days)
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    /// The most recent date on or before `self` that falls on `weekday` (0 = Monday),
    /// strictly before when `strictly` is set.
    pub fn last_weekday(self, weekday: u8, strictly: bool) -> Self {
        let mut back = (i64::from(self.weekday()) - i64::from(weekday)).rem_euclid(7);
        if back == 0 && strictly {
            back = 7;
        }
        self.add_days(-back)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Weekday names, Monday first, as they appear in text.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The year a four-digit word names (1800 to 2199), as news dates events.
pub fn parse_year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|y| (1800..2200).contains(y))
}

/// `Some(0..=6)` for a weekday name (full or three-letter, any case).
pub fn weekday_index(word: &str) -> Option<u8> {
    WEEKDAYS
        .iter()
        .position(|w| {
            w.eq_ignore_ascii_case(word) || (word.len() == 3 && w[..3].eq_ignore_ascii_case(word))
        })
        .map(|i| i as u8)
}

/// `Some(1..=12)` for a month name (full, or abbreviated with at least three letters).
pub fn month_index(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word)
                || (word.len() >= 3
                    && word.len() < m.len()
                    && m[..word.len()].eq_ignore_ascii_case(word))
        })
        .map(|i| i as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_weekday() {
        let d = Date::new(2017, 3, 26).unwrap();
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(WEEKDAYS[d.weekday() as usize], "Sunday");
        assert_eq!(d.last_weekday(2, true).to_string(), "2017-03-22");
        assert_eq!(d.last_weekday(6, false), d);
        assert_eq!(d.last_weekday(6, true).to_string(), "2017-03-19");
        assert_eq!(
            Date::new(2016, 2, 29).unwrap().add_days(366).to_string(),
            "2017-03-01"
        );
    }

    #[test]
    fn parses_only_real_dates() {
        assert!(Date::parse_iso("2017-02-29").is_none());
        assert!(Date::parse_iso("2017-3-1").is_none());
        assert_eq!(Date::parse_iso("2020-02-29").unwrap().day, 29);
        assert_eq!(month_index("Sept."), Some(9));
        assert_eq!(month_index("Ma"), None);
        assert_eq!(weekday_index("wed"), Some(2));
    }
}
