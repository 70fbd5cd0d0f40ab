//! One import: read → decode → clean → meta → extract on all cores, then
//! store from a single writer.
//!
//! The stages before `store` are pure, so files are prepared in parallel
//! (rayon) in chunks, each thread taking a group of files through one
//! stage after another (see `prepare`), and handed, in input order,
//! through a bounded channel to the one thread that writes; the kernel is
//! asked to read each chunk's new files as it is queued (`ingest::readahead`),
//! and WAL checkpoints run on a thread of their own (`checkpoint`). The writer puts
//! many files into one transaction, so the archive pays for a commit only
//! once per batch; a batch holds whole files only. Input that cannot be read, decoded or cleaned
//! fails while it is prepared and never reaches the writer, so a bad file
//! loses nothing else; a storage error (disk full) rolls back the batch in
//! progress and ends the import with the file named. Files are deliberately
//! not wrapped in savepoints: FTS5 flushes its pending index to a new segment
//! at every savepoint, which made each file pay for a flush and the merges
//! that follow (about an eighth of the writer's time). For the same reason
//! a batch's new articles enter the full-text tables only at its end, in one
//! statement per table (schema V10): FTS5 also flushes at every statement
//! savepoint, which every mention insert opens. Unchanged files (same raw
//! bytes and manifest row under the same origin) are skipped without a
//! write; a file whose size, modification time and manifest row match the
//! archive's record is not even read (schema V16), unless
//! [`Options::rehash`] asks for every file's hash.
//!
//! A stop request ([`Options::stop`], set by the CLI on Ctrl-C) is honoured
//! between files: the file being written is finished (milliseconds), the
//! batch committed, and the import ends. The last write of an import is made with `synchronous =
//! FULL`, which syncs the WAL and with it every batch committed before: what
//! an import reported is on disk once it returns, power loss or not.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;

use foldhash::HashMap;
use rayon::prelude::*;
use rusqlite::Connection;

use crate::ingest::discover::{discover, Input, Problem};
use crate::store::{self, Cache, Known};

mod checkpoint;
mod prepare;
use prepare::{prepare_group, Prepared, Step};

/// Default largest file an import reads.
pub const DEFAULT_MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Files prepared in parallel before they go to the writer.
const CHUNK: usize = 64;
/// Files one thread takes through the pure stages together, stage by stage
/// (see `prepare`).
const GROUP: usize = 16;
/// Prepared chunks that may wait for the writer: this bounds memory, however
/// large the corpus. With one, the preparing threads stood idle whenever the
/// writer paused to commit or copy the WAL into the database, and the writer
/// waited on them after: at 100,000 articles the writer was idle a third of
/// the import on 2 cores. Eight chunks hold about 12 MB (BENCHMARKS.md,
/// fourteenth session).
const CHUNKS_AHEAD: usize = 8;
/// Files per transaction, at most, unless [`Options::commit_every`] says
/// otherwise; a transaction also ends after `BATCH_TIME`, so readers and a
/// killed import see steady progress.
pub const DEFAULT_COMMIT_EVERY: usize = 5000;
/// Every commit writes each page the batch changed to the WAL, and at
/// 100,000 articles the events' indexes by date and entity and the links by
/// event take inserts all over: with 100 ms batches an import wrote 24 GB
/// of WAL and database for a 1.9 GB archive. A second's batch shares more
/// pages between its inserts: about 15 GB, and the writer's system time
/// 27 s -> 23 s (BENCHMARKS.md, thirteenth session).
const BATCH_TIME: std::time::Duration = std::time::Duration::from_millis(1000);
/// WAL pages (4 KiB) an import lets gather before SQLite copies them into
/// the database file, instead of SQLite's 1,000. Every batch rewrites the
/// same hot pages (index leaves, counts, full-text segments); a checkpoint
/// copies each page once however often it was rewritten, so fewer
/// checkpoints copy far less. At 1,000 pages, checkpoints were 15% of the
/// writer's time at 10,000 articles; at 30,000 (a WAL of at most about
/// 120 MB, removed when the archive is closed) the import of 100,000
/// articles took 179 s instead of 205 s. Since then a thread of its own
/// checkpoints after each commit (see `checkpoint`), and this is only the
/// writer's fallback.
const WAL_PAGES: u32 = 30_000;
/// SQLite's own setting, restored after an import.
const DEFAULT_WAL_PAGES: u32 = 1_000;

/// Files from which an import into an empty archive builds the indexes
/// by entity and date at its end (see `store::bulk`). Below it the saving
/// is a fraction of a second, and readers keep every index throughout.
pub const DEFAULT_BULK_FROM: usize = 1000;

/// Import settings.
#[derive(Debug, Clone)]
pub struct Options {
    pub max_bytes: u64,
    /// Files per transaction, at most (at least 1).
    pub commit_every: usize,
    /// Files from which an import into an empty archive defers the indexes
    /// by entity and date to its end.
    pub bulk_from: usize,
    /// When set, the import stops before the next file and reports
    /// [`Summary::interrupted`].
    pub stop: Option<Arc<AtomicBool>>,
    /// Read and hash every file, also those whose size, modification time
    /// and manifest row match the archive.
    pub rehash: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            commit_every: DEFAULT_COMMIT_EVERY,
            bulk_from: DEFAULT_BULK_FROM,
            stop: None,
            rehash: false,
        }
    }
}

impl Options {
    fn stopping(&self) -> bool {
        self.stop.as_ref().is_some_and(|s| s.load(Ordering::SeqCst))
    }
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Imported,
    Updated,
    Unchanged,
    /// The same bytes are stored under another origin.
    Duplicate {
        of: String,
    },
    Failed {
        reason: String,
    },
}

/// The counts an import reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub duplicates: u64,
    pub failed: u64,
    /// The import was stopped on request; files after the last one counted
    /// were not imported.
    pub interrupted: bool,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "imported {}, updated {}, unchanged {}, failed {}",
            self.imported, self.updated, self.unchanged, self.failed
        )?;
        if self.duplicates > 0 {
            write!(f, ", duplicates {}", self.duplicates)?;
        }
        Ok(())
    }
}

/// Errors that stop a whole import (the archive itself failing).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the archive failed while importing {path}: {source}")]
    Store {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the archive failed: {0}")]
    Archive(#[from] rusqlite::Error),
    #[error(
        "the threads reading the files stopped early; what was imported is kept: \
         run the import again to finish, and report this bug"
    )]
    Preparing,
}

/// Imports `paths` into `conn`; `found_files` hears how many files there
/// are to read (before the first, for a progress bar), `report` about every file.
pub fn run(
    conn: &mut Connection,
    paths: &[PathBuf],
    options: &Options,
    report: impl FnMut(&Path, &Outcome),
    problem: impl FnMut(&Problem),
    found_files: impl FnMut(usize),
) -> Result<Summary, ImportError> {
    // The schema's CHECK constraints are lists (`date_precision IN ('day',
    // ...)`), which SQLite makes into a temporary b-tree at every insert
    // or date change of an event: a fifth of the instructions writing
    // events at 3,000 articles (callgrind, 2.11 -> 1.67 G without it). What the importer
    // writes there comes from its own enums; SQL from elsewhere is checked
    // as before, and `PRAGMA integrity_check` checks every row.
    conn.execute_batch(&format!(
        "PRAGMA wal_autocheckpoint = {WAL_PAGES}; PRAGMA ignore_check_constraints = ON;"
    ))?;
    let summary = import_all(conn, paths, options, report, problem, found_files);
    // The indexes a large first import dropped are built however it ended;
    // after a success this is its last write, made with `synchronous = FULL`.
    let built = store::bulk::build_dropped(conn);
    // SQLite's settings again, however the import ended, for whoever uses
    // the connection next.
    let restored = conn.execute_batch(&format!(
        "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {DEFAULT_WAL_PAGES};
         PRAGMA ignore_check_constraints = OFF; PRAGMA foreign_keys = ON;"
    ));
    let summary = summary?;
    built?;
    restored?;
    Ok(summary)
}

/// [`run`] between setting the import's pragmas and restoring them.
fn import_all(
    conn: &mut Connection,
    paths: &[PathBuf],
    options: &Options,
    mut report: impl FnMut(&Path, &Outcome),
    mut problem: impl FnMut(&Problem),
    mut found_files: impl FnMut(usize),
) -> Result<Summary, ImportError> {
    let found = discover(paths);
    found_files(found.inputs.len());
    let mut summary = Summary::default();
    for p in &found.problems {
        problem(p);
        summary.failed += 1;
    }
    conn.execute("INSERT INTO import_runs (started_at) VALUES (?1)", [now()])?;
    let run_id = conn.last_insert_rowid();
    // The stored state before this run: the preparing threads read its
    // origins to skip unchanged files; the writer takes its hashes and keeps
    // them, and its own origins, up to date.
    let mut before = store::known(conn)?;
    if before.by_origin.is_empty() && found.inputs.len() >= options.bulk_from {
        store::bulk::drop_deferred(conn)?;
        // Into an empty archive nothing is deleted or replaced, so no
        // cascade is due, and every id the writer stores is one it has just
        // stored or read: checking each row's parents (a lookup per
        // mention, participant and link) was about a seventh of the
        // writer's instructions at 3,000 articles. `run` turns the checks
        // back on; the tests run `PRAGMA foreign_key_check` on such imports.
        conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    }
    let by_hash = std::mem::take(&mut before.by_hash);
    let mut writer = Writer {
        before: &before,
        by_hash,
        cache: Cache::default(),
        counts: store::batch::Counts::default(),
        now: now(),
        spent: Vec::new(),
    };
    let inputs = &found.inputs;
    let known_hashes = &before;
    let (tx, rx) = sync_channel::<Receiver<Vec<Step>>>(CHUNKS_AHEAD);
    let path = conn.path().filter(|p| !p.is_empty()).map(str::to_owned);
    std::thread::scope(|scope| -> Result<(), ImportError> {
        // Owned here, so that an early return drops it and a producer
        // blocked on a full channel wakes up instead of being waited for.
        let rx = rx;
        // Dropped with this closure, which ends the thread before the
        // scope waits for it. Without it (an archive in memory, or a second
        // connection refused) the writer checkpoints itself, every
        // `WAL_PAGES`, as it also does should the thread fall that far behind.
        let checkpoints = path
            .as_deref()
            .and_then(|path| checkpoint::spawn(scope, path).ok());
        let checkpointed = || {
            if let Some(c) = &checkpoints {
                c.committed();
            }
        };
        let producer = scope.spawn(move || {
            // New files are extracted: the patterns compile on every thread
            // at once before the first (5 seeds into a new archive: 0.24 s
            // against 0.31 s), not within it. An unchanged corpus needs none.
            let new = |i: &Input| !known_hashes.by_origin.contains_key(&i.origin);
            if inputs.iter().any(new) {
                warm_up();
            }
            // Each chunk is a job of its own, so that a thread done with its
            // groups of one chunk starts on the next instead of waiting for
            // the other thread to finish the chunk. The writer takes the
            // chunks in order, each from its own channel; the queue's bound
            // keeps as many chunks prepared or under way as before.
            rayon::in_place_scope(|jobs| {
                for chunk in inputs.chunks(CHUNK) {
                    // New files will be read; the kernel can start now.
                    crate::ingest::readahead::advise(
                        chunk.iter().filter(|i| new(i)).map(|i| i.path.as_path()),
                    );
                    let (prepared, steps) = sync_channel::<Vec<Step>>(1);
                    if tx.send(steps).is_err() {
                        break; // the writer stopped
                    }
                    jobs.spawn(move |_| {
                        let steps = chunk
                            .par_chunks(GROUP)
                            .flat_map_iter(|group| prepare_group(group, options, known_hashes))
                            .collect();
                        let _ = prepared.send(steps);
                    });
                }
            });
        });
        let mut done = 0usize;
        let every = options.commit_every.max(1);
        let mut batch = conn.transaction()?;
        // New articles wait to be indexed for search and counted until the
        // batch ends (see `store::batch`).
        let mut deferred = false;
        let mut begun = std::time::Instant::now();
        'files: for (chunk, steps) in inputs.chunks(CHUNK).zip(rx.iter()) {
            // Fails only if the chunk's job panicked outside the guard each
            // file's stages run in; `producer.join` then says so.
            let Ok(steps) = steps.recv() else { break };
            for (input, step) in chunk.iter().zip(steps) {
                if options.stopping() {
                    summary.interrupted = true;
                    break 'files;
                }
                if !deferred && matches!(step, Step::Ready(_)) {
                    store::batch::defer(&batch)?;
                    deferred = true;
                }
                let outcome = writer.write(&batch, input, step)?;
                match &outcome {
                    Outcome::Imported => summary.imported += 1,
                    Outcome::Updated => summary.updated += 1,
                    Outcome::Unchanged => summary.unchanged += 1,
                    Outcome::Duplicate { .. } => summary.duplicates += 1,
                    Outcome::Failed { .. } => summary.failed += 1,
                }
                report(&input.path, &outcome);
                done += 1;
                if done.is_multiple_of(every) || begun.elapsed() >= BATCH_TIME {
                    commit(batch, std::mem::take(&mut deferred), &mut writer.counts)?;
                    checkpointed();
                    batch = conn.transaction()?;
                    begun = std::time::Instant::now();
                }
            }
            // Freed on the pool that prepared them (see `Writer::spent`).
            let spent = std::mem::take(&mut writer.spent);
            rayon::spawn(move || drop(spent));
        }
        commit(batch, std::mem::take(&mut deferred), &mut writer.counts)?;
        checkpointed();
        drop(rx);
        producer.join().map_err(|_| ImportError::Preparing)
    })?;
    // Syncing this last commit makes every earlier one durable too (see above).
    conn.execute_batch("PRAGMA synchronous = FULL")?;
    conn.execute(
        "UPDATE import_runs SET finished_at = ?2, imported = ?3, updated = ?4, unchanged = ?5,
         duplicates = ?6, failed = ?7 WHERE id = ?1",
        rusqlite::params![
            run_id,
            now(),
            summary.imported as i64,
            summary.updated as i64,
            summary.unchanged as i64,
            summary.duplicates as i64,
            summary.failed as i64
        ],
    )?;
    Ok(summary)
}

/// Indexes and counts the batch's new articles, if it has any, and commits.
fn commit(
    batch: rusqlite::Transaction<'_>,
    deferred: bool,
    counts: &mut store::batch::Counts,
) -> rusqlite::Result<()> {
    if deferred {
        store::batch::finish(&batch, counts)?;
    }
    batch.commit()
}

fn now() -> String {
    let t = jiff::Timestamp::now();
    t.round(jiff::Unit::Second).unwrap_or(t).to_string()
}

/// Compiles the cleaning rules and the extractor's patterns on the pool's
/// threads at once.
fn warm_up() {
    rayon::scope(|s| {
        s.spawn(|_| crate::ingest::clean::warm_up());
        for part in crate::extract::WARM_UP {
            s.spawn(move |_| part());
        }
    });
}

/// The single writer's state across files.
struct Writer<'a> {
    /// What was stored before the run, as the preparing threads read it:
    /// every article this run may replace, as `discover` names each origin
    /// once (a map of the origins this run wrote never found one).
    before: &'a Known,
    /// Stored articles by content hash, the first of each, kept up to date.
    by_hash: HashMap<store::Digest, i64>,
    cache: Cache,
    /// What the batch's new articles count (see `store::batch`).
    counts: store::batch::Counts,
    now: String,
    /// Files written since the last chunk ended, to be freed elsewhere:
    /// freeing an article's strings on the writer, which did not allocate
    /// them, was about 7% of its instructions at 3,000 articles (callgrind),
    /// on the thread that sets the import's pace.
    spent: Vec<Prepared>,
}

impl Writer<'_> {
    /// Writes one prepared file inside the batch transaction `tx`.
    fn write(
        &mut self,
        tx: &rusqlite::Transaction,
        input: &Input,
        step: Step,
    ) -> Result<Outcome, ImportError> {
        let store_err = |source| ImportError::Store {
            path: input.path.clone(),
            source,
        };
        let stored = self.before.by_origin.get(&input.origin);
        let p = match step {
            Step::Unchanged(state) => {
                if let (Some(t), Some(s)) = (state, stored) {
                    store::record_file(tx, s.id, t.mtime_ns, t.manifest_hash).map_err(store_err)?;
                }
                return Ok(Outcome::Unchanged);
            }
            Step::Failed(reason) => return Ok(Outcome::Failed { reason }),
            Step::Ready(p) => p,
        };
        let digest = p.digest;
        let existing = stored.map(|s| s.id);
        if let Some(&first) = self.by_hash.get(&digest) {
            if Some(first) != existing {
                let of = tx
                    .query_row("SELECT origin FROM articles WHERE id = ?1", [first], |r| {
                        r.get(0)
                    })
                    .map_err(store_err)?;
                return Ok(Outcome::Duplicate { of });
            }
        }
        let id = store::write_article(
            tx,
            &mut self.cache,
            &p.record,
            &p.extraction,
            existing,
            &self.now,
            &mut self.counts,
        )
        .map_err(store_err)?;
        self.by_hash.entry(digest).or_insert(id);
        self.spent.push(*p);
        Ok(if existing.is_some() {
            Outcome::Updated
        } else {
            Outcome::Imported
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Imports three files into a new archive with `bulk_from`; returns
    /// whether `mentions_entity` existed while the files were written, and
    /// whether it exists after.
    fn entity_index_during_and_after(bulk_from: usize) -> (Vec<bool>, bool) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("a.db");
        let mut conn = crate::archive::open(&db, crate::archive::Access::ReadWrite).unwrap();
        let files: Vec<PathBuf> = (0..3)
            .map(|i| {
                let file = dir.path().join(format!("{i}.txt"));
                let text = format!("Titel {i}\n\nPutin traf am Montag Kim Jong Un in Pjöngjang.\n");
                std::fs::write(&file, text).unwrap();
                file
            })
            .collect();
        // Another connection sees what the import committed before it.
        let has_index = || {
            rusqlite::Connection::open(&db)
                .unwrap()
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_entity'",
                    [],
                    |r| r.get::<_, bool>(0),
                )
                .unwrap()
        };
        let mut during = Vec::new();
        let options = Options {
            bulk_from,
            ..Options::default()
        };
        let summary = run(
            &mut conn,
            &files,
            &options,
            |_, _| during.push(has_index()),
            |_| {},
            |_| {},
        )
        .unwrap();
        assert_eq!(summary.imported, 3);
        (during, has_index())
    }

    /// Imports four files from two outlets into a new archive with
    /// `bulk_from`; returns what the count tables, the participants' dates
    /// and a search hold after, and the archive's triggers.
    fn counted_after(bulk_from: usize) -> (Vec<String>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        let mut manifest = String::from("file,url,published,outlet\n");
        for i in 0..4 {
            let text = format!(
                "Treffen {i}\n\nPutin traf am 18. Juli Kim Jong Un in Pjöngjang. \
                 Lawrow sprach am 19. Juli mit Choe Son Hui in Moskau.\n"
            );
            std::fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
            let outlet = ["eins", "zwei"][i % 2];
            manifest.push_str(&format!(
                "{i}.txt,https://{outlet}.example/2024/07/20/{i},2024-07-20,{outlet}\n"
            ));
        }
        std::fs::write(corpus.join("manifest.csv"), manifest).unwrap();
        let db = dir.path().join("a.db");
        let mut conn = crate::archive::open(&db, crate::archive::Access::ReadWrite).unwrap();
        let options = Options {
            bulk_from,
            ..Options::default()
        };
        let summary = run(&mut conn, &[corpus], &options, |_, _| {}, |_| {}, |_| {}).unwrap();
        assert_eq!(summary.imported, 4);
        // Every stored row keeps the schema's CHECK constraints, and the
        // connection enforces them again (its statements are compiled anew).
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let refused = conn.execute(
            "INSERT INTO events (kind, date_precision, summary, extractor)
             VALUES ('meeting', 'weekly', 'x', 'test')",
            [],
        );
        assert!(refused.is_err(), "{refused:?}");
        // Every row's parents are there, and the connection checks them again.
        let orphans: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(orphans, 0);
        let orphan = conn.execute(
            "INSERT INTO mentions (article_id, entity_id, surface, start, \"end\", extractor, confidence)
             VALUES (999, 1, 'x', 0, 1, 'test', 1)",
            [],
        );
        assert!(orphan.is_err(), "{orphan:?}");
        let rows = |sql: &str| -> Vec<String> {
            let mut stmt = conn.prepare(sql).unwrap();
            let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
            rows.map(Result::unwrap).collect()
        };
        let counted = [
            "SELECT entity_id || ':' || mentions || ':' || articles FROM entity_counts",
            "SELECT entity_a || ':' || entity_b || ':' || shared_articles FROM entity_pair_counts",
            "SELECT article_id || ':' || entity_id || ':' || mentions FROM article_entities",
            "SELECT event_id || ':' || source_id || ':' || articles FROM event_outlets",
            "SELECT id || ':' || outlet_count FROM events",
            "SELECT event_id || ':' || entity_id || ':' || role || ':' || ifnull(occurred_on, '-')
             FROM event_participants",
            "SELECT '#' || rowid FROM articles_fts WHERE articles_fts MATCH 'Putin'",
            "SELECT '#' || rowid FROM articles_stem_fts WHERE articles_stem_fts MATCH 'moskau'",
            "SELECT 'stems of ' || article_id FROM articles_stem",
            "SELECT 'waiting ' || article_id FROM articles_stem_pending",
        ]
        .iter()
        .flat_map(|sql| {
            let mut got = rows(sql);
            got.sort();
            got.insert(0, sql.to_string());
            got
        })
        .collect();
        let triggers = rows("SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
        (counted, triggers)
    }

    #[test]
    fn a_large_first_import_counts_what_one_file_by_file_counts() {
        let (bulk, bulk_triggers) = counted_after(4);
        let (by_file, triggers) = counted_after(5);
        assert_eq!(bulk, by_file);
        // What was counted is there to compare: two outlets share an event.
        assert!(bulk.iter().any(|r| r.ends_with(":2")), "{bulk:?}");
        let found = bulk.iter().filter(|r| r.starts_with('#')).count();
        assert_eq!(found, 8, "{bulk:?}");
        // Every article has its stems, and none waits for them.
        let stemmed = bulk.iter().filter(|r| r.starts_with("stems of")).count();
        assert_eq!(stemmed, 4, "{bulk:?}");
        assert!(!bulk.iter().any(|r| r.starts_with("waiting")), "{bulk:?}");
        // The triggers the bulk import dropped are back, as they were.
        assert_eq!(bulk_triggers, triggers);
        assert!(triggers
            .iter()
            .any(|t| t.contains("event_participants_dated")));
    }

    #[test]
    fn a_large_first_import_builds_the_entity_index_at_its_end() {
        assert_eq!(entity_index_during_and_after(3), (vec![false; 3], true));
        assert_eq!(entity_index_during_and_after(4), (vec![true; 3], true));
    }

    #[test]
    fn a_failed_import_leaves_the_connection_with_sqlites_settings() {
        let (dir, mut conn) = crate::archive::scratch();
        let file = dir.path().join("a.txt");
        std::fs::write(
            &file,
            "Titel\n\nPutin traf am Montag Kim Jong Un in Pjöngjang.\n",
        )
        .unwrap();
        // Storage that refuses every article fails the whole import.
        conn.execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles BEGIN SELECT RAISE(ABORT, 'full'); END;",
        )
        .unwrap();
        let result = run(
            &mut conn,
            &[file],
            &Options::default(),
            |_, _| {},
            |_| {},
            |_| {},
        );
        assert!(
            matches!(result, Err(ImportError::Store { .. })),
            "{result:?}"
        );
        let pragma = |name: &str| -> i64 {
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(pragma("wal_autocheckpoint"), DEFAULT_WAL_PAGES as i64);
        assert_eq!(pragma("synchronous"), 1); // NORMAL
        assert_eq!(pragma("ignore_check_constraints"), 0);
        assert_eq!(pragma("foreign_keys"), 1);
    }

    #[test]
    fn each_file_of_many_chunks_is_stored_with_its_own_text_in_input_order() {
        let (dir, mut conn) = crate::archive::scratch();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        // More chunks than may wait for the writer at once.
        let files = CHUNK * (CHUNKS_AHEAD + 3) + 5;
        for i in 0..files {
            let text = format!("Titel {i}\n\nPutin sprach am Montag in Moskau über Nummer {i}.\n");
            std::fs::write(corpus.join(format!("{i:04}.txt")), text).unwrap();
        }
        let mut reported = Vec::new();
        let summary = run(
            &mut conn,
            &[corpus],
            &Options::default(),
            |path, _| reported.push(path.file_name().unwrap().to_string_lossy().into_owned()),
            |_| {},
            |_| {},
        )
        .unwrap();
        assert_eq!(summary.imported, files as u64);
        assert_eq!(reported.len(), files);
        let astray = (0..files).find(|&i| reported[i] != format!("{i:04}.txt"));
        assert_eq!(astray.map(|i| &reported[i]), None);
        let stored: Vec<(String, String)> = conn
            .prepare("SELECT origin, title FROM articles ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(stored.len(), files);
        let astray =
            (0..files).find(|&i| stored[i] != (format!("corpus/{i:04}.txt"), format!("Titel {i}")));
        assert_eq!(astray.map(|i| &stored[i]), None);
    }
}
