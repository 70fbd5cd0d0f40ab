//! One writer at a time: the import lock.
//!
//! SQLite already serialises single transactions, but an import is many of
//! them (one per file), and two imports interleaving their files would race
//! on the same origins. So `import` and `reindex` first take an exclusive
//! advisory lock (`flock`) on a file beside the archive, `<db>.lock`, and a
//! second one stops at once with "archive is busy". The kernel drops the lock
//! when the process ends however it ends (even `kill -9`), so a crash never
//! leaves a stale lock behind. The lock file is empty and stays in place:
//! deleting it would let two processes lock two different files.
//!
//! The lock is on its own file, never on the database: closing any descriptor
//! of the database file would drop SQLite's own POSIX locks on it.
//! Readers take no lock; WAL gives them a consistent snapshot at any time.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Why the import lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path}: archive is busy: another import is running (it holds {lock}); wait for it to finish, or import into another --db")]
    Busy { path: PathBuf, lock: PathBuf },
    #[error("{lock}: cannot create or lock the import lock file: {source}; check that the archive's directory is writable")]
    Io {
        lock: PathBuf,
        source: std::io::Error,
    },
}

/// Held while an import or reindex writes; released when dropped or when
/// the process ends.
#[derive(Debug)]
pub struct ImportLock {
    // Kept open: closing the file releases the lock.
    _file: File,
    path: PathBuf,
}

impl ImportLock {
    /// Takes the lock for the archive at `db`, or fails at once if another
    /// process holds it.
    pub fn try_acquire(db: &Path) -> Result<ImportLock, LockError> {
        let path = lock_path(db);
        let io = |source| LockError::Io {
            lock: path.clone(),
            source,
        };
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => Ok(ImportLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(LockError::Busy {
                path: db.to_path_buf(),
                lock: path,
            }),
            Err(TryLockError::Error(e)) => Err(io(e)),
        }
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// `<db>.lock`: the archive's own name with `.lock` appended.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_busy_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.db");
        let first = ImportLock::try_acquire(&db).unwrap();
        assert_eq!(first.path(), dir.path().join("a.db.lock"));
        let err = ImportLock::try_acquire(&db).unwrap_err();
        assert!(
            err.to_string()
                .contains("archive is busy: another import is running"),
            "{err}"
        );
        drop(first);
        assert!(ImportLock::try_acquire(&db).is_ok());
    }
}
