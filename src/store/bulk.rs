//! A large import into an empty archive builds some indexes at its end
//! instead of keeping them up to date file by file (schema V13).
//!
//! Indexes by entity or by date take each new row somewhere in the middle:
//! at 100,000 synthetic articles the five below were about 120 MB of
//! b-trees the writer touched at random, read back from the disk and wrote
//! to the WAL at every commit. Built once from the finished tables, they
//! are a sort and a sequential write. Only an import into an empty archive
//! drops them, so the rebuild costs no more than what the import adds, and
//! no article is replaced (replacing one reads mentions by entity).
//!
//! Such an import also drops the insert triggers that have nothing to do
//! while it runs ([`QUIET`]) but still cost a sub-program run for each row.
//!
//! [`drop_deferred`] notes each index's and trigger's statement in
//! `import_dropped_indexes` in the transaction that drops it;
//! [`build_dropped`] makes them again and empties the table in one
//! transaction. A killed import leaves the table filled, and the next
//! opening of the archive makes them (see `archive`).

use rusqlite::Connection;

/// Indexes the writer does not read while it adds new articles: the mentions
/// and counted pairs by entity, the participants by entity and date, the
/// events in timeline and month order. (The events by date stay: the
/// writer's event index reads a day's events through them.)
const DEFERRED: &[&str] = &[
    "mentions_entity",
    "article_entities_entity",
    "event_participants_entity",
    "events_timeline",
    "events_month",
];

/// Insert triggers with nothing to do while such an import runs, though
/// each still runs its WHEN clause for every row: the counting triggers
/// of mentions, counted pairs and event links and the full-text triggers
/// (schemas V10, V11, V18) leave every article of a batch to the batch's
/// end (see `batch`), where the writer does their work, and every
/// participant row the writer inserts carries its event's date already,
/// which is all `event_participants_dated` would write. At 30,000
/// synthetic articles these six ran about 2.3 million times. The last two note
/// each new article as waiting for its stems and strike the note when they
/// are written, which the writer does for every article it stores, in the
/// same transaction; each made its statement keep a statement journal.
const QUIET: &[&str] = &[
    "mentions_count_insert",
    "article_entities_insert",
    "event_articles_outlet_insert",
    "event_participants_dated",
    "articles_fts_insert",
    "articles_stem_fts_insert",
    "articles_stem_pending_insert",
    "articles_stem_written",
];

/// Drops the deferred indexes and the quiet triggers, noting how to make
/// each again.
pub fn drop_deferred(conn: &Connection) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    for (kind, names) in [("index", DEFERRED), ("trigger", QUIET)] {
        for name in names {
            let noted = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO import_dropped_indexes (name, sql)
                     SELECT name, sql FROM sqlite_master WHERE type = ?1 AND name = ?2",
                )?
                .execute([kind, name])?;
            if noted == 1 {
                tx.execute_batch(&format!("DROP {kind} \"{name}\""))?;
            }
        }
    }
    tx.commit()
}

/// Whether indexes or triggers wait to be made again.
pub fn waiting(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM import_dropped_indexes)",
        [],
        |r| r.get(0),
    )
}

/// Makes every index and trigger [`drop_deferred`] dropped and forgets them. Does
/// nothing (and writes nothing) when none waits.
pub fn build_dropped(conn: &Connection) -> rusqlite::Result<()> {
    let waiting: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM import_dropped_indexes ORDER BY name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if waiting.is_empty() {
        return Ok(());
    }
    // Sorting an index's rows spills to temporary files beyond the page
    // cache; kept in memory (the writer's setting), a large archive's sort
    // would hold them all. The connection's settings come back after.
    // The sorts may use helper threads, one per core: rebuilding the five
    // indexes of an archive of 100,000 synthetic articles (SQLite 3.40, from
    // Python) took 8.6 s with none and 6.5-7.2 s with two (BENCHMARKS.md,
    // twentieth session).
    let pragma = |name: &str| conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, i64>(0));
    let (store, cache, threads) = (
        pragma("temp_store")?,
        pragma("cache_size")?,
        pragma("threads")?,
    );
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    conn.execute_batch(&format!(
        "PRAGMA temp_store = FILE; PRAGMA cache_size = -4096; PRAGMA threads = {cores}"
    ))?;
    let built = build(conn, &waiting);
    conn.execute_batch(&format!(
        "PRAGMA temp_store = {store}; PRAGMA cache_size = {cache}; PRAGMA threads = {threads}"
    ))?;
    built
}

fn build(conn: &Connection, waiting: &[(String, String)]) -> rusqlite::Result<()> {
    let tx = conn.unchecked_transaction()?;
    for (name, sql) in waiting {
        // Someone may have made it again by hand in the meantime.
        let exists: bool = tx.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type IN ('index', 'trigger') AND name = ?1",
            [name],
            |r| r.get(0),
        )?;
        if !exists {
            tx.execute_batch(sql)?;
        }
    }
    tx.execute("DELETE FROM import_dropped_indexes", [])?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pragma(conn: &Connection, name: &str) -> i64 {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .unwrap()
    }

    fn count(conn: &Connection, kind: &str) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = ?1",
            [kind],
            |r| r.get(0),
        )
        .unwrap()
    }

    #[test]
    fn what_was_dropped_is_made_again_and_the_settings_come_back() {
        let (_dir, conn) = crate::archive::scratch();
        let settings = |conn: &Connection| {
            ["temp_store", "cache_size", "threads"].map(|name| pragma(conn, name))
        };
        let before = settings(&conn);
        let (indexes, triggers) = (count(&conn, "index"), count(&conn, "trigger"));
        drop_deferred(&conn).unwrap();
        assert!(waiting(&conn).unwrap());
        assert_eq!(count(&conn, "index"), indexes - DEFERRED.len() as i64);
        assert_eq!(count(&conn, "trigger"), triggers - QUIET.len() as i64);
        build_dropped(&conn).unwrap();
        assert!(!waiting(&conn).unwrap());
        assert_eq!(
            (count(&conn, "index"), count(&conn, "trigger")),
            (indexes, triggers)
        );
        assert_eq!(settings(&conn), before);
    }
}
