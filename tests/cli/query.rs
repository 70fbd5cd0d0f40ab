use crate::workdir::Workdir;

#[test]
fn list_names_every_canned_query() {
    let w = Workdir::new();
    let (code, out, _) = w.run(&["query", "--list"]);
    assert_eq!(code, 0);
    let names: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert!(names.len() >= 8, "{out}");
    for n in [
        "articles_by_date",
        "timeline",
        "entity_mentions",
        "together",
        "sources_cited",
        "undated_articles",
    ] {
        assert!(names.contains(&n), "{n} missing from {out}");
    }
    assert!(out.contains("entity_mentions\tEvery mention of an entity [--param name=…]"));
}

#[test]
fn every_canned_query_is_also_a_view() {
    let w = Workdir::new();
    w.run(&["migrate"]);
    let missing = w.count(
        "SELECT count(*) FROM canned_queries q WHERE q.params = '' AND q.name <> 'import_runs'
         AND q.name NOT IN (SELECT name FROM sqlite_master WHERE type = 'view')
         AND q.sql NOT LIKE 'SELECT * FROM %'",
    );
    assert_eq!(missing, 0);
}

#[test]
fn entity_mentions_by_any_spelling() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (code, out, _) = w.run(&[
        "query",
        "entity_mentions",
        "--param",
        "name=Kim Jong-un",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(rows.len() >= 10, "{}", rows.len());
    assert!(rows.iter().all(|r| r["entity"] == "Kim Jong Un"));
    let (_, out2, _) = w.run(&[
        "query",
        "entity_mentions",
        "--param",
        "name=Kim Jong Un",
        "--format",
        "json",
    ]);
    assert_eq!(out, out2);
}

#[test]
fn formats_csv_and_table() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (code, out, _) = w.run(&["query", "articles_by_date", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "article_id",
            "published_on",
            "outlet",
            "title",
            "url",
            "origin"
        ]
    );
    let dates: Vec<String> = r.records().map(|x| x.unwrap()[1].to_string()).collect();
    assert_eq!(
        dates,
        vec![
            "2023-09-09",
            "2024-06-19",
            "2024-07-19",
            "2024-07-19",
            "2024-11-29"
        ]
    );
    let (_, table, _) = w.run(&["query", "top_people"]);
    assert!(table.contains("Kim Jong Un"), "{table}");
    assert!(table.trim_end().ends_with("rows)"));
}

#[test]
fn limit_gives_the_first_rows_in_the_query_order() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    for name in ["timeline", "articles_by_date", "entity_pairs"] {
        let (code, all, _) = w.run(&["query", name, "--format", "csv"]);
        assert_eq!(code, 0);
        let (code, two, err) = w.run(&["query", name, "--format", "csv", "--limit", "2"]);
        assert_eq!(code, 0, "{err}");
        let want: Vec<&str> = all.lines().take(3).collect();
        assert_eq!(two.lines().collect::<Vec<_>>(), want, "{name}");
    }
    let (code, _, err) = w.run(&["query", "timeline", "--limit", "-1"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn unknown_query_and_missing_parameter_are_usage_errors() {
    let w = Workdir::new();
    let (code, _, err) = w.run(&["query", "nonsense"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no canned query or table named `nonsense`; there are: articles_by_date"),
        "{err}"
    );
    let (code, _, err) = w.run(&["query", "entity_events"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("query `entity_events` needs --param name=VALUE"),
        "{err}"
    );
    let (code, _, err) = w.run(&["query", "timeline", "--param", "when=2024"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("query `timeline` has no parameter `when`"),
        "{err}"
    );
}

#[test]
fn sql_is_read_only() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (code, out, _) = w.run(&[
        "sql",
        "SELECT count(*) AS n FROM articles",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "n\r\n5\r\n");
    for (sql, verb) in [
        ("INSERT INTO sources (name) VALUES ('x')", "INSERT"),
        ("DELETE FROM articles", "DELETE"),
        ("UPDATE articles SET title = 'x'", "UPDATE"),
        ("ATTACH DATABASE 'other.db' AS o", "ATTACH"),
        ("PRAGMA user_version = 7", "PRAGMA"),
        ("PRAGMA journal_mode = DELETE", "PRAGMA"),
    ] {
        let (code, _, err) = w.run(&["sql", sql]);
        assert_eq!(code, 2, "{sql}");
        assert!(
            err.contains(&format!("chronik sql is read-only: {verb} is refused")),
            "{sql}: {err}"
        );
    }
    assert_eq!(w.count("SELECT count(*) FROM articles"), 5);
    assert!(!w.path("other.db").exists());
    let (code, _, err) = w.run(&["sql", "SELEKT 1"]);
    assert_eq!(code, 2);
    assert!(err.contains("SQL error"), "{err}");
}

/// `events_per_month` (V17 counts each month and kind first) gives what a
/// plain count of the dated events by month gives.
#[test]
fn events_per_month_counts_the_dated_events_of_each_month() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (code, out, err) = w.run(&["query", "events_per_month", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let plain = "SELECT substr(occurred_on, 1, 7) AS month, count(*) AS events,
                 sum(kind = 'meeting') AS meetings, sum(kind = 'visit') AS visits
                 FROM events WHERE date_precision IN ('day', 'month')
                 GROUP BY month ORDER BY month";
    let (_, want, _) = w.run(&["sql", plain, "--format", "csv"]);
    assert!(want.lines().count() > 2, "{want}");
    assert!(want.lines().skip(1).any(|l| !l.ends_with(",0,0")), "{want}");
    assert_eq!(out, want);
}
