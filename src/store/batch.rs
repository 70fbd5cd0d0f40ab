//! Work an import leaves to the end of each write transaction: the batch's
//! new articles are indexed for full-text search (schema V10) and their
//! mentions counted (V11) with a few statements over the whole batch,
//! instead of by triggers row by row, which cost FTS5 a segment per article
//! and the counts several upserts per mention.
//!
//! [`defer`] notes the highest article id stored before the batch; the
//! triggers leave every article above it alone until [`finish`] does its
//! work and removes the note, in the same transaction. With a single
//! writer, every id above the note belongs to this transaction.

use rusqlite::{Connection, OptionalExtension};

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

/// Indexes and counts every article stored since [`defer`], and ends the
/// deferral; does nothing if none is under way.
pub fn finish(conn: &Connection) -> rusqlite::Result<()> {
    let after: Option<i64> = conn
        .prepare_cached("SELECT after FROM import_deferred")?
        .query_row([], |r| r.get(0))
        .optional()?;
    let Some(after) = after else {
        return Ok(());
    };
    search::index_since(conn, after)?;
    // Still deferred: the rows this adds to `article_entities` must not be
    // counted again by its trigger.
    count_since(conn, after)?;
    conn.prepare_cached("DELETE FROM import_deferred")?
        .execute([])?;
    Ok(())
}

/// Adds what the mentions of articles above `after` count to the tables the
/// V4 triggers keep: mentions per article and entity, mentions and articles
/// per entity, shared articles per pair of entities.
fn count_since(conn: &Connection, after: i64) -> rusqlite::Result<()> {
    // Inserted while deferred, so these rows fire no per-row counting.
    // The unary + keeps SQLite from reading the whole entity index in
    // group order instead of the batch's range and a small sort.
    conn.prepare_cached(
        "INSERT INTO article_entities (article_id, entity_id, mentions)
         SELECT article_id, entity_id, count(*) FROM mentions WHERE article_id > ?1
         GROUP BY article_id, +entity_id",
    )?
    .execute([after])?;
    conn.prepare_cached(
        "INSERT INTO entity_counts (entity_id, mentions, articles)
         SELECT entity_id, sum(mentions), count(*) FROM article_entities WHERE article_id > ?1
         GROUP BY +entity_id
         ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + excluded.mentions,
             articles = articles + excluded.articles",
    )?
    .execute([after])?;
    conn.prepare_cached(
        "INSERT INTO entity_pair_counts (entity_a, entity_b, shared_articles)
         SELECT a.entity_id, b.entity_id, count(*) FROM article_entities a
         JOIN article_entities b ON b.article_id = a.article_id AND a.entity_id < b.entity_id
         WHERE a.article_id > ?1
         GROUP BY a.entity_id, b.entity_id
         ON CONFLICT (entity_a, entity_b) DO UPDATE
             SET shared_articles = shared_articles + excluded.shared_articles",
    )?
    .execute([after])?;
    Ok(())
}
