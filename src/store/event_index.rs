//! The writer's in-memory index of stored events by date and participant.
//!
//! Every reported event asks "which stored events on these dates share a
//! participant with me?" (see [`super::events`]). Asked of SQLite, that was a
//! handful of queries per event and the largest part of the writer's time.
//! Here a date's events are read once, the first time any event asks about
//! that date, and kept up to date as the writer adds events and participants;
//! the answer is the same set of events the queries gave.
//!
//! The index is a cache: [`EventIndex::clear`] forgets everything (after a
//! rollback, or when it grows past [`MAX_ENTRIES`] so memory stays bounded on
//! huge archives), and the next question reads the dates again.

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{Connection, OptionalExtension};

use crate::extract::events::Signature;

/// Participant entries and remembered signatures kept before the index
/// starts over. A signature with its key strings takes a few hundred bytes,
/// so this bounds the index to some tens of MB whatever the archive's size.
const MAX_ENTRIES: usize = 200_000;

#[derive(Debug, Default)]
pub struct EventIndex {
    /// occurred_on (a day, a month or a year, as stored) -> participant -> events.
    by_date: HashMap<String, HashMap<i64, Vec<i64>>>,
    /// Months ("2024-07") whose days were all read at once.
    months: HashSet<String>,
    /// Signatures of events looked at, by event id.
    signatures: HashMap<i64, Signature>,
    entries: usize,
}

impl EventIndex {
    pub fn clear(&mut self) {
        *self = EventIndex::default();
    }

    fn loaded(&self, date: &str) -> bool {
        self.by_date.contains_key(date) || (date.len() == 10 && self.months.contains(&date[..7]))
    }

    fn add(&mut self, date: &str, entity: i64, event: i64) {
        let events = self
            .by_date
            .entry(date.to_string())
            .or_default()
            .entry(entity)
            .or_default();
        if !events.contains(&event) {
            events.push(event);
            self.entries += 1;
        }
    }

    /// Reads the events stored for `date` (one value) or, with `month`, for
    /// every day of that month.
    fn load(&mut self, conn: &Connection, date: &str, month: bool) -> rusqlite::Result<()> {
        if self.entries > MAX_ENTRIES {
            self.clear();
        }
        let (lo, hi) = if month {
            (format!("{date}-01"), format!("{date}-99"))
        } else {
            (date.to_string(), date.to_string())
        };
        // Every day of the range gets an entry, so a day without events is
        // not read again.
        if !month {
            self.by_date.entry(date.to_string()).or_default();
        }
        let mut stmt = conn.prepare_cached(
            "SELECT e.occurred_on, p.entity_id, p.event_id FROM events e
             JOIN event_participants p ON p.event_id = e.id
             WHERE e.occurred_on BETWEEN ?1 AND ?2",
        )?;
        let rows = stmt.query_map([&lo, &hi], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        for row in rows {
            let (on, entity, event) = row?;
            self.add(&on, entity, event);
        }
        if month {
            self.months.insert(date.to_string());
        }
        Ok(())
    }

    /// Stored events dated `exact` (any of them) or within `month_range`
    /// that have one of `participants`, oldest first.
    pub fn candidates(
        &mut self,
        conn: &Connection,
        exact: &[String],
        month_range: Option<&str>,
        participants: &[i64],
    ) -> rusqlite::Result<BTreeSet<i64>> {
        if let Some(m) = month_range {
            if !self.months.contains(m) {
                self.load(conn, m, true)?;
            }
        }
        for d in exact {
            if !self.loaded(d) {
                self.load(conn, d, false)?;
            }
        }
        let mut out = BTreeSet::new();
        let mut take = |by_entity: &HashMap<i64, Vec<i64>>| {
            for p in participants {
                if let Some(events) = by_entity.get(p) {
                    out.extend(events);
                }
            }
        };
        for d in exact {
            if let Some(by_entity) = self.by_date.get(d) {
                take(by_entity);
            }
        }
        if let Some(m) = month_range {
            for (d, by_entity) in &self.by_date {
                if d.len() == 10 && d.starts_with(m) {
                    take(by_entity);
                }
            }
        }
        Ok(out)
    }

    /// A new event or new participants of one: known under `date` from now on.
    pub fn added(&mut self, date: Option<&str>, event: i64, participants: &[i64]) {
        if let Some(d) = date {
            if self.loaded(d) {
                for &p in participants {
                    self.add(d, p, event);
                }
            }
        }
    }

    /// An event's date changed: its new date is read again when next asked
    /// (the old date's entries only add a candidate that no longer fits).
    pub fn redated(&mut self, date: &str) {
        self.by_date.remove(date);
        if date.len() >= 7 {
            self.months.remove(&date[..7]);
        }
    }

    /// The signature of stored event `id`, read once.
    pub fn signature(
        &mut self,
        conn: &Connection,
        id: i64,
    ) -> rusqlite::Result<Option<&mut Signature>> {
        if let std::collections::hash_map::Entry::Vacant(slot) = self.signatures.entry(id) {
            match stored_signature(conn, id)? {
                Some(sig) => {
                    slot.insert(sig);
                    self.entries += 1;
                }
                None => return Ok(None),
            }
        }
        Ok(self.signatures.get_mut(&id))
    }

    /// Remembers the signature of an event just written.
    pub fn remember(&mut self, id: i64, sig: Signature) {
        self.signatures.insert(id, sig);
        self.entries += 1;
    }

    /// The remembered signature of `id`, if it was looked at.
    pub fn remembered(&mut self, id: i64) -> Option<&mut Signature> {
        self.signatures.get_mut(&id)
    }
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
