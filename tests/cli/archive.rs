use crate::workdir::Workdir;

#[test]
fn migrate_status_lists_applied_migrations() {
    let w = Workdir::new();
    let (code, out, _) = w.run(&["migrate", "--status"]);
    assert_eq!(code, 0);
    assert!(out.contains("V1__schema\tpending"), "{out}");
    let (code, _, _) = w.run(&["migrate"]);
    assert_eq!(code, 0);
    let (_, out, _) = w.run(&["migrate", "--status"]);
    assert!(out.contains("V1__schema\tapplied"), "{out}");
    assert!(out.contains("V2__views\tapplied"), "{out}");
    assert!(out.contains("V3__search\tapplied"), "{out}");
    assert!(out.contains("V4__counts\tapplied"), "{out}");
    assert!(out.contains("V5__order\tapplied"), "{out}");
    let mode: String = w
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn unknown_migration_is_refused_and_the_file_left_alone() {
    let w = Workdir::new();
    w.run(&["migrate"]);
    w.conn()
        .execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (99, 'from_the_future', '2030-01-01T00:00:00Z', '1')",
            [],
        )
        .unwrap();
    w.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = std::fs::read(w.db()).unwrap();
    let (code, _, err) = w.run(&["stats"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("migration V99__from_the_future is not known to this chronik"),
        "{err}"
    );
    assert!(err.contains("The file was not modified"), "{err}");
    assert_eq!(std::fs::read(w.db()).unwrap(), before);
}

#[test]
fn edited_migration_is_refused() {
    let w = Workdir::new();
    w.run(&["migrate"]);
    w.conn()
        .execute(
            "UPDATE refinery_schema_history SET checksum = '42' WHERE version = 2",
            [],
        )
        .unwrap();
    let (code, _, err) = w.run(&["import", "."]);
    assert_eq!(code, 1);
    assert!(err.contains("migration V2__views is not known"), "{err}");
    assert!(err.contains("checksum differs"), "{err}");
}

#[test]
fn foreign_files_are_refused_untouched() {
    let w = Workdir::new();
    let text = w.write("notes.db", "just some text, not a database at all");
    let (code, _, err) = w
        .cmd(&["stats"])
        .arg("--db")
        .arg(&text)
        .output()
        .map(|o| {
            (
                o.status.code(),
                (),
                String::from_utf8_lossy(&o.stderr).into_owned(),
            )
        })
        .unwrap();
    assert_eq!(code, Some(1));
    assert!(err.contains("notes.db: not a SQLite database"), "{err}");
    assert_eq!(
        std::fs::read(&text).unwrap(),
        b"just some text, not a database at all"
    );

    let other = w.path("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (id INTEGER PRIMARY KEY);")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let out = w
        .cmd(&["import", "."])
        .arg("--db")
        .arg(&other)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("not a chronik archive (it has tables such as `recipes`"),
        "{err}"
    );
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn stats_counts_rows_and_names_the_schema_version() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (code, out, _) = w.run(&["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let get = |k: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["item"] == k)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(get("articles"), 5);
    assert_eq!(get("schema_version"), 18);
    assert!(get("file_bytes").as_i64().unwrap() > 0);
}

#[test]
fn an_archive_from_before_v3_gains_stemmed_search_on_opening() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    // Take the archive back to schema V2, as archives in the field are.
    w.conn()
        .execute_batch(&format!(
            "{}
                 DROP TRIGGER articles_stem_stale; DROP TRIGGER articles_stem_gone;
                 DROP TABLE articles_stem_fts; DROP TABLE articles_stem;
                 DELETE FROM canned_queries WHERE name = 'search_articles';
                 DELETE FROM refinery_schema_history WHERE version = 3;",
            v4_undone()
        ))
        .unwrap();
    let (_, out, _) = w.run(&["migrate", "--status"]);
    assert!(out.contains("V3__search\tpending"), "{out}");
    let (code, out, err) = w.run(&["search", "Verteidigungsministers", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 4, "{out}");
    assert_eq!(w.count("SELECT count(*) FROM articles_stem"), 5);
    assert_eq!(
        w.count("SELECT count(*) FROM refinery_schema_history WHERE version = 3"),
        1
    );
}

/// Takes an archive from schema V18 back to V11 (V17's view stays; it is
/// made again; V18's triggers go with the table): no file times, the index
/// by hash alone,
/// FTS5's own merge setting, no table of dropped indexes, and
/// `event_articles` keyed by event again, as V1 made it, with V6's triggers.
fn v12_undone() -> String {
    // V1's table and index, as V1 wrote them.
    let v1 = include_str!("../../migrations/V1__schema.sql");
    let start = v1.find("CREATE TABLE event_articles (").expect("V1 table");
    let index = "CREATE INDEX event_articles_article ON event_articles(article_id);";
    let end = v1.find(index).expect("V1 index") + index.len();
    format!(
        "DELETE FROM refinery_schema_history WHERE version IN (17, 18);
         DELETE FROM refinery_schema_history WHERE version = 16;
         DROP INDEX articles_hash;
         DROP TABLE article_files;
         DELETE FROM refinery_schema_history WHERE version = 15;
         CREATE INDEX articles_hash ON articles(content_hash);
         DELETE FROM refinery_schema_history WHERE version = 14;
         DELETE FROM articles_fts_config WHERE k = 'automerge';
         DELETE FROM articles_stem_fts_config WHERE k = 'automerge';
         DELETE FROM refinery_schema_history WHERE version = 13;
         DROP TABLE import_dropped_indexes;
         DELETE FROM refinery_schema_history WHERE version = 12;
         PRAGMA legacy_alter_table = ON;
         ALTER TABLE event_articles RENAME TO event_articles_v12;
         PRAGMA legacy_alter_table = OFF;
         {}
         INSERT INTO event_articles SELECT event_id, article_id, evidence FROM event_articles_v12;
         DROP TABLE event_articles_v12;
         {}",
        &v1[start..end],
        triggers_of(
            include_str!("../../migrations/V6__outlets.sql"),
            &[
                "event_articles_outlet_insert",
                "event_articles_outlet_delete"
            ]
        )
    )
}

#[test]
fn an_archive_from_before_v12_keeps_its_event_links_and_their_counts() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let links = |w: &Workdir| w.run(&["export", "event_articles"]).1;
    let outlets = |w: &Workdir| {
        w.run(&["query", "multi_outlet_events", "--format", "csv"])
            .1
    };
    let (before_links, before_outlets) = (links(&w), outlets(&w));
    assert!(before_links.lines().count() > 10, "{before_links}");
    w.conn().execute_batch(&v12_undone()).unwrap();
    let (_, out, _) = w.run(&["migrate", "--status"]);
    assert!(
        out.contains("V12__event_articles_by_article\tpending"),
        "{out}"
    );
    assert_eq!(links(&w), before_links);
    assert_eq!(outlets(&w), before_outlets);
    let key = "SELECT group_concat(name, ' ') FROM pragma_index_info('sqlite_autoindex_event_articles_1')";
    let (_, key, _) = w.run(&["sql", key, "--format", "csv"]);
    assert_eq!(key.lines().nth(1), Some("article_id event_id"), "{key}");
    // The V6 triggers are back: a link another client adds is counted.
    w.conn()
        .execute_batch(
            "INSERT INTO event_articles (event_id, article_id, evidence)
             SELECT e.id, a.id, 'x' FROM events e, articles a
             WHERE NOT EXISTS (SELECT 1 FROM event_articles WHERE event_id = e.id AND article_id = a.id)
             LIMIT 1",
        )
        .unwrap();
    assert_eq!(w.count(RECOUNT), 0);
    assert!(w
        .conn()
        .execute_batch(
            "INSERT INTO event_articles (event_id, article_id, evidence)
             SELECT event_id, article_id, 'again' FROM event_articles LIMIT 1"
        )
        .is_err());
}

/// Takes an archive from schema V18 back to V3 (the two views V4 replaces
/// stay; V4 replaces them again; V6 creates the three it drops; V7 and V8
/// redo their index and queries in place; V9's column goes; V10's triggers
/// are V1's and V3's again, as those migrations wrote them; V11's triggers
/// are V4's again and its table gets V10's name back).
fn v4_undone() -> String {
    let v1 = include_str!("../../migrations/V1__schema.sql");
    let v3 = include_str!("../../migrations/V3__search.sql");
    let v4 = include_str!("../../migrations/V4__counts.sql");
    let counts = [
        "mentions_count_insert",
        "mentions_count_delete",
        "mentions_count_update",
        "article_entities_insert",
        "article_entities_delete",
    ];
    let fts = [
        "articles_fts_insert",
        "articles_fts_delete",
        "articles_fts_update",
    ];
    let stem = [
        "articles_stem_fts_insert",
        "articles_stem_fts_delete",
        "articles_stem_fts_update",
    ];
    let drops: String = fts
        .iter()
        .chain(&stem)
        .map(|t| format!("DROP TRIGGER {t};\n"))
        .collect();
    format!(
        "{}DELETE FROM refinery_schema_history WHERE version IN (10, 11);\n{}{}
         ALTER TABLE import_deferred RENAME TO fts_deferred;\n{drops}DROP TABLE fts_deferred;\n{}{}{V4_UNDONE}",
        v12_undone(),
        counts.map(|t| format!("DROP TRIGGER {t};\n")).concat(),
        triggers_of(v4, &counts),
        triggers_of(v1, &fts),
        triggers_of(v3, &stem)
    )
}

/// The `CREATE TRIGGER … END;` statements named `names` in `migration`.
fn triggers_of(migration: &str, names: &[&str]) -> String {
    names
        .iter()
        .map(|n| {
            let start = migration
                .find(&format!("CREATE TRIGGER {n} "))
                .unwrap_or_else(|| panic!("no trigger {n}"));
            let end = start + migration[start..].find("END;").expect("END;") + 4;
            format!("{}\n", &migration[start..end])
        })
        .collect()
}

/// Takes an archive from schema V9 back to V3 (see [`v4_undone`]).
const V4_UNDONE: &str = "
    DELETE FROM refinery_schema_history WHERE version IN (7, 8, 9);
    DROP TRIGGER event_participants_redated; DROP TRIGGER event_participants_dated;
    DROP VIEW entity_event_links; DROP INDEX event_participants_entity;
    ALTER TABLE event_participants DROP COLUMN occurred_on;
    CREATE INDEX event_participants_entity ON event_participants(entity_id);
    DROP VIEW multi_outlet_events; DROP VIEW event_timeline;
    DROP TRIGGER event_outlets_added; DROP TRIGGER event_outlets_removed;
    DROP TRIGGER event_articles_outlet_insert; DROP TRIGGER event_articles_outlet_delete;
    DROP TRIGGER articles_outlet_gone; DROP TRIGGER articles_outlet_moved;
    DROP INDEX events_outlets; DROP INDEX events_month; DROP INDEX articles_outlet;
    DROP TABLE event_outlets;
    ALTER TABLE events DROP COLUMN outlet_count;
    DELETE FROM refinery_schema_history WHERE version = 6;
    DROP INDEX events_timeline; DROP INDEX articles_timeline; DROP INDEX events_location;
    DELETE FROM refinery_schema_history WHERE version = 5;
    DROP TRIGGER mentions_count_insert; DROP TRIGGER mentions_count_delete;
    DROP TRIGGER mentions_count_update; DROP TRIGGER article_entities_insert;
    DROP TRIGGER article_entities_delete; DROP TRIGGER entities_count_delete;
    DROP TABLE article_entities; DROP TABLE entity_counts; DROP TABLE entity_pair_counts;
    DROP TRIGGER articles_stem_pending_insert; DROP TRIGGER articles_stem_pending_edit;
    DROP TRIGGER articles_stem_pending_gone; DROP TRIGGER articles_stem_written;
    DROP TRIGGER articles_stem_rewritten; DROP TRIGGER articles_stem_lost;
    DROP TABLE articles_stem_pending;
    UPDATE canned_queries SET sql = 'SELECT 1' WHERE name = 'together';
    DELETE FROM refinery_schema_history WHERE version = 4;";

#[test]
fn an_archive_from_before_v4_gets_its_counts_and_outlets_filled_in() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let pairs = |w: &Workdir| w.run(&["query", "entity_pairs", "--format", "csv"]).1;
    let people = |w: &Workdir| w.run(&["query", "top_people", "--format", "csv"]).1;
    let outlets = |w: &Workdir| {
        w.run(&["query", "multi_outlet_events", "--format", "csv"])
            .1
    };
    let (before_pairs, before_people, before_outlets) = (pairs(&w), people(&w), outlets(&w));
    assert!(before_pairs.lines().count() > 100, "{before_pairs}");
    assert!(before_outlets.lines().count() > 1, "{before_outlets}");
    w.conn().execute_batch(&v4_undone()).unwrap();
    assert_eq!(pairs(&w), before_pairs);
    assert_eq!(people(&w), before_people);
    assert_eq!(outlets(&w), before_outlets);
    assert_eq!(
        w.count("SELECT count(*) FROM refinery_schema_history WHERE version = 4"),
        1
    );
}

/// The counts V4 and V6 keep, recomputed from `mentions` and `event_articles`; compared with the stored
/// ones they must be equal.
const RECOUNT: &str = "
    SELECT (SELECT count(*) FROM (
              SELECT article_id, entity_id, count(*) FROM mentions GROUP BY 1, 2
              EXCEPT SELECT article_id, entity_id, mentions FROM article_entities))
         + (SELECT count(*) FROM (
              SELECT article_id, entity_id, mentions FROM article_entities
              EXCEPT SELECT article_id, entity_id, count(*) FROM mentions GROUP BY 1, 2))
         + (SELECT count(*) FROM (
              SELECT entity_id, count(*), count(DISTINCT article_id) FROM mentions GROUP BY 1
              EXCEPT SELECT entity_id, mentions, articles FROM entity_counts WHERE mentions > 0))
         + (SELECT count(*) FROM (
              SELECT a.entity_id, b.entity_id, count(*) FROM article_entities a
              JOIN article_entities b ON b.article_id = a.article_id AND a.entity_id < b.entity_id
              GROUP BY 1, 2
              EXCEPT SELECT entity_a, entity_b, shared_articles FROM entity_pair_counts))
         + (SELECT count(*) FROM entity_pair_counts WHERE shared_articles <= 0)
         + (SELECT count(*) FROM events ev WHERE outlet_count IS NOT (
              SELECT count(DISTINCT a.source_id) FROM event_articles ea
              JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = ev.id))
         + (SELECT count(*) FROM (
              SELECT ea.event_id, a.source_id, count(*) FROM event_articles ea
              JOIN articles a ON a.id = ea.article_id WHERE a.source_id IS NOT NULL GROUP BY 1, 2
              EXCEPT SELECT event_id, source_id, articles FROM event_outlets))
         + (SELECT count(*) FROM event_outlets WHERE articles <= 0)";

#[test]
fn counts_stay_exact_through_updates_reindex_and_other_clients() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    assert!(w.count("SELECT count(*) FROM entity_pair_counts") > 100);
    assert_eq!(w.count(RECOUNT), 0);
    // A later import adds its batch's counts to the stored ones (V11).
    const LAWROW_AND_KIM: &str =
        "SELECT coalesce(sum(shared_articles), 0) FROM entity_pair_counts p
        JOIN entities a ON a.id = p.entity_a JOIN entities b ON b.id = p.entity_b
        WHERE a.name || b.name IN ('Sergej LawrowKim Jong Un', 'Kim Jong UnSergej Lawrow')";
    let before = w.count(LAWROW_AND_KIM);
    w.write(
        "more/a.txt",
        "Lawrow lobt Kim\n\nDer russische Außenminister Sergej Lawrow lobte am Montag Kim Jong Un.\n",
    );
    let (code, out, err) = w.run(&["import", "more"]);
    assert_eq!(
        (code, out.trim()),
        (0, "imported 1, updated 0, unchanged 0, failed 0"),
        "{err}"
    );
    assert_eq!(w.count(RECOUNT), 0);
    assert_eq!(w.count(LAWROW_AND_KIM), before + 1);
    // A changed file replaces its article and everything derived from it.
    let seed = std::fs::read_dir(w.path("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .unwrap();
    let mut text = std::fs::read_to_string(&seed).unwrap();
    text.push_str("\nAm Montag traf Sergej Lawrow in Wladiwostok mit Choe Son Hui zusammen.\n");
    std::fs::write(&seed, text).unwrap();
    let (code, out, err) = w.run(&["import", "seeds"]);
    assert_eq!(
        (code, out.trim()),
        (0, "imported 0, updated 1, unchanged 4, failed 0"),
        "{err}"
    );
    assert_eq!(w.count(RECOUNT), 0);
    let (code, _, err) = w.run(&["reindex"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(w.count(RECOUNT), 0);
    assert!(w.count("SELECT count(*) FROM events WHERE outlet_count >= 2") > 0);
    // Another client deletes an article (its mentions and event links go with
    // it) and a mention, and moves an article to another outlet.
    let c = w.conn();
    c.execute_batch(
        "PRAGMA foreign_keys = ON;
         UPDATE articles SET source_id = (SELECT max(id) FROM sources) WHERE id = 1;
         UPDATE articles SET source_id = NULL WHERE id = 3;
         DELETE FROM articles WHERE id = 2;
         DELETE FROM mentions WHERE id = (SELECT min(id) FROM mentions);
         UPDATE mentions SET entity_id = (SELECT min(entity_id) FROM mentions)
           WHERE id = (SELECT max(id) FROM mentions);",
    )
    .unwrap();
    assert_eq!(
        w.count("SELECT count(*) FROM article_entities WHERE article_id = 2"),
        0
    );
    assert_eq!(w.count(RECOUNT), 0);
}

/// An article's links to events stored by an earlier batch count for
/// their outlets (V18): one file per batch.
#[test]
fn outlet_counts_add_up_across_batches() {
    let w = Workdir::with_seeds();
    let (code, _, err) = w.run(&["import", "seeds", "--commit-every", "1"]);
    assert_eq!(code, 0, "{err}");
    assert!(w.count("SELECT count(*) FROM events WHERE outlet_count >= 2") > 0);
    assert_eq!(w.count(RECOUNT), 0);
}

/// Each participant row carries its event's date (V9), which other clients
/// and redated events keep right through triggers.
#[test]
fn participant_rows_keep_their_events_date() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let out_of_step = |w: &Workdir| {
        w.count(
            "SELECT count(*) FROM event_participants p JOIN events e ON e.id = p.event_id
             WHERE p.occurred_on IS NOT e.occurred_on",
        )
    };
    assert!(w.count("SELECT count(*) FROM event_participants") > 0);
    assert_eq!(out_of_step(&w), 0);
    let c = w.conn();
    c.execute_batch(
        "UPDATE events SET occurred_on = '1999-12-31' WHERE id = (SELECT min(event_id) FROM event_participants);
         INSERT INTO event_participants (event_id, entity_id, role)
         SELECT max(id), (SELECT min(id) FROM entities WHERE id NOT IN
             (SELECT entity_id FROM event_participants WHERE event_id = (SELECT max(id) FROM events))),
           'participant' FROM events;",
    )
    .unwrap();
    assert_eq!(out_of_step(&w), 0);
    // The redated event now opens its participants' timelines.
    let first: String = c
        .query_row(
            "SELECT entity FROM entity_event_links WHERE occurred_on = '1999-12-31' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let (code, out, err) = w.run(&[
        "query",
        "entity_events",
        "--param",
        &format!("name={first}"),
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let second_line = out.lines().nth(1).unwrap_or("");
    assert!(second_line.contains("1999-12-31"), "{out}");
}

#[test]
fn indexes_and_triggers_a_killed_large_import_dropped_are_made_when_no_import_runs() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let schema = |w: &Workdir| crate::corpus::schema_of(&w.conn());
    let all = schema(&w);
    let (_, timeline, _) = w.run(&["query", "timeline", "--format", "csv"]);
    // What a large first import does before its first file (store::bulk),
    // left as a kill would leave it.
    w.conn()
        .execute_batch(
            "INSERT INTO import_dropped_indexes (name, sql)
             SELECT name, sql FROM sqlite_master
             WHERE name IN ('mentions_entity', 'events_timeline', 'mentions_count_insert');
             DROP INDEX mentions_entity; DROP INDEX events_timeline;
             DROP TRIGGER mentions_count_insert;",
        )
        .unwrap();
    assert_eq!(schema(&w).len(), all.len() - 3);
    // While an import holds the lock, a reader leaves them to it, and its
    // answers are the same.
    let lock = std::fs::File::create(w.path("chronik.db.lock")).unwrap();
    lock.try_lock().unwrap();
    let (code, out, err) = w.run(&["query", "timeline", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, timeline);
    assert_eq!(w.count("SELECT count(*) FROM import_dropped_indexes"), 3);
    assert_eq!(schema(&w).len(), all.len() - 3);
    drop(lock);
    let (code, out, err) = w.run(&["query", "timeline", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, timeline);
    assert_eq!(w.count("SELECT count(*) FROM import_dropped_indexes"), 0);
    assert_eq!(schema(&w), all);
}

#[test]
fn a_reader_answers_when_the_indexes_a_killed_import_dropped_cannot_be_built() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (_, timeline, _) = w.run(&["query", "timeline", "--format", "csv"]);
    // A statement that fails as building on a read-only file would.
    w.conn()
        .execute(
            "INSERT INTO import_dropped_indexes (name, sql)
             VALUES ('broken', 'CREATE INDEX broken ON no_such_table (x)')",
            [],
        )
        .unwrap();
    let (code, out, err) = w.run(&["query", "timeline", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, timeline);
    assert_eq!(w.count("SELECT count(*) FROM import_dropped_indexes"), 1);
    // A writer needs them, and says which archive and why.
    let (code, _, err) = w.run(&["import", "seeds"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("chronik.db"), "{err}");
    assert!(err.contains("no such table: main.no_such_table"), "{err}");
}

#[test]
fn a_large_first_import_ends_with_the_schema_of_a_small_one() {
    // The shared corpus is large enough for its import into an empty
    // archive to build the indexes by entity and date at its end.
    let large = &crate::corpus::shared().clean;
    let w = Workdir::with_seeds();
    w.import_seeds();
    assert_eq!(large.schema, crate::corpus::schema_of(&w.conn()));
    assert!(
        large
            .schema
            .iter()
            .any(|s| s.starts_with("index mentions_entity: ")),
        "{:?}",
        large.schema
    );
}
