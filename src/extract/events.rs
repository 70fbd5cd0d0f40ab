//! Events: what happened, who took part, where and when.
//!
//! A sentence with an event trigger (`data/events.tsv`) gives an event whose
//! participants are the entities mentioned in that sentence, whose place is a
//! location named after "in", "nach", "bei" or "auf", and whose date is the
//! first date phrase of the sentence, resolved against the publication date.
//! A sentence without a date phrase takes the paragraph's last date. Without
//! any, a lead sentence happened on the publication day, and words said
//! (statements, announcements, calls) outside background were said in the
//! publication month (precision month, no `date_text`). Everything else, and
//! a date phrase that cannot be resolved, gives an unresolved event: the
//! import date is never a stand-in, and without a publication date nothing
//! is inferred.
//!
//! Beyond the sentence's own names:
//! * role phrases ("der frühere Präsident", "die beiden Außenminister",
//!   "beide") stand for the people named just before ([`coref`]);
//! * a later clause with a trigger and a date of its own ("..., den beide im
//!   Januar unterzeichnet hatten") is a second event ([`clauses`]);
//! * a subordinate clause with a date of its own ("Koryo Tours, das im
//!   Jänner 2020 seine letzte Gruppe ins Land gebracht hatte", "..., wie das
//!   Weiße Haus Anfang Januar mitteilte") tells its own happening
//!   ([`subordinate`]), and its date is not the main clause's;
//! * people named with a participation cue ("An dem Treffen nahm auch X
//!   teil", "Delegationsleiter X") join the gathering told just before;
//! * a lead sentence without a date takes the recent day its paragraph names;
//! * grammar cues ([`grammar`]) keep a relative clause's date, a trigger used
//!   as an adjective and an occasion ("zum Jahrestag") from deciding, and let
//!   a capital as subject act for its government.
//!
//! Sentences of one article that report the same happening become one
//! event; [`same_happening`] is also what the store uses to merge events
//! across articles.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

mod clauses;
mod coref;
mod grammar;
mod same;
mod subordinate;
mod word_start;

pub use same::{
    better_date, casts_meet, formal_kind, kind_group, same_happening, signature, signature_by,
    spoken, Cast, Signature,
};

use super::dates::{find_dates, find_dates_in_story, DateMention, Precision};
use super::{Entity, EntityKind};
use clauses::{clause, coordinated_date, second_clause, take_part};
use grammar::{
    acting_place, after_phrase, after_place_preposition, attributive_participle, clause_opener,
    frame_phrase, in_relative_clause, occasion_phrase, Phrases,
};
use subordinate::{dated_subordinates, outside, relative_subordinates};
use word_start::WordStarts;

/// One event as reported by one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; None when unresolved.
    pub date: Option<String>,
    pub precision: Precision,
    /// The phrase the date came from.
    pub date_text: Option<String>,
    pub summary: String,
    /// Index into the article's entities.
    pub location: Option<usize>,
    /// Entity index and role.
    pub participants: Vec<(usize, &'static str)>,
    /// The sentence that reports it.
    pub evidence: String,
}

struct Triggers {
    /// The event kind of each trigger pattern.
    kinds: Vec<String>,
    /// The patterns of `kinds`, in its order.
    matcher: WordStarts,
    /// Kinds that may have places but no people or organizations.
    concrete: Vec<String>,
    /// Words that start like a trigger but are none (lower case).
    not_trigger: Vec<String>,
    /// Words saying that the people named with them took part in a gathering
    /// reported before ("An dem Treffen nahm ... teil", "Delegationsleiter").
    cues: Option<WordStarts>,
    /// Kinds that people can take part in that way.
    gathering: Vec<String>,
    /// Words moving a sentence off the paragraph's date (lower case).
    time_shift: Vec<String>,
    /// Pluperfect auxiliaries ("hatte") and flashback words ("zuvor"): such
    /// a sentence tells background, and its date does not carry on to the
    /// sentences after it.
    background: Vec<String>,
    /// Phrases dating a sentence relative to the paragraph's day
    /// ("tags zuvor" -1, "am selben Tag" 0), lower case.
    relative_days: Vec<(String, i64)>,
    /// The phrases of `relative_days`, in its order.
    relative_phrases: Phrases,
    /// Phrases placing a sentence at the happening the sentence before told
    /// ("dabei", "bei dieser Gelegenheit"), lower case.
    occasion: Phrases,
    /// Words opening a sentence that adds to the story at its day
    /// ("zudem", "außerdem"), lower case.
    continuation: Vec<String>,
}

/// Compiles the trigger patterns now (see [`super::WARM_UP`]).
pub(super) fn warm_up() {
    LazyLock::force(&TRIGGERS);
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut t = Triggers {
        kinds: Vec::new(),
        matcher: WordStarts::default(),
        concrete: Vec::new(),
        not_trigger: Vec::new(),
        cues: None,
        gathering: Vec::new(),
        time_shift: Vec::new(),
        background: Vec::new(),
        relative_days: Vec::new(),
        relative_phrases: Phrases::new(&[]),
        occasion: Phrases::new(&[]),
        continuation: Vec::new(),
    };
    let mut patterns = Vec::new();
    let lines = include_str!("../../data/events.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'));
    // Word lists are compared with text lowered by `lower_keep_len`, which
    // writes "ß" as "ss".
    let folded = |pattern: &str| -> Vec<String> {
        pattern
            .split('|')
            .map(|w| w.to_lowercase().replace('ß', "ss"))
            .collect()
    };
    for (kind, pattern) in lines {
        let list = match kind {
            "concrete" => Some(&mut t.concrete),
            "gathering" => Some(&mut t.gathering),
            _ => None,
        };
        if let Some(list) = list {
            *list = pattern.split('|').map(str::to_string).collect();
            continue;
        }
        let words = match kind {
            "not-trigger" => Some(&mut t.not_trigger),
            "background" => Some(&mut t.background),
            "continuation" => Some(&mut t.continuation),
            "time-shift" => Some(&mut t.time_shift),
            _ => None,
        };
        if let Some(words) = words {
            *words = folded(pattern);
            continue;
        }
        if kind == "occasion" {
            t.occasion = Phrases::new(&folded(pattern));
            continue;
        }
        if let Some(days) = kind.strip_prefix("relative-day") {
            let days: i64 = days.trim().parse().unwrap_or_else(|e| {
                panic!("data/events.tsv: {kind}: the day offset is not a number: {e}")
            });
            t.relative_days
                .extend(folded(pattern).into_iter().map(|p| (p, days)));
            continue;
        }
        // Matched against a lower-cased copy of the text (see `lower_keep_len`),
        // so the patterns are lower-cased here and need no (?i), which with
        // Unicode classes makes the regex engine rebuild its DFA constantly.
        // No \b either: Unicode word boundaries force the slow engines on
        // German text. The start is checked by hand in `triggers`, and the
        // match runs on to the end of its word, which `not-trigger` words
        // ("Besucher", "Treffer") then rule out.
        // An ASCII \b, as in the cleaning rules: a Unicode one sends the
        // whole trigger to the regex engine's slowest matcher (50 times
        // slower on German text).
        let pattern = word_gaps(pattern)
            .to_lowercase()
            .replace('ß', "ss")
            .replace(r"\w", LETTER)
            .replace(r"\b", r"(?-u:\b)");
        let pattern = format!(r"(?:{pattern}){LETTER}*");
        if kind == "participation" {
            let cues = WordStarts::new(&[pattern], DFA_SIZE_LIMIT)
                .unwrap_or_else(|e| panic!("data/events.tsv: {kind}: {e}"));
            t.cues = Some(cues);
            continue;
        }
        patterns.push(pattern);
        t.kinds.push(kind.trim().to_string());
    }
    let relative: Vec<String> = t.relative_days.iter().map(|(p, _)| p.clone()).collect();
    t.relative_phrases = Phrases::new(&relative);
    t.matcher = WordStarts::new(&patterns, DFA_SIZE_LIMIT)
        .unwrap_or_else(|e| panic!("data/events.tsv: triggers: {e}"));
    t
});

/// Room for each trigger's automaton: the larger triggers need more than
/// the regex engine's default.
const DFA_SIZE_LIMIT: usize = 32 << 20;

/// A letter of lower-cased German text, as trigger patterns continue a
/// word ("besuch\w*"). Not `\p{L}`: the Unicode class compiled into every
/// `\w` of every trigger cost megabytes of automaton (and of lazy-DFA cache
/// per thread), and German words need only these.
const LETTER: &str = r"[a-zäöüßàáâãåçèéêëìíîïñòóôõøùúûýÿœæšžčćřłńśźżğışđ]";

/// Expands each "<N words>" of a trigger pattern into a gap of at most N
/// words before the next part. A gap counted in words, not characters, keeps
/// each trigger's automaton small: "[^.!?\n]{0,80}" unrolled eighty Unicode
/// classes and cost megabytes per pattern. A word is any bytes but white
/// space and sentence ends (the triggers match bytes): a Unicode class, even
/// a negated one, is many automaton states each time it is unrolled.
fn word_gaps(pattern: &str) -> String {
    static GAP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<(\d+) words>").unwrap_or_else(|e| panic!("{e}")));
    // A day's number with its dot ("am 3. März") stays inside the sentence.
    GAP.replace_all(pattern, r"(?:(?:(?-u:[^\s.!?])+|[0-9]{1,2}\.)\s+){0,$1}?")
        .into_owned()
}

/// The pseudo-kind of `data/events.tsv` for words that repeat the trigger
/// before them in the sentence ("folgte", "zog nach").
const FOLLOWS: &str = "follows";

/// The events of one article, whose sentences are `spans`
/// ([`crate::text::sentences`]). `headlined` are the people the article's
/// title names.
pub fn events(
    body: &str,
    spans: &[(usize, usize)],
    published: Option<Date>,
    entities: &[Entity],
    mentions: &[(usize, usize, usize)],
    headlined: &[usize],
) -> Vec<Event> {
    let scanned = scan_sentences(body, spans.to_vec(), published);
    events_scanned(body, scanned, published, entities, mentions, headlined)
}

/// What [`events`] reads of a body before it needs the article's names:
/// its sentences, trigger words, cues and dates. An import finds them for a
/// group of articles in one go (see `import::prepare`).
pub struct Scan {
    /// The body's sentences ([`crate::text::sentences`]).
    pub spans: Vec<(usize, usize)>,
    /// The body lower-cased, with its offsets.
    lower: String,
    /// Triggers as (start, kind).
    triggers: Vec<(usize, usize)>,
    /// Cue words as (start, end).
    cues: Vec<(usize, usize)>,
    /// The dates each sentence names.
    dates: Vec<Vec<DateMention>>,
}

/// Finds the sentences, triggers, cues and dates of `body`, an article
/// published on `published`.
pub fn scan(body: &str, published: Option<Date>) -> Scan {
    scan_sentences(body, crate::text::sentences(body), published)
}

/// [`scan`] of a body whose sentences are `spans`.
fn scan_sentences(body: &str, spans: Vec<(usize, usize)>, published: Option<Date>) -> Scan {
    let lower = lower_keep_len(body);
    let triggers = triggers(body, &lower);
    let cues: Vec<(usize, usize)> = TRIGGERS
        .cues
        .as_ref()
        .map(|cues| {
            word_matches(cues, body, &lower)
                .into_iter()
                .map(|(s, e, _)| (s, e))
                .collect()
        })
        .unwrap_or_default();
    let anchors = story_anchors(body, published);
    let dates = spans
        .iter()
        .map(|&(s, e)| sentence_dates(body, s, e, published, &story_years(&anchors, s)))
        .collect();
    Scan {
        spans,
        lower,
        triggers,
        cues,
        dates,
    }
}

/// [`events`] with the body's [`Scan`] made already.
pub fn events_scanned(
    body: &str,
    scanned: Scan,
    published: Option<Date>,
    entities: &[Entity],
    mentions: &[(usize, usize, usize)],
    headlined: &[usize],
) -> Vec<Event> {
    let reporters = reporters(entities);
    let Scan {
        spans,
        lower,
        triggers,
        cues,
        dates: mut sentence_dates,
    } = scanned;
    let spans = &spans[..];
    let found: Vec<(usize, usize)> = triggers
        .into_iter()
        .filter(|&(at, _)| !attributive_participle(body, at, mentions))
        .collect();
    let paragraphs = paragraph_numbers(body, spans);
    // The lead runs to the end of the first paragraph of prose; headline,
    // kicker and subtitle lines above it (no full stop) report the same news.
    let lead_paragraph = spans
        .iter()
        .position(|&(s, e)| {
            body[s..e]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '“', '”', '»', '«'])
        })
        .map_or(0, |n| paragraphs[n]);
    let persons: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| entities[m.2].kind == EntityKind::Person)
        .map(|m| (m.0, m.2))
        .collect();
    // Men and people of unknown sex: whom "er" or "der Minister" can mean;
    // the women: whom "sie" can.
    let women = women(body, entities, mentions);
    let (female, men): (Vec<_>, Vec<_>) =
        persons.iter().copied().partition(|p| women.contains(&p.1));
    let headlined_men: Vec<usize> = headlined
        .iter()
        .filter(|i| !women.contains(i))
        .copied()
        .collect();
    let ctx = Context {
        body,
        entities,
        mentions,
        reporters: &reporters,
        persons: &persons,
        men: &men,
        women: &female,
        headlined,
        headlined_men: &headlined_men,
        published,
    };
    let mut out: Vec<(usize, Event)> = Vec::new();
    // The narrative date: the last date named earlier in the paragraph.
    let mut narrative: Option<DateMention> = None;
    // The last day the article's narrative named, in any paragraph: what
    // "tags zuvor" counts from when its own paragraph names no date.
    let mut story_day: Option<DateMention> = None;
    // The last day the article named itself, however the story moved on.
    let mut named_day: Option<DateMention> = None;
    // The date the sentence before was told at, background or not.
    let mut previous: Option<DateMention> = None;
    // The day the sentence before named in its main clause, if any.
    let mut previous_named: Option<DateMention> = None;
    let mut previous_carried: Option<DateMention> = None;
    // Whether the current paragraph opened as background (see below).
    let mut aside = false;
    // The day the paragraph's last flashback named, for the deeds after it.
    let mut aside_day: Option<DateMention> = None;
    // The day of the last live-ticker stamp ("13:50 Uhr: …"): its entry,
    // over the lines below the stamp, tells of that day.
    let mut ticker: Option<DateMention> = None;
    for (n, &(s, e)) in spans.iter().enumerate() {
        let sentence = &body[s..e];
        if n > 0 && paragraphs[n] != paragraphs[n - 1] {
            narrative = None;
            aside_day = None;
        }
        // (The sentences after it keep theirs: `lead_date` reads them.)
        let mut dates = std::mem::take(&mut sentence_dates[n]);
        // "Einen Tag später bestätigte Roskosmos den Verlust: Der Kontakt
        // sei am Samstag abgerissen": what a report says after its colon is
        // dated there, not the report.
        // (Reported: in the subjunctive. "…, dem Spionage vorgeworfen wird:
        // 1986 war Daniloff festgenommen worden" goes on telling.)
        let reported_from = sentence.find(':').filter(|&colon| {
            found
                .iter()
                .any(|&(pos, k)| (s..s + colon).contains(&pos) && spoken(&TRIGGERS.kinds[k]))
                && subjunctive(&lower[s + colon..e])
        });
        // What the report says, dated on its own, is told apart below.
        let mut reported = None;
        if let Some(colon) = reported_from {
            reported = dates
                .iter()
                .find(|d| d.start > colon && d.value.is_some())
                .map(|d| subordinate::Subordinate {
                    start: colon + 1,
                    end: sentence.len(),
                    body: colon + 1,
                    relative: false,
                    date: d.clone(),
                });
            dates.retain(|d| d.start < colon);
        }
        // Clauses dated on their own ("..., das im Jänner 2020 seine Grenzen
        // geschlossen hatte") tell their own happening, not the sentence's.
        let mut subs = dated_subordinates(sentence, &dates);
        let relative_subs = relative_subordinates(sentence, &lower[s..e], &dates, &subs);
        subs.extend(relative_subs);
        subs.extend(reported);
        subs.sort_by_key(|c| c.start);
        let in_sub = |d: &DateMention| subs.iter().any(|c| c.holds(d.start));
        // "seit 2019" says since when something lasts, not when it happened.
        let own = dates
            .iter()
            .find(|d| d.value.is_some() && !since(sentence, d))
            .cloned();
        // The main clause's own date, outside the dated subordinate clauses.
        let main_own = dates
            .iter()
            .find(|d| d.value.is_some() && !since(sentence, d) && !in_sub(d))
            .cloned();
        let lower_sentence = &lower[s..e];
        let words: Vec<&str> = lower_sentence
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        let says = |list: &[String]| words.iter().any(|w| list.iter().any(|t| t == w));
        let clock = clock_time(sentence, lower_sentence);
        let relative = relative_phrase(lower_sentence).or(clock.as_ref());
        let shifted = says(&TRIGGERS.time_shift) && relative.is_none();
        let background = says(&TRIGGERS.background);
        // A date phrase of its own that cannot be resolved ("am Dienstag"
        // without a publication date) still says the paragraph's date is
        // not this sentence's.
        // "Dabei kündigte er an": at the happening just told, even when
        // that was background.
        let occasion = TRIGGERS.occasion.any_whole(lower_sentence);
        // "Zudem ist der Vulkan ... ausgebrochen": a sentence adding to the
        // story goes on at its day, in a new paragraph too.
        let continued = !background
            && relative.is_none()
            && words
                .first()
                .is_some_and(|w| TRIGGERS.continuation.iter().any(|c| c == w));
        // A deed after a flashback in the same paragraph goes on in it
        // ("Fünf Drohnen hatten am Montag die Grenze überflogen. Das Militär
        // schickte Kampfjets los"); words said are of today, and what came
        // "danach" at a day untold.
        let acts = !background
            && !words
                .iter()
                .any(|w| matches!(*w, "danach" | "dann" | "darauf" | "anschließend"))
            && found
                .iter()
                .find(|(pos, _)| (s..e).contains(pos))
                .is_some_and(|&(_, k)| !spoken(&TRIGGERS.kinds[k]));
        let inherited = match (dates.is_empty() && !shifted, &narrative) {
            (true, _) if occasion && previous.is_some() => previous.clone(),
            (true, Some(d)) => Some(
                relative
                    .and_then(|r| relative_day(d, r))
                    .unwrap_or_else(|| d.clone()),
            ),
            // Background ("Begonnen hatte die Reise am Vortag des Gipfels")
            // counts from the last day the article named, not from where
            // the story has moved on to since.
            // The sentence just before counts first when it named a day in
            // its main clause: "Das Beben hatte sich am Mittwoch ereignet.
            // ... am selben Tag".
            (true, None) => relative
                .zip(
                    previous_named
                        .as_ref()
                        .or(previous_carried
                            .as_ref()
                            .filter(|_| n > 0 && paragraphs[n] == paragraphs[n - 1]))
                        .or(if background {
                            named_day.as_ref()
                        } else {
                            story_day.as_ref()
                        }),
                )
                .and_then(|(r, d)| relative_day(d, r))
                .or_else(|| clock.as_ref().and_then(|c| ticker_day(c, s, published)))
                .or_else(|| continued.then(|| story_day.clone()).flatten())
                .or_else(|| acts.then(|| aside_day.clone()).flatten())
                .or_else(|| ticker.clone()),
            (false, _) => None,
        };
        // A live ticker's entry ("14:05 Uhr: Putin trifft ein") is of the
        // day of publication, whatever day the story told before.
        let inherited = match clock.as_ref().filter(|_| dates.is_empty()) {
            Some(c) if ticker_stamp(lower_sentence) => {
                ticker = ticker_day(c, s, published);
                ticker.clone().or(inherited)
            }
            _ => inherited,
        };
        // A sentence reporting nothing dated ("Nach etwa fünf Stunden
        // verschwanden die Drohnen") leaves the happening told before it
        // for "Bei dem Einsatz …" after it.
        let carried_on = !shifted && own.is_none() && dates.is_empty();
        previous = own
            .clone()
            .or_else(|| inherited.clone())
            .or_else(|| previous.take().filter(|_| carried_on));
        // A day the sentence carried on from the one before it ("trafen
        // damals ..."), for "am selben Tag" in the next.
        previous_carried = inherited
            .clone()
            .filter(|d| own.is_none() && d.precision == Precision::Day);
        // (Read by the next sentence; this one's relative phrase used the
        // sentence before's.)
        let named_here = |d: &DateMention| {
            d.precision == Precision::Day
                && !planned(d)
                && !attributive(d)
                && !in_relative_clause(sentence, d)
                && !since(sentence, d)
        };
        // ("..., nachdem am Donnerstag das Parlament zugestimmt hatte. Drei
        // Tage zuvor ...": an adverbial clause's day when the main clause
        // named none.)
        let adverbial = |d: &DateMention| subs.iter().any(|c| c.holds(d.start) && !c.relative);
        previous_named = main_own
            .clone()
            .filter(named_here)
            .or_else(|| own.clone().filter(|d| named_here(d) && adverbial(d)));
        // "Tags darauf stand Wladiwostok auf dem Programm." moves the story
        // on a day: the sentences after it tell of that day.
        if let Some(d) = inherited
            .as_ref()
            .filter(|_| own.is_none() && relative.is_some() && clock.is_none() && !background)
        {
            narrative = Some(d.clone());
            story_day = Some(d.clone());
        }
        let tells_now = |d: &&DateMention| {
            !background && !attributive(d) && !in_relative_clause(sentence, d) && !planned(d)
        };
        // The story carries on from the last day the sentence told: "Am
        // Sonntag nahm sie den Wagen entgegen, am Dienstag meldete es KCNA.
        // Peskow bestätigte am selben Tag ..." means Tuesday.
        // ("Ryschenkow landete am Dienstag, in jener Woche ..." keeps the day.)
        let finer = |d: &DateMention| {
            own.as_ref()
                .is_none_or(|o| d.precision as u8 <= o.precision as u8)
        };
        let last_told = dates
            .iter()
            .rfind(|d| d.value.is_some() && !since(sentence, d) && tells_now(d) && finer(d));
        if n == 0 || paragraphs[n] != paragraphs[n - 1] {
            aside = background || pluperfect_with_sein(&words);
        }
        if background {
            if let Some(d) = own.as_ref().filter(|d| !since(sentence, d)) {
                aside_day = Some(d.clone());
            }
        }
        if let Some(d) = last_told.or(own.as_ref().filter(tells_now)) {
            narrative = Some(d.clone());
            if d.precision == Precision::Day {
                // A paragraph opened as background ("Nawalnyj war am 20.
                // August zusammengebrochen. Vor elf Tagen wurde er nach
                // Berlin gebracht.") tells the past in the simple past too:
                // its days are not where the story stands.
                if !aside || story_day.is_none() {
                    story_day = Some(d.clone());
                }
                named_day = Some(d.clone());
            }
        } else if story_day.is_none() {
            // The first day an article names starts its story even in a
            // relative clause ("zu jener Gruppe, die am 9. Februar 2024
            // reisen durfte. ... Am Tag darauf ...") or in background
            // ("Regenfälle hatten am 27. Juli ... Kim reiste tags darauf"):
            // there is no other day for "am Tag darauf" to count from.
            let first_day = dates.iter().find(|d| {
                d.precision == Precision::Day
                    && d.value.is_some()
                    && !since(sentence, d)
                    && !attributive(d)
            });
            if let Some(d) = first_day {
                story_day = Some(d.clone());
                named_day = Some(d.clone());
            }
        }
        // A question ("Frage: Was bedeutet der Besuch?") reports nothing.
        let question = sentence.trim_end().ends_with('?');
        // Every trigger of the sentence (offsets in it), and those a
        // negation leaves ("… bewegte sich Moskau nicht").
        let all_here: Vec<(usize, usize)> = found
            .iter()
            .filter(|(pos, _)| (s..e).contains(pos) && !question)
            .map(|&(pos, k)| (pos - s, k))
            .collect();
        let mut here: Vec<(usize, usize)> = all_here
            .iter()
            .filter(|&&(p, _)| !negated(sentence, p))
            .copied()
            .collect();
        // "Die Duma hatte den Vertrag ratifiziert, der Föderationsrat folgte
        // am 6. November": a `follows` word repeats the trigger before it,
        // and alone reports nothing.
        // ("..., tags darauf folgte ein Treffen": the clause's own trigger says.)
        let follows = |k: usize| TRIGGERS.kinds[k] == FOLLOWS;
        let told_in_clause = |at: usize, here: &[(usize, usize)]| {
            let (_, ce) = clause(sentence, at);
            here.iter().any(|&(p, k)| p > at && p < ce && !follows(k))
        };
        let mut last_real = None;
        let mut kept = Vec::with_capacity(here.len());
        for &(p, k) in &here {
            if !follows(k) {
                last_real = Some(k);
                kept.push((p, k));
            } else if let Some(r) = last_real.filter(|_| !told_in_clause(p, &here)) {
                kept.push((p, r));
            }
        }
        here = kept;
        // "Zum 70. Jahrestag fand eine Militärparade statt": the occasion
        // names when, the later trigger what happened.
        if here.len() > 1 && occasion_phrase(sentence, here[0].0) {
            here.remove(0);
        }
        // "Nach der Parade sind Putin und Kim zu Gesprächen zusammengekommen":
        // what came before only names the time, unless it has a date of its
        // own ("Nach der Zerstörung des Damms am 6. Juni hat …").
        let dated_right_after = |at: usize| {
            dates
                .iter()
                .any(|d| d.start > at && sentence[at..d.start].split_whitespace().count() <= 5)
        };
        if here.len() > 1 && after_phrase(sentence, here[0].0) && !dated_right_after(here[0].0) {
            here.remove(0);
        }
        // "Wie die Nachrichtenagentur KCNA gestern berichtete, wurde das
        // Team ... empfangen": the happening reported decides, and the
        // report's leading clause is told on its own.
        let leads = |&(p, k): &(usize, usize)| {
            let (cs, ce) = clause(sentence, p);
            spoken(&TRIGGERS.kinds[k])
                && sentence[..cs].trim().is_empty()
                && lower_sentence.trim_start().starts_with("wie ")
                && sentence[ce..].starts_with(',')
                && here.iter().any(|&(q, _)| q > ce)
        };
        if here.len() > 1 && leads(&here[0]) {
            let report = here.remove(0);
            here.push(report);
        }
        // "hat bei einem Besuch in Pjöngjang ein Abkommen unterzeichnet":
        // the formal act decides, and the visit it was part of is told too.
        let framed = here.len() > 1
            && frame_phrase(sentence, here[0].0)
            && formal_kind(&TRIGGERS.kinds[here[1].1]);
        let frame = framed.then(|| TRIGGERS.kinds[here.remove(0).1].clone());
        let used = take_part(&ctx, &mut out, n, (s, e), &here, &cues, &dates);
        // (Negation of the clause's verb leaves the noun's happening: "Auch
        // nach dem Telefonat vom 2. April bewegte sich Moskau nicht".)
        for event in dated_nouns(&ctx, n, spans, (s, e), &all_here, &dates) {
            merge_into(&mut out, n, event, entities, false);
        }
        // The first trigger of the sentence decides; one inside a cue that
        // found its gathering ("An dem Treffen nahm ... teil") reported it.
        // "Nordkorea hat seit Dienstagabend 260 Ballons geschickt": the
        // day something began is when it happened.
        let began_on = dates.iter().find(|d| {
            d.value.is_some() && d.precision == Precision::Day && opens_with(d, &["seit"])
        });
        let Some(&(first, k)) = here.first() else {
            // No trigger: a sentence dating what its actors did is still a
            // happening for the timeline, of kind "other".
            // Background counts too ("Shoigu war bereits im September in
            // Pjöngjang"); a relative clause's or an attribute's date not.
            let dated_here = main_own
                .as_ref()
                .or(began_on)
                .filter(|d| !attributive(d) && !in_relative_clause(sentence, d));
            // `ctx.event` wants a person or organization: "other" is no
            // kind that places alone can have.
            let outside_subs = |a: usize, b: usize| outside(&subs, None, s, (a, b));
            if let Some(d) = dated_here.filter(|_| used.is_empty() && !question) {
                let (participants, location) = ctx.participants(n, spans, (s, e), &outside_subs);
                if let Some(event) = ctx.event(
                    "other".to_string(),
                    (participants, location),
                    Some(d.clone()),
                    false,
                    sentence,
                ) {
                    merge_into(&mut out, n, event, entities, !shifted);
                }
            }
            if used.is_empty() && !question {
                let all = |_, _: &_| true;
                for event in ctx.subordinate_events(n, spans, (s, e), &subs, &here, all) {
                    merge_into(&mut out, n, event, entities, false);
                }
            }
            continue;
        };
        if used.iter().any(|&(a, b)| (a..b).contains(&(s + first))) {
            continue;
        }
        let second = second_clause(sentence, &here, &dates);
        // The first trigger in a dated subordinate clause: that clause and
        // the main clause around it each tell their own happening.
        let first_sub = subs.iter().position(|c| c.holds(first));
        // The main clause's trigger is dated by its own clause when that
        // names a date ("Shoigu, der im Mai abgelöst worden war, traf am
        // Freitag Kim"), else by the sentence's first date. A dated
        // subordinate clause whose date that is tells no happening of its
        // own ("die Vereinbarungen, die beide im Juni getroffen hatten").
        let trigger_clause = || {
            let (cs, ce) = clause(sentence, first);
            dates
                .iter()
                .find(|d| d.value.is_some() && d.start >= cs && d.end <= ce && !since(sentence, d))
                .cloned()
        };
        // "Kritiker sprechen vom russischen Gesetz, weil Russland 2012 ein
        // ähnliches Gesetz erlassen hatte": a reason's date is its own.
        let causal = |d: &DateMention| {
            subs.iter().any(|c| {
                c.holds(d.start)
                    && !c.relative
                    && matches!(
                        sentence[c.start..c.body].trim().to_lowercase().as_str(),
                        "weil" | "da" | "zumal" | "obwohl"
                    )
            })
        };
        let own = match own {
            Some(d) if causal(&d) && first_sub.is_none() => trigger_clause(),
            Some(d) if in_sub(&d) && first_sub.is_none() => trigger_clause().or(Some(d)),
            own => own,
        };
        // The trigger's own coordinated part dates it when the sentence's
        // first date comes before that part's "und"; the part before it
        // tells a happening of its own.
        let mut before_und = None;
        let own = match (own, coordinated_date(sentence, first, &dates)) {
            (Some(o), Some((part, d)))
                if o.end <= part.1 && !since(sentence, &d) && !in_sub(&d) =>
            {
                before_und = Some((part, o));
                Some(d)
            }
            (own, _) => own,
        };
        let folded = own
            .as_ref()
            .and_then(|d| subs.iter().position(|c| c.holds(d.start)))
            .filter(|_| first_sub.is_none());
        // (The report's own actors may be named in what it says: "In
        // Moskau wies das Ministerium die Vorwürfe zurück: … Butscha …".)
        let reported_at = reported_from.map(|c| s + c);
        let outside_subs = |a: usize, b: usize| {
            outside(&subs, folded, s, (a, b)) || reported_at.is_some_and(|r| a > r)
        };
        if let Some(i) = first_sub {
            let main = main_own
                .as_ref()
                .or(began_on)
                .filter(|d| !attributive(d))
                .and_then(|d| {
                    let trigger = here
                        .iter()
                        .find(|&&(p, _)| !subs.iter().any(|c| c.holds(p)));
                    let kind = trigger.map_or("other", |&(_, k)| TRIGGERS.kinds[k].as_str());
                    let (participants, location) =
                        ctx.participants(n, spans, (s, e), &outside_subs);
                    let dated = Some(d.clone());
                    ctx.event(
                        kind.to_string(),
                        (participants, location),
                        dated,
                        false,
                        sentence,
                    )
                });
            let sub_events = |keep: &dyn Fn(usize) -> bool| {
                ctx.subordinate_events(n, spans, (s, e), &subs, &here, |j, _| keep(j))
            };
            let told = sub_events(&|j| j == i);
            let others = sub_events(&|j| j != i);
            for event in told.into_iter().chain(main).chain(others) {
                merge_into(&mut out, n, event, entities, !shifted);
            }
            continue;
        }
        let outside = |a: usize, b: usize| {
            outside_subs(a, b)
                && match &second {
                    Some(c) => b <= s + c.start || a >= s + c.end,
                    None => true,
                }
        };
        let (mut participants, mut location) = ctx.participants(n, spans, (s, e), &outside);
        if participants.is_empty() && second.is_some() {
            // "Vor einer Woche waren Drohnen in den polnischen Luftraum
            // eingedrungen, Polen schloss am Freitag seine Grenze": a part
            // naming no one of its own shares the sentence's actors.
            (participants, location) = ctx.participants(n, spans, (s, e), &outside_subs);
        }
        let kind = TRIGGERS.kinds[k].clone();
        if participants.is_empty() && TRIGGERS.concrete.contains(&kind) {
            participants.extend(ctx.topic_for(&kind, n, spans));
        }
        ctx.add_reporters(&kind, &mut participants, (s, e), &outside);
        // Split, the first event's date comes before the second clause:
        // dates after it belong to what is told there.
        // (A leading second clause, "Wie KCNA gestern berichtete, ...":
        // the dates after it.)
        let own = match &second {
            Some(c) if c.end <= first => dates
                .iter()
                .find(|d| d.value.is_some() && d.start >= c.end && !in_sub(d))
                .cloned(),
            Some(c) => dates
                .iter()
                .find(|d| d.value.is_some() && d.end <= c.start && !in_sub(d))
                .cloned(),
            None => own,
        };
        let lead = paragraphs[n] <= lead_paragraph && published.is_some();
        let later = || match lead && dates.is_empty() {
            true => lead_date(&sentence_dates, &paragraphs, n, published),
            false => None,
        };
        // "seit dem 6. August halten Truppen Gebiete besetzt": a day, month
        // or season the state began is when it happened, if the sentence
        // names no other ("seit 2014" is too long ago to say).
        let began = || {
            dates
                .iter()
                .find(|d| {
                    let season = d.precision == Precision::Year && !plain_year(d);
                    opens_with(d, &["seit"])
                        && (season || matches!(d.precision, Precision::Day | Precision::Month))
                })
                .cloned()
        };
        // "Seit er am 19. Juni einen Vertrag unterzeichnet hat, ...": the
        // "seit" clause's own happening is dated by it.
        let seit_clause = || {
            let (cs, ce) = clause(sentence, first);
            dates
                .iter()
                .find(|d| {
                    d.value.is_some() && d.start >= cs && d.end <= ce && !opens_with(d, &["seit"])
                })
                .cloned()
        };
        let dated = own
            .or_else(began)
            .or_else(seit_clause)
            .or(inherited)
            .or_else(later)
            .or_else(|| dates.iter().find(|d| !since(sentence, d)).cloned());
        if let Some(frame) = frame {
            let told = ctx.event(
                frame,
                (participants.clone(), location),
                dated.clone(),
                lead,
                sentence,
            );
            if let Some(event) = told {
                merge_into(&mut out, n, event, entities, !shifted);
            }
        }
        if let Some(event) = ctx.event(kind, (participants, location), dated, lead, sentence) {
            merge_into(&mut out, n, event, entities, !shifted);
        }
        if let Some(((ps, pe), d)) = before_und {
            let part = |a: usize, b: usize| a >= s + ps && b <= s + pe && outside_subs(a, b);
            let (participants, location) = ctx.participants(n, spans, (s, e), &part);
            let told = ctx.event(
                "other".to_string(),
                (participants, location),
                Some(d),
                false,
                sentence,
            );
            if let Some(event) = told {
                merge_into(&mut out, n, event, entities, !shifted);
            }
        }
        // Dated subordinate clauses beside the main event and the second
        // clause tell their own happenings.
        let apart = |j: usize, c: &subordinate::Subordinate| {
            Some(j) != folded
                && second
                    .as_ref()
                    .is_none_or(|x| c.end <= x.start || c.start >= x.end)
        };
        for event in ctx.subordinate_events(n, spans, (s, e), &subs, &here, apart) {
            merge_into(&mut out, n, event, entities, false);
        }
        let Some(c) = &second else {
            continue;
        };
        let inside = |a: usize, b: usize| a >= s + c.start && b <= s + c.end;
        let (mut participants, mut location) = ctx.participants(n, spans, (s, e), &inside);
        let kind = TRIGGERS.kinds[c.trigger].clone();
        // "..., wie die Staatsagentur KCNA heute berichtete": the report.
        ctx.add_reporters(&kind, &mut participants, (s, e), &inside);
        // A clause naming nobody ("am 2. Juni folgte eine zweite Runde")
        // happened where the rest of the sentence says.
        let (before, before_location) = ctx.participants(n, spans, (s, e), &outside);
        if participants.is_empty() {
            participants = before.iter().filter(|p| p.1 == "place").copied().collect();
            location = before_location;
        }
        // Nor a place: what the sentence is about ("Ende Mai stürzte die
        // Rakete ins Meer, im August versagte die dritte Stufe").
        if participants.is_empty() {
            participants.extend(ctx.topic_for(&kind, n, spans));
        }
        // A relative clause tells about the noun before its comma.
        if matches!(clause_opener(&sentence[c.start..]), Some((_, true))) {
            ctx.add_antecedent(s + c.start, &mut participants);
        }
        // A pronoun there ("..., wo er am Dienstag ... Gespräche führte")
        // is the person the sentence began with.
        // So is the subject of a coordinated part naming no one ("X hatte
        // ... überlebt und war im Januar 2021 zurückgekehrt").
        let clause_words = sentence[c.start..c.end].split(|ch: char| !ch.is_alphabetic());
        let nobody = !participants.iter().any(|p| p.1 == "participant");
        if (c.coordinated && nobody) || clause_words.into_iter().any(|w| PRONOUNS.contains(&w)) {
            let subject = before.iter().find(|p| p.1 == "participant");
            if let Some(&p) = subject.filter(|p| !participants.iter().any(|q| q.0 == p.0)) {
                participants.insert(0, p);
            }
        }
        if let Some(event) = ctx.event(
            kind,
            (participants, location),
            Some(c.date.clone()),
            false,
            sentence,
        ) {
            merge_into(&mut out, n, event, entities, !shifted);
        }
    }
    said_in_publication_month(&mut out, published);
    out.into_iter().map(|(_, e)| e).collect()
}

/// The people named right after a feminine role noun ("Amtskollegin Choe
/// Son Hui", "Frau Meier") anywhere in the article: never "er".
fn women(body: &str, entities: &[Entity], mentions: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut out = Vec::new();
    for &(start, _, idx) in mentions {
        if entities[idx].kind != EntityKind::Person || out.contains(&idx) {
            continue;
        }
        let Some(before) = body[..start].strip_suffix(' ') else {
            continue;
        };
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        if coref::feminine_noun(word) {
            out.push(idx);
        }
    }
    out
}

/// Words said (statements, announcements, calls) that no phrase and no
/// merged report dated, told outside background, were said around the time
/// of publication: they take its month, without a `date_text`.
fn said_in_publication_month(out: &mut [(usize, Event)], published: Option<Date>) {
    let Some(p) = usable(published) else {
        return;
    };
    for (_, e) in out {
        if e.date.is_none()
            && e.date_text.is_none()
            && spoken(&e.kind)
            && !tells_background(&e.evidence)
        {
            e.date = Some(format!("{:04}-{:02}", p.year(), p.month()));
            e.precision = Precision::Month;
        }
    }
}

/// The publication date if it can be written as a stored date (a four-digit
/// year).
fn usable(published: Option<Date>) -> Option<Date> {
    published.filter(|p| (1..=9999).contains(&p.year()))
}

/// Whether `sentence` tells background: a pluperfect or flashback word (the
/// same test the sentence loop makes on the words it has split).
fn tells_background(sentence: &str) -> bool {
    lower_keep_len(sentence)
        .split(|c: char| !c.is_alphabetic())
        .any(|w| TRIGGERS.background.iter().any(|t| t == w))
}

/// The role an entity of `kind` takes in an event it is named in.
fn role_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "participant",
        EntityKind::Organization => "organization",
        EntityKind::Location => "place",
    }
}

/// The relative-day phrase ("tags darauf", "am Vortag") in `lower` (text
/// through [`lower_keep_len`]), with its offset in days.
fn relative_phrase(lower: &str) -> Option<&'static (String, i64)> {
    let first = TRIGGERS.relative_phrases.first_listed(lower)?;
    TRIGGERS.relative_days.get(first)
}

/// A clock time ("um 14:05 Uhr", a live ticker's "14:05 Uhr:" or "15:30 –")
/// tells of the story's day, as "am Abend" does: the phrase and no shift.
fn clock_time(sentence: &str, lower: &str) -> Option<(String, i64)> {
    // An ASCII \b after "uhr": a Unicode one sends every sentence to the
    // regex engine's slow matchers (a percent of an import's time).
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\s)(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9]\s*uhr(?-u:\b)|^(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9]\s*[:|–—-]")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let m = CLOCK.find(lower)?;
    let phrase = sentence
        .get(m.range())?
        .trim()
        .trim_end_matches([':', '|', '–', '—', '-']);
    Some((phrase.trim().to_string(), 0))
}

/// Whether a sentence opens with a clock time and a colon or dash, as a
/// live ticker's entries do ("14:05 Uhr: …", "15:30 – …").
fn ticker_stamp(lower: &str) -> bool {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9]\s*(?:uhr)?\s*[:|–—-]")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    STAMP.is_match(lower)
}

/// A clock time in an article whose story names no day, or a ticker's
/// stamp, tells of the day of publication.
fn ticker_day(
    (phrase, _): &(String, i64),
    at: usize,
    published: Option<Date>,
) -> Option<DateMention> {
    let p = usable(published)?;
    Some(DateMention {
        start: at,
        end: at,
        text: phrase.clone(),
        value: Some(p.to_string()),
        precision: Precision::Day,
    })
}

/// Personal pronouns of the third person singular, as a clause's subject
/// or object.
const PRONOUNS: &[&str] = &["er", "sie", "ihn", "ihm"];

/// What the sentences of one article share.
struct Context<'a> {
    body: &'a str,
    entities: &'a [Entity],
    mentions: &'a [(usize, usize, usize)],
    reporters: &'a [usize],
    /// (byte start, entity) of every person mention, in text order.
    persons: &'a [(usize, usize)],
    /// The same without the women (see [`women`]).
    men: &'a [(usize, usize)],
    /// Only the women.
    women: &'a [(usize, usize)],
    /// The people the title names: whom the story is about.
    headlined: &'a [usize],
    headlined_men: &'a [usize],
    /// The article's publication date.
    published: Option<Date>,
}

impl Context<'_> {
    /// The reporting outlets (see [`reporters`]) named in `s..e`.
    fn reporters_in(
        &self,
        (s, e): (usize, usize),
        keep: &dyn Fn(usize, usize) -> bool,
    ) -> Vec<usize> {
        self.mentions
            .iter()
            .filter(|m| m.0 >= s && m.1 <= e && keep(m.0, m.1) && self.reporters.contains(&m.2))
            .map(|m| m.2)
            .collect()
    }

    /// "Die Staatsagentur TASS hatte das Angebot publik gemacht": words
    /// said with no one else saying them are the agency's own (a place as
    /// subject, "in Pjöngjang eingegangen, meldete KCNA", is no one).
    pub(super) fn add_reporters(
        &self,
        kind: &str,
        participants: &mut Vec<(usize, &'static str)>,
        span: (usize, usize),
        keep: &dyn Fn(usize, usize) -> bool,
    ) {
        let placed = |p: &(usize, &str)| self.entities[p.0].kind == EntityKind::Location;
        if !spoken(kind) || !participants.iter().all(placed) {
            return;
        }
        for idx in self.reporters_in(span, keep) {
            if !participants.iter().any(|p| p.0 == idx) {
                participants.insert(0, (idx, "organization"));
            }
        }
    }

    /// The participants named in sentence `n` (span `s..e`) where `keep`
    /// allows, and the people its role phrases stand for; with the place
    /// named after a place preposition.
    fn participants(
        &self,
        n: usize,
        spans: &[(usize, usize)],
        (s, e): (usize, usize),
        keep: &dyn Fn(usize, usize) -> bool,
    ) -> (Vec<(usize, &'static str)>, Option<usize>) {
        let mut participants: Vec<(usize, &'static str)> = Vec::new();
        let mut location = None;
        let named = self.mentions.iter().filter(|m| m.0 >= s && m.1 <= e);
        for &(ms, _, idx) in named.clone().filter(|m| keep(m.0, m.1)) {
            if self.reporters.contains(&idx) {
                continue;
            }
            let mut role = role_of(self.entities[idx].kind);
            if self.entities[idx].kind == EntityKind::Location {
                let before = &self.body[s..ms];
                if location.is_none() && after_place_preposition(before) {
                    location = Some(idx);
                }
                // "Pjöngjang hatte den Einsatz bestätigt": a country or
                // capital as subject stands for its government.
                if acting_place(before) {
                    role = "participant";
                }
            }
            if !participants.iter().any(|p| p.0 == idx) {
                participants.push((idx, role));
            }
        }
        let here: Vec<usize> = named
            .clone()
            .filter(|m| self.entities[m.2].kind == EntityKind::Person)
            .map(|m| m.2)
            .collect();
        let since = spans[n.saturating_sub(3)].0;
        let starts_name = |at: usize| self.mentions.iter().any(|m| m.0 == s + at);
        let ws = coref::words(&self.body[s..e]);
        for p in coref::role_phrases(&self.body[s..e], &ws, starts_name) {
            if !keep(s + p.start, s + p.end) {
                continue;
            }
            // "Nachdem Lawrow gelandet war, traf er Choe": a person named
            // before "er" in its own sentence is who it means, and is here.
            // For "sie", a woman named before.
            let named_before = || {
                named.clone().any(|m| {
                    m.0 < s + p.start
                        && self.entities[m.2].kind == EntityKind::Person
                        && (!p.feminine || self.women.iter().any(|w| w.1 == m.2))
                })
            };
            let (persons, headlined) = match (p.masculine, p.feminine) {
                (true, _) => (self.men, self.headlined_men),
                (_, true) => (self.women, &[][..]),
                _ => (self.persons, self.headlined),
            };
            let people = match p.pronoun {
                true if named_before() => Vec::new(),
                // With no one named in the last sentences ("1990 erhielt er
                // …", a paragraph of pronouns), the story's protagonist.
                true => coref::protagonist(s + p.start, since, persons, &here, headlined)
                    .or_else(|| coref::protagonist(s + p.start, 0, persons, &here, headlined))
                    .into_iter()
                    .collect(),
                false => coref::resolve(s + p.start, p.people, since, persons, &here),
            };
            for idx in people {
                if !participants.iter().any(|q| q.0 == idx) {
                    participants.push((idx, "participant"));
                }
            }
        }
        let orgs: Vec<(usize, usize, usize)> = self
            .mentions
            .iter()
            .filter(|m| m.0 >= since && m.0 < e)
            .filter(|m| self.entities[m.2].kind == EntityKind::Organization)
            .copied()
            .collect();
        for (at, idx) in coref::institutions(self.body, s, &self.body[s..e], &ws, &orgs, |idx| {
            let entity = &self.entities[idx];
            std::iter::once(entity.name.as_str())
                .chain(entity.aliases.iter().map(String::as_str))
                .collect()
        }) {
            if keep(at, at + 1) && !participants.iter().any(|q| q.0 == idx) {
                participants.push((idx, "organization"));
            }
        }
        (participants, location)
    }

    /// Who a sentence naming nobody is about ("Ende Mai stürzte die Rakete
    /// ins Meer"): the first name of the sentence before it, or of the one
    /// before that.
    /// [`Context::topic`] as a participant of an event of `kind`. Not of
    /// gatherings of people (meetings, visits, agreements): people named
    /// later join those ("Delegationsleiter X"), and a guessed cast or place
    /// would take them in. A ceremony or parade may take a place: "Mit ihrem
    /// Bau wurde Ende April begonnen" after a sentence on the bridge over
    /// the Tumen happened there.
    fn topic_for(
        &self,
        kind: &str,
        n: usize,
        spans: &[(usize, usize)],
    ) -> Option<(usize, &'static str)> {
        let of_people = matches!(kind, "meeting" | "visit" | "agreement");
        self.topic(n, spans).filter(|t| {
            !TRIGGERS.gathering.iter().any(|g| g == kind) || (t.1 == "place" && !of_people)
        })
    }

    fn topic(&self, n: usize, spans: &[(usize, usize)]) -> Option<(usize, &'static str)> {
        (n.saturating_sub(2)..n)
            .rev()
            .find_map(|m| {
                let (s, e) = spans[m];
                self.mentions
                    .iter()
                    .find(|x| x.0 >= s && x.1 <= e && !self.reporters.contains(&x.2))
            })
            .map(|&(_, _, idx)| (idx, role_of(self.entities[idx].kind)))
    }

    /// Whether the sentence opens with one of its places as its subject
    /// ("Die USA hatten einen Boykott verkündet", "Moskau bestätigte"): a
    /// state speaking through its government is an actor.
    fn place_subject(&self, participants: &[(usize, &'static str)], sentence: &str) -> bool {
        let opening = sentence.trim_start();
        let opening = ["Die ", "Der ", "Das "]
            .iter()
            .find_map(|a| opening.strip_prefix(a))
            .unwrap_or(opening);
        self.mentions.iter().any(|&(a, b, idx)| {
            participants.iter().any(|p| p.0 == idx && p.1 == "place")
                && opening
                    .strip_prefix(&self.body[a..b])
                    .is_some_and(|rest| rest.starts_with([' ', ',']))
        })
    }

    /// An event of `kind` with the participants and place that
    /// [`Context::participants`] found, if it has those its kind needs.
    fn event(
        &self,
        kind: String,
        (participants, location): (Vec<(usize, &'static str)>, Option<usize>),
        dated: Option<DateMention>,
        lead: bool,
        sentence: &str,
    ) -> Option<Event> {
        let has_actor = participants.iter().any(|p| p.1 != "place")
            || self.place_subject(&participants, sentence);
        if participants.is_empty() || (!has_actor && !TRIGGERS.concrete.contains(&kind)) {
            return None;
        }
        // A sentence without a date of its own happens when the paragraph's
        // last named date says; in the lead paragraph, on the publication
        // day, which is what news leads report. Without a publication date
        // it stays unresolved.
        let (date, precision, date_text) = match (dated, usable(self.published)) {
            (Some(d), _) if d.value.is_some() || !lead => (d.value, d.precision, Some(d.text)),
            (_, Some(p)) if lead => (Some(p.to_string()), Precision::Day, None),
            _ => (None, Precision::Unresolved, None),
        };
        Some(Event {
            summary: summary(&kind, &participants, location, self.entities),
            kind,
            date,
            precision,
            date_text,
            location,
            participants,
            evidence: sentence.to_string(),
        })
    }
}

/// A "seit ..." phrase: the start of a span, not a time something happened;
/// also in a clause opened by "seit" ("…, seit dieser am 17. März 2023 einen
/// Haftbefehl erlassen hat"). `d` is a date of `sentence`.
fn since(sentence: &str, d: &DateMention) -> bool {
    let clause = sentence[..d.start]
        .rsplit([',', ';', '('])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().collect();
    // ("Untersuchungshaft bis zum 29. Mai": until when, not when.)
    opens_with(d, &["seit", "bis"])
        || (words.len() <= 3
            && words
                .first()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "seit" | "seitdem")))
}

/// A year written alone ("2014", "seit 2014"), not a season or part of it
/// ("seit dem Herbst 2024", "Anfang 2024").
fn plain_year(d: &DateMention) -> bool {
    let words = d.text.split_whitespace().filter(|w| {
        !matches!(
            w.to_lowercase().as_str(),
            "seit" | "im" | "in" | "jahr" | "jahre" | "dem" | "den" | "bis" | "ab" | "von"
        )
    });
    words.count() <= 1
}

/// "nach dem Telefonat vom 2. April zwischen Blinken und Lawrow", "seit
/// dem Putsch vom 26. Juli 2023": a trigger noun with a date of its own
/// ("vom …") is a happening of that day, with the people of its clause,
/// whatever the sentence tells around it. (`here` holds the sentence's
/// triggers, offsets in the sentence.)
fn dated_nouns(
    ctx: &Context<'_>,
    n: usize,
    spans: &[(usize, usize)],
    (s, e): (usize, usize),
    here: &[(usize, usize)],
    dates: &[DateMention],
) -> Vec<Event> {
    let sentence = &ctx.body[s..e];
    let mut out = Vec::new();
    for &(p, k) in here {
        if !sentence[p..].starts_with(char::is_uppercase) {
            continue;
        }
        let word_end = sentence[p..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map_or(sentence.len(), |i| p + i);
        let own = dates.iter().find(|d| {
            attributive(d)
                && d.value.is_some()
                && d.start >= word_end
                && sentence[word_end..d.start].trim().is_empty()
        });
        let Some(d) = own else {
            continue;
        };
        let (_, ce) = clause(sentence, p);
        let inside = |a: usize, b: usize| a >= s + p && b <= s + ce;
        let (participants, location) = ctx.participants(n, spans, (s, e), &inside);
        let kind = TRIGGERS.kinds[k].clone();
        out.extend(ctx.event(
            kind,
            (participants, location),
            Some(d.clone()),
            false,
            sentence,
        ));
    }
    out
}

/// Whether a clause (in lower case) reports in the subjunctive: "sei",
/// "seien", "habe", "hätten", "werde", "wäre".
fn subjunctive(lower: &str) -> bool {
    lower.split(|c: char| !c.is_alphabetic()).any(|w| {
        matches!(
            w,
            "sei" | "seien" | "habe" | "hätten" | "hätte" | "werde" | "würden" | "wäre" | "wären"
        )
    })
}

/// A date that belongs to a noun ("die Erklärung vom November 2020"), not
/// to what the sentence tells happened when.
fn attributive(d: &DateMention) -> bool {
    opens_with(d, &["vom", "von"])
}

/// Whether the date phrase's first word is one of `words` (any case).
fn opens_with(d: &DateMention, words: &[&str]) -> bool {
    d.text
        .split_whitespace()
        .next()
        .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// A day planned, not told ("für Dienstagabend erwartet"): it neither moves
/// the story nor anchors a relative day after it.
fn planned(d: &DateMention) -> bool {
    opens_with(d, &["für"])
}

/// The paragraph's day moved by a relative phrase and its offset in days
/// ("tags zuvor", -1). None when the paragraph's date is not a day.
fn relative_day(narrative: &DateMention, (phrase, days): &(String, i64)) -> Option<DateMention> {
    let day: Date = narrative.value.as_deref()?.parse().ok()?;
    if narrative.precision != Precision::Day {
        return None;
    }
    let moved = day.checked_add(jiff::Span::new().days(*days)).ok()?;
    Some(DateMention {
        text: phrase.clone(),
        value: Some(moved.to_string()),
        ..narrative.clone()
    })
}

/// The paragraph of each sentence: a sentence that starts a line starts one.
fn paragraph_numbers(body: &str, spans: &[(usize, usize)]) -> Vec<usize> {
    let mut paragraph = 0;
    spans
        .iter()
        .map(|&(s, _)| {
            if s > 0 && body[..s].ends_with('\n') {
                paragraph += 1;
            }
            paragraph
        })
        .collect()
}

/// The date phrases of the sentence at `s..e`, offsets relative to it,
/// without the dateline of the article's first sentence. `story_years` are
/// the years the story is set in, the latest first, when there is no
/// publication date.
fn sentence_dates(
    body: &str,
    s: usize,
    e: usize,
    published: Option<Date>,
    story_years: &[i16],
) -> Vec<DateMention> {
    let skip = dateline_end(body, s);
    find_dates_in_story(&body[s..e], published, story_years)
        .into_iter()
        .filter(|d| d.start >= skip)
        .collect()
}

/// In an article without publication date, where each full date (a day or
/// month with its year) stands and its year: what dates without a year are
/// read against. Bare years ("1939") are background more often than the
/// story's time, so they anchor nothing.
fn story_anchors(body: &str, published: Option<Date>) -> Vec<(usize, i16)> {
    if published.is_some() {
        return Vec::new();
    }
    find_dates(body, None)
        .into_iter()
        .filter(|d| matches!(d.precision, Precision::Day | Precision::Month))
        .filter_map(|d| Some((d.start, d.value.as_deref()?.get(..4)?.parse().ok()?)))
        .collect()
}

/// Whether the sentence is told in the pluperfect with "sein" ("Nawalnyj
/// war am 20. August zusammengebrochen"): "war" or "waren" and a participle
/// as its last word.
fn pluperfect_with_sein(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    let participle = (last.contains("ge") && (last.ends_with("en") || last.ends_with('t')))
        || last.ends_with("iert");
    participle && words.iter().any(|w| matches!(*w, "war" | "waren"))
}

/// Whether the clause around byte `at` ends in "nicht" ("Welches Modell
/// es war, schrieb KCNA nicht"): what it denies did not happen.
fn negated(sentence: &str, at: usize) -> bool {
    let (_, end) = clause(sentence, at);
    let words = sentence[at..end].trim_end_matches(|c: char| !c.is_alphanumeric());
    words.ends_with(" nicht")
}

/// The story's years at byte `at`: those of the full dates before it, the
/// last first, or that of the first one after when none comes before.
fn story_years(anchors: &[(usize, i16)], at: usize) -> Vec<i16> {
    let mut years: Vec<i16> = Vec::new();
    let before = anchors.partition_point(|a| a.0 < at);
    for a in anchors[..before].iter().rev() {
        if !years.contains(&a.1) {
            years.push(a.1);
        }
    }
    if years.is_empty() {
        years.extend(anchors.first().map(|a| a.1));
    }
    years
}

/// For a lead sentence that names no date: the day a later sentence of the
/// lead paragraph names, when it lies in the week before publication. Leads
/// say what happened ("hat ... freigelassen") and the next sentence when
/// ("am Samstag"); older dates there are background, not the lead's day.
fn lead_date(
    sentence_dates: &[Vec<DateMention>],
    paragraphs: &[usize],
    n: usize,
    published: Option<Date>,
) -> Option<DateMention> {
    let day = published?;
    let recent = |d: &DateMention| {
        d.precision == Precision::Day
            && d.value
                .as_deref()
                .and_then(|v| v.parse::<Date>().ok())
                .is_some_and(|v| (0..=7).contains(&(day - v).get_days()))
    };
    // With a publication date, a sentence's dates do not depend on the
    // story's years, so those found for each sentence are the ones.
    (n + 1..sentence_dates.len())
        .take_while(|&m| paragraphs[m] == paragraphs[n])
        .find_map(|m| sentence_dates[m].iter().find(|d| recent(d)).cloned())
}

/// Entities that report rather than take part: news agencies, newspapers
/// and broadcasters ("berichtete KCNA").
fn reporters(entities: &[Entity]) -> Vec<usize> {
    const REPORTING: &[&str] = &["agency", "newspaper", "broadcaster"];
    let known = crate::knowledge::sources();
    (0..entities.len())
        .filter(|&i| {
            known
                .by_name(&entities[i].name)
                .is_some_and(|s| REPORTING.contains(&s.kind.as_str()))
        })
        .collect()
}

/// In a sentence opening one of the article's first paragraphs (below a
/// kicker or a date stamp), the byte offset (relative to the sentence) where
/// a dateline such as "Seoul, 1. November 2024 (AFP) –" ends: its date is
/// when the report was filed, not when the event happened.
fn dateline_end(body: &str, sentence_start: usize) -> usize {
    const LEAD_BYTES: usize = 800;
    let opens_paragraph = sentence_start == 0 || body[..sentence_start].ends_with('\n');
    if !opens_paragraph || sentence_start > LEAD_BYTES {
        return 0;
    }
    // Agencies mark the end with a dash: "–", "—", or "--" and " - " in
    // ASCII ("Pyongyang, 28. Juli (KCNA) -- ...").
    let head: String = body[sentence_start..].chars().take(90).collect();
    let dash = [head.find(['–', '—']), head.find("--"), head.find(" - ")]
        .into_iter()
        .flatten()
        .min();
    match dash {
        Some(dash) if head[..dash].chars().any(|c| c.is_ascii_digit()) => dash,
        _ => 0,
    }
}

/// Lower case for ASCII letters and German umlauts only: every byte offset
/// stays valid in the original text.
fn lower_keep_len(s: &str) -> String {
    // Byte by byte, not char by char: the four letters changed are two
    // bytes each, led by 0xC3, which in UTF-8 only ever leads a character.
    let mut out = s.as_bytes().to_vec();
    out.make_ascii_lowercase();
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i] != 0xC3 {
            i += 1;
            continue;
        }
        match out[i + 1] {
            0x84 => out[i + 1] = 0xA4, // Ä -> ä
            0x96 => out[i + 1] = 0xB6, // Ö -> ö
            0x9C => out[i + 1] = 0xBC, // Ü -> ü
            // Swiss German writes "ss" for "ß" ("Aussenminister"); both are
            // two bytes, so offsets stay those of the text.
            0x9F => out[i..i + 2].copy_from_slice(b"ss"),
            _ => {}
        }
        i += 2;
    }
    // Valid: whole characters were replaced by whole characters.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Every whole-word trigger in `body` as (byte position, trigger index),
/// sorted by position, the earlier-listed trigger first at equal positions.
/// `lower` is `body` through [`lower_keep_len`].
fn triggers(body: &str, lower: &str) -> Vec<(usize, usize)> {
    let spans = word_matches(&TRIGGERS.matcher, body, lower);
    // The last word of a longer trigger is part of it: "getroffen" in
    // "Vereinbarungen, die … getroffen hatten" reports no meeting.
    let mut found: Vec<(usize, usize)> = spans
        .iter()
        .filter(|&&(s, e, _)| !spans.iter().any(|&(s1, e1, _)| s1 < s && e1 == e))
        .map(|&(s, _, k)| (s, k))
        .collect();
    found.sort_unstable();
    found
}

/// The matches of `patterns` in `lower` that start a word and do not end
/// in a `not-trigger` word, as (start, end, pattern index).
fn word_matches(patterns: &WordStarts, body: &str, lower: &str) -> Vec<(usize, usize, usize)> {
    patterns
        .find(body, lower)
        .into_iter()
        .filter(|&(s, e, _)| {
            let last_word = lower
                .get(s..e)
                .and_then(|m| m.rsplit(|c: char| !c.is_alphanumeric()).next())
                .unwrap_or("");
            !TRIGGERS.not_trigger.contains(&last_word.to_lowercase())
        })
        .collect()
}

fn summary(
    kind: &str,
    participants: &[(usize, &str)],
    location: Option<usize>,
    entities: &[Entity],
) -> String {
    let names: Vec<&str> = participants
        .iter()
        .filter(|(i, _)| Some(*i) != location)
        .map(|(i, _)| entities[*i].name.as_str())
        .collect();
    // "parade in Pjöngjang" when only the place is known, not "parade:  in ...".
    let mut s = match names.is_empty() {
        true => kind.to_string(),
        false => format!("{kind}: {}", names.join(", ")),
    };
    if let Some(l) = location {
        s.push_str(&format!(" in {}", entities[l].name));
    }
    s
}

/// Merges `event` (from sentence `n`) into an earlier report of the same
/// happening in this article. Besides [`same_happening`], an undated report
/// of the same kind right after a dated one continues it ("Am 10. Oktober
/// fand die Parade statt. Kim, Li und Medwedew nahmen die Parade ab."),
/// unless `in_time` is false (a time-shift word moved it).
fn merge_into(
    out: &mut Vec<(usize, Event)>,
    n: usize,
    event: Event,
    entities: &[Entity],
    in_time: bool,
) {
    let sig = signature(&event, entities);
    // A sentence moved off the paragraph's time ("besuchte zuvor Prag")
    // continues nothing.
    let continues = |(m, p): &(usize, Event)| {
        in_time && *m + 1 == n && p.kind == event.kind && (p.date.is_none() || event.date.is_none())
    };
    // Two days an article names itself ("am Mittwochabend eingetroffen",
    // "am Donnerstag empfangen") are two happenings; only a day it left to
    // the publication date gives way to a named one.
    let other_day = |p: &Event| {
        p.precision == Precision::Day
            && event.precision == Precision::Day
            && p.date != event.date
            && p.date_text.is_some()
            && event.date_text.is_some()
    };
    // "Im September reiste Kim nach Russland. Am 13. September traf er
    // Putin": a whole month told, then one of its days, with someone in
    // common. A part of a month ("Anfang Juni") may be another happening.
    let refines = |p: &Event, psig: &Signature<&str>| {
        let (month, day) = match (p.precision, event.precision) {
            (Precision::Month, Precision::Day) => (p, &event),
            (Precision::Day, Precision::Month) => (&event, p),
            _ => return false,
        };
        let whole_month = month.date_text.as_deref().is_some_and(|t| {
            !["anfang", "mitte", "ende"]
                .iter()
                .any(|w| t.to_lowercase().starts_with(w))
        });
        whole_month
            && kind_group(&p.kind) == kind_group(&event.kind)
            && matches!((&day.date, &month.date), (Some(d), Some(m)) if d.starts_with(m.as_str()))
            && psig.actors.intersection(&sig.actors).next().is_some()
    };
    let found = out
        .iter()
        .position(|p| {
            if other_day(&p.1) {
                return false;
            }
            let psig = signature(&p.1, entities);
            same_happening(&psig, &sig, true) || refines(&p.1, &psig)
        })
        .or_else(|| out.iter().rposition(continues));
    let Some(i) = found else {
        out.push((n, event));
        return;
    };
    let (last, prev) = &mut out[i];
    *last = n;
    // A trigger says better what happened than no trigger did.
    if prev.kind == "other" {
        prev.kind = event.kind.clone();
    }
    let date = better_date(prev.date.as_deref(), event.date.as_deref());
    if date != prev.date {
        prev.date = date;
        prev.precision = event.precision;
        prev.date_text = event.date_text.clone();
    }
    for p in event.participants {
        if !prev.participants.iter().any(|q| q.0 == p.0) {
            prev.participants.push(p);
        }
    }
    if prev.location.is_none() {
        prev.location = event.location;
    }
    prev.summary = summary(&prev.kind, &prev.participants, prev.location, entities);
}

#[cfg(test)]
mod tests;
