//! Outlet, URL and publication date of an article.
//!
//! A manifest value wins over what is read from the text. The publication date
//! comes from the manifest, else from a date in the URL
//! (`...-20241129154226900.htm`, `/2024/03/05/`), else from a dateline in the
//! text ("Moskau, 12. März 2024 (dpa) –", "Stand: 12.03.2024"), else it stays
//! unknown: the import date is never a stand-in.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::clean::Cleaned;
use super::discover::ManifestEntry;
use crate::extract::dates::{find_dates, Precision};
use crate::knowledge::sources;

/// The outlet an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub domain: Option<String>,
    pub kind: String,
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    Manifest,
    Url,
    Dateline,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Manifest => "manifest",
            DateSource::Url => "url",
            DateSource::Dateline => "dateline",
        }
    }
}

/// What is known about an article besides its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub url: Option<String>,
    pub outlet: Option<Outlet>,
    pub published_on: Option<Date>,
    pub date_source: Option<DateSource>,
}

/// Reads the metadata of a cleaned article.
pub fn meta(cleaned: &Cleaned, manifest: &ManifestEntry) -> Meta {
    let url = manifest.url.clone().or_else(|| cleaned.url.clone());
    let domain = url.as_deref().and_then(domain_of);
    let outlet = outlet(manifest.outlet.as_deref(), domain.as_deref());
    let (published_on, date_source) = if let Some(d) = manifest
        .published
        .as_deref()
        .and_then(|p| p.parse::<Date>().ok())
    {
        (Some(d), Some(DateSource::Manifest))
    } else if let Some(d) = url.as_deref().and_then(date_in_url) {
        (Some(d), Some(DateSource::Url))
    } else if let Some(d) = dateline(&cleaned.body).or_else(|| date_line(&cleaned.title)) {
        // A dateline that stood first may have been taken for the title.
        (Some(d), Some(DateSource::Dateline))
    } else {
        (None, None)
    };
    Meta {
        url,
        outlet,
        published_on,
        date_source,
    }
}

/// The host of a URL, lower case, without `www.`.
pub fn domain_of(url: &str) -> Option<String> {
    static HOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[a-z][a-z0-9+.-]*://(?:[^@/?#]*@)?([^/:?#]+)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let host = HOST.captures(url.trim())?.get(1)?.as_str().to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    host.contains('.').then_some(host)
}

fn outlet(manifest_name: Option<&str>, domain: Option<&str>) -> Option<Outlet> {
    let known = sources();
    if let Some(name) = manifest_name {
        let by_name = known.by_name(name);
        return Some(Outlet {
            name: name.trim().to_string(),
            domain: domain
                .map(str::to_string)
                .or_else(|| by_name.and_then(|s| s.domain.clone())),
            kind: by_name.map_or_else(|| "outlet".to_string(), |s| s.kind.clone()),
        });
    }
    let domain = domain?;
    Some(match known.by_domain(domain) {
        Some(s) => Outlet {
            name: s.name.clone(),
            domain: Some(domain.to_string()),
            kind: s.kind.clone(),
        },
        None => Outlet {
            name: domain.to_string(),
            domain: Some(domain.to_string()),
            kind: "outlet".to_string(),
        },
    })
}

/// A publication date written into a URL.
pub fn date_in_url(url: &str) -> Option<Date> {
    static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        [
            // /2024/03/05/ or /2024/3/5/, and /2024-03/05/ (news tickers)
            r"/((?:19|20)\d{2})[/-](\d{1,2})/(\d{1,2})(?:/|$)",
            // 2024-03-05 or 2024_03_05 in a path
            r"(?:^|[^0-9])((?:19|20)\d{2})[-_](\d{2})[-_](\d{2})(?:[^0-9]|$)",
            // -20241129154226900.htm: the date starts a run of 8 to 17 digits
            // (also as a query value: view.php?ud=20241105000612)
            r"[-_/.=]((?:19|20)\d{2})(\d{2})(\d{2})\d{0,9}(?:\.[a-z]{2,5})?(?:[?#/&]|$)",
            // /view/AEN20250618000900315: agency ids, a short code before the
            // date and a running number of six or more digits after it
            r"/[A-Za-z]{2,5}((?:19|20)\d{2})(\d{2})(\d{2})\d{6,12}(?:\.[a-z]{2,5})?(?:[?#/]|$)",
        ]
        .iter()
        .map(|p| Regex::new(p).unwrap_or_else(|e| panic!("{e}")))
        .collect()
    });
    // dpa's news URNs ("urn-newsml-dpa-com-20090101-250321-99-411872")
    // carry a fixed 20090101, then the day as yymmdd.
    static DPA_URN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"dpa[-.]com[-:]20090101[-:](\d{2})(\d{2})(\d{2})-\d")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    if let Some(c) = DPA_URN.captures(url) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i8>().ok());
        if let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) {
            return Date::new(2000 + i16::from(y), m, d).ok();
        }
    }
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    for re in PATTERNS.iter() {
        for c in re.captures_iter(path) {
            let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i16>().ok());
            let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3)) else {
                continue;
            };
            // Before the web there were no article addresses: an id such
            // as -19180422.html is a number, not 22 April 1918.
            if y < 1990 {
                continue;
            }
            if let Ok(date) = Date::new(y, m as i8, d as i8) {
                return Some(date);
            }
        }
    }
    None
}

/// A dateline: a full date (day, month and year written out) that opens the
/// body, or a short line that is mostly a date ("Stand: 12.03.2024 14:00").
pub fn dateline(body: &str) -> Option<Date> {
    let opening = |text: &str, agency_style: bool| -> Option<Date> {
        let opening: String = text.chars().take(80).collect();
        let found = find_dates(&opening, None).into_iter().find(|m| {
            m.precision == Precision::Day
                && m.start <= 40
                && !opening[..m.start].contains(". ")
                && !opening[..m.start].contains('\n')
                && (!agency_style || DATELINE_TAIL.is_match(&opening[m.end..]))
        });
        found.and_then(|m| m.value?.parse().ok())
    };
    if let Some(d) = opening(body, false) {
        return Some(d);
    }
    // Below a teaser or a photo credit, a paragraph may open with the
    // agency's dateline ("Kasan, 23. Oktober 2024 (APA) – ..."): there the
    // date must be followed by its agency or dash, as datelines are.
    let later = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .skip(1)
        .take(3);
    if let Some(d) = later.filter_map(|l| opening(l, true)).next() {
        return Some(d);
    }
    body.lines().find_map(date_line)
}

/// What follows the date of an agency dateline: an agency in brackets and
/// a dash, or a dash alone.
static DATELINE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:[–—]|-{1,2})\s").unwrap_or_else(|e| panic!("{e}"))
});

/// A short line that is mostly a full date ("Stand: 12.03.2024 14:00",
/// "Pyongyang, 20. Juni 2024 (KCNA) --").
fn date_line(line: &str) -> Option<Date> {
    // A stamp's time and its credits after a bar ("30.11.2024, 10:41 Uhr |
    // dpa, AFP") are part of the stamp.
    static STAMP_REST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i),?\s*(?:[0-9]{1,2}:[0-9]{2}(?:\s*uhr)?|[0-9]{1,2}\.[0-9]{2}\s*uhr)|\s*\|.*$",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    });
    if line.chars().count() > 60 {
        // "Publiziert: 30.07.2025, 07:12 · Aktualisiert: 30.07.2025, 10:48":
        // the first of the stamps.
        let parts = line.split(['·', '|']).filter(|p| p.len() < line.len());
        return parts.filter(|p| !p.trim().is_empty()).find_map(date_line);
    }
    let core = STAMP_REST.replace_all(line, "");
    find_dates(line, None)
        .into_iter()
        .filter(|m| m.precision == Precision::Day && m.text.len() * 2 >= core.len() / 2)
        .find_map(|m| m.value?.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn dates_in_urls() {
        let cases = [
            (
                "https://dantri.com.vn/the-gioi/nga-20241129154226900.htm",
                Some("2024-11-29"),
            ),
            (
                "https://example.de/politik/2024/03/05/kim-trifft-putin",
                Some("2024-03-05"),
            ),
            (
                "https://example.de/news/2025-07/12/lawrow-in-wonsan",
                Some("2025-07-12"),
            ),
            (
                "https://example.de/2023-09-09-parade.html",
                Some("2023-09-09"),
            ),
            (
                "https://baoquocte.vn/phai-doan-quan-su-nga-tham-trieu-tien-279309.html",
                None,
            ),
            ("https://example.de/artikel/20241345.html", None),
            ("https://example.de/2024/02/30/x", None),
            ("https://20240101.example.de/x", None),
            (
                "https://de.example.kr/view/GDE20250618000900882",
                Some("2025-06-18"),
            ),
            ("https://example.de/view/ID20251399000900882", None),
            ("https://example.de/a/ABC20250618", None),
            // A query value, and an article id that only looks like 1918.
            (
                "https://example.kr/view.php?ud=20241105000612",
                Some("2024-11-05"),
            ),
            (
                "https://example.de/politik/kim-besucht-werk-19180422.html",
                None,
            ),
            // dpa's URN: a fixed 20090101, then yymmdd.
            (
                "https://www.example.de/politik/kim-dpa.urn-newsml-dpa-com-20090101-240705-99-123456",
                Some("2024-07-05"),
            ),
        ];
        for (url, want) in cases {
            assert_eq!(date_in_url(url), want.map(d), "{url}");
        }
    }

    #[test]
    fn domains() {
        assert_eq!(
            domain_of("https://www.Baoquocte.vn/phai-doan.html").as_deref(),
            Some("baoquocte.vn")
        );
        assert_eq!(domain_of("dantri.com.vn/x"), None);
        assert_eq!(
            domain_of("https://user@news.example.org:8080/a").as_deref(),
            Some("news.example.org")
        );
    }

    #[test]
    fn manifest_wins_then_url_then_dateline() {
        let cleaned = Cleaned {
            body: "Moskau, 12. März 2024 (dpa) – Der Kreml teilte mit.".into(),
            url: Some("https://www.example.de/a/2024/03/10/x".into()),
            ..Cleaned::default()
        };
        let none = ManifestEntry::default();
        let m = meta(&cleaned, &none);
        assert_eq!(m.published_on, Some(d("2024-03-10")));
        assert_eq!(m.date_source, Some(DateSource::Url));
        assert_eq!(
            m.outlet.as_ref().map(|o| o.name.as_str()),
            Some("example.de")
        );
        let manifest = ManifestEntry {
            published: Some("2024-03-11".into()),
            outlet: Some("Beispielblatt".into()),
            ..ManifestEntry::default()
        };
        let m = meta(&cleaned, &manifest);
        assert_eq!(m.published_on, Some(d("2024-03-11")));
        assert_eq!(
            m.outlet.as_ref().map(|o| o.name.as_str()),
            Some("Beispielblatt")
        );
        let no_url = Cleaned {
            url: None,
            ..cleaned
        };
        let m = meta(&no_url, &none);
        assert_eq!(m.published_on, Some(d("2024-03-12")));
        assert_eq!(m.date_source, Some(DateSource::Dateline));
        assert_eq!(m.outlet, None);
    }

    #[test]
    fn a_dateline_taken_for_the_title_still_dates() {
        let cleaned = Cleaned {
            title: "Wladiwostok, 3. März 2025 (Interfax) --".into(),
            body: "Das Forum beginnt. Am 18. Juli 2024 wurde ein Vertrag unterzeichnet.".into(),
            ..Cleaned::default()
        };
        let m = meta(&cleaned, &ManifestEntry::default());
        assert_eq!(m.published_on, Some(d("2025-03-03")));
        let headline = Cleaned {
            title: "Am 18. Juli 2024 unterzeichneten Russland und Nordkorea einen Vertrag".into(),
            ..cleaned
        };
        assert_eq!(
            meta(&headline, &ManifestEntry::default()).published_on,
            None
        );
    }

    #[test]
    fn an_agency_dateline_below_a_teaser_dates() {
        let body = "Putin inszeniert das Treffen. Die Nachricht kam von zwei anderen.\n\n\
                    Foto: APA/AFP\n\n\
                    Kasan, 23. Oktober 2024 (APA) – Am Rande des Gipfels trafen sich Xi und Modi.";
        assert_eq!(dateline(body), Some(d("2024-10-23")));
        let running = "Der Gipfel begann.\n\nAm 18. Juli 2024 wurde in Pjöngjang ein Vertrag über Beistand unterzeichnet.";
        assert_eq!(dateline(running), None);
    }

    #[test]
    fn no_dateline_in_running_text() {
        let body = "Der Präsident traf den Gast. Am 18. Juli 2024 wurde ein Vertrag unterzeichnet.";
        assert_eq!(dateline(body), None);
    }

    #[test]
    fn a_stamp_with_its_time_and_credits_dates() {
        let body = "Kim empfängt den Minister\n30.11.2024, 10:41 Uhr | dpa, AFP, t-online\nDer Präsident traf den Gast am Freitag.";
        assert_eq!(dateline(body), Some(d("2024-11-30")));
        let both = "Beben vor Kamtschatka\nPubliziert: 30.07.2025, 07:12 · Aktualisiert: 31.07.2025, 10:48\nDer Präsident traf den Gast.";
        assert_eq!(dateline(both), Some(d("2025-07-30")));
        let short = "Putin im Manöver\nMi, 17. Sep 2025 | 07:15\nDer Präsident traf den Gast.";
        assert_eq!(dateline(short), Some(d("2025-09-17")));
        // A date in a short line of prose is no stamp.
        assert_eq!(
            dateline("Der Präsident traf den Gast.\nDer Vertrag vom 30.11.2024 gilt ab sofort für alle Staaten."),
            None
        );
    }
}
