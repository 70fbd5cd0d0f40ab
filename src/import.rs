//! One import, file by file: read → decode → clean → meta → extract → store.
//!
//! Each file is one transaction: a failure anywhere leaves nothing of that
//! file behind and the import goes on with the next. Unchanged files (same
//! raw bytes as stored under the same origin) are skipped without a write.
//!
//! A stop request ([`Options::stop`], set by the CLI on Ctrl-C) is honoured
//! between files and once more just before a file's commit, so the file in
//! progress is rolled back and everything before it stays. The last write of
//! an import is made with `synchronous = FULL`, which syncs the WAL and with
//! it every file committed before: what an import reported is on disk once it
//! returns, power loss or not.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rusqlite::Connection;

use crate::extract::{extract, ArticleText};
use crate::ingest::decode::decode;
use crate::ingest::discover::{discover, io_reason, Input, Problem};
use crate::ingest::{clean::clean, meta::meta};
use crate::store::{self, ArticleRecord, Known};

/// Default largest file an import reads.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Import settings.
#[derive(Debug, Clone)]
pub struct Options {
    pub max_bytes: u64,
    /// When set, the import stops before the next file (or before committing
    /// the current one) and reports [`Summary::interrupted`].
    pub stop: Option<Arc<AtomicBool>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            stop: None,
        }
    }
}

impl Options {
    fn stopping(&self) -> bool {
        self.stop.as_ref().is_some_and(|s| s.load(Ordering::SeqCst))
    }
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Imported,
    Updated,
    Unchanged,
    /// The same bytes are stored under another origin.
    Duplicate {
        of: String,
    },
    Failed {
        reason: String,
    },
}

/// The counts an import reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub duplicates: u64,
    pub failed: u64,
    /// The import was stopped on request; files after the last one counted
    /// were not imported (the one in progress was rolled back).
    pub interrupted: bool,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "imported {}, updated {}, unchanged {}, failed {}",
            self.imported, self.updated, self.unchanged, self.failed
        )?;
        if self.duplicates > 0 {
            write!(f, ", duplicates {}", self.duplicates)?;
        }
        Ok(())
    }
}

/// Errors that stop a whole import (the archive itself failing).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the archive failed while importing {path}: {source}")]
    Store {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the archive failed: {0}")]
    Archive(#[from] rusqlite::Error),
}

/// Imports `paths` into `conn`; `report` hears about every file.
pub fn run(
    conn: &mut Connection,
    paths: &[PathBuf],
    options: &Options,
    mut report: impl FnMut(&Path, &Outcome),
    mut problem: impl FnMut(&Problem),
) -> Result<Summary, ImportError> {
    let found = discover(paths);
    let mut summary = Summary::default();
    for p in &found.problems {
        problem(p);
        summary.failed += 1;
    }
    let started = now();
    conn.execute(
        "INSERT INTO import_runs (started_at) VALUES (?1)",
        [&started],
    )?;
    let run_id = conn.last_insert_rowid();
    let mut known = store::known(conn)?;
    for input in &found.inputs {
        let outcome = match import_one(conn, input, options, &mut known)? {
            Some(outcome) => outcome,
            None => {
                summary.interrupted = true;
                break;
            }
        };
        match &outcome {
            Outcome::Imported => summary.imported += 1,
            Outcome::Updated => summary.updated += 1,
            Outcome::Unchanged => summary.unchanged += 1,
            Outcome::Duplicate { .. } => summary.duplicates += 1,
            Outcome::Failed { .. } => summary.failed += 1,
        }
        report(&input.path, &outcome);
    }
    // Syncing this last commit makes every earlier one durable too (see above).
    conn.execute_batch("PRAGMA synchronous = FULL")?;
    conn.execute(
        "UPDATE import_runs SET finished_at = ?2, imported = ?3, updated = ?4, unchanged = ?5,
         duplicates = ?6, failed = ?7 WHERE id = ?1",
        rusqlite::params![
            run_id,
            now(),
            summary.imported as i64,
            summary.updated as i64,
            summary.unchanged as i64,
            summary.duplicates as i64,
            summary.failed as i64
        ],
    )?;
    conn.execute_batch("PRAGMA synchronous = NORMAL")?;
    Ok(summary)
}

fn now() -> String {
    jiff::Timestamp::now()
        .round(jiff::Unit::Second)
        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string())
}

fn failed(reason: impl Into<String>) -> Option<Outcome> {
    Some(Outcome::Failed {
        reason: reason.into(),
    })
}

/// Imports one file in one transaction; None when a stop was requested
/// before anything of it was committed.
fn import_one(
    conn: &mut Connection,
    input: &Input,
    options: &Options,
    known: &mut Known,
) -> Result<Option<Outcome>, ImportError> {
    if options.stopping() {
        return Ok(None);
    }
    let size = match std::fs::metadata(&input.path) {
        Ok(m) => m.len(),
        Err(e) => return Ok(failed(io_reason(&e))),
    };
    if size > options.max_bytes {
        return Ok(failed(format!(
            "file is {size} bytes, over the limit of {} bytes; raise it with --max-bytes",
            options.max_bytes
        )));
    }
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => return Ok(failed(io_reason(&e))),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    let existing = known.by_origin.get(&input.origin).cloned();
    if let Some((_, stored)) = &existing {
        if *stored == hash {
            return Ok(Some(Outcome::Unchanged));
        }
    }
    if let Some(first) = known.by_hash.get(&hash) {
        if *first != input.origin {
            return Ok(Some(Outcome::Duplicate { of: first.clone() }));
        }
    }
    let decoded = match decode(&bytes) {
        Ok(d) => d,
        Err(e) => return Ok(failed(e.to_string())),
    };
    let cleaned = clean(&decoded.text);
    if cleaned.body.trim().is_empty() {
        return Ok(failed("nothing left after removing page furniture"));
    }
    let meta = meta(&cleaned, &input.manifest);
    let extraction = extract(&ArticleText {
        title: &cleaned.title,
        body: &cleaned.body,
        published: meta.published_on,
        credits: &cleaned.credits,
    });
    let record = ArticleRecord {
        origin: input.origin.clone(),
        url: meta.url,
        title: cleaned.title,
        body: cleaned.body,
        published_on: meta.published_on.map(|d| d.to_string()),
        date_source: meta.date_source.map(|s| s.as_str()),
        content_hash: hash.clone(),
        byte_size: size as i64,
        raw_text: decoded.raw,
        outlet: meta.outlet,
    };
    let store_err = |source| ImportError::Store {
        path: input.path.clone(),
        source,
    };
    if options.stopping() {
        return Ok(None);
    }
    let tx = conn.transaction().map_err(store_err)?;
    let id = store::write_article(&tx, &record, &extraction, existing.map(|e| e.0), &now())
        .map_err(store_err)?;
    if options.stopping() {
        // Dropping the transaction rolls this file back.
        return Ok(None);
    }
    tx.commit().map_err(store_err)?;
    known
        .by_hash
        .entry(hash.clone())
        .or_insert_with(|| input.origin.clone());
    let updated = known
        .by_origin
        .insert(input.origin.clone(), (id, hash))
        .is_some();
    Ok(Some(if updated {
        Outcome::Updated
    } else {
        Outcome::Imported
    }))
}
