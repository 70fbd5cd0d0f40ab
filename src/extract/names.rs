//! Candidate names in a cleaned body: the gazetteer first, then name shapes
//! for the people, organizations and places it does not know, then surnames
//! alone ("Putin", "Kims") resolved to a full name used in the same article.
//!
//! German capitalises every noun, so a capital letter alone proves nothing.
//! A name is taken only in a shape that names take: after a role noun
//! ("Verteidigungsminister Andrej Belousow"), after a known given name, as a
//! Korean three-part or Chinese family-plus-pinyin name, or around an
//! organization or place head ("Universität Dumlupınar", "Kim-Il-Sung-Platz").
//! The word lists behind these shapes live in `data/names.tsv`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::{gazetteer, word_boundary_after, word_boundary_before};
use super::resolve::fold;
use super::{Candidate, EntityKind};

struct Lexicon {
    role: HashSet<String>,
    role_suffix: Vec<String>,
    surname_ending: Vec<String>,
    given: HashSet<String>,
    korean_family: HashSet<String>,
    chinese_family: HashSet<String>,
    org_head: HashSet<String>,
    place_head: HashSet<String>,
    place_word: HashSet<String>,
    not_name: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut classes: HashMap<&str, Vec<String>> = HashMap::new();
    for line in include_str!("../../data/names.tsv").lines() {
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
        role_suffix: take("role-suffix"),
        surname_ending: take("surname-ending"),
        given: take("given").into_iter().collect(),
        korean_family: take("korean-family").into_iter().collect(),
        chinese_family: take("chinese-family").into_iter().collect(),
        org_head: take("org-head").into_iter().collect(),
        place_head: take("place-head").into_iter().collect(),
        place_word: take("place-word").into_iter().collect(),
        not_name: take("not-name").into_iter().collect(),
    }
});

/// A word of the body with its byte span and what precedes it.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Only a single space separates it from the previous token.
    joined: bool,
}

fn tokens(body: &str) -> Vec<Token<'_>> {
    static WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}])?")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let mut out: Vec<Token> = Vec::new();
    for m in WORD.find_iter(body) {
        let joined = out
            .last()
            .is_some_and(|prev| &body[prev.end..m.start()] == " ");
        out.push(Token {
            text: m.as_str(),
            start: m.start(),
            end: m.end(),
            joined,
        });
    }
    out
}

/// Removes a genitive `s` (or `'s`) when what is left is a longer name.
pub fn strip_genitive(s: &str) -> &str {
    for suffix in ["’s", "'s", "s"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            if stem.chars().count() >= 3 && !stem.ends_with(['s', 'ß', 'x', 'z']) {
                return stem;
            }
        }
    }
    s
}

/// Every name candidate in `body`, in text order, none overlapping.
pub fn candidates(body: &str) -> Vec<Candidate> {
    let lex = &*LEXICON;
    let mut out = gazetteer_candidates(body);
    let toks = tokens(body);
    let mut pattern = Vec::new();
    pattern.extend(role_names(&toks, lex));
    pattern.extend(shaped_names(&toks, lex));
    pattern.extend(headed_names(&toks, lex));
    pattern.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    for c in pattern {
        if !overlaps(&out, c.start, c.end) {
            insert_sorted(&mut out, c);
        }
    }
    for c in surname_mentions(body, &toks, &out, lex) {
        if !overlaps(&out, c.start, c.end) {
            insert_sorted(&mut out, c);
        }
    }
    out
}

fn overlaps(list: &[Candidate], start: usize, end: usize) -> bool {
    list.iter().any(|c| c.start < end && start < c.end)
}

fn insert_sorted(list: &mut Vec<Candidate>, c: Candidate) {
    let at = list.partition_point(|x| x.start < c.start);
    list.insert(at, c);
}

fn gazetteer_candidates(body: &str) -> Vec<Candidate> {
    let gaz = gazetteer();
    let mut out = Vec::new();
    for hit in gaz.find(body) {
        let entry = &gaz.entries[hit.entry];
        let before_hyphen = body[..hit.start].ends_with('-');
        let after_hyphen = body[hit.end..].starts_with('-');
        // "Kim-Il-Sung-Platz" names a square, not the person.
        if entry.kind == EntityKind::Person && (before_hyphen || after_hyphen) {
            continue;
        }
        let mut end = hit.end;
        if body[end..].starts_with('s') && word_boundary_after(body, end + 1) {
            end += 1;
        }
        out.push(Candidate {
            start: hit.start,
            end,
            kind: entry.kind,
            name: entry.canonical.clone(),
            aliases: entry.aliases.clone(),
            confidence: 0.95,
        });
    }
    out
}

/// A candidate for a pattern-found surface: the gazetteer entity when a known
/// spelling folds to the same key, else the surface itself.
fn resolved(
    start: usize,
    end: usize,
    surface: &str,
    kind: EntityKind,
    confidence: f64,
) -> Candidate {
    let gaz = gazetteer();
    let stem = strip_genitive(surface);
    let hit = gaz.by_fold(surface).or_else(|| gaz.by_fold(stem));
    match hit.map(|i| &gaz.entries[i]) {
        Some(entry) => Candidate {
            start,
            end,
            kind: entry.kind,
            name: entry.canonical.clone(),
            aliases: entry.aliases.clone(),
            confidence: confidence.max(0.9),
        },
        None => Candidate {
            start,
            end,
            kind,
            name: stem.to_string(),
            aliases: Vec::new(),
            confidence,
        },
    }
}

fn is_name_token(t: &str, lex: &Lexicon) -> bool {
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

fn is_role(t: &str, lex: &Lexicon) -> bool {
    if lex.role.contains(t) {
        return true;
    }
    let lower = t.to_lowercase();
    t.chars().next().is_some_and(char::is_uppercase)
        && lex
            .role_suffix
            .iter()
            .any(|s| lower.ends_with(s.as_str()) && lower.len() > s.len() + 2)
}

/// Up to `max` name tokens right after `from`, joined by single spaces.
fn name_run(toks: &[Token], from: usize, max: usize, lex: &Lexicon) -> usize {
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

/// "Verteidigungsminister Andrej Belousow", "Herr Belousov".
fn role_names(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !is_role(toks[i].text, lex) {
            continue;
        }
        let n = name_run(toks, i + 1, 3, lex);
        // One word alone is a name only in a surname's shape ("Herr Belousov");
        // "Führer Kim" is left to the surname step, "Dozent Mitglied" to nobody.
        if n == 0 || (n == 1 && !surname_shaped(toks[i + 1].text)) {
            continue;
        }
        let (s, e) = (toks[i + 1].start, toks[i + n].end);
        out.push(span_candidate(toks, i + 1, s, e, EntityKind::Person, 0.8));
    }
    out
}

/// A single word in a surname's shape: a typical ending from `data/names.tsv`.
fn surname_shaped(t: &str) -> bool {
    let stem = strip_genitive(t).to_lowercase();
    stem.chars().count() >= 4
        && LEXICON
            .surname_ending
            .iter()
            .any(|e| stem.ends_with(e.as_str()))
}

fn span_candidate(
    toks: &[Token],
    first: usize,
    s: usize,
    e: usize,
    kind: EntityKind,
    conf: f64,
) -> Candidate {
    let surface: String = {
        let mut parts = Vec::new();
        for t in &toks[first..] {
            if t.start >= e {
                break;
            }
            parts.push(t.text);
        }
        parts.join(" ")
    };
    resolved(s, e, &surface, kind, conf)
}

fn korean_syllable(t: &str) -> bool {
    static SYL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:kk|tt|pp|ss|jj|ch|ph|th|kh|[bcdghjklmnprstwy])?(?:wae|wa|wo|we|wi|ya|yae|yo|yu|ye|yeo|ae|eo|eu|oe|ui|[aeiou])(?:ng|[nmklpt])?)$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    t.split('-').all(|p| !p.is_empty() && SYL.is_match(p))
}

fn pinyin(t: &str) -> bool {
    static PINYIN: LazyLock<Regex> = LazyLock::new(|| {
        let syl = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|ü)(?:n|ng|r)?";
        Regex::new(&format!("^(?i:{syl}(?:{syl})?)$")).unwrap_or_else(|e| panic!("{e}"))
    });
    t.is_ascii() && PINYIN.is_match(t)
}

/// Given name + surname, Korean three-part names, Chinese family + pinyin.
fn shaped_names(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].text;
        let next_joined = |k: usize| toks.get(i + k).filter(|x| x.joined);
        let mut found: Option<usize> = None;
        if lex.korean_family.contains(t) {
            if let (Some(a), Some(b)) = (next_joined(1), next_joined(2)) {
                if starts_upper(a.text)
                    && korean_syllable(a.text)
                    && starts_upper(b.text)
                    && korean_syllable(b.text)
                {
                    found = Some(2);
                }
            }
            if found.is_none() {
                if let Some(a) = next_joined(1) {
                    if a.text.contains('-') && starts_upper(a.text) && korean_syllable(a.text) {
                        found = Some(1);
                    }
                }
            }
        }
        if found.is_none() && lex.chinese_family.contains(t) {
            if let Some(a) = next_joined(1) {
                if starts_upper(a.text) && pinyin(a.text) && !lex.not_name.contains(a.text) {
                    found = Some(1);
                }
            }
        }
        if found.is_none() && lex.given.contains(t) {
            let n = name_run(toks, i + 1, 2, lex);
            if n > 0 {
                found = Some(n);
            }
        }
        if let Some(n) = found {
            let (s, e) = (toks[i].start, toks[i + n].end);
            out.push(span_candidate(toks, i, s, e, EntityKind::Person, 0.85));
            i += n + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn starts_upper(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// "Universität Dumlupınar", "Dumlupınar-Universität", "Kim-Il-Sung-Platz",
/// "Kosmodrom Wostotschny".
fn headed_names(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let t = tok.text;
        if let Some((_, last)) = t.rsplit_once('-') {
            let kind = if lex.org_head.contains(last) {
                Some(EntityKind::Organization)
            } else if lex.place_head.contains(last) {
                Some(EntityKind::Location)
            } else {
                None
            };
            if let Some(kind) = kind {
                if starts_upper(t) && t.split('-').count() >= 2 {
                    out.push(resolved(tok.start, tok.end, t, kind, 0.75));
                }
                continue;
            }
        }
        if lex.place_word.contains(t) {
            let n = name_run(toks, i + 1, 2, lex);
            if n > 0 {
                let (first, last) = (toks[i + 1], toks[i + n]);
                out.push(span_candidate(
                    toks,
                    i + 1,
                    first.start,
                    last.end,
                    EntityKind::Location,
                    0.75,
                ));
            }
            continue;
        }
        let kind = if lex.org_head.contains(t) {
            EntityKind::Organization
        } else if lex.place_head.contains(t) {
            EntityKind::Location
        } else {
            continue;
        };
        let n = name_run(toks, i + 1, 2, lex);
        if n == 0 {
            continue;
        }
        let last = toks[i + n];
        // A following known place is its own mention ("Flughafen Pjöngjang").
        if gazetteer()
            .by_fold(strip_genitive(toks[i + 1].text))
            .is_some()
        {
            continue;
        }
        out.push(span_candidate(toks, i, tok.start, last.end, kind, 0.7));
    }
    out
}

/// Surnames alone, resolved to a full name of the same article: the family
/// name is the first part of a Korean or Chinese name and the last part of
/// others. When two people share it, the nearest full mention before wins.
fn surname_mentions(
    body: &str,
    toks: &[Token],
    found: &[Candidate],
    lex: &Lexicon,
) -> Vec<Candidate> {
    let mut owners: HashMap<String, Vec<(usize, usize)>> = HashMap::new(); // fold -> (candidate index, start)
    for (ci, c) in found.iter().enumerate() {
        if c.kind != EntityKind::Person {
            continue;
        }
        let parts: Vec<&str> = c.name.split([' ', '-']).filter(|p| !p.is_empty()).collect();
        if parts.len() < 2 {
            continue;
        }
        let family =
            if lex.korean_family.contains(parts[0]) || lex.chinese_family.contains(parts[0]) {
                parts[0]
            } else {
                parts[parts.len() - 1]
            };
        let surface = &body[c.start..c.end];
        let surface_parts: Vec<&str> = surface.split([' ', '-']).collect();
        let mut keys = vec![fold(family)];
        if let Some(last) = surface_parts.last() {
            if family != parts[0] {
                keys.push(fold(strip_genitive(last)));
            }
        }
        for k in keys {
            owners.entry(k).or_default().push((ci, c.start));
        }
    }
    let mut out = Vec::new();
    for t in toks {
        if !starts_upper(t.text) || lex.not_name.contains(t.text) {
            continue;
        }
        if !word_boundary_before(body, t.start) || overlaps(found, t.start, t.end) {
            continue;
        }
        let key = fold(t.text);
        let list = owners
            .get(&key)
            .or_else(|| owners.get(&fold(strip_genitive(t.text))));
        let Some(list) = list else { continue };
        let owner = list
            .iter()
            .filter(|(_, s)| *s < t.start)
            .max_by_key(|(_, s)| *s)
            .or_else(|| list.iter().min_by_key(|(_, s)| *s));
        let Some(&(ci, _)) = owner else { continue };
        let c = &found[ci];
        out.push(Candidate {
            start: t.start,
            end: t.end,
            kind: c.kind,
            name: c.name.clone(),
            aliases: c.aliases.clone(),
            confidence: 0.75,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(body: &str) -> Vec<(String, String, &'static str)> {
        candidates(body)
            .into_iter()
            .map(|c| (body[c.start..c.end].to_string(), c.name, c.kind.as_str()))
            .collect()
    }

    #[test]
    fn role_nouns_and_shapes_find_unknown_people() {
        let got = names("Verteidigungsminister Andrej Testow traf Außenministerin Choe Son Hui und Vize-Regierungschef Liu Guozhong.");
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(surfaces.contains(&"Andrej Testow"), "{got:?}");
        assert!(surfaces.contains(&"Choe Son Hui"), "{got:?}");
        assert!(surfaces.contains(&"Liu Guozhong"), "{got:?}");
    }

    #[test]
    fn surname_alone_and_genitive_resolve_to_full_name() {
        let got = names(
            "Der Minister Andrej Testow kam. Später sprach Testow, und Testows Delegation ging.",
        );
        let testow: Vec<_> = got.iter().filter(|g| g.1 == "Andrej Testow").collect();
        assert_eq!(testow.len(), 3, "{got:?}");
        assert_eq!(testow[2].0, "Testows");
    }

    #[test]
    fn square_is_not_the_person() {
        let got = names("Auf dem Kim-Il-Sung-Platz fand eine Zeremonie statt.");
        assert_eq!(
            got,
            vec![(
                "Kim-Il-Sung-Platz".to_string(),
                got[0].1.clone(),
                "location"
            )]
        );
    }

    #[test]
    fn place_words_name_the_place_after_them() {
        let got = names("Kämpfe in der Region Testsk und auf der Insel Okushiri.");
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(
            surfaces.contains(&"Okushiri") && surfaces.contains(&"Testsk"),
            "{got:?}"
        );
        assert!(
            !surfaces
                .iter()
                .any(|s| s.starts_with("Region") || s.starts_with("Insel")),
            "{got:?}"
        );
    }

    #[test]
    fn sentence_start_capitals_are_not_names() {
        let got = names("Die Zusammenarbeit wächst. Berichten zufolge sagte der Präsident nichts.");
        assert!(got.is_empty(), "{got:?}");
    }
}
