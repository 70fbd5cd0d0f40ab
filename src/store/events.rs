//! Events across articles: a reported event joins an existing event when
//! [`same_happening`] says they are one; otherwise it becomes a new row. The
//! candidates are the events that share a participant with it on a date that
//! can match, found in the writer's [`EventIndex`].

use std::sync::LazyLock;

use foldhash::HashMap;

use rusqlite::{params, Connection};

use super::event_index::{EventIndex, Question, Stored};
use super::rows::Rows;
use crate::extract::events::{
    better_date, formal_kind, same_happening, signature_by, spoken, Cast,
};
use crate::extract::{Extraction, EXTRACTOR};

/// An event's participants, up to 8 per INSERT (see [`super::rows`]): event
/// ?1 with date ?2. The event's date goes with each participant row, which
/// the entity's timeline is indexed by (schema V9).
static PARTICIPANTS: LazyLock<Rows> = LazyLock::new(|| {
    Rows::new(
        "INSERT OR IGNORE INTO event_participants (event_id, entity_id, role, occurred_on) VALUES",
        "(?1, @1, @2, ?2)",
        2,
        2,
        8,
    )
});

/// The article's links to its events, up to 16 per INSERT: article ?1.
static LINKS: LazyLock<Rows> = LazyLock::new(|| {
    Rows::new(
        "INSERT OR IGNORE INTO event_articles (event_id, article_id, evidence) VALUES",
        "(@1, ?1, @2)",
        1,
        2,
        16,
    )
});

pub(super) fn write_events(
    conn: &Connection,
    index: &mut EventIndex,
    countries: &HashMap<i64, i64>,
    article: i64,
    x: &Extraction,
    entity_ids: &[i64],
) -> rusqlite::Result<Vec<i64>> {
    let mut links: Vec<(i64, &str)> = Vec::with_capacity(x.events.len());
    for ev in &x.events {
        let reported: Stored = signature_by(
            ev,
            &x.entities,
            |i| entity_ids[i],
            |i| countries.get(&entity_ids[i]).copied(),
        );
        let participant_ids: Vec<i64> = ev
            .participants
            .iter()
            .map(|(i, _)| entity_ids[*i])
            .collect();
        let location_id = ev.location.map(|i| entity_ids[i]);
        let existing = match ev.date {
            Some(_) => find_match(conn, index, countries, &reported, &participant_ids)?,
            None => None,
        };
        let (event_id, date) = match existing {
            Some((id, stored)) => {
                let stored_date = stored.date.clone();
                let date = better_date(stored_date.as_deref(), ev.date.as_deref());
                // A report with a trigger names better what happened than
                // one without ("other"); the summary starts with the kind.
                let renamed = stored.kind == "other" && ev.kind != "other";
                let kind = if renamed { &ev.kind } else { &stored.kind };
                if date != stored_date || renamed {
                    index.moved(
                        id,
                        (&stored.kind, stored_date.as_deref()),
                        (kind, date.as_deref()),
                    );
                }
                if date != stored_date {
                    conn.prepare_cached(
                        "UPDATE OR FAIL events SET occurred_on = ?2, date_precision = ?3, date_text = ?4 WHERE id = ?1",
                    )?
                    .execute(params![id, date, ev.precision.as_str(), ev.date_text])?;
                }
                if renamed {
                    conn.prepare_cached(
                        "UPDATE OR FAIL events SET kind = ?2, summary = ?2 || substr(summary, 6)
                         WHERE id = ?1 AND kind = 'other'",
                    )?
                    .execute(params![id, ev.kind])?;
                }
                if let Some(l) = location_id {
                    conn.prepare_cached(
                        "UPDATE OR FAIL events SET location_id = ?2 WHERE id = ?1 AND location_id IS NULL",
                    )?
                    .execute(params![id, l])?;
                }
                // The event as stored: its kind, and its members with the
                // report's added, as the index would read it from the
                // archive (what it holds must not depend on when a date
                // was read).
                index.added(
                    id,
                    &Stored {
                        kind: kind.clone(),
                        date: date.clone(),
                        ..reported
                    },
                );
                (id, date)
            }
            None => {
                conn.prepare_cached(
                    "INSERT INTO events (kind, occurred_on, date_precision, date_text, summary, location_id, extractor)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    ev.kind,
                    ev.date,
                    ev.precision.as_str(),
                    ev.date_text,
                    ev.summary,
                    location_id,
                    EXTRACTOR
                ])?;
                let id = conn.last_insert_rowid();
                index.added(id, &reported);
                (id, ev.date.clone())
            }
        };
        PARTICIPANTS.insert(
            conn,
            participant_ids.len(),
            |s| {
                s.raw_bind_parameter(1, event_id)?;
                s.raw_bind_parameter(2, &date)
            },
            |s, n, at| {
                s.raw_bind_parameter(at, participant_ids[n])?;
                s.raw_bind_parameter(at + 1, ev.participants[n].1)
            },
        )?;
        links.push((event_id, ev.evidence.as_str()));
    }
    // Nothing above reads the links, so they go in together.
    LINKS.insert(
        conn,
        links.len(),
        |s| s.raw_bind_parameter(1, article),
        |s, n, at| {
            let (event_id, evidence) = links[n];
            s.raw_bind_parameter(at, event_id)?;
            s.raw_bind_parameter(at + 1, evidence)
        },
    )?;
    Ok(links.into_iter().map(|(event, _)| event).collect())
}

/// The oldest stored event that is the same happening, with its signature
/// as stored (date and kind).
///
/// Candidates share a participant and have a date that can match: for a day,
/// that day, the days either side, its month and its year; for a month, the
/// month, its days and its year, as the writer's [`EventIndex`] holds them;
/// for words said, their very day only. Year-only reports are too vague to
/// merge across articles, but for formal acts (see [`same_happening`]),
/// which ask that year.
fn find_match(
    conn: &Connection,
    index: &mut EventIndex,
    countries: &HashMap<i64, i64>,
    reported: &Stored,
    participants: &[i64],
) -> rusqlite::Result<Option<(i64, Stored)>> {
    let Some(date) = reported.date.as_deref() else {
        return Ok(None);
    };
    let mut exact: Vec<String> = Vec::new();
    let mut month_range: Option<String> = None;
    match (spoken(&reported.kind), date.len()) {
        // Words said merge across articles only when reported for the very
        // same day (see `same_happening`): a day asks only itself, a month
        // nothing. Without this, every statement dated to its publication
        // month was compared with every other of that month.
        (true, 10) => exact.push(date.to_string()),
        (true, _) => return Ok(None),
        (false, 10) => {
            exact.push(date.to_string());
            if let Ok(d) = date.parse::<jiff::civil::Date>() {
                for n in [-1, 1] {
                    if let Ok(x) = d.checked_add(jiff::Span::new().days(n)) {
                        exact.push(x.to_string());
                    }
                }
            }
            exact.push(date[..7].to_string());
            exact.push(date[..4].to_string());
        }
        (false, 7) => {
            exact.push(date.to_string());
            exact.push(date[..4].to_string());
            month_range = Some(date.to_string());
        }
        (false, 4) if formal_kind(&reported.kind) => exact.push(date.to_string()),
        _ => return Ok(None),
    }
    // Events naming the country of a place named here are candidates too.
    let participants: Vec<i64> = participants
        .iter()
        .chain(&reported.within)
        .copied()
        .collect();
    let actors: Vec<i64> = reported.actors.iter().copied().collect();
    let question = Question {
        kind: &reported.kind,
        exact: &exact,
        month_range: month_range.as_deref(),
        participants: &participants,
        actors: &actors,
    };
    let (places, within): (Vec<i64>, Vec<i64>) = (
        reported.places.iter().copied().collect(),
        reported.within.iter().copied().collect(),
    );
    let reported = Cast {
        kind: &reported.kind,
        date: reported.date.as_deref(),
        actors: &actors,
        places: &places,
        within: &within,
    };
    index.first_match(conn, countries, &question, |stored| {
        same_happening(stored, &reported, false)
    })
}
