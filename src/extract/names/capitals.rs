//! Names German shapes miss: acronyms standing alone ("das FBI", "der
//! CTBTO"), English institution names ("Panel of Experts", "Bank of Korea")
//! and definitions that pair a long name with its acronym ("Multilateral
//! Sanctions Monitoring Team (MSMT)").
//!
//! German writes a common noun with one capital, so a word all in capitals
//! inside mixed-case text is an abbreviation, and in news nearly always one
//! of an institution. Credits ("(APA/dpa)", "SN/APA") and datelines
//! ("Moskau (VNA) –") are furniture, not mentions, and are left alone. "of"
//! and "for" are no German words, so capitalised words around them are an
//! English name.

use super::lexicon::{
    acronym, head_kind, is_cap_adjective, is_org_word, noun_shaped, starts_upper, Lexicon, Token,
};
use super::shapes::span_candidate;
use super::{resolved, strip_genitive};
use crate::extract::gazetteer::gazetteer;
use crate::extract::{Candidate, EntityKind};

/// An acronym that may stand alone: three to six capitals ("FBI", "CTBTOs").
/// ("CSP-DPA": acronyms joined by a hyphen name one alliance.)
fn acronym_word(t: &str) -> bool {
    acronym(t, 3..=6) || (t.contains('-') && t.split('-').all(|p| acronym(p, 2..=6)))
}

/// Whether the line around `at` is written in capitals (a headline or a
/// label), where capitals say nothing.
fn capitals_line(body: &str, at: usize) -> bool {
    let start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = body[at..].find('\n').map_or(body.len(), |i| at + i);
    let line = &body[start..end];
    let lower = line.chars().filter(|c| c.is_lowercase()).count();
    let upper = line.chars().filter(|c| c.is_uppercase()).count();
    lower < upper
}

/// "(APA/dpa)", "SN/APA", "Moskau (VNA) –": an agency credited, not named.
fn credit(body: &str, t: &Token) -> bool {
    let before = body[..t.start].chars().next_back();
    let after = body[t.end..].chars().next();
    if matches!(before, Some('/' | '|')) || matches!(after, Some('/' | '|')) {
        return true;
    }
    before == Some('(')
        && after == Some(')')
        && body[t.end + 1..]
            .trim_start_matches(' ')
            .starts_with(['–', '—', '-', ':'])
}

/// Acronyms standing alone: organizations.
pub(super) fn acronym_names(body: &str, toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    toks.iter()
        .filter(|t| acronym_word(t.text))
        .filter(|t| {
            let core = strip_genitive(t.text);
            !lex.not_name.contains(core) && !lex.not_acronym.contains(core)
        })
        .filter(|t| !credit(body, t) && !capitals_line(body, t.start))
        .map(|t| resolved(t.start, t.end, t.text, EntityKind::Organization, 0.6))
        .collect()
}

/// "Sky News", "Moscow Times", "Wall Street Journal": up to three
/// capitalised English words before a newspaper's or broadcaster's head.
pub(super) fn english_media(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, head) in toks.iter().enumerate() {
        // (The head ends the name: "Joint Border Review Team" goes on, "Sky
        // News Verluste" not.)
        let goes_on = toks.get(i + 1).is_some_and(|n| {
            n.joined
                && starts_upper(n.text)
                && n.text.is_ascii()
                && !noun_shaped(n.text, lex)
                && !is_cap_adjective(n.text, lex)
        });
        if !lex.english_head.contains(head.text) || !head.joined || goes_on {
            continue;
        }
        let word = |t: &Token| {
            starts_upper(t.text)
                && t.text.is_ascii()
                && t.text.chars().all(|c| c.is_ascii_alphabetic())
                && !lex.not_name.contains(t.text)
                && head_kind(t.text, lex).is_none()
                && !is_org_word(t.text, lex)
        };
        let mut first = i;
        while first > 0 && i - first < 3 && word(&toks[first - 1]) && toks[first].joined {
            first -= 1;
        }
        if first < i {
            let (s, e) = (toks[first].start, head.end);
            out.push(span_candidate(
                toks,
                first,
                s,
                e,
                EntityKind::Organization,
                0.7,
            ));
        }
    }
    out
}

/// Words that may stand between the capitalised words of an English name.
fn english_link(t: &str) -> bool {
    matches!(t, "of" | "for" | "on")
}

/// "Panel of Experts", "University of North Korean Studies", "Sea of Japan":
/// capitalised words around "of" or "for" (and "the").
pub(super) fn english_names(toks: &[Token], lex: &Lexicon) -> Vec<Candidate> {
    let word = |t: &Token| {
        t.joined
            && starts_upper(t.text)
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !lex.not_name.contains(t.text)
    };
    let mut out = Vec::new();
    for (i, link) in toks.iter().enumerate() {
        if i == 0 || !english_link(link.text) || !link.joined {
            continue;
        }
        // At most three words before, all plain ASCII (German compounds
        // before an English name would carry umlauts or be lower case).
        let mut first = i;
        while first > 0
            && i - first < 3
            && starts_upper(toks[first - 1].text)
            && toks[first - 1].text.is_ascii()
            && !lex.not_name.contains(toks[first - 1].text)
            && (first == i || toks[first].joined)
        {
            first -= 1;
        }
        let mut next = i + 1;
        if toks.get(next).is_some_and(|t| t.text == "the" && t.joined) {
            next += 1;
        }
        let mut last = next;
        while last < toks.len() && last - next < 4 && word(&toks[last]) {
            last += 1;
        }
        if first == i || last == next {
            continue;
        }
        let kind = if lex.place_first.contains(toks[first].text) {
            EntityKind::Location
        } else {
            EntityKind::Organization
        };
        let words: Vec<&str> = toks[first..last].iter().map(|t| t.text).collect();
        let (s, e) = (toks[first].start, toks[last - 1].end);
        out.push(resolved(s, e, &words.join(" "), kind, 0.7));
    }
    out
}

/// Words skipped when initials are matched to an acronym.
fn function_word(t: &str) -> bool {
    matches!(
        t,
        "of" | "for" | "and" | "the" | "on" | "in" | "für" | "und" | "der" | "des" | "die" | "von"
    )
}

/// An acronym's letter and a word's initial: equal, or the German word of
/// an English or French acronym ("Internationales Olympisches Komitee
/// (IOC)", "Zentralkomitee (CC)").
fn same_initial(acronym_letter: char, initial: char) -> bool {
    acronym_letter == initial || (acronym_letter == 'c' && matches!(initial, 'k' | 'z'))
}

/// The token index where a long name spelled by `acr`'s initials begins,
/// its last word being `toks[last]`: matched from the end, each letter the
/// first of a word (or of a hyphenated part), function words skipped.
fn long_form_start(acr: &str, toks: &[Token], last: usize) -> Option<usize> {
    let letters: Vec<char> = acr.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut want = letters.len();
    let mut i = last + 1;
    while want > 0 {
        i = i.checked_sub(1)?;
        let t = toks[i].text;
        if i < last && !toks[i + 1].joined {
            return None;
        }
        if function_word(t) {
            continue;
        }
        if !starts_upper(t) {
            return None;
        }
        // "Nuclear-Test-Ban" may give one letter or one per part.
        let parts: Vec<char> = t
            .split('-')
            .filter_map(|p| p.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        let n = parts.len().min(want);
        let all_match = letters[want - n..want]
            .iter()
            .zip(&parts[parts.len() - n..])
            .all(|(&a, &b)| same_initial(a, b));
        if all_match {
            want -= n;
        } else if same_initial(parts[0], letters[want - 1]) {
            want -= 1;
        } else {
            return None;
        }
    }
    (last - i >= 1).then_some(i)
}

/// "Multilateral Sanctions Monitoring Team (MSMT)": the long name becomes an
/// organization (unless something else already names it), and every mention
/// of the acronym in the article is that organization.
pub(super) fn defined_acronyms(body: &str, toks: &[Token], out: &mut Vec<Candidate>) {
    for (i, t) in toks.iter().enumerate() {
        let core = t.text;
        let in_parens = body[..t.start].ends_with(" (") && body[t.end..].starts_with(')');
        // Two capitals too, where the long form spells them ("Islamischer
        // Staat (IS)").
        if i == 0 || !in_parens || !acronym(core, 2..=6) {
            continue;
        }
        let Some(first) = long_form_start(core, toks, i - 1).or_else(|| {
            // "Komitee für Nationale Sicherheit (KNB)": an organization's
            // name right before it defines an acronym of another language.
            let before = out.iter().find(|c| {
                c.end == toks[i - 1].end
                    && c.kind == EntityKind::Organization
                    && c.start < toks[i - 1].start
            })?;
            toks.iter().position(|t| t.start == before.start)
        }) else {
            continue;
        };
        let (s, e) = (toks[first].start, toks[i - 1].end);
        let inside = |c: &Candidate| c.start < e && s < c.end;
        // A name already covering the long form keeps it; places inside it
        // ("... in Europa") give way, anything else wins.
        let whole = out
            .iter()
            .find(|c| c.start <= s && e <= c.end)
            .map(|c| c.name.clone());
        let known = gazetteer().by_fold(core).is_some();
        let name = match whole {
            Some(n) => n,
            None if out
                .iter()
                .filter(|c| inside(c))
                .all(|c| c.kind == EntityKind::Location) =>
            {
                out.retain(|c| !inside(c));
                let words: Vec<&str> = toks[first..i].iter().map(|t| t.text).collect();
                // A known acronym keeps its entity; the long form joins it.
                let label = if known {
                    core.to_string()
                } else {
                    words.join(" ")
                };
                let c = resolved(s, e, &label, EntityKind::Organization, 0.75);
                let name = c.name.clone();
                let at = out.partition_point(|x| x.start < c.start);
                out.insert(at, c);
                name
            }
            None => continue,
        };
        if known {
            continue;
        }
        for c in out.iter_mut() {
            if strip_genitive(&body[c.start..c.end]) == core {
                c.name = name.clone();
                c.kind = EntityKind::Organization;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::names::tests::names;

    #[test]
    fn acronyms_alone_are_organizations_but_credits_are_not() {
        let body = "Moskau (XYZ) – Das FBI hatte die Tat Wochen später geklärt.\n\
                    Wie der Sender QRTV berichtete, prüft die ABCO den Fall. (APA/dpa)\n\
                    KURZ NOTIERT: NEUE LAGE";
        let got = names(body);
        let surfaces: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(surfaces.contains(&"FBI"), "{got:?}");
        assert!(surfaces.contains(&"ABCO"), "{got:?}");
        assert!(!surfaces.contains(&"XYZ"), "{got:?}");
        assert!(!surfaces.contains(&"APA"), "{got:?}");
        assert!(!surfaces.contains(&"NEUE"), "{got:?}");
        assert!(got
            .iter()
            .filter(|g| g.0 == "FBI")
            .all(|g| g.2 == "organization"));
    }

    #[test]
    fn english_names_around_of() {
        let body = "Das Mandat des Panel of Experts endet. Die Bank of Ruritania \
                    senkte den Zins, Forscher der University of Northern Studies \
                    widersprachen. Schiffe kreuzten im Gulf of Tarnia.";
        let got = names(body);
        let find = |s: &str| got.iter().find(|g| g.0 == s).map(|g| g.2);
        assert_eq!(find("Panel of Experts"), Some("organization"), "{got:?}");
        assert_eq!(find("Bank of Ruritania"), Some("organization"), "{got:?}");
        assert_eq!(
            find("University of Northern Studies"),
            Some("organization"),
            "{got:?}"
        );
        assert_eq!(find("Gulf of Tarnia"), Some("location"), "{got:?}");
    }

    #[test]
    fn a_defined_acronym_names_its_long_form() {
        let body = "Das Joint Border Review Team (JBRT) legte seinen Bericht vor. \
                    Nach Angaben des JBRT stieg die Zahl. Die Organisation für \
                    Handel und Zusammenarbeit (OHZ) schwieg, der Dienst (NIS) auch.";
        let got = names(body);
        let jbrt: Vec<_> = got.iter().filter(|g| g.0.contains("JBRT")).collect();
        assert_eq!(jbrt.len(), 2, "{got:?}");
        assert!(
            jbrt.iter().all(|g| g.1 == "Joint Border Review Team"),
            "{got:?}"
        );
        assert!(got.iter().any(|g| g.0 == "Joint Border Review Team"));
        let ohz: Vec<_> = got.iter().filter(|g| g.0 == "OHZ").collect();
        assert_eq!(
            ohz[0].1, "Organisation für Handel und Zusammenarbeit",
            "{got:?}"
        );
        // "der Dienst" does not spell NIS: the acronym stays itself.
        assert!(got.iter().any(|g| g.0 == "NIS" && g.1 != "der Dienst"));
    }

    #[test]
    fn a_german_long_form_may_spell_an_english_acronym() {
        let body = "Das Internationale Segler-Komitee (ISC) tagte. Später                     bestätigte das ISC die Sperre.";
        let got = names(body);
        let isc: Vec<_> = got.iter().filter(|g| g.0 == "ISC").collect();
        assert_eq!(isc.len(), 2, "{got:?}");
        assert!(
            isc.iter().all(|g| g.1 == "Internationale Segler-Komitee"),
            "{got:?}"
        );
    }
}
