//! The writer's in-memory index of stored events by date and participant.
//!
//! Every reported event asks "which stored events on these dates share a
//! participant with me, and is one of them the same happening?" (see
//! [`super::events`]). Asked of SQLite, that was a handful of queries per
//! event and per candidate, and it grew with the archive: on 100,000
//! synthetic articles, reading candidates' signatures one by one took half of
//! the writer's time. Here a date's events are read once, with their kinds and
//! participants, in one query, the first time any event asks about that date;
//! the writer keeps the index up to date as it adds events and participants.
//! The answers are those the queries gave.
//!
//! Participants are kept as entity ids: one entity per key, so comparing ids
//! is comparing keys. The index is a cache: [`EventIndex::clear`] forgets
//! everything (after a rollback, or when it grows past [`MAX_ENTRIES`] so
//! memory stays bounded), and the next question reads the dates again.

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::Connection;

use crate::extract::events::{kind_group, Signature};

/// Participant entries kept before the index starts over: with its event's
/// share of kind and date, about 100 bytes each, so some tens of MB.
const MAX_ENTRIES: usize = 250_000;

/// A stored event as far as merging needs it: its signature with entity ids.
pub type Stored = Signature<i64>;

#[derive(Debug, Default)]
pub struct EventIndex {
    /// occurred_on (a day, a month or a year, as stored) -> kind group (see
    /// [`kind_group`]) -> participant -> events. Only events of one group can
    /// merge, and a popular participant has many events of other kinds.
    by_date: HashMap<String, HashMap<String, HashMap<i64, Vec<i64>>>>,
    /// Months ("2024-07") whose days were all read at once.
    months: HashSet<String>,
    /// Kind, date and participants of every event in `by_date`.
    events: HashMap<i64, Stored>,
    entries: usize,
}

impl EventIndex {
    pub fn clear(&mut self) {
        *self = EventIndex::default();
    }

    fn loaded(&self, date: &str) -> bool {
        self.by_date.contains_key(date) || (date.len() == 10 && self.months.contains(&date[..7]))
    }

    fn add(&mut self, date: &str, kind: &str, entity: i64, event: i64) {
        // Keys are allocated only the first time: this runs for every row read.
        if !self.by_date.contains_key(date) {
            self.by_date.insert(date.to_string(), HashMap::new());
        }
        let Some(groups) = self.by_date.get_mut(date) else {
            return;
        };
        let group = kind_group(kind);
        if !groups.contains_key(group) {
            groups.insert(group.to_string(), HashMap::new());
        }
        let Some(by_entity) = groups.get_mut(group) else {
            return;
        };
        let events = by_entity.entry(entity).or_default();
        if !events.contains(&event) {
            events.push(event);
            self.entries += 1;
        }
    }

    /// Reads the events stored for `date` (one value) or, with `month`, for
    /// every day of that month, with their kinds and participants.
    fn load(&mut self, conn: &Connection, date: &str, month: bool) -> rusqlite::Result<()> {
        let (lo, hi) = if month {
            (format!("{date}-01"), format!("{date}-99"))
        } else {
            (date.to_string(), date.to_string())
        };
        // Every day asked for gets an entry, so a day without events is not
        // read again.
        if !month {
            self.by_date.entry(date.to_string()).or_default();
        }
        let mut stmt = conn.prepare_cached(
            "SELECT e.occurred_on, e.kind, p.event_id, p.entity_id, n.kind = 'location'
             FROM events e JOIN event_participants p ON p.event_id = e.id
             JOIN entities n ON n.id = p.entity_id
             WHERE e.occurred_on BETWEEN ?1 AND ?2",
        )?;
        let mut rows = stmt.query([&lo, &hi])?;
        while let Some(row) = rows.next()? {
            let on: String = row.get(0)?;
            let event: i64 = row.get(2)?;
            let entity: i64 = row.get(3)?;
            let place: bool = row.get(4)?;
            let stored = match self.events.entry(event) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(Stored {
                    kind: row.get(1)?,
                    date: Some(on.clone()),
                    actors: BTreeSet::new(),
                    places: BTreeSet::new(),
                }),
            };
            match place {
                true => stored.places.insert(entity),
                false => stored.actors.insert(entity),
            };
            let kind = stored.kind.clone();
            self.add(&on, &kind, entity, event);
        }
        if month {
            self.months.insert(date.to_string());
        }
        Ok(())
    }

    /// Stored events dated `exact` (any of them) or within `month_range`
    /// that have one of `participants` and a kind that merges with `kind`,
    /// oldest first.
    pub fn candidates(
        &mut self,
        conn: &Connection,
        kind: &str,
        exact: &[String],
        month_range: Option<&str>,
        participants: &[i64],
    ) -> rusqlite::Result<Vec<(i64, &Stored)>> {
        // Start over between questions, never within one.
        if self.entries > MAX_ENTRIES {
            self.clear();
        }
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
        let group = kind_group(kind);
        let mut ids = BTreeSet::new();
        let mut take = |date: &str| {
            let Some(by_entity) = self.by_date.get(date).and_then(|g| g.get(group)) else {
                return;
            };
            for p in participants {
                if let Some(events) = by_entity.get(p) {
                    ids.extend(events);
                }
            }
        };
        for d in exact {
            take(d);
        }
        if let Some(m) = month_range {
            // Its days by name: scanning every date held grows with the index.
            for day in 1..=31 {
                take(&format!("{m}-{day:02}"));
            }
        }
        Ok(ids
            .into_iter()
            .filter_map(|id| self.events.get(&id).map(|s| (id, s)))
            .collect())
    }

    /// A new event or new participants of one: known under its date from now
    /// on, if that date is in the index.
    pub fn added(&mut self, id: i64, stored: &Stored) {
        let Some(d) = stored.date.clone() else {
            return;
        };
        if !self.loaded(&d) {
            return;
        }
        for &p in stored.actors.iter().chain(&stored.places) {
            self.add(&d, &stored.kind, p, id);
        }
        match self.events.get_mut(&id) {
            Some(known) => {
                known.date = stored.date.clone();
                known.actors.extend(&stored.actors);
                known.places.extend(&stored.places);
            }
            None => {
                self.events.insert(id, stored.clone());
            }
        }
    }

    /// An event's date changed: the dates it was and is under are read again
    /// when next asked.
    pub fn redated(&mut self, id: i64, dates: [Option<&str>; 2]) {
        self.events.remove(&id);
        for date in dates.into_iter().flatten() {
            self.by_date.remove(date);
            if date.len() >= 7 {
                self.months.remove(&date[..7]);
            }
        }
    }
}
