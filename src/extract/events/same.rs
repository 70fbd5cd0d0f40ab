//! Whether two reports describe one happening: the rule [`events`](super)
//! uses within an article and the store uses across articles.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::Event;
use crate::extract::within::container;
use crate::extract::{Entity, EntityKind};

/// What decides whether two reports are one happening. Participants are
/// entity keys within an article; the store uses entity ids (one entity per
/// key), which compare the same and cost less.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature<K: Ord = String> {
    pub kind: String,
    pub date: Option<String>,
    /// The people and organizations taking part.
    pub actors: BTreeSet<K>,
    /// The places named (location and place participants).
    pub places: BTreeSet<K>,
    /// The countries those places lie in ([`within`](crate::extract::within)):
    /// a report naming the country shares its place with one naming the city.
    pub within: BTreeSet<K>,
}

/// What [`same_happening`] reads of a report: a [`Signature`], or the
/// store's compact copy of one ([`Cast`]), which it tests by the thousand
/// and need not make into sets first.
pub trait Report<K: Ord> {
    type Keys: Keys<K> + ?Sized;
    fn kind(&self) -> &str;
    fn date(&self) -> Option<&str>;
    fn actors(&self) -> &Self::Keys;
    fn places(&self) -> &Self::Keys;
    fn within(&self) -> &Self::Keys;
}

impl<K: Ord> Report<K> for Signature<K> {
    type Keys = BTreeSet<K>;
    fn kind(&self) -> &str {
        &self.kind
    }
    fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }
    fn actors(&self) -> &BTreeSet<K> {
        &self.actors
    }
    fn places(&self) -> &BTreeSet<K> {
        &self.places
    }
    fn within(&self) -> &BTreeSet<K> {
        &self.within
    }
}

/// A signature over sorted slices without repeats. Building a
/// [`Signature`] for each stored event a question tested (three sets,
/// two strings) was about a third of the event index's time: at 30,000
/// articles it tested 4.7 million and took 101,000.
#[derive(Debug, Clone, Copy)]
pub struct Cast<'a, K> {
    pub kind: &'a str,
    pub date: Option<&'a str>,
    pub actors: &'a [K],
    pub places: &'a [K],
    pub within: &'a [K],
}

impl<K: Ord> Report<K> for Cast<'_, K> {
    type Keys = [K];
    fn kind(&self) -> &str {
        self.kind
    }
    fn date(&self) -> Option<&str> {
        self.date
    }
    fn actors(&self) -> &[K] {
        self.actors
    }
    fn places(&self) -> &[K] {
        self.places
    }
    fn within(&self) -> &[K] {
        self.within
    }
}

/// A set of keys read in order: an ordered set, or a sorted slice without
/// repeats.
pub trait Keys<K> {
    fn in_order<'a>(&'a self) -> impl Iterator<Item = &'a K>
    where
        K: 'a;
    fn size(&self) -> usize;
}

/// Ordered sets and sorted slices read their keys the same way.
macro_rules! keys_in_order {
    ($($set:ty),*) => {$(
        impl<K> Keys<K> for $set {
            fn in_order<'a>(&'a self) -> impl Iterator<Item = &'a K>
            where
                K: 'a,
            {
                self.iter()
            }
            fn size(&self) -> usize {
                self.len()
            }
        }
    )*};
}

keys_in_order!(BTreeSet<K>, [K]);

/// How many keys `a` and `b` share.
fn shared<K: Ord>(a: &(impl Keys<K> + ?Sized), b: &(impl Keys<K> + ?Sized)) -> usize {
    let (mut a, mut b) = (a.in_order(), b.in_order());
    let (mut x, mut y) = (a.next(), b.next());
    let mut n = 0;
    while let (Some(p), Some(q)) = (x, y) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => x = a.next(),
            std::cmp::Ordering::Greater => y = b.next(),
            std::cmp::Ordering::Equal => {
                n += 1;
                (x, y) = (a.next(), b.next());
            }
        }
    }
    n
}

fn subset<K: Ord>(a: &(impl Keys<K> + ?Sized), b: &(impl Keys<K> + ?Sized)) -> bool {
    a.size() <= b.size() && shared(a, b) == a.size()
}

fn same_keys<K: Ord>(a: &(impl Keys<K> + ?Sized), b: &(impl Keys<K> + ?Sized)) -> bool {
    a.size() == b.size() && shared(a, b) == a.size()
}

/// Kinds of words said: many a month, so they only merge across articles
/// for the very same day.
pub fn spoken(kind: &str) -> bool {
    matches!(kind, "statement" | "announcement" | "call")
}

/// Kinds that describe the same happening from different angles.
fn kinds_compatible(a: &str, b: &str) -> bool {
    kind_group(a) == kind_group(b)
}

/// The group of kinds a kind merges with: one name for all of them.
pub fn kind_group(kind: &str) -> &str {
    if VISIT_KINDS.contains(&kind) {
        VISIT_KINDS[0]
    } else if spoken(kind) {
        // One person's words of one day, reported as a statement by one
        // outlet and as an announcement by another.
        "statement"
    } else {
        kind
    }
}

/// Meetings, visits and the "other" happenings of sentences without a
/// trigger ("Shoigu war bereits im September in Pjöngjang"), which are
/// mostly one of the two.
const VISIT_KINDS: &[&str] = &["meeting", "visit", "other"];

/// Kinds of formal acts, done once by the same cast.
const FORMAL_KINDS: &[&str] = &["ratification", "agreement", "office", "parade", "ceremony"];

/// Whether `kind` is a formal act, done once by the same cast.
pub fn formal_kind(kind: &str) -> bool {
    FORMAL_KINDS.contains(&kind)
}

/// Dates that can name the same happening: one is a prefix of the other
/// (2024-07 fits 2024-07-18), or two days at most one apart (the day it
/// happened and the day it was reported).
fn dates_compatible(a: &str, b: &str, strong: bool) -> bool {
    if a.starts_with(b) || b.starts_with(a) {
        return true;
    }
    match (a.parse::<Date>(), b.parse::<Date>()) {
        (Ok(x), Ok(y)) => strong && (x - y).get_days().abs() <= 1,
        _ => false,
    }
}

/// Whether two reports' casts (sorted, without repeats) leave
/// [`same_happening`] a way to accept them: two reports that both name
/// people must share one. The writer's event index asks this of each
/// candidate first, so candidates found through a shared place or country
/// alone are not judged further.
pub fn casts_meet<K: Ord>(a: &[K], b: &[K]) -> bool {
    a.is_empty() || b.is_empty() || shared(a, b) > 0
}

/// Whether two reports describe one happening. Undated reports only merge
/// within one article (`same_article`), where the dated one gives the date.
///
/// People decide: two shared actors, or one shared actor plus a shared place,
/// or, on the very same day, one shared actor when one report's actors are
/// all among the other's (a short report naming only Kim of a meeting another
/// outlet reports with Kim and Lawrow). For formal acts (ratification,
/// agreement, office, parade, ceremony) such a nested cast is enough at any
/// compatible date, and within one article one shared actor on the same day.
pub fn same_happening<K: Ord, R: Report<K> + ?Sized>(a: &R, b: &R, same_article: bool) -> bool {
    let same_day = matches!((a.date(), b.date()), (Some(x), Some(y)) if x == y && x.len() == 10);
    // A report without a trigger ("other") says nothing of what happened:
    // across articles, on the very same day, it may be what another outlet
    // reports as a handover announced or a protest voiced.
    let untold = (a.kind() == "other") != (b.kind() == "other") && !same_article && same_day;
    if !kinds_compatible(a.kind(), b.kind()) && !untold {
        return false;
    }
    // Words said are many a month: across articles, statements only merge
    // when reported for the very same day.
    let spoken = spoken(a.kind()) || spoken(b.kind());
    if spoken && !same_article && !same_day {
        return false;
    }
    let shared_actors = shared(a.actors(), b.actors());
    // A city and its country are one place told at two scales, when the
    // report naming the country says little else about where (one or two
    // places, none of them within it): "zwischen Russland, Belarus und
    // Nordkorea ... in Sotschi" names countries as a topic, not a scene.
    let vague = |s: &R| s.places().size() <= 2 && shared(s.places(), s.within()) == 0;
    let scaled = |x: &R, y: &R| match vague(x) {
        true => shared(x.places(), y.within()),
        false => 0,
    };
    let contained = scaled(a, b) + scaled(b, a);
    let shared_places = shared(a.places(), b.places()) + contained;
    let strong = shared_actors >= 2;
    let nested = subset(a.actors(), b.actors()) || subset(b.actors(), a.actors());
    // Formal acts (a ratification, a signing, a parade) happen once for the
    // same cast: one report naming only the Duma fits another naming it.
    let formal = a.kind() == b.kind() && formal_kind(a.kind());
    // Two reports dated by their year alone are too vague to be one
    // happening across articles, but for a formal act with two people or
    // places in common ("Masikryong wurde 2013 auf Befehl Kims eröffnet").
    let yearly = |s: &R| s.date().is_some_and(|d| d.len() == 4);
    if !same_article && yearly(a) && yearly(b) && !(formal && shared_actors + shared_places >= 2) {
        return false;
    }
    // Within one article, the same kind on the same day with someone in
    // common is one happening told twice.
    let retold = same_article && same_day;
    let people_ok = strong
        || (shared_actors == 1
            && (shared_places >= 1 || (same_day && nested) || (formal && nested) || retold));
    // Reports naming only places: the same places, or a city and its
    // country; on the very same day and of one kind, also two places in
    // common or one report's places all among the other's (the attack "in
    // der Crocus City Hall in Krasnogorsk" and "... in Krasnogorsk bei Moskau").
    let same_kind_day = same_day && (a.kind() == b.kind() || untold);
    let nested_places = subset(a.places(), b.places()) || subset(b.places(), a.places());
    let places_only = a.actors().size() == 0
        && b.actors().size() == 0
        && a.places().size() > 0
        && b.places().size() > 0
        && (same_keys(a.places(), b.places())
            || (contained > 0 && a.places().size().min(b.places().size()) == 1)
            || (same_kind_day && (shared_places >= 2 || nested_places)));
    // A report naming no one ("97 Touristen landeten in Pjöngjang") joins
    // one naming people at the same places: two of them, or one that day,
    // or one for a formal act ("Mit dem Bau der Brücke über den Tumen wurde
    // Ende April begonnen").
    let placed = (a.actors().size() == 0) != (b.actors().size() == 0)
        && (shared_places >= 2 || ((same_day || formal) && shared_places >= 1));
    if !(people_ok || places_only || placed) {
        return false;
    }
    match (a.date(), b.date()) {
        // Place-only reports need the very same date, unless they name the
        // same two or more places (a carrier "zwischen Yonaguni und
        // Iriomote" in September and on 18 September).
        (Some(x), Some(y)) => {
            let same_scene = same_keys(a.places(), b.places()) && a.places().size() >= 2;
            dates_compatible(x, y, strong) && (!places_only || x == y || same_scene)
        }
        (None, None) => same_article,
        _ => same_article && (strong || formal),
    }
}

/// The better of two dates for one happening: the more precise, and of two
/// different days the earlier (reports follow events).
pub fn better_date(a: Option<&str>, b: Option<&str>) -> Option<String> {
    match (a, b) {
        (Some(x), Some(y)) if x.len() == y.len() => Some(x.min(y).to_string()),
        (Some(x), Some(y)) => Some(if x.len() > y.len() { x } else { y }.to_string()),
        (x, y) => x.or(y).map(str::to_string),
    }
}

/// The signature of an event of this article, for merging, with entity keys
/// (borrowed: an article's events are compared pairwise as they come).
pub fn signature<'a>(event: &Event, entities: &'a [Entity]) -> Signature<&'a str> {
    signature_by(
        event,
        entities,
        |i| entities[i].key.as_str(),
        |i| container(&entities[i].key),
    )
}

/// The signature of `event` with each participant (an index into
/// `entities`) named by `id` (the store passes entity ids), and each place
/// its country by `country`.
pub fn signature_by<K: Ord>(
    event: &Event,
    entities: &[Entity],
    id: impl Fn(usize) -> K,
    country: impl Fn(usize) -> Option<K>,
) -> Signature<K> {
    let mut actors = BTreeSet::new();
    let mut places = BTreeSet::new();
    let mut within = BTreeSet::new();
    for &(i, _) in &event.participants {
        if entities[i].kind == EntityKind::Location {
            places.insert(id(i));
            within.extend(country(i));
        } else {
            actors.insert(id(i));
        }
    }
    Signature {
        kind: event.kind.clone(),
        date: event.date.clone(),
        actors,
        places,
        within,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(kind: &str, date: Option<&str>, actors: &[&str], places: &[&str]) -> Signature {
        Signature {
            kind: kind.into(),
            date: date.map(str::to_string),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            places: places.iter().map(|s| s.to_string()).collect(),
            within: BTreeSet::new(),
        }
    }

    /// `sig` whose places lie in `country`.
    fn sig_in(
        kind: &str,
        date: Option<&str>,
        actors: &[&str],
        places: &[&str],
        country: &str,
    ) -> Signature {
        Signature {
            within: [country.to_string()].into(),
            ..sig(kind, date, actors, places)
        }
    }

    #[test]
    fn a_city_and_its_country_are_one_place_but_two_cities_are_not() {
        let city = sig_in(
            "visit",
            Some("2023-09"),
            &["kim"],
            &["wostotschny"],
            "russland",
        );
        let country = sig("visit", Some("2023"), &["kim"], &["russland"]);
        assert!(same_happening(&city, &country, false));
        let sibling = sig_in("visit", Some("2023-09"), &["kim"], &["moskau"], "russland");
        assert!(!same_happening(&city, &sibling, false));
        let landed = sig_in(
            "visit",
            Some("2024-02-09"),
            &[],
            &["pjöngjang", "wladiwostok"],
            "nordkorea",
        );
        let arrived = sig("visit", Some("2024-02-09"), &[], &["nordkorea"]);
        assert!(same_happening(&landed, &arrived, false));
        assert!(!same_happening(
            &landed,
            &sig("visit", Some("2024-02-10"), &[], &["nordkorea"]),
            false
        ));
        // A report naming no one joins one naming who came, at its places.
        let flight = sig_in(
            "visit",
            Some("2024-02-09"),
            &["air koryo"],
            &["pjöngjang", "wladiwostok"],
            "nordkorea",
        );
        assert!(same_happening(&flight, &arrived, false));
        assert!(same_happening(
            &flight,
            &sig("visit", Some("2024-02"), &[], &["pjöngjang", "wladiwostok"]),
            false
        ));
        assert!(!same_happening(
            &flight,
            &sig("visit", Some("2024-02"), &[], &["pjöngjang"]),
            false
        ));
        // Countries as a topic beside the scene of another meeting.
        let topic = sig_in(
            "meeting",
            Some("2023-09-15"),
            &["kim", "lukaschenko"],
            &["russland", "nordkorea", "sotschi"],
            "russland",
        );
        assert!(!same_happening(&city, &topic, false));
    }

    #[test]
    fn merges_compatible_reports() {
        let a = sig("visit", Some("2024-06-19"), &["putin", "kim"], &["nk"]);
        let b = sig("meeting", Some("2024-06"), &["putin", "kim"], &[]);
        assert!(same_happening(&a, &b, false));
        let c = sig("meeting", Some("2024-06-20"), &["putin", "kim"], &[]);
        assert!(same_happening(&a, &c, false));
        let one = sig("visit", Some("2024-06"), &["putin"], &["nk"]);
        assert!(same_happening(&a, &one, false));
        let short = sig("meeting", Some("2024-06-19"), &["kim"], &[]);
        assert!(same_happening(&a, &short, false));
        let duma = sig("ratification", Some("2024-10-24"), &["duma"], &[]);
        let later = sig("ratification", Some("2024-10"), &["duma"], &[]);
        assert!(same_happening(&duma, &later, false));
        let told = sig("visit", Some("2025-06-04"), &["schoigu", "kim"], &["nk"]);
        let again = sig("visit", Some("2025-06-04"), &["schoigu", "putin"], &[]);
        assert!(same_happening(&told, &again, true));
        assert!(!same_happening(&told, &again, false));
    }

    #[test]
    fn a_report_without_trigger_joins_another_kind_only_across_articles_that_day() {
        let handed = sig("other", Some("2024-02-18"), &["kim", "pak"], &["pjöngjang"]);
        let announced = sig("announcement", Some("2024-02-18"), &["kim", "pak"], &[]);
        assert!(same_happening(&handed, &announced, false));
        assert!(!same_happening(&handed, &announced, true));
        let later = sig("announcement", Some("2024-02-20"), &["kim", "pak"], &[]);
        assert!(!same_happening(&handed, &later, false));
    }

    #[test]
    fn a_formal_act_told_by_its_place_alone_joins_the_one_with_people() {
        let signed = sig(
            "ceremony",
            Some("2025-04-30"),
            &["mischustin", "pak"],
            &["tumen", "chasan"],
        );
        let begun = sig("ceremony", Some("2025-04"), &[], &["tumen"]);
        assert!(same_happening(&signed, &begun, false));
        // A visit told by its place alone needs that very day.
        let visit = sig("visit", Some("2025-04-30"), &["mischustin"], &["tumen"]);
        let there = sig("visit", Some("2025-04"), &[], &["tumen"]);
        assert!(!same_happening(&visit, &there, false));
        // Nor does a ceremony join one of another month.
        let later = sig("ceremony", Some("2025-05"), &[], &["tumen"]);
        assert!(!same_happening(&signed, &later, false));
    }

    #[test]
    fn reports_dated_by_their_year_alone_merge_only_for_a_formal_act_of_two_in_common() {
        let opened = sig("ceremony", Some("2013"), &["kim"], &["masikryong"]);
        let again = sig("ceremony", Some("2013"), &["kim"], &["masikryong", "bern"]);
        assert!(same_happening(&opened, &again, false));
        // One in common is not enough for a year.
        let elsewhere = sig("ceremony", Some("2013"), &["kim"], &["wonsan"]);
        assert!(!same_happening(&opened, &elsewhere, false));
        // Nor is a visit of the same cast in the same year one happening.
        let visit = sig("visit", Some("2013"), &["kim", "rodman"], &["pjöngjang"]);
        let other = sig("visit", Some("2013"), &["kim", "rodman"], &["pjöngjang"]);
        assert!(!same_happening(&visit, &other, false));
    }

    #[test]
    fn keeps_different_happenings_apart() {
        let a = sig("visit", Some("2024-06-19"), &["putin", "kim"], &[]);
        assert!(!same_happening(
            &a,
            &sig("agreement", Some("2024-06-19"), &["putin", "kim"], &[]),
            false
        ));
        assert!(!same_happening(
            &a,
            &sig("visit", Some("2023-09"), &["putin", "kim"], &[]),
            false
        ));
        assert!(!same_happening(
            &a,
            &sig("visit", Some("2024-06-19"), &["putin", "xi"], &[]),
            false
        ));
        // A month-dated visit naming only Putin may be another trip.
        assert!(!same_happening(
            &a,
            &sig("visit", Some("2024-06"), &["putin"], &[]),
            false
        ));
        assert!(!same_happening(
            &a,
            &sig("visit", None, &["putin", "kim"], &[]),
            false
        ));
        assert!(same_happening(
            &a,
            &sig("visit", None, &["putin", "kim"], &[]),
            true
        ));
    }

    #[test]
    fn better_date_prefers_precision_then_the_earlier_day() {
        assert_eq!(
            better_date(Some("2024-07"), Some("2024-07-18")).as_deref(),
            Some("2024-07-18")
        );
        assert_eq!(
            better_date(Some("2024-07-19"), Some("2024-07-18")).as_deref(),
            Some("2024-07-18")
        );
        assert_eq!(better_date(None, Some("2024")).as_deref(), Some("2024"));
    }

    #[test]
    fn place_only_reports_of_one_kind_and_day_share_their_places() {
        let hall = sig(
            "incident",
            Some("2024-03-22"),
            &[],
            &["Halle", "Krasnogorsk", "Moskau"],
        );
        let town = sig(
            "incident",
            Some("2024-03-22"),
            &[],
            &["Halle", "Krasnogorsk"],
        );
        let brjansk = sig("legal", Some("2024-03-23"), &[], &["Brjansk"]);
        let both = sig("legal", Some("2024-03-23"), &[], &["Brjansk", "Moskau"]);
        assert!(same_happening(&hall, &town, false));
        assert!(same_happening(&brjansk, &both, false));
        // Another day, or another kind, is another happening.
        let later = sig(
            "incident",
            Some("2024-03-23"),
            &[],
            &["Halle", "Krasnogorsk"],
        );
        let fire = sig(
            "military",
            Some("2024-03-22"),
            &[],
            &["Halle", "Krasnogorsk"],
        );
        assert!(!same_happening(&hall, &later, false));
        assert!(!same_happening(&hall, &fire, false));
        // The same two places at a compatible date.
        let month = sig("military", Some("2024-09"), &[], &["Ost", "West"]);
        let day = sig("military", Some("2024-09-18"), &[], &["Ost", "West"]);
        let one = sig("military", Some("2024-09-18"), &[], &["Ost"]);
        assert!(same_happening(&month, &day, false));
        assert!(!same_happening(
            &one,
            &sig("military", Some("2024-09"), &[], &["Ost"]),
            false
        ));
        // A dated sentence without a trigger may tell what another outlet
        // reports with one.
        let salvo = sig(
            "military",
            Some("2024-05-30"),
            &[],
            &["Nordland", "Ostmeer", "Sunan"],
        );
        let told = sig("other", Some("2024-05-30"), &[], &["Nordland", "Ostmeer"]);
        assert!(same_happening(&salvo, &told, false));
    }

    #[test]
    fn a_statement_and_an_announcement_of_one_day_are_one_speech() {
        let said = sig("statement", Some("2022-09-21"), &["putin", "schoigu"], &[]);
        let announced = sig("announcement", Some("2022-09-21"), &["putin"], &[]);
        assert!(same_happening(&said, &announced, false));
        // Not on another day, and not with someone else.
        let later = sig("announcement", Some("2022-09-22"), &["putin"], &[]);
        assert!(!same_happening(&said, &later, false));
        let other = sig("announcement", Some("2022-09-21"), &["lawrow"], &[]);
        assert!(!same_happening(&said, &other, false));
    }

    /// A report over entity ids 0 to 5: any of seven kinds, dated by year,
    /// month or day or not at all.
    fn any_signature() -> impl proptest::strategy::Strategy<Value = Signature<i64>> {
        use proptest::collection::btree_set;
        use proptest::strategy::Strategy;
        let kinds = vec![
            "meeting",
            "visit",
            "other",
            "statement",
            "agreement",
            "attack",
            "parade",
        ];
        let dates = vec!["2024", "2024-07", "2024-07-18", "2024-07-19"];
        (
            proptest::sample::select(kinds),
            proptest::option::of(proptest::sample::select(dates)),
            btree_set(0..6i64, 0..4),
            btree_set(0..6i64, 0..4),
            btree_set(0..6i64, 0..3),
        )
            .prop_map(|(kind, date, actors, places, within)| Signature {
                kind: kind.to_string(),
                date: date.map(str::to_string),
                actors,
                places,
                within,
            })
    }

    /// A signature's actors, places and countries as sorted slices.
    fn held(x: &Signature<i64>) -> [Vec<i64>; 3] {
        [&x.actors, &x.places, &x.within].map(|set| set.iter().copied().collect())
    }

    fn cast_of<'a>(x: &'a Signature<i64>, held: &'a [Vec<i64>; 3]) -> Cast<'a, i64> {
        Cast {
            kind: &x.kind,
            date: x.date.as_deref(),
            actors: &held[0],
            places: &held[1],
            within: &held[2],
        }
    }

    proptest::proptest! {
        /// Casts that do not meet are never one happening, whatever the
        /// kinds, dates, places and article: the event index may skip them.
        #[test]
        fn casts_that_do_not_meet_are_never_one_happening(
            a in any_signature(),
            b in any_signature(),
            same_article: bool,
        ) {
            if !casts_meet(&held(&a)[0], &held(&b)[0]) {
                proptest::prop_assert!(!same_happening(&a, &b, same_article));
            }
        }

        /// The store's casts (sorted slices) are judged as the signatures
        /// they hold, with and without dates.
        #[test]
        fn a_cast_is_judged_as_its_signature(
            a in any_signature(),
            b in any_signature(),
            same_article: bool,
        ) {
            let (held_a, held_b) = (held(&a), held(&b));
            let (ca, cb) = (cast_of(&a, &held_a), cast_of(&b, &held_b));
            proptest::prop_assert_eq!(
                same_happening(&ca, &cb, same_article),
                same_happening(&a, &b, same_article)
            );
        }
    }
}
