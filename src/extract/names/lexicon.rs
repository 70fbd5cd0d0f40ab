//! The word lists behind name shapes (`data/names.tsv`) and the tokens
//! the shapes are matched on.

use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;
use std::sync::LazyLock;

use super::strip_genitive;
use super::words::words;
use crate::extract::suffixes::Suffixes;
use crate::extract::wordset::WordSet;
use crate::extract::EntityKind;
use crate::text::Memo;

pub(super) struct Lexicon {
    pub(super) role: WordSet,
    pub(super) role_suffix: Suffixes,
    pub(super) surname_ending: Suffixes,
    pub(super) given: WordSet,
    pub(super) korean_family: WordSet,
    pub(super) chinese_family: WordSet,
    pub(super) org_head: WordSet,
    pub(super) org_suffix: Suffixes,
    pub(super) place_head: WordSet,
    pub(super) place_word: WordSet,
    pub(super) place_word_suffix: Suffixes,
    pub(super) org_word: WordSet,
    pub(super) org_word_suffix: Suffixes,
    pub(super) noun_suffix: Suffixes,
    pub(super) not_place: WordSet,
    pub(super) not_name: WordSet,
    pub(super) not_acronym: WordSet,
    pub(super) place_first: WordSet,
    pub(super) region_word: WordSet,
    pub(super) place_named: WordSet,
    pub(super) english_head: WordSet,
    pub(super) foreign_letters: Vec<String>,
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut classes: HashMap<&str, Vec<String>> = HashMap::new();
    for line in include_str!("../../../data/names.tsv").lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((class, words)) = line.split_once('\t') {
            classes.entry(class.trim()).or_default().extend(
                words
                    .split('|')
                    .map(|w| w.trim().to_string())
                    .filter(|w| !w.is_empty()),
            );
        }
    }
    let mut take = |c: &str| classes.remove(c).unwrap_or_default();
    Lexicon {
        role: take("role").into_iter().collect(),
        role_suffix: Suffixes::new(take("role-suffix")),
        surname_ending: Suffixes::new(take("surname-ending")),
        given: take("given").into_iter().collect(),
        korean_family: take("korean-family").into_iter().collect(),
        chinese_family: take("chinese-family").into_iter().collect(),
        org_head: take("org-head").into_iter().collect(),
        org_suffix: Suffixes::new(take("org-suffix")),
        place_head: take("place-head").into_iter().collect(),
        place_word: take("place-word").into_iter().collect(),
        place_word_suffix: Suffixes::new(take("place-word-suffix")),
        org_word: take("org-word").into_iter().collect(),
        org_word_suffix: Suffixes::new(take("org-word-suffix")),
        noun_suffix: Suffixes::new(take("noun-suffix")),
        not_place: take("not-place").into_iter().collect(),
        not_name: take("not-name").into_iter().collect(),
        not_acronym: take("not-acronym").into_iter().collect(),
        place_first: take("place-first").into_iter().collect(),
        region_word: take("region-word").into_iter().collect(),
        place_named: take("place-named").into_iter().collect(),
        english_head: take("english-head").into_iter().collect(),
        foreign_letters: take("foreign-letters"),
    }
});

/// A word of the body with its byte span and what precedes it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Only a single space separates it from the previous token.
    pub(super) joined: bool,
    /// It opens a sentence, a line or a quotation, where German capitalises anything.
    pub(super) sentence_start: bool,
}

pub(super) fn tokens(body: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::new();
    for (start, end) in words(body) {
        // "St. Gallen", "Mt. Paektu": a saint's or mount's abbreviation
        // belongs to the name after it.
        let abbreviated = out.last().is_some_and(|prev| {
            matches!(prev.text, "St" | "Ste" | "Mt") && &body[prev.end..start] == ". "
        });
        let joined = abbreviated || out.last().is_some_and(|prev| &body[prev.end..start] == " ");
        let sentence_start = !abbreviated
            && body[..start]
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_none_or(|c| {
                    matches!(
                        c,
                        '.' | '!' | '?' | ':' | '\n' | '„' | '"' | '“' | '»' | '(' | '–' | '—'
                    )
                });
        out.push(Token {
            text: &body[start..end],
            start,
            end,
            joined,
            sentence_start,
        });
    }
    out
}

pub(super) fn is_name_token(t: &str, lex: &Lexicon) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() || lex.not_name.contains(t) {
        return false;
    }
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    // Headline words in capitals ("VERTEIDIGUNGSKOOPERATION") are not names.
    !(letters > 5 && upper == letters) && t.chars().count() >= 2
}

pub(super) fn is_role(t: &str, lex: &Lexicon) -> bool {
    answer(t, lex, |f| f.role, is_role_afresh)
}

fn is_role_afresh(t: &str, lex: &Lexicon) -> bool {
    lex.role.contains(t) || (starts_upper(t) && lex.role_suffix.ends(&t.to_lowercase(), 3))
}

/// Up to `max` name tokens right after `from`, joined by single spaces.
pub(super) fn name_run(toks: &[Token], from: usize, max: usize, lex: &Lexicon) -> usize {
    let mut n = 0;
    while from + n < toks.len()
        && n < max
        && toks[from + n].joined
        && is_name_token(toks[from + n].text, lex)
        && !is_role(toks[from + n].text, lex)
    {
        n += 1;
    }
    n
}

/// A single word in a surname's shape: a typical ending from `data/names.tsv`.
pub(super) fn surname_shaped(t: &str) -> bool {
    let stem = strip_genitive(t).to_lowercase();
    stem.chars().count() >= 4 && LEXICON.surname_ending.ends(&stem, 0)
}

/// Capital letters only, as many as `lengths` allows, perhaps with a
/// genitive s: "MIT" and "SWR" after an institution noun (2 to 5), "FBI"
/// and "CTBTOs" alone (3 to 6).
pub(super) fn acronym(t: &str, lengths: std::ops::RangeInclusive<usize>) -> bool {
    let core = t.strip_suffix('s').unwrap_or(t);
    // Asked of every word: the cheap tests first, the count only of an
    // acronym's shape.
    lengths.contains(&core.len())
        && core.starts_with(|c: char| c.is_ascii_uppercase())
        && core
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && {
            // A digit inside counts with three capitals ("C4ADS"), not in
            // a code like "MH17" or "G20".
            let capitals = core.bytes().filter(u8::is_ascii_uppercase).count();
            capitals == core.len() || capitals >= 3
        }
}

pub(super) fn starts_upper(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word ending like an inflected adjective ("Zentrale",
/// "Vereinigten", "Kommunistischen"). Inside a sentence German writes
/// adjectives in lower case, so a capital one is part of a name.
pub(super) fn is_cap_adjective(t: &str, lex: &Lexicon) -> bool {
    answer(t, lex, |f| f.cap_adjective, is_cap_adjective_afresh)
}

fn is_cap_adjective_afresh(t: &str, lex: &Lexicon) -> bool {
    starts_upper(t)
        && t.chars().count() >= 5
        && !t.contains('-')
        && {
            let lower = t.to_lowercase();
            ["e", "en", "er", "es", "em"]
                .iter()
                .any(|e| lower.ends_with(e))
        }
        && !lex.not_name.contains(t)
        && !is_role_afresh(t, lex)
        && head_kind_afresh(t, lex).is_none()
}

/// Whether `t` heads an organization's or a place's name.
pub(super) fn head_kind(t: &str, lex: &Lexicon) -> Option<EntityKind> {
    answer(t, lex, |f| f.head, head_kind_afresh)
}

fn head_kind_afresh(t: &str, lex: &Lexicon) -> Option<EntityKind> {
    if !starts_upper(t) {
        return None;
    }
    let stem = strip_genitive(t);
    let lower = stem.to_lowercase();
    if lex.org_head.contains(t) || lex.org_head.contains(stem) || lex.org_suffix.ends(&lower, 0) {
        Some(EntityKind::Organization)
    } else if lex.place_head.contains(t) || lex.place_head.contains(stem) {
        Some(EntityKind::Location)
    } else {
        None
    }
}

/// A capitalised word that looks like a German common noun by its ending.
pub(super) fn noun_shaped(t: &str, lex: &Lexicon) -> bool {
    answer(t, lex, |f| f.noun_shaped, noun_shaped_afresh)
}

fn noun_shaped_afresh(t: &str, lex: &Lexicon) -> bool {
    let lower = t.to_lowercase();
    // German nouns in -ung have a consonant or another u before it; "-eung"
    // ends Korean names ("Gangneung").
    if lower.ends_with("eung") {
        return false;
    }
    lex.noun_suffix.ends(&lower, 2)
}

/// A word before a place's own name: listed ("Region", "Insel") or a
/// compound ending like one ("Ölstadt", "Regionalhauptstadt").
pub(super) fn is_place_word(t: &str, lex: &Lexicon) -> bool {
    answer(t, lex, |f| f.place_word, is_place_word_afresh)
}

fn is_place_word_afresh(t: &str, lex: &Lexicon) -> bool {
    lex.place_word.contains(t) || compound_of(t, &lex.place_word_suffix)
}

/// A word before an organization's own name: listed ("Partei", "Konzern")
/// or a compound ending like one ("Regierungspartei", "Telekomkonzern").
pub(super) fn is_org_word(t: &str, lex: &Lexicon) -> bool {
    answer(t, lex, |f| f.org_word, is_org_word_afresh)
}

fn is_org_word_afresh(t: &str, lex: &Lexicon) -> bool {
    lex.org_word.contains(t) || compound_of(t, &lex.org_word_suffix)
}

/// A capitalised compound whose last part is one of `endings`.
fn compound_of(t: &str, endings: &Suffixes) -> bool {
    starts_upper(t) && endings.ends(&t.to_lowercase(), 2)
}

/// What the lexicon says of one capitalised word. The name shapes ask it
/// of every capitalised word of an article, several times over, and
/// each answer lowercases the word and walks word lists; news repeats its
/// words, so the answers are worked out once per word on each thread.
#[derive(Debug, Clone, Copy)]
struct Facts {
    role: bool,
    head: Option<EntityKind>,
    cap_adjective: bool,
    noun_shaped: bool,
    place_word: bool,
    org_word: bool,
}

impl Facts {
    fn of(t: &str, lex: &Lexicon) -> Facts {
        Facts {
            role: is_role_afresh(t, lex),
            head: head_kind_afresh(t, lex),
            cap_adjective: is_cap_adjective_afresh(t, lex),
            noun_shaped: noun_shaped_afresh(t, lex),
            place_word: is_place_word_afresh(t, lex),
            org_word: is_org_word_afresh(t, lex),
        }
    }
}

/// Words the lexicon answered on this thread (see [`Memo`]).
const FACTS_MAX: usize = 50_000;

thread_local! {
    static FACTS: RefCell<Memo<Facts>> = RefCell::new(Memo::new(FACTS_MAX));
}

/// One answer of the lexicon about `t`: remembered for a capitalised
/// word, worked out afresh for any other, where most answers are a set
/// lookup or false at once.
fn answer<T>(
    t: &str,
    lex: &Lexicon,
    remembered: impl FnOnce(&Facts) -> T,
    afresh: impl FnOnce(&str, &Lexicon) -> T,
) -> T {
    if starts_upper(t) {
        remembered(&facts(t, lex))
    } else {
        afresh(t, lex)
    }
}

/// The facts of `t` from [`LEXICON`], the one lexicon there is: the
/// memo does not tell lexicons apart.
fn facts(t: &str, lex: &Lexicon) -> Facts {
    debug_assert!(std::ptr::eq(lex, &*LEXICON));
    FACTS.with_borrow_mut(|memo| memo.with(t, |t| Facts::of(t, lex), |f| *f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_capitals_with_digits_only_beside_three_capitals() {
        let yes = ["FBI", "CTBTOs", "C4ADS", "NATO", "MIT"];
        let no = [
            "MH17", "G20", "Fbi", "fbi", "ÄRZTE", "F-16", "EU", "NATOOOO",
        ];
        for t in yes {
            assert!(acronym(t, 3..=6), "{t}");
        }
        for t in no {
            assert!(!acronym(t, 3..=6), "{t}");
        }
        assert!(acronym("EU", 2..=5) && !acronym("E", 2..=5));
    }

    #[test]
    fn remembered_facts_are_the_lexicons_answers() {
        let lex = &*LEXICON;
        let words = [
            "Außenminister",
            "Verteidigungsministeriums",
            "Regierungspartei",
            "Hafenstadt",
            "Zentrale",
            "Verhandlungen",
            "Universität",
            "Kim",
            "minister",
            "Ämter",
        ];
        // Twice: the first asks the lexicon, the second the memo.
        for _ in 0..2 {
            for w in words {
                assert_eq!(is_role(w, lex), is_role_afresh(w, lex), "{w}");
                assert_eq!(head_kind(w, lex), head_kind_afresh(w, lex), "{w}");
                assert_eq!(
                    is_cap_adjective(w, lex),
                    is_cap_adjective_afresh(w, lex),
                    "{w}"
                );
                assert_eq!(noun_shaped(w, lex), noun_shaped_afresh(w, lex), "{w}");
                assert_eq!(is_place_word(w, lex), is_place_word_afresh(w, lex), "{w}");
                assert_eq!(is_org_word(w, lex), is_org_word_afresh(w, lex), "{w}");
            }
        }
        assert!(is_role("Außenminister", lex));
        assert_eq!(
            head_kind("Universität", lex),
            Some(EntityKind::Organization)
        );
        assert!(is_org_word("Regierungspartei", lex));
        assert!(noun_shaped("Verhandlungen", lex));
        assert!(is_cap_adjective("Zentrale", lex));
    }
}
