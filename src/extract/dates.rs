//! German temporal expressions: find them in a sentence and resolve them
//! against the article's publication date (its document creation time).
//!
//! # Design
//!
//! * **Knowledge is data.** Month names and variants ("Jänner", "Sept."),
//!   weekdays, one-word relatives ("gestern", "Vorjahr"), shifting adjectives
//!   ("letzt-", "kommend-"), units, number words, parts of periods, tense cues
//!   and known non-dates ("Welt am Sonntag") live in `data/temporal.tsv`,
//!   parsed once. The Rust side holds only grammar: how those words combine.
//! * **One regex per phrase shape**, assembled from the data and compiled
//!   once: calendar ("am 18. Juli 2024", "Mitte August", "im vergangenen
//!   Juni"), numeric ("18.07.2024", "2024-07-18"), weekday ("am
//!   Freitagabend", "am vergangenen Wochenende"), relative word ("gestern
//!   Abend"), relative unit ("in der vergangenen Woche", "Ende des Jahres"),
//!   "ago" ("vor zwei Wochen", "in drei Tagen") and year in context ("seit
//!   2019", "Anfang 2024"). Separate shapes stay readable and each has its
//!   own resolver.
//! * **Fast on text without dates.** A `RegexSet` of all shapes tells in one
//!   pass which shapes occur at all; most sentences stop there. The patterns
//!   use ASCII word boundaries, because a Unicode `\b` makes the regex engine
//!   drop its DFA on the first umlaut (about 15x slower on German); the
//!   Unicode edges of each whole match are checked afterwards, and a match
//!   glued to a word ("Karfreitag") is retried one character further on.
//! * **Longest match wins, invalid dates block.** Candidates of all shapes are
//!   sorted by start and length and taken greedily, so results never overlap
//!   and "am Montag, dem 28. April" beats "am Montag". A phrase shaped like a
//!   date that cannot be one ("31. Juni", "29. Februar 2023") is dropped
//!   *and* keeps shorter shapes ("Juni 2023") from claiming its text; a
//!   listed non-date vetoes everything it overlaps.
//! * **Years need context.** A four-digit number is a year only after a
//!   preposition, "Jahr", a part ("Anfang") or a season, and not when a count
//!   noun follows ("seit 2000 Jahren"). "10.000", "75. Jahrestag" and "24
//!   Jahren" never match a shape.
//! * **Tense decides the direction.** "seit" looks back and "ab" forward;
//!   otherwise the sentence around the phrase is scanned for future cues
//!   ("wird", "soll", "kommenden") and past cues ("wurde", "hatte", a
//!   reported perfect like "soll ... geliefert haben"), and decides only when
//!   cues of one kind are present.
//!   - Day and month without year: past → latest such date on or before
//!     publication, future → earliest on or after, neutral → the nearer of
//!     this and last year's date (never next year). A weekday named with it
//!     ("Montag, 28. April") picks the year in which it fits, if that lies
//!     within half a year of publication.
//!   - Month alone ("im Juni", "Ende Juli"): the latest such month on or
//!     before the publication month, the earliest on or after it for future
//!     sentences; "vergangenen"/"kommenden" mean strictly before / after.
//!   - Weekday: the latest such day on or before publication, the next one
//!     after it for future sentences; "vergangenen"/"kommenden" likewise
//!     strictly before / after, "diesen" within the publication week.
//! * **Precision is honest.** A week or weekend is not a day and not quite a
//!   month: week phrases give a month ([`Precision::Month`]): "letzte
//!   Woche" the month of that week's Thursday (where most of its days are),
//!   "Ende letzter Woche" that of its Friday, "vor etwa zwei Wochen" that
//!   of the day fourteen days back; weekends the month of their Saturday.
//!   Unhedged, "vor zwei Wochen" counts whole weeks back to a day, as "vor
//!   zehn Tagen" counts days. Parts ("Mitte August", "Anfang
//!   2024") keep the precision of the period they divide.
//! * **No publication date, no guessing.** Anything relative is then
//!   [`Precision::Unresolved`]; today's date is never used.
//! * Narrative-relative phrases ("am nächsten Tag", "zwei Tage später") refer
//!   to the story's time, not the article's, and are not reported.
//!
//! The phrase in [`DateMention::text`] includes a leading preposition (with
//! its article) when there is one: "am 18. Juli", "im vergangenen Juni", "in
//! der vergangenen Woche", "seit dem 24. Februar 2022", "vor zwei Wochen".

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::Span;
use regex::{Captures, Regex, RegexSet};

/// How precisely a date phrase pins its date down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
    Unresolved,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unresolved => "unresolved",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offsets of the phrase in the input text (start inclusive, end exclusive).
    pub start: usize,
    pub end: usize,
    /// The phrase as written, e.g. "am 18. Juli", "gestern Abend", "Mitte August".
    pub text: String,
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY" according to precision; None when Unresolved.
    pub value: Option<String>,
    pub precision: Precision,
}

/// Finds every temporal expression in `text` (typically one sentence or paragraph),
/// resolving relative ones against `published` (the article's publication date, its
/// document creation time). Without `published`, anything that needs it is
/// Precision::Unresolved with value None — never invent a date, never use today's date.
/// Results are in text order and never overlap.
pub fn find_dates(text: &str, published: Option<Date>) -> Vec<DateMention> {
    find_dates_in_story(text, published, &[])
}

/// [`find_dates`] for a text without a publication date whose story is set
/// in `story_years` (the years of the full dates it named before, the last
/// first): a day and month without year ("am 17. Juni", "Mitte Juli") take
/// the first, as HeidelTime resolves narratives against their last absolute
/// date; with a weekday ("Montag, dem 12. Februar") the first on which it
/// falls on that weekday, since background dates ("die im August 2006
/// geweiht worden war") come between the story's own. Words
/// relative to the day of writing ("gestern", "am Dienstag") stay
/// unresolved: the story's year says nothing about that day; so do days and
/// months in the future tense.
pub fn find_dates_in_story(
    text: &str,
    published: Option<Date>,
    story_years: &[i16],
) -> Vec<DateMention> {
    let story_years = if published.is_none() {
        story_years
    } else {
        &[]
    };
    let mut candidates: Vec<(usize, usize, Option<When>)> = Vec::new();
    let mut vetoes: Vec<(usize, usize)> = Vec::new();
    for i in RULES.any.matches(text).iter() {
        let (shape, re) = &RULES.shapes[i];
        let mut at = 0;
        while let Some(caps) = re.captures_at(text, at) {
            let Some(m) = caps.get(0) else { break };
            if m.is_empty() || !word_edges(text, m.start(), m.end()) {
                // Inside a word ("Karfreitag"): look again one character on.
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            at = m.end();
            let c = Ctx {
                text,
                caps: &caps,
                start: m.start(),
                end: m.end(),
                published,
                story_years,
            };
            match resolve(*shape, &c) {
                Verdict::Date(w) => candidates.push((c.start, c.end, Some(w))),
                Verdict::Invalid => candidates.push((c.start, c.end, None)),
                Verdict::Veto => vetoes.push((c.start, c.end)),
                Verdict::NotADate => {}
            }
        }
    }
    candidates.retain(|&(s, e, _)| !vetoes.iter().any(|&(vs, ve)| s < ve && vs < e));
    candidates.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut out = Vec::new();
    let mut taken_to = 0;
    for (start, end, when) in candidates {
        if start < taken_to {
            continue;
        }
        taken_to = end;
        let Some(when) = when else { continue };
        let (value, precision) = when.render();
        out.push(DateMention {
            start,
            end,
            text: text[start..end].to_string(),
            value,
            precision,
        });
    }
    out
}

/// True when `start..end` neither starts nor ends inside a word.
fn word_edges(text: &str, start: usize, end: usize) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let phrase = &text[start..end];
    let glued_before = word(text[..start].chars().next_back()) && word(phrase.chars().next());
    let glued_after = word(text[end..].chars().next()) && word(phrase.chars().next_back());
    !glued_before && !glued_after
}

// ---------------------------------------------------------------------------
/// Whether `word` (any case) names a month after a day number ("Juli",
/// "Jänner", "Jan.", "Sep").
pub fn month_word(word: &str) -> bool {
    let word = word.to_lowercase();
    KB.months.contains_key(&word) || KB.dayed.contains_key(&word)
}

// Knowledge from data/temporal.tsv

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Default)]
struct Knowledge {
    months: HashMap<String, i8>,
    /// Abbreviations without their dot, months only after a day number.
    dayed: HashMap<String, i8>,
    weekdays: HashMap<String, i8>,
    weekend: Vec<String>,
    daytimes: Vec<String>,
    relative: HashMap<String, (Unit, i32)>,
    shifts: HashMap<String, i32>,
    /// form -> (unit, plural)
    units: HashMap<String, (Unit, bool)>,
    numbers: HashMap<String, i32>,
    hedges: Vec<String>,
    parts: Vec<String>,
    /// part -> the day of a week it means, 1 = Monday ("Ende der Woche": 5).
    part_weekdays: HashMap<String, i8>,
    seasons: Vec<String>,
    /// season -> the month it begins in, where it lies within one year.
    season_starts: HashMap<String, i8>,
    future: Vec<String>,
    past: Vec<String>,
    countnouns: HashSet<String>,
    not_dates: Vec<String>,
    /// Holidays on a fixed day: phrase -> (month, day).
    holidays: HashMap<String, (i8, i8)>,
    /// Feasts moving with Easter: days after Easter Sunday.
    feasts: HashMap<String, i16>,
}

static KB: LazyLock<Knowledge> =
    LazyLock::new(|| Knowledge::parse(include_str!("../../data/temporal.tsv")));

impl Knowledge {
    /// Parses the embedded file. It is ours and compiled in, so a malformed
    /// line is a build mistake: panic naming the line.
    fn parse(src: &str) -> Knowledge {
        let mut k = Knowledge::default();
        for (no, line) in src.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad =
                |what: &str| -> ! { panic!("data/temporal.tsv line {}: {what}: {line:?}", no + 1) };
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let word = match cols.get(1) {
                Some(w) if !w.is_empty() => w.to_lowercase(),
                _ => bad("missing phrase"),
            };
            let arg = |i: usize| {
                cols.get(i)
                    .copied()
                    .unwrap_or_else(|| bad("missing column"))
            };
            let int = |i: usize| {
                arg(i)
                    .parse::<i32>()
                    .unwrap_or_else(|_| bad("not a number"))
            };
            let unit = |i: usize| match arg(i) {
                "day" => Unit::Day,
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                _ => bad("unknown unit"),
            };
            match cols[0] {
                "month" if (1..=12).contains(&int(2)) => {
                    k.months.insert(word, int(2) as i8);
                }
                "dayed" if (1..=12).contains(&int(2)) => {
                    k.dayed.insert(word, int(2) as i8);
                }
                "weekday" if (1..=7).contains(&int(2)) => {
                    k.weekdays.insert(word, int(2) as i8);
                }
                "weekend" => k.weekend.push(word),
                "daytime" => k.daytimes.push(word),
                "relative" => {
                    k.relative.insert(word, (unit(2), int(3)));
                }
                "shift" => {
                    k.shifts.insert(word, int(2));
                }
                "unit" => {
                    k.units.insert(word, (unit(2), arg(3) == "pl"));
                }
                "number" => {
                    k.numbers.insert(word, int(2));
                }
                "hedge" => k.hedges.push(word),
                "part" => {
                    if cols.len() > 2 && (1..=7).contains(&int(2)) {
                        k.part_weekdays.insert(word.clone(), int(2) as i8);
                    }
                    k.parts.push(word)
                }
                "season" => {
                    if cols.len() > 2 && (1..=12).contains(&int(2)) {
                        k.season_starts.insert(word.clone(), int(2) as i8);
                    }
                    k.seasons.push(word)
                }
                "future" => k.future.push(word),
                "past" => k.past.push(word),
                "notdate" => k.not_dates.push(word),
                "feast" => {
                    k.feasts.insert(word, int(2) as i16);
                }
                "holiday" if (1..=12).contains(&int(2)) && (1..=31).contains(&int(3)) => {
                    k.holidays.insert(word, (int(2) as i8, int(3) as i8));
                }
                "countnoun" => {
                    k.countnouns.insert(word);
                }
                _ => bad("unknown kind or value out of range"),
            }
        }
        k
    }

    fn shift(&self, stem: &str) -> i32 {
        self.shifts.get(&stem.to_lowercase()).copied().unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------
// Patterns, built from the knowledge

#[derive(Debug, Clone, Copy)]
enum Shape {
    Calendar,
    Numeric,
    Iso,
    Weekday,
    RelWord,
    RelUnit,
    Ago,
    Year,
    /// A holiday on a fixed day ("am Silvesterabend 2013").
    Holiday,
    /// A season without its year ("im Herbst", "im vergangenen Sommer").
    Season,
    /// Phrases that contain a date word but are none ("Welt am Sonntag").
    NotDate,
}

struct Rules {
    shapes: Vec<(Shape, Regex)>,
    /// All shapes in one automaton: one pass tells which shapes to run at all.
    any: RegexSet,
    future: Regex,
    past: Regex,
    perfect: Regex,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::build(&KB));

/// Compiles the date patterns now (see [`super::WARM_UP`]).
pub(super) fn warm_up() {
    LazyLock::force(&RULES);
}

/// ASCII word boundary. Unicode `\b` would make the regex engine give up its
/// fast DFA on every umlaut; the true (Unicode) edges of a whole match are
/// checked in [`find_dates`] instead.
const B: &str = r"(?-u:\b)";

/// Regex alternation of `words`, longest first; spaces match any white space.
/// With `bounded`, a word ending in an ASCII letter must end at a boundary.
fn alt<'a>(words: impl IntoIterator<Item = &'a String>, bounded: bool) -> String {
    let mut ws: Vec<&String> = words.into_iter().collect();
    ws.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    ws.dedup();
    let parts: Vec<String> = ws
        .iter()
        .map(|w| {
            let mut p = regex::escape(w).replace(' ', r"\s+");
            if bounded && w.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                p.push_str(B);
            }
            p
        })
        .collect();
    format!("(?:{})", parts.join("|"))
}

/// Prepositions (with an optional article) that may lead a day, month or
/// weekday phrase.
const PREP: &str =
    r"(?:(?:bis\s+zum|zwischen|am|vom|von|seit|bis|ab|zum|im|für|auf)(?:\s+(?:dem|den))?)";
/// German adjective endings after a shift stem ("letzt" + "en").
const ENDING: &str = r"(?:en|em|er|es|e)?";

impl Rules {
    fn build(k: &Knowledge) -> Rules {
        let months = alt(k.months.keys().chain(k.dayed.keys()), true);
        let wd_b = alt(k.weekdays.keys(), true);
        let wd = alt(k.weekdays.keys(), false);
        let weekend = alt(&k.weekend, true);
        let daytime = alt(&k.daytimes, false);
        let daytime_b = alt(&k.daytimes, true);
        let shift = alt(k.shifts.keys(), false);
        let parts = alt(&k.parts, true);
        let rel = alt(k.relative.keys(), true);
        let sg_units = alt(k.units.iter().filter(|u| !u.1 .1).map(|u| u.0), true);
        let all_units = alt(k.units.keys(), true);
        let numbers = alt(k.numbers.keys(), true);
        let hedges = alt(&k.hedges, true);
        let year_nouns = k.units.iter().filter(|u| u.1 .0 == Unit::Year).map(|u| u.0);
        let year_cues = alt(year_nouns.chain(&k.parts).chain(&k.seasons), true);
        let not_dates = alt(&k.not_dates, true);
        let weekday_lead = format!(r"(?:(?P<wd>{wd_b}),?\s+(?:(?:den|dem)\s+)?)?");
        let day_range = r"(?:\s*(?:-|–|/|bis\s+zum|bis|und)\s*[0-9]{1,2}\.)?";

        let calendar = format!(
            r"(?:(?P<prep>{PREP})\s+)?{weekday_lead}(?:(?P<day>[0-9]{{1,2}})\.{day_range}\s*|(?P<part>{parts})\s+|(?P<mshift>{shift}){ENDING}\s+)?(?P<month>{months})(?:\s+(?P<year>[0-9]{{4}}){B}|\s+(?:des\s+)?(?P<yshift>{shift}){ENDING}\s+jahres{B})?"
        );
        let numeric = format!(
            r"(?:(?P<prep>{PREP})\s+)?{weekday_lead}(?P<day>[0-9]{{1,2}})\.\s?(?P<month>[0-9]{{1,2}})\.(?:\s?(?P<year>[0-9]{{4}})|(?P<yy>[0-9]{{2}}))?"
        );
        // "2024-03-28", also as a timestamp ("2024-03-28T09:15:00+01:00").
        let iso = format!(
            r"(?P<year>[0-9]{{4}})-(?P<month>[0-9]{{2}})-(?P<day>[0-9]{{2}})(?:T[0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?:\.[0-9]+)?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?{B}"
        );
        // "18/07/2024", day first as in Europe, and "2024/07/18".
        let slashes = format!(
            r"(?:(?P<day>[0-9]{{1,2}})/(?P<month>[0-9]{{1,2}})/(?P<year>[0-9]{{4}})|(?P<year2>[0-9]{{4}})/(?P<month2>[0-9]{{2}})/(?P<day2>[0-9]{{2}})){B}"
        );
        // A day without its dot needs a year: "5 März 2024", "05 March 2024";
        // the English order too: "March 5, 2024".
        let calendar_plain = format!(
            r"{weekday_lead}(?:(?P<day>[0-9]{{1,2}})\s+(?P<month>{months})|(?P<month2>{months})\s+(?P<day2>[0-9]{{1,2}}),?)\s+(?P<year>[0-9]{{4}}){B}"
        );
        // 2023.07.28, as KCNA and East Asian outlets write it.
        let iso_dots =
            format!(r"(?P<year>[0-9]{{4}})\.(?P<month>[0-9]{{2}})\.(?P<day>[0-9]{{2}}){B}");
        let weekday = format!(
            r"(?:(?P<prep>{PREP}|in\s+der\s+nacht\s+(?:zum|zu|auf))\s+)?(?:(?P<shift>{shift}){ENDING}\s+)?(?:(?:frühen|späten)\s+)?(?:(?P<wd>{wd}){daytime}?{B}(?:\s+(?P<wshift>{shift}){ENDING}\s+woche{B})?|(?P<we>{weekend}))"
        );
        let rel_word = format!(
            r"(?:(?P<prep>bis\s+zum|seit|bis|ab|von|für|im|zum)\s+)?(?P<word>{rel})(?:\s+{daytime_b})?"
        );
        let rel_unit = format!(
            r"(?:(?P<prep>in\s+der|bis\s+zum|bis\s+zur|im|in|am|bis|seit|ab|zum|zur|zu)\s+)?(?:(?P<part>{parts})\s+(?:(?:des|der)\s+)?)?(?:(?P<shift>{shift}){ENDING}\s+)?(?P<unit>{sg_units})(?:\s+(?P<year>[0-9]{{4}}){B})?"
        );
        let ago = format!(
            r"(?P<dir>vor|in)\s+(?:(?P<hedge>{hedges})\s+)?(?P<n>[0-9]{{1,3}}{B}|{numbers})\s+(?P<unit>{all_units})"
        );
        let year = format!(
            r"(?:(?P<prep>bis\s+zum|seit|bis|ab|von|im|zwischen|zu)\s+)?(?:(?:dem|des|den|der)\s+)?(?:(?P<cue>{year_cues})\s+)?(?P<year>[0-9]{{4}}){B}"
        );
        // "am Silvesterabend 2013", "an Heiligabend": a preposition or a
        // year makes a holiday a date ("Silvester" may be a name).
        let holidays = alt(k.holidays.keys().chain(k.feasts.keys()), true);
        let holiday = format!(
            r"(?:(?P<prep>am|an|zu|bis|seit|vor|nach)\s+(?:dem\s+)?)?(?P<holiday>{holidays})(?:\s+(?P<year>[0-9]{{4}}){B})?"
        );
        // A season with its year is a year phrase; without it, a phrase
        // of its own: "Im Herbst soll ... eröffnet werden".
        let seasons = alt(&k.seasons, true);
        let season = format!(
            r"(?P<prep>im|seit|bis\s+zum|ab|zum|vom)\s+(?:(?P<shift>{shift}){ENDING}\s+)?(?P<season>{seasons}){B}(?:\s+(?:des\s+|dieses\s+)?(?P<yshift>{shift}){ENDING}\s+jahres{B})?"
        );
        let compile = |name: &str, p: &str| {
            Regex::new(&format!("(?i){p}"))
                .unwrap_or_else(|e| panic!("date pattern {name} from data/temporal.tsv: {e}"))
        };
        // A cue is a whole word: a non-word character or the text's edge on
        // each side. Written so instead of with `\b`, since a Unicode `\b`
        // keeps the regex engine off its lazy DFA (the slow engines were 2%
        // of an import's time); for "is there a match" the two are the same.
        let cues = |words: &[String]| format!(r"(?:^|\W)(?:{})(?:\W|$)", alt(words, false));
        let shapes = vec![
            (Shape::Calendar, compile("calendar", &calendar)),
            (Shape::Numeric, compile("numeric", &numeric)),
            (Shape::Iso, compile("iso", &iso)),
            (Shape::Iso, compile("iso with dots", &iso_dots)),
            (Shape::Iso, compile("slashes", &slashes)),
            (
                Shape::Calendar,
                compile("calendar without dot", &calendar_plain),
            ),
            (Shape::Weekday, compile("weekday", &weekday)),
            (Shape::RelWord, compile("relative word", &rel_word)),
            (Shape::RelUnit, compile("relative unit", &rel_unit)),
            (Shape::Ago, compile("ago", &ago)),
            (Shape::Year, compile("year", &year)),
            (Shape::Holiday, compile("holiday", &holiday)),
            (Shape::Season, compile("season", &season)),
            (Shape::NotDate, compile("not a date", &not_dates)),
        ];
        let any = RegexSet::new(shapes.iter().map(|(_, re)| re.as_str()))
            .unwrap_or_else(|e| panic!("date patterns from data/temporal.tsv: {e}"));
        Rules {
            shapes,
            any,
            future: compile("future cues", &cues(&k.future)),
            past: compile("past cues", &cues(&k.past)),
            // "soll ... geliefert haben", "... gewesen sein": reported past;
            // "..., seit er den Vertrag unterzeichnet hat": a perfect at a
            // clause's end.
            perfect: compile(
                "perfect",
                r"(?:^|\W)\p{L}*ge\p{L}{2,}(?:t|en)\s+(?:haben|sein)(?:\W|$)|(?:^|\W)\p{L}{3,}(?:t|en)\s+(?:hat|haben)\s*[,.;]",
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// Resolution

/// A resolved date at its precision. Years are checked to lie in 1..=9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Day(Date),
    Month(i32, i8),
    Year(i32),
    Unresolved,
}

impl When {
    fn render(self) -> (Option<String>, Precision) {
        // Relative phrases near the ends of the calendar (published in year
        // 1, say) can land outside it, where there is no YYYY-MM-DD form.
        let in_range = |y: i32| (1..=9999).contains(&y);
        match self {
            When::Day(d) if in_range(i32::from(d.year())) => (Some(d.to_string()), Precision::Day),
            When::Month(y, m) if in_range(y) => (Some(format!("{y:04}-{m:02}")), Precision::Month),
            When::Year(y) if in_range(y) => (Some(format!("{y:04}")), Precision::Year),
            _ => (None, Precision::Unresolved),
        }
    }
}

enum Verdict {
    Date(When),
    /// Shaped like a date but impossible ("31. Juni"): report nothing, block overlaps.
    Invalid,
    /// Not a temporal expression after all ("August" as a name).
    NotADate,
    /// A listed non-date ("Welt am Sonntag"): nothing overlapping it is a date.
    Veto,
}

fn ok_year(y: i32) -> bool {
    (1..=9999).contains(&y)
}

fn day(y: i32, m: i8, d: i8) -> Option<Date> {
    let y = i16::try_from(y).ok().filter(|&y| ok_year(y.into()))?;
    Date::new(y, m, d).ok()
}

fn month(y: i32, m: i8) -> Verdict {
    if ok_year(y) {
        Verdict::Date(When::Month(y, m))
    } else {
        Verdict::Invalid
    }
}

fn year(y: i32) -> Verdict {
    if ok_year(y) {
        Verdict::Date(When::Year(y))
    } else {
        Verdict::Invalid
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// Which day of a week names its month: a week spanning two months belongs
/// to the one holding its Thursday, and so most of its days, as ISO 8601
/// numbers weeks.
const WEEK_MONTH_DAY: i8 = 4;

/// Moves `n` units away from `p`. A week gives the month of its day
/// `weekday` (1 = Monday), or of the very day `n` weeks away when `None`
/// ("vor etwa zwei Wochen").
fn relative(p: Date, unit: Unit, n: i32, weekday: Option<i8>) -> Verdict {
    let py = i32::from(p.year());
    match unit {
        Unit::Day => {
            add_days(p, n.into()).map_or(Verdict::Invalid, |d| Verdict::Date(When::Day(d)))
        }
        Unit::Week => {
            let from_monday = weekday.map_or(0, |w| {
                i64::from(w - 1) - i64::from(p.weekday().to_monday_zero_offset())
            });
            let day = add_days(p, 7 * i64::from(n) + from_monday);
            day.map_or(Verdict::Invalid, |d| month(d.year().into(), d.month()))
        }
        Unit::Month => {
            let idx = py * 12 + i32::from(p.month()) - 1 + n;
            month(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as i8)
        }
        Unit::Year => year(py + n),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Neutral,
    /// A present-tense verb and no cue: planned, from the publication day on.
    Present,
    Future,
}

struct Ctx<'t, 'c> {
    text: &'t str,
    caps: &'c Captures<'t>,
    start: usize,
    end: usize,
    published: Option<Date>,
    /// The years of the story, the latest named first, for a text without
    /// publication date.
    story_years: &'c [i16],
}

impl<'t> Ctx<'t, '_> {
    /// The group `name`, or `name2` where a pattern has two orders of the
    /// same parts (a regex names each group once).
    fn get(&self, name: &str) -> Option<&'t str> {
        let second = || match name {
            "day" => self.caps.name("day2"),
            "month" => self.caps.name("month2"),
            "year" => self.caps.name("year2"),
            _ => None,
        };
        self.caps.name(name).or_else(second).map(|m| m.as_str())
    }

    fn lookup<V: Copy>(&self, name: &str, map: &HashMap<String, V>) -> Option<V> {
        self.get(name)
            .and_then(|s| map.get(&s.to_lowercase()).copied())
    }

    /// Whether the phrase may be of the story told, not of the future: what
    /// is to come counts from the day of writing, which the story's years do
    /// not tell ("Ihre Außenminister wollen im November erneut
    /// zusammenkommen" after "seit dem Juli 2000").
    fn told(&self) -> bool {
        self.tense() != Tense::Future
    }

    /// Tense of the phrase: "seit" looks back, "ab" forward unless the
    /// sentence has past cues; otherwise the sentence decides when it has cues
    /// of one kind only.
    ///
    /// The phrase's own clause is asked first: in "Eine zweite Gruppe werde
    /// Anfang März reisen, kündigte sie an" the announcing is past, the
    /// journey future. Without cues, a present-tense verb right after a
    /// sentence-initial phrase ("Am Montag empfängt Yoon ...") tells what
    /// is planned: [`Tense::Present`].
    fn tense(&self) -> Tense {
        let prep = self.get("prep").map(str::to_lowercase);
        if prep.as_deref().is_some_and(|p| p.starts_with("seit")) {
            return Tense::Past;
        }
        // "ab Montag", and "für Sonntag" (a day something is set for).
        let ab = prep
            .as_deref()
            .is_some_and(|p| p.starts_with("ab") || (p == "für" && self.get("wd").is_some()));
        let cues = |s: &str| {
            let past = RULES.past.is_match(s) || RULES.perfect.is_match(s);
            match (RULES.future.is_match(s) || ab, past) {
                (true, false) => Tense::Future,
                (false, true) => Tense::Past,
                _ => Tense::Neutral,
            }
        };
        let initial = sentence_initial(self.text, self.start);
        let tense = match cues(clause(self.text, self.start, self.end)) {
            // "Am Sonntagabend reagierte sie: ... werde es erleben": the
            // verb right after the phrase tells, not the words reported.
            Tense::Neutral if initial && past_verb(&self.text[self.end..]) => Tense::Past,
            Tense::Neutral => cues(sentence(self.text, self.start, self.end)),
            decided => decided,
        };
        if tense == Tense::Neutral && initial && present_verb(&self.text[self.end..]) {
            return Tense::Present;
        }
        tense
    }
}

/// Whether `after` (the text after a sentence-initial date phrase) opens
/// with a finite verb in the present tense: a lower-case word ending in
/// "-t" (German puts the verb second, right after the phrase). Past forms
/// ending so ("hielt", "trat") are past cues and decided before; "ist" and
/// "hat" mostly begin a perfect.
fn present_verb(after: &str) -> bool {
    let word = verb_after(after);
    word.starts_with(char::is_lowercase)
        && word.ends_with('t')
        && word.chars().count() > 3
        && !matches!(
            word,
            "ist" | "hat" | "sind" | "nicht" | "erst" | "jetzt" | "zuletzt"
        )
}

/// The first word of `after`, where German puts the finite verb after a
/// sentence-initial phrase.
fn verb_after(after: &str) -> &str {
    after
        .trim_start_matches([',', ' '])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Whether `after` (the text after a sentence-initial date phrase) opens
/// with a finite verb in the simple past of a weak verb: a lower-case word
/// ending in "-te" or "-ten" in the verb's place ("reagierte", "feuerten").
fn past_verb(after: &str) -> bool {
    let word = verb_after(after);
    word.starts_with(char::is_lowercase)
        && (word.ends_with("te") || word.ends_with("ten"))
        && word.chars().count() > 4
}

/// The clause of the sentence containing `start..end`: between the commas,
/// semicolons or colons on either side.
fn clause(text: &str, start: usize, end: usize) -> &str {
    let (s, e) = sentence_range(text, start, end);
    let from = text[s..start]
        .rfind([',', ';', ':'])
        .map_or(s, |i| s + i + 1);
    let to = text[end..e].find([',', ';', ':']).map_or(e, |i| end + i);
    &text[from..to]
}

/// The sentence containing `start..end`: bounded by `!`, `?`, line breaks and
/// periods before white space, except periods after a one- or two-digit
/// number ("am 18. Juli").
fn sentence(text: &str, start: usize, end: usize) -> &str {
    let (s, e) = sentence_range(text, start, end);
    &text[s..e]
}

/// The byte range of [`sentence`].
fn sentence_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let ends_at = |i: usize| match b[i] {
        b'!' | b'?' | b'\n' => true,
        b'.' => {
            let digits = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            b.get(i + 1).is_none_or(u8::is_ascii_whitespace) && !(1..=2).contains(&digits)
        }
        _ => false,
    };
    let s = (0..start).rev().find(|&i| ends_at(i)).map_or(0, |i| i + 1);
    let e = (end..b.len()).find(|&i| ends_at(i)).unwrap_or(b.len());
    (s, e)
}

/// True when nothing but quotes and brackets stand between `at` and the start
/// of the sentence.
fn sentence_initial(text: &str, at: usize) -> bool {
    let before =
        text[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'„“”»«‚‘’(–-".contains(c));
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';'])
}

fn resolve(shape: Shape, c: &Ctx) -> Verdict {
    match shape {
        Shape::Calendar => calendar(c),
        Shape::Numeric | Shape::Iso => numeric(c),
        Shape::Weekday => weekday(c),
        Shape::RelWord => rel_word(c),
        Shape::RelUnit => rel_unit(c),
        Shape::Ago => ago(c),
        Shape::Year => year_in_context(c),
        Shape::Holiday => holiday(c),
        Shape::Season => season(c),
        Shape::NotDate => Verdict::Veto,
    }
}

/// A holiday on a fixed day, as that day and month with or without year.
fn holiday(c: &Ctx) -> Verdict {
    let name = c.get("holiday").map(|h| {
        h.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    });
    if let Some(&offset) = name.as_ref().and_then(|n| KB.feasts.get(n)) {
        return feast(c, offset);
    }
    let Some(&(m, d)) = name.and_then(|n| KB.holidays.get(&n)) else {
        return Verdict::NotADate;
    };
    let y = c.get("year").and_then(|y| y.parse::<i32>().ok());
    if y.is_none() && c.get("prep").is_none() {
        return Verdict::NotADate;
    }
    day_month(c, d, m, y, None, None)
}

/// A feast `offset` days after Easter Sunday ("am Pfingstsonntag"): in the
/// year named, else the latest one on or before publication (the next one
/// for the future), as weekdays are read.
fn feast(c: &Ctx, offset: i16) -> Verdict {
    let on = |y: i32| easter(y).and_then(|e| add_days(e, i64::from(offset)));
    if let Some(y) = c.get("year").and_then(|y| y.parse::<i32>().ok()) {
        return on(y).map_or(Verdict::Invalid, |d| Verdict::Date(When::Day(d)));
    }
    // "an Ostern", "zu Pfingsten" without a year are habits more often
    // than dates.
    if !c.get("prep").is_some_and(|p| p.eq_ignore_ascii_case("am")) {
        return Verdict::NotADate;
    }
    let Some(p) = c.published else {
        return Verdict::Date(When::Unresolved);
    };
    let py = i32::from(p.year());
    let day = match c.tense() {
        Tense::Future => [py, py + 1].into_iter().filter_map(on).find(|d| *d >= p),
        _ => [py, py - 1].into_iter().filter_map(on).find(|d| *d <= p),
    };
    day.map_or(Verdict::Invalid, |d| Verdict::Date(When::Day(d)))
}

/// Easter Sunday of the Gregorian year `y` (the anonymous Gregorian
/// algorithm, "Meeus/Jones/Butcher").
fn easter(y: i32) -> Option<Date> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Date::new(i16::try_from(y).ok()?, (n / 31) as i8, (n % 31 + 1) as i8).ok()
}

/// A season without year, as the year it lies in: "im vergangenen Sommer"
/// the last one begun before publication, "im Herbst" the last begun one
/// when told in the past and the next one not yet over when in the future.
/// Seasons across the turn of a year (winter) stay unresolved, as does any
/// season without a publication date.
fn season(c: &Ctx) -> Verdict {
    let Some(p) = c.published else {
        return Verdict::Date(When::Unresolved);
    };
    let py = i32::from(p.year());
    // "im Winter des vergangenen Jahres": the year says.
    if let Some(s) = c.get("yshift").map(|s| KB.shift(s)) {
        return year(py + s);
    }
    let name = c.get("season").map(str::to_lowercase);
    let Some(&start) = name.as_ref().and_then(|n| KB.season_starts.get(n)) else {
        return Verdict::Date(When::Unresolved);
    };
    // Seasons last three months: begun by publication, and over by it.
    let pm = p.month();
    let begun = start <= pm;
    let over = start + 2 < pm;
    let y = match c.get("shift").map(|s| KB.shift(s)) {
        Some(0) => py,
        Some(s) if s < 0 => py - i32::from(!over) + s + 1,
        Some(s) => py + i32::from(begun) + s - 1,
        None => match c.tense() {
            Tense::Future => py + i32::from(over),
            _ => py - i32::from(!begun),
        },
    };
    year(y)
}

fn calendar(c: &Ctx) -> Verdict {
    let kb = &*KB;
    let dayed = || c.get("day").and_then(|_| c.lookup("month", &kb.dayed));
    let Some(m) = c.lookup("month", &kb.months).or_else(dayed) else {
        return Verdict::NotADate;
    };
    let y = c.get("year").and_then(|y| y.parse::<i32>().ok());
    let yshift = c.get("yshift").map(|s| kb.shift(s));
    let wd = c.lookup("wd", &kb.weekdays);
    match c.get("day").and_then(|d| d.parse::<i8>().ok()) {
        Some(d) => day_month(c, d, m, y, yshift, wd),
        None if wd.is_some() => Verdict::NotADate,
        None => {
            let lead = ["prep", "part", "mshift"]
                .iter()
                .any(|g| c.get(g).is_some());
            if !lead && y.is_none() && yshift.is_none() {
                return Verdict::NotADate;
            }
            if let Some(y) = y {
                return month(y, m);
            }
            let Some(p) = c.published else {
                return match c.story_years.first() {
                    Some(&sy) if yshift.is_none() && c.get("mshift").is_none() && c.told() => {
                        month(i32::from(sy), m)
                    }
                    _ => Verdict::Date(When::Unresolved),
                };
            };
            let py = i32::from(p.year());
            if let Some(s) = yshift {
                return month(py + s, m);
            }
            let pm = p.month();
            let y = match c.get("mshift").map(|s| kb.shift(s)) {
                Some(s) if s < 0 => py - i32::from(m >= pm),
                Some(s) if s > 0 => py + i32::from(m <= pm),
                Some(_) => py,
                None if matches!(c.tense(), Tense::Future | Tense::Present) => {
                    py + i32::from(m < pm)
                }
                None => py - i32::from(m > pm),
            };
            month(y, m)
        }
    }
}

fn numeric(c: &Ctx) -> Verdict {
    let num = |g: &str| c.get(g).and_then(|s| s.parse::<i32>().ok());
    if c.text[c.end..].starts_with(|ch: char| ch.is_ascii_digit()) {
        return Verdict::NotADate;
    }
    let (Some(d), Some(m)) = (num("day"), num("month")) else {
        return Verdict::NotADate;
    };
    // "18.07.24": two-digit years are this century's up to 69.
    let y = num("year").or(num("yy").map(|y| if y < 70 { 2000 + y } else { 1900 + y }));
    let wd = c.lookup("wd", &KB.weekdays);
    if y.is_none() && wd.is_none() && c.get("prep").is_none() {
        return Verdict::NotADate;
    }
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Verdict::Invalid;
    }
    day_month(c, d as i8, m as i8, y, None, wd)
}

/// Day and month, with or without year.
fn day_month(
    c: &Ctx,
    d: i8,
    m: i8,
    y: Option<i32>,
    yshift: Option<i32>,
    wd: Option<i8>,
) -> Verdict {
    let found = |date: Option<Date>| date.map_or(Verdict::Invalid, |d| Verdict::Date(When::Day(d)));
    if let Some(y) = y {
        return found(day(y, m, d));
    }
    // Validate against a leap year first, so "31. Juni" is invalid even
    // without a publication date while "29. Februar" may still be fine.
    if day(2024, m, d).is_none() {
        return Verdict::Invalid;
    }
    let Some(p) = c.published else {
        return match yshift {
            None if !c.story_years.is_empty() && c.told() => in_story_year(c.story_years, m, d, wd),
            _ => Verdict::Date(When::Unresolved),
        };
    };
    let py = i32::from(p.year());
    if let Some(s) = yshift {
        return found(day(py + s, m, d));
    }
    let cands = [py - 1, py, py + 1].map(|y| day(y, m, d));
    let cands = cands.iter().flatten().copied();
    let dist = |x: &Date| {
        p.until(*x)
            .map_or(i64::MAX, |s| i64::from(s.get_days()).abs())
    };
    let named = wd.and_then(|w| Weekday::from_monday_one_offset(w).ok());
    if let Some(w) = named {
        let fits = cands.clone().filter(|x| x.weekday() == w && dist(x) <= 183);
        if let Some(best) = fits.min_by_key(dist) {
            return found(Some(best));
        }
    }
    found(match c.tense() {
        Tense::Past => cands.filter(|x| *x <= p).max(),
        Tense::Future | Tense::Present => cands.filter(|x| *x >= p).min(),
        Tense::Neutral => cands.filter(|x| x.year() <= p.year()).min_by_key(dist),
    })
}

/// A day and month in the story's latest year; with a weekday ("Montag,
/// dem 17. Juni") in the latest of its years where it falls on that
/// weekday, else unresolved. (29 February only exists in some years.)
fn in_story_year(years: &[i16], m: i8, d: i8, wd: Option<i8>) -> Verdict {
    let named = wd.and_then(|w| Weekday::from_monday_one_offset(w).ok());
    let dates = years.iter().filter_map(|&y| day(i32::from(y), m, d));
    let fits = match named {
        Some(w) => dates.clone().find(|date| date.weekday() == w),
        None => dates.clone().next(),
    };
    match fits {
        Some(date) => Verdict::Date(When::Day(date)),
        None if dates.clone().next().is_none() => Verdict::Invalid,
        None => Verdict::Date(When::Unresolved),
    }
}

fn weekday(c: &Ctx) -> Verdict {
    let wd = match c.get("we") {
        Some(_) => Some(6),
        None => c.lookup("wd", &KB.weekdays),
    };
    let Some(w) = wd.and_then(|w| Weekday::from_monday_one_offset(w).ok()) else {
        return Verdict::NotADate;
    };
    let Some(p) = c.published else {
        return Verdict::Date(When::Unresolved);
    };
    // "am Dienstag vergangener Woche": that weekday in the week moved to.
    if let Some(s) = c.get("wshift").map(|s| KB.shift(s)) {
        let monday = i64::from(p.weekday().to_monday_zero_offset());
        let offset = 7 * i64::from(s) - monday + i64::from(w.to_monday_zero_offset());
        return add_days(p, offset).map_or(Verdict::Invalid, |d| Verdict::Date(When::Day(d)));
    }
    let found = match c.get("shift").map(|s| KB.shift(s)) {
        Some(s) if s < 0 => p.nth_weekday(-1, w).ok(),
        Some(s) if s > 0 => p.nth_weekday(1, w).ok(),
        Some(_) => add_days(
            p,
            i64::from(w.to_monday_zero_offset() - p.weekday().to_monday_zero_offset()),
        ),
        None if c.tense() == Tense::Future => p.nth_weekday(1, w).ok(),
        None if p.weekday() == w => Some(p),
        None if c.tense() == Tense::Present => p.nth_weekday(1, w).ok(),
        None => p.nth_weekday(-1, w).ok(),
    };
    match found {
        Some(d) if c.get("we").is_some() => month(d.year().into(), d.month()),
        Some(d) => Verdict::Date(When::Day(d)),
        None => Verdict::Invalid,
    }
}

fn rel_word(c: &Ctx) -> Verdict {
    let Some(word) = c.get("word") else {
        return Verdict::NotADate;
    };
    let Some(&(unit, n)) = KB.relative.get(&word.to_lowercase()) else {
        return Verdict::NotADate;
    };
    // Capitalised "Morgen" inside a sentence is the noun (morning).
    let capital = word.starts_with(char::is_uppercase);
    if word.eq_ignore_ascii_case("morgen")
        && capital
        && c.get("prep").is_none()
        && !sentence_initial(c.text, c.start)
    {
        return Verdict::NotADate;
    }
    match c.published {
        Some(p) => relative(p, unit, n, Some(WEEK_MONTH_DAY)),
        None => Verdict::Date(When::Unresolved),
    }
}

fn rel_unit(c: &Ctx) -> Verdict {
    let Some((unit, _)) = c.lookup("unit", &KB.units) else {
        return Verdict::NotADate;
    };
    let shift = c.get("shift").map(|s| KB.shift(s));
    // "am nächsten Tag" is relative to the story, not to publication.
    if unit == Unit::Day || (shift.is_none() && c.get("part").is_none()) {
        return Verdict::NotADate;
    }
    match (c.get("year").and_then(|y| y.parse().ok()), unit) {
        (Some(y), Unit::Year) => return year(y),
        (Some(_), _) => return Verdict::NotADate,
        (None, _) => {}
    }
    let weekday = c
        .lookup("part", &KB.part_weekdays)
        .unwrap_or(WEEK_MONTH_DAY);
    match c.published {
        Some(p) => relative(p, unit, shift.unwrap_or(0), Some(weekday)),
        None => Verdict::Date(When::Unresolved),
    }
}

fn ago(c: &Ctx) -> Verdict {
    let Some((unit, _)) = c.lookup("unit", &KB.units) else {
        return Verdict::NotADate;
    };
    let n = c
        .get("n")
        .and_then(|n| n.parse::<i32>().ok())
        .or_else(|| c.lookup("n", &KB.numbers));
    let Some(n) = n else {
        return Verdict::NotADate;
    };
    let dir = if c.get("dir").is_some_and(|d| d.eq_ignore_ascii_case("vor")) {
        -1
    } else {
        1
    };
    match c.published {
        // "vor einer Woche" is that very day a week back; "vor etwa zwei
        // Wochen" only its month.
        Some(p) if unit == Unit::Week && c.get("hedge").is_none() => {
            relative(p, Unit::Day, dir * n * 7, None)
        }
        Some(p) => relative(p, unit, dir * n, None),
        None => Verdict::Date(When::Unresolved),
    }
}

/// A year standing alone ("1939 hatten sowjetische Truppen ...", "war er
/// 2019 in der Mongolei"): a number of this century or the last that no
/// noun follows (German nouns are capitalised: "2000 Soldaten" is a count)
/// and no noun ("Resolution 2023"), article ("des 2018 geschlossenen
/// Abkommens"), amount word or number sign precedes.
fn bare_year(c: &Ctx, y: i32) -> bool {
    const AMOUNT: &[&str] = &[
        "rund",
        "etwa",
        "ca",
        "circa",
        "über",
        "unter",
        "knapp",
        "fast",
        "mehr",
        "weniger",
        "insgesamt",
        "nur",
        "bereits",
        "mindestens",
        "höchstens",
        "zirka",
        "nr",
        "nummer",
    ];
    let after = c.text[c.end..].trim_start();
    let mut next = after.chars();
    let next_ok = match next.next() {
        None => true,
        // "2023.07-28", "2023,5": a number goes on.
        Some('.' | ',' | '-') if next.next().is_some_and(|d| d.is_ascii_digit()) => false,
        Some(ch) => ch.is_lowercase() || matches!(ch, '.' | ',' | ';' | ':' | ')' | '–' | '-'),
    };
    let before = c.text[..c.start].trim_end();
    let prev_word = before
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    let prev_lower = prev_word.to_lowercase();
    // The text right before the year itself, after any article the
    // pattern took in ("Der 2018 geschlossene"), and the word ending it.
    let year_at = c.caps.name("year").map_or(c.start, |m| m.start());
    let lead = c.text[..year_at].trim_end();
    let glued = lead.ends_with(|ch: char| ch.is_ascii_digit() || "./,-+§#€$%".contains(ch));
    let lead_word = lead
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    // ", die 1983 in Dienst gestellt worden war", ", der 1965 die Grenze
    // überquerte": after a comma the article is a relative pronoun, and the
    // year its clause's.
    let relative = crate::text::ARTICLES.contains(&lead_word.to_lowercase().as_str())
        && lead[..lead.len() - lead_word.len()]
            .trim_end()
            .ends_with(',');
    let article = year_at != c.start && !relative;
    // "weil Russland 2012 ein Gesetz erlassen hatte": a known name is the
    // subject before the year, not a noun the year labels ("Resolution 2023").
    let known_name = || {
        crate::extract::gazetteer::gazetteer()
            .by_fold(prev_word)
            .is_some()
    };
    // "hatte den Staat 1948 gegründet", "nach dessen Tod 1994 übernahm":
    // a participle or a past verb after it makes the number a year after a
    // noun too ("die Resolution 2023 gilt" stays a number).
    let next_word: String = after.chars().take_while(|ch| ch.is_alphabetic()).collect();
    let participle = next_word.len() > 4
        && ((next_word.starts_with("ge")
            && (next_word.ends_with('t') || next_word.ends_with("en")))
            || next_word.ends_with("iert"));
    let verb_after = participle || KB.past.contains(&next_word);
    (1900..=2099).contains(&y)
        && next_ok
        && !glued
        && !article
        // "des 2018 geschlossenen Abkommens": the year of a noun's attribute
        && !AMOUNT.contains(&prev_lower.as_str())
        && (!crate::text::ARTICLES.contains(&prev_lower.as_str()) || relative)
        && (!prev_word.starts_with(char::is_uppercase)
            || LEADS.contains(&prev_lower.as_str())
            || verb_after
            || known_name())
}

/// Adverbs that open a sentence before a year ("Noch 2017 hatte Moskau
/// ...", "Erst 2019 kam er"): capitalised there, yet no noun.
const LEADS: &[&str] = &[
    "noch",
    "schon",
    "erst",
    "auch",
    "spätestens",
    "frühestens",
    "zuletzt",
    "zuerst",
    "dann",
    "damals",
    "einst",
];

fn year_in_context(c: &Ctx) -> Verdict {
    let cue = c.get("cue");
    let Some(y) = c.get("year").and_then(|y| y.parse::<i32>().ok()) else {
        return Verdict::NotADate;
    };
    if cue.is_none() && c.get("prep").is_none() && !bare_year(c, y) {
        return Verdict::NotADate;
    }
    let after_year_noun = cue.is_some_and(|q| KB.units.contains_key(&q.to_lowercase()));
    let plausible = if after_year_noun {
        1000..=2999
    } else {
        1800..=2199
    };
    let next_word: String = c.text[c.end..]
        .trim_start()
        .chars()
        .take_while(|ch| ch.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if !plausible.contains(&y)
        || KB.countnouns.contains(&next_word)
        || KB.units.contains_key(&next_word)
    {
        return Verdict::NotADate;
    }
    year(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (phrase, value, precision) expected for one mention.
    type Want = &'static [(&'static str, Option<&'static str>, &'static str)];

    /// (input, publication date, expected mentions in order).
    #[rustfmt::skip]
    const CASES: &[(&str, Option<&str>, Want)] = &[
        // --- absolute dates, no publication date needed
        ("Am 18. Juli 2024 traf Putin Kim.", None, &[("Am 18. Juli 2024", Some("2024-07-18"), "day")]),
        ("Das Treffen fand 18. Juli 2024 statt.", None, &[("18. Juli 2024", Some("2024-07-18"), "day")]),
        ("Der Vertrag wurde am 18.07.2024 unterzeichnet.", None, &[("am 18.07.2024", Some("2024-07-18"), "day")]),
        ("Stand: 18.7.2024, 14 Uhr", None, &[("18.7.2024", Some("2024-07-18"), "day")]),
        ("Am 18.07.24 und am 3. 9. 2023 tagte er.", None,
            &[("Am 18.07.24", Some("2024-07-18"), "day"), ("am 3. 9. 2023", Some("2023-09-03"), "day")]),
        ("Version 1.2.345 erschien.", None, &[]),
        ("2024-03-28T09:15:00+01:00", None, &[("2024-03-28T09:15:00+01:00", Some("2024-03-28"), "day")]),
        ("Published 18/07/2024, updated 2024/07/19", None,
            &[("18/07/2024", Some("2024-07-18"), "day"), ("2024/07/19", Some("2024-07-19"), "day")]),
        ("Datum: 31/06/2024", None, &[]),
        ("March 5, 2024 und 05 March 2024 und 5 März 2024", None,
            &[("March 5, 2024", Some("2024-03-05"), "day"), ("05 March 2024", Some("2024-03-05"), "day"),
              ("5 März 2024", Some("2024-03-05"), "day")]),
        ("Erschienen 2024-07-18 in Berlin.", None, &[("2024-07-18", Some("2024-07-18"), "day")]),
        ("Datum: 2023.07.28. Juche 112", None, &[("2023.07.28", Some("2023-07-28"), "day")]),
        ("Version 2023.13.28 und 2023.07-28", None, &[]),
        ("Im Juni 2024 reiste Putin nach Pjöngjang.", None, &[("Im Juni 2024", Some("2024-06"), "month")]),
        ("Juni 2024: Putin in Pjöngjang", None, &[("Juni 2024", Some("2024-06"), "month")]),
        ("Mi, 17. Sep 2025 | 07:15", None, &[("17. Sep 2025", Some("2025-09-17"), "day")]),
        ("Begonnen hatte die Krise am Pfingstsonntag.", Some("2021-05-28"),
            &[("am Pfingstsonntag", Some("2021-05-23"), "day")]),
        ("Am Ostermontag 2024 und an Karfreitag 2000 war es still.", None,
            &[("Am Ostermontag 2024", Some("2024-04-01"), "day"), ("an Karfreitag 2000", Some("2000-04-21"), "day")]),
        ("Am Pfingstmontag reiste er ab.", Some("2021-05-20"), &[("Am Pfingstmontag", Some("2020-06-01"), "day")]),
        ("Am Ostersonntag reiste er ab.", None, &[("Am Ostersonntag", None, "unresolved")]),
        ("Im Sep und im Jun blieb Jan Novak am 3. Okt in Prag.", Some("2025-11-20"),
            &[("am 3. Okt", Some("2025-10-03"), "day")]),
        ("Am 18. Sept. 2023 und im Jänner 2024 gab es Treffen.", None,
            &[("Am 18. Sept. 2023", Some("2023-09-18"), "day"), ("im Jänner 2024", Some("2024-01"), "month")]),
        ("Im Jahr 2022 begann der Krieg, im Jahr 2023 folgte die Offensive.", None,
            &[("Im Jahr 2022", Some("2022"), "year"), ("im Jahr 2023", Some("2023"), "year")]),
        ("Seit 2019 gibt es keine Gespräche.", None, &[("Seit 2019", Some("2019"), "year")]),
        ("Die Lieferungen begannen Anfang 2024 und dauern bis Ende 2025.", None,
            &[("Anfang 2024", Some("2024"), "year"), ("bis Ende 2025", Some("2025"), "year")]),
        ("Die Sanktionen gelten von 2014 bis 2022.", None,
            &[("von 2014", Some("2014"), "year"), ("bis 2022", Some("2022"), "year")]),
        ("Im Sommer 2024 wurde geübt.", None, &[("Im Sommer 2024", Some("2024"), "year")]),
        ("Mitte August 2023 wurde der Vertrag unterzeichnet.", None, &[("Mitte August 2023", Some("2023-08"), "month")]),
        ("Am Montag, 28. April 2025, begann die Übung.", None, &[("Am Montag, 28. April 2025", Some("2025-04-28"), "day")]),
        // --- day and month without year
        ("Am 18. Juli trafen sich die beiden.", Some("2024-07-19"), &[("Am 18. Juli", Some("2024-07-18"), "day")]),
        ("Am 28. Dezember griff Russland Kiew an.", Some("2024-01-05"), &[("Am 28. Dezember", Some("2023-12-28"), "day")]),
        ("Am 3. Januar hatte Kim die Grenze besucht.", Some("2024-12-20"), &[("Am 3. Januar", Some("2024-01-03"), "day")]),
        ("Am 3. Januar begann das Manöver.", Some("2024-12-20"), &[("Am 3. Januar", Some("2024-01-03"), "day")]),
        ("Am 3. Januar wird Kim nach Moskau reisen.", Some("2024-12-20"), &[("Am 3. Januar", Some("2025-01-03"), "day")]),
        ("Am 30. Dezember wurde Kiew beschossen.", Some("2025-01-03"), &[("Am 30. Dezember", Some("2024-12-30"), "day")]),
        ("Am 25. Juli tagt der Rat.", Some("2024-07-19"), &[("Am 25. Juli", Some("2024-07-25"), "day")]),
        ("Am 5. Jänner kam er an.", Some("2024-01-10"), &[("Am 5. Jänner", Some("2024-01-05"), "day")]),
        ("Vom 3. bis 5. März findet das Manöver statt.", Some("2024-03-01"),
            &[("Vom 3. bis 5. März", Some("2024-03-03"), "day")]),
        ("Am Montag, dem 28. April, beginnt die Konferenz.", Some("2024-12-20"),
            &[("Am Montag, dem 28. April", Some("2025-04-28"), "day")]),
        ("Am Montag, dem 28. April, begann die Übung.", Some("2025-05-01"),
            &[("Am Montag, dem 28. April", Some("2025-04-28"), "day")]),
        ("Am 18. Juli vergangenen Jahres unterschrieb er.", Some("2024-07-19"),
            &[("Am 18. Juli vergangenen Jahres", Some("2023-07-18"), "day")]),
        ("Am 18. Juli trafen sich die beiden.", None, &[("Am 18. Juli", None, "unresolved")]),
        ("Bis zum 20.03. läuft die Frist.", Some("2024-03-01"), &[("Bis zum 20.03.", Some("2024-03-20"), "day")]),
        // --- leap days and impossible dates
        ("Am 29. Februar 2024 fiel Schnee.", None, &[("Am 29. Februar 2024", Some("2024-02-29"), "day")]),
        ("Am 29. Februar 2023 fiel Schnee.", None, &[]),
        ("Am 29. Februar fiel Schnee.", Some("2025-03-10"), &[("Am 29. Februar", Some("2024-02-29"), "day")]),
        // --- holidays on a fixed day
        ("Kim ließ das Resort am Silvesterabend 2013 eröffnen.", None,
            &[("am Silvesterabend 2013", Some("2013-12-31"), "day")]),
        ("An Heiligabend schwieg Pjöngjang.", Some("2024-12-27"), &[("An Heiligabend", Some("2024-12-24"), "day")]),
        ("Zu Neujahr sprach Kim.", Some("2025-01-03"), &[("Zu Neujahr", Some("2025-01-01"), "day")]),
        ("Am Silvesterabend sprach Kim.", None, &[("Am Silvesterabend", None, "unresolved")]),
        ("Silvester Stallone drehte in Seoul.", Some("2025-01-03"), &[]),
        // --- seasons without their year
        ("Im Herbst soll in Wladiwostok ein Zentrum eröffnet werden.", Some("2025-03-14"),
            &[("Im Herbst", Some("2025"), "year")]),
        ("Im Herbst hatte er Wladiwostok besucht.", Some("2025-03-14"), &[("Im Herbst", Some("2024"), "year")]),
        ("Im Sommer hatte er Wladiwostok besucht.", Some("2025-07-14"), &[("Im Sommer", Some("2025"), "year")]),
        ("Im vergangenen Sommer reiste er.", Some("2025-07-14"), &[("Im vergangenen Sommer", Some("2024"), "year")]),
        ("Im vergangenen Sommer reiste er.", Some("2025-10-14"), &[("Im vergangenen Sommer", Some("2025"), "year")]),
        ("Im kommenden Frühjahr reist er.", Some("2025-01-14"), &[("Im kommenden Frühjahr", Some("2025"), "year")]),
        ("Im kommenden Frühjahr reist er.", Some("2025-04-14"), &[("Im kommenden Frühjahr", Some("2026"), "year")]),
        ("Im Winter reist er.", Some("2025-01-14"), &[("Im Winter", None, "unresolved")]),
        ("Im Sommer des vergangenen Jahres reiste er.", Some("2025-07-14"),
            &[("Im Sommer des vergangenen Jahres", Some("2024"), "year")]),
        ("Im Herbst letzten Jahres reiste er.", Some("2025-07-14"), &[("Im Herbst letzten Jahres", Some("2024"), "year")]),
        ("Im Winter vergangenen Jahres reiste er.", Some("2025-07-14"), &[("Im Winter vergangenen Jahres", Some("2024"), "year")]),
        ("Im Sommer reist er.", None, &[("Im Sommer", None, "unresolved")]),
        ("Im Sommer 2023 reiste er.", Some("2025-01-14"), &[("Im Sommer 2023", Some("2023"), "year")]),
        ("Am 29. Februar fiel Schnee.", None, &[("Am 29. Februar", None, "unresolved")]),
        ("Am 31. Juni 2024 und am 30. Februar geschah nichts.", Some("2024-07-19"), &[]),
        ("Am 31. Juni geschah nichts, am 31.04.2024 auch nicht.", None, &[]),
        // --- parts of months and years
        ("Ende Juli soll das Parlament abstimmen.", Some("2024-07-19"), &[("Ende Juli", Some("2024-07"), "month")]),
        ("Seit Mitte August ist die Zahl gestiegen.", Some("2024-09-10"), &[("Seit Mitte August", Some("2024-08"), "month")]),
        ("Ende November war es kalt.", Some("2024-03-10"), &[("Ende November", Some("2023-11"), "month")]),
        ("Anfang des Jahres und Ende des Monats gab es Gespräche.", Some("2024-07-19"),
            &[("Anfang des Jahres", Some("2024"), "year"), ("Ende des Monats", Some("2024-07"), "month")]),
        ("Ende vergangenen Jahres und Anfang nächsten Jahres", Some("2024-07-19"),
            &[("Ende vergangenen Jahres", Some("2023"), "year"), ("Anfang nächsten Jahres", Some("2025"), "year")]),
        ("Das soll bis Ende des Jahres geschehen.", Some("2024-07-19"), &[("bis Ende des Jahres", Some("2024"), "year")]),
        // The week of Thursday 2024-08-01 runs from 29 July: its end is in August.
        ("Ende der Woche", Some("2024-08-01"), &[("Ende der Woche", Some("2024-08"), "month")]),
        ("Anfang der Woche", Some("2024-08-01"), &[("Anfang der Woche", Some("2024-07"), "month")]),
        // Last week ran from 26 February to 3 March 2024: its end is in March,
        // its Thursday (29 February) and so the week in February.
        ("Ende vergangener Woche", Some("2024-03-06"), &[("Ende vergangener Woche", Some("2024-03"), "month")]),
        ("vergangene Woche", Some("2024-03-06"), &[("vergangene Woche", Some("2024-02"), "month")]),
        ("vor zwei Wochen", Some("2024-03-13"), &[("vor zwei Wochen", Some("2024-02-28"), "day")]),
        ("vor einer Woche", Some("2024-03-08"), &[("vor einer Woche", Some("2024-03-01"), "day")]),
        ("vor etwa zwei Wochen", Some("2024-03-13"), &[("vor etwa zwei Wochen", Some("2024-02"), "month")]),
        // --- month alone
        ("Im vergangenen Juni traf Putin Kim.", Some("2024-07-10"), &[("Im vergangenen Juni", Some("2024-06"), "month")]),
        ("Im vergangenen Juni traf Putin Kim.", Some("2024-06-20"), &[("Im vergangenen Juni", Some("2023-06"), "month")]),
        ("Im letzten Juni traf Putin Kim.", Some("2024-07-10"), &[("Im letzten Juni", Some("2024-06"), "month")]),
        ("Im Juni traf Putin Kim.", Some("2024-06-20"), &[("Im Juni", Some("2024-06"), "month")]),
        ("Im Juni hatte Putin Pjöngjang besucht.", Some("2024-03-10"), &[("Im Juni", Some("2023-06"), "month")]),
        ("Im Juni will Putin Pjöngjang besuchen.", Some("2024-03-10"), &[("Im Juni", Some("2024-06"), "month")]),
        ("Im Januar will Putin Pjöngjang besuchen.", Some("2024-11-10"), &[("Im Januar", Some("2025-01"), "month")]),
        ("Im kommenden März tagt die Duma.", Some("2024-11-10"), &[("Im kommenden März", Some("2025-03"), "month")]),
        ("Im Juli vergangenen Jahres", Some("2024-07-10"), &[("Im Juli vergangenen Jahres", Some("2023-07"), "month")]),
        ("Im Juni traf Putin Kim.", None, &[("Im Juni", None, "unresolved")]),
        // --- weekdays (2024-07-19 is a Friday, 2024-07-22 a Monday)
        ("Am Freitag traf Putin Kim.", Some("2024-07-19"), &[("Am Freitag", Some("2024-07-19"), "day")]),
        ("Am Samstag hatte es Angriffe gegeben.", Some("2024-07-19"), &[("Am Samstag", Some("2024-07-13"), "day")]),
        ("Freitag griff Russland Charkiw an.", Some("2024-07-22"), &[("Freitag", Some("2024-07-19"), "day")]),
        ("Am Montag wird Kim in Moskau erwartet.", Some("2024-07-19"), &[("Am Montag", Some("2024-07-22"), "day")]),
        ("Am Freitag wird Kim in Moskau erwartet.", Some("2024-07-19"), &[("Am Freitag", Some("2024-07-26"), "day")]),
        ("Am vergangenen Freitag und am kommenden Freitag", Some("2024-07-19"),
            &[("Am vergangenen Freitag", Some("2024-07-12"), "day"), ("am kommenden Freitag", Some("2024-07-26"), "day")]),
        ("Am Freitagabend explodierte ein Depot.", Some("2024-07-22"), &[("Am Freitagabend", Some("2024-07-19"), "day")]),
        // 2024-03-23 is a Saturday: a day something is set for is ahead.
        ("Putin ordnete für Sonntag landesweite Trauer an.", Some("2024-03-23"),
            &[("für Sonntag", Some("2024-03-24"), "day")]),
        // 2024-06-10 is a Monday; the verb after the phrase is past.
        ("Am späten Sonntagabend reagierte sie: Mache Seoul weiter, werde es Folgen geben.", Some("2024-06-10"),
            &[("Am späten Sonntagabend", Some("2024-06-09"), "day")]),
        ("In der Nacht zum Sonntag gab es Alarm.", Some("2024-07-22"),
            &[("In der Nacht zum Sonntag", Some("2024-07-21"), "day")]),
        ("Am Wochenende gab es Proteste.", Some("2024-07-22"), &[("Am Wochenende", Some("2024-07"), "month")]),
        ("Am vergangenen Wochenende gab es Proteste.", Some("2024-08-05"),
            &[("Am vergangenen Wochenende", Some("2024-08"), "month")]),
        ("Am Freitag traf Putin Kim.", None, &[("Am Freitag", None, "unresolved")]),
        ("Freitags wird gebetet, auch an Karfreitag.", Some("2024-07-19"), &[]),
        // --- one-word relatives
        ("Heute trifft Putin Kim, gestern war er in Moskau.", Some("2024-07-19"),
            &[("Heute", Some("2024-07-19"), "day"), ("gestern", Some("2024-07-18"), "day")]),
        ("Vorgestern kam er an, morgen reist er ab, übermorgen ist er zurück.", Some("2024-07-19"),
            &[("Vorgestern", Some("2024-07-17"), "day"), ("morgen", Some("2024-07-20"), "day"), ("übermorgen", Some("2024-07-21"), "day")]),
        ("Gestern Abend explodierte ein Depot.", Some("2024-03-01"), &[("Gestern Abend", Some("2024-02-29"), "day")]),
        ("Die Rakete wurde heute Morgen gestartet.", Some("2024-07-19"), &[("heute Morgen", Some("2024-07-19"), "day")]),
        ("Am Morgen war es ruhig.", Some("2024-07-19"), &[]),
        ("Morgen reist Kim ab.", Some("2024-12-31"), &[("Morgen", Some("2025-01-01"), "day")]),
        ("„Heute ist Russland stärker“, sagte er.", Some("2024-07-19"), &[("Heute", Some("2024-07-19"), "day")]),
        ("Im Vorjahr waren es weniger, seit gestern mehr.", Some("2024-07-19"),
            &[("Im Vorjahr", Some("2023"), "year"), ("seit gestern", Some("2024-07-18"), "day")]),
        ("Gestern griff Russland an, letzte Woche auch.", None,
            &[("Gestern", None, "unresolved"), ("letzte Woche", None, "unresolved")]),
        // --- weeks (2024-08-01 is a Thursday; its week began Monday 2024-07-29)
        ("In der vergangenen Woche gab es Angriffe.", Some("2024-08-01"),
            &[("In der vergangenen Woche", Some("2024-07"), "month")]),
        ("Diese Woche tagt der Rat, nächste Woche die Duma.", Some("2024-08-01"),
            &[("Diese Woche", Some("2024-08"), "month"), ("nächste Woche", Some("2024-08"), "month")]),
        ("Letzte Woche und vergangene Woche", Some("2024-07-19"),
            &[("Letzte Woche", Some("2024-07"), "month"), ("vergangene Woche", Some("2024-07"), "month")]),
        // --- months and years relative to publication
        ("Im vergangenen Monat stiegen die Preise.", Some("2024-01-15"), &[("Im vergangenen Monat", Some("2023-12"), "month")]),
        ("Letzten Monat und vergangenen Monat", Some("2024-07-19"),
            &[("Letzten Monat", Some("2024-06"), "month"), ("vergangenen Monat", Some("2024-06"), "month")]),
        ("Nächsten Monat beginnt die Übung.", Some("2024-12-10"), &[("Nächsten Monat", Some("2025-01"), "month")]),
        ("Im vergangenen Jahr, letztes Jahr und im letzten Jahr", Some("2024-07-19"),
            &[("Im vergangenen Jahr", Some("2023"), "year"), ("letztes Jahr", Some("2023"), "year"), ("im letzten Jahr", Some("2023"), "year")]),
        ("Dieses Jahr, in diesem Jahr und im kommenden Jahr", Some("2024-07-19"),
            &[("Dieses Jahr", Some("2024"), "year"), ("in diesem Jahr", Some("2024"), "year"), ("im kommenden Jahr", Some("2025"), "year")]),
        // --- "vor ..." and "in ..."
        ("Vor zwei Wochen begann die Offensive.", Some("2024-08-01"), &[("Vor zwei Wochen", Some("2024-07-18"), "day")]),
        ("Vor drei Tagen begann die Offensive.", Some("2024-03-02"), &[("Vor drei Tagen", Some("2024-02-28"), "day")]),
        ("Vor einem Monat begann die Offensive.", Some("2024-03-31"), &[("Vor einem Monat", Some("2024-02"), "month")]),
        ("Vor zwei Jahren und vor 24 Jahren", Some("2024-07-19"),
            &[("Vor zwei Jahren", Some("2022"), "year"), ("vor 24 Jahren", Some("2000"), "year")]),
        ("Vor etwa zwölf Jahren kam er an.", Some("2024-07-19"), &[("Vor etwa zwölf Jahren", Some("2012"), "year")]),
        ("In drei Tagen läuft das Ultimatum ab.", Some("2024-12-30"), &[("In drei Tagen", Some("2025-01-02"), "day")]),
        ("Vor zwei Jahren begann die Offensive.", None, &[("Vor zwei Jahren", None, "unresolved")]),
        // --- tense from prepositions and reported speech (2024-11-15 is a Friday)
        ("Russland soll am 18. Juli Raketen geliefert haben.", Some("2024-11-15"), &[("am 18. Juli", Some("2024-07-18"), "day")]),
        ("Russland soll am 18. Juli Raketen liefern.", Some("2024-11-15"), &[("am 18. Juli", Some("2025-07-18"), "day")]),
        ("Die Soldaten sollen seit Oktober in Kursk kämpfen.", Some("2024-11-15"), &[("seit Oktober", Some("2024-10"), "month")]),
        ("Seit dem 1. Dezember gilt das Gesetz.", Some("2024-11-15"), &[("Seit dem 1. Dezember", Some("2023-12-01"), "day")]),
        ("Ab Montag gelten neue Regeln.", Some("2024-11-15"), &[("Ab Montag", Some("2024-11-18"), "day")]),
        // --- more shapes
        ("Die Übung dauert vom 21. bis zum 25. August.", Some("2024-09-01"),
            &[("vom 21. bis zum 25. August", Some("2024-08-21"), "day")]),
        ("Die Übung vom 18./19. Juli war groß.", Some("2024-09-01"), &[("vom 18./19. Juli", Some("2024-07-18"), "day")]),
        ("Seit dem 24. Februar 2022 herrscht Krieg.", None, &[("Seit dem 24. Februar 2022", Some("2022-02-24"), "day")]),
        ("Im Laufe des Jahres, bis Jahresende und Ende des Jahres 2023", Some("2024-07-19"),
            &[("Im Laufe des Jahres", Some("2024"), "year"), ("bis Jahresende", Some("2024"), "year"), ("Ende des Jahres 2023", Some("2023"), "year")]),
        ("In dieser Woche und heute Nacht", Some("2024-07-19"),
            &[("In dieser Woche", Some("2024-07"), "month"), ("heute Nacht", Some("2024-07-19"), "day")]),
        ("Übermorgen reist er ab.", Some("2024-07-19"), &[("Übermorgen", Some("2024-07-21"), "day")]),
        ("Der Imam Freitag predigte.", Some("2024-07-22"), &[("Freitag", Some("2024-07-19"), "day")]),
        // --- present tense right after the phrase plans; the clause's own cues decide
        // 2024-05-24 is a Friday
        ("Am Montag empfängt Yoon in Seoul Kishida.", Some("2024-05-24"), &[("Am Montag", Some("2024-05-27"), "day")]),
        ("Am Freitag verhängt Seoul Sanktionen.", Some("2024-05-24"), &[("Am Freitag", Some("2024-05-24"), "day")]),
        ("Am Montag hielt Yoon eine Rede.", Some("2024-05-24"), &[("Am Montag", Some("2024-05-20"), "day")]),
        ("Am Montag ist Yoon in Seoul gelandet.", Some("2024-05-24"), &[("Am Montag", Some("2024-05-20"), "day")]),
        ("Im Juni reist Kim nach Moskau.", Some("2024-05-24"), &[("Im Juni", Some("2024-06"), "month")]),
        ("Eine Gruppe werde Anfang März reisen, kündigte sie an.", Some("2024-02-09"),
            &[("Anfang März", Some("2024-03"), "month")]),
        ("Sie kündigte am Montag an, sie werde reisen.", Some("2024-05-24"), &[("am Montag", Some("2024-05-20"), "day")]),
        ("Seit er am 19. Juni einen Vertrag unterzeichnet hat, ist alles anders.", Some("2024-02-09"),
            &[("am 19. Juni", Some("2023-06-19"), "day")]),
        // --- a weekday of a named week (2024-07-29 is a Monday)
        ("Er landete am Dienstag vergangener Woche.", Some("2024-07-29"),
            &[("am Dienstag vergangener Woche", Some("2024-07-23"), "day")]),
        ("Er kommt am Freitag nächster Woche.", Some("2024-07-29"),
            &[("am Freitag nächster Woche", Some("2024-08-09"), "day")]),
        // --- things that look like dates but are none
        ("Er sagte der „Welt am Sonntag“, im heute-journal und am Ostermontag.", Some("2024-07-19"),
            &[("am Ostermontag", Some("2024-04-01"), "day")]),
        ("In den 2000er-Jahren und den 1990er Jahren", Some("2024-07-19"), &[]),
        // --- not dates
        ("Rund 10.000 Soldaten kamen zum 75. Jahrestag.", Some("2024-07-19"), &[]),
        ("Er war 24 Jahre alt und blieb drei Tage, eineinhalb Stunden lang.", Some("2024-07-19"), &[]),
        ("Zum 75. Jubiläum kam er nach 24 Jahren zurück.", Some("2024-07-19"), &[]),
        ("Im letzten Jahrhundert, seit Jahren und in den letzten Jahren", Some("2024-07-19"), &[]),
        ("Seit 2000 Jahren, um 2000 Euro, bis 2000 Soldaten", Some("2024-07-19"), &[]),
        ("2023 war schwer; die Resolution 2023 gilt.", Some("2024-07-19"), &[("2023", Some("2023"), "year")]),
        ("Zuletzt war er 2019 in der Mongolei, rund 2019 Soldaten auch.", None, &[("2019", Some("2019"), "year")]),
        ("Noch 2017 hatte Moskau zugestimmt, Resolution 2017 auch.", None, &[("2017", Some("2017"), "year")]),
        ("Es kamen 2000 Besucher und 1.2019 Punkte.", None, &[]),
        ("Der 2018 geschlossene Vertrag gilt.", None, &[]),
        ("Die Moskwa, die 1983 in Dienst gestellt worden war, sank.", None, &[("1983", Some("1983"), "year")]),
        ("Kritik kam, weil Russland 2012 ein Gesetz erließ; Resolution 2012 nicht.", None, &[("2012", Some("2012"), "year")]),
        ("Er hatte den Staat 1948 gegründet, nach dessen Tod 1994 übernahm sein Sohn.", None, &[("1948", Some("1948"), "year"), ("1994", Some("1994"), "year")]),
        ("Es war Jenkins, der 1965 die Grenze überquerte; der 2018 geschlossene Vertrag nicht.", None, &[("der 1965", Some("1965"), "year")]),
        ("August der Starke und am nächsten Tag", Some("2024-07-19"), &[]),
        ("Version 1.2.3 kostet 3.5 Prozent mehr.", Some("2024-07-19"), &[]),
    ];

    fn date(s: &str) -> Date {
        s.parse().expect("test date")
    }

    #[test]
    fn table() {
        assert!(CASES.len() >= 50, "only {} cases", CASES.len());
        let mut failures = Vec::new();
        for (input, published, want) in CASES {
            let found = find_dates(input, published.map(date));
            for m in &found {
                assert_eq!(&input[m.start..m.end], m.text, "offsets in {input:?}");
            }
            let got: Vec<(&str, Option<&str>, &str)> = found
                .iter()
                .map(|m| (m.text.as_str(), m.value.as_deref(), m.precision.as_str()))
                .collect();
            if got != *want {
                failures.push(format!(
                    "{input:?} published {published:?}\n  got  {got:?}\n  want {want:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn offsets_slice_the_input() {
        let inputs = [
            "Größere Übungen gab es „übermorgen“ – und am 3. März 2024 in Pjöngjang.",
            "Für Südkorea: Äußerungen vom 18. Juli, danach gestern Abend Ärger.",
            "😀 Ein Emoji, dann vor zwei Wochen, dann Mitte August.",
        ];
        for input in inputs {
            let found = find_dates(input, Some(date("2024-07-19")));
            assert_eq!(found.len(), 2, "{input}: {found:?}");
            let mut last_end = 0;
            for m in &found {
                assert_eq!(&input[m.start..m.end], m.text);
                assert!(m.start >= last_end, "overlap in {input}");
                last_end = m.end;
            }
        }
        let found = find_dates(inputs[0], None);
        assert_eq!(found[1].text, "am 3. März 2024");
        assert_eq!(found[1].start, inputs[0].find("am 3.").expect("in input"));
    }

    #[test]
    fn precision_names() {
        assert_eq!(Precision::Day.as_str(), "day");
        assert_eq!(Precision::Month.as_str(), "month");
        assert_eq!(Precision::Year.as_str(), "year");
        assert_eq!(Precision::Unresolved.as_str(), "unresolved");
    }

    #[test]
    fn knowledge_file_is_complete() {
        let kb = &*KB;
        assert_eq!(kb.months.values().collect::<HashSet<_>>().len(), 12);
        assert_eq!(kb.weekdays.values().collect::<HashSet<_>>().len(), 7);
        for w in ["heute", "gestern", "vorgestern", "morgen", "übermorgen"] {
            assert!(kb.relative.contains_key(w), "{w}");
        }
        for w in [
            "wird",
            "werden",
            "soll",
            "sollen",
            "will",
            "plant",
            "geplant",
            "kommenden",
            "nächsten",
        ] {
            assert!(kb.future.iter().any(|f| f == w), "{w}");
        }
    }

    #[test]
    fn text_without_dates_is_cheap_and_empty() {
        let text = "Die Delegation aus Nordkorea sprach über Äpfel, Öl und Sanktionen. ".repeat(50);
        assert!(find_dates(&text, Some(date("2024-07-19"))).is_empty());
        assert!(find_dates("", None).is_empty());
    }

    #[test]
    fn a_weekday_picks_the_story_year_it_falls_in() {
        let value = |text: &str, years: &[i16]| {
            let found = find_dates_in_story(text, None, years);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            found[0].value.clone()
        };
        // 12 February 2024 is a Monday, 12 February 2006 a Sunday.
        let monday = "Am Montag, dem 12. Februar, flog die Gruppe zurück.";
        assert_eq!(value(monday, &[2006, 2024]).as_deref(), Some("2024-02-12"));
        assert_eq!(value(monday, &[2006]), None);
        // Without a weekday the latest year named is the story's.
        let day = "Am 12. Februar flog die Gruppe zurück.";
        assert_eq!(value(day, &[2006, 2024]).as_deref(), Some("2006-02-12"));
        // 29 February exists in 2024, not in 2023.
        let leap = "Am 29. Februar flog die Gruppe zurück.";
        assert_eq!(value(leap, &[2023, 2024]).as_deref(), Some("2024-02-29"));
        // A publication date wins over the story's years.
        let published = find_dates_in_story(day, Some(date("2023-03-01")), &[2006]);
        assert_eq!(published[0].value.as_deref(), Some("2023-02-12"));
        // What is to come counts from the day of writing, not the story.
        let future = "Ihre Außenminister wollen im November erneut zusammenkommen.";
        assert_eq!(value(future, &[2000]), None);
        assert_eq!(
            value("Im November trafen sie sich erneut.", &[2000]).as_deref(),
            Some("2000-11")
        );
    }
}
