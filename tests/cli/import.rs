use crate::workdir::Workdir;

/// Tables beyond the compared ones that a seeds import must fill too.
const ALSO_FILLED: &[&str] = &["articles_fts", "import_runs"];

#[test]
fn seeds_import_fills_every_table() {
    let w = Workdir::with_seeds();
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "imported 5, updated 0, unchanged 0, failed 0");
    for t in crate::corpus::COUNTED.iter().chain(ALSO_FILLED) {
        assert!(
            w.count(&format!("SELECT count(*) FROM {t}")) > 0,
            "{t} is empty"
        );
    }
    assert_eq!(
        w.count("SELECT count(*) FROM articles WHERE origin LIKE 'seeds/%.txt'"),
        5
    );
}

#[test]
fn mentions_satisfy_the_offset_rule() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let bad = w.count(
        "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
         WHERE substr(a.body, m.start + 1, m.\"end\" - m.start) <> m.surface",
    );
    assert_eq!(bad, 0);
    assert!(w.count("SELECT count(*) FROM mentions") > 50);
}

#[test]
fn cleaning_removes_furniture_and_keeps_the_article() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let c = w.conn();
    let body = |origin: &str| -> String {
        c.query_row(
            "SELECT title || '\n' || body FROM articles WHERE origin = ?1",
            [origin],
            |r| r.get(0),
        )
        .unwrap()
    };
    let a0 = body("seeds/000_1376698e64fde3d7.txt");
    for junk in ["[Anzeige_1]", "Kommentar (0)", "Quelle:"] {
        assert!(!a0.contains(junk), "{junk}");
    }
    assert!(a0.contains("Tumannaya"));
    let a3 = body("seeds/003_7259b116f995f5e4.txt");
    for junk in [
        "Read more",
        "Similar News",
        "Selmayr",
        "Luhansk",
        "Jeden Tag. Überall.",
    ] {
        assert!(!a3.contains(junk), "{junk}");
    }
    assert!(a3.contains("Liu Guozhong"));
    let a4 = body("seeds/004_b5c406e6433b7397.txt");
    assert!(!a4.contains("rrt-allgemeines"));
    assert!(!a4.contains("Militaerdelegation"));
}

#[test]
fn metadata_outlet_url_and_dates() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let row = |origin: &str| -> (Option<String>, Option<String>, Option<String>) {
        w.conn()
            .query_row(
                "SELECT s.domain, a.published_on, a.url FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE origin = ?1",
                [origin],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    };
    let (domain, date, url) = row("seeds/000_1376698e64fde3d7.txt");
    assert_eq!(domain.as_deref(), Some("baoquocte.vn"));
    assert_eq!(date.as_deref(), Some("2024-07-19"));
    assert!(url.unwrap().starts_with("https://baoquocte.vn/"));
    // No date in the manifest: it comes from the URL.
    let (domain, date, _) = row("seeds/001_4df69229d299b9a4.txt");
    assert_eq!(domain.as_deref(), Some("dantri.com.vn"));
    assert_eq!(date.as_deref(), Some("2024-11-29"));
    let (domain, _, url) = row("seeds/002_83fcd9591b34a538.txt");
    assert_eq!((domain, url), (None, None));
}

#[test]
fn reimport_skips_unchanged_updates_changed_and_adds_new() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let mentions_before = w.count("SELECT count(*) FROM mentions");
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "imported 0, updated 0, unchanged 5, failed 0");
    assert_eq!(w.count("SELECT count(*) FROM mentions"), mentions_before);

    // Change one article: its derived rows are replaced, nothing duplicated.
    let path = w.path("seeds/003_7259b116f995f5e4.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Xi Jinping", "Xi Jinping und Wladimir Putin"),
    )
    .unwrap();
    w.write(
        "seeds/005_new.txt",
        "Lawrow in Pjöngjang\n\nDer russische Außenminister Sergej Lawrow ist am Freitag in Pjöngjang eingetroffen.\n",
    );
    let (code, out, _) = w.run(&["import", "seeds"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "imported 1, updated 1, unchanged 4, failed 0");
    assert_eq!(w.count("SELECT count(*) FROM articles"), 6);
    let fts = w.count(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"Jinping und Wladimir\"'",
    );
    assert_eq!(fts, 1, "the full-text index follows the update");

    // The updated archive equals a fresh import of the same files.
    let fresh = Workdir::new();
    let status = fresh
        .cmd(&["import"])
        .arg(w.path("seeds"))
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    for t in [
        "mentions",
        "entities",
        "events",
        "event_articles",
        "citations",
        "entity_aliases",
    ] {
        let q = format!("SELECT count(*) FROM {t}");
        assert_eq!(w.count(&q), fresh.count(&q), "{t}");
    }
}

#[test]
fn identical_text_under_a_second_name_is_a_duplicate() {
    let w = Workdir::with_seeds();
    std::fs::copy(
        w.path("seeds/000_1376698e64fde3d7.txt"),
        w.path("seeds/zzz_copy.txt"),
    )
    .unwrap();
    let (code, out, err) = w.run(&["import", "seeds"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        "imported 5, updated 0, unchanged 0, failed 0, duplicates 1"
    );
    assert!(
        err.contains("zzz_copy.txt: same text as seeds/000_1376698e64fde3d7.txt"),
        "{err}"
    );
    assert_eq!(w.count("SELECT count(*) FROM articles"), 5);
}

#[test]
fn bad_files_are_reported_and_the_rest_imported() {
    let w = Workdir::new();
    w.write(
        "in/good.txt",
        "Kim Jong Un empfing am Montag Sergej Lawrow in Pjöngjang.\n",
    );
    w.write("in/empty.txt", "");
    w.write("in/blank.txt", "  \n\n ");
    w.write("in/image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    w.write("in/nul.txt", b"Text\0mit NUL");
    w.write("in/junk.txt", "Kommentar (0)\n[Anzeige_1]\n");
    let (code, out, err) = w.run(&["import", "in", "missing.txt"]);
    assert_eq!(code, 1);
    assert_eq!(out.trim(), "imported 1, updated 0, unchanged 0, failed 6");
    for (file, reason) in [
        ("empty.txt", "empty file"),
        ("blank.txt", "no text, only white space"),
        ("image.txt", "binary data, not text (PNG image)"),
        ("nul.txt", "binary data, not text (contains NUL bytes)"),
        ("junk.txt", "nothing left after removing page furniture"),
        ("missing.txt", "no such file or directory"),
    ] {
        assert!(err.contains(&format!("{file}: {reason}")), "{file}: {err}");
    }
    assert_eq!(w.count("SELECT count(*) FROM articles"), 1);
}

#[test]
fn unreadable_file_is_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let w = Workdir::new();
    let p = w.write("in/secret.txt", "Text über Moskau.\n");
    w.write("in/ok.txt", "Text über Pjöngjang.\n");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&p).is_ok() {
        eprintln!("running as root: permissions do not apply, nothing to test here");
        return;
    }
    let (code, _, err) = w.run(&["import", "in"]);
    assert_eq!(code, 1);
    assert!(err.contains("secret.txt: permission denied"), "{err}");
}

#[test]
fn encodings_are_decoded() {
    let w = Workdir::new();
    w.write(
        "in/cp1252.txt",
        b"Der Pr\xE4sident traf in Pj\xF6ngjang ein \x96 so KCNA.\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Außenminister Lawrow in Moskau.\r\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    w.write("in/utf16.txt", utf16);
    w.write(
        "in/bom.txt",
        b"\xEF\xBB\xBFKim Jong Un in Pj\xC3\xB6ngjang.",
    );
    let (code, _, err) = w.run(&["import", "in"]);
    assert_eq!(code, 0, "{err}");
    let bodies: Vec<String> = {
        let c = w.conn();
        let mut s = c
            .prepare("SELECT body FROM articles ORDER BY origin")
            .unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        bodies,
        vec![
            "Kim Jong Un in Pjöngjang.",
            "Der Präsident traf in Pjöngjang ein – so KCNA.",
            "Außenminister Lawrow in Moskau."
        ]
    );
}

#[test]
fn manifest_problems_are_reported_with_line_numbers() {
    let w = Workdir::new();
    w.write("in/a.txt", "Text über Moskau.\n");
    w.write(
        "in/manifest.csv",
        "file,url,published,outlet\na.txt,,2024-13-45,Blatt\nghost.txt,,,\n",
    );
    let (code, _, err) = w.run(&["import", "in"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("manifest.csv:2: bad date `2024-13-45` for a.txt"),
        "{err}"
    );
    assert!(err.contains("manifest.csv:3: names ghost.txt"), "{err}");
    assert_eq!(
        w.count("SELECT count(*) FROM articles WHERE published_on IS NULL"),
        1
    );
    assert_eq!(
        w.count("SELECT count(*) FROM sources WHERE name = 'Blatt'"),
        1
    );

    w.write("in/manifest.csv", "datei,link\na.txt,x\n");
    let (code, _, err) = w.run(&["import", "in"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("manifest.csv:1: bad header `datei,link`"),
        "{err}"
    );
}

/// A sentence without a trigger gives an "other" event; a later article
/// reporting the same happening with a trigger joins it and names its kind.
#[test]
fn a_report_with_a_trigger_names_the_kind_of_an_other_event() {
    let w = Workdir::new();
    w.write(
        "news/manifest.csv",
        "file,url,published,outlet\na.txt,,2024-06-01,Testblatt\nb.txt,,2024-06-02,Testpost\n",
    );
    w.write(
        "news/a.txt",
        "Treffen in Ulm\n\nAnton Berger und Bohdan Kowalczyk waren im Mai 2024 gemeinsam in Ulm.\n",
    );
    w.write(
        "news/b.txt",
        "Besuch in Ulm\n\nAm 3. Mai 2024 besuchte Anton Berger gemeinsam mit Bohdan Kowalczyk die Stadt Ulm.\n",
    );
    let (code, _, err) = w.run(&["import", "news"]);
    assert_eq!(code, 0, "{err}");
    let c = w.conn();
    let rows: Vec<(String, String, String, i64)> = c
        .prepare(
            "SELECT e.kind, e.occurred_on, e.summary, count(ea.article_id) FROM events e
             JOIN event_articles ea ON ea.event_id = e.id
             JOIN event_participants p ON p.event_id = e.id
             JOIN entities n ON n.id = p.entity_id AND n.name = 'Anton Berger'
             GROUP BY e.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    let (kind, on, summary, articles) = &rows[0];
    assert_eq!(
        (kind.as_str(), on.as_str(), *articles),
        ("visit", "2024-05-03", 2)
    );
    assert!(summary.starts_with("visit: "), "{summary}");
}

/// What merges does not depend on how the files were split into runs: the
/// writer holds each event it wrote as the archive stores it (its stored
/// kind), as it holds one read from the archive. Here a report without a
/// trigger ("other") adds Clara Dunst to a meeting; a protest on that day
/// is not that meeting, whether it comes in the same run or the next.
#[test]
fn events_merge_the_same_in_one_run_as_in_two() {
    let texts = [
        "Gipfel in Ulm\n\nStand: 19.07.2024\n\nAnton Berger traf am 18. Juli 2024 Bohdan Kowalczyk in Ulm. Die beiden sprachen über den Handel.\n",
        "Besuch in Ulm\n\nStand: 19.07.2024\n\nAnton Berger und Bohdan Kowalczyk waren am 18. Juli 2024 mit Clara Dunst in Ulm.\n",
        "Protest in Ulm\n\nStand: 19.07.2024\n\nAm 18. Juli 2024 protestierten Anton Berger und Clara Dunst in Ulm gegen den Plan.\n",
    ];
    // The events (kind, date, files reporting them) after importing the
    // texts in `runs`, each run a list of text numbers.
    let events = |runs: &[&[usize]]| -> Vec<(String, String, String)> {
        let w = Workdir::new();
        for (r, run) in runs.iter().enumerate() {
            for &i in *run {
                w.write(&format!("run{r}/{i}.txt"), texts[i]);
            }
            let (code, _, err) = w.run(&["import", &format!("run{r}")]);
            assert_eq!(code, 0, "{err}");
        }
        w.conn()
            .prepare(
                "SELECT e.kind, e.occurred_on, group_concat(substr(a.origin, -5), ' ' ORDER BY a.id)
                 FROM events e JOIN event_articles ea ON ea.event_id = e.id
                 JOIN articles a ON a.id = ea.article_id
                 GROUP BY e.id ORDER BY e.id",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let one = events(&[&[0, 1, 2]]);
    let row = |k: &str, files: &str| (k.to_string(), "2024-07-18".to_string(), files.to_string());
    assert_eq!(
        one,
        vec![row("meeting", "0.txt 1.txt"), row("incident", "2.txt")]
    );
    assert_eq!(events(&[&[0, 1], &[2]]), one);
}
