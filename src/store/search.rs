//! The stemmed shadow columns of `articles` (table `articles_stem`, indexed
//! by `articles_stem_fts` through triggers): written with every article, and
//! filled in on opening for articles that lack them (an archive from before
//! schema V3, or articles edited by another client).

use rusqlite::{params, Connection, OptionalExtension};

use crate::stem::stem_text;

/// An article's title and body as stems, computed where the text is prepared
/// (on any thread) so that the single writer only stores them.
#[derive(Debug, Clone, Default)]
pub struct Stemmed {
    pub title: Option<String>,
    pub body: String,
}

impl Stemmed {
    pub fn of(title: Option<&str>, body: &str) -> Stemmed {
        Stemmed {
            title: title.map(stem_text),
            body: stem_text(body),
        }
    }
}

/// Writes the stems of article `id`'s title and body.
pub fn index_article(conn: &Connection, id: i64, stems: &Stemmed) -> rusqlite::Result<()> {
    // An upsert, not INSERT OR REPLACE: REPLACE would delete without firing
    // the trigger that keeps the FTS index in step.
    conn.prepare_cached(
        "INSERT OR FAIL INTO articles_stem (article_id, title, body) VALUES (?1, ?2, ?3)
         ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, body = excluded.body",
    )?
    .execute(params![id, stems.title, stems.body])?;
    Ok(())
}

/// Stems every article listed in `articles_stem_pending` (new or edited by
/// another client, or from before schema V3), in one transaction; returns
/// how many. Costs one small query when there are none.
pub fn backfill(conn: &mut Connection) -> rusqlite::Result<usize> {
    let pending: Vec<i64> = {
        let mut stmt =
            conn.prepare("SELECT article_id FROM articles_stem_pending ORDER BY article_id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    if pending.is_empty() {
        return Ok(0);
    }
    let tx = conn.transaction()?;
    for id in &pending {
        let row: Option<(Option<String>, String)> = tx
            .prepare_cached("SELECT title, body FROM articles WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match row {
            Some((title, body)) => index_article(&tx, *id, &Stemmed::of(title.as_deref(), &body))?,
            None => {
                tx.prepare_cached("DELETE FROM articles_stem_pending WHERE article_id = ?1")?
                    .execute([id])?;
            }
        }
    }
    tx.commit()?;
    Ok(pending.len())
}

/// Indexes every article with an id above `after` in both full-text
/// tables, one statement each (see [`super::batch`]).
pub(super) fn index_since(conn: &Connection, after: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO articles_fts (rowid, title, body)
         SELECT id, title, body FROM articles WHERE id > ?1 ORDER BY id",
    )?
    .execute([after])?;
    conn.prepare_cached(
        "INSERT INTO articles_stem_fts (rowid, title, body)
         SELECT article_id, title, body FROM articles_stem WHERE article_id > ?1 ORDER BY article_id",
    )?
    .execute([after])?;
    Ok(())
}
