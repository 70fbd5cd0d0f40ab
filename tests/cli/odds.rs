//! Odds and ends: the read-only connection behind `sql`, `query` and
//! `export`, and a reader that closes the pipe early.

use std::process::Command;

use chronik::archive::{self, Access};

use crate::corpus;
use crate::workdir::Workdir;

#[test]
fn read_only_connections_refuse_writes_attach_and_writing_pragmas() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let before: i64 = w.count("SELECT count(*) FROM articles");
    // The connection itself, without chronik's statement checks in front.
    let conn = archive::open(&w.db(), Access::ReadOnly).unwrap();
    for sql in [
        "INSERT INTO sources (name) VALUES ('x')",
        "WITH x AS (SELECT 1) INSERT INTO sources (name) SELECT 'y' FROM x",
        "DELETE FROM articles",
        "UPDATE articles SET title = 'x'",
        "CREATE TABLE t (x)",
        "DROP VIEW top_people",
        "ATTACH DATABASE 'other.db' AS o",
        "PRAGMA user_version = 7",
        "PRAGMA journal_mode = DELETE",
        "VACUUM",
    ] {
        let result = conn.execute_batch(sql);
        assert!(result.is_err(), "{sql} was allowed");
    }
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    assert_eq!(w.count("SELECT count(*) FROM articles"), before);
    assert_eq!(w.count("PRAGMA user_version"), 0);
    assert!(!w.path("other.db").exists());
}

#[test]
fn export_articles_into_a_pipe_closed_early_ends_quietly() {
    let w = Workdir::new();
    // Enough articles that the CSV is far bigger than a pipe's buffer.
    corpus::write_corpus(&w.path("corpus"), 120);
    let (code, _, err) = w.run(&["import", "corpus"]);
    assert_eq!(code, 0, "{err}");
    let chronik = assert_cmd::cargo::cargo_bin("chronik");
    let out = Command::new("bash")
        .arg("-c")
        .arg(r#"set -o pipefail; "$1" --db "$2" export articles | head -n 1"#)
        .arg("bash")
        .arg(&chronik)
        .arg(w.db())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("id,source_id,origin,url,title,body"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // The same export, read whole, is indeed bigger than a pipe buffer.
    let (code, all, _) = w.run(&["export", "articles"]);
    assert_eq!(code, 0);
    assert!(all.len() > 128 * 1024, "{}", all.len());
}
