//! CSV for spreadsheets from every command that prints rows: read back with
//! the csv crate and with Python's csv module, it holds what JSON holds.

use std::process::Command;

use serde_json::Value;

use crate::workdir::Workdir;

/// Cells a spreadsheet would run as formulas, quotes, separators, line breaks.
const TRICKY: &str = "SELECT '=HYPERLINK(\"http://x\")' AS formula, '+49 30' AS plus, '-rf' AS minus, '@SUM(A1)' AS at,
 'Pjöngjang; \"Nord\", Korea' AS quoted, 'zwei' || char(10) || 'Zeilen' AS lines, -3 AS negative, 2.5 AS real, NULL AS empty";

fn csv_records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body);
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The JSON output of the same command as CSV cells would spell it.
fn json_records(out: &str) -> Vec<Vec<String>> {
    let rows: Vec<serde_json::Map<String, Value>> = serde_json::from_str(out).unwrap();
    let mut records = vec![rows
        .first()
        .map(|r| r.keys().cloned().collect())
        .unwrap_or_default()];
    for row in &rows {
        records.push(
            row.values()
                .map(|v| match v {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect(),
        );
    }
    records
}

/// Python's csv module reads `bytes` (as Excel-minded code would, with
/// `utf-8-sig`) and hands the rows back as JSON; None without python3.
fn python_records(bytes: &[u8], delimiter: char, w: &Workdir) -> Option<Vec<Vec<String>>> {
    let path = w.write("python-in.csv", bytes);
    let script = "import csv, json, sys\nwith open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))";
    let out = match Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .arg(delimiter.to_string())
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            assert!(std::env::var_os("CI").is_none(), "CI needs python3: {e}");
            eprintln!("python3 not found ({e}); the Python round trip is left to CI");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

fn mark_as_csv(json_snippet: &str) -> String {
    let mut out = String::new();
    for (i, part) in json_snippet.split("**").enumerate() {
        if i > 0 {
            out.push(if i % 2 == 1 { '[' } else { ']' });
        }
        out.push_str(part);
    }
    out
}

/// Every spreadsheet-bound command, run as CSV (BOM, `;`, raw) and as JSON:
/// both readers get back exactly the JSON values.
#[test]
fn csv_round_trips_through_the_csv_crate_and_python() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let commands: [&[&str]; 5] = [
        &["query", "articles_by_date"],
        &["query", "entity", "--param", "name=Kim Jong-un"],
        &["sql", TRICKY],
        &["search", "Pjongjang OR Verteidigungsminister"],
        &["stats"],
    ];
    for args in commands {
        let json = {
            let mut a = args.to_vec();
            a.extend(["--format", "json"]);
            let (code, out, err) = w.run(&a);
            assert_eq!(code, 0, "{args:?}: {err}");
            out
        };
        let mut a = args.to_vec();
        a.extend(["--format", "csv", "--bom", "--delimiter", ";", "--raw"]);
        let out = w.cmd(&a).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"), "{args:?}");
        let mut expected = json_records(&json);
        if args[0] == "stats" {
            // file_bytes may differ between two runs (WAL checkpoints).
            expected.retain(|r| r[0] != "file_bytes");
        }
        if args[0] == "search" {
            // Search marks matches **so** in JSON and [so] in tables and CSV.
            for cell in expected.iter_mut().skip(1).map(|r| &mut r[4]) {
                *cell = mark_as_csv(cell);
            }
        }
        let mut from_csv = csv_records(&out.stdout, b';');
        if args[0] == "stats" {
            from_csv.retain(|r| r[0] != "file_bytes");
        }
        assert!(expected.len() > 1, "{args:?} gave no rows");
        assert_eq!(from_csv, expected, "{args:?} via the csv crate");
        if let Some(mut py) = python_records(&out.stdout, ';', &w) {
            if args[0] == "stats" {
                py.retain(|r| r[0] != "file_bytes");
            }
            assert_eq!(py, expected, "{args:?} via Python's csv module");
        }
    }
}

#[test]
fn formula_cells_are_neutralised_unless_raw() {
    let w = Workdir::new();
    let (code, out, _) = w.run(&["sql", TRICKY, "--format", "csv"]);
    assert_eq!(code, 0);
    let rows = csv_records(out.as_bytes(), b',');
    assert_eq!(
        rows[1],
        vec![
            "'=HYPERLINK(\"http://x\")",
            "'+49 30",
            "'-rf",
            "'@SUM(A1)",
            "Pjöngjang; \"Nord\", Korea",
            "zwei\nZeilen",
            "-3",
            "2.5",
            ""
        ]
    );
    if let Some(py) = python_records(out.as_bytes(), ',', &w) {
        assert_eq!(py, rows);
    }
    let (_, raw, _) = w.run(&["sql", TRICKY, "--format", "csv", "--raw"]);
    assert_eq!(
        csv_records(raw.as_bytes(), b',')[1][0],
        "=HYPERLINK(\"http://x\")"
    );
}

#[test]
fn csv_flags_need_csv_output() {
    let w = Workdir::new();
    for (args, says) in [
        (
            vec!["query", "top_people", "--bom"],
            "--bom only shapes CSV output; add --format csv",
        ),
        (
            vec![
                "sql",
                "SELECT 1",
                "--format",
                "json",
                "--delimiter",
                ";",
                "--raw",
            ],
            "--delimiter, --raw only shape CSV output; add --format csv",
        ),
        (
            vec!["stats", "--raw"],
            "--raw only shapes CSV output; add --format csv",
        ),
        (
            vec!["search", "Kim", "--bom"],
            "--bom only shapes CSV output; add --format csv",
        ),
    ] {
        let (code, out, err) = w.run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let (code, _, err) = w.run(&["export", "sources", "--delimiter", "ab"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "`ab` is not one ASCII character other than a quote or line break; try ';' or ','"
        ),
        "{err}"
    );
}
