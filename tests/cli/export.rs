use std::path::Path;

use crate::workdir::Workdir;

#[test]
fn export_table_to_stdout_and_file() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (code, out, _) = w.run(&["export", "sources"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("id,name,domain,kind\r\n"), "{out}");
    assert!(out.contains("Báo Quốc tế,baoquocte.vn,outlet"), "{out}");
    let (code, _, _) = w.run(&[
        "export",
        "timeline",
        "--out",
        "t.csv",
        "--bom",
        "--delimiter",
        ";",
    ]);
    assert_eq!(code, 0);
    let bytes = std::fs::read(w.path("t.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFevent_id;occurred_on;"));
    let (code, _, err) = w.run(&["export", "nope"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no canned query or table named `nope`"),
        "{err}"
    );
}

#[test]
fn export_all_is_deterministic_and_matches_exports_dir() {
    let a = Workdir::with_seeds();
    a.import_seeds();
    let (code, _, _) = a.run(&["export", "--all", "--dir", "out"]);
    assert_eq!(code, 0);
    let b = Workdir::with_seeds();
    b.import_seeds();
    b.run(&["export", "--all", "--dir", "out"]);
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("exports");
    let mut names: Vec<String> = std::fs::read_dir(a.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.contains(&"articles.csv".to_string()) && names.contains(&"timeline.csv".to_string())
    );
    assert!(!names.contains(&"import_runs.csv".to_string()));
    for n in &names {
        let fresh = std::fs::read(a.path("out").join(n)).unwrap();
        assert_eq!(
            fresh,
            std::fs::read(b.path("out").join(n)).unwrap(),
            "{n} differs between two imports"
        );
        let stored = std::fs::read(committed.join(n)).unwrap_or_default();
        assert!(
            stored == fresh,
            "exports/{n} is out of date; regenerate with: cargo run -- --db /tmp/seeds.db import seeds && cargo run -- --db /tmp/seeds.db export --all --dir exports"
        );
    }
    let header = std::fs::read_to_string(a.path("out/articles.csv")).unwrap();
    assert!(!header.lines().next().unwrap().contains("imported_at"));
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let w = Workdir::new();
    // Far more output than a pipe buffer holds, so the write must hit the closed pipe.
    let many = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT i FROM n";
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("chronik"))
        .arg("--db")
        .arg(w.db())
        .args(["sql", many, "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
}
