//! Events across articles: a reported event joins an existing event when
//! [`same_happening`] says they are one; otherwise it becomes a new row. The
//! candidates are the events that share a participant with it, found through
//! the `event_participants_entity` index.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{params, Connection, OptionalExtension};

use crate::extract::events::{better_date, same_happening, signature, Signature};
use crate::extract::{Extraction, EXTRACTOR};

pub(super) fn write_events(
    conn: &Connection,
    signatures: &mut HashMap<i64, Signature>,
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
            Some(_) => find_match(conn, signatures, &sig, &participant_ids)?,
            None => None,
        };
        let event_id = match existing {
            Some((id, stored_date)) => {
                let date = better_date(stored_date.as_deref(), ev.date.as_deref());
                if date != stored_date {
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
                if let Some(known) = signatures.get_mut(&id) {
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
                signatures.insert(id, sig.clone());
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
    signatures: &mut HashMap<i64, Signature>,
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
    // Only events that share a participant, found from the date index:
    // starting from a participant such as Kim Jong Un would scan all his
    // events, so CROSS JOIN and the unary + keep SQLite on the dates.
    let marks: Vec<String> = (0..participants.len())
        .map(|i| format!("?{}", i + 3))
        .collect();
    let sql = format!(
        "SELECT e.id FROM events e CROSS JOIN event_participants p ON p.event_id = e.id
         WHERE e.occurred_on BETWEEN ?1 AND ?2 AND +p.entity_id IN ({})",
        marks.join(", ")
    );
    let mut candidates = BTreeSet::new();
    let mut collect = |lo: &str, hi: &str| -> rusqlite::Result<()> {
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut params: Vec<&dyn rusqlite::ToSql> = vec![&lo, &hi];
        params.extend(participants.iter().map(|p| p as &dyn rusqlite::ToSql));
        for id in stmt.query_map(params.as_slice(), |r| r.get::<_, i64>(0))? {
            candidates.insert(id?);
        }
        Ok(())
    };
    for d in &exact {
        collect(d, d)?;
    }
    if let Some(m) = month_range {
        collect(&format!("{m}-01"), &format!("{m}-99"))?;
    }
    for id in candidates {
        let stored = match signatures.get(&id) {
            Some(known) => Some(known.clone()),
            None => stored_signature(conn, id)?,
        };
        if let Some(stored) = stored {
            let matched = same_happening(&stored, sig, false);
            let date = stored.date.clone();
            signatures.insert(id, stored);
            if matched {
                return Ok(Some((id, date)));
            }
        }
    }
    Ok(None)
}

fn stored_signature(conn: &Connection, id: i64) -> rusqlite::Result<Option<Signature>> {
    let head: Option<(String, Option<String>)> = conn
        .prepare_cached("SELECT kind, occurred_on FROM events WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((kind, date)) = head else {
        return Ok(None);
    };
    let mut actors = BTreeSet::new();
    let mut places = BTreeSet::new();
    let mut stmt = conn.prepare_cached(
        "SELECT e.key, e.kind FROM event_participants p JOIN entities e ON e.id = p.entity_id WHERE p.event_id = ?1",
    )?;
    for row in stmt.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })? {
        let (key, kind) = row?;
        if kind == "location" {
            places.insert(key);
        } else {
            actors.insert(key);
        }
    }
    Ok(Some(Signature {
        kind,
        date,
        actors,
        places,
    }))
}
