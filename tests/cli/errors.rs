//! Errors a user can reach, each with the text it shows: it names the file
//! or argument, says what is wrong and what to do. Exit status 2 for usage
//! errors, 1 for failures.

use crate::workdir::Workdir;

/// Runs chronik and checks exit code and that stderr holds `says`.
fn fails(w: &Workdir, args: &[&str], code: i32, says: &str) {
    let (got, out, err) = w.run(args);
    assert_eq!(got, code, "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}:\n{err}");
    assert!(out.is_empty(), "{args:?} printed {out}");
}

#[test]
fn archive_path_problems() {
    let w = Workdir::new();
    std::fs::create_dir(w.path("adir")).unwrap();
    let dir = w.path("adir");
    let dir = dir.to_str().unwrap();
    let (code, _, err) = w.run(&["stats", "--db", dir]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "chronik: {dir}: a directory, not an archive; pass a file name with --db (such as {dir}/chronik.db)"
        )),
        "{err}"
    );
    let missing = w.path("no/such/dir/x.db");
    let missing = missing.to_str().unwrap();
    let (code, _, err) = w.run(&["stats", "--db", missing]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        format!("chronik: {missing}: cannot open or create the archive (SQLite cannot open the file); check that the directory exists and is writable")
    );
}

#[test]
fn parameter_mistakes() {
    let w = Workdir::new();
    fails(
        &w,
        &["query", "top_people", "--param", "nameKim"],
        2,
        "chronik: --param takes KEY=VALUE, got `nameKim`",
    );
    fails(
        &w,
        &["export", "entity", "-p", "=Kim"],
        2,
        "chronik: --param takes KEY=VALUE, got `=Kim`",
    );
    fails(
        &w,
        &["export", "sources", "--param", "kind=agency"],
        2,
        "chronik: query `sources` has no parameter `kind` (its parameters: none)",
    );
    fails(
        &w,
        &["query"],
        2,
        "the following required arguments were not provided:\n  <NAME>",
    );
    fails(
        &w,
        &["frobnicate"],
        2,
        "unrecognized subcommand 'frobnicate'",
    );
}

#[test]
fn sql_mistakes() {
    let w = Workdir::new();
    fails(
        &w,
        &["sql", "SELEKT 1"],
        2,
        "chronik: SQL error at character 0: near \"SELEKT\": syntax error",
    );
    fails(
        &w,
        &["sql", "SELECT * FROM nope"],
        2,
        "chronik: SQL error: no such table: nope",
    );
    fails(
        &w,
        &["sql", "SELECT 1; SELECT 2"],
        2,
        "chronik: one statement at a time, please: remove everything after the first `;`",
    );
}

#[test]
fn export_destinations() {
    let w = Workdir::new();
    w.write("taken", "a file where a directory should go");
    fails(
        &w,
        &["export", "--all", "--dir", "taken"],
        1,
        "chronik: taken: cannot create the directory; choose another --dir: File exists",
    );
    fails(
        &w,
        &["export", "sources", "--out", "missing/sources.csv"],
        1,
        "chronik: missing/sources.csv: the directory missing does not exist; create it first",
    );
    std::fs::create_dir(w.path("adir")).unwrap();
    fails(
        &w,
        &["export", "sources", "--out", "adir"],
        1,
        "chronik: adir: a directory; give --out a file name, or use --all --dir for a directory",
    );
    fails(
        &w,
        &["export", "--all"],
        2,
        "the following required arguments were not provided:\n  --dir <DIR>",
    );
    assert!(!w.path("missing").exists());
}

#[test]
fn import_input_problems() {
    let w = Workdir::new();
    w.write("big/huge.txt", "Kim Jong Un in Pjöngjang. ".repeat(10));
    w.write("notes/readme.md", "no articles here");
    w.write("in/a.txt", "Lawrow in Moskau.\n");
    w.write("in/b.txt", "Putin in Minsk.\n");
    w.write(
        "in/manifest.csv",
        "file,url,published,outlet\nb.txt,,2024-01-02\na.txt,,2024-01-03,Blatt\na.txt,,2024-01-04,Blatt\n",
    );
    w.write("empty-manifest/c.txt", "Kim in Wonsan.\n");
    w.write("empty-manifest/manifest.csv", "");
    let (code, out, err) = w.run(&[
        "import",
        "big",
        "notes",
        "in",
        "empty-manifest",
        "--max-bytes",
        "100",
    ]);
    assert_eq!(code, 1);
    assert_eq!(out.trim(), "imported 3, updated 0, unchanged 0, failed 5");
    for says in [
        "huge.txt: file is 270 bytes, over the limit of 100 bytes; raise it with --max-bytes",
        "notes: no .txt files in this directory",
        "manifest.csv:2: row for b.txt has 3 fields, expected 4",
        "manifest.csv:4: second row for a.txt; the first one is used",
        "manifest.csv: empty file; the manifest is ignored",
    ] {
        assert!(err.contains(says), "{says}:\n{err}");
    }
}

#[test]
fn symbolic_link_loops_are_skipped() {
    let w = Workdir::new();
    w.write("in/a.txt", "Lawrow in Moskau.\n");
    std::os::unix::fs::symlink(w.path("in"), w.path("in/loop")).unwrap();
    let (code, out, err) = w.run(&["import", "in"]);
    assert_eq!(code, 1);
    assert_eq!(out.trim(), "imported 1, updated 0, unchanged 0, failed 1");
    assert!(err.contains("loop: symbolic link loop; skipped"), "{err}");
}
