//! Properties over generated input: decoding, cleaning and extraction never
//! panic and keep the offset rule; the date resolver yields only real
//! dates; importing the same files twice changes nothing.
//!
//! Case counts are modest so `cargo test` stays quick; the fuzz target in
//! `fuzz/` runs the same pipeline for as long as one likes.

use std::path::Path;

use jiff::civil::Date;
use proptest::prelude::*;

use chronik::extract::dates::{find_dates, Precision};
use chronik::extract::{extract, ArticleText};
use chronik::ingest::clean::clean;
use chronik::ingest::decode::decode;
use chronik::ingest::discover::ManifestEntry;
use chronik::ingest::meta::meta;

/// The number of cases: `default`, or PROPTEST_CASES divided by `slower`
/// for a longer run (`PROPTEST_CASES=5000 cargo test --test cli props`).
fn cases(default: u32, slower: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .map_or(default, |n| (n / slower).max(1))
}

/// Words and pieces that exercise names, dates, events, citations and
/// cleaning rules, plus Unicode that changes length when case-folded or
/// normalised.
const PIECES: &[&str] = &[
    "Kim Jong Un",
    "Kim Jong-un",
    "Wladimir Putin",
    "Putins",
    "Sergej Lawrow",
    "Lavrov",
    "Schoigu",
    "Präsident",
    "Außenminister",
    "Verteidigungsminister",
    "Pjöngjang",
    "Nordkoreas",
    "nordkoreanische",
    "Moskau",
    "Kreml",
    "KCNA",
    "Reuters",
    "traf",
    "besuchte",
    "empfing",
    "unterzeichnete",
    "erklärte",
    "sagte",
    "wird",
    "wurde",
    "am",
    "im",
    "seit",
    "ab",
    "vor",
    "zwei",
    "Wochen",
    "Tagen",
    "gestern",
    "Abend",
    "vergangenen",
    "kommenden",
    "Mitte",
    "Anfang",
    "Ende",
    "18.",
    "31.",
    "29.",
    "0.",
    "99.",
    "Juli",
    "Februar",
    "Juni",
    "Jänner",
    "Sept.",
    "2024",
    "2023",
    "1900",
    "9999",
    "0000",
    "18.07.2024",
    "31.02.2023",
    "2024-07-18",
    "Montag",
    "Freitagabend",
    "Wochenende",
    "Jahr",
    "Vorjahr",
    "Kommentar (0)",
    "[Anzeige_1]",
    "Quelle:",
    "Read more »",
    "Similar News",
    "https://example.org/2024/07/19/artikel",
    "(Foto: Reuters)",
    "„",
    "“",
    "–",
    "-",
    "(",
    ")",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    " ",
    "İstanbul",
    "ß",
    "ẞ",
    "e\u{301}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{00AD}",
    "ﬁ",
    "😀",
    "\r\n",
    "\t",
];

/// Text made of the pieces above and arbitrary strings.
fn germanish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,12}",
            1 => any::<char>().prop_map(|c| c.to_string()),
        ],
        0..120,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for p in parts {
            s.push_str(&p);
            s.push(' ');
        }
        s
    })
}

/// Bytes: arbitrary ones, or German-ish text in UTF-8, Windows-1252 or UTF-16.
fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        germanish().prop_map(String::into_bytes),
        germanish().prop_map(|s| encoding_rs::WINDOWS_1252.encode(&s).0.into_owned()),
        germanish().prop_map(|s| {
            let mut b = vec![0xFF, 0xFE];
            b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
            b
        }),
    ]
}

fn any_date() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(Date::MIN)),
        1 => Just(Some(Date::MAX)),
        6 => (1i16..=9999, 1i8..=12, 1i8..=28)
            .prop_map(|(y, m, d)| Date::new(y, m, d).ok()),
    ]
}

/// A stored date value must be a real date of its precision.
fn valid_value(value: Option<&str>, precision: Precision) -> Result<(), String> {
    let ok = match (precision, value) {
        (Precision::Unresolved, None) => true,
        (Precision::Day, Some(v)) => v.len() == 10 && v.parse::<Date>().is_ok(),
        (Precision::Month, Some(v)) => v.len() == 7 && format!("{v}-01").parse::<Date>().is_ok(),
        (Precision::Year, Some(v)) => {
            v.len() == 4
                && v.bytes().all(|b| b.is_ascii_digit())
                && format!("{v}-01-01").parse::<Date>().is_ok()
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{value:?} is not a valid {precision:?} date"))
    }
}

/// Decode, clean, read metadata, extract; check what extraction promises.
fn pipeline(bytes: &[u8], published: Option<Date>) -> Result<(), TestCaseError> {
    let Ok(decoded) = decode(bytes) else {
        return Ok(());
    };
    let cleaned = clean(&decoded.text);
    let m = meta(&cleaned, &ManifestEntry::default());
    let x = extract(&ArticleText {
        title: &cleaned.title,
        body: &cleaned.body,
        published: published.or(m.published_on),
        credits: &cleaned.credits,
    });
    let body = &cleaned.body;
    let chars = body.chars().count();
    for mention in &x.mentions {
        prop_assert!(mention.start <= mention.end && mention.end <= chars);
        let surface: String = body
            .chars()
            .skip(mention.start)
            .take(mention.end - mention.start)
            .collect();
        prop_assert_eq!(&surface, &mention.surface, "offset rule in {:?}", body);
        prop_assert!(mention.entity < x.entities.len());
    }
    for event in &x.events {
        valid_value(event.date.as_deref(), event.precision).map_err(TestCaseError::fail)?;
        for (entity, _) in &event.participants {
            prop_assert!(*entity < x.entities.len());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(160, 1)))]

    #[test]
    fn decode_clean_extract_never_panic_and_keep_the_offset_rule(
        bytes in input_bytes(),
        published in any_date(),
    ) {
        pipeline(&bytes, published)?;
    }

    #[test]
    fn the_date_resolver_yields_only_real_dates(text in germanish(), published in any_date()) {
        for d in find_dates(&text, published) {
            prop_assert!(d.start <= d.end && d.end <= text.len());
            prop_assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
            prop_assert_eq!(&text[d.start..d.end], d.text.as_str());
            valid_value(d.value.as_deref(), d.precision).map_err(TestCaseError::fail)?;
            if published.is_none() {
                // Without a publication date only absolute dates resolve.
                prop_assert!(d.value.is_none() || d.text.chars().any(|c| c.is_ascii_digit()));
            }
        }
    }
}

/// Every row of every archive table but `import_runs`, as text.
fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open archive");
    let mut out = Vec::new();
    for table in crate::corpus::COUNTED {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .expect("prepare");
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .expect("query");
        for row in rows {
            out.push(format!("{table}: {}", row.expect("row").join(" | ")));
        }
    }
    out
}

fn import(db: &Path, dir: &Path) -> chronik::import::Summary {
    let (mut conn, _lock) = chronik::archive::open_writer(db).expect("open archive");
    chronik::import::run(
        &mut conn,
        &[dir.to_path_buf()],
        &chronik::import::Options::default(),
        |_, _| {},
        |_| {},
        |_| {},
    )
    .expect("import")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(12, 20)))]

    #[test]
    fn importing_the_same_files_twice_changes_nothing(
        files in prop::collection::vec(input_bytes(), 1..6),
    ) {
        let dir = tempfile::tempdir().expect("scratch");
        let input = dir.path().join("in");
        std::fs::create_dir(&input).expect("mkdir");
        for (i, bytes) in files.iter().enumerate() {
            std::fs::write(input.join(format!("f{i}.txt")), bytes).expect("write");
        }
        let db = dir.path().join("a.db");
        let first = import(&db, &input);
        let before = dump(&db);
        let second = import(&db, &input);
        prop_assert_eq!(dump(&db), before);
        prop_assert_eq!(second.imported + second.updated, 0);
        prop_assert_eq!(second.unchanged, first.imported + first.updated);
        prop_assert_eq!(second.duplicates, first.duplicates);
        prop_assert_eq!(second.failed, first.failed);
    }
}

#[test]
fn relative_dates_off_the_calendar_are_unresolved() {
    // Found by the property above: "Montag" before the first representable
    // Monday came out as "-009999-01-01".
    for published in [Date::MIN, Date::new(1, 1, 1).unwrap()] {
        let found = find_dates("Am Montag vor zwei Wochen", Some(published));
        assert!(!found.is_empty());
        for d in found {
            assert!(
                valid_value(d.value.as_deref(), d.precision).is_ok(),
                "{published}: {d:?}"
            );
        }
    }
}
