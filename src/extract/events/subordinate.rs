//! Subordinate clauses that carry a date of their own and so tell a
//! happening of their own: "Koryo Tours, das im Jänner 2020 seine letzte
//! Gruppe ins Land gebracht hatte, wartet ...", "..., seit Pjöngjang Anfang
//! 2020 die Grenzen dichtgemacht hatte", "..., wie das Weiße Haus Anfang
//! Januar 2024 mitteilte". Their date is not the main clause's, and what
//! they tell is kept as an event beside it.

use super::clauses::clause;
use super::grammar::clause_opener;
use super::{attributive, opens_with, relative_day, role_of, Context, Event, TRIGGERS};
use crate::extract::dates::{DateMention, Precision};
use crate::extract::EntityKind;

/// A dated subordinate clause of a sentence, in byte offsets of the sentence.
pub(super) struct Subordinate {
    pub start: usize,
    pub end: usize,
    /// Where the words after the opening pronoun or conjunction begin.
    pub body: usize,
    pub relative: bool,
    pub date: DateMention,
}

impl Subordinate {
    pub fn holds(&self, at: usize) -> bool {
        (self.start..self.end).contains(&at)
    }
}

/// Whether the span `a..b` of the body lies inside none of `subs` (of the
/// sentence starting at byte `s`) but the one at `skip`.
pub(super) fn outside(
    subs: &[Subordinate],
    skip: Option<usize>,
    s: usize,
    (a, b): (usize, usize),
) -> bool {
    !subs
        .iter()
        .enumerate()
        .any(|(j, c)| Some(j) != skip && a >= s + c.start && b <= s + c.end)
}

/// The subordinate clauses of `sentence` with a resolved date of their own.
/// A date phrase that opens with "seit" says since when, and one with "vom"
/// belongs to a noun: neither dates a clause.
pub(super) fn dated_subordinates(sentence: &str, dates: &[DateMention]) -> Vec<Subordinate> {
    let mut out: Vec<Subordinate> = Vec::new();
    for d in dates {
        if d.value.is_none() || attributive(d) || opens_with(d, &["seit"]) {
            continue;
        }
        let (start, _) = clause(sentence, d.start);
        if out.iter().any(|c| c.start == start) {
            continue;
        }
        let Some((open, relative)) = clause_opener(&sentence[start..d.start]) else {
            continue;
        };
        // A relative clause needs the noun it tells about before it.
        if relative && start == 0 {
            continue;
        }
        // (from the date's end: "Montag, dem 28. April" holds a comma)
        let (_, end) = clause(sentence, d.end);
        out.push(Subordinate {
            start,
            end,
            body: start + open,
            relative,
            date: d.clone(),
        });
    }
    out
}

/// Subordinate clauses dated relative to a day their sentence names before
/// them: "Am 19. Oktober empfing Kim Lawrow, der am Abend zuvor gelandet
/// war." (`lower` is the sentence in lower case, byte for byte.) Clauses
/// that [`dated_subordinates`] found already are left out.
pub(super) fn relative_subordinates(
    sentence: &str,
    lower: &str,
    dates: &[DateMention],
    found: &[Subordinate],
) -> Vec<Subordinate> {
    let mut out: Vec<Subordinate> = Vec::new();
    if !dates.iter().any(|d| d.precision == Precision::Day) {
        return out;
    }
    // The longest phrase first: "am Abend zuvor" is the day before, not
    // "am Abend" of the same day.
    let mut phrases: Vec<(usize, &(String, i64))> = TRIGGERS
        .relative_phrases
        .occurrences(lower)
        .filter_map(|(at, k)| Some((at, TRIGGERS.relative_days.get(k)?)))
        .collect();
    phrases.sort_by_key(|(at, rel)| (std::cmp::Reverse(rel.0.len()), *at));
    for (at, rel) in phrases {
        let (start, _) = clause(sentence, at);
        if found.iter().chain(&out).any(|c| c.start == start) {
            continue;
        }
        let Some((open, relative)) = clause_opener(&sentence[start..at]) else {
            continue;
        };
        let anchor = dates
            .iter()
            .rfind(|d| d.end <= start && d.precision == Precision::Day);
        let Some(date) = anchor.and_then(|d| relative_day(d, rel)) else {
            continue;
        };
        let (_, end) = clause(sentence, at + rel.0.len());
        out.push(Subordinate {
            start,
            end,
            body: start + open,
            relative,
            date: DateMention {
                start: at,
                end: at + rel.0.len(),
                ..date
            },
        });
    }
    out
}

impl Context<'_> {
    /// Adds the noun a relative clause starting at byte `at` (just after
    /// its comma) tells about, the mention ending at that comma, to
    /// `participants`: "..., Lawrow, der am Abend zuvor gelandet war".
    /// A verb's particle or participle may stand between the noun and its
    /// comma: "hatte Nasarbajew inne, der im März 2019 zurückgetreten war".
    pub(super) fn add_antecedent(&self, at: usize, participants: &mut Vec<(usize, &'static str)>) {
        let antecedent = self.mentions.iter().rfind(|m| {
            m.1 <= at && {
                let gap = self.body[m.1..at]
                    .trim_matches(|ch: char| ch.is_whitespace() || "“”\"»«)".contains(ch));
                // At most two words, all lower case: asked word by word, so
                // that a mention far back costs no more than a near one.
                gap.strip_suffix(',').is_some_and(|words| {
                    words.split_whitespace().enumerate().all(|(n, w)| {
                        n < 2 && w.chars().all(|c| c.is_lowercase() && c.is_alphabetic())
                    })
                })
            }
        });
        if let Some(&(_, _, idx)) = antecedent {
            if !participants.iter().any(|p| p.0 == idx) && !self.reporters.contains(&idx) {
                let role = match self.entities[idx].kind {
                    EntityKind::Location => "participant",
                    k => role_of(k),
                };
                participants.insert(0, (idx, role));
            }
        }
    }

    /// The events of the dated subordinate clauses of sentence `n` (span
    /// `s..e`) that `tells` (index, clause) keeps.
    pub(super) fn subordinate_events(
        &self,
        n: usize,
        spans: &[(usize, usize)],
        (s, e): (usize, usize),
        subs: &[Subordinate],
        here: &[(usize, usize)],
        tells: impl Fn(usize, &Subordinate) -> bool,
    ) -> Vec<Event> {
        subs.iter()
            .enumerate()
            .filter(|&(j, c)| tells(j, c))
            .filter_map(|(_, c)| self.subordinate_event(n, spans, (s, e), c, here))
            .collect()
    }

    /// The event a dated subordinate clause `c` of sentence `n` (span
    /// `s..e`) tells: of the kind of its first trigger (`here`, offsets in
    /// the sentence), else "other"; with the people and places named in
    /// it, and for a relative clause the noun it tells about.
    fn subordinate_event(
        &self,
        n: usize,
        spans: &[(usize, usize)],
        (s, e): (usize, usize),
        c: &Subordinate,
        here: &[(usize, usize)],
    ) -> Option<Event> {
        let kind = here
            .iter()
            .find(|&&(p, _)| c.holds(p))
            .map_or_else(|| "other".to_string(), |&(_, k)| TRIGGERS.kinds[k].clone());
        let inside = |a: usize, b: usize| a >= s + c.start && b <= s + c.end;
        let (mut participants, location) = self.participants(n, spans, (s, e), &inside);
        // A place right after the opening word is the clause's subject
        // ("seit Pjöngjang Anfang 2020 die Grenzen schloss").
        for p in participants.iter_mut().filter(|p| p.1 == "place") {
            let first_words = self.mentions.iter().any(|m| {
                m.2 == p.0
                    && inside(m.0, m.1)
                    && m.0 >= s + c.body
                    && self.body[s + c.body..m.0].trim().is_empty()
            });
            if first_words {
                p.1 = "participant";
            }
        }
        if c.relative {
            self.add_antecedent(s + c.start, &mut participants);
        }
        // "..., wie die Staatsagentur KCNA heute berichtete": the report.
        self.add_reporters(&kind, &mut participants, (s, e), &inside);
        let sentence = &self.body[s..e];
        self.event(
            kind,
            (participants, location),
            Some(c.date.clone()),
            false,
            sentence,
        )
    }
}
