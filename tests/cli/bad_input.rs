//! Bad input, all in one import: every bad file or folder gets one message
//! naming it, every good file is still imported, the exit status is 1, and
//! nothing panics.

use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use crate::workdir::Workdir;

const GOOD: &str = "Kim Jong Un empfing am Montag Sergej Lawrow in Pjöngjang.\n";

/// A line of at least `n` bytes: German sentences with names, each a
/// little different, and no line break.
fn long_line(n: usize) -> String {
    let mut line = String::with_capacity(n + 200);
    let mut i = 0;
    while line.len() < n {
        line.push_str(&format!(
            "Wladimir Putin traf am 18. Juli in Pjöngjang mit Kim Jong Un zusammen, \
             und Beobachter werten Treffen Nummer {i} als Zeichen einer engeren Partnerschaft. "
        ));
        i += 1;
    }
    line
}

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    s.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn every_bad_input_is_named_and_everything_else_imported() {
    let w = Workdir::new();
    // Good files, some of them odd but readable.
    w.write("in/good.txt", GOOD);
    w.write(
        "in/sub/good2.txt",
        "Sergej Schoigu besuchte am Freitag Wonsan.\n",
    );
    // UTF-8 with one stray Windows-1252 byte (E4 = "ä"): the UTF-8 stays,
    // the stray byte is read as Windows-1252.
    w.write(
        "in/broken-utf8.txt",
        b"Pr\xC3\xA4sident Putin flog nach Pj\xC3\xB6ngjang, trotz K\xE4lte.\n",
    );
    // Not UTF-8 at all, but valid Windows-1252: imported as such.
    w.write(
        "in/cp1252.txt",
        b"Der Pr\xE4sident traf in M\xFCnchen ein \x96 so KCNA.\n",
    );
    w.write("in/long-line.txt", long_line(512 * 1024));
    // UTF-16 without a byte-order mark: every other byte is NUL.
    w.write("in/utf16le.txt", utf16("Kim Jong Un in Pjöngjang.", false));
    w.write("in/utf16be.txt", utf16("Putin in Moskau.", true));
    // Mac Roman: "ü" is 9F, "ö" 9A, "ß" A7.
    w.write(
        "in/macroman.txt",
        b"Der Pr\x8Asident f\x9Fhrte Gespr\x8Ache in Pj\x9Angjang, hie\xA7 es.\n",
    );

    // Bad files.
    w.write("in/empty.txt", "");
    w.write("in/blank.txt", " \n\t \r\n  ");
    w.write("in/binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    w.write("in/pdf.txt", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    w.write("in/nul.txt", b"Text mit\0NUL-Bytes mitten im Satz.");
    w.write(
        "in/junk.txt",
        "Kommentar (0)\n[Anzeige_1]\nTeilen auf Facebook\n",
    );
    let big = w.write("in/big.txt", "");
    std::fs::File::options()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(10 * 1024 * 1024 + 1)
        .unwrap();
    std::os::unix::fs::symlink(".", w.path("in/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", w.path("in/self.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere.txt", w.path("in/dangling.txt")).unwrap();
    let fifo = std::ffi::CString::new(w.path("in/fifo.txt").as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0, "mkfifo");
    let latin1_name = w
        .path("in")
        .join(std::ffi::OsStr::from_bytes(b"caf\xE9.txt"));
    std::fs::write(&latin1_name, GOOD).unwrap();
    // Manifests: one with a bad header, one with bad rows.
    w.write(
        "in/m1/x.txt",
        "Sergej Lawrow reiste am Dienstag nach Peking.\n",
    );
    w.write(
        "in/m1/manifest.csv",
        "datei,link\nx.txt,https://example.org\n",
    );
    w.write(
        "in/m2/y.txt",
        "Maria Sacharowa erklärte am Mittwoch in Moskau etwas.\n",
    );
    w.write(
        "in/m2/manifest.csv",
        "file,url,published,outlet\n\
         y.txt,,2024-02-30,Blatt\n\
         y.txt,,2024-03-01,Blatt\n\
         ghost.txt,,,\n\
         z.txt,https://example.org\n",
    );
    w.write("nodir/notes.md", "keine Artikel hier\n");

    let (code, out, err) = w.run(&["import", "in", "nodir", "missing.txt"]);
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let expected: Vec<(String, &str)> = vec![
        ("in/empty.txt".into(), "empty file"),
        ("in/blank.txt".into(), "no text, only white space"),
        ("in/binary.txt".into(), "binary data, not text (PNG image)"),
        ("in/pdf.txt".into(), "binary data, not text (PDF document)"),
        ("in/nul.txt".into(), "binary data, not text (contains NUL bytes)"),
        ("in/junk.txt".into(), "nothing left after removing page furniture"),
        (
            "in/big.txt".into(),
            "file is 10485761 bytes, over the limit of 10485760 bytes; raise it with --max-bytes",
        ),
        ("in/loop".into(), "symbolic link loop; skipped"),
        ("in/self.txt".into(), "too many levels of symbolic links"),
        (
            "in/dangling.txt".into(),
            "symbolic link to a file that does not exist; skipped",
        ),
        (
            "in/fifo.txt".into(),
            "not a regular file (a named pipe, socket or device); skipped",
        ),
        (
            "in/caf\u{FFFD}.txt".into(),
            "the file name is not valid UTF-8, and the archive records names as text; rename the file",
        ),
        (
            "in/m1/manifest.csv:1".into(),
            "bad header `datei,link`; expected `file,url,published,outlet`; the manifest is ignored",
        ),
        (
            "in/m2/manifest.csv:2".into(),
            "bad date `2024-02-30` for y.txt; expected YYYY-MM-DD; the date is ignored",
        ),
        (
            "in/m2/manifest.csv:3".into(),
            "second row for y.txt; the first one is used",
        ),
        (
            "in/m2/manifest.csv:4".into(),
            "names ghost.txt, which is not in in/m2",
        ),
        (
            "in/m2/manifest.csv:5".into(),
            "row for z.txt has 2 fields, expected 4",
        ),
        ("nodir".into(), "no .txt files in this directory"),
        ("missing.txt".into(), "no such file or directory"),
    ];
    for (file, reason) in &expected {
        let line = format!("chronik: {file}: {reason}");
        assert!(err.contains(&line), "missing `{line}` in:\n{err}");
    }
    let reported = err.lines().filter(|l| l.starts_with("chronik: ")).count();
    assert_eq!(
        reported,
        expected.len(),
        "one message per bad input:\n{err}"
    );
    assert_eq!(
        out.trim(),
        format!(
            "imported 10, updated 0, unchanged 0, failed {}",
            expected.len()
        )
    );

    let conn = w.conn();
    let stored: Vec<(String, String)> = conn
        .prepare("SELECT origin, body FROM articles ORDER BY origin")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let origins: Vec<&str> = stored.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(
        origins,
        [
            "in/broken-utf8.txt",
            "in/cp1252.txt",
            "in/good.txt",
            "in/long-line.txt",
            "in/m1/x.txt",
            "in/m2/y.txt",
            "in/macroman.txt",
            "in/sub/good2.txt",
            "in/utf16be.txt",
            "in/utf16le.txt"
        ]
    );
    let body = |origin: &str| &stored.iter().find(|(o, _)| o == origin).unwrap().1;
    assert_eq!(
        body("in/broken-utf8.txt"),
        "Präsident Putin flog nach Pjöngjang, trotz Kälte."
    );
    assert!(body("in/cp1252.txt").contains("Präsident traf in München ein – so KCNA."));
    assert_eq!(body("in/utf16le.txt"), "Kim Jong Un in Pjöngjang.");
    assert_eq!(body("in/utf16be.txt"), "Putin in Moskau.");
    assert_eq!(
        body("in/macroman.txt"),
        "Der Präsident führte Gespräche in Pjöngjang, hieß es."
    );
    // The long line is stored whole and its mentions keep the offset rule.
    let long = body("in/long-line.txt");
    assert!(long.len() > 500 * 1024, "{}", long.len());
    assert!(long
        .trim_end()
        .ends_with("als Zeichen einer engeren Partnerschaft."));
    let bad_offsets: i64 = conn
        .query_row(
            "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
             WHERE substr(a.body, m.start + 1, m.\"end\" - m.start) <> m.surface",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad_offsets, 0);
    let long_mentions: i64 = conn
        .query_row(
            "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.origin = 'in/long-line.txt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(long_mentions > 1000, "{long_mentions}");
    // The bad date was ignored, the first row's outlet kept.
    let (date, outlet): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT a.published_on, s.name FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE origin = 'in/m2/y.txt'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((date, outlet.as_deref()), (None, Some("Blatt")));
    assert!(Path::new(&w.db()).exists());
}

#[test]
fn max_bytes_is_a_limit_in_bytes() {
    let w = Workdir::new();
    // ASCII, so that characters are bytes.
    w.write("in/a_fits.txt", format!("{:<100}", "Putin in Moskau."));
    w.write("in/b_over.txt", format!("{:<101}", "Kim in Wonsan."));
    let (code, out, err) = w.run(&["import", "--max-bytes", "100", "in"]);
    assert_eq!(code, 1);
    assert_eq!(out.trim(), "imported 1, updated 0, unchanged 0, failed 1");
    assert!(
        err.contains(
            "in/b_over.txt: file is 101 bytes, over the limit of 100 bytes; raise it with --max-bytes"
        ),
        "{err}"
    );
    let (code, out, _) = w.run(&["import", "--max-bytes", "101", "in"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "imported 1, updated 0, unchanged 1, failed 0");
}

#[test]
fn a_named_pipe_given_by_name_is_refused_not_waited_on() {
    let w = Workdir::new();
    let fifo = std::ffi::CString::new(w.path("feed.txt").as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo(3) with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0, "mkfifo");
    w.write("ok.txt", GOOD);
    let (code, out, err) = w.run(&["import", "feed.txt", "ok.txt"]);
    assert_eq!(code, 1);
    assert_eq!(out.trim(), "imported 1, updated 0, unchanged 0, failed 1");
    assert!(
        err.contains("feed.txt: not a regular file (a named pipe, socket or device); skipped"),
        "{err}"
    );
}
