//! A scratch directory per test, with the seeds copied in and helpers to run
//! chronik and read the archive it writes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::Connection;

pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Workdir {
        Workdir {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    /// A scratch directory holding a copy of `seeds/` as `seeds/`.
    pub fn with_seeds() -> Workdir {
        let w = Workdir::new();
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        std::fs::create_dir(w.path("seeds")).expect("mkdir seeds");
        for entry in std::fs::read_dir(seeds).expect("read seeds") {
            let entry = entry.expect("seed entry");
            std::fs::copy(entry.path(), w.path("seeds").join(entry.file_name()))
                .expect("copy seed");
        }
        w
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn db(&self) -> PathBuf {
        self.path("chronik.db")
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, bytes).expect("write file");
        p
    }

    /// `chronik --db <scratch>/chronik.db ARGS`, run in the scratch directory.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("chronik").expect("chronik binary");
        c.current_dir(self.dir.path())
            .env_remove("CHRONIK_DB")
            .arg("--db")
            .arg(self.db())
            .args(args);
        c
    }

    /// The same as [`Workdir::cmd`] as a std Command, for tests that start
    /// chronik in the background and signal or kill it.
    pub fn process(&self, args: &[&str]) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("chronik"));
        c.current_dir(self.dir.path())
            .env_remove("CHRONIK_DB")
            .arg("--db")
            .arg(self.db())
            .args(args);
        c
    }

    /// Runs chronik and returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd(args).output().expect("run chronik");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn import_seeds(&self) {
        let (code, out, err) = self.run(&["import", "seeds"]);
        assert_eq!(code, 0, "import failed: {out}{err}");
    }

    pub fn conn(&self) -> Connection {
        Connection::open(self.db()).expect("open archive")
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.conn().query_row(sql, [], |r| r.get(0)).expect(sql)
    }
}
