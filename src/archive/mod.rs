//! Opening an archive: check what the file is, bring its schema up to date,
//! set the pragmas every connection needs.
//!
//! The checks come before anything is written. A file that is not SQLite, a
//! SQLite file that is not a chronik archive, and an archive whose migration
//! history this binary does not know (made by a newer chronik, or edited) are
//! refused with the file left byte for byte as it was: even switching on WAL
//! rewrites the header, so the history is read through a read-only connection
//! first and only a known archive is opened for writing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub mod backup;
mod lock;

pub use lock::{lock_path, ImportLock, LockError};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// The table refinery keeps its history in.
const HISTORY_TABLE: &str = "refinery_schema_history";
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Why an archive could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: not a SQLite database (the file starts with other bytes); pass the path of a chronik archive with --db, or a new file name to create one")]
    NotSqlite { path: PathBuf },
    #[error("{path}: a SQLite database, but not a chronik archive (it has tables such as `{table}` and no migration history); choose another --db path")]
    Foreign { path: PathBuf, table: String },
    #[error("{path}: migration V{version}__{name} is not known to this chronik ({why}); the archive was made or changed by another version. Use a chronik that knows this migration, or import into a new archive. The file was not modified.")]
    UnknownMigration {
        path: PathBuf,
        version: i64,
        name: String,
        why: &'static str,
    },
    #[error("{path}: a directory, not an archive; pass a file name with --db (such as {path}/chronik.db)")]
    Directory { path: PathBuf },
    #[error("{path}: cannot open or create the archive ({reason}); check that the directory exists and is writable")]
    Open { path: PathBuf, reason: String },
    #[error("{path}: the database file is damaged ({detail}) and was not modified; restore it from a backup (see `chronik backup`), or rescue what is left with: sqlite3 {path} .recover | sqlite3 rescued.db")]
    Damaged { path: PathBuf, detail: String },
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: applying migrations failed: {source}")]
    Migration {
        path: PathBuf,
        source: refinery::Error,
    },
    #[error(transparent)]
    Lock(#[from] LockError),
}

/// One migration as the archive and the binary see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStatus {
    pub version: i64,
    pub name: String,
    /// When it was applied (RFC 3339), or None when it is pending.
    pub applied_on: Option<String>,
}

/// How to open an archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Create if missing, apply pending migrations, allow writes.
    ReadWrite,
    /// Migrate as ReadWrite does, then hand back a connection that cannot write.
    ReadOnly,
}

/// Opens (creating if needed) the archive at `path` and applies pending migrations.
pub fn open(path: &Path, access: Access) -> Result<Connection, ArchiveError> {
    check_file(path)?;
    let sql_err = |source| ArchiveError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let mut conn = Connection::open(path).map_err(|e| ArchiveError::Open {
        path: path.to_path_buf(),
        reason: match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::CannotOpen => {
                "SQLite cannot open the file".into()
            }
            e => e.to_string(),
        },
    })?;
    configure(&conn).map_err(sql_err)?;
    embedded::migrations::runner()
        .set_abort_divergent(true)
        .set_abort_missing(true)
        .run(&mut conn)
        .map_err(|source| ArchiveError::Migration {
            path: path.to_path_buf(),
            source,
        })?;
    crate::store::search::backfill(&mut conn).map_err(sql_err)?;
    // Indexes and triggers a killed import dropped (see `store::bulk`) are
    // made again when no import runs; a running one makes them itself when
    // it ends, and a writer once it holds the lock (`open_writer`).
    if crate::store::bulk::waiting(&conn).map_err(sql_err)? {
        if let Ok(_lock) = ImportLock::try_acquire(path) {
            let built = crate::store::bulk::build_dropped(&conn);
            // A reader answers without them, only slower: one that cannot
            // write them (a read-only file) still answers. A writer must
            // have them.
            if access == Access::ReadWrite {
                built.map_err(sql_err)?;
            }
        }
    }
    match access {
        Access::ReadWrite => Ok(conn),
        Access::ReadOnly => {
            drop(conn);
            let ro = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(sql_err)?;
            ro.busy_timeout(Duration::from_secs(10)).map_err(sql_err)?;
            ro.execute_batch("PRAGMA query_only = ON;")
                .map_err(sql_err)?;
            // ATTACH counts as read-only to SQLite but could create files.
            ro.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 0)
                .map_err(sql_err)?;
            Ok(ro)
        }
    }
}

/// A new archive in a temporary directory, for tests: the directory, which
/// must live as long as the archive is used, and a connection to it.
#[cfg(test)]
pub(crate) fn scratch() -> (tempfile::TempDir, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(&dir.path().join("a.db"), Access::ReadWrite).unwrap();
    (dir, conn)
}

/// Opens the archive for a writer (import, reindex) holding the import lock,
/// so that no other writer runs until the lock is dropped. The file is
/// checked before the lock file is created beside it, and the lock is taken
/// before migrating, so two writers never migrate a new archive at once.
pub fn open_writer(path: &Path) -> Result<(Connection, ImportLock), ArchiveError> {
    check_file(path)?;
    let lock = ImportLock::try_acquire(path)?;
    let conn = open(path, Access::ReadWrite)?;
    crate::store::bulk::build_dropped(&conn).map_err(|source| ArchiveError::Sqlite {
        path: path.to_path_buf(),
        source,
    })?;
    Ok((conn, lock))
}

/// Pragmas for a writing connection. WAL lets readers (sqlite3, Datasette) go
/// on while an import writes; `synchronous = NORMAL` in WAL mode keeps the
/// database consistent after a crash and may lose only the last transactions
/// on power loss, never corrupting the file. Statements that write through
/// triggers keep a statement journal inside the import's transaction;
/// `temp_store = MEMORY` keeps it (and temporary sort b-trees) off the disk,
/// and a 32 MiB page cache keeps a batch's pages from spilling into the WAL
/// before its commit.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    // The writer prepares a few dozen distinct statements (event lookups
    // vary with the number of participants); re-parsing them showed up in
    // profiles once the default cache of 16 overflowed.
    conn.set_prepared_statement_cache_capacity(256);
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -32768;",
    )
}

/// The migrations of this binary and of the archive, in version order.
pub fn status(path: &Path) -> Result<Vec<MigrationStatus>, ArchiveError> {
    check_file(path)?;
    let applied = if path.exists() {
        read_history(path)?
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    for m in embedded::migrations::runner().get_migrations() {
        let version = i64::from(m.version());
        let applied_on = applied
            .iter()
            .find(|h| h.version == version)
            .map(|h| h.applied_on.clone());
        out.push(MigrationStatus {
            version,
            name: m.name().to_string(),
            applied_on,
        });
    }
    Ok(out)
}

/// The newest schema version this binary knows.
pub fn latest_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

struct HistoryRow {
    version: i64,
    name: String,
    applied_on: String,
    checksum: String,
}

/// Refuses files that are not (or not yet) a chronik archive this binary
/// knows, reading them through a read-only connection so nothing changes.
fn check_file(path: &Path) -> Result<(), ArchiveError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(ArchiveError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    };
    if meta.is_dir() {
        return Err(ArchiveError::Directory {
            path: path.to_path_buf(),
        });
    }
    if meta.len() == 0 {
        return Ok(()); // SQLite treats an empty file as a new database.
    }
    let mut head = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, 100), &mut head))
        .map_err(|source| ArchiveError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if !head.starts_with(SQLITE_MAGIC) {
        return Err(ArchiveError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if let Some(detail) = cut_off(path, &head, meta.len()) {
        return Err(ArchiveError::Damaged {
            path: path.to_path_buf(),
            detail,
        });
    }
    let known = embedded::migrations::runner().get_migrations().clone();
    for row in read_history(path)? {
        let Some(m) = known.iter().find(|m| i64::from(m.version()) == row.version) else {
            return Err(unknown(path, &row, "newer than this binary"));
        };
        if m.name() != row.name || m.checksum().to_string() != row.checksum {
            return Err(unknown(path, &row, "its recorded name or checksum differs"));
        }
        if row.applied_on.parse::<jiff::Timestamp>().is_err() {
            return Err(unknown(path, &row, "its recorded date is not a date"));
        }
    }
    Ok(())
}

/// Whether the file is shorter than its 100-byte header says, which SQLite
/// itself may notice only when it reads the missing pages. A non-empty WAL
/// beside it may still hold those pages (a checkpoint cut short), so then
/// SQLite's own recovery decides.
fn cut_off(path: &Path, head: &[u8], len: u64) -> Option<String> {
    if head.len() < 100 {
        return Some(format!(
            "the file ends after {} bytes, inside the SQLite header; it was cut off",
            head.len()
        ));
    }
    let be32 = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    // SQLite trusts the page count only when these two counters agree.
    let trusted = pages > 0 && be32(24) == be32(92) && page_size.is_power_of_two();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal_pending = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    let expected = pages.saturating_mul(page_size);
    (trusted && !wal_pending && len < expected)
        .then(|| format!("the file has {len} bytes, its header says {expected}; it was cut off"))
}

fn unknown(path: &Path, row: &HistoryRow, why: &'static str) -> ArchiveError {
    ArchiveError::UnknownMigration {
        path: path.to_path_buf(),
        version: row.version,
        name: row.name.clone(),
        why,
    }
}

/// A damaged file gets a message saying so; other errors pass through.
fn damaged_or(path: &Path, source: rusqlite::Error) -> ArchiveError {
    match &source {
        rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::DatabaseCorrupt => {
            ArchiveError::Damaged {
                path: path.to_path_buf(),
                detail: format!(
                    "SQLite reports: {}",
                    rusqlite::ffi::code_to_str(e.extended_code)
                ),
            }
        }
        _ => ArchiveError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// Reads refinery's history table; a database with tables but no history is foreign.
fn read_history(path: &Path) -> Result<Vec<HistoryRow>, ArchiveError> {
    let sql_err = |source| damaged_or(path, source);
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql_err)?;
    conn.busy_timeout(Duration::from_secs(10))
        .map_err(sql_err)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|source| match source {
            rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::NotADatabase => {
                ArchiveError::NotSqlite {
                    path: path.to_path_buf(),
                }
            }
            source => damaged_or(path, source),
        })?;
    if !tables.iter().any(|t| t == HISTORY_TABLE) {
        return match tables.into_iter().next() {
            Some(table) => Err(ArchiveError::Foreign {
                path: path.to_path_buf(),
                table,
            }),
            None => Ok(Vec::new()),
        };
    }
    let mut stmt = conn
        .prepare(&format!(
            "SELECT version, name, CAST(applied_on AS TEXT), CAST(checksum AS TEXT) FROM {HISTORY_TABLE} ORDER BY version"
        ))
        .map_err(sql_err)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(HistoryRow {
                version: r.get(0)?,
                name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                applied_on: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                checksum: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            })
        })
        .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
        .map_err(sql_err)?;
    Ok(rows)
}
