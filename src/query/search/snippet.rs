//! Snippets built from the text as written: the stemmed index says which
//! article matches, but the reader wants to see the words the article used
//! ("Verteidigungsministers", not `verteidigungsminist`).

use crate::stem::{stem, words, Word};

/// Words a snippet shows at most.
pub const SNIPPET_WORDS: usize = 16;

/// A piece of a snippet: text, or a word that matched the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Match(String),
}

/// The stretch of `body` with the most matching words, their first
/// occurrence breaking ties; the start of the body when no word matches (the
/// title did). `terms` are stems, with a flag for prefixes.
pub fn snippet(body: &str, terms: &[(String, bool)]) -> Vec<Piece> {
    let ws: Vec<Word> = words(body).collect();
    if ws.is_empty() {
        return Vec::new();
    }
    let hit: Vec<bool> = ws
        .iter()
        .map(|w| {
            let s = stem(w.text);
            terms.iter().any(|(t, prefix)| {
                if *prefix {
                    s.starts_with(t.as_str())
                } else {
                    s == *t
                }
            })
        })
        .collect();
    let len = SNIPPET_WORDS.min(ws.len());
    let (mut best, mut best_hits) = (0, 0);
    let mut hits: usize = hit[..len].iter().filter(|h| **h).count();
    for start in 0..=ws.len() - len {
        if start > 0 {
            hits = hits + usize::from(hit[start + len - 1]) - usize::from(hit[start - 1]);
        }
        if hits > best_hits {
            (best, best_hits) = (start, hits);
        }
    }
    // Lead in with a few words before the first match, when there are some.
    if best_hits > 0 {
        let first = (best..best + len).find(|&i| hit[i]).unwrap_or(best);
        best = first.saturating_sub(3).min(ws.len() - len);
    }
    let end = best + len;
    // Whole text at either edge (quotes, the final period); cut at words inside.
    let from = if best == 0 { 0 } else { ws[best].start };
    let to = if end == ws.len() {
        body.len()
    } else {
        ws[end - 1].end
    };
    let mut pieces = Vec::new();
    let mut text = String::new();
    if best > 0 {
        text.push('…');
    }
    let mut at = from;
    for (w, h) in ws[best..end].iter().zip(&hit[best..end]) {
        if *h {
            let between = &body[at..w.start];
            // Matches next to each other (a phrase) are marked as one.
            if let (Some(Piece::Match(m)), true) = (pieces.last_mut(), text.is_empty()) {
                if between.trim().is_empty() {
                    m.push_str(&flat(between));
                    m.push_str(w.text);
                    at = w.end;
                    continue;
                }
            }
            text.push_str(&flat(between));
            if !text.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut text)));
            }
            pieces.push(Piece::Match(w.text.to_string()));
            at = w.end;
        }
    }
    text.push_str(flat(&body[at..to]).trim_end());
    if end < ws.len() {
        text.push('…');
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

/// Line breaks as spaces, so a snippet is one line in a table or CSV cell.
fn flat(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

/// A snippet as text, each match between `open` and `close`.
pub fn render(pieces: &[Piece], open: &str, close: &str) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.clone(),
            Piece::Match(m) => format!("{open}{m}{close}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(ts: &[&str]) -> Vec<(String, bool)> {
        ts.iter().map(|t| (stem(t), false)).collect()
    }

    #[test]
    fn marks_the_words_as_written() {
        let body = "Am 18. Juli empfing Kim Jong Un eine Delegation des stellvertretenden Verteidigungsministers, die Pjöngjang besuchte.";
        let p = snippet(body, &terms(&["Verteidigungsminister", "Pjongjang"]));
        assert_eq!(
            render(&p, "[", "]"),
            "Am 18. Juli empfing Kim Jong Un eine Delegation des stellvertretenden [Verteidigungsministers], die [Pjöngjang] besuchte."
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_matches() {
        let filler = "eins zwei drei vier fünf sechs sieben acht neun zehn ".repeat(5);
        let body = format!("{filler}Dann\nkam Lawrow nach Moskau. {filler}");
        let p = snippet(&body, &terms(&["Lawrow"]));
        let text = render(&p, "**", "**");
        assert!(text.starts_with("…zehn Dann kam **Lawrow** nach"), "{text}");
        assert!(text.ends_with('…'), "{text}");
        assert_eq!(words(&text).count(), SNIPPET_WORDS);
    }

    #[test]
    fn a_phrase_is_marked_as_one() {
        let p = snippet(
            "Kim empfing eine russische Militärdelegation in Pjöngjang.",
            &terms(&["russische", "Militärdelegation"]),
        );
        assert_eq!(
            render(&p, "[", "]"),
            "Kim empfing eine [russische Militärdelegation] in Pjöngjang."
        );
    }

    #[test]
    fn prefixes_match_and_no_match_gives_the_start() {
        let p = snippet(
            "Der Verteidigungsminister sprach.",
            &[("verteid".into(), true)],
        );
        assert_eq!(render(&p, "[", "]"), "Der [Verteidigungsminister] sprach.");
        let p = snippet("Nichts davon.", &terms(&["Lawrow"]));
        assert_eq!(render(&p, "[", "]"), "Nichts davon.");
        assert!(snippet("", &terms(&["Lawrow"])).is_empty());
    }
}
