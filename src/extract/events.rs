//! Events: what happened, who took part, where and when.
//!
//! A sentence with an event trigger (`data/events.tsv`) gives an event whose
//! participants are the entities mentioned in that sentence, whose place is a
//! location named after "in", "nach", "bei" or "auf", and whose date is the
//! first date phrase of the sentence, resolved against the publication date.
//! A sentence without a date phrase gives an unresolved event: the import
//! date is never a stand-in. Sentences of one article that report the same
//! happening become one event; [`same_happening`] is also what the store uses
//! to merge events across articles.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::dates::{find_dates, DateMention, Precision};
use super::{Entity, EntityKind};
use crate::text::sentences;

/// One event as reported by one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; None when unresolved.
    pub date: Option<String>,
    pub precision: Precision,
    /// The phrase the date came from.
    pub date_text: Option<String>,
    pub summary: String,
    /// Index into the article's entities.
    pub location: Option<usize>,
    /// Entity index and role.
    pub participants: Vec<(usize, &'static str)>,
    /// The sentence that reports it.
    pub evidence: String,
}

struct Trigger {
    kind: String,
    re: Regex,
}

struct Triggers {
    list: Vec<Trigger>,
    /// Kinds that may have places but no people or organizations.
    concrete: Vec<String>,
    /// Words that start like a trigger but are none (lower case).
    not_trigger: Vec<String>,
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut t = Triggers {
        list: Vec::new(),
        concrete: Vec::new(),
        not_trigger: Vec::new(),
    };
    let lines = include_str!("../../data/events.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'));
    for (kind, pattern) in lines {
        if kind == "concrete" {
            t.concrete = pattern.split('|').map(str::to_string).collect();
            continue;
        }
        if kind == "not-trigger" {
            t.not_trigger = pattern.split('|').map(str::to_lowercase).collect();
            continue;
        }
        // Matched against a lower-cased copy of the text (see `lower_keep_len`),
        // so the patterns are lower-cased here and need no (?i), which with
        // Unicode classes makes the regex engine rebuild its DFA constantly.
        // No \b either: Unicode word boundaries force the slow engines on
        // German text. The start is checked by hand in `triggers`, and the
        // match runs on to the end of its word, which `not-trigger` words
        // ("Besucher", "Treffer") then rule out.
        let pattern = pattern.to_lowercase().replace(r"\w", r"\p{L}");
        t.list.push(Trigger {
            kind: kind.trim().to_string(),
            re: regex::RegexBuilder::new(&format!(r"(?:{pattern})\p{{L}}*"))
                .dfa_size_limit(32 << 20)
                .build()
                .unwrap_or_else(|e| panic!("data/events.tsv: {kind}: {e}")),
        });
    }
    t
});

/// What decides whether two reports are one happening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub kind: String,
    pub date: Option<String>,
    /// Keys of the people and organizations taking part.
    pub actors: BTreeSet<String>,
    /// Keys of the places named (location and place participants).
    pub places: BTreeSet<String>,
}

/// Kinds that describe the same happening from different angles.
fn kinds_compatible(a: &str, b: &str) -> bool {
    a == b || (VISIT_KINDS.contains(&a) && VISIT_KINDS.contains(&b))
}

const VISIT_KINDS: &[&str] = &["meeting", "visit"];

/// Dates that can name the same happening: one is a prefix of the other
/// (2024-07 fits 2024-07-18), or two days at most one apart (the day it
/// happened and the day it was reported).
fn dates_compatible(a: &str, b: &str, strong: bool) -> bool {
    if a.starts_with(b) || b.starts_with(a) {
        return true;
    }
    match (a.parse::<Date>(), b.parse::<Date>()) {
        (Ok(x), Ok(y)) => strong && (x - y).get_days().abs() <= 1,
        _ => false,
    }
}

/// Whether two reports describe one happening. Undated reports only merge
/// within one article (`same_article`), where the dated one gives the date.
///
/// People decide: two shared actors, or one shared actor plus a shared place,
/// or, on the very same day, one shared actor when one report's actors are
/// all among the other's (a short report naming only Kim of a meeting another
/// outlet reports with Kim and Lawrow).
pub fn same_happening(a: &Signature, b: &Signature, same_article: bool) -> bool {
    if !kinds_compatible(&a.kind, &b.kind) {
        return false;
    }
    // Words said are many a month: across articles, statements only merge
    // when reported for the very same day.
    let spoken = matches!(a.kind.as_str(), "statement" | "announcement" | "call");
    let same_day = matches!((&a.date, &b.date), (Some(x), Some(y)) if x == y && x.len() == 10);
    if spoken && !same_article && !same_day {
        return false;
    }
    let shared_actors = a.actors.intersection(&b.actors).count();
    let shared_places = a.places.intersection(&b.places).count();
    let strong = shared_actors >= 2;
    let nested = a.actors.is_subset(&b.actors) || b.actors.is_subset(&a.actors);
    let people_ok = strong || (shared_actors == 1 && (shared_places >= 1 || (same_day && nested)));
    let places_only =
        a.actors.is_empty() && b.actors.is_empty() && !a.places.is_empty() && a.places == b.places;
    if !(people_ok || places_only) {
        return false;
    }
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => dates_compatible(x, y, strong) && (!places_only || x == y),
        (None, None) => same_article,
        _ => same_article && strong,
    }
}

/// The better of two dates for one happening: the more precise, and of two
/// different days the earlier (reports follow events).
pub fn better_date(a: Option<&str>, b: Option<&str>) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) if x.len() == y.len() => Some(x.min(y).to_string()),
        (Some(x), Some(y)) => Some(if x.len() > y.len() { x } else { y }.to_string()),
        (x, y) => x.or(y).map(str::to_string),
    }
}

/// The events of one article.
pub fn events(
    body: &str,
    published: Option<Date>,
    entities: &[Entity],
    mentions: &[(usize, usize, usize)],
) -> Vec<Event> {
    let mut out: Vec<(usize, Event)> = Vec::new();
    let reporters = reporters(entities);
    let found = triggers(body);
    // The narrative date: the last date named earlier in the paragraph.
    let mut narrative: Option<DateMention> = None;
    let mut paragraph = 0;
    for (n, (s, e)) in sentences(body).into_iter().enumerate() {
        let sentence = &body[s..e];
        if s > 0 && body[..s].ends_with('\n') {
            paragraph += 1;
            narrative = None;
        }
        let skip = dateline_end(body, s);
        let dates: Vec<DateMention> = find_dates(sentence, published)
            .into_iter()
            .filter(|d| d.start >= skip)
            .collect();
        let own = dates.iter().find(|d| d.value.is_some()).cloned();
        let inherited = narrative.clone();
        if own.is_some() {
            narrative = own.clone();
        }
        // The first trigger of the sentence; `found` is sorted by position.
        let Some(&(_, k)) = found.iter().find(|(pos, _)| *pos >= s && *pos < e) else {
            continue;
        };
        let kind = TRIGGERS.list[k].kind.clone();
        let mut participants: Vec<(usize, &'static str)> = Vec::new();
        let mut location = None;
        for &(ms, _, idx) in mentions.iter().filter(|m| m.0 >= s && m.1 <= e) {
            if reporters.contains(&idx) {
                continue;
            }
            let role = match entities[idx].kind {
                EntityKind::Person => "participant",
                EntityKind::Organization => "organization",
                EntityKind::Location => {
                    if location.is_none() && after_place_preposition(&body[s..ms]) {
                        location = Some(idx);
                    }
                    "place"
                }
            };
            if !participants.iter().any(|p| p.0 == idx) {
                participants.push((idx, role));
            }
        }
        let has_actor = participants.iter().any(|p| p.1 != "place");
        if participants.is_empty() || (!has_actor && !TRIGGERS.concrete.contains(&kind)) {
            continue;
        }
        // A sentence without a date of its own happens when the paragraph's
        // last named date says; in the lead paragraph, on the publication
        // day, which is what news leads report. Without a publication date
        // it stays unresolved.
        let lead = paragraph == 0 && published.is_some();
        let dated = own.or(inherited).or_else(|| dates.first().cloned());
        let (date, precision, date_text) = match dated {
            Some(d) if d.value.is_some() || !lead => (d.value, d.precision, Some(d.text)),
            _ if lead && published.is_some_and(|p| (1..=9999).contains(&p.year())) => {
                (published.map(|p| p.to_string()), Precision::Day, None)
            }
            _ => (None, Precision::Unresolved, None),
        };
        let event = Event {
            summary: summary(&kind, &participants, location, entities),
            kind,
            date,
            precision,
            date_text,
            location,
            participants,
            evidence: sentence.to_string(),
        };
        merge_into(&mut out, n, event, entities);
    }
    out.into_iter().map(|(_, e)| e).collect()
}

/// Entities that report rather than take part: news agencies, newspapers
/// and broadcasters ("berichtete KCNA").
fn reporters(entities: &[Entity]) -> Vec<usize> {
    const REPORTING: &[&str] = &["agency", "newspaper", "broadcaster"];
    let known = crate::knowledge::sources();
    (0..entities.len())
        .filter(|&i| {
            known
                .by_name(&entities[i].name)
                .is_some_and(|s| REPORTING.contains(&s.kind.as_str()))
        })
        .collect()
}

/// In the article's first sentence, the byte offset (relative to the
/// sentence) where a dateline such as "Seoul, 1. November 2024 (AFP) –" ends:
/// its date is when the report was filed, not when the event happened.
fn dateline_end(body: &str, sentence_start: usize) -> usize {
    if sentence_start != 0 {
        return 0;
    }
    let head: String = body.chars().take(90).collect();
    match head.find(['–', '—']) {
        Some(dash) if head[..dash].chars().any(|c| c.is_ascii_digit()) => dash,
        _ => 0,
    }
}

/// Lower case for ASCII letters and German umlauts only: every byte offset
/// stays valid in the original text.
fn lower_keep_len(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Ä' => 'ä',
            'Ö' => 'ö',
            'Ü' => 'ü',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Every whole-word trigger in `body` as (byte position, trigger index),
/// sorted by position, the earlier-listed trigger first at equal positions.
fn triggers(body: &str) -> Vec<(usize, usize)> {
    let lower = lower_keep_len(body);
    let mut found = Vec::new();
    for (k, t) in TRIGGERS.list.iter().enumerate() {
        for m in t.re.find_iter(&lower) {
            let before = body[..m.start()].chars().next_back();
            let last_word = m
                .as_str()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if before.is_none_or(|c| !c.is_alphanumeric())
                && !TRIGGERS.not_trigger.contains(&last_word.to_lowercase())
            {
                found.push((m.start(), k));
            }
        }
    }
    found.sort_unstable();
    found
}

fn after_place_preposition(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    matches!(
        words.first().map(|w| w.to_lowercase()).as_deref(),
        Some("in" | "nach" | "bei" | "im" | "aus")
    ) || (words.len() >= 2 && matches!(words[1].to_lowercase().as_str(), "auf" | "in" | "im"))
}

fn summary(
    kind: &str,
    participants: &[(usize, &str)],
    location: Option<usize>,
    entities: &[Entity],
) -> String {
    let names: Vec<&str> = participants
        .iter()
        .filter(|(i, _)| Some(*i) != location)
        .map(|(i, _)| entities[*i].name.as_str())
        .collect();
    let mut s = format!("{kind}: {}", names.join(", "));
    if let Some(l) = location {
        s.push_str(&format!(" in {}", entities[l].name));
    }
    s
}

/// The signature of an event of this article, for merging.
pub fn signature(event: &Event, entities: &[Entity]) -> Signature {
    let mut actors = BTreeSet::new();
    let mut places = BTreeSet::new();
    for &(i, _) in &event.participants {
        let key = entities[i].key.clone();
        if entities[i].kind == EntityKind::Location {
            places.insert(key);
        } else {
            actors.insert(key);
        }
    }
    Signature {
        kind: event.kind.clone(),
        date: event.date.clone(),
        actors,
        places,
    }
}

/// Merges `event` (from sentence `n`) into an earlier report of the same
/// happening in this article. Besides [`same_happening`], an undated report
/// of the same kind right after a dated one continues it ("Am 10. Oktober fand
/// die Parade statt. Kim, Li und Medwedew nahmen die Parade ab.").
fn merge_into(out: &mut Vec<(usize, Event)>, n: usize, event: Event, entities: &[Entity]) {
    let sig = signature(&event, entities);
    let continues = |(m, p): &(usize, Event)| {
        *m + 1 == n && p.kind == event.kind && (p.date.is_none() || event.date.is_none())
    };
    let found = out
        .iter()
        .position(|p| same_happening(&signature(&p.1, entities), &sig, true))
        .or_else(|| out.iter().rposition(continues));
    let Some(i) = found else {
        out.push((n, event));
        return;
    };
    let (last, prev) = &mut out[i];
    *last = n;
    let date = better_date(prev.date.as_deref(), event.date.as_deref());
    if date != prev.date {
        prev.date = date;
        prev.precision = event.precision;
        prev.date_text = event.date_text.clone();
    }
    for p in event.participants {
        if !prev.participants.iter().any(|q| q.0 == p.0) {
            prev.participants.push(p);
        }
    }
    if prev.location.is_none() {
        prev.location = event.location;
    }
    prev.summary = summary(&prev.kind, &prev.participants, prev.location, entities);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(kind: &str, date: Option<&str>, actors: &[&str], places: &[&str]) -> Signature {
        Signature {
            kind: kind.into(),
            date: date.map(str::to_string),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            places: places.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn merges_compatible_reports() {
        let a = sig("visit", Some("2024-06-19"), &["putin", "kim"], &["nk"]);
        let b = sig("meeting", Some("2024-06"), &["putin", "kim"], &[]);
        assert!(same_happening(&a, &b, false));
        let c = sig("meeting", Some("2024-06-20"), &["putin", "kim"], &[]);
        assert!(same_happening(&a, &c, false));
        let one = sig("visit", Some("2024-06"), &["putin"], &["nk"]);
        assert!(same_happening(&a, &one, false));
        let short = sig("meeting", Some("2024-06-19"), &["kim"], &[]);
        assert!(same_happening(&a, &short, false));
    }

    #[test]
    fn keeps_different_happenings_apart() {
        let a = sig("visit", Some("2024-06-19"), &["putin", "kim"], &[]);
        assert!(!same_happening(
            &a,
            &sig("agreement", Some("2024-06-19"), &["putin", "kim"], &[]),
            false
        ));
        assert!(!same_happening(
            &a,
            &sig("visit", Some("2023-09"), &["putin", "kim"], &[]),
            false
        ));
        assert!(!same_happening(
            &a,
            &sig("visit", Some("2024-06-19"), &["putin", "xi"], &[]),
            false
        ));
        assert!(!same_happening(
            &a,
            &sig("visit", None, &["putin", "kim"], &[]),
            false
        ));
        assert!(same_happening(
            &a,
            &sig("visit", None, &["putin", "kim"], &[]),
            true
        ));
    }

    #[test]
    fn better_date_prefers_precision_then_the_earlier_day() {
        assert_eq!(
            better_date(Some("2024-07"), Some("2024-07-18")).as_deref(),
            Some("2024-07-18")
        );
        assert_eq!(
            better_date(Some("2024-07-19"), Some("2024-07-18")).as_deref(),
            Some("2024-07-18")
        );
        assert_eq!(better_date(None, Some("2024")).as_deref(), Some("2024"));
    }
}
