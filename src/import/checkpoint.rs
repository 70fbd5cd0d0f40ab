//! WAL checkpoints on a thread of their own.
//!
//! A checkpoint copies the WAL's pages into the database file and syncs
//! both: with SQLite's automatic checkpoints the writer did that itself
//! every 30,000 pages, and a per-100-ms timeline of a 30,000-file import
//! showed it then waiting on the disk (`submit_bio_wait`) for most of a
//! second every five or six, while the preparing threads, their queue full,
//! waited for it. In WAL mode another connection may checkpoint while the
//! writer goes on appending: a passive checkpoint copies what has been
//! committed and takes no lock the writer needs. It does not keep the WAL
//! short: SQLite starts the WAL from its beginning only for a writer whose
//! transaction began with every frame copied, and the import's writer
//! begins the next one right after each commit. So the WAL still grows to
//! the writer's own automatic checkpoint (`WAL_PAGES`), which then finds
//! almost everything copied and restarts it: three syncs on the writer
//! every 30,000 pages instead of a whole copy.

use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::Scope;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// Tells the checkpointing thread that a batch was committed. Dropping it
/// ends the thread.
pub(super) struct Checkpoints(SyncSender<()>);

impl Checkpoints {
    /// A checkpoint after the commit just made, unless one is still under
    /// way or waiting: then that one copies this commit's pages too.
    pub(super) fn committed(&self) {
        let _ = self.0.try_send(());
    }
}

/// Starts checkpointing the archive at `path` on a thread of `scope`.
pub(super) fn spawn<'scope>(
    scope: &'scope Scope<'scope, '_>,
    path: &str,
) -> rusqlite::Result<Checkpoints> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(10))?;
    // As the writer: the WAL is synced before its pages are copied and the
    // database after, but a commit alone is not.
    conn.execute_batch("PRAGMA synchronous = NORMAL")?;
    let (tx, rx) = sync_channel::<()>(1);
    scope.spawn(move || {
        for () in rx {
            // A checkpoint that fails (busy, say) leaves the pages in the
            // WAL, where readers find them and the next checkpoint, or the
            // writer's own when it closes the archive, copies them.
            let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        }
    });
    Ok(Checkpoints(tx))
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    #[test]
    fn a_commit_reaches_the_database_file_without_the_writer_checkpointing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let writer = Connection::open(&path).unwrap();
        writer
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
                 CREATE TABLE t (x); INSERT INTO t VALUES (1), (2);",
            )
            .unwrap();
        let path_str = path.to_str().unwrap();
        std::thread::scope(|scope| {
            let checkpoints = super::spawn(scope, path_str).unwrap();
            checkpoints.committed();
        });
        // The database file alone, without its WAL, holds the commit.
        let copy = dir.path().join("copy.db");
        std::fs::copy(&path, &copy).unwrap();
        let copied = Connection::open(&copy).unwrap();
        let rows: i64 = copied
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2);
    }
}
