//! Grammar cues the event rules read off a sentence's words: whether a
//! date sits in a relative clause, a trigger is used as an adjective or
//! names an occasion, and whether a place is where something happened or
//! the subject that acted.

use aho_corasick::AhoCorasick;

use crate::extract::dates::DateMention;
use crate::extract::gazetteer::whole_words;
use crate::text;

/// A trigger word used as an adjective between an article, number or
/// adverb and a noun ("ein international kritisiertes Schnellverfahren",
/// "des 2018 geschlossenen Abkommens") describes the noun and reports
/// nothing. Before a name ("kritisierten Putin", "unterzeichneten Agenturchef
/// X") or after a subject ("Beide unterzeichneten Verträge") it is a verb.
pub(super) fn attributive_participle(
    body: &str,
    at: usize,
    mentions: &[(usize, usize, usize)],
) -> bool {
    const ENDINGS: &[&str] = &["ten", "tes", "tem", "ter", "enen", "enes", "enem", "ener"];
    const ADVERB_ENDINGS: &[&str] = &["al", "lich", "ig", "isch", "weit", "ell"];
    let word_at = |from: usize| {
        let rest = &body[from..];
        let start = from + (rest.len() - rest.trim_start_matches(' ').len());
        let end = body[start..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(body.len(), |i| start + i);
        (start, end)
    };
    let (_, end) = word_at(at);
    let word = &body[at..end];
    if !word.starts_with(char::is_lowercase) || !ENDINGS.iter().any(|e| word.ends_with(e)) {
        return false;
    }
    let (next, next_end) = word_at(end);
    let (after, _) = word_at(next_end);
    let named = |x: usize| mentions.iter().any(|m| m.0 == x);
    let noun_next =
        next > end && body[next..].starts_with(char::is_uppercase) && !named(next) && !named(after);
    let prev = body[..at]
        .trim_end_matches(' ')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "in den von Russland besetzten Gebieten": an agent before it.
    let mut back = body[..at].split_whitespace().rev();
    let agent = matches!(
        (back.next(), back.next()),
        (Some(p), Some("von" | "vom")) if p.starts_with(char::is_uppercase)
    );
    let modifier = agent
        || prev.chars().all(|c| c.is_ascii_digit()) && !prev.is_empty()
        || text::ARTICLES.contains(&prev.to_lowercase().as_str())
        || (prev.starts_with(char::is_lowercase)
            && ADVERB_ENDINGS.iter().any(|e| prev.ends_with(e)));
    noun_next && modifier
}

/// Whether the trigger at byte `at` of `sentence` names an occasion ("zum
/// 70. Jahrestag", "anlässlich des Besuchs"): one or two words after "zum",
/// "zur" or "anlässlich".
pub(super) fn occasion_phrase(sentence: &str, at: usize) -> bool {
    let before: Vec<&str> = sentence[..at].split_whitespace().rev().take(3).collect();
    before.iter().take(2).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "zum" | "zur" | "anlässlich" | "anlaesslich"
        )
    }) || before
        .get(2)
        .is_some_and(|w| w.eq_ignore_ascii_case("anlässlich"))
}

/// The `n` words before byte `at` of `sentence`, nearest first, in lower case.
fn words_before(sentence: &str, at: usize, n: usize) -> Vec<String> {
    sentence[..at]
        .split_whitespace()
        .rev()
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Whether the trigger at byte `at` of `sentence` names what came before the
/// happening told ("Nach der Parade sind beide zusammengekommen", "Einen
/// Tag nach der Waffenruhe haben sie verhandelt"): "nach", an article and
/// perhaps one adjective before it.
pub(super) fn after_phrase(sentence: &str, at: usize) -> bool {
    let before = words_before(sentence, at, 3);
    let article = |i: usize| {
        before
            .get(i)
            .is_some_and(|w| text::ARTICLES.contains(&w.as_str()))
    };
    let nach = |i: usize| before.get(i).is_some_and(|w| w == "nach");
    (article(0) && nach(1)) || (article(1) && nach(2))
}

/// Whether the trigger at byte `at` of `sentence` frames what the sentence
/// tells ("hat bei einem Besuch in Pjöngjang ein Abkommen unterzeichnet",
/// "während des Staatsbesuchs", "beim Treffen").
pub(super) fn frame_phrase(sentence: &str, at: usize) -> bool {
    let before = words_before(sentence, at, 2);
    match (
        before.first().map(String::as_str),
        before.get(1).map(String::as_str),
    ) {
        (Some("beim"), _) => true,
        (Some(article), Some("bei" | "während")) => text::ARTICLES.contains(&article),
        _ => false,
    }
}

/// A list of phrases looked for in every sentence, all in one pass: a
/// search per phrase and sentence (86 of them) was 3% of an import's time.
pub(super) struct Phrases(AhoCorasick);

impl Phrases {
    pub(super) fn new(phrases: &[String]) -> Phrases {
        Phrases(
            AhoCorasick::new(phrases)
                .unwrap_or_else(|e| panic!("data/events.tsv: phrase list: {e}")),
        )
    }

    /// Whether any phrase occurs in `lower` as whole words.
    pub(super) fn any_whole(&self, lower: &str) -> bool {
        // A match of whole characters starts and ends on character boundaries.
        self.0
            .find_overlapping_iter(lower)
            .any(|m| whole_words(lower, m.start(), m.end()))
    }

    /// Each occurrence in `lower` of each phrase, as (byte start, index of
    /// the phrase in the list), in no particular order; one pass for all.
    pub(super) fn occurrences<'a>(
        &'a self,
        lower: &'a str,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.0
            .find_overlapping_iter(lower)
            .map(|m| (m.start(), m.pattern().as_usize()))
    }

    /// The index of the first phrase of the list that occurs in `lower`.
    pub(super) fn first_listed(&self, lower: &str) -> Option<usize> {
        self.0
            .find_overlapping_iter(lower)
            .map(|m| m.pattern().as_usize())
            .min()
    }
}

/// A date inside a relative clause ("Kara-Mursa, der im April 2023
/// verurteilt worden war, ...") dates what that clause says about a noun,
/// not the story the paragraph goes on with.
pub(super) fn in_relative_clause(sentence: &str, d: &DateMention) -> bool {
    let Some(comma) = sentence[..d.start].rfind(',') else {
        return false;
    };
    matches!(
        clause_opener(&sentence[comma + 1..d.start]),
        Some((_, true))
    )
}

/// How a clause opens, given its text from just after its comma: with a
/// relative pronoun ("das im Jänner 2020 ..."; also after a preposition,
/// "in dem ...") or a subordinating conjunction ("nachdem", "seit", "wie"
/// ...). Returns the byte length of the opening words and whether they are
/// relative; None for a main clause.
pub(super) fn clause_opener(text: &str) -> Option<(usize, bool)> {
    const RELATIVE: &[&str] = &[
        "der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher",
        "welches", "welchem", "welchen", "wo",
    ];
    // Conjunctions whose clause tells a happening of its own: what it says
    // happened when its own date says, whatever the main clause's date.
    const CONJUNCTIONS: &[&str] = &[
        "nachdem", "als", "bevor", "ehe", "seit", "seitdem", "wie", "weil", "während", "sobald",
        "da", "zumal", "obwohl",
    ];
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .take(2)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize + w.len(), w))
        .collect();
    let lower = |i: usize| words.get(i).map(|w| w.1.to_lowercase());
    let first = lower(0)?;
    if RELATIVE.contains(&first.as_str()) {
        return Some((words[0].0, true));
    }
    // ("während der Parade" is a preposition)
    let article_next = || lower(1).is_some_and(|w| text::ARTICLES.contains(&w.as_str()));
    if CONJUNCTIONS.contains(&first.as_str()) && !(first == "während" && article_next()) {
        return Some((words[0].0, false));
    }
    // (", um die Lage zu beruhigen" is an infinitive, not a relative clause)
    let second = lower(1)?;
    (first != "um"
        && text::PREPOSITIONS.contains(&first.as_str())
        && RELATIVE.contains(&second.as_str()))
    .then(|| (words[1].0, true))
}

/// Whether a place named after `before` (the sentence up to it) is in the
/// position of a subject: first in its clause, or right after a verb or
/// conjunction (lower-case words other than prepositions and articles),
/// not after a noun ("die Hauptstadt Pjöngjang") or a preposition.
pub(super) fn acting_place(before: &str) -> bool {
    // Words after which a name is no subject besides prepositions and
    // articles ("sowie Pjöngjang", "als Moskau").
    const NOT_VERBS: &[&str] = &["sowie", "wie", "als", "nicht", "ganz"];
    let before = before.trim_end();
    if before.is_empty() || before.ends_with([',', ';', ':', '–', '(', '„', '"', '»', '«']) {
        return true;
    }
    let mut words = before.rsplit(|c: char| !c.is_alphabetic());
    let last = words.next().unwrap_or("");
    // "Die Regierung in Seoul verhängte ...": the place names the government.
    const GOVERNMENTS: &[&str] = &["Regierung", "Staatsführung", "Führung", "Behörden"];
    // So does a ministry there ("das Verteidigungsministerium in Kiew").
    let governs = |w: &str| GOVERNMENTS.contains(&w) || w.ends_with("ministerium");
    if last == "in" && words.next().is_some_and(governs) {
        return true;
    }
    last.starts_with(char::is_lowercase)
        && ![NOT_VERBS, text::PREPOSITIONS, text::ARTICLES]
            .iter()
            .any(|list| list.contains(&last))
}

pub(super) fn after_place_preposition(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    matches!(
        words.first().map(|w| w.to_lowercase()).as_deref(),
        Some("in" | "nach" | "bei" | "im" | "aus")
    ) || (words.len() >= 2 && matches!(words[1].to_lowercase().as_str(), "auf" | "in" | "im"))
}

#[cfg(test)]
mod tests {
    use super::Phrases;

    fn phrases(list: &[&str]) -> Phrases {
        Phrases::new(&list.iter().map(|p| p.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_phrase_counts_only_as_whole_words() {
        let p = phrases(&["dabei", "bei dieser gelegenheit"]);
        assert!(p.any_whole("dabei kündigte er an"));
        assert!(p.any_whole("er sagte bei dieser gelegenheit, dass"));
        assert!(!p.any_whole("die dabeigewesenen schwiegen"));
        assert!(!p.any_whole("nicht dabeibleiben"));
    }

    #[test]
    fn the_first_phrase_of_the_list_wins_wherever_it_stands() {
        let p = phrases(&["am vortag", "tags darauf"]);
        assert_eq!(p.first_listed("tags darauf, nicht am vortag"), Some(0));
        assert_eq!(p.first_listed("tags darauf"), Some(1));
        assert_eq!(p.first_listed("am montag"), None);
    }
}
