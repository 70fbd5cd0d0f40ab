//! Crashes and interrupts: `kill -9` at many moments of an import, and
//! Ctrl-C. After each, the archive must be sound, hold whole files only, and
//! a re-import must give exactly what a clean import gives.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::corpus::{self, ARTICLES};
use crate::workdir::Workdir;

/// Articles committed so far; 0 while the archive does not exist or is not
/// migrated yet.
fn committed(db: &Path) -> usize {
    if !db.exists() {
        return 0;
    }
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as usize)
}

/// Waits until the archive holds at least `n` articles or the child ended;
/// true while the child still runs.
fn wait_for(child: &mut Child, db: &Path, n: usize) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().expect("poll child").is_some() {
            return false;
        }
        if committed(db) >= n {
            return true;
        }
        assert!(Instant::now() < deadline, "import made no progress");
        std::thread::sleep(Duration::from_millis(3));
    }
}

/// The archive passes SQLite's checks and holds whole files only: the first
/// k files in import order, each with its mentions. Returns k.
fn assert_sound(db: &Path, what: &str) -> usize {
    if !db.exists() {
        return 0;
    }
    let conn = rusqlite::Connection::open(db).expect("open archive");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok", "{what}: integrity_check");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check");
    assert_eq!(fk, 0, "{what}: foreign keys");
    let migrated: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'articles'",
            [],
            |r| r.get(0),
        )
        .expect("schema");
    if migrated == 0 {
        return 0;
    }
    // Every generated article names people, so an article without mentions
    // would be half a file.
    let bare: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)",
            [],
            |r| r.get(0),
        )
        .expect("bare articles");
    assert_eq!(bare, 0, "{what}: an article without its mentions");
    drop(conn);
    let stored = corpus::origins(db);
    assert_eq!(
        stored,
        corpus::first_origins(stored.len()),
        "{what}: not a prefix of the files in import order"
    );
    stored.len()
}

#[test]
fn kill_9_at_many_moments_leaves_a_sound_archive_and_a_reimport_completes() {
    let shared = corpus::shared();
    let w = Workdir::new();
    let db = w.db();
    // (articles to wait for beyond what is stored, then milliseconds more).
    // The first kills land while the archive is created and migrated, the
    // next after a rerun has skipped the stored files, the rest mid-import
    // at odd offsets, inside extraction, a write or a commit.
    let plan: &[(usize, u64)] = &[
        (0, 0),
        (0, 25),
        (0, 60),
        (1, 0),
        (12, 7),
        (25, 0),
        (9, 13),
        (40, 3),
        (17, 21),
        (30, 1),
    ];
    let mut stored = 0;
    for (round, &(more, extra)) in plan.iter().enumerate() {
        // What the import said, should it end before the kill.
        let said = w.path(&format!("stderr-{round}"));
        // Small commits, so that each round adds a few dozen files however
        // fast the machine imports, and ten rounds leave a partial archive.
        let mut child = w
            .process(&["import", "--commit-every", "10"])
            .arg(&shared.corpus)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&said).expect("stderr file"))
            .spawn()
            .expect("start import");
        let running = wait_for(&mut child, &db, stored + more);
        std::thread::sleep(Duration::from_millis(extra));
        if !running || child.try_wait().expect("poll").is_some() {
            let status = child.wait().expect("wait");
            panic!(
                "round {round}: the import ended before it was killed ({status}, {} of {ARTICLES} stored): {}",
                committed(&db),
                std::fs::read_to_string(&said).unwrap_or_default()
            );
        }
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("wait");
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&status),
            Some(libc::SIGKILL),
            "round {round}"
        );
        let now = assert_sound(&db, &format!("after kill {round}"));
        assert!(now >= stored, "round {round}: committed files were lost");
        stored = now;
    }
    assert!(
        stored > 0 && stored < ARTICLES,
        "the kills should leave a partial archive, not {stored} of {ARTICLES}"
    );
    let (code, out, err) = {
        let o = w.cmd(&["import"]).arg(&shared.corpus).output().unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out.trim(),
        format!(
            "imported {}, updated 0, unchanged {stored}, failed 0",
            ARTICLES - stored
        )
    );
    assert_eq!(assert_sound(&db, "after the re-import"), ARTICLES);
    corpus::assert_same(
        &corpus::snapshot(&db),
        &shared.clean,
        "archive after kills and a re-import",
    );
}

fn signal(child: &Child, sig: libc::c_int) {
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: kill(2) on a child we started and have not yet waited for.
    let rc = unsafe { libc::kill(pid, sig) };
    assert_eq!(rc, 0, "kill({pid}, {sig})");
}

/// Starts an import, lets it commit `at_least` more articles, sends `sig`,
/// and returns (exit code, stdout, stderr).
fn interrupt(
    w: &Workdir,
    corpus: &Path,
    at_least: usize,
    sig: libc::c_int,
) -> (i32, String, String) {
    let before = committed(&w.db());
    // Small batches, so that the import is still running after its first
    // commits (by default a batch holds a second of work, most of this corpus).
    let mut child = w
        .process(&["import", "--commit-every", "20"])
        .arg(corpus)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start import");
    assert!(
        wait_for(&mut child, &w.db(), before + at_least),
        "the import ended before the signal; the corpus is too small"
    );
    signal(&child, sig);
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn ctrl_c_rolls_back_the_current_file_prints_what_was_committed_and_exits_130() {
    let shared = corpus::shared();
    let w = Workdir::new();
    let (code, out, err) = interrupt(&w, &shared.corpus, 20, libc::SIGINT);
    assert_eq!(code, 130, "{out}{err}");
    let stored = assert_sound(&w.db(), "after Ctrl-C");
    assert!((20..ARTICLES).contains(&stored), "{stored}");
    assert_eq!(
        out.trim(),
        format!("imported {stored}, updated 0, unchanged 0, failed 0"),
        "the summary must count exactly what the archive holds"
    );
    assert!(
        err.contains("chronik: interrupted; the files counted above are in the archive"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let finished: Option<String> = w
        .conn()
        .query_row(
            "SELECT finished_at FROM import_runs ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        finished.is_some(),
        "an interrupted run is still recorded as ended"
    );

    // SIGTERM (a service manager stopping chronik) stops the same way.
    let (code, out, _) = interrupt(&w, &shared.corpus, 10, libc::SIGTERM);
    assert_eq!(code, 143, "{out}");
    let now = assert_sound(&w.db(), "after SIGTERM");
    assert_eq!(
        out.trim(),
        format!(
            "imported {}, updated 0, unchanged {stored}, failed 0",
            now - stored
        )
    );

    let (code, out, err) = w.run(&["import", shared.corpus.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim(),
        format!(
            "imported {}, updated 0, unchanged {now}, failed 0",
            ARTICLES - now
        )
    );
    corpus::assert_same(
        &corpus::snapshot(&w.db()),
        &shared.clean,
        "archive after Ctrl-C and a re-import",
    );
}
