//! Events across articles: a reported event joins an existing event when
//! [`same_happening`] says they are one; otherwise it becomes a new row. The
//! candidates are the events that share a participant with it on a date that
//! can match, found in the writer's [`EventIndex`].

use rusqlite::{params, Connection};

use super::event_index::EventIndex;
use crate::extract::events::{better_date, same_happening, signature, Signature};
use crate::extract::{Extraction, EXTRACTOR};

pub(super) fn write_events(
    conn: &Connection,
    index: &mut EventIndex,
    article: i64,
    x: &Extraction,
    entity_ids: &[i64],
) -> rusqlite::Result<()> {
    for ev in &x.events {
        let sig = signature(ev, &x.entities);
        let participant_ids: Vec<i64> = ev
            .participants
            .iter()
            .map(|(i, _)| entity_ids[*i])
            .collect();
        let location_id = ev.location.map(|i| entity_ids[i]);
        let existing = match ev.date {
            Some(_) => find_match(conn, index, &sig, &participant_ids)?,
            None => None,
        };
        let event_id = match existing {
            Some((id, stored_date)) => {
                let date = better_date(stored_date.as_deref(), ev.date.as_deref());
                if date != stored_date {
                    if let Some(d) = &date {
                        index.redated(d);
                    }
                    conn.prepare_cached(
                        "UPDATE events SET occurred_on = ?2, date_precision = ?3, date_text = ?4 WHERE id = ?1",
                    )?
                    .execute(params![id, date, ev.precision.as_str(), ev.date_text])?;
                }
                if let Some(l) = location_id {
                    conn.prepare_cached(
                        "UPDATE events SET location_id = ?2 WHERE id = ?1 AND location_id IS NULL",
                    )?
                    .execute(params![id, l])?;
                }
                // Keep the remembered signature equal to what is stored now.
                index.added(date.as_deref(), id, &participant_ids);
                if let Some(known) = index.remembered(id) {
                    known.date = date;
                    known.actors.extend(sig.actors.iter().cloned());
                    known.places.extend(sig.places.iter().cloned());
                }
                id
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
                index.added(ev.date.as_deref(), id, &participant_ids);
                index.remember(id, sig);
                id
            }
        };
        let mut part = conn.prepare_cached(
            "INSERT OR IGNORE INTO event_participants (event_id, entity_id, role) VALUES (?1, ?2, ?3)",
        )?;
        for (&(_, role), &eid) in ev.participants.iter().zip(&participant_ids) {
            part.execute(params![event_id, eid, role])?;
        }
        conn.prepare_cached("INSERT OR IGNORE INTO event_articles (event_id, article_id, evidence) VALUES (?1, ?2, ?3)")?
            .execute(params![event_id, article, ev.evidence])?;
    }
    Ok(())
}

/// The oldest stored event that is the same happening, with its date.
///
/// Candidates share a participant and have a date that can match: for a day,
/// that day, the days either side, its month and its year; for a month, the
/// month, its days and its year. Both lookups use indexes, so the cost does
/// not grow with the archive. Year-only reports are too vague to merge
/// across articles.
fn find_match(
    conn: &Connection,
    index: &mut EventIndex,
    sig: &Signature,
    participants: &[i64],
) -> rusqlite::Result<Option<(i64, Option<String>)>> {
    let Some(date) = sig.date.as_deref() else {
        return Ok(None);
    };
    let mut exact: Vec<String> = Vec::new();
    let mut month_range: Option<String> = None;
    match date.len() {
        10 => {
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
        7 => {
            exact.push(date.to_string());
            exact.push(date[..4].to_string());
            month_range = Some(date.to_string());
        }
        _ => return Ok(None),
    }
    for id in index.candidates(conn, &exact, month_range.as_deref(), participants)? {
        if let Some(stored) = index.signature(conn, id)? {
            if same_happening(stored, sig, false) {
                return Ok(Some((id, stored.date.clone())));
            }
        }
    }
    Ok(None)
}
