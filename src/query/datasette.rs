//! Datasette `metadata.json` for an archive: every canned query (title,
//! description, parameters, SQL) and the full-text configuration of
//! `articles`, so `datasette serve chronik.db -m metadata.json` offers the
//! same queries and search as chronik. Canned queries bind `:name`
//! parameters, which Datasette turns into form fields.

use rusqlite::Connection;
use serde_json::{json, Map, Value};

use super::{catalog, QueryError};

/// The metadata for an archive that Datasette serves under `database`
/// (Datasette names a database after its file name without `.db`).
pub fn metadata(conn: &Connection, database: &str) -> Result<Value, QueryError> {
    let mut queries = Map::new();
    for q in catalog(conn)? {
        queries.insert(
            q.name,
            json!({
                "title": q.title,
                "description": q.description,
                "sql": q.sql,
                "params": q.params,
            }),
        );
    }
    Ok(json!({
        "title": "chronik archive",
        "description": "News articles with the people, places, organizations and events in them, imported by chronik.",
        "databases": {
            database: {
                "queries": queries,
                "tables": {
                    "articles": {
                        // raw: the search box takes FTS5 syntax, as chronik search does.
                        "fts_table": "articles_fts",
                        "fts_pk": "id",
                        "searchmode": "raw",
                    },
                    "articles_stem": {
                        "description": "Stemmed shadow of articles.title and body, written by chronik for `chronik search`.",
                        "hidden": true,
                    },
                },
            },
        },
    }))
}
