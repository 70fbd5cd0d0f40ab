//! Role phrases that stand for people named earlier: "der frühere
//! Präsident", "sein Amtskollege", "die beiden Außenminister". News text
//! names a person once and then refers to the role, so a trigger sentence
//! built on such a phrase names nobody although it reports on someone.
//!
//! A phrase is a determiner or possessive, at most two adjectives and a role
//! noun from `data/roles.tsv`, with no name right after it (that would be an
//! apposition, "Präsident Lee", whose name is a mention already). "beide" or
//! "beiden" makes it stand for two people, and so does "beide" alone. The
//! pronoun "er" stands for the story's protagonist among the people named
//! in the last sentences.

use std::sync::LazyLock;

use crate::extract::suffixes::Suffixes;
use crate::text::with_lower;

static ROLES: LazyLock<Suffixes> = LazyLock::new(|| {
    Suffixes::new(
        include_str!("../../../data/roles.tsv")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase),
    )
});

const DETERMINERS: &[&str] = &[
    "der", "die", "den", "dem", "des", "sein", "seine", "seinem", "seinen", "seines", "seiner",
    "ihr", "ihre", "ihrem", "ihren", "ihres", "ihrer",
];

/// A role phrase in a sentence: byte span and how many people it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RolePhrase {
    pub start: usize,
    pub end: usize,
    pub people: usize,
    /// "er": a pronoun, read as the story's protagonist (see [`protagonist`]).
    pub pronoun: bool,
    /// "er", "der Minister", "sein Amtskollege": one man, never a woman
    /// named before ("Amtskollegin Choe Son Hui").
    pub masculine: bool,
    /// "sie" with a verb in the singular ("Sie hatte", "sagte sie"): one
    /// woman named before.
    pub feminine: bool,
}

/// Words of `text` with their byte spans; hyphens stay inside words
/// ("Gazprom-Chef"). A sentence's words are found once for
/// [`role_phrases`] and [`institutions`].
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn is_role_noun(word: &str) -> bool {
    // "Der 41-Jährige": an age stands for a person like a role does.
    let word = match word.trim_start_matches(|c: char| c.is_ascii_digit()) {
        rest if rest.len() < word.len() => rest.strip_prefix('-').unwrap_or(word),
        _ => word,
    };
    if !word.starts_with(char::is_uppercase) {
        return false;
    }
    with_lower(word, |lower| {
        ["", "s", "es", "n", "en"].iter().any(|end| {
            lower
                .strip_suffix(end)
                .is_some_and(|stem| ROLES.ends(stem, 0))
        })
    })
}

/// A role noun in its feminine form ("Ministerin", "Amtskollegin"); also
/// "Frau" and the women of a family ("Witwe", "Mutter"). What it stands
/// before or for is a woman.
pub fn feminine_noun(word: &str) -> bool {
    const WOMEN: &[&str] = &[
        "frau",
        "ehefrau",
        "witwe",
        "mutter",
        "tochter",
        "schwester",
        "gattin",
    ];
    let (woman, feminine_ending) = with_lower(word, |lower| {
        (
            WOMEN.contains(&lower),
            lower.ends_with("in") || lower.ends_with("innen"),
        )
    });
    woman || (feminine_ending && is_role_noun(word))
}

/// A finite verb in the third person singular: an auxiliary or modal, or a
/// weak verb's simple past ("sagte", not "sagten").
fn singular_verb(word: &str) -> bool {
    const FINITE: &[&str] = &[
        "hat", "hatte", "hätte", "ist", "war", "wäre", "wird", "wurde", "würde", "sei", "habe",
        "kann", "konnte", "will", "wollte", "soll", "sollte", "muss", "musste", "sprach", "nannte",
    ];
    with_lower(word, |lower| {
        FINITE.contains(&lower)
            || (word.starts_with(char::is_lowercase)
                && lower.ends_with("te")
                && lower.chars().count() > 4)
    })
}

/// An inflected adjective such as "frühere", "russischen".
fn is_adjective(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && ["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| word.ends_with(e))
}

/// The role phrases of `sentence`, whose [`words`] are `ws`. `named_at`
/// tells whether a mention starts at a byte offset of the sentence (then a
/// role noun before it is a title).
pub fn role_phrases(
    sentence: &str,
    ws: &[(usize, usize)],
    named_at: impl Fn(usize) -> bool,
) -> Vec<RolePhrase> {
    let spaced = |a: usize, b: usize| sentence[ws[a].1..ws[b].0].trim().is_empty();
    let mut out = Vec::new();
    for (i, &(ns, ne)) in ws.iter().enumerate() {
        // "beide" on its own, not before a noun ("unterzeichneten beide am
        // Donnerstag"), stands for two people.
        // The words compared below are ASCII, so an ASCII case fold is
        // the whole of lower-casing for them.
        let word = &sentence[ns..ne];
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        // "Am Donnerstag wird er in Hanoi erwartet": the story's
        // protagonist (see `protagonist`). So is "sein" before a thing:
        // "Sein Privatjet stürzte ab" (a role noun after it, "sein
        // Amtskollege", is someone else).
        let possessive = ["sein", "seine", "seinem", "seinen", "seiner", "seines"]
            .iter()
            .any(|w| is(w));
        let thing_next = || {
            ws.get(i + 1).is_some_and(|&(s, e)| {
                spaced(i, i + 1)
                    && sentence[s..e].starts_with(char::is_uppercase)
                    && !is_role_noun(&sentence[s..e])
            })
        };
        if is("er") || (possessive && thing_next()) {
            out.push(RolePhrase {
                start: ns,
                end: ne,
                people: 1,
                pronoun: true,
                masculine: true,
                feminine: false,
            });
            continue;
        }
        // "Sie hatte ... verantwortlich gemacht": a woman, when a verb in
        // the singular stands right before or after it.
        let singular =
            |k: Option<&(usize, usize)>| k.is_some_and(|&(s, e)| singular_verb(&sentence[s..e]));
        if is("sie") && (singular(ws.get(i + 1)) || i > 0 && singular(ws.get(i - 1))) {
            out.push(RolePhrase {
                start: ns,
                end: ne,
                people: 1,
                pronoun: true,
                masculine: false,
                feminine: true,
            });
            continue;
        }
        if is("beide") || is("beiden") {
            let noun_next = ws.get(i + 1).is_some_and(|&(s, e)| {
                spaced(i, i + 1) && sentence[s..e].starts_with(char::is_uppercase)
            });
            if !noun_next {
                out.push(RolePhrase {
                    start: ns,
                    end: ne,
                    people: 2,
                    pronoun: false,
                    masculine: false,
                    feminine: false,
                });
            }
            continue;
        }
        if !is_role_noun(&sentence[ns..ne]) || named_at(ns) {
            continue;
        }
        if ws
            .get(i + 1)
            .is_some_and(|&(s, _)| spaced(i, i + 1) && named_at(s))
        {
            continue;
        }
        let mut people = 1;
        let mut j = i;
        let mut start = None;
        // Walk back over adjectives to the determiner, words only spaces apart.
        for _ in 0..3 {
            if j == 0 || !spaced(j - 1, j) {
                break;
            }
            j -= 1;
            let w = &sentence[ws[j].0..ws[j].1];
            let (both, determiner) = with_lower(w, |lower| {
                (
                    lower == "beide" || lower == "beiden",
                    DETERMINERS.contains(&lower),
                )
            });
            if both {
                people = 2;
                start = Some(ws[j].0);
            } else if determiner {
                start = Some(ws[j].0);
                break;
            } else if !is_adjective(w) {
                break;
            }
        }
        if let Some(start) = start {
            let determiner = sentence[start..].split_whitespace().next().unwrap_or("");
            let masculine = people == 1
                && !feminine_noun(&sentence[ns..ne])
                && !with_lower(determiner, |d| matches!(d, "die" | "seine" | "ihre"));
            out.push(RolePhrase {
                start,
                end: ne,
                people,
                pronoun: false,
                masculine,
                feminine: false,
            });
        }
    }
    out
}

/// Institutions named again by their kind: "Der Dienst hatte am 18.
/// Oktober mitgeteilt" after "des Nationalen Geheimdienstes (NIS)". A
/// determiner and a capitalised noun that ends a word of a recent
/// organization mention, or the word just before one ("Nachrichtenagentur
/// KCNA" for "die Agentur"), stand for that organization, the most recent
/// first. The organization's other known names count too: "des Gremiums"
/// after "Panel of Experts", known as "UN-Expertengremium". `orgs` holds
/// (byte start, byte end, entity) of organization mentions since a few
/// sentences back, in text order; `names` gives an entity's known names;
/// `sentence` starts at byte `at` of `body`, and its [`words`] are `ws`.
/// Gives (byte start of the phrase, entity).
pub fn institutions<'a>(
    body: &str,
    at: usize,
    sentence: &str,
    ws: &[(usize, usize)],
    orgs: &[(usize, usize, usize)],
    names: impl Fn(usize) -> Vec<&'a str>,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for pair in ws.windows(2) {
        let (det, noun) = (
            &sentence[pair[0].0..pair[0].1],
            &sentence[pair[1].0..pair[1].1],
        );
        if !["der", "die", "das", "den", "dem", "des"]
            .iter()
            .any(|d| det.eq_ignore_ascii_case(d))
            || !noun.starts_with(char::is_uppercase)
            || noun.chars().count() < 4
            || !sentence[pair[0].1..pair[1].0].trim().is_empty()
        {
            continue;
        }
        let noun = with_lower(noun, |lower| stem(lower).to_string());
        let names_it = |&&(s, e, idx): &&(usize, usize, usize)| {
            if s >= at + pair[1].0 || (s..e).contains(&(at + pair[1].0)) {
                return false;
            }
            let before = body[..s]
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .unwrap_or("");
            let known = names(idx);
            body[s..e]
                .split(|c: char| !c.is_alphanumeric())
                .chain([before])
                .chain(
                    known
                        .iter()
                        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric())),
                )
                .any(|w| {
                    with_lower(w, |lower| {
                        let w = stem(lower);
                        w.len() > noun.len() && w.ends_with(&noun)
                    })
                })
        };
        if let Some(&(_, _, idx)) = orgs.iter().rev().find(names_it) {
            out.push((at + pair[0].0, idx));
        }
    }
    out
}

/// A noun without its genitive or plural ending ("Geheimdienstes",
/// "Behörden"), so that forms compare.
fn stem(word: &str) -> &str {
    ["es", "en", "s", "n"]
        .iter()
        .find_map(|suf| word.strip_suffix(suf).filter(|w| w.chars().count() >= 4))
        .unwrap_or(word)
}

/// The people a phrase at byte `at` refers to: the most recently mentioned
/// persons before it, newest first, leaving out `exclude` (those named in
/// its own sentence, who are not referred to by a role). `persons` holds
/// (byte start, entity) of person mentions in text order.
pub fn resolve(
    at: usize,
    people: usize,
    since: usize,
    persons: &[(usize, usize)],
    exclude: &[usize],
) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    for &(start, idx) in persons.iter().rev() {
        if start >= at || start < since || exclude.contains(&idx) || found.contains(&idx) {
            continue;
        }
        found.push(idx);
        if found.len() == people {
            break;
        }
    }
    found
}

/// The person "er" at byte `at` stands for: of the people named since
/// `since`, the one the article has named most often so far (the story's
/// protagonist, who "er" usually is: "Nach seinem Treffen mit Putin fuhr
/// Kim weiter. Dort besichtigte er ..."), a person its title names counting
/// twice more, and the one named first on a tie.
pub fn protagonist(
    at: usize,
    since: usize,
    persons: &[(usize, usize)],
    exclude: &[usize],
    headlined: &[usize],
) -> Option<usize> {
    let before: Vec<&(usize, usize)> = persons.iter().filter(|p| p.0 < at).collect();
    let recent = before
        .iter()
        .filter(|p| p.0 >= since && !exclude.contains(&p.1));
    let count = |idx: usize| {
        before.iter().filter(|p| p.1 == idx).count() + 2 * usize::from(headlined.contains(&idx))
    };
    // On a tie, the one the article named first: stories open with their
    // protagonist.
    let first = |idx: usize| before.iter().position(|p| p.1 == idx).unwrap_or(usize::MAX);
    recent
        .map(|p| p.1)
        .max_by_key(|&idx| (count(idx), std::cmp::Reverse(first(idx))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(s: &str) -> Vec<String> {
        role_phrases(s, &words(s), |_| false)
            .iter()
            .map(|p| format!("{}:{}", &s[p.start..p.end], p.people))
            .collect()
    }

    #[test]
    fn an_institution_named_by_its_kind_is_the_organization_before() {
        let body = "Erkenntnisse des Nationalen Geheimdienstes (NIS) liegen vor. Die Nachrichtenagentur KCNA schwieg. Der Dienst hatte gewarnt, die Agentur nicht. Die Regierung schwieg.";
        let nis = body.find("NIS").unwrap();
        let kcna = body.find("KCNA").unwrap();
        let orgs = [(nis, nis + 3, 7), (kcna, kcna + 4, 9)];
        let at = body.find("Der Dienst").unwrap();
        let sentence = &body[at..];
        let found: Vec<usize> =
            institutions(body, at, sentence, &words(sentence), &orgs, |_| Vec::new())
                .into_iter()
                .map(|(_, idx)| idx)
                .collect();
        // "Die Regierung" ends no word of either mention.
        assert_eq!(found, [7, 9]);
    }

    #[test]
    fn an_institution_may_be_named_by_a_kind_its_other_names_end_in() {
        let body = "Der Rat verlängerte das Panel of Experts nicht. Das Mandat des Gremiums endet.";
        let panel = body.find("Panel").unwrap();
        let orgs = [(panel, panel + 16, 4)];
        let at = body.find("Das Mandat").unwrap();
        let known = |idx: usize| match idx {
            4 => vec!["UN-Expertengremium", "Panel of Experts"],
            _ => Vec::new(),
        };
        let ws = words(&body[at..]);
        let found = institutions(body, at, &body[at..], &ws, &orgs, known);
        assert_eq!(found, [(body.find("des Gremiums").unwrap(), 4)]);
        // Without the other name, nothing in "Panel of Experts" ends in it.
        assert!(institutions(body, at, &body[at..], &ws, &orgs, |_| Vec::new()).is_empty());
    }

    #[test]
    fn finds_role_phrases() {
        assert_eq!(
            phrases("Danach traf der frühere Präsident den Minister."),
            ["der frühere Präsident:1", "den Minister:1"]
        );
        assert_eq!(
            phrases("Es war das erste Treffen der beiden Regierungschefs."),
            ["der beiden Regierungschefs:2"]
        );
        assert_eq!(
            phrases("Beide Außenminister reisten ab."),
            ["Beide Außenminister:2"]
        );
        assert_eq!(
            phrases("Er empfing seinen Amtskollegen."),
            ["Er:1", "seinen Amtskollegen:1"]
        );
        assert_eq!(
            phrases("Danach unterzeichneten beide den Vertrag."),
            ["beide:2"]
        );
        assert_eq!(
            phrases("Der 41-Jährige war am Dienstag eingetroffen."),
            ["Der 41-Jährige:1"]
        );
        // "beide" before a noun counts things, not people named before.
        assert!(phrases("Beide Seiten lobten die Gespräche.").is_empty());
        // No determiner, or not a role noun: nothing.
        assert!(phrases("Präsidentin Meier sprach über die Präsidentenwahl.").is_empty());
    }

    #[test]
    fn a_name_after_the_role_makes_it_a_title() {
        let s = "Der Präsident Haller reiste ab.";
        let name = s.find("Haller").unwrap_or(0);
        assert!(role_phrases(s, &words(s), |at| at == name).is_empty());
    }

    #[test]
    fn resolves_to_the_latest_people_before() {
        // Person 0 at 10, person 1 at 40, person 2 at 70.
        let persons = [(10, 0), (40, 1), (70, 2)];
        assert_eq!(resolve(80, 1, 0, &persons, &[]), [2]);
        assert_eq!(resolve(80, 2, 0, &persons, &[]), [2, 1]);
        assert_eq!(resolve(80, 1, 0, &persons, &[2]), [1]);
        assert_eq!(resolve(50, 2, 20, &persons, &[]), [1]);
    }
}
