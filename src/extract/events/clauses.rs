//! Clauses of a sentence that report a happening of their own, and clauses
//! that add people to a happening told before.

use super::{lower_keep_len, relative_day, relative_phrase, summary, Context, Event, TRIGGERS};
use crate::extract::dates::DateMention;
use crate::extract::EntityKind;

/// A later trigger of a sentence in a clause of its own with a date of its
/// own: "Die Duma hat am 8. April den Vertrag ratifiziert, den beide im
/// Januar unterzeichnet hatten" reports two happenings, and so does "am 22.
/// Oktober empfing er Xi, tags darauf folgte ein Treffen mit Pezeshkian".
pub(super) struct Clause {
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    pub trigger: usize,
    pub date: DateMention,
    /// Opened by "und" inside the first trigger's clause: it shares that
    /// clause's subject.
    pub coordinated: bool,
}

pub(super) fn second_clause(
    sentence: &str,
    here: &[(usize, usize)],
    dates: &[DateMention],
) -> Option<Clause> {
    let &(first, _) = here.first()?;
    here.iter().skip(1).find_map(|&(pos, k)| {
        let (clause_start, end) = clause(sentence, pos);
        let mut start = clause_start;
        let coordinated = (start..end).contains(&first);
        if coordinated {
            // "X hatte 2020 einen Anschlag verübt und war im Januar 2021
            // zurückgekehrt": a coordinated part with a date of its own.
            start = first + sentence[first..pos].rfind(" und ")?;
        }
        let resolved = || dates.iter().filter(|d| d.value.is_some());
        // "..., tags darauf folgte ein Treffen mit X" counts from the day
        // named before the clause.
        let counted = || {
            let r = relative_phrase(&lower_keep_len(&sentence[start..end]))?;
            relative_day(resolved().rfind(|d| d.end <= start)?, r)
        };
        // Only when the part before the "und" is dated too: "im kleinen
        // und im erweiterten Kreis unterzeichneten beide am Donnerstag"
        // joins two phrases, not two happenings. (The first trigger's
        // clause is this one then.)
        if coordinated && !resolved().any(|d| d.start >= clause_start && d.end <= start) {
            return None;
        }
        // A leading clause ("Wie KCNA gestern berichtete, ...") keeps its
        // phrase even unresolved, so that it is no date of the rest.
        let leading = end <= first;
        let date = resolved()
            .find(|d| d.start >= start && d.end <= end)
            .or_else(|| {
                dates
                    .iter()
                    .find(|d| leading && d.start >= start && d.end <= end)
            })
            .cloned()
            .or_else(|| counted().filter(|_| !coordinated))?;
        let before = resolved().find(|d| d.end <= start || d.start >= end);
        if before.is_some_and(|b| b.value == date.value) {
            return None;
        }
        Some(Clause {
            start,
            end,
            trigger: k,
            date,
            coordinated,
        })
    })
}

/// "Nawalnyj hatte 2020 einen Anschlag überlebt und war im Januar 2021 nach
/// Moskau zurückgekehrt", "Im Februar hatte er Fogel heimgeholt, am 13. März
/// folgte ein Gespräch": the date of the coordinated part (after "und", or a
/// main clause after a comma) that holds the trigger at byte `at`, when the
/// part names a date of its own, with the span of the part before it.
pub(super) fn coordinated_date(
    sentence: &str,
    at: usize,
    dates: &[DateMention],
) -> Option<((usize, usize), DateMention)> {
    let (cs, ce) = clause(sentence, at);
    let own = |from: usize| {
        dates
            .iter()
            .find(|d| d.value.is_some() && d.start > from && d.end <= ce)
    };
    if let Some(und) = sentence[cs..at].rfind(" und ").map(|i| cs + i) {
        return Some(((cs, und), own(und)?.clone()));
    }
    // After a comma the part before must be a clause of its own with a
    // date: "Am Montag, dem 28. April, traf ..." is one date, not two parts.
    // And the clause does not open with its trigger: a verb first reports
    // what the part before told ("..., meldete TASS heute").
    if sentence[cs..at].trim().is_empty() {
        return None;
    }
    let comma = cs.checked_sub(1)?;
    let (ps, _) = clause(sentence, comma);
    let date = own(cs)?;
    let dated_before = dates
        .iter()
        .any(|d| d.value.is_some() && d.start >= ps && d.end <= comma);
    dated_before.then(|| ((ps, comma), date.clone()))
}

/// The clause around byte `pos` of a sentence: between the commas or
/// semicolons on either side.
pub(super) fn clause(sentence: &str, pos: usize) -> (usize, usize) {
    let start = sentence[..pos].rfind([',', ';']).map_or(0, |i| i + 1);
    let end = sentence[pos..]
        .find([',', ';'])
        .map_or(sentence.len(), |i| pos + i);
    (start, end)
}

/// People named with a participation cue ("An dem Treffen nahmen X und Y
/// teil", "Delegationsleiter X") join the latest gathering reported in the
/// last few sentences, unless the cue's clause reports something else (a
/// trigger outside the cue) or names another date. Without people in the
/// clause, those of the sentence ("X, Vizeminister, gehörte zum
/// Verhandlungsteam"). Returns the cue spans that found their gathering.
pub(super) fn take_part(
    ctx: &Context,
    out: &mut [(usize, Event)],
    n: usize,
    (s, e): (usize, usize),
    here: &[(usize, usize)],
    cues: &[(usize, usize)],
    dates: &[DateMention],
) -> Vec<(usize, usize)> {
    let mut used = Vec::new();
    for &(a, b) in cues.iter().filter(|c| c.0 >= s && c.1 <= e) {
        let (cs, ce) = clause(&ctx.body[s..e], a - s);
        let (cs, ce) = (s + cs, s + ce);
        let other = here
            .iter()
            .any(|&(p, _)| (cs..ce).contains(&(s + p)) && !(a..b).contains(&(s + p)));
        if other {
            continue;
        }
        let people_in = |a: usize, b: usize| -> Vec<usize> {
            ctx.mentions
                .iter()
                .filter(|m| m.0 >= a && m.1 <= b && ctx.entities[m.2].kind == EntityKind::Person)
                .map(|m| m.2)
                .collect()
        };
        let mut people = people_in(cs, ce);
        if people.is_empty() {
            people = people_in(s, e);
        }
        // The cue's clause's date, else the sentence's ("Sechs Wochen
        // später, am 12. Juni 2018, folgte das erste Gipfeltreffen").
        let own = dates
            .iter()
            .find(|d| d.value.is_some() && s + d.start >= cs && s + d.end <= ce)
            .or_else(|| dates.iter().find(|d| d.value.is_some()));
        let recent = out
            .iter_mut()
            .rev()
            .find(|(m, ev)| m + 4 >= n && TRIGGERS.gathering.contains(&ev.kind));
        let Some((_, target)) = recent else {
            continue;
        };
        let other_day = own.is_some_and(|d| target.date.is_some() && d.value != target.date);
        if people.is_empty() || other_day {
            continue;
        }
        for idx in people {
            if !target.participants.iter().any(|p| p.0 == idx) {
                target.participants.push((idx, "participant"));
            }
        }
        target.summary = summary(
            &target.kind,
            &target.participants,
            target.location,
            ctx.entities,
        );
        used.push((a, b));
    }
    used
}
