//! Concurrency: readers during an import, two imports at once, the import
//! lock, and backups of a live archive.

use std::path::Path;
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use crate::corpus::{self, ARTICLES};
use crate::workdir::Workdir;

/// Waits until the archive at `db` holds at least `n` articles.
fn wait_for_articles(db: &Path, n: i64) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let got = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)))
            .unwrap_or(0i64);
        if got >= n {
            return;
        }
        assert!(Instant::now() < deadline, "the import made no progress");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// What one reader saw: reads done, errors met, and the article counts seen.
#[derive(Debug, Default)]
struct Seen {
    reads: u64,
    errors: Vec<String>,
    counts: Vec<i64>,
}

/// How a reader connects.
#[derive(Debug, Clone, Copy)]
enum Client {
    /// Like an open `sqlite3` shell: one read-write connection for the whole
    /// time, and no busy timeout, so any lock wait would be an error.
    Shell,
    /// Like Datasette or Python: read-only, a new connection every few
    /// queries, Python's default busy timeout of 5 seconds.
    App,
}

/// Reads every table, some views and a consistency query over and over
/// until `done`.
fn hammer(db: &Path, client: Client, done: &AtomicBool) -> Seen {
    let mut seen = Seen::default();
    let (flags, timeout, rounds) = match client {
        Client::Shell => (OpenFlags::default(), 0, usize::MAX),
        Client::App => (OpenFlags::SQLITE_OPEN_READ_ONLY, 5000, 5),
    };
    while !done.load(Ordering::SeqCst) {
        let conn = match Connection::open_with_flags(db, flags)
            .and_then(|c| c.busy_timeout(Duration::from_millis(timeout)).map(|_| c))
        {
            Ok(c) => c,
            Err(e) => {
                seen.errors.push(format!("open: {e}"));
                continue;
            }
        };
        for _ in 0..rounds {
            if done.load(Ordering::SeqCst) {
                break;
            }
            let round = || -> Result<i64, String> {
                let count = |sql: &str| {
                    conn.query_row(sql, [], |r| r.get::<_, i64>(0))
                        .map_err(|e| format!("{sql}: {e}"))
                };
                for t in corpus::COUNTED
                    .iter()
                    .chain(&["articles_fts", "import_runs"])
                {
                    count(&format!("SELECT count(*) FROM {t}"))?;
                }
                // The canned queries' views, as Datasette shows them.
                for v in ["event_timeline", "top_people", "entity_pairs"] {
                    count(&format!("SELECT count(*) FROM {v}"))?;
                }
                // One snapshot: every article it shows has all its mentions,
                // and no mention points at an article it does not show.
                conn.execute_batch("BEGIN").map_err(|e| e.to_string())?;
                let articles = count("SELECT count(*) FROM articles");
                let bare = count(
                    "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)",
                );
                let orphans = count(
                    "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)",
                );
                conn.execute_batch("COMMIT").map_err(|e| e.to_string())?;
                let (articles, bare, orphans) = (articles?, bare?, orphans?);
                if bare != 0 || orphans != 0 {
                    return Err(format!(
                        "inconsistent snapshot: {bare} articles without mentions, {orphans} orphan mentions"
                    ));
                }
                Ok(articles)
            };
            match round() {
                Ok(n) => {
                    seen.reads += 1;
                    seen.counts.push(n);
                }
                Err(e) => seen.errors.push(e),
            }
        }
    }
    seen
}

#[test]
fn readers_never_get_an_error_while_an_import_runs() {
    let shared = corpus::shared();
    let w = Workdir::new();
    let db = w.db();
    // Batches of 20 files: many commits for the readers to see while the
    // import runs (a default batch holds a second of work, most of this corpus).
    let mut import = w
        .process(&["import", "--commit-every", "20"])
        .arg(&shared.corpus)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start import");
    wait_for_articles(&db, 1);
    let done = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = [Client::Shell, Client::App]
        .into_iter()
        .map(|client| {
            let (db, done) = (db.clone(), Arc::clone(&done));
            std::thread::spawn(move || hammer(&db, client, &done))
        })
        .collect();
    // chronik's own readers, as separate processes, at the same time.
    let mut commands = 0;
    while import.try_wait().expect("poll import").is_none() && commands < 6 {
        let (code, _, err) = w.run(&["stats", "--format", "csv"]);
        assert_eq!(code, 0, "stats during an import: {err}");
        let (code, _, err) = w.run(&["query", "top_people", "--format", "csv"]);
        assert_eq!(code, 0, "query during an import: {err}");
        commands += 1;
    }
    let out = import.wait_with_output().expect("wait for import");
    done.store(true, Ordering::SeqCst);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (i, r) in readers.into_iter().enumerate() {
        let seen = r.join().expect("reader thread");
        assert!(
            seen.errors.is_empty(),
            "reader {i}: {} errors, first: {:?}",
            seen.errors.len(),
            &seen.errors[..seen.errors.len().min(3)]
        );
        assert!(seen.reads >= 5, "reader {i} read only {} times", seen.reads);
        assert!(
            seen.counts.windows(2).all(|p| p[0] <= p[1]),
            "reader {i} saw the article count go down"
        );
        assert!(
            seen.counts.iter().any(|&n| n < ARTICLES as i64),
            "reader {i} never read during the import"
        );
    }
    assert!(commands > 0, "no chronik command ran during the import");
}

/// (exit code, stdout, stderr) of a finished child.
fn finished(child: std::process::Child) -> (i32, String, String) {
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn two_imports_at_the_same_moment_one_runs_the_other_stops_at_once() {
    let shared = corpus::shared();
    let w = Workdir::new();
    let start = || {
        w.process(&["import"])
            .arg(&shared.corpus)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start import")
    };
    let (a, b) = (start(), start());
    let results = [finished(a), finished(b)];
    let full = format!("imported {ARTICLES}, updated 0, unchanged 0, failed 0");
    let winners: Vec<_> = results.iter().filter(|r| r.0 == 0).collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    assert_eq!(winners[0].1.trim(), full);
    let loser = results.iter().find(|r| r.0 != 0).expect("the other import");
    assert_eq!(loser.0, 1, "{loser:?}");
    assert_eq!(loser.1, "", "the busy import prints no summary");
    assert!(
        loser
            .2
            .contains("chronik.db: archive is busy: another import is running"),
        "{}",
        loser.2
    );
    corpus::assert_same(
        &corpus::snapshot(&w.db()),
        &shared.clean,
        "archive after two simultaneous imports",
    );
}

#[test]
fn a_held_import_lock_stops_import_and_reindex_and_leaves_the_archive_alone() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    w.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = std::fs::read(w.db()).unwrap();
    w.write(
        "seeds/005_neu.txt",
        "Sergej Lawrow traf am Montag in Wonsan ein.\n",
    );
    let lock = chronik::archive::ImportLock::try_acquire(&w.db()).expect("take the lock");
    assert_eq!(lock.path(), w.path("chronik.db.lock"));
    for args in [&["import", "seeds"][..], &["reindex"][..]] {
        let (code, out, err) = w.run(args);
        assert_eq!(code, 1, "{args:?}");
        assert_eq!(out, "", "{args:?}");
        assert!(
            err.contains("archive is busy: another import is running (it holds"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(std::fs::read(w.db()).unwrap(), before);
    // Readers do not need the lock.
    let (code, out, _) = w.run(&[
        "sql",
        "SELECT count(*) AS n FROM articles",
        "--format",
        "csv",
    ]);
    assert_eq!((code, out.as_str()), (0, "n\r\n5\r\n"));
    drop(lock);
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "imported 1, updated 0, unchanged 5, failed 0");
}

/// Counts, integrity and the files of a backup copy.
fn check_copy(copy: &Path) -> i64 {
    assert!(
        !Path::new(&format!("{}-wal", copy.display())).exists(),
        "a backup is one file, without a -wal beside it"
    );
    let c = Connection::open_with_flags(copy, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let check: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");
    c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn backup_while_an_import_runs_is_a_consistent_committed_state() {
    let shared = corpus::shared();
    let w = Workdir::new();
    let mut import = w
        .process(&["import"])
        .arg(&shared.corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start import");
    wait_for_articles(&w.db(), 30);
    let (code, out, err) = w.run(&["backup", "copy.db"]);
    let running = import.try_wait().expect("poll").is_none();
    let status = import.wait().expect("wait for import");
    assert!(status.success());
    assert_eq!(code, 0, "{err}");
    let n = check_copy(&w.path("copy.db"));
    assert_eq!(
        out.trim(),
        format!(
            "backed up {n} articles to copy.db ({} bytes)",
            std::fs::metadata(w.path("copy.db")).unwrap().len()
        )
    );
    assert!(n >= 30, "{n}");
    if running {
        assert!(n < ARTICLES as i64, "the backup ran during the import");
    }
    // Whole files in import order, each with its mentions: a committed state.
    let stored = corpus::origins(&w.path("copy.db"));
    assert_eq!(stored, corpus::first_origins(stored.len()));
    let bare: i64 = Connection::open(w.path("copy.db"))
        .unwrap()
        .query_row(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bare, 0);

    // An existing file is not replaced without --force, the archive never.
    let (code, _, err) = w.run(&["backup", "copy.db"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("copy.db: already exists; choose a new file name, or pass --force"),
        "{err}"
    );
    std::os::unix::fs::symlink("chronik.db", w.path("link.db")).unwrap();
    for own in [
        "chronik.db",
        "chronik.db-wal",
        "chronik.db-journal",
        "chronik.db.lock",
        "link.db",
    ] {
        let (code, _, err) = w.run(&["backup", own, "--force"]);
        assert_eq!(code, 1, "{own}");
        assert!(
            err.contains(&format!(
                "{own}: that is the archive itself or one of its files"
            )),
            "{err}"
        );
    }
    assert!(!w.path("chronik.db-journal").exists());
    let (code, out, err) = w.run(&["backup", "copy.db", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!("backed up {ARTICLES} articles to copy.db")),
        "{out}"
    );
    check_copy(&w.path("copy.db"));
    // The copy is a full archive: chronik opens it and exports what a clean import exports.
    corpus::assert_same(
        &corpus::snapshot(&w.path("copy.db")),
        &shared.clean,
        "backup of the finished import",
    );
    let leftovers: Vec<_> = std::fs::read_dir(w.path("."))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".chronik-backup"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
