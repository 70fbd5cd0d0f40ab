//! `chronik search`: German-aware full-text search.
//!
//! The query is parsed and stemmed in Rust ([`parse`]) and matched against
//! `articles_stem_fts`, the FTS5 index over the stemmed shadow columns;
//! hits are ranked by bm25 with a title match counting [`TITLE_WEIGHT`]
//! times a body match, and their snippets are cut from the text as written
//! ([`snippet`]). By default only the [`RANKED_NEWEST`] newest matches are
//! ranked, so that a word found in most articles answers as fast as a rare
//! one; the caller says so to the user and can ask for every match.

pub mod parse;
pub mod snippet;

use rusqlite::{params, Connection, OptionalExtension};

pub use parse::ParseError;
pub use snippet::Piece;

/// How much more a match in the title counts than one in the body.
pub const TITLE_WEIGHT: f64 = 5.0;

/// How many of the newest matching articles a search ranks unless asked to
/// rank all: a word in most articles ("Verteidigungsminister" in 80,000 of
/// 100,000) would otherwise be scored everywhere before the best 20 are
/// known, and such a word says little about rank anyway. The canned query
/// `search_articles` (migration V8) ranks the same number.
pub const RANKED_NEWEST: u32 = 2000;

/// The hits of a search, and whether only the newest matches were ranked.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub hits: Vec<Hit>,
    /// More articles matched than were ranked.
    pub capped: bool,
}

/// One article that matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub article_id: i64,
    pub published_on: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub snippet: Vec<Piece>,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("cannot search for `{query}`: {reason} (see `chronik search --help` for the syntax)")]
    Syntax { query: String, reason: String },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl SearchError {
    /// Mistakes in the search text, as opposed to archive failures.
    pub fn is_usage(&self) -> bool {
        matches!(self, SearchError::Syntax { .. })
    }
}

/// The best `limit` articles for `query`, best first, ranking only the
/// `ranked` newest matches (by article id) when given.
pub fn search(
    conn: &Connection,
    query: &str,
    limit: u32,
    ranked: Option<u32>,
) -> Result<Found, SearchError> {
    let syntax = |reason: String| SearchError::Syntax {
        query: query.to_string(),
        reason,
    };
    let fts_error = |e: rusqlite::Error| match e {
        // Quoting every term leaves FTS5 nothing to reject; should it still
        // refuse, the user hears why in its words, not as an archive failure.
        rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.starts_with("fts5:") => syntax(msg),
        e => e.into(),
    };
    let expr = parse::parse(query).map_err(|e| syntax(e.to_string()))?;
    let terms = expr.positive_terms();
    let fts = expr.to_fts();
    // The index lists matches newest first without scoring them: the match
    // just past the cap, if any, is where ranking stops.
    let past_cap: Option<i64> = match ranked {
        Some(n) => conn
            .prepare_cached(
                "SELECT rowid FROM articles_stem_fts WHERE articles_stem_fts MATCH ?1
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
            )?
            .query_row(params![fts, n], |r| r.get(0))
            .optional()
            .map_err(fts_error)?,
        None => None,
    };
    // Ranked and cut to `limit` on the index alone: joined first, every
    // match's article (body and all) went into the sort.
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.published_on, s.name, a.title, a.body
         FROM (SELECT rowid AS id, bm25(articles_stem_fts, ?2, 1.0) AS score
               FROM articles_stem_fts WHERE articles_stem_fts MATCH ?1 AND rowid > ?4
               ORDER BY score, rowid LIMIT ?3) f
         JOIN articles a ON a.id = f.id
         LEFT JOIN sources s ON s.id = a.source_id
         ORDER BY f.score, a.id",
    )?;
    let after = past_cap.unwrap_or(i64::MIN);
    let rows = stmt.query_map(params![fts, TITLE_WEIGHT, limit, after], |r| {
        let body: String = r.get(4)?;
        Ok(Hit {
            article_id: r.get(0)?,
            published_on: r.get(1)?,
            outlet: r.get(2)?,
            title: r.get(3)?,
            snippet: snippet::snippet(&body, &terms),
        })
    })?;
    let hits = rows.collect::<Result<_, _>>().map_err(fts_error)?;
    Ok(Found {
        hits,
        capped: past_cap.is_some(),
    })
}
