//! The pure stages of an import: read → decode → clean → meta → known
//! names → names → scan → extract → stems, for a group of files at a time,
//! stage by stage.
//!
//! Each stage reads its own large tables (the cleaning rules' automata, the
//! gazetteer's, the lexicons, the trigger and date patterns), far more than
//! a core's cache holds, and the writer's pages evict them too. Taking one
//! file through all of them found each table cold again at the next file;
//! taking a group of files through one stage before the next keeps a
//! stage's tables warm for the whole group. Imports of 30,000 synthetic
//! articles, three alternating runs each: user CPU 64.3 s file by file
//! against 56.7 s in groups (clean | names | the rest); then 54.6 s against
//! 52.4 s with the events' scan as a stage of its own (BENCHMARKS.md,
//! twentieth session).
//!
//! A stage that panics fails its file alone, however far the file got.

use blake3::Hash;

use crate::extract::{events, extract_from, names, ArticleText, Candidate, Extraction};
use crate::ingest::clean::{clean, Cleaned};
use crate::ingest::decode::{decode, Decoded};
use crate::ingest::discover::{io_reason, Input, ManifestEntry};
use crate::ingest::meta::{meta, Meta};
use crate::store::search::Stemmed;
use crate::store::{self, ArticleRecord, Known};

use super::Options;

/// A file after the pure stages, ready for the writer.
pub(super) struct Prepared {
    pub(super) record: ArticleRecord,
    /// `record.content_hash` as bytes, for the writer's maps.
    pub(super) digest: store::Digest,
    pub(super) extraction: Extraction,
}

/// What the archive records of a file besides its bytes (schema V16): its
/// size, its modification time if trusted, its manifest row's fingerprint.
#[derive(Debug, Clone, Copy)]
pub(super) struct FileState {
    pub(super) byte_size: i64,
    pub(super) mtime_ns: Option<i64>,
    pub(super) manifest_hash: i64,
}

/// How old a modification time must be, when the file is read, to be
/// recorded. A write in the same clock tick as the one read would leave the
/// time unchanged, and some file systems count time in steps of 2 s (FAT),
/// so a younger time is not recorded and the file is hashed next time, as
/// git treats its "racily clean" entries.
const SETTLED_NS: i64 = 3_000_000_000;

impl FileState {
    /// The state of a file as `stat` and its manifest row give it, and its
    /// modification time, trusted or not.
    fn of(stat: &std::fs::Metadata, manifest: &ManifestEntry) -> (FileState, Option<i64>) {
        let ns = |t: std::time::SystemTime| {
            t.duration_since(std::time::UNIX_EPOCH)
                .ok()
                .and_then(|d| i64::try_from(d.as_nanos()).ok())
        };
        let mtime = stat.modified().ok().and_then(ns);
        let now = ns(std::time::SystemTime::now());
        let settled = mtime.filter(|&m| now.is_some_and(|now| now - m >= SETTLED_NS));
        let byte_size = i64::try_from(stat.len()).unwrap_or(i64::MAX);
        (
            FileState {
                byte_size,
                mtime_ns: settled,
                manifest_hash: manifest.fingerprint(),
            },
            mtime,
        )
    }
}

/// What the parallel stages hand to the writer for one file.
pub(super) enum Step {
    Ready(Box<Prepared>),
    /// The stored text is the file's; with the state to record when the
    /// stored one differs (a file touched or copied, a time not trusted
    /// before, an archive older than V16).
    Unchanged(Option<FileState>),
    Failed(String),
}

/// Prepares `inputs`, a group of files, stage by stage; a step for each
/// file, in order.
pub(super) fn prepare_group(inputs: &[Input], options: &Options, known: &Known) -> Vec<Step> {
    let read = inputs
        .iter()
        .map(|input| guarded(|| read(input, options, known)))
        .collect();
    let cleaned = then(read, cleaned);
    let known = then(cleaned, known_names);
    let named = then(known, named);
    let scanned = then(named, scanned);
    let extracted = then(scanned, extracted);
    then(extracted, |file| Ok(finished(file)))
        .into_iter()
        .map(|step| step.unwrap_or_else(|early| early))
        .collect()
}

/// Runs `stage` on each file still on its way, in order. `Err` holds the
/// step of a file decided early: unchanged, or failed.
fn then<A, B>(
    files: Vec<Result<A, Step>>,
    mut stage: impl FnMut(A) -> Result<B, Step>,
) -> Vec<Result<B, Step>> {
    files
        .into_iter()
        .map(|file| file.and_then(|a| guarded(|| stage(a))))
        .collect()
}

/// Runs `stage` for one file, so that a bug it hits fails that file alone:
/// a panic would otherwise end the preparing thread and, with it, the
/// import of every file after it.
fn guarded<T>(stage: impl FnOnce() -> Result<T, Step>) -> Result<T, Step> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(stage)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown");
        Err(Step::Failed(format!(
            "chronik hit a bug on this file ({what}); the other files are imported; \
             please report it with the file"
        )))
    })
}

/// A file read and decoded.
struct Read<'a> {
    input: &'a Input,
    digest: Hash,
    state: FileState,
    decoded: Decoded,
}

/// Reads a file unless the archive holds it already.
fn read<'a>(input: &'a Input, options: &Options, known: &Known) -> Result<Read<'a>, Step> {
    let stat = std::fs::metadata(&input.path).map_err(|e| Step::Failed(io_reason(&e)))?;
    let size = stat.len();
    if size > options.max_bytes {
        return Err(Step::Failed(format!(
            "file is {size} bytes, over the limit of {} bytes; raise it with --max-bytes",
            options.max_bytes
        )));
    }
    let (state, mtime) = FileState::of(&stat, &input.manifest);
    let stored = known.by_origin.get(&input.origin);
    // A recorded time is at least SETTLED_NS older than its reading was, so
    // the same time now means no write since.
    let unread = stored.is_some_and(|s| {
        !options.rehash
            && s.file_mtime_ns.is_some()
            && s.file_mtime_ns == mtime
            && s.byte_size == state.byte_size
            && s.manifest_hash == Some(state.manifest_hash)
    });
    if unread {
        return Err(Step::Unchanged(None));
    }
    let bytes = std::fs::read(&input.path).map_err(|e| Step::Failed(io_reason(&e)))?;
    let digest = blake3::hash(&bytes);
    if let Some(s) = stored.filter(|s| &s.hash == digest.as_bytes()) {
        // An article stored before V16 has no manifest row recorded: the
        // row is taken as the one imported, and recorded.
        if s.manifest_hash.is_none_or(|m| m == state.manifest_hash) {
            // Same bytes, same size: only the time and the row can differ.
            let same =
                s.file_mtime_ns == state.mtime_ns && s.manifest_hash == Some(state.manifest_hash);
            return Err(Step::Unchanged((!same).then_some(state)));
        }
    }
    let decoded = decode(&bytes).map_err(|e| Step::Failed(e.to_string()))?;
    Ok(Read {
        input,
        digest,
        state,
        decoded,
    })
}

/// A file cleaned, with what its text and manifest row say of it.
struct CleanedFile<'a> {
    read: Read<'a>,
    cleaned: Cleaned,
    meta: Meta,
}

fn cleaned(read: Read) -> Result<CleanedFile, Step> {
    let cleaned = clean(&read.decoded.text);
    if cleaned.body.trim().is_empty() {
        return Err(Step::Failed(
            "nothing left after removing page furniture".into(),
        ));
    }
    let meta = meta(&cleaned, &read.input.manifest);
    Ok(CleanedFile {
        read,
        cleaned,
        meta,
    })
}

/// A cleaned file with the names its body mentions: the gazetteer's first,
/// then all.
struct Named<'a> {
    file: CleanedFile<'a>,
    candidates: Vec<Candidate>,
}

fn known_names(file: CleanedFile) -> Result<Named, Step> {
    let candidates = names::gazetteer_candidates(&file.cleaned.body);
    Ok(Named { file, candidates })
}

fn named(known: Named) -> Result<Named, Step> {
    let Named { file, candidates } = known;
    let candidates = names::candidates_with(&file.cleaned.body, candidates);
    Ok(Named { file, candidates })
}

/// A cleaned file with its names and its event triggers.
struct Scanned<'a> {
    named: Named<'a>,
    scan: events::Scan,
}

fn scanned(named: Named) -> Result<Scanned, Step> {
    let file = &named.file;
    let scan = events::scan(&file.cleaned.body, file.meta.published_on);
    Ok(Scanned { named, scan })
}

/// A cleaned file with everything extracted from it.
struct Extracted<'a> {
    file: CleanedFile<'a>,
    extraction: Extraction,
}

fn extracted(scanned: Scanned) -> Result<Extracted, Step> {
    let Scanned { named, scan } = scanned;
    let Named { file, candidates } = named;
    let extraction = extract_from(
        &ArticleText {
            title: &file.cleaned.title,
            body: &file.cleaned.body,
            published: file.meta.published_on,
            credits: &file.cleaned.credits,
        },
        candidates,
        scan,
    );
    Ok(Extracted { file, extraction })
}

/// The file as the writer takes it, with its text stemmed for search.
fn finished(extracted: Extracted) -> Step {
    let Extracted { file, extraction } = extracted;
    let CleanedFile {
        read,
        cleaned,
        meta,
    } = file;
    let stemmed = Stemmed::of(Some(&cleaned.title), &cleaned.body);
    Step::Ready(Box::new(Prepared {
        digest: *read.digest.as_bytes(),
        record: ArticleRecord {
            origin: read.input.origin.clone(),
            url: meta.url,
            title: cleaned.title,
            body: cleaned.body,
            published_on: meta.published_on.map(|d| d.to_string()),
            date_source: meta.date_source.map(|s| s.as_str()),
            content_hash: read.digest.to_hex().to_string(),
            byte_size: read.state.byte_size,
            file_mtime_ns: read.state.mtime_ns,
            manifest_hash: read.state.manifest_hash,
            raw_text: read.decoded.raw,
            outlet: meta.outlet,
            stemmed,
        },
        extraction,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(step: &Result<u32, Step>) -> Option<&str> {
        match step {
            Err(Step::Failed(why)) => Some(why),
            _ => None,
        }
    }

    #[test]
    fn a_panicking_stage_fails_its_file_only() {
        let failed = guarded::<()>(|| panic!("index out of range"));
        let Err(Step::Failed(why)) = failed else {
            panic!("a panic must fail the file");
        };
        assert!(why.contains("index out of range"), "{why}");
        assert!(why.contains("please report it"), "{why}");
        assert!(matches!(
            guarded::<()>(|| Err(Step::Unchanged(None))),
            Err(Step::Unchanged(None))
        ));
    }

    #[test]
    fn a_stage_runs_on_the_files_still_going_and_a_panic_fails_one() {
        let files = vec![
            Ok(1),
            Err(Step::Failed("unreadable".into())),
            Ok(2),
            Err(Step::Unchanged(None)),
            Ok(3),
        ];
        let mut seen = Vec::new();
        let out = then(files, |n: u32| {
            seen.push(n);
            if n == 2 {
                panic!("bad file");
            }
            Ok(n * 10)
        });
        assert_eq!(seen, [1, 2, 3]);
        assert!(matches!(out[0], Ok(10)));
        assert_eq!(failure(&out[1]), Some("unreadable"));
        assert!(failure(&out[2]).is_some_and(|why| why.contains("bad file")));
        assert!(matches!(out[3], Err(Step::Unchanged(None))));
        assert!(matches!(out[4], Ok(30)));
    }

    #[test]
    fn a_group_gives_each_file_its_own_step_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            Input {
                origin: name.to_string(),
                path,
                manifest: ManifestEntry::default(),
            }
        };
        let article = "Titel\n\nPutin traf am Montag Kim Jong Un in Pjöngjang.\n";
        let inputs = [
            write("a.txt", article.as_bytes()),
            write("furniture.txt", b"Kommentare (12)\n"),
            write("big.txt", &[b'x'; 200]),
            write("b.txt", article.replace("Montag", "Dienstag").as_bytes()),
        ];
        let options = Options {
            max_bytes: 100,
            ..Options::default()
        };
        let steps = prepare_group(&inputs, &options, &Known::default());
        let titles: Vec<String> = steps
            .iter()
            .map(|step| match step {
                Step::Ready(p) => format!("{} {}", p.record.origin, p.extraction.mentions.len()),
                Step::Failed(why) => why.clone(),
                Step::Unchanged(_) => "unchanged".into(),
            })
            .collect();
        assert_eq!(
            titles,
            [
                "a.txt 3",
                "nothing left after removing page furniture",
                "file is 200 bytes, over the limit of 100 bytes; raise it with --max-bytes",
                "b.txt 3",
            ]
        );
    }
}
