//! A generated corpus of small German articles, big enough that importing it
//! takes a few seconds, and one clean import of it that crash, interrupt and
//! concurrency tests compare their archives with.
//!
//! The corpus is deterministic (a fixed-seed generator), written once per
//! test run under Cargo's target tmp directory, and shared by every test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Number of articles in the corpus.
pub const ARTICLES: usize = 1000;

const PEOPLE: &[&str] = &[
    "Wladimir Putin",
    "Kim Jong Un",
    "Sergej Lawrow",
    "Sergej Schoigu",
    "Andrej Belousow",
    "Dmitri Peskow",
    "Maria Sacharowa",
    "Choe Son Hui",
    "No Kwang Chol",
    "Alexej Kriworutschko",
    "Kim Yo Jong",
    "Dmitri Medwedew",
];
const PLACES: &[&str] = &[
    "Pjöngjang",
    "Moskau",
    "Wladiwostok",
    "Wonsan",
    "Nordkorea",
    "Russland",
    "China",
    "Peking",
    "Seoul",
    "Kursk",
];
const DATES: &[&str] = &[
    "am Montag",
    "am 18. Juli",
    "am vergangenen Freitag",
    "Mitte August",
    "im Juni 2024",
    "gestern",
    "am 29. November",
    "Anfang 2024",
    "vor zwei Wochen",
];
const DEEDS: &[&str] = &[
    "traf {date} in {place} mit {other} zusammen",
    "besuchte {date} {place}",
    "empfing {date} {other} in {place}",
    "unterzeichnete {date} in {place} ein Abkommen mit {other}",
    "erklärte {date} in {place}, die Zusammenarbeit mit {other} werde ausgebaut",
    "telefonierte {date} mit {other}",
    "nahm {date} in {place} an einer Militärparade teil",
];
const FILLER: &[&str] = &[
    "Beobachter werten das als Zeichen einer engeren Partnerschaft.",
    "Einzelheiten wurden zunächst nicht bekannt.",
    "Die Staatsmedien berichteten ausführlich darüber.",
    "Kritiker sprechen von einem gefährlichen Schritt.",
    "Das Außenministerium wollte sich dazu nicht äußern.",
];

/// A small deterministic generator (64-bit LCG); good enough to vary text.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The text of article `i`.
pub fn article(i: usize) -> String {
    let mut rng = Lcg::new(i as u64);
    let who = rng.pick(PEOPLE);
    let place = rng.pick(PLACES);
    let mut text = format!("{who} in {place} (Meldung {i})\n\n");
    for s in 0..3 + rng.below(3) {
        let subject = if s == 0 { who } else { rng.pick(PEOPLE) };
        let mut other = rng.pick(PEOPLE);
        if other == subject {
            other = "einer Delegation";
        }
        let deed = rng
            .pick(DEEDS)
            .replace("{date}", rng.pick(DATES))
            .replace("{place}", rng.pick(PLACES))
            .replace("{other}", other);
        text.push_str(&format!("{subject} {deed}. {}\n", rng.pick(FILLER)));
    }
    text.push_str(&format!(
        "Nach Angaben aus {place} ist dies Bericht Nummer {i}.\n"
    ));
    text
}

/// Writes the corpus into `dir` (files `a0000.txt` ... and a manifest that
/// dates every third article). Files that already hold the right bytes are
/// left alone, and others are replaced by a rename, so test runs that share
/// the directory never see half a file.
pub fn write_corpus(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("mkdir corpus");
    let put = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(bytes) {
            let mut tmp = tempfile::NamedTempFile::new_in(dir).expect("temporary file");
            std::io::Write::write_all(&mut tmp, bytes).expect("write article");
            tmp.persist(&path).expect("rename article into place");
        }
    };
    let mut manifest = String::from("file,url,published,outlet\n");
    for i in 0..n {
        let name = format!("a{i:04}.txt");
        put(&name, article(i).as_bytes());
        if i % 3 == 0 {
            let day = 1 + i % 28;
            manifest.push_str(&format!(
                "{name},https://example.org/2024/07/{day:02}/{i},2024-07-{day:02},Beispielblatt\n"
            ));
        }
    }
    put("manifest.csv", manifest.as_bytes());
}

/// The tables whose row counts must agree between two archives of the same files.
pub const COUNTED: &[&str] = &[
    "articles",
    "sources",
    "citations",
    "entities",
    "entity_aliases",
    "mentions",
    "events",
    "event_participants",
    "event_articles",
];

/// What an archive holds, in a form two archives can be compared by.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub counts: Vec<(String, i64)>,
    /// Every table, index, view and trigger with its statement.
    pub schema: Vec<String>,
    /// `chronik export --all`: file name to bytes.
    pub export: BTreeMap<String, Vec<u8>>,
}

/// Row counts and the bytes of `chronik export --all` of the archive at `db`.
pub fn snapshot(db: &Path) -> Snapshot {
    let conn = rusqlite::Connection::open(db).expect("open archive");
    let counts = COUNTED
        .iter()
        .map(|t| {
            let n: i64 = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .expect("count");
            (t.to_string(), n)
        })
        .collect();
    let schema = schema_of(&conn);
    drop(conn);
    let out = tempfile::tempdir().expect("export dir");
    let status = Command::new(assert_cmd::cargo::cargo_bin("chronik"))
        .arg("--db")
        .arg(db)
        .args(["export", "--all", "--dir"])
        .arg(out.path())
        .output()
        .expect("run export");
    assert!(status.status.success(), "export failed: {status:?}");
    let mut export = BTreeMap::new();
    for entry in std::fs::read_dir(out.path()).expect("read export dir") {
        let entry = entry.expect("entry");
        export.insert(
            entry.file_name().to_string_lossy().into_owned(),
            std::fs::read(entry.path()).expect("read export"),
        );
    }
    Snapshot {
        counts,
        schema,
        export,
    }
}

/// Every table, index, view and trigger of the archive with its statement,
/// in name order.
pub fn schema_of(conn: &rusqlite::Connection) -> Vec<String> {
    conn.prepare("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .expect("schema")
        .query_map([], |r| r.get(0))
        .expect("schema rows")
        .collect::<Result<_, _>>()
        .expect("schema row")
}

/// Asserts that two snapshots agree, naming the first difference.
pub fn assert_same(got: &Snapshot, want: &Snapshot, what: &str) {
    assert_eq!(got.counts, want.counts, "{what}: row counts differ");
    assert_eq!(got.schema, want.schema, "{what}: schemas differ");
    assert_eq!(
        got.export.keys().collect::<Vec<_>>(),
        want.export.keys().collect::<Vec<_>>(),
        "{what}: exported files differ"
    );
    for (name, bytes) in &want.export {
        assert!(
            got.export.get(name) == Some(bytes),
            "{what}: {name} differs from a clean import"
        );
    }
}

pub struct Shared {
    /// The corpus directory (named `corpus`, so origins are `corpus/a0000.txt`).
    pub corpus: PathBuf,
    /// A clean import of it.
    pub clean: Snapshot,
}

/// The shared corpus and its clean import, made on first use.
pub fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let corpus = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("chronik-corpus-{ARTICLES}"))
            .join("corpus");
        write_corpus(&corpus, ARTICLES);
        let scratch = tempfile::tempdir().expect("scratch directory");
        let db = scratch.path().join("clean.db");
        let out = Command::new(assert_cmd::cargo::cargo_bin("chronik"))
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&corpus)
            .output()
            .expect("run clean import");
        assert!(
            out.status.success(),
            "clean import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            format!("imported {ARTICLES}, updated 0, unchanged 0, failed 0")
        );
        let clean = snapshot(&db);
        Shared { corpus, clean }
    })
}

/// The origins of the articles stored in `db`, sorted.
pub fn origins(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open archive");
    let mut stmt = conn
        .prepare("SELECT origin FROM articles ORDER BY origin")
        .expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .map(|r| r.expect("row"))
        .collect()
}

/// `corpus/a0000.txt` ... for the first `n` articles: what an import that
/// stopped after `n` files has stored.
pub fn first_origins(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("corpus/a{i:04}.txt")).collect()
}
