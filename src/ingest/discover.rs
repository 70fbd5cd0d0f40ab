//! Which files an import reads, in which order, with which manifest entry.
//!
//! Arguments are files and directories; directories are walked recursively for
//! `*.txt`. Every file gets an `origin`: its path relative to the import root,
//! prefixed with the root's own name (`seeds/000.txt`), so the same folder
//! gives the same origins wherever it is imported from, and two folders with a
//! file of the same name do not collide. The order is the sorted origin, so an
//! import is reproducible.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One row of a `manifest.csv`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManifestEntry {
    pub url: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
}

impl ManifestEntry {
    /// A fingerprint of the entry (schema V16: `article_files.manifest_hash`);
    /// no entry has one too. Each field is marked present or absent, so
    /// that no two entries run together into the same bytes.
    pub fn fingerprint(&self) -> i64 {
        let mut h = blake3::Hasher::new();
        for field in [&self.url, &self.published, &self.outlet] {
            match field {
                Some(v) => {
                    h.update(&(v.len() as u64).to_le_bytes());
                    h.update(v.as_bytes());
                }
                None => {
                    h.update(&u64::MAX.to_le_bytes());
                }
            }
        }
        let mut first = [0u8; 8];
        first.copy_from_slice(&h.finalize().as_bytes()[..8]);
        i64::from_le_bytes(first)
    }
}

/// A file to import.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub origin: String,
    pub manifest: ManifestEntry,
}

/// Something wrong with an argument, a directory or a manifest. The import
/// reports it and goes on with everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: Option<u64>,
    pub reason: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.reason),
            None => write!(f, "{}: {}", self.path.display(), self.reason),
        }
    }
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub inputs: Vec<Input>,
    pub problems: Vec<Problem>,
}

pub const MANIFEST: &str = "manifest.csv";
const MANIFEST_HEADER: [&str; 4] = ["file", "url", "published", "outlet"];
const NOT_REGULAR: &str = "not a regular file (a named pipe, socket or device); skipped";
// Origins are text in the archive; a lossy name could merge two files into one.
const NOT_UTF8_NAME: &str =
    "the file name is not valid UTF-8, and the archive records names as text; rename the file";

/// Expands `args` into the files to import.
pub fn discover(args: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    let mut by_origin: BTreeMap<String, Input> = BTreeMap::new();
    for arg in args {
        let meta = match std::fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => {
                found.problems.push(problem(arg, None, io_reason(&e)));
                continue;
            }
        };
        if meta.is_dir() {
            walk_dir(arg, &mut by_origin, &mut found.problems);
        } else if !meta.is_file() {
            // Reading a named pipe would wait forever; a device is no article.
            found.problems.push(problem(arg, None, NOT_REGULAR.into()));
        } else if arg.file_name().and_then(|n| n.to_str()).is_none() {
            found
                .problems
                .push(problem(arg, None, NOT_UTF8_NAME.into()));
        } else {
            let parent = arg.parent().filter(|p| !p.as_os_str().is_empty());
            let root = parent.unwrap_or(Path::new("."));
            let manifest = load_manifest(root, &mut found.problems);
            let name = file_name(arg);
            let origin = join_origin(&root_name(root), &name);
            let entry = manifest.get(&name).cloned().unwrap_or_default();
            by_origin.insert(
                origin.clone(),
                Input {
                    path: arg.clone(),
                    origin,
                    manifest: entry,
                },
            );
        }
    }
    found.inputs = by_origin.into_values().collect();
    found
}

fn walk_dir(root: &Path, out: &mut BTreeMap<String, Input>, problems: &mut Vec<Problem>) {
    let prefix = root_name(root);
    let first_problem = problems.len();
    let mut manifests: BTreeMap<PathBuf, BTreeMap<String, ManifestEntry>> = BTreeMap::new();
    let mut seen_txt = false;
    // Unsorted: the inputs are ordered by origin anyway, and the problems
    // are sorted at the end. walkdir's sort compared file names taken
    // apart from their paths anew at each comparison: a quarter of an
    // import of 100,000 unchanged files (perf).
    let walker = walkdir::WalkDir::new(root).follow_links(true);
    for item in walker {
        let entry = match item {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                let reason = if e.loop_ancestor().is_some() {
                    "symbolic link loop; skipped".to_string()
                } else if let Some(io) = e.io_error() {
                    let dangling = io.kind() == std::io::ErrorKind::NotFound
                        && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink());
                    if dangling {
                        "symbolic link to a file that does not exist; skipped".to_string()
                    } else {
                        io_reason(io)
                    }
                } else {
                    e.to_string()
                };
                problems.push(problem(&path, None, reason));
                continue;
            }
        };
        if !is_txt(entry.path()) || entry.file_type().is_dir() {
            continue;
        }
        seen_txt = true;
        if !entry.file_type().is_file() {
            problems.push(problem(entry.path(), None, NOT_REGULAR.into()));
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        if rel.to_str().is_none() {
            problems.push(problem(entry.path(), None, NOT_UTF8_NAME.into()));
            continue;
        }
        let dir = entry.path().parent().unwrap_or(root).to_path_buf();
        let manifest = manifests
            .entry(dir.clone())
            .or_insert_with(|| load_manifest(&dir, problems));
        let name = file_name(entry.path());
        let origin = join_origin(&prefix, &rel.to_string_lossy());
        out.insert(
            origin.clone(),
            Input {
                path: entry.path().to_path_buf(),
                origin,
                manifest: manifest.get(&name).cloned().unwrap_or_default(),
            },
        );
    }
    if !seen_txt {
        problems.push(problem(
            root,
            None,
            "no .txt files in this directory".into(),
        ));
    }
    // In path order, as a sorted walk meets them (`Path` compares by
    // component); a file's problems keep their order.
    problems[first_problem..].sort_by(|a, b| a.path.cmp(&b.path));
}

fn is_txt(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The last component of a root, `.` resolved to the current directory's name.
fn root_name(root: &Path) -> String {
    let resolved = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    resolved
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn join_origin(prefix: &str, rel: &str) -> String {
    let rel = rel.replace('\\', "/");
    if prefix.is_empty() {
        rel
    } else {
        format!("{prefix}/{rel}")
    }
}

fn problem(path: &Path, line: Option<u64>, reason: String) -> Problem {
    Problem {
        path: path.to_path_buf(),
        line,
        reason,
    }
}

/// A plain reason for an I/O error, without Rust's "(os error 2)".
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

/// Reads `dir/manifest.csv` if there is one. Bad rows are reported and left
/// out; the files they name are still imported, with what their text says.
pub fn load_manifest(dir: &Path, problems: &mut Vec<Problem>) -> BTreeMap<String, ManifestEntry> {
    let path = dir.join(MANIFEST);
    let mut out = BTreeMap::new();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return out,
        Err(e) => {
            problems.push(problem(&path, None, io_reason(&e)));
            return out;
        }
    };
    let text = match super::decode::decode(&bytes) {
        Ok(d) => d.text,
        Err(e) => {
            problems.push(problem(
                &path,
                None,
                format!("{e}; the manifest is ignored"),
            ));
            return out;
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect(),
        Err(e) => {
            problems.push(problem(&path, Some(1), format!("unreadable header: {e}")));
            return out;
        }
    };
    if header != MANIFEST_HEADER {
        problems.push(problem(
            &path,
            Some(1),
            format!(
                "bad header `{}`; expected `{}`; the manifest is ignored",
                header.join(","),
                MANIFEST_HEADER.join(",")
            ),
        ));
        return out;
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                problems.push(problem(&path, line, format!("unreadable row: {e}")));
                continue;
            }
        };
        let line = record.position().map(|p| p.line());
        let field = |i: usize| {
            record
                .get(i)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let Some(file) = field(0) else {
            problems.push(problem(&path, line, "row without a file name".into()));
            continue;
        };
        if record.len() != 4 {
            problems.push(problem(
                &path,
                line,
                format!("row for {file} has {} fields, expected 4", record.len()),
            ));
            continue;
        }
        let mut published = field(2);
        if let Some(p) = &published {
            if p.parse::<jiff::civil::Date>().is_err() || p.len() != 10 {
                problems.push(problem(
                    &path,
                    line,
                    format!("bad date `{p}` for {file}; expected YYYY-MM-DD; the date is ignored"),
                ));
                published = None;
            }
        }
        if out.contains_key(&file) {
            problems.push(problem(
                &path,
                line,
                format!("second row for {file}; the first one is used"),
            ));
            continue;
        }
        if !dir.join(&file).is_file() {
            problems.push(problem(
                &path,
                line,
                format!("names {file}, which is not in {}", dir.display()),
            ));
        }
        out.insert(
            file,
            ManifestEntry {
                url: field(1),
                published,
                outlet: field(3),
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{discover, ManifestEntry};

    #[cfg(unix)]
    #[test]
    fn a_directory_s_problems_come_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        std::fs::create_dir_all(root.join("c")).unwrap();
        std::fs::write(root.join("m.txt"), "Kim empfing Lawrow.").unwrap();
        for name in ["c/d.txt", "b.txt", "a.txt", "c/a.txt", "z.txt"] {
            std::os::unix::fs::symlink(dir.path().join("gone"), root.join(name)).unwrap();
        }
        let found = discover(std::slice::from_ref(&root));
        let paths: Vec<_> = found
            .problems
            .iter()
            .map(|p| {
                p.path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(paths, ["a.txt", "b.txt", "c/a.txt", "c/d.txt", "z.txt"]);
        assert!(
            found.problems[0].reason.contains("does not exist"),
            "{:?}",
            found.problems
        );
        assert_eq!(found.inputs.len(), 1);
    }

    /// The importer relies on it: a run replaces only what was stored
    /// before it, never an article it wrote itself.
    #[test]
    fn a_file_named_twice_is_one_input() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        for name in ["a.txt", "sub/b.txt"] {
            std::fs::write(root.join(name), "Kim empfing Lawrow.").unwrap();
        }
        // (Through another root, "sub", a file has another origin.)
        let args = [root.clone(), root.join("a.txt"), root.clone()];
        let origins: Vec<String> = discover(&args)
            .inputs
            .into_iter()
            .map(|i| i.origin)
            .collect();
        assert_eq!(origins, ["in/a.txt", "in/sub/b.txt"]);
    }

    #[test]
    fn a_manifest_entry_fingerprint_changes_with_any_field_and_keeps_fields_apart() {
        let entry = |url: Option<&str>, published: Option<&str>| ManifestEntry {
            url: url.map(str::to_string),
            published: published.map(str::to_string),
            outlet: None,
        };
        let none = ManifestEntry::default().fingerprint();
        assert_eq!(none, entry(None, None).fingerprint());
        let a = entry(Some("2024-07-19"), None).fingerprint();
        let b = entry(None, Some("2024-07-19")).fingerprint();
        let c = entry(None, Some("2024-07-20")).fingerprint();
        let d = entry(Some(""), None).fingerprint();
        let all = [none, a, b, c, d];
        for (i, x) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|y| y != x), "{all:?}");
        }
    }
}
