use serde_json::Value;

use crate::workdir::Workdir;

/// Runs `chronik search ARGS --format json` and returns the hits.
fn search(w: &Workdir, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, out, err) = w.run(&all);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn ids(hits: &[Value]) -> Vec<i64> {
    hits.iter()
        .map(|h| h["article_id"].as_i64().unwrap())
        .collect()
}

/// Three small articles with known words, imported.
fn three() -> Workdir {
    let w = Workdir::new();
    w.write(
        "in/a.txt",
        "Lawrow reist nach Pjöngjang\n\nDer russische Außenminister Sergej Lawrow ist in Pjöngjang eingetroffen.\n",
    );
    w.write(
        "in/b.txt",
        "Putin in Moskau\n\nPräsident Putin empfing den Verteidigungsminister in Moskau.\n",
    );
    w.write(
        "in/c.txt",
        "Treffen in Wonsan\n\nLawrow und Putin trafen sich in Wonsan mit zwei Verteidigungsministern.\n",
    );
    let (code, _, err) = w.run(&["import", "in"]);
    assert_eq!(code, 0, "{err}");
    w
}

#[test]
fn umlauts_fold_pjongjang_finds_pjoengjang() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let hits = search(&w, &["Pjongjang"]);
    assert_eq!(hits.len(), 5);
    for h in &hits {
        let s = h["snippet"].as_str().unwrap();
        assert!(s.contains("**Pjöngjang**"), "{s}");
    }
    // The title counts more: the one article with Pjöngjang in its title comes first.
    assert!(hits[0]["title"].as_str().unwrap().contains("Pjöngjang"));
    assert_eq!(hits[0]["outlet"], "Dân trí");
    assert_eq!(hits[0]["published_on"], "2024-11-29");
}

#[test]
fn inflected_forms_match_where_plain_fts_misses_them() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    // Plain FTS5 over the text as written finds only the exact form: not
    // article 5, which has only "Verteidigungsministers" ...
    let plain: String = w
        .conn()
        .query_row(
            "SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH 'Verteidigungsminister'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(plain, "1,2");
    // ... chronik search finds it too, and shows the word as written.
    let hits = search(&w, &["Verteidigungsminister"]);
    assert_eq!(ids(&hits), vec![2, 1, 5]);
    let snippet = hits[2]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("stellvertretenden **Verteidigungsministers** Alexei Kriworuchko"),
        "{snippet}"
    );
}

#[test]
fn phrases_prefixes_and_boolean_operators() {
    let w = three();
    assert_eq!(ids(&search(&w, &["Lawrow NOT Putin"])), vec![1]);
    assert_eq!(ids(&search(&w, &["Lawrow", "NOT", "Putin"])), vec![1]);
    let mut either = ids(&search(&w, &["Pjongjang OR Moskau"]));
    either.sort();
    assert_eq!(either, vec![1, 2]);
    let mut grouped = ids(&search(&w, &["(Pjöngjang OR Wonsan) AND Lawrow"]));
    grouped.sort();
    assert_eq!(grouped, vec![1, 3]);
    assert_eq!(ids(&search(&w, &["\"russischen Außenminister\""])), vec![1]);
    assert!(search(&w, &["\"Außenminister russische\""]).is_empty());
    let mut prefix = ids(&search(&w, &["Verteid*"]));
    prefix.sort();
    assert_eq!(prefix, vec![2, 3]);
    let hits = search(&w, &["Verteidigungsminister"]);
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().any(|h| h["snippet"]
        == "Lawrow und Putin trafen sich in Wonsan mit zwei **Verteidigungsministern**."));
    assert!(search(&w, &["Minsk"]).is_empty());
}

#[test]
fn a_title_match_ranks_above_body_matches() {
    let w = Workdir::new();
    w.write(
        "in/a.txt",
        "Gespräche in Moskau\n\nLawrow sprach lange mit den Gästen. Danach reiste Lawrow ab.\n",
    );
    w.write(
        "in/b.txt",
        "Lawrow in Moskau\n\nDer Minister sprach mit den Gästen in der Hauptstadt.\n",
    );
    // Articles without the word, so that it is rare enough to count for bm25.
    for i in 1..=3 {
        w.write(
            &format!("in/f{i}.txt"),
            format!("Wetter {i}\n\nEs regnet in Berlin am Tag {i}.\n"),
        );
    }
    w.run(&["import", "in"]);
    let hits = search(&w, &["Lawrow"]);
    assert_eq!(ids(&hits), vec![2, 1]);
    // No body match: the snippet is the start of the body.
    assert_eq!(
        hits[0]["snippet"],
        "Der Minister sprach mit den Gästen in der Hauptstadt."
    );
}

#[test]
fn table_and_csv_mark_matches_in_brackets() {
    let w = three();
    let (code, out, _) = w.run(&["search", "Wonsan", "--format", "csv", "--delimiter", ";"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "article_id;published_on;outlet;title;snippet\r\n3;;;Treffen in Wonsan;Lawrow und Putin trafen sich in [Wonsan] mit zwei Verteidigungsministern.\r\n"
    );
    let (code, out, _) = w.run(&["search", "Lawrow", "--limit", "1"]);
    assert_eq!(code, 0);
    assert!(out.contains("[Lawrow]"), "{out}");
    assert!(out.trim_end().ends_with("(1 rows)"), "{out}");
}

#[test]
fn malformed_queries_get_a_plain_message() {
    let w = three();
    for (query, says) in [
        (
            "\"Kim Jong",
            "a quote is not closed; end the phrase with \"",
        ),
        ("(Kim OR Putin", "a `(` is not closed; add the missing `)`"),
        ("Kim)", "a `)` has no `(` before it"),
        (
            "Kim OR",
            "`OR` needs a search term on both sides, as in `Kim OR Putin`",
        ),
        ("NOT Putin", "`NOT` needs a search term on both sides"),
        (
            "Kim AND AND Putin",
            "`AND` needs a search term on both sides",
        ),
        ("()", "`()` holds nothing"),
        ("Kim *", "`*` must follow a word directly, as in Verteid*"),
        (
            "?!",
            "there is nothing to search for; give at least one word",
        ),
    ] {
        let (code, out, err) = w.run(&["search", query]);
        assert_eq!(code, 2, "{query}");
        assert!(out.is_empty());
        assert!(
            err.contains(&format!("chronik: cannot search for `{query}`: {says}")),
            "{query}: {err}"
        );
        assert!(!err.to_lowercase().contains("fts5"), "{err}");
    }
    let (code, _, err) = w.run(&["search", "Lawrow", "--limit", "0"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid value '0' for '--limit <LIMIT>'"),
        "{err}"
    );
}

#[test]
fn the_index_follows_updates_reindex_and_other_clients() {
    let w = three();
    // A changed file: the new word is found, the old one gone.
    w.write(
        "in/b.txt",
        "Putin in Minsk\n\nPräsident Putin empfing den Verteidigungsminister in Minsk.\n",
    );
    let (code, out, _) = w.run(&["import", "in"]);
    assert_eq!(
        (code, out.trim()),
        (0, "imported 0, updated 1, unchanged 2, failed 0")
    );
    assert_eq!(ids(&search(&w, &["Minsk"])), vec![2]);
    assert!(search(&w, &["Moskau"]).is_empty());

    let (code, _, err) = w.run(&["reindex"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids(&search(&w, &["Minsk"])), vec![2]);
    assert_eq!(w.count("SELECT count(*) FROM articles_stem"), 3);

    // Another client edits a title: its stems go stale and chronik writes them anew.
    w.conn()
        .execute(
            "UPDATE articles SET title = 'Putin in Nowosibirsk' WHERE id = 2",
            [],
        )
        .unwrap();
    assert_eq!(w.count("SELECT count(*) FROM articles_stem"), 2);
    assert_eq!(ids(&search(&w, &["Nowosibirsk"])), vec![2]);
    // An archive whose stems are missing altogether (made before schema V3) gets them.
    w.conn().execute("DELETE FROM articles_stem", []).unwrap();
    assert_eq!(ids(&search(&w, &["Wonsan"])), vec![3]);
    assert_eq!(w.count("SELECT count(*) FROM articles_stem"), 3);
    // Deleting an article elsewhere removes it from the index.
    w.conn()
        .execute("DELETE FROM articles WHERE id = 3", [])
        .unwrap();
    assert!(search(&w, &["Wonsan"]).is_empty());
}

#[test]
fn other_clients_query_both_full_text_tables_without_chronik() {
    let w = three();
    let c = w.conn();
    let stemmed: i64 = c
        .query_row(
            "SELECT count(*) FROM articles_stem_fts WHERE articles_stem_fts MATCH 'verteidigungsminist'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stemmed, 2);
    let tokenizers: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%USING fts5%' AND sql LIKE '%tokenize=\"unicode61 remove_diacritics 2\"%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tokenizers, 2);
    let (code, out, _) = w.run(&[
        "query",
        "search_articles",
        "--param",
        "q=Pjongjang",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0]["snippet"],
        "Der russische Außenminister Sergej Lawrow ist in [Pjöngjang] eingetroffen."
    );
}

/// A word in more articles than a search ranks: the newest are ranked and
/// stderr says so; `--all` ranks every match.
#[test]
fn a_word_in_thousands_of_articles_ranks_the_newest_unless_all() {
    let w = Workdir::new();
    for i in 0..2001 {
        w.write(
            &format!("in/{i:04}.txt"),
            format!("Meldung {i}\n\nDer Verteidigungsminister sprach in Stadt{i}.\n"),
        );
    }
    // The oldest article repeats the word: with every match ranked it wins.
    w.write(
        "in/0000.txt",
        "Verteidigungsminister Verteidigungsminister\n\nDer Verteidigungsminister und der Verteidigungsminister sprachen.\n",
    );
    let (code, _, err) = w.run(&["import", "in"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = w.run(&[
        "search",
        "Verteidigungsminister",
        "--format",
        "json",
        "--limit",
        "3",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("the 2000 newest were ranked (--all ranks every match)"),
        "{err}"
    );
    let hits: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(hits.len(), 3);
    assert!(ids(&hits).iter().all(|&id| id > 1), "{out}");
    let all = search(&w, &["Verteidigungsminister", "--all", "--limit", "3"]);
    assert_eq!(ids(&all)[0], 1, "{all:?}");
    let (_, _, err) = w.run(&["search", "Verteidigungsminister", "--quiet"]);
    assert!(err.is_empty(), "{err}");
    // Fewer matches than the cap: no note.
    let (_, _, err) = w.run(&["search", "Stadt7", "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    // The canned query for other clients ranks the same newest matches and
    // then lists every older one, so nothing is lost to the cap.
    let canned = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec![
            "query",
            "search_articles",
            "--param",
            "q=Verteidigungsminister",
        ];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--format", "json"]);
        let (code, out, err) = w.run(&args);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let every = canned(&[]);
    assert_eq!(every.len(), 2001);
    assert_eq!(ids(&every)[2000], 1);
    let page = canned(&["--limit", "3"]);
    assert_eq!(ids(&page), ids(&every)[..3]);
    assert!(ids(&page).iter().all(|&id| id > 1), "{page:?}");
    assert!(page[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("[Verteidigungsminister]"));
}

/// An import indexes its batch's new articles once, before the batch
/// commits (schema V10): every article is found, both full-text tables pass
/// their own check, no deferral outlives the import, and another client's
/// insert is indexed at once by the triggers, as before.
#[test]
fn new_articles_are_indexed_at_the_end_of_their_batch() {
    let w = three();
    assert_eq!(ids(&search(&w, &["Pjöngjang"])), vec![1]);
    assert_eq!(ids(&search(&w, &["Wonsan"])), vec![3]);
    assert_eq!(w.count("SELECT count(*) FROM import_deferred"), 0);
    let conn = w.conn();
    for table in ["articles_fts", "articles_stem_fts"] {
        conn.execute(
            &format!("INSERT INTO {table} ({table}) VALUES ('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{table}: {e}"));
    }
    conn.execute(
        "INSERT INTO articles (origin, title, body, content_hash, byte_size, raw_text, imported_at)
         VALUES ('other/d.txt', 'Gipfel in Chabarowsk', 'Ein Gipfel.', 'x', 1, 'x', '2026-12-06')",
        [],
    )
    .unwrap();
    assert_eq!(
        w.count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Chabarowsk'"),
        1
    );
}

/// Both full-text indexes merge sixteen segments at a time (schema V14),
/// and searching finds what it found before any merge, after many small
/// transactions have left many segments.
#[test]
fn the_full_text_indexes_merge_sixteen_segments_at_a_time() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let conn = w.conn();
    for table in ["articles_fts", "articles_stem_fts"] {
        let automerge: i64 = conn
            .query_row(
                &format!("SELECT v FROM {table}_config WHERE k = 'automerge'"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(automerge, 16, "{table}");
    }
    let before = ids(&search(&w, &["Pjöngjang", "--all"]));
    assert!(!before.is_empty());
    // Twenty one-article transactions: twenty segments on the first level.
    for i in 0..20 {
        let file = format!("more/{i}.txt");
        w.write(
            &file,
            format!("Meldung {i}\n\nDie Agentur meldete am Montag Regen in Rostock, Nummer {i}.\n"),
        );
        let (code, _, err) = w.run(&["import", &w.path(&file).to_string_lossy()]);
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(ids(&search(&w, &["Pjöngjang", "--all"])), before);
    assert_eq!(search(&w, &["Rostock", "--all"]).len(), 20);
}
