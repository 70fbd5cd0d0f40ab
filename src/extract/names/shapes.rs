//! Name shapes: the people, organizations and places the gazetteer does
//! not know, found by the shape their names take in German news.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{
    acronym, head_kind, is_cap_adjective, is_name_token, is_org_word, is_place_word, is_role,
    name_run, noun_shaped, starts_upper, surname_shaped, Lexicon, Token,
};
use super::{resolved, strip_genitive};
use crate::extract::gazetteer::gazetteer;
use crate::extract::wordset::WordSet;
use crate::extract::{Candidate, EntityKind};
use crate::text::with_lower;

/// "Verteidigungsminister Andrej Belousow", "Herr Belousov".
pub(super) fn role_names(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
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
        // "der Deutschen Sporthochschule Köln": an institution, no person.
        // ("Erzbischof Bagrat Galstanjan": a surname vouches for a given
        // name that ends like a noun or a head, "-rat".)
        let vouched = n >= 2 && surname_shaped(toks[i + n].text);
        let noun_like =
            head_kind(toks[i + 1].text, lex).is_some() || noun_shaped(toks[i + 1].text, lex);
        if noun_like && !vouched {
            continue;
        }
        let (s, e) = (toks[i + 1].start, toks[i + n].end);
        out.push(span_candidate(toks, i + 1, s, e, EntityKind::Person, 0.8));
    }
    out
}

pub(super) fn span_candidate(
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
        Regex::new(r"^(?i:(?:kk|tt|pp|ss|jj|ch|ph|th|kh|[bcdghjklmnprstwy])?(?:wae|wa|wo|we|wi|ya|yae|yo|yu|ye|yeo|ae|eo|eu|oe|ui|oo|[aeiou])(?:ng|[nmklpt])?)$")
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

/// A romanised Japanese name part of three or more syllables ("Akihiro",
/// "Yokota"); two such words in a row are a Japanese name.
fn japanese(t: &str) -> bool {
    static JA: LazyLock<Regex> = LazyLock::new(|| {
        let syl = r"(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwfj])?[aiueo]|n)";
        Regex::new(&format!("^(?i:{syl}{{3,6}})$")).unwrap_or_else(|e| panic!("{e}"))
    });
    t.is_ascii() && t.len() >= 5 && JA.is_match(t)
}

/// Given name + surname, Korean three-part names, Chinese family + pinyin.
pub(super) fn shaped_names(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
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
        if found.is_none() && starts_upper(t) && japanese(t) && !lex.not_name.contains(t) {
            if let Some(a) = next_joined(1) {
                if starts_upper(a.text) && japanese(a.text) && !lex.not_name.contains(a.text) {
                    found = Some(1);
                }
            }
        }
        if found.is_none() && lex.given.contains(t) {
            let mut n = name_run(toks, i + 1, 2, lex);
            // A third word is a name after a middle name ("Hans Georg
            // Maaßen") or a patronymic ("Sergej Kushugetowitsch Schoigu"),
            // or in a surname's shape; else it is the noun after the name
            // ("fuhr Dennis Rodman Ski").
            let middle = |t: &str| lex.given.contains(t) || surname_shaped(t);
            if n == 2 && !middle(toks[i + 1].text) && !surname_shaped(toks[i + 2].text) {
                n = 1;
            }
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

/// Organization when `word` is in `orgs`, location when in `places`.
fn kind_in(word: &str, orgs: &WordSet, places: &WordSet) -> Option<EntityKind> {
    if orgs.contains(word) {
        Some(EntityKind::Organization)
    } else if places.contains(word) {
        Some(EntityKind::Location)
    } else {
        None
    }
}

/// "Universität Dumlupınar", "Dumlupınar-Universität", "Kim-Il-Sung-Platz",
/// "Kosmodrom Wostotschny".
pub(super) fn headed_names(body: &str, toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        let t = tok.text;
        let head_org = head_kind(t, lex) == Some(EntityKind::Organization);
        // "Geheimdienst MIT", "Entwicklungsbank DFC": an institution noun
        // followed by an acronym in capitals; the acronym is its name.
        let institution =
            head_org || (starts_upper(t) && with_lower(t, |lower| lex.org_suffix.ends(lower, 0)));
        if institution {
            if let Some(a) = toks
                .get(i + 1)
                .filter(|a| a.joined && acronym(a.text, 2..=8))
            {
                out.push(resolved(
                    a.start,
                    a.end,
                    a.text,
                    EntityKind::Organization,
                    0.7,
                ));
                continue;
            }
        }
        if let Some((_, last)) = t.rsplit_once('-') {
            // (In the genitive too: "des Kachowka-Staudamms".)
            let head = kind_in(last, &lex.org_head, &lex.place_head)
                .or_else(|| kind_in(strip_genitive(last), &lex.org_head, &lex.place_head));
            if let Some(kind) = head {
                // "Asan-Institut für Politikstudien": with what it is for.
                let purpose = (kind == EntityKind::Organization)
                    .then(|| purpose_run(body, toks, i, lex))
                    .flatten();
                match purpose.filter(|_| starts_upper(t)) {
                    Some(end) => {
                        let (s, e) = (tok.start, toks[end].end);
                        out.push(resolved(s, e, &body[s..e], kind, 0.7))
                    }
                    None if starts_upper(t) && t.split('-').count() >= 2 => {
                        out.push(resolved(tok.start, tok.end, t, kind, 0.75))
                    }
                    None => {}
                }
                continue;
            }
        }
        // "Agentur für Atomenergie", "Amt für Statistik": an institution's
        // head with what it is for.
        // (Not a genitive head: "des Kiel Instituts für Weltwirtschaft" is
        // named from before it.)
        if head_org && strip_genitive(t) == t {
            if let Some(end) = purpose_run(body, toks, i, lex) {
                // (The body's own words: "Osteuropa- und" keeps its hyphen.)
                let (s, e) = (tok.start, toks[end].end);
                out.push(resolved(s, e, &body[s..e], EntityKind::Organization, 0.7));
                continue;
            }
        }
        // "Balchaschsee", "am Issyksees": one word naming a lake.
        if let Some(stem) = lake_name(t, lex) {
            out.push(resolved(
                tok.start,
                tok.end,
                stem,
                EntityKind::Location,
                0.65,
            ));
            continue;
        }
        let word_kind = if is_org_word(t, lex) {
            Some(EntityKind::Organization)
        } else {
            is_place_word(t, lex).then_some(EntityKind::Location)
        };
        if let Some(kind) = word_kind {
            let mut n = name_run(toks, i + 1, 2, lex);
            // "auf der Insel Paramuschir Soforthilfe": the noun after the
            // name is none of it.
            // ("im Stadtteil Obolon Gefechte": nor a plural noun.)
            while n > 1
                && (noun_shaped(toks[i + n].text, lex) || plural_like(toks[i + n].text, lex))
            {
                n -= 1;
            }
            if n > 0 && !noun_shaped(toks[i + 1].text, lex) {
                let (first, last) = (toks[i + 1], toks[i + n]);
                out.push(span_candidate(
                    toks,
                    i + 1,
                    first.start,
                    last.end,
                    kind,
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
        // "Flughafen Köln/Bonn": a double name joined by a slash.
        if let Some(next) = toks.get(i + n + 1) {
            if &body[last.end..next.start] == "/" && starts_upper(next.text) {
                let (s, e) = (tok.start, next.end);
                out.push(resolved(s, e, &body[s..e], kind, 0.7));
                continue;
            }
        }
        // "laut Gericht Geständnisse", "an der Grenze Schüsse": a common
        // noun names nothing.
        if noun_shaped(toks[i + 1].text, lex) || (n == 1 && plural_like(toks[i + 1].text, lex)) {
            continue;
        }
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

/// "Universität Wien", "TU Chemnitz", "Universität St. Gallen": a head of
/// `place-named` and the town after it name one institution, known town or
/// not. (Named after a known place, the candidate takes that place's
/// mention inside it, as the caller arranges.)
pub(super) fn town_named_orgs(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        // "Martin-Luther-Universität Halle-Wittenberg" too.
        let head = tok.text.rsplit('-').next().unwrap_or(tok.text);
        let hyphenated = head != tok.text && starts_upper(tok.text);
        let named_head =
            lex.place_named.contains(tok.text) || (hyphenated && lex.place_named.contains(head));
        if !named_head {
            continue;
        }
        // "Universität zu Köln", "Universität des Saarlandes".
        let linked = toks
            .get(i + 1)
            .filter(|t| t.joined)
            .and_then(|t| match t.text {
                "zu" => Some(false),
                "des" => Some(true),
                _ => None,
            });
        if let Some(genitive) = linked {
            let town = toks.get(i + 2).filter(|t| {
                t.joined
                    && is_name_token(t.text, lex)
                    && (!genitive || strip_genitive(t.text) != t.text)
                    && !is_role(t.text, lex)
            });
            if let Some(t) = town {
                out.push(span_candidate(
                    toks,
                    i,
                    tok.start,
                    t.end,
                    EntityKind::Organization,
                    0.75,
                ));
                continue;
            }
        }
        let n = name_run(toks, i + 1, 2, lex);
        if n == 0 || noun_shaped(toks[i + 1].text, lex) {
            continue;
        }
        // "Universität Wiens" is the university of a town, said of it.
        let last = toks[i + n].text;
        let stem = strip_genitive(last);
        if stem != last
            && gazetteer().by_fold(last).is_none()
            && gazetteer().by_fold(stem).is_some()
        {
            continue;
        }
        let end = toks[i + n].end;
        out.push(span_candidate(
            toks,
            i,
            tok.start,
            end,
            EntityKind::Organization,
            0.75,
        ));
    }
    out
}

/// The last token of "für" plus one or two capitalised nouns right after the
/// head at `head` ("Agentur für Atomenergie", "Amt für Zivilschutz").
fn purpose_run(body: &str, toks: &[Token], head: usize, lex: &Lexicon) -> Option<usize> {
    toks.get(head + 1).filter(|t| t.joined && t.text == "für")?;
    let nouns = (head + 2..toks.len().min(head + 4))
        .take_while(|&k| in_purpose(toks, k, head + 2, lex) && !is_role(toks[k].text, lex));
    let last = nouns.last()?;
    Some(cut_compound_end(body, toks, last))
}

/// "Zentrum für Osteuropa- und internationale Studien", "Zentrum für Luft-
/// und Raumfahrt": a compound cut short before "und" ends with the noun
/// after it; else the name ends at `last`.
fn cut_compound_end(body: &str, toks: &[Token], last: usize) -> usize {
    let cut = toks
        .get(last + 1)
        .filter(|t| &body[toks[last].end..t.start] == "- " && matches!(t.text, "und" | "oder"));
    let tail = cut.and_then(|_| {
        (last + 2..toks.len().min(last + 4))
            .take_while(|&k| toks[k].joined)
            .find(|&k| starts_upper(toks[k].text))
            .filter(|&k| (last + 2..k).all(|j| !starts_upper(toks[j].text)))
    });
    tail.unwrap_or(last)
}

/// Whether word `k` continues the capitalised run from `first` naming what
/// an institution is for or of ("für Atomenergie", "vom Roten Kreuz"). A
/// word that is never a name alone may be part of it after an adjective
/// ("Institut für Internationale Politik") or when shaped like a common
/// noun ("Staatssekretariat für Wirtschaft").
fn in_purpose(toks: &[Token], k: usize, first: usize, lex: &Lexicon) -> bool {
    let t = &toks[k];
    let after_adjective = k > first && is_cap_adjective(toks[k - 1].text, lex);
    t.joined
        && starts_upper(t.text)
        && (!lex.not_name.contains(t.text) || after_adjective || noun_shaped(t.text, lex))
}

/// A capitalised compound ending in "-see" names a lake ("Balchaschsee",
/// genitive "Balchaschsees"); the name is the word without a genitive `s`.
fn lake_name<'a>(t: &'a str, lex: &Lexicon) -> Option<&'a str> {
    let stem = t
        .strip_suffix('s')
        .filter(|s| s.ends_with("see"))
        .unwrap_or(t);
    let ok = starts_upper(t)
        && !t.contains('-')
        && stem.ends_with("see")
        && stem.chars().count() >= 7
        && !lex.not_place.contains(stem)
        && !lex.not_name.contains(stem);
    ok.then_some(stem)
}

/// Capitalised adjectives before an organization or place head:
/// "Zentrale Militärkommission", "Vereinigter Generalstab", "Kommunistische
/// Partei Vietnams", "Internationales Komitee vom Roten Kreuz", "Japanisches Meer".
pub(super) fn adjective_names(body: &str, toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A people's noun is an adjective right before a head ("Deutsche
        // Welle", "der Deutschen Sporthochschule").
        let people_adjective = || {
            is_role(toks[i].text, lex)
                && (toks[i].text.ends_with('e') || toks[i].text.ends_with("en"))
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.joined && head_kind(n.text, lex).is_some())
        };
        if toks[i].sentence_start || !(is_cap_adjective(toks[i].text, lex) || people_adjective()) {
            i += 1;
            continue;
        }
        let mut h = i + 1;
        while h < toks.len() && h - i <= 3 && toks[h].joined && is_cap_adjective(toks[h].text, lex)
        {
            h += 1;
        }
        let Some(kind) = toks
            .get(h)
            .filter(|t| t.joined)
            .and_then(|t| head_kind(t.text, lex))
        else {
            i += 1;
            continue;
        };
        // "Moskauer Flughafen Wnukowo": the head's own name is the entity.
        let named = toks.get(h + 1).is_some_and(|n| {
            n.joined
                && is_name_token(n.text, lex)
                && !noun_shaped(n.text, lex)
                && !n.text.ends_with('s')
        });
        if named && kind == EntityKind::Location {
            i = h;
            continue;
        }
        // "Moskauer Basmanny-Gericht": a hyphenated head with a name of its
        // own is the entity; the town's adjective only says where it is.
        let own_name = toks[h]
            .text
            .split_once('-')
            .is_some_and(|(first, _)| starts_upper(first));
        if own_name && h == i + 1 && toks[i].text.ends_with("er") {
            i = h;
            continue;
        }
        let mut end = h;
        let next = toks.get(h + 1).filter(|t| t.joined);
        if let Some(n) = next {
            let genitive_place = n.text.ends_with('s')
                && gazetteer()
                    .by_fold(strip_genitive(n.text))
                    .is_some_and(|e| gazetteer().entries[e].kind == EntityKind::Location);
            // "Freie Universität Berlin", "Diplomatische Akademie Wien".
            // (Also a compound of such a head: "Deutsche Sporthochschule Köln".)
            let head = toks[h].text.to_lowercase();
            let place_named = lex.place_named.contains(toks[h].text)
                || lex
                    .place_named
                    .iter()
                    .any(|p| p.chars().count() >= 8 && head.ends_with(&p.to_lowercase()));
            let town = place_named
                && is_name_token(n.text, lex)
                && !noun_shaped(n.text, lex)
                && !is_role(n.text, lex);
            if genitive_place || town {
                end = h + 1;
            } else if matches!(n.text, "vom" | "für") {
                let run = (h + 2..toks.len().min(h + 5))
                    .take_while(|&k| in_purpose(toks, k, h + 2, lex))
                    .last();
                if let Some(k) = run {
                    end = cut_compound_end(body, toks, k);
                }
            }
        }
        let (s, e) = (toks[i].start, toks[end].end);
        out.push(resolved(s, e, &body[s..e], kind, 0.7));
        i = end + 1;
    }
    out
}

/// A place the gazetteer does not know, after "in", "nach", "aus" or "bei"
/// without an article ("in Nachodka", "nach Kuala Lumpur"). German puts an
/// article before common nouns there, so a bare capitalised word is a name,
/// unless it is one of the idioms in `not-place` ("in Kraft", "nach Angaben")
/// or ends like a common noun.
pub(super) fn preposition_places(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 0..toks.len().saturating_sub(1) {
        if !matches!(
            toks[i].text,
            "in" | "nach"
                | "aus"
                | "bei"
                | "über"
                | "zwischen"
                | "In"
                | "Nach"
                | "Aus"
                | "Bei"
                | "Zwischen"
        ) {
            continue;
        }
        // "über" names a place on a route ("von Ulan-Ude über Naushki bis
        // an die Grenze"); elsewhere it names a topic ("ein Vertrag über
        // Luftverkehr").
        if toks[i].text == "über" && !on_route(toks, i) {
            continue;
        }
        let first = &toks[i + 1];
        if !place_like(first, lex) {
            continue;
        }
        // "nach Kims Treffen", "in Putins Rede": a genitive before its noun
        // is not where the preposition leads.
        let genitive = first.text.ends_with('s')
            && toks.get(i + 2).is_some_and(|t| {
                t.joined && starts_upper(t.text) && !t.sentence_start && !place_like(t, lex)
            });
        if genitive {
            continue;
        }
        let mut end = i + 1;
        if toks
            .get(i + 2)
            .is_some_and(|t| place_like(t, lex) && !t.text.ends_with('s'))
        {
            end = i + 2;
        }
        out.push(span_candidate(
            toks,
            i + 1,
            first.start,
            toks[end].end,
            EntityKind::Location,
            0.6,
        ));
    }
    out
}

/// Whether the word at `i` stands on a route: "von" or "aus" shortly before
/// it, or "nach" or "bis" shortly after.
fn on_route(toks: &[Token], i: usize) -> bool {
    let before = &toks[i.saturating_sub(5)..i];
    let after = &toks[(i + 1).min(toks.len())..(i + 6).min(toks.len())];
    before
        .iter()
        .any(|t| matches!(t.text, "von" | "aus" | "Von" | "Aus"))
        || after.iter().any(|t| matches!(t.text, "nach" | "bis"))
}

/// Names set off by commas next to a role noun, for people whose given name
/// chronik does not know: "der Sprecher des Außenministeriums, Heorhij
/// Tychyj, sagte" and "Heorhij Tychyj, der Sprecher des Außenministeriums".
pub(super) fn appositive_names(body: &str, toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    let comma_before = |t: &Token| body[..t.start].trim_end_matches(' ').ends_with(',');
    let comma_after = |t: &Token| body[t.end..].trim_start_matches(' ').starts_with(',');
    let nameish = |t: &Token| bare_name_word(t.text, lex);
    for i in 0..toks.len() {
        for n in [3usize, 2] {
            let Some(last) = toks.get(i + n - 1) else {
                continue;
            };
            // A given name may end like an adjective ("Adrienne Watson"):
            // the first word needs only to be no noun, role or head.
            let first_ok = |t: &Token| {
                nameish(t)
                    || (is_cap_adjective(t.text, lex)
                        && is_name_token(t.text, lex)
                        && !noun_shaped(t.text, lex)
                        && !lex.given.contains(t.text))
            };
            // The comma first: it is one byte to look at, the name tests
            // several lookups each, and most runs have no comma after them.
            if !comma_after(last)
                || !first_ok(&toks[i])
                || !(i + 1..i + n).all(|k| nameish(&toks[k]) && toks[k].joined)
            {
                continue;
            }
            let role_before = comma_before(&toks[i])
                && toks[i.saturating_sub(8)..i]
                    .iter()
                    .any(|t| is_role(t.text, lex));
            // "X, der Sprecher des ...", or without the article: "sagt X,
            // Koreaexpertin der Stiftung ...".
            let role_after = toks
                .get(i + n..(i + n + 3).min(toks.len()))
                .is_some_and(|next| {
                    let article = next
                        .first()
                        .is_some_and(|d| matches!(d.text, "der" | "die"));
                    (article && next.iter().skip(1).any(|t| is_role(t.text, lex)))
                        || next.first().is_some_and(|t| is_role(t.text, lex))
                });
            if role_before || role_after {
                out.push(span_candidate(
                    toks,
                    i,
                    toks[i].start,
                    last.end,
                    EntityKind::Person,
                    0.7,
                ));
                break;
            }
        }
    }
    out
}

/// A word that can be a place's name where German grammar expects one.
pub(super) fn place_like(t: &Token, lex: &Lexicon) -> bool {
    t.joined
        && bare_name_word(t.text, lex)
        && !lex.not_place.contains(t.text)
        && !lex.not_place.contains(strip_genitive(t.text))
}

/// A capitalised word that is no common noun, adjective, head, role, given
/// name or family name by any of the lists: what is left of a name once the
/// known shapes are ruled out.
fn bare_name_word(t: &str, lex: &Lexicon) -> bool {
    is_name_token(t, lex)
        && !noun_shaped(t, lex)
        && (!is_cap_adjective(t, lex) || foreign_shaped(t, lex))
        && head_kind(t, lex).is_none()
        && !is_role(t, lex)
        && !lex.given.contains(t)
        && !lex.korean_family.contains(t)
        && !lex.chinese_family.contains(t)
}

/// "zwischen Murmansk und Pewek": a place-like word joined by "und",
/// "oder" or "sowie" to a place is a place too.
pub(super) fn coordinated_places(
    toks: &[Token],
    found: &[Candidate],
    lex: &Lexicon,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for i in 1..toks.len().saturating_sub(1) {
        if !matches!(toks[i].text, "und" | "oder" | "sowie") {
            continue;
        }
        let prev = &toks[i - 1];
        let after_place = found
            .iter()
            .any(|c| c.kind == EntityKind::Location && c.start <= prev.start && prev.end <= c.end);
        let next = &toks[i + 1];
        if after_place && place_like(next, lex) {
            out.push(span_candidate(
                toks,
                i + 1,
                next.start,
                next.end,
                EntityKind::Location,
                0.6,
            ));
        }
    }
    out
}

/// Letters German words do not combine (`foreign-letters` in
/// `data/names.tsv`: "Tinzaouaten", "Zhanaozen"): a word ending like an
/// adjective is still a foreign name.
fn foreign_shaped(t: &str, lex: &Lexicon) -> bool {
    let lower = t.to_lowercase();
    lex.foreign_letters
        .iter()
        .any(|p| lower.contains(p.as_str()))
}

/// A capitalised word ending like a German plural or adjective ("Gefechte",
/// "Schüsse") and not foreign-shaped: no name of its own after a head.
fn plural_like(t: &str, lex: &Lexicon) -> bool {
    is_cap_adjective(t, lex) && !foreign_shaped(t, lex)
}
