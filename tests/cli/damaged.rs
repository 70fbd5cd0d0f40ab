//! Damaged and foreign files given as `--db`: every command refuses them with
//! a message saying what is wrong, and the file stays byte for byte as it
//! was, with no lock file or journal created beside it.

use std::path::Path;

use crate::workdir::Workdir;

/// Every command that opens the archive.
const COMMANDS: &[&[&str]] = &[
    &["stats"],
    &["import", "seeds"],
    &["query", "top_people"],
    &["sql", "SELECT 1"],
    &["export", "articles"],
    &["migrate"],
    &["reindex"],
    &["backup", "copy.db"],
];

/// A real archive of the seeds, checkpointed into one file.
fn archive_bytes() -> Vec<u8> {
    let w = Workdir::with_seeds();
    w.import_seeds();
    w.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    std::fs::read(w.db()).unwrap()
}

/// Runs every command against `name` in `w` and checks the refusal.
fn refused_untouched(w: &Workdir, name: &str, message: &str) {
    let path = w.path(name);
    let before = std::fs::read(&path).unwrap();
    for args in COMMANDS {
        let out = w.cmd(args).arg("--db").arg(&path).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name} {args:?}: {err}");
        assert!(
            err.contains(&format!("{name}: {message}")),
            "{name} {args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{name} {args:?} changed the file"
        );
        for suffix in ["-journal", ".lock"] {
            let beside = format!("{}{suffix}", path.display());
            assert!(
                !Path::new(&beside).exists(),
                "{name} {args:?} made {beside}"
            );
        }
        // Reading a WAL-mode file at all (as sqlite3 does too) makes SQLite
        // open its -wal and -shm; nothing may be written to the WAL.
        let wal = format!("{}-wal", path.display());
        let wal_bytes = std::fs::metadata(&wal).map_or(0, |m| m.len());
        assert_eq!(wal_bytes, 0, "{name} {args:?} wrote to {wal}");
        assert!(!w.path("copy.db").exists(), "{args:?} wrote a backup");
    }
}

#[test]
fn truncated_and_damaged_archives_are_refused_untouched() {
    let good = archive_bytes();
    assert!(good.len() > 8192);
    let w = Workdir::with_seeds();
    w.write("truncated.db", &good[..good.len() / 2]);
    let mut page1 = good.clone();
    page1[100..4096].fill(0);
    w.write("page1.db", &page1);
    // The magic header and nothing after it.
    w.write("stub.db", &good[..64]);
    let damaged = "the database file is damaged";
    let advice = "and was not modified; restore it from a backup";
    refused_untouched(
        &w,
        "truncated.db",
        &format!(
            "{damaged} (the file has {} bytes, its header says {}; it was cut off) {advice}",
            good.len() / 2,
            good.len()
        ),
    );
    refused_untouched(
        &w,
        "page1.db",
        &format!("{damaged} (SQLite reports: database disk image is malformed) {advice}"),
    );
    refused_untouched(
        &w,
        "stub.db",
        &format!("{damaged} (the file ends after 64 bytes, inside the SQLite header; it was cut off) {advice}"),
    );
}

#[test]
fn foreign_files_are_refused_untouched_by_every_command() {
    let w = Workdir::with_seeds();
    w.write("notes.db", "just some text, not a database at all");
    refused_untouched(
        &w,
        "notes.db",
        "not a SQLite database (the file starts with other bytes)",
    );
    w.write("image.db", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    refused_untouched(&w, "image.db", "not a SQLite database");
    rusqlite::Connection::open(w.path("recipes.db"))
        .unwrap()
        .execute_batch("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT);")
        .unwrap();
    refused_untouched(
        &w,
        "recipes.db",
        "a SQLite database, but not a chronik archive (it has tables such as `recipes`",
    );
}

#[test]
fn archives_with_unknown_or_edited_migrations_are_refused_untouched_by_every_command() {
    let w = Workdir::with_seeds();
    w.write("future.db", archive_bytes());
    {
        let c = rusqlite::Connection::open(w.path("future.db")).unwrap();
        c.execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (99, 'from_the_future', '2030-01-01T00:00:00Z', '1')",
            [],
        )
        .unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
    }
    refused_untouched(
        &w,
        "future.db",
        "migration V99__from_the_future is not known to this chronik (newer than this binary)",
    );
    w.write("edited.db", archive_bytes());
    {
        let c = rusqlite::Connection::open(w.path("edited.db")).unwrap();
        c.execute(
            "UPDATE refinery_schema_history SET checksum = '42' WHERE version = 1",
            [],
        )
        .unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
            .unwrap();
    }
    refused_untouched(
        &w,
        "edited.db",
        "migration V1__schema is not known to this chronik (its recorded name or checksum differs)",
    );
}

#[test]
fn a_directory_as_archive_is_refused() {
    let w = Workdir::with_seeds();
    std::fs::create_dir(w.path("folder.db")).unwrap();
    let out = w
        .cmd(&["stats"])
        .arg("--db")
        .arg(w.path("folder.db"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("folder.db: a directory, not an archive; pass a file name with --db"),
        "{err}"
    );
}
