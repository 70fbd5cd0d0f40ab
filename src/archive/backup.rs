//! A consistent copy of a live archive, through SQLite's online backup API.
//!
//! The whole database is copied in one step, inside one read transaction: in
//! WAL mode that is a snapshot of the last committed state, taken without
//! stopping a running import (a copy in several steps would start over every
//! time the import commits a file). The copy goes to a temporary file beside
//! the target, is switched to a rollback journal (one self-contained file, no
//! `-wal` beside it), checked with `PRAGMA quick_check`, synced, and only then
//! renamed into place: a failed backup never leaves half a file behind.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;

/// How long a backup waits for a lock before giving up.
const BUSY_WAIT: Duration = Duration::from_secs(30);

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    /// Articles in the copy.
    pub articles: i64,
    /// Size of the copy in bytes.
    pub bytes: u64,
}

/// Why a backup was not written.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}: already exists; choose a new file name, or pass --force to replace it")]
    Exists(PathBuf),
    #[error(
        "{0}: that is the archive itself or one of its files; choose another file for the backup"
    )]
    SameFile(PathBuf),
    #[error("{path}: cannot write the backup: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: the backup failed: {source}; nothing was written")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: the archive stayed locked for {secs} seconds; nothing was written. Try again later", secs = BUSY_WAIT.as_secs())]
    Busy { path: PathBuf },
    #[error("{path}: the copy failed its integrity check ({detail}); nothing was written. Check the archive with: sqlite3 ARCHIVE 'PRAGMA integrity_check'")]
    Check { path: PathBuf, detail: String },
}

/// Copies the archive `src` (opened from `src_path`) to `dest`. An existing
/// `dest` is replaced only when `replace` is set, and never when it is the
/// archive or one of its companion files.
pub fn backup(
    src: &Connection,
    src_path: &Path,
    dest: &Path,
    replace: bool,
) -> Result<BackupSummary, BackupError> {
    let io = |source| BackupError::Io {
        path: dest.to_path_buf(),
        source,
    };
    let sql = |source| BackupError::Sqlite {
        path: dest.to_path_buf(),
        source,
    };
    if is_part_of(src_path, dest) {
        return Err(BackupError::SameFile(dest.to_path_buf()));
    }
    if dest.exists() && !replace {
        return Err(BackupError::Exists(dest.to_path_buf()));
    }
    let dir = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".chronik-backup-")
        .suffix(".db")
        .tempfile_in(dir)
        .map_err(io)?;
    let mut dst = Connection::open(tmp.path()).map_err(sql)?;
    copy_all(src, &mut dst, dest)?;
    // The copy carries the archive's WAL flag; a rollback journal makes it
    // one self-contained file that can be moved, mailed or opened read-only.
    dst.query_row("PRAGMA journal_mode = DELETE", [], |r| {
        r.get::<_, String>(0)
    })
    .map_err(sql)?;
    let check: String = dst
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(sql)?;
    if check != "ok" {
        return Err(BackupError::Check {
            path: dest.to_path_buf(),
            detail: check,
        });
    }
    let articles: i64 = dst
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .map_err(sql)?;
    dst.close().map_err(|(_, e)| sql(e))?;
    // The temporary file is private (0600); the copy gets the archive's mode.
    if let Ok(meta) = std::fs::metadata(src_path) {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    let file = tmp.persist(dest).map_err(|e| io(e.error))?;
    let bytes = file.metadata().map_err(io)?.len();
    // The rename itself is durable only once the directory is synced.
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io)?;
    Ok(BackupSummary { articles, bytes })
}

/// Copies every page in one step, retrying while the source is locked.
fn copy_all(src: &Connection, dst: &mut Connection, dest: &Path) -> Result<(), BackupError> {
    let sql = |source| BackupError::Sqlite {
        path: dest.to_path_buf(),
        source,
    };
    let started = Instant::now();
    let backup = Backup::new(src, dst).map_err(sql)?;
    loop {
        match backup.step(-1).map_err(sql)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if started.elapsed() > BUSY_WAIT => {
                return Err(BackupError::Busy {
                    path: dest.to_path_buf(),
                })
            }
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Whether `dest` is the archive at `db` or one of the files SQLite and
/// chronik keep beside it (existing or not yet); writing any of them would
/// damage the archive.
fn is_part_of(db: &Path, dest: &Path) -> bool {
    // Links resolved; a file that does not exist yet by its directory.
    let resolve = |p: &Path| -> Option<PathBuf> {
        if let Ok(real) = std::fs::canonicalize(p) {
            return Some(real);
        }
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = std::fs::canonicalize(dir.unwrap_or(Path::new("."))).ok()?;
        Some(dir.join(p.file_name()?))
    };
    let (Some(dest), Some(db)) = (resolve(dest), resolve(db)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal", ".lock"]
        .iter()
        .any(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            name == dest.as_os_str()
        })
}
