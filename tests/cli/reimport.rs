//! Re-importing: which files are read again. A file whose size,
//! modification time and manifest row match the archive's record is
//! skipped unread (schema V16); any other is read and hashed, and imported
//! again if its bytes or its manifest row changed.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::workdir::Workdir;

const SEED: &str = "seeds/000_1376698e64fde3d7.txt";

/// A time well in the past, `secs` after 2024-07-18 00:00 UTC.
fn past(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_721_260_800 + secs)
}

fn set_mtime(path: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn ns(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_nanos() as i64
}

fn recorded(w: &Workdir, origin: &str) -> Option<i64> {
    w.conn()
        .query_row(
            "SELECT f.file_mtime_ns FROM article_files f JOIN articles a ON a.id = f.article_id
             WHERE a.origin = ?1",
            [origin],
            |r| r.get(0),
        )
        .unwrap()
}

/// A text column of the first seed's article.
fn seed_column(w: &Workdir, column: &str) -> String {
    let sql = format!("SELECT {column} FROM articles WHERE origin = ?1");
    w.conn().query_row(&sql, [SEED], |r| r.get(0)).unwrap()
}

/// The same text with its first letter changed: same size, other bytes.
fn same_size_other_text(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let changed = format!("X{}", &text[1..]);
    assert_eq!(changed.len(), text.len());
    std::fs::write(path, &changed).unwrap();
    changed
}

/// The seeds imported with the first one's time set well in the past, so
/// that it is recorded; returns the scratch directory and that file.
fn imported_with_a_past_time() -> (Workdir, std::path::PathBuf) {
    let w = Workdir::with_seeds();
    let path = w.path(SEED);
    set_mtime(&path, past(0));
    w.import_seeds();
    (w, path)
}

#[test]
fn a_file_with_the_recorded_size_and_time_is_not_read_again_unless_rehash_asks() {
    let (w, path) = imported_with_a_past_time();
    assert_eq!(recorded(&w, SEED), Some(ns(past(0))));

    // Other bytes of the same size under the same time: not read, so not
    // seen; --rehash reads every file and finds it.
    let changed = same_size_other_text(&path);
    set_mtime(&path, past(0));
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(
        (code, out.trim()),
        (0, "imported 0, updated 0, unchanged 5, failed 0")
    );
    let (code, out, err) = w.run(&["import", "--rehash", "seeds"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "imported 0, updated 1, unchanged 4, failed 0");
    let raw = seed_column(&w, "raw_text");
    assert_eq!(raw, changed);
}

#[test]
fn a_file_modified_moments_before_the_import_has_no_recorded_time_and_is_hashed_again() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    // Copied just now: a write in the same clock tick would not move the
    // time, so none is recorded.
    assert_eq!(recorded(&w, SEED), None);
    let path = w.path(SEED);
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    same_size_other_text(&path);
    set_mtime(&path, before);
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(
        (code, out.trim()),
        (0, "imported 0, updated 1, unchanged 4, failed 0")
    );
}

#[test]
fn a_touched_file_is_unchanged_and_its_new_time_is_recorded() {
    let (w, path) = imported_with_a_past_time();
    let articles_before = w.count("SELECT max(id) FROM articles");
    set_mtime(&path, past(60));
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(
        (code, out.trim()),
        (0, "imported 0, updated 0, unchanged 5, failed 0")
    );
    assert_eq!(recorded(&w, SEED), Some(ns(past(60))));
    assert_eq!(w.count("SELECT max(id) FROM articles"), articles_before);
    // A time moved into the future (a skewed clock) is not trusted.
    set_mtime(&path, SystemTime::now() + Duration::from_secs(3600));
    let (_, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(out.trim(), "imported 0, updated 0, unchanged 5, failed 0");
    assert_eq!(recorded(&w, SEED), None);
}

#[test]
fn an_archive_from_before_v16_records_the_file_times_at_its_next_import() {
    let (w, _) = imported_with_a_past_time();
    w.conn()
        .execute_batch(
            "DELETE FROM refinery_schema_history WHERE version IN (16, 17, 18);
             DROP INDEX articles_hash;
             DROP TABLE article_files;
             CREATE INDEX articles_hash ON articles(content_hash, origin);",
        )
        .unwrap();
    let (code, out, err) = w.run(&["import", "seeds"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "imported 0, updated 0, unchanged 5, failed 0");
    assert_eq!(recorded(&w, SEED), Some(ns(past(0))));
    assert_eq!(
        w.count(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_files)"
        ),
        0
    );
}

#[test]
fn an_edited_manifest_row_imports_its_file_again() {
    let w = Workdir::with_seeds();
    for e in std::fs::read_dir(w.path("seeds")).unwrap() {
        set_mtime(&e.unwrap().path(), past(0));
    }
    w.import_seeds();
    let manifest = w.path("seeds/manifest.csv");
    let rows = std::fs::read_to_string(&manifest).unwrap();
    let row = rows.lines().find(|l| l.starts_with("000_")).unwrap();
    assert!(row.contains(",2024-07-19,"), "{row}");
    std::fs::write(
        &manifest,
        rows.replace(row, &row.replace(",2024-07-19,", ",2024-07-20,")),
    )
    .unwrap();
    set_mtime(&manifest, past(0));
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(
        (code, out.trim()),
        (0, "imported 0, updated 1, unchanged 4, failed 0")
    );
    let published = seed_column(&w, "published_on");
    assert_eq!(published, "2024-07-20");
    let (_, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(out.trim(), "imported 0, updated 0, unchanged 5, failed 0");
}
