//! The writer's in-memory index of stored events by date and kind.
//!
//! Every reported event asks "which stored events on these dates share a
//! participant with me, and is one of them the same happening?" (see
//! [`super::events`]). Asked of SQLite, that was a handful of queries per
//! event and per candidate, and it grew with the archive. Here a date's events
//! are read once, with their kinds and participants, in one query, the first
//! time any event asks about that date; the writer keeps the index up to date
//! as it adds events and participants. The answers are those the queries gave.
//!
//! The index is compact (dates as numbers, kinds interned, participants
//! held in place for most events: 64 bytes an event) so that it can hold
//! every dated event of a large archive. An earlier index keyed by participant
//! held a fifth as many and, bounded, was emptied and read again over and over
//! on 100,000 articles whose events spread evenly over five years.
//! [`EventIndex::clear`] forgets everything (after garbage collection, or past
//! [`MAX_EVENTS`] so memory stays bounded); the next question reads again.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

use foldhash::{HashMap, HashSet};

use rusqlite::Connection;
use smallvec::SmallVec;

use crate::extract::events::{casts_meet, kind_group, Cast, Signature};

/// Events held before the index starts over: at about 80 bytes each, some
/// tens of MB. 100,000 synthetic articles have about 130,000 dated events.
const MAX_EVENTS: usize = 600_000;

/// A stored event as far as merging needs it: its signature with entity ids.
pub type Stored = Signature<i64>;

/// A stored date ("2024", "2024-07", "2024-07-18") as one number, 20240718,
/// with zeros for the parts it lacks; `None` for anything else.
fn code(date: &str) -> Option<u32> {
    let b = date.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> { date.get(r)?.parse().ok() };
    match b.len() {
        4 => Some(num(0..4)? * 10_000),
        7 if b[4] == b'-' => Some(num(0..4)? * 10_000 + num(5..7)? * 100),
        10 if b[4] == b'-' && b[7] == b'-' => {
            Some(num(0..4)? * 10_000 + num(5..7)? * 100 + num(8..10)?)
        }
        _ => None,
    }
}

/// The stored text of a date [`code`].
fn text(code: u32) -> String {
    let (y, m, d) = (code / 10_000, code / 100 % 100, code % 100);
    match (m, d) {
        (0, _) => format!("{y:04}"),
        (_, 0) => format!("{y:04}-{m:02}"),
        _ => format!("{y:04}-{m:02}-{d:02}"),
    }
}

#[derive(Debug)]
struct Compact {
    id: i64,
    /// One bit per member (see [`mask`]): most events a question scans share
    /// no one with it, and two masks tell most of those apart with one AND.
    mask: u64,
    kind: u16,
    /// Actors first, then places, then the countries those lie in. Held
    /// in place for most events (four or fewer): a question tests the
    /// members of hundreds of events, and a pointer to each one's members
    /// elsewhere cost a cache miss apiece at 100,000 articles.
    members: SmallVec<[i64; 4]>,
    actors: u16,
    places: u16,
}

/// A 64-bit Bloom mask of entity ids: one bit each.
fn mask<'a>(ids: impl IntoIterator<Item = &'a i64>) -> u64 {
    ids.into_iter().fold(0, |m, &id| {
        m | 1 << ((id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
    })
}

/// Actors, places and the countries of those places.
type Members<'a> = (&'a BTreeSet<i64>, &'a BTreeSet<i64>, &'a BTreeSet<i64>);

impl Compact {
    fn new(id: i64, kind: u16, (a, p, w): Members) -> Compact {
        Compact {
            id,
            mask: mask(a.iter().chain(p).chain(w)),
            kind,
            actors: a.len() as u16,
            places: p.len() as u16,
            members: a.iter().chain(p).chain(w).copied().collect(),
        }
    }

    fn parts(&self) -> (&[i64], &[i64], &[i64]) {
        let (a, rest) = self.members.split_at(self.actors as usize);
        let (p, w) = rest.split_at(self.places as usize);
        (a, p, w)
    }

    /// Whether the event has one of `participants`, whose [`mask`] is `mask`.
    fn shares(&self, participants: &[i64], mask: u64) -> bool {
        self.mask & mask != 0 && self.members.iter().any(|m| participants.contains(m))
    }
}

/// What a reported event asks the index: stored events dated `exact` (any
/// of them; the reported date first) or within `month_range` ("2024-07")
/// that have one of `participants` and a kind that merges with `kind`, and
/// whose cast meets `actors` (the reported event's: see [`casts_meet`]).
pub struct Question<'a> {
    pub kind: &'a str,
    pub exact: &'a [String],
    pub month_range: Option<&'a str>,
    pub participants: &'a [i64],
    pub actors: &'a [i64],
}

/// Where an event sits: its date code and kind group.
type Key = (u32, u16);

#[derive(Debug, Default)]
pub struct EventIndex {
    /// (date code, kind group) -> its events, side by side so that a
    /// question scans them without a lookup each, in id order (oldest
    /// first, the order questions test them in). Only events of one group
    /// can merge.
    by_date: HashMap<Key, Vec<Compact>>,
    /// Events held. (Where one sits follows from its date and kind, which
    /// every caller knows: a map from id to place cost 17 MB at 500,000.)
    held: usize,
    /// Date codes whose events were read; with `months`, what is loaded.
    dates: HashSet<u32>,
    /// Months (as codes) whose days were all read at once.
    months: HashSet<u32>,
    /// Interned kinds and kind groups: `kinds[i]` and the index of its group.
    kinds: Vec<(String, u16)>,
    /// The highest event id put since the index was last cleared: an id
    /// above it is held nowhere, so putting it needs no search of its list.
    newest: i64,
}

impl EventIndex {
    pub fn clear(&mut self) {
        *self = EventIndex::default();
    }

    fn loaded(&self, date: u32) -> bool {
        self.dates.contains(&date)
            || (!date.is_multiple_of(100) && self.months.contains(&(date / 100 * 100)))
    }

    /// The interned number of `kind`, and of its group.
    fn intern(&mut self, kind: &str) -> (u16, u16) {
        let find = |kinds: &[(String, u16)], k: &str| kinds.iter().position(|(x, _)| x == k);
        let group = kind_group(kind);
        let g = match find(&self.kinds, group) {
            Some(g) => g,
            None => {
                self.kinds
                    .push((group.to_string(), self.kinds.len() as u16));
                self.kinds.len() - 1
            }
        };
        let k = match find(&self.kinds, kind) {
            Some(k) => k,
            None => {
                self.kinds.push((kind.to_string(), g as u16));
                self.kinds.len() - 1
            }
        };
        (k as u16, g as u16)
    }

    fn group_of(&self, kind: u16) -> u16 {
        self.kinds[kind as usize].1
    }

    /// `c`'s signature on `date`, the text of its date [`code`].
    fn signature(&self, c: &Compact, date: &str) -> Stored {
        let (a, p, w) = c.parts();
        Stored {
            kind: self.kinds[c.kind as usize].0.clone(),
            date: Some(date.to_string()),
            actors: a.iter().copied().collect(),
            places: p.iter().copied().collect(),
            within: w.iter().copied().collect(),
        }
    }

    /// Adds the members of `s` to event `id` under `date`, creating it.
    fn put(&mut self, id: i64, kind: u16, date: u32, s: &Members) {
        let key = (date, self.group_of(kind));
        // A new event is put with the highest id yet, so its list need not
        // be searched for it: at 100,000 articles a list holds thousands.
        let held = id <= self.newest;
        let found = self
            .by_date
            .get_mut(&key)
            .filter(|_| held)
            .and_then(|list| {
                let at = list.binary_search_by_key(&id, |c| c.id).ok()?;
                Some(&mut list[at])
            });
        let Some(c) = found else {
            return self.push(id, kind, date, s);
        };
        let (a, p, w) = c.parts();
        let set = |x: &[i64]| x.iter().copied().collect::<BTreeSet<i64>>();
        let (mut a, mut p, mut w) = (set(a), set(p), set(w));
        let before = a.len() + p.len() + w.len();
        a.extend(s.0);
        p.extend(s.1);
        w.extend(s.2);
        if a.len() + p.len() + w.len() != before {
            *c = Compact::new(id, kind, (&a, &p, &w));
        }
    }

    /// Adds event `id`, which the index does not hold, under `date`.
    fn push(&mut self, id: i64, kind: u16, date: u32, s: &Members) {
        self.newest = self.newest.max(id);
        let list = self.by_date.entry((date, self.group_of(kind))).or_default();
        insert_in_order(list, Compact::new(id, kind, *s));
        self.held += 1;
    }

    /// Reads the events stored for `date` (one value) or, with `month`, for
    /// every day of that month, with their kinds and participants.
    fn load(
        &mut self,
        conn: &Connection,
        countries: &HashMap<i64, i64>,
        date: u32,
        month: bool,
    ) -> rusqlite::Result<()> {
        let (lo, hi) = if month {
            let m = text(date);
            (format!("{m}-01"), format!("{m}-99"))
        } else {
            (text(date), text(date))
        };
        let mut stmt = conn.prepare_cached(
            "SELECT e.occurred_on, e.kind, p.event_id, p.entity_id, n.kind = 'location'
             FROM events e JOIN event_participants p ON p.event_id = e.id
             JOIN entities n ON n.id = p.entity_id
             WHERE e.occurred_on BETWEEN ?1 AND ?2 ORDER BY p.event_id",
        )?;
        let mut rows = stmt.query([&lo, &hi])?;
        // Rows come by event: gather one event's participants, then put it.
        // No event read is held yet (the index holds only events of dates
        // read, and only dates not read are read; a month skips its days
        // read before), so none is searched for.
        let mut current: Option<(i64, u16, u32)> = None;
        let (mut actors, mut places, mut within) =
            (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        while let Some(row) = rows.next()? {
            let event: i64 = row.get(2)?;
            if current.map(|c| c.0) != Some(event) {
                if let Some((id, kind, on)) = current.take() {
                    self.push(id, kind, on, &(&actors, &places, &within));
                }
                actors.clear();
                places.clear();
                within.clear();
                let on: String = row.get(0)?;
                let kind: String = row.get(1)?;
                let Some(on) = code(&on).filter(|d| !self.dates.contains(d)) else {
                    continue;
                };
                current = Some((event, self.intern(&kind).0, on));
            }
            let entity: i64 = row.get(3)?;
            match row.get::<_, bool>(4)? {
                true => {
                    places.insert(entity);
                    within.extend(countries.get(&entity));
                }
                false => {
                    actors.insert(entity);
                }
            };
        }
        if let Some((id, kind, on)) = current {
            self.push(id, kind, on, &(&actors, &places, &within));
        }
        match month {
            true => self.months.insert(date),
            false => self.dates.insert(date),
        };
        Ok(())
    }

    /// The oldest stored event that `question` finds and `same` accepts.
    ///
    /// Events a question finds are tested oldest first and only until one is
    /// accepted: with a small cast (every other event names Putin) a month
    /// holds thousands. Each is tested as it is held ([`Cast`]); only the
    /// one accepted is made into a signature.
    pub fn first_match(
        &mut self,
        conn: &Connection,
        countries: &HashMap<i64, i64>,
        question: &Question,
        mut same: impl FnMut(&Cast<i64>) -> bool,
    ) -> rusqlite::Result<Option<(i64, Stored)>> {
        let Question {
            kind,
            exact,
            month_range,
            participants,
            actors,
        } = *question;
        // Start over between questions, never within one.
        if self.held > MAX_EVENTS {
            self.clear();
        }
        let month = month_range.and_then(code);
        if let Some(m) = month {
            if !self.months.contains(&m) {
                self.load(conn, countries, m, true)?;
            }
        }
        let exact: Vec<u32> = exact.iter().filter_map(|d| code(d)).collect();
        for &d in &exact {
            if !self.loaded(d) {
                self.load(conn, countries, d, false)?;
            }
        }
        // A report without a trigger ("other") may be any kind's on its
        // very day, and any kind may be one ("other") on its day (see
        // `same_happening`): such a day asks every group.
        let group = self.intern(kind).1;
        let other = self.intern("other");
        // The reported day, if it names one (always the first date asked).
        let day = exact.first().copied().filter(|d| d % 100 != 0);
        let days = month.into_iter().flat_map(|m| (1..=31).map(move |d| m + d));
        let wanted = mask(participants);
        // Every list asked, each with where its next find is.
        let mut lists: Vec<Finds<_>> = Vec::new();
        for date in exact.iter().copied().chain(days) {
            let every_group = Some(date) == day;
            for g in 0..self.kinds.len() as u16 {
                let asked = g == group || (every_group && self.kinds[g as usize].1 == g);
                let Some(list) = self.by_date.get(&(date, g)).filter(|_| asked) else {
                    continue;
                };
                let any_kind = g == group || kind == "other";
                let found = move |c: &Compact| {
                    (any_kind || c.kind == other.0) && c.shares(participants, wanted)
                };
                lists.push(Finds::new(date, list, found));
            }
        }
        // Oldest first, as the lists are in id order: the list whose next
        // find is oldest gives it, until one is accepted. Sorting all finds
        // instead was a third of this function at 100,000 articles, and the
        // lists were scanned to their ends however early one was accepted.
        let mut heads: BinaryHeap<Reverse<(i64, usize)>> = lists
            .iter()
            .enumerate()
            .filter_map(|(n, l)| Some(Reverse((l.head()?.id, n))))
            .collect();
        let mut last = None;
        // The text of the date last tested: a list's events share theirs,
        // and formatting it anew for each cost 1.4% of the writer's instructions.
        let mut date_text = (0, String::new());
        while let Some(Reverse((id, n))) = heads.pop() {
            let finds = &mut lists[n];
            let Some(c) = finds.head() else { continue };
            let date = finds.date;
            finds.advance();
            if let Some(next) = finds.head() {
                heads.push(Reverse((next.id, n)));
            }
            // A list asked twice (a day of the month asked, and the month)
            // gives its events twice.
            if last == Some(id) {
                continue;
            }
            last = Some(id);
            let (cast_actors, places, within) = c.parts();
            // Found through a place or country alone: `same` would turn
            // it down.
            if !casts_meet(actors, cast_actors) {
                continue;
            }
            if date_text.0 != date {
                date_text = (date, text(date));
            }
            let cast = Cast {
                kind: &self.kinds[c.kind as usize].0,
                date: Some(&date_text.1),
                actors: cast_actors,
                places,
                within,
            };
            if same(&cast) {
                return Ok(Some((id, self.signature(c, &date_text.1))));
            }
        }
        Ok(None)
    }

    /// A new event or new participants of one: known under its date from now
    /// on, if that date is in the index.
    pub fn added(&mut self, id: i64, stored: &Stored) {
        let Some(date) = stored.date.as_deref().and_then(code) else {
            return;
        };
        if !self.loaded(date) {
            return;
        }
        let kind = self.intern(&stored.kind).0;
        self.put(
            id,
            kind,
            date,
            &(&stored.actors, &stored.places, &stored.within),
        );
    }

    /// Event `id`, held as `from` (its kind and date as found), is now of
    /// kind and date `to`: it moves with its members, or, if that date is
    /// not in the index, is forgotten until the date is read.
    pub fn moved(&mut self, id: i64, from: (&str, Option<&str>), to: (&str, Option<&str>)) {
        let Some(date) = from.1.and_then(code) else {
            return;
        };
        let key = (date, self.intern(from.0).1);
        let (kind, group) = self.intern(to.0);
        let Some(list) = self.by_date.get_mut(&key) else {
            return;
        };
        let Ok(at) = list.binary_search_by_key(&id, |c| c.id) else {
            return;
        };
        let mut c = list.remove(at);
        c.kind = kind;
        match to.1.and_then(code).filter(|&t| self.loaded(t)) {
            Some(to) => insert_in_order(self.by_date.entry((to, group)).or_default(), c),
            None => self.held -= 1,
        }
    }
}

/// Puts `c` into `list`, which is in id order, where its id belongs: most
/// often at the end, as new events have the highest ids.
fn insert_in_order(list: &mut Vec<Compact>, c: Compact) {
    match list.last() {
        Some(last) if last.id > c.id => {
            let at = list.partition_point(|x| x.id < c.id);
            list.insert(at, c);
        }
        _ => list.push(c),
    }
}

/// The events of one list a question finds, in the list's (id) order.
struct Finds<'a, F> {
    date: u32,
    list: &'a [Compact],
    at: usize,
    found: F,
}

impl<'a, F: Fn(&Compact) -> bool> Finds<'a, F> {
    fn new(date: u32, list: &'a [Compact], found: F) -> Self {
        let mut finds = Finds {
            date,
            list,
            at: 0,
            found,
        };
        finds.skip_to_find();
        finds
    }

    fn skip_to_find(&mut self) {
        while self.list.get(self.at).is_some_and(|c| !(self.found)(c)) {
            self.at += 1;
        }
    }

    fn head(&self) -> Option<&'a Compact> {
        self.list.get(self.at)
    }

    fn advance(&mut self) {
        self.at += 1;
        self.skip_to_find();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_member_mask_never_hides_a_shared_participant() {
        let (a, p, w): (BTreeSet<i64>, _, _) = ([3, 70].into(), [1_000_003].into(), [12].into());
        let c = Compact::new(9, 0, (&a, &p, &w));
        for id in 0..200_000 {
            let expected = [3, 70, 1_000_003, 12].contains(&id);
            assert_eq!(c.shares(&[id], mask(&[id])), expected, "{id}");
        }
        assert!(c.shares(&[5, 12], mask(&[5, 12])));
        assert!(!c.shares(&[], mask(&[])));
    }

    #[test]
    fn an_event_put_again_gains_members_whatever_its_id() {
        let mut index = EventIndex::default();
        let kind = index.intern("meeting").0;
        let set = |ids: &[i64]| ids.iter().copied().collect::<BTreeSet<i64>>();
        let none = BTreeSet::new();
        // The newest first, then an older one read from the archive, then
        // the older one again with a new member: one entry each, in id
        // order.
        index.put(9, kind, 20_240_718, &(&set(&[1]), &none, &none));
        index.put(4, kind, 20_240_718, &(&set(&[2]), &none, &none));
        index.put(4, kind, 20_240_718, &(&set(&[3]), &none, &none));
        index.put(9, kind, 20_240_718, &(&set(&[5]), &none, &none));
        let list = &index.by_date[&(20_240_718, index.group_of(kind))];
        let members: Vec<(i64, Vec<i64>)> =
            list.iter().map(|c| (c.id, c.members.to_vec())).collect();
        assert_eq!(members, vec![(4, vec![2, 3]), (9, vec![1, 5])]);
        assert_eq!(index.held, 2);
    }

    #[test]
    fn a_question_tests_the_oldest_event_first_also_after_a_move() {
        let mut index = EventIndex::default();
        let kind = index.intern("meeting").0;
        let (july, june) = (20_240_718, 20_240_618);
        index.dates.extend([july, june]);
        let set = |ids: &[i64]| ids.iter().copied().collect::<BTreeSet<i64>>();
        let none = BTreeSet::new();
        for (id, date) in [(5, july), (6, july), (7, june), (9, july)] {
            index.put(id, kind, date, &(&set(&[1, id]), &none, &none));
        }
        // Event 6 leaves July and 7 joins it: July's list stays in id order.
        index.moved(
            6,
            ("meeting", Some("2024-07-18")),
            ("meeting", Some("2024-06-18")),
        );
        index.moved(
            7,
            ("meeting", Some("2024-06-18")),
            ("meeting", Some("2024-07-18")),
        );
        let ids = |index: &EventIndex, date| -> Vec<i64> {
            let list = &index.by_date[&(date, index.group_of(kind))];
            list.iter().map(|c| c.id).collect()
        };
        assert_eq!(ids(&index, july), vec![5, 7, 9]);
        assert_eq!(ids(&index, june), vec![6]);
        let conn = Connection::open_in_memory().unwrap();
        let mut tested = Vec::new();
        let day = ["2024-07-18".to_string()];
        let question = Question {
            kind: "meeting",
            exact: &day,
            month_range: None,
            participants: &[1],
            actors: &[1],
        };
        let countries = HashMap::default();
        let found = index
            .first_match(&conn, &countries, &question, |s| {
                tested.push(s.actors.to_vec());
                s.actors.contains(&7) || s.actors.contains(&9)
            })
            .unwrap();
        assert_eq!(found.map(|(id, _)| id), Some(7));
        assert_eq!(tested, vec![vec![1, 5], vec![1, 7]]);
    }

    #[test]
    fn events_whose_cast_does_not_meet_the_question_are_not_tested() {
        let mut index = EventIndex::default();
        let kind = index.intern("meeting").0;
        let july = 20_240_718;
        index.dates.insert(july);
        let set = |ids: &[i64]| ids.iter().copied().collect::<BTreeSet<i64>>();
        let none = BTreeSet::new();
        // Moscow (9) with other people, Moscow alone, Moscow with Putin (1).
        index.put(5, kind, july, &(&set(&[2, 3]), &set(&[9]), &none));
        index.put(6, kind, july, &(&none, &set(&[9]), &none));
        index.put(7, kind, july, &(&set(&[1]), &set(&[9]), &none));
        let conn = Connection::open_in_memory().unwrap();
        let day = ["2024-07-18".to_string()];
        let question = Question {
            kind: "meeting",
            exact: &day,
            month_range: None,
            participants: &[1, 9],
            actors: &[1],
        };
        let mut tested = Vec::new();
        let found = index
            .first_match(&conn, &HashMap::default(), &question, |s| {
                tested.push(s.actors.to_vec());
                false
            })
            .unwrap();
        assert_eq!(found, None);
        assert_eq!(tested, vec![vec![], vec![1]]);
    }

    #[test]
    fn an_event_is_held_in_one_cache_line_for_most_casts() {
        // Members held in place: what a question scans lies side by side.
        assert!(std::mem::size_of::<Compact>() <= 64);
        let (a, p, w): (BTreeSet<i64>, _, _) = ([3, 70].into(), [9].into(), [12].into());
        assert!(!Compact::new(1, 0, (&a, &p, &w)).members.spilled());
    }

    #[test]
    fn a_month_read_after_one_of_its_days_holds_each_event_once() {
        let (_dir, conn) = crate::archive::scratch();
        conn.execute_batch(
            "INSERT INTO entities (id, name, kind, key, extractor, confidence) VALUES
                 (1, 'Putin', 'person', 'putin', 't', 1), (2, 'Kim', 'person', 'kim', 't', 1);
             INSERT INTO events (id, kind, occurred_on, date_precision, summary, extractor) VALUES
                 (5, 'meeting', '2024-07-18', 'day', 'meeting', 't'),
                 (6, 'meeting', '2024-07-20', 'day', 'meeting', 't');
             INSERT INTO event_participants (event_id, entity_id, role) VALUES
                 (5, 1, 'actor'), (5, 2, 'actor'), (6, 1, 'actor');",
        )
        .unwrap();
        let mut index = EventIndex::default();
        let group = index.intern("meeting").1;
        let day = ["2024-07-18".to_string()];
        let ask = |index: &mut EventIndex, exact: &[String], month| {
            let question = Question {
                kind: "meeting",
                exact,
                month_range: month,
                participants: &[1, 2],
                actors: &[1, 2],
            };
            let countries = HashMap::default();
            index
                .first_match(&conn, &countries, &question, |_| false)
                .unwrap();
        };
        ask(&mut index, &day, None);
        assert_eq!(index.held, 1);
        ask(&mut index, &[], Some("2024-07"));
        assert_eq!(index.held, 2);
        let ids =
            |date| -> Vec<i64> { index.by_date[&(date, group)].iter().map(|c| c.id).collect() };
        assert_eq!(ids(20_240_718), vec![5]);
        assert_eq!(ids(20_240_720), vec![6]);
    }

    #[test]
    fn date_codes_round_trip() {
        for d in ["2024", "2024-07", "2024-07-18", "1999-12-31"] {
            assert_eq!(code(d).map(text).as_deref(), Some(d));
        }
        assert_eq!(code("2024-07-18"), Some(20_240_718));
        assert_eq!(code("18.07.2024"), None);
        assert_eq!(code("2024-7"), None);
    }
}
