//! Fuzz target: bytes → decode → clean → meta → extract, through the
//! library's public API, checking what extraction promises (the offset rule,
//! indices in range, only real dates). Any panic is a finding.
//!
//! The first two input bytes pick a publication date (or none), so the date
//! resolver is fuzzed against many reference dates, not only the text's own.

#![no_main]

use chronik::extract::dates::Precision;
use chronik::extract::{extract, ArticleText};
use chronik::ingest::clean::clean;
use chronik::ingest::decode::decode;
use chronik::ingest::discover::ManifestEntry;
use chronik::ingest::meta::meta;
use jiff::civil::Date;
use libfuzzer_sys::fuzz_target;

fn published(selector: &[u8]) -> Option<Date> {
    let n = u16::from_le_bytes([selector[0], selector[1]]);
    if n % 4 == 0 {
        return None;
    }
    // Days since 0001-01-01, reaching past 9999 to cover the ends too.
    let day = i64::from(n) * 61;
    Date::new(1, 1, 1)
        .ok()?
        .checked_add(jiff::Span::new().days(day))
        .ok()
}

fn valid(value: Option<&str>, precision: Precision) -> bool {
    match (precision, value) {
        (Precision::Unresolved, None) => true,
        (Precision::Day, Some(v)) => v.len() == 10 && v.parse::<Date>().is_ok(),
        (Precision::Month, Some(v)) => v.len() == 7 && format!("{v}-01").parse::<Date>().is_ok(),
        (Precision::Year, Some(v)) => v.len() == 4 && format!("{v}-01-01").parse::<Date>().is_ok(),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (selector, bytes) = data.split_at(2);
    let Ok(decoded) = decode(bytes) else {
        return;
    };
    let cleaned = clean(&decoded.text);
    let m = meta(&cleaned, &ManifestEntry::default());
    let body = &cleaned.body;
    let x = extract(&ArticleText {
        title: &cleaned.title,
        body,
        published: published(selector).or(m.published_on),
        credits: &cleaned.credits,
    });
    let chars = body.chars().count();
    for mention in &x.mentions {
        assert!(mention.start <= mention.end && mention.end <= chars);
        let surface: String = body
            .chars()
            .skip(mention.start)
            .take(mention.end - mention.start)
            .collect();
        assert_eq!(surface, mention.surface, "offset rule");
        assert!(mention.entity < x.entities.len());
    }
    for event in &x.events {
        assert!(
            valid(event.date.as_deref(), event.precision),
            "{:?} {:?}",
            event.date,
            event.precision
        );
        assert!(event
            .participants
            .iter()
            .all(|(e, _)| *e < x.entities.len()));
        assert!(event.location.is_none_or(|l| l < x.entities.len()));
    }
});
