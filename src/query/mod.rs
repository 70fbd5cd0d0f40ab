//! Canned queries, read-only SQL and table exports.
//!
//! The catalog of canned queries lives in the archive itself (table
//! `canned_queries`, filled by a migration next to the views it queries), so
//! chronik, Datasette and any other client see the same list.

pub mod datasette;
pub mod output;
pub mod search;

use rusqlite::types::Value;
use rusqlite::Connection;

/// A canned query from the archive's catalog.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Canned {
    pub name: String,
    pub title: String,
    pub description: String,
    pub params: Vec<String>,
    pub sql: String,
}

/// A result: column names and rows of SQLite values.
#[derive(Debug, Clone, PartialEq)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("no canned query or table named `{name}`; there are: {known}")]
    Unknown { name: String, known: String },
    #[error("query `{query}` needs --param {param}=VALUE (its parameters: {all})")]
    MissingParam {
        query: String,
        param: String,
        all: String,
    },
    #[error("query `{query}` has no parameter `{param}` (its parameters: {all})")]
    UnknownParam {
        query: String,
        param: String,
        all: String,
    },
    #[error("--param takes KEY=VALUE, got `{0}`")]
    BadParam(String),
    #[error("chronik sql is read-only: {0} is refused. Change the archive with `chronik import` or `chronik reindex`.")]
    ReadOnly(String),
    #[error("{0}")]
    Sql(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl QueryError {
    /// Mistakes in what the user asked for, as opposed to archive failures.
    pub fn is_usage(&self) -> bool {
        !matches!(self, QueryError::Sqlite(_))
    }
}

/// Every canned query, by name.
pub fn catalog(conn: &Connection) -> Result<Vec<Canned>, QueryError> {
    let mut stmt = conn.prepare(
        "SELECT name, title, description, params, sql FROM canned_queries ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        let params: String = r.get(3)?;
        Ok(Canned {
            name: r.get(0)?,
            title: r.get(1)?,
            description: r.get(2)?,
            params: params
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            sql: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Archive tables that `export` offers, with the order that makes exports
/// stable. Volatile columns (import times) are left out.
pub const TABLES: &[(&str, &str, &str)] = &[
    ("sources", "id, name, domain, kind", "id"),
    (
        "articles",
        "id, source_id, origin, url, title, body, published_on, date_source, language, content_hash, byte_size, raw_text, duplicate_of",
        "id",
    ),
    ("citations", "article_id, source_id", "article_id, source_id"),
    ("entities", "id, name, kind, key, extractor, confidence", "id"),
    ("entity_aliases", "entity_id, alias", "entity_id, alias"),
    ("mentions", "id, article_id, entity_id, surface, start, \"end\", extractor, confidence", "id"),
    ("events", "id, kind, occurred_on, date_precision, date_text, summary, location_id, extractor", "id"),
    ("event_participants", "event_id, entity_id, role", "event_id, entity_id, role"),
    ("event_articles", "event_id, article_id, evidence", "event_id, article_id"),
];

/// Parses `KEY=VALUE` arguments.
pub fn parse_params(raw: &[String]) -> Result<Vec<(String, String)>, QueryError> {
    raw.iter()
        .map(|p| {
            p.split_once('=')
                .map(|(k, v)| (k.trim().to_string(), v.to_string()))
                .filter(|(k, _)| !k.is_empty())
                .ok_or_else(|| QueryError::BadParam(p.clone()))
        })
        .collect()
}

/// Runs the canned query or table export `name` with `params`.
pub fn run_named(
    conn: &Connection,
    name: &str,
    params: &[(String, String)],
) -> Result<Rows, QueryError> {
    let catalog = catalog(conn)?;
    if let Some(q) = catalog.iter().find(|q| q.name == name) {
        return run_canned(conn, q, params, None);
    }
    if let Some((table, cols, order)) = TABLES.iter().find(|t| t.0 == name) {
        if let Some((k, _)) = params.first() {
            return Err(QueryError::UnknownParam {
                query: name.into(),
                param: k.clone(),
                all: "none".into(),
            });
        }
        return run_sql(
            conn,
            &format!("SELECT {cols} FROM {table} ORDER BY {order}"),
            &[],
        );
    }
    let mut known: Vec<&str> = catalog.iter().map(|q| q.name.as_str()).collect();
    known.extend(TABLES.iter().map(|t| t.0));
    Err(QueryError::Unknown {
        name: name.into(),
        known: known.join(", "),
    })
}

/// Runs a canned query, checking its parameters first.
/// Runs canned query `q`; with `limit`, only its first rows (SQLite stops
/// early where an index gives the order).
pub fn run_canned(
    conn: &Connection,
    q: &Canned,
    params: &[(String, String)],
    limit: Option<u64>,
) -> Result<Rows, QueryError> {
    let all = if q.params.is_empty() {
        "none".to_string()
    } else {
        q.params.join(", ")
    };
    for (k, _) in params {
        if !q.params.contains(k) {
            return Err(QueryError::UnknownParam {
                query: q.name.clone(),
                param: k.clone(),
                all,
            });
        }
    }
    for p in &q.params {
        if !params.iter().any(|(k, _)| k == p) {
            return Err(QueryError::MissingParam {
                query: q.name.clone(),
                param: p.clone(),
                all,
            });
        }
    }
    match limit {
        Some(n) => run_sql(
            conn,
            &format!("SELECT * FROM ({}) LIMIT {n}", q.sql),
            params,
        ),
        None => run_sql(conn, &q.sql, params),
    }
}

/// Runs one SQL statement with named parameters and collects its rows.
pub fn run_sql(
    conn: &Connection,
    sql: &str,
    params: &[(String, String)],
) -> Result<Rows, QueryError> {
    let mut stmt = conn.prepare(sql).map_err(friendly)?;
    let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
    for (k, v) in params {
        if let Some(i) = stmt.parameter_index(&format!(":{k}"))? {
            stmt.raw_bind_parameter(i, v)?;
        }
    }
    let mut rows = Vec::new();
    let mut raw = stmt.raw_query();
    while let Some(row) = raw.next().map_err(friendly)? {
        let mut values = Vec::with_capacity(columns.len());
        for i in 0..columns.len() {
            values.push(row.get::<_, Value>(i)?);
        }
        rows.push(values);
    }
    Ok(Rows { columns, rows })
}

/// Runs user SQL on a read-only connection, refusing anything that writes.
pub fn run_user_sql(conn: &Connection, sql: &str) -> Result<Rows, QueryError> {
    let verb = sql.split_whitespace().next().unwrap_or("").to_uppercase();
    if matches!(verb.as_str(), "ATTACH" | "DETACH" | "VACUUM") {
        return Err(QueryError::ReadOnly(verb));
    }
    let stmt = conn.prepare(sql).map_err(friendly)?;
    if !stmt.readonly() {
        let verb = sql
            .split_whitespace()
            .next()
            .unwrap_or("this statement")
            .to_uppercase();
        return Err(QueryError::ReadOnly(verb));
    }
    drop(stmt);
    run_sql(conn, sql, &[])
}

/// SQLite's message for a statement the user wrote, without Rust's wrapping.
fn friendly(e: rusqlite::Error) -> QueryError {
    match &e {
        rusqlite::Error::SqliteFailure(f, msg) => {
            let text = msg.clone().unwrap_or_else(|| f.to_string());
            if f.code == rusqlite::ErrorCode::ReadOnly || text.contains("not authorized") {
                QueryError::ReadOnly(text)
            } else {
                QueryError::Sql(format!("SQL error: {text}"))
            }
        }
        rusqlite::Error::SqlInputError { msg, offset, .. } => {
            QueryError::Sql(format!("SQL error at character {offset}: {msg}"))
        }
        rusqlite::Error::MultipleStatement => QueryError::Sql(
            "one statement at a time, please: remove everything after the first `;`".into(),
        ),
        _ => QueryError::Sqlite(e),
    }
}
