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

mod capitals;
mod lexicon;
mod shapes;
mod words;

/// Reads the name lists now (see [`super::WARM_UP`]).
pub(super) fn warm_up() {
    std::sync::LazyLock::force(&lexicon::LEXICON);
}

use foldhash::{HashMap, HashMapExt};

use super::gazetteer::{gazetteer, word_boundary_after, word_boundary_before};
use super::resolve::fold;
use super::{Candidate, EntityKind};
use lexicon::{noun_shaped, starts_upper, tokens, Lexicon, Token, LEXICON};
use shapes::{
    adjective_names, appositive_names, coordinated_places, headed_names, preposition_places,
    role_names, shaped_names, town_named_orgs,
};

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
    candidates_with(body, gazetteer_candidates(body))
}

/// [`candidates`] with the gazetteer's found already ([`gazetteer_candidates`]):
/// an import finds those for a group of articles at a time (see
/// `import::prepare`).
pub fn candidates_with(body: &str, known: Vec<Candidate>) -> Vec<Candidate> {
    let lex = &*LEXICON;
    let mut out = known;
    let toks = tokens(body);
    folded_gazetteer_names(&toks, &mut out);
    with_given_names(&mut out, &toks, lex);
    // An organization named after its country ("Kommunistische Partei
    // Vietnams", "Bank of Korea") takes the place of the country's mention
    // inside it.
    let english: Vec<Candidate> = capitals::english_names(&toks, lex)
        .into_iter()
        .chain(capitals::english_media(&toks, lex))
        .collect();
    let adjectives = adjective_names(body, &toks, lex);
    let named_after_places = adjectives
        .iter()
        .cloned()
        .chain(english.iter().cloned())
        .chain(town_named_orgs(&toks, lex));
    for c in named_after_places {
        let inside = |x: &Candidate| x.start < c.end && c.start < x.end;
        // ("Grosse Nationalversammlung": a capitalised adjective makes a
        // known institution's head a name of its own.)
        // ("Moscow Times": a place may open the name too.)
        let absorbable = out.iter().filter(|x| inside(x)).all(|x| {
            x.start >= c.start
                && x.end <= c.end
                && (x.start, x.end) != (c.start, c.end)
                && (x.kind == EntityKind::Location
                    || (x.kind == EntityKind::Organization && x.end == c.end))
        });
        if c.kind == EntityKind::Organization && absorbable {
            out.retain(|x| !inside(x));
            insert_sorted(&mut out, c);
        }
    }
    let mut pattern = Vec::new();
    pattern.extend(role_names(&toks, lex));
    pattern.extend(shaped_names(&toks, lex));
    pattern.extend(headed_names(body, &toks, lex));
    pattern.extend(adjectives);
    pattern.extend(preposition_places(&toks, lex));
    pattern.extend(appositive_names(body, &toks, lex));
    pattern.extend(english);
    pattern.extend(capitals::acronym_names(body, &toks, lex));
    pattern.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    for c in pattern {
        if !overlaps(&out, c.start, c.end) {
            insert_sorted(&mut out, c);
        }
    }
    for c in coordinated_places(&toks, &out, lex) {
        if !overlaps(&out, c.start, c.end) {
            insert_sorted(&mut out, c);
        }
    }
    for c in surname_mentions(body, &toks, &out, lex) {
        if !overlaps(&out, c.start, c.end) {
            insert_sorted(&mut out, c);
        }
    }
    capitals::defined_acronyms(body, &toks, &mut out);
    repeated_names(body, &mut out);
    final_s_kept(body, &mut out);
    out
}

/// "Texas", "Charles Jenkins": a name the gazetteer does not know keeps
/// its final "s" unless the article also names it without one ("Kobachidse
/// … Kobachidses Partei"), for only then is the "s" a genitive's.
fn final_s_kept(body: &str, out: &mut [Candidate]) {
    let gaz = gazetteer();
    let bare_elsewhere = |name: &str| {
        crate::text::occurrences(body, name).any(|at| {
            word_boundary_before(body, at) && {
                let after = &body[at + name.len()..];
                after.chars().next().is_none_or(|c| !c.is_alphanumeric())
            }
        })
    };
    let mut renamed: HashMap<String, bool> = HashMap::new();
    for c in out.iter() {
        let surface = &body[c.start..c.end];
        // ("des Kachowka-Staudamms", "des Murkelsees": a noun's genitive.)
        let last = c.name.rsplit([' ', '-']).next().unwrap_or("");
        let noun = lexicon::head_kind(last, &LEXICON).is_some() || last.ends_with("see");
        if surface.strip_suffix('s') != Some(c.name.as_str())
            || noun
            || gaz.by_fold(&c.name).is_some()
        {
            continue;
        }
        renamed
            .entry(c.name.clone())
            .or_insert_with(|| !bare_elsewhere(&c.name));
    }
    // (Every mention of it: "Jenkins" alone was named after the full name.)
    for c in out.iter_mut() {
        if renamed.get(&c.name) == Some(&true) {
            c.name.push('s');
        }
    }
}

/// A place or organization found by its shape once ("die Behörden in
/// Stepanakert") is that place wherever the article names it again ("nahe
/// Stepanakert"), where no shape vouches for it.
fn repeated_names(body: &str, out: &mut Vec<Candidate>) {
    let mut seen = foldhash::HashSet::default();
    let found: Vec<Candidate> = out
        .iter()
        .filter(|c| c.kind != EntityKind::Person)
        .filter(|c| seen.insert(strip_genitive(&body[c.start..c.end]).to_string()))
        .cloned()
        .collect();
    for c in found {
        let surface = strip_genitive(&body[c.start..c.end]);
        if surface.chars().count() < 4 || !surface.starts_with(char::is_uppercase) {
            continue;
        }
        let mut again = Vec::new();
        for at in crate::text::occurrences(body, surface) {
            let mut end = at + surface.len();
            let free = word_boundary_before(body, at)
                && word_boundary_after(body, end)
                && !body[..at].ends_with('-')
                && !body[end..].starts_with('-');
            if !free || overlaps(out, at, end) {
                continue;
            }
            if body[end..].starts_with('s') {
                end += 1;
            }
            again.push(Candidate {
                start: at,
                end,
                ..c.clone()
            });
        }
        for a in again {
            insert_sorted(out, a);
        }
    }
}

/// A known place or organization in a spelling the gazetteer does not list
/// but folds to ("Severo-Kurilsk" for "Sewero-Kurilsk", "Chabarovsk"): one
/// capitalised word of five letters or more, not a common noun.
fn folded_gazetteer_names(toks: &[Token], out: &mut Vec<Candidate>) {
    let gaz = gazetteer();
    let lex = &*LEXICON;
    for t in toks {
        let word = strip_genitive(t.text);
        // (Not an acronym: "UEFA" folds like the town Ufa.)
        if word.chars().count() < 5
            || !word.starts_with(char::is_uppercase)
            || !word.chars().skip(1).any(char::is_lowercase)
            || noun_shaped(word, lex)
            || lex.not_name.contains(word)
            || overlaps(out, t.start, t.end)
        {
            continue;
        }
        let Some(i) = gaz.by_fold(word) else {
            continue;
        };
        let entry = &gaz.entries[i];
        if entry.kind == EntityKind::Person {
            continue;
        }
        insert_sorted(
            out,
            Candidate {
                start: t.start,
                end: t.end,
                kind: entry.kind,
                name: entry.canonical.clone(),
                aliases: entry.aliases.clone(),
                confidence: 0.9,
            },
        );
    }
}

/// A known person found by a one-word spelling ("Syrskyj") right after a
/// known given name ("Olexandr Syrskyj") is named in full there: the given
/// name, in a transliteration the gazetteer may lack, belongs to the mention.
fn with_given_names(out: &mut [Candidate], toks: &[Token], lex: &Lexicon) {
    for c in out.iter_mut().filter(|c| c.kind == EntityKind::Person) {
        let Some(i) = toks.iter().position(|t| t.start == c.start) else {
            continue;
        };
        if i == 0 || toks[i].end < c.end || !toks[i].joined {
            continue;
        }
        if lex.given.contains(toks[i - 1].text) {
            c.start = toks[i - 1].start;
        }
    }
}

fn overlaps(list: &[Candidate], start: usize, end: usize) -> bool {
    list.iter().any(|c| c.start < end && start < c.end)
}

fn insert_sorted(list: &mut Vec<Candidate>, c: Candidate) {
    let at = list.partition_point(|x| x.start < c.start);
    list.insert(at, c);
}

/// A letter, digit or hyphen: what a hyphenated compound is made of.
fn compound_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The length in bytes of the hyphenated compound `text` opens with.
fn compound_len(text: &str) -> usize {
    text.find(|c: char| !compound_char(c)).unwrap_or(text.len())
}

/// Whether `start..end` of `body` lies in a word of capitals joined by
/// hyphens ("CSP-DPA").
fn in_acronym_compound(body: &str, start: usize, end: usize) -> bool {
    let from = body[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| compound_char(c))
        .last()
        .map_or(start, |(i, _)| i);
    let to = end + compound_len(&body[end..]);
    let word = body[from..to].trim_matches('-');
    word.contains('-')
        && word.split('-').all(|p| {
            p.chars().count() >= 2 && p.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Whether `rest` continues a word by a hyphen into a compound whose last
/// part heads a place's or an institution's name ("-Staudamms",
/// "-Il-Sung-Platz", "-Gericht").
fn ends_in_place_head(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix('-') else {
        return false;
    };
    let last = rest[..compound_len(rest)].rsplit('-').next().unwrap_or("");
    // (An institution's head too: "Lefortowo-Gericht".)
    let heads = |w: &str| LEXICON.place_head.contains(w) || LEXICON.org_head.contains(w);
    heads(last) || heads(strip_genitive(last))
}

/// The word `text` ends with, if it ends with a letter.
fn last_word(text: &str) -> Option<&str> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some(&text[start..])
}

/// The gazetteer's names in `body`, as candidates.
pub fn gazetteer_candidates(body: &str) -> Vec<Candidate> {
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
        // "CSP-DPA": a known acronym as part of acronyms joined by hyphens.
        if (before_hyphen || after_hyphen) && in_acronym_compound(body, hit.start, hit.end) {
            continue;
        }
        // "Nord-Krim-Kanal", "Kachowka-Staudamm": a place as the first part
        // of a compound that ends in a place's head names that compound,
        // which the name shapes find whole.
        if entry.kind == EntityKind::Location && ends_in_place_head(&body[hit.end..]) {
            continue;
        }
        // "US-Präsident", "US-Sanktionen": a country code as the first part
        // of a compound describes, like an adjective; it names no place.
        let code = &body[hit.start..hit.end];
        if entry.kind == EntityKind::Location
            && after_hyphen
            && code.len() <= 3
            && code.chars().all(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        let mut end = hit.end;
        if body[end..].starts_with('s') && word_boundary_after(body, end + 1) {
            end += 1;
        }
        // "Region Kursk", "Gebiet Charkiw": the region's full name is the
        // mention, so that it is kept among the place's spellings.
        let mut start = hit.start;
        if entry.kind == EntityKind::Location {
            if let Some(word) = body[..start].strip_suffix(' ').and_then(last_word) {
                if LEXICON.region_word.contains(word) {
                    start -= word.len() + 1;
                }
            }
        }
        out.push(Candidate {
            start,
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
    // An acronym is known only in its own letters: "UEFA" folds like the
    // town Ufa.
    let acronym = !stem.chars().any(char::is_lowercase);
    let spelled = |e: &&super::gazetteer::Entry| {
        std::iter::once(&e.canonical)
            .chain(&e.aliases)
            .any(|f| f.eq_ignore_ascii_case(stem) || f.eq_ignore_ascii_case(surface))
    };
    let hit = hit
        .map(|i| &gaz.entries[i])
        .filter(|e| !acronym || spelled(e));
    match hit {
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

/// The full mention a surname at `at` stands for, of the full mentions
/// `list` (candidate index, start) bearing it: of the people named before
/// it, the one named most often, and of equals the one named first (the
/// article's protagonist: "Kim Yo Jong, die Schwester Kims" after two
/// mentions of Kim Jong Un means him); with none before, the first after.
fn owner_of(list: &[(usize, usize)], found: &[Candidate], at: usize) -> Option<usize> {
    let before: Vec<&(usize, usize)> = list.iter().filter(|(_, s)| *s < at).collect();
    if before.is_empty() {
        return list.iter().min_by_key(|(_, s)| *s).map(|&(ci, _)| ci);
    }
    let mut people: Vec<(&str, usize, usize, usize)> = Vec::new(); // name, count, first start, candidate
    for &&(ci, s) in &before {
        let name = found[ci].name.as_str();
        match people.iter_mut().find(|p| p.0 == name) {
            Some(p) => p.1 += 1,
            None => people.push((name, 1, s, ci)),
        }
    }
    people
        .iter()
        .max_by_key(|p| (p.1, std::cmp::Reverse(p.2)))
        .map(|p| p.3)
}

/// Surnames alone, resolved to a full name of the same article: the family
/// name is the first part of a Korean or Chinese name and the last part of
/// others. When two people share it, see [`owner_of`].
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
        let Some(ci) = owner_of(list, found, t.start) else {
            continue;
        };
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

    /// (surface, name, kind) of every candidate; shared with the tests of
    /// the submodules.
    pub(super) fn names(body: &str) -> Vec<(String, String, &'static str)> {
        candidates(body)
            .into_iter()
            .map(|c| (body[c.start..c.end].to_string(), c.name, c.kind.as_str()))
            .collect()
    }

    /// (surface, kind) of each of `got`.
    fn with_kinds<'a>(got: &'a [(String, String, &'static str)]) -> Vec<(&'a str, &'static str)> {
        got.iter().map(|g| (g.0.as_str(), g.2)).collect()
    }

    #[test]
    fn given_names_towns_of_universities_and_words_before_names() {
        let got = names("Im Januar fuhr dort Dennis Testman Ski. Das sagt Henrike Mustermann von der Universität Wien, \
             Jonas Beispiel von der Universität St. Gallen und Sergej Petrowitsch Testow. \
             Der Veranstalter Wostok Intar plant Reisen in das Skigebiet Masiktal und zum Mansu-Hügel.");
        assert_eq!(
            with_kinds(&got),
            [
                ("Dennis Testman", "person"),
                ("Henrike Mustermann", "person"),
                ("Universität Wien", "organization"),
                ("Jonas Beispiel", "person"),
                ("Universität St. Gallen", "organization"),
                ("Sergej Petrowitsch Testow", "person"),
                ("Wostok Intar", "organization"),
                ("Masiktal", "location"),
                ("Mansu-Hügel", "location"),
            ]
        );
    }

    #[test]
    fn compounds_ending_in_a_place_head_name_the_place_not_their_first_part() {
        let got = names(
            "Der Nord-Krim-Kanal führt kein Wasser, seit das Wasser des Kachowka-Staudamms \
             ablief. Über den Testin-Korridor kamen Tausende aus der Krim.",
        );
        assert_eq!(
            with_kinds(&got),
            [
                ("Nord-Krim-Kanal", "location"),
                ("Kachowka-Staudamms", "location"),
                ("Testin-Korridor", "location"),
                ("Krim", "location"),
            ]
        );
        assert_eq!(got[1].1, "Kachowka-Staudamm");
    }

    #[test]
    fn towns_after_compounds_of_stadt_and_in_korean_eung_are_places() {
        let got = names(
            "Die Proteste begannen in der Ölstadt Xanaozen. In der Küstenstadt Gangneung \
             brannte es. Auch die Regionalhauptstadt Testakert wurde beschossen.",
        );
        assert_eq!(
            with_kinds(&got),
            [
                ("Xanaozen", "location"),
                ("Gangneung", "location"),
                ("Testakert", "location"),
            ]
        );
    }

    #[test]
    fn a_place_found_once_by_its_shape_is_found_again_alone() {
        let got = names(
            "Die Behörden in Testakert meldeten Tote. Nahe Testakert explodierte ein Lager, \
             Testakerts Flughafen blieb offen. Die Nord-Testakert-Route nicht.",
        );
        let spots: Vec<&str> = got
            .iter()
            .filter(|g| g.1 == "Testakert")
            .map(|g| g.0.as_str())
            .collect();
        assert_eq!(spots, ["Testakert", "Testakert", "Testakerts"], "{got:?}");
    }

    #[test]
    fn an_acronym_of_another_language_in_brackets_names_the_organization_before_it() {
        let got = names(
            "Das teilte das Komitee für Nationale Testsicherheit (KNT) mit. Der KNT ermittelt.",
        );
        let knt: Vec<&str> = got
            .iter()
            .filter(|g| g.0 == "KNT")
            .map(|g| g.1.as_str())
            .collect();
        assert_eq!(knt, ["Komitee für Nationale Testsicherheit"; 2], "{got:?}");
    }

    #[test]
    fn a_final_s_is_a_genitive_only_when_the_name_also_stands_without_it() {
        let got = names(
            "Der Soldat Charles Jenkins kam aus Ulm. Jenkins schwieg. \
             Jonas Testidse kam. Jonas Testidses Rede überzeugte.",
        );
        let named: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert!(named.contains(&"Charles Jenkins"), "{got:?}");
        assert!(named.contains(&"Jonas Testidse"), "{got:?}");
        assert!(!named.contains(&"Charles Jenkin"), "{got:?}");
        assert!(!named.contains(&"Jonas Testidses"), "{got:?}");
    }

    #[test]
    fn truncated_compounds_org_word_compounds_long_and_joined_acronyms() {
        let got = names(
            "Das sagt Jonas Beispiel vom Zentrum für Osteuropa- und internationale Studien. \
             Der Telekomkonzern Testisa meldete Störungen an der Gaspipeline Testconnector. \
             Die UN-Mission TESTUSMA zog ab. Das Bündnis CSP-DPA kämpfte bei Tinzaouaten. \
             Erzbischof Bagrat Testanjan sprach kurz nach Mittag.",
        );
        assert_eq!(
            with_kinds(&got),
            [
                ("Jonas Beispiel", "person"),
                (
                    "Zentrum für Osteuropa- und internationale Studien",
                    "organization"
                ),
                ("Testisa", "organization"),
                ("Testconnector", "location"),
                ("UN", "organization"),
                ("TESTUSMA", "organization"),
                ("CSP-DPA", "organization"),
                ("Tinzaouaten", "location"),
                ("Bagrat Testanjan", "person"),
            ]
        );
    }

    #[test]
    fn capitalised_adjectives_make_known_heads_names_and_cut_compounds_end_names() {
        let got = names(
            "Es forscht Jonas Beispiel vom Deutschen Zentrum für Luft- und Raumfahrt (DLR). \
             Zuletzt stimmte die türkische Grosse Nationalversammlung zu.",
        );
        let orgs: Vec<(&str, &str)> = got
            .iter()
            .filter(|g| g.2 == "organization")
            .map(|g| (g.0.as_str(), g.1.as_str()))
            .collect();
        assert_eq!(
            orgs,
            [
                (
                    "Deutschen Zentrum für Luft- und Raumfahrt",
                    "Deutschen Zentrum für Luft- und Raumfahrt"
                ),
                ("DLR", "Deutschen Zentrum für Luft- und Raumfahrt"),
                ("Grosse Nationalversammlung", "Grosse Nationalversammlung"),
            ]
        );
    }

    #[test]
    fn english_media_names_and_plural_nouns_after_heads() {
        let got = names(
            "Er räumte im britischen Sender Testsky News Verluste ein und schrieb für die \
             „Moscow Times“. Das Testo Review Team (TRT) tagte. Im Stadtteil Testolon Gefechte, \
             an der Grenze Schüsse.",
        );
        assert_eq!(
            with_kinds(&got),
            [
                ("Testsky News", "organization"),
                ("Moscow Times", "organization"),
                ("Testo Review Team", "organization"),
                ("TRT", "organization"),
                ("Testolon", "location"),
            ]
        );
    }

    #[test]
    fn universities_keep_their_towns_however_named() {
        let got = names(
            "Das sagt Jonas Beispiel von der Freien Universität Testheim. \
             Auch Maria Muster von der Diplomatischen Akademie Beispielstadt, \
             Tim Probe von der Anna-Muster-Universität Halle-Beispiel, \
             Eva Test von der Universität zu Testdorf und Udo Versuch von der \
             Universität des Testlandes widersprachen.",
        );
        let orgs: Vec<&str> = got
            .iter()
            .filter(|g| g.2 == "organization")
            .map(|g| g.0.as_str())
            .collect();
        assert_eq!(
            orgs,
            [
                "Freien Universität Testheim",
                "Diplomatischen Akademie Beispielstadt",
                "Anna-Muster-Universität Halle-Beispiel",
                "Universität zu Testdorf",
                "Universität des Testlandes",
            ],
            "{got:?}"
        );
    }

    #[test]
    fn a_hyphenated_head_with_its_own_name_drops_the_towns_adjective() {
        let got = names("Das Moskauer Testmann-Gericht ordnete Haft an. Zwei legten laut Gericht Geständnisse ab.");
        let orgs: Vec<&str> = got
            .iter()
            .filter(|g| g.2 == "organization")
            .map(|g| g.0.as_str())
            .collect();
        assert_eq!(orgs, ["Testmann-Gericht"], "{got:?}");
    }

    #[test]
    fn embassies_stadiums_bands_and_compound_academies_are_named() {
        let got = names(
            "Die US-Botschaft warnte. Das Finale fand im Estadio Testero statt, \
             ein Konzert der Rockband Probeklang fiel aus. Das sagt Eva Test von der \
             Deutschen Sporthochschule Testheim.",
        );
        let surfaces: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.2)).collect();
        for want in [
            ("US-Botschaft", "organization"),
            ("Estadio Testero", "location"),
            ("Probeklang", "organization"),
            ("Deutschen Sporthochschule Testheim", "organization"),
        ] {
            assert!(surfaces.contains(&want), "{want:?} in {got:?}");
        }
    }

    #[test]
    fn a_known_place_is_found_in_a_spelling_that_folds_to_it() {
        // The gazetteer lists "Chabarowsk" and "Khabarovsk".
        let got = names("Die Wellen trafen damals Chabarovsk. Die UEFA schwieg.");
        let places: Vec<(&str, &str)> = got
            .iter()
            .filter(|g| g.2 == "location")
            .map(|g| (g.0.as_str(), g.1.as_str()))
            .collect();
        assert_eq!(places, [("Chabarovsk", "Chabarowsk")], "{got:?}");
    }

    #[test]
    fn role_nouns_and_shapes_find_unknown_people() {
        let got = names("Verteidigungsminister Andrej Testow traf Außenministerin Choe Son Hui und Vize-Regierungschef Liu Guozhong. Analyst Yang Moo-jin widersprach.");
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(surfaces.contains(&"Andrej Testow"), "{got:?}");
        assert!(surfaces.contains(&"Choe Son Hui"), "{got:?}");
        assert!(surfaces.contains(&"Yang Moo-jin"), "{got:?}");
        assert!(surfaces.contains(&"Liu Guozhong"), "{got:?}");
    }

    #[test]
    fn a_given_name_before_a_known_surname_joins_the_mention() {
        let got = names("Am Morgen besuchte Olexandr Syrskyj die Front.");
        assert!(
            got.contains(&(
                "Olexandr Syrskyj".to_string(),
                "Oleksandr Syrskyj".to_string(),
                "person"
            )),
            "{got:?}"
        );
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
    fn an_institute_takes_what_it_is_for() {
        let got = names("Das sagt Anna Beispiel vom Testländischen Institut für Internationale Politik in Wien.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Testländischen Institut für Internationale Politik"),
            "{got:?}"
        );
        let got = names("Laut dem Testo-Institut für Politikstudien in Seoul.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Testo-Institut für Politikstudien"),
            "{got:?}"
        );
        // A word never a name alone does not start what it is for.
        let got = names("Laut dem Testo-Institut für Politik.");
        assert!(got.iter().any(|g| g.0 == "Testo-Institut"), "{got:?}");
        // A head known by its ending, with a common noun for its purpose.
        let got = names("Das Staatssekretariat für Wirtschaft untersagte es.");
        assert!(
            got.iter()
                .any(|g| g.0 == "Staatssekretariat für Wirtschaft"),
            "{got:?}"
        );
    }

    #[test]
    fn a_genitive_after_a_preposition_is_the_person_not_a_place() {
        let got = names(
            "Andrej Testow reiste ab. Zwei Monate nach Testows Treffen mit Kowalczyk kam es dazu.",
        );
        assert!(
            got.iter()
                .any(|g| g.0 == "Testows" && g.1 == "Andrej Testow"),
            "{got:?}"
        );
        // Where the preposition leads, a name is still a place.
        let got = names("Die Delegation reiste nach Testograd weiter.");
        assert!(got.iter().any(|g| g.0 == "Testograd"), "{got:?}");
    }

    #[test]
    fn a_shared_surname_is_the_person_named_most_then_first() {
        let got = names(
            "Andrej Testow kam. Andrej Testow sprach. Dann kam Boris Testow. Danach sprach Testow.",
        );
        let last = got.iter().find(|g| g.0 == "Testow").expect("Testow");
        assert_eq!(last.1, "Andrej Testow", "{got:?}");
        let got = names("Boris Testow und Andrej Testow kamen. Testow sprach.");
        let bare = got.iter().find(|g| g.0 == "Testow").expect("Testow");
        assert_eq!(bare.1, "Boris Testow", "{got:?}");
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
    fn capital_adjectives_before_a_head_make_a_name() {
        let got = names("Laut dem Vereinigten Generalstab in Seoul und der Zentralen Testkommission der Kommunistischen Partei Vietnams flog sie ins Japanische Meer.");
        let surfaces = with_kinds(&got);
        for want in [
            ("Vereinigten Generalstab", "organization"),
            ("Zentralen Testkommission", "organization"),
            ("Kommunistischen Partei Vietnams", "organization"),
            ("Japanische Meer", "location"),
        ] {
            assert!(surfaces.contains(&want), "{want:?} not in {got:?}");
        }
    }

    #[test]
    fn bare_capital_after_a_preposition_is_a_place_unless_an_idiom() {
        let got = names("Der Vertrag trat in Kraft. Nach Angaben aus Moskau reiste er nach Testograd und bei Kuala Lumpur weiter.");
        let surfaces = with_kinds(&got);
        assert!(surfaces.contains(&("Testograd", "location")), "{got:?}");
        assert!(surfaces.contains(&("Kuala Lumpur", "location")), "{got:?}");
        assert!(
            !surfaces.iter().any(|s| s.0 == "Kraft" || s.0 == "Angaben"),
            "{got:?}"
        );
        // "über" a place on a route, a topic elsewhere.
        let got =
            names("Ein Vertrag über Luftverkehr. Züge fahren von Ulm über Testowo nach Moskau.");
        let surfaces = with_kinds(&got);
        assert!(surfaces.contains(&("Testowo", "location")), "{got:?}");
        assert!(!surfaces.iter().any(|s| s.0 == "Luftverkehr"), "{got:?}");
    }

    #[test]
    fn appositions_next_to_a_role_are_people() {
        let got = names("Der Sprecher des Außenministeriums, Heorhij Tychyj, widersprach. Oleh Testenko, der Gouverneur des Gebiets, meldete Schäden.");
        let surfaces = with_kinds(&got);
        assert!(surfaces.contains(&("Heorhij Tychyj", "person")), "{got:?}");
        assert!(surfaces.contains(&("Oleh Testenko", "person")), "{got:?}");
        // A given name ending like an adjective.
        let got = names("Eine Sprecherin des Ministeriums, Adrienne Testson, sagte das.");
        assert!(
            with_kinds(&got).contains(&("Adrienne Testson", "person")),
            "{got:?}"
        );
        // A role right after the comma, without an article.
        let got = names("„Das ist neu“, sagt Sabine Testheim, Koreaexpertin der Testakademie.");
        assert!(
            with_kinds(&got).contains(&("Sabine Testheim", "person")),
            "{got:?}"
        );
    }

    #[test]
    fn nationality_and_occupation_nouns_stand_before_names() {
        let got = names("Er erschoss den Georgier Selimchan Testoschwili. Der Unternehmer Radoslaw Testewski traf die Oppositionspolitikerin Ljubow Testol.");
        let surfaces = with_kinds(&got);
        for name in [
            "Selimchan Testoschwili",
            "Radoslaw Testewski",
            "Ljubow Testol",
        ] {
            assert!(surfaces.contains(&(name, "person")), "{name}: {got:?}");
        }
    }

    #[test]
    fn adjectives_alone_are_not_mentions() {
        let got = names("Die nordkoreanische Delegation und der russische Minister sprachen über die koreanische Halbinsel.");
        assert!(
            !got.iter().any(|g| g.1 == "Nordkorea" || g.1 == "Russland"),
            "{got:?}"
        );
    }

    #[test]
    fn institutions_for_a_purpose_lakes_and_rivers() {
        let got = names("Die Agentur für Testenergie meldete, das Werk am Ufer des Murkelsees und am Fluss Testja solle wachsen. Das Amt für Zivilschutz schwieg.");
        let surfaces = with_kinds(&got);
        for want in [
            ("Agentur für Testenergie", "organization"),
            ("Murkelsees", "location"),
            ("Testja", "location"),
            ("Amt für Zivilschutz", "organization"),
        ] {
            assert!(surfaces.contains(&want), "{want:?} not in {got:?}");
        }
        assert!(got.iter().any(|g| g.1 == "Murkelsee"), "{got:?}");
    }

    #[test]
    fn acronyms_after_institution_nouns_and_slash_names() {
        let got = names("Nach Angaben des Geheimdienstes QZT und die Entwicklungsbank WXB landeten auf dem Flughafen Testau/Beispielheim. Am Montag sagte QQX nichts (QQY/dpa).");
        let surfaces = with_kinds(&got);
        for want in [
            ("QZT", "organization"),
            ("WXB", "organization"),
            ("Flughafen Testau/Beispielheim", "location"),
        ] {
            assert!(surfaces.contains(&want), "{want:?} not in {got:?}");
        }
        // An acronym alone is an organization too, but not in a credit.
        assert!(surfaces.contains(&("QQX", "organization")), "{got:?}");
        assert!(!surfaces.iter().any(|s| s.0 == "QQY"), "{got:?}");
        assert!(
            got.iter().any(|g| g.1 == "Flughafen Testau/Beispielheim"),
            "{got:?}"
        );
    }

    #[test]
    fn a_region_word_before_a_known_place_is_part_of_its_mention() {
        let got = names("Kämpfe in der Region Kursk und in Kursk selbst; Stadt Kursk.");
        let surfaces = with_kinds(&got);
        assert!(surfaces.contains(&("Region Kursk", "location")), "{got:?}");
        assert!(surfaces.contains(&("Kursk", "location")), "{got:?}");
        assert!(got.iter().all(|g| g.1 == "Kursk"), "{got:?}");
        assert!(!surfaces.iter().any(|s| s.0 == "Stadt Kursk"), "{got:?}");
    }

    #[test]
    fn country_codes_in_compounds_and_topic_nouns_are_not_places() {
        let got = names("US-Diplomaten sprachen über Bergbau und in Lagern festgehaltene Menschen. Die USA schwiegen.");
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(surfaces, vec!["USA"], "{got:?}");
    }

    #[test]
    fn sentence_start_capitals_are_not_names() {
        let got = names("Die Zusammenarbeit wächst. Berichten zufolge sagte der Präsident nichts.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn kin_before_a_name_and_bases_before_theirs() {
        let got = names(
            "Mit dabei war seine Tochter Ivanka Testmann. Später landete er auf dem Stützpunkt Osanri. \
             Das sagt Lars Beispiel aus Odense.",
        );
        let kinds = with_kinds(&got);
        for want in [
            ("Ivanka Testmann", "person"),
            ("Osanri", "location"),
            ("Lars Beispiel", "person"),
        ] {
            assert!(kinds.contains(&want), "{want:?} in {got:?}");
        }
    }
}
