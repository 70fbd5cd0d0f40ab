//! Work an import leaves to the end of each write transaction: the batch's
//! new articles are indexed for full-text search (schema V10), and what
//! their mentions count (V11) and their event links count by outlet (V18)
//! is added to the count tables, with a few statements over the whole batch
//! instead of by triggers row by row, which cost FTS5 a segment per article,
//! the counts several upserts per mention and each link a read of its
//! article and an upsert.
//!
//! [`defer`] notes the highest article id stored before the batch; the
//! triggers leave every article above it alone until [`finish`] removes
//! the note and does their work, in the same transaction. With a single
//! writer, every id above the note belongs to this transaction, and the
//! writer gathers what they count in [`Counts`] as it stores them: adding
//! up entities and pairs in memory costs far less than SQLite reading the
//! batch's mentions back and grouping them (about a tenth of the writer's
//! time at 10,000 articles).

use std::sync::LazyLock;

use foldhash::HashMap;
use rusqlite::{Connection, OptionalExtension};

use super::rows::Rows;
use super::search;

/// Starts deferring. Call it before the first write of a write transaction,
/// and [`finish`] before its commit.
pub fn defer(conn: &Connection) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO import_deferred (only, after)
         SELECT 1, coalesce(max(id), 0) FROM articles",
    )?
    .execute([])?;
    Ok(())
}

/// What the batch's new articles count: per entity, its mentions and
/// articles; per pair of entities (the smaller id first), the articles
/// naming both; per event and outlet, the articles of that outlet linked to
/// the event. The rows of `article_entities` the writer inserts itself.
#[derive(Debug, Default)]
pub struct Counts {
    entities: HashMap<i64, (i64, i64)>,
    pairs: HashMap<(i64, i64), i64>,
    outlets: HashMap<(i64, i64), i64>,
}

impl Counts {
    /// Adds one article: its entities with their mentions, by entity id in
    /// ascending order, each once.
    pub(super) fn add(&mut self, entities: &[(i64, i64)]) {
        for (i, &(entity, mentions)) in entities.iter().enumerate() {
            let counted = self.entities.entry(entity).or_default();
            counted.0 += mentions;
            counted.1 += 1;
            for &(other, _) in &entities[i + 1..] {
                *self.pairs.entry((entity, other)).or_default() += 1;
            }
        }
    }

    /// Adds one article of outlet `source`, linked to `events` (an event
    /// may be listed twice; the article counts once for it).
    pub(super) fn add_links(&mut self, source: i64, events: &[i64]) {
        for (i, &event) in events.iter().enumerate() {
            if !events[..i].contains(&event) {
                *self.outlets.entry((event, source)).or_default() += 1;
            }
        }
    }
}

/// Indexes every article stored since [`defer`], adds `counts` (the
/// articles' counts, then empty) to the count tables, and ends the
/// deferral; does nothing if none is under way.
pub fn finish(conn: &Connection, counts: &mut Counts) -> rusqlite::Result<()> {
    // The deferral can end first: no trigger reads it for the full-text and
    // count tables written below.
    let after: Option<i64> = conn
        .prepare_cached("DELETE FROM import_deferred RETURNING after")?
        .query_row([], |r| r.get(0))
        .optional()?;
    let Some(after) = after else {
        return Ok(());
    };
    search::index_since(conn, after)?;
    add_counts(conn, counts)
}

/// Rows of three numbers for `table`'s `columns`, up to 64 per statement;
/// a row whose first `key` columns are stored already adds the rest to the
/// stored counts.
fn adding(table: &str, columns: [&str; 3], key: usize) -> Rows {
    let sums: Vec<String> = columns[key..]
        .iter()
        .map(|c| format!("{c} = {c} + excluded.{c}"))
        .collect();
    Rows::new(
        &format!(
            "INSERT OR FAIL INTO {table} ({}) VALUES",
            columns.join(", ")
        ),
        "(@1, @2, @3)",
        0,
        3,
        64,
    )
    .ending(&format!(
        "ON CONFLICT ({}) DO UPDATE SET {}",
        columns[..key].join(", "),
        sums.join(", ")
    ))
}

/// Entities' mentions and articles.
static ENTITY_COUNTS: LazyLock<Rows> =
    LazyLock::new(|| adding("entity_counts", ["entity_id", "mentions", "articles"], 1));

/// Pairs' shared articles.
static PAIR_COUNTS: LazyLock<Rows> = LazyLock::new(|| {
    adding(
        "entity_pair_counts",
        ["entity_a", "entity_b", "shared_articles"],
        2,
    )
});

/// Events' articles by outlet. A pair new to the table counts an outlet
/// more for its event (V6's trigger on `event_outlets`); an upsert that
/// updates fires no insert trigger.
static OUTLET_COUNTS: LazyLock<Rows> =
    LazyLock::new(|| adding("event_outlets", ["event_id", "source_id", "articles"], 2));

/// Adds `counts` to the tables the V4 and V6 triggers keep, in key order
/// (each table's pages in turn), and empties it.
fn add_counts(conn: &Connection, counts: &mut Counts) -> rusqlite::Result<()> {
    let entities = counts.entities.drain().map(|(e, (m, a))| [e, m, a]);
    insert_sorted(conn, &ENTITY_COUNTS, entities.collect())?;
    let pairs = counts.pairs.drain().map(|((a, b), n)| [a, b, n]);
    insert_sorted(conn, &PAIR_COUNTS, pairs.collect())?;
    let outlets = counts.outlets.drain().map(|((e, s), n)| [e, s, n]);
    insert_sorted(conn, &OUTLET_COUNTS, outlets.collect())
}

/// Inserts `rows` of three numbers with `statements`, sorted.
fn insert_sorted(
    conn: &Connection,
    statements: &Rows,
    mut rows: Vec<[i64; 3]>,
) -> rusqlite::Result<()> {
    rows.sort_unstable();
    statements.insert(
        conn,
        rows.len(),
        |_| Ok(()),
        |s, n, at| {
            let [a, b, c] = rows[n];
            s.raw_bind_parameter(at, a)?;
            s.raw_bind_parameter(at + 1, b)?;
            s.raw_bind_parameter(at + 2, c)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn an_article_counts_its_entities_once_and_each_pair_once() {
        let mut counts = Counts::default();
        counts.add(&[(1, 2), (3, 1), (5, 4)]);
        counts.add(&[(3, 1), (5, 1)]);
        let mut entities: Vec<_> = counts.entities.into_iter().collect();
        entities.sort_unstable();
        assert_eq!(entities, vec![(1, (2, 1)), (3, (2, 2)), (5, (5, 2))]);
        let mut pairs: Vec<_> = counts.pairs.into_iter().collect();
        pairs.sort_unstable();
        assert_eq!(pairs, vec![((1, 3), 1), ((1, 5), 1), ((3, 5), 2)]);
    }

    #[test]
    fn an_article_counts_once_for_each_event_it_is_linked_to() {
        let mut counts = Counts::default();
        counts.add_links(7, &[10, 11, 10]);
        counts.add_links(7, &[11]);
        counts.add_links(8, &[11]);
        let mut outlets: Vec<_> = counts.outlets.into_iter().collect();
        outlets.sort_unstable();
        assert_eq!(outlets, vec![((10, 7), 1), ((11, 7), 2), ((11, 8), 1)]);
    }
}
