//! Re-extraction of every stored article from its stored text, without
//! reading any file: after the extraction rules or the gazetteer change, one
//! `chronik reindex` brings the whole archive up to them.
//!
//! Everything derived is cleared and rebuilt in one transaction, articles in
//! id order, so the result (ids included) equals a fresh import of the same
//! files and a second run changes nothing.

use rusqlite::{params, Connection};

use crate::extract::{extract, ArticleText};
use crate::ingest::{clean::clean, decode::normalise};
use crate::store;

/// What a reindex did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: u64,
    pub entities: i64,
    pub mentions: i64,
    pub events: i64,
}

/// Rebuilds entities, mentions, events and citations of every article.
pub fn run(conn: &mut Connection) -> rusqlite::Result<Summary> {
    let tx = conn.transaction()?;
    tx.execute_batch(
        "DELETE FROM mentions; DELETE FROM event_articles; DELETE FROM event_participants;
         DELETE FROM events; DELETE FROM citations; DELETE FROM entity_aliases; DELETE FROM entities;",
    )?;
    let articles: Vec<(i64, String, Option<String>)> = {
        let mut stmt = tx.prepare("SELECT id, raw_text, published_on FROM articles ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut summary = Summary::default();
    let mut cache = store::Cache::default();
    for (id, raw, published) in articles {
        let cleaned = clean(&normalise(&raw));
        let x = extract(&ArticleText {
            title: &cleaned.title,
            body: &cleaned.body,
            published: published.as_deref().and_then(|p| p.parse().ok()),
            credits: &cleaned.credits,
        });
        tx.prepare_cached("UPDATE articles SET title = ?2, body = ?3 WHERE id = ?1 AND (title IS NOT ?2 OR body IS NOT ?3)")?
            .execute(params![id, cleaned.title, cleaned.body])?;
        let stems = store::search::Stemmed::of(Some(&cleaned.title), &cleaned.body);
        store::search::index_article(&tx, id, &stems)?;
        store::write_extraction(&tx, &mut cache, id, &x, None)?;
        summary.articles += 1;
    }
    let count = |t: &str| {
        tx.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| {
            r.get::<_, i64>(0)
        })
    };
    summary.entities = count("entities")?;
    summary.mentions = count("mentions")?;
    summary.events = count("events")?;
    tx.commit()?;
    Ok(summary)
}
