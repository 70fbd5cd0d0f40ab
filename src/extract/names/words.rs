//! The words name shapes are matched on, found by a scan of the text.
//!
//! A word is what the regex `[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}])?`
//! finds: it starts with a letter or digit and runs over letters, marks,
//! digits, apostrophes and hyphens, ending on a letter, mark or digit
//! ("Kim", "Jong-un", "O'Brien"). The regex engine found every match with a
//! search forward and one back: at about 500 words an article that was 3.4%
//! of the instructions of an import of 1,000 synthetic articles
//! (callgrind). One pass over the characters finds the same words; the
//! Unicode classes are taken from the regex parser, so both agree on every
//! character (a test compares them).

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// The ranges of a bracketed Unicode class, sorted.
fn ranges(class: &str) -> Vec<(char, char)> {
    let hir = regex_syntax::Parser::new()
        .parse(class)
        .unwrap_or_else(|e| panic!("{class}: {e}"));
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        other => panic!("{class} is not a Unicode class: {other:?}"),
    }
}

/// Letters, marks and digits: where a word may end.
static EDGE: LazyLock<Vec<(char, char)>> = LazyLock::new(|| ranges(r"[\p{L}\p{N}\p{M}]"));
/// Letters, marks, digits, apostrophes and hyphens: what a word runs over.
static INNER: LazyLock<Vec<(char, char)>> = LazyLock::new(|| ranges(r"[\p{L}\p{M}\p{N}'’-]"));
/// Letters and digits: where a word starts.
static START: LazyLock<Vec<(char, char)>> = LazyLock::new(|| ranges(r"[\p{L}\p{N}]"));

fn within(ranges: &[(char, char)], c: char) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn starts(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        within(&START, c)
    }
}

fn ends(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        within(&EDGE, c)
    }
}

fn runs_over(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '\'' || c == '-'
    } else {
        within(&INNER, c)
    }
}

/// The byte spans of the words of `text`, in order.
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = chars.by_ref().find(|&(_, c)| starts(c))?;
        let mut end = start + first.len_utf8();
        // The longest run, ending on its last letter, mark or digit; what
        // follows that within the run (hyphens, apostrophes) starts no word.
        while let Some(&(i, c)) = chars.peek() {
            if !runs_over(c) {
                break;
            }
            chars.next();
            if ends(c) {
                end = i + c.len_utf8();
            }
        }
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::words;
    use proptest::prelude::*;
    use regex::Regex;

    const WORD: &str = r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}])?";

    fn by_regex(text: &str) -> Vec<(usize, usize)> {
        let re = Regex::new(WORD).unwrap();
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn names_hyphens_apostrophes_and_marks() {
        let text = "Kim Jong-un, O'Brien – Choe’s 3-Jährige: -x- e\u{301} Ü\u{308}- 한국 ‘Ja’.";
        let found: Vec<&str> = words(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(
            found,
            [
                "Kim",
                "Jong-un",
                "O'Brien",
                "Choe’s",
                "3-Jährige",
                "x",
                "e\u{301}",
                "Ü\u{308}",
                "한국",
                "Ja"
            ]
        );
        assert_eq!(words(text).collect::<Vec<_>>(), by_regex(text));
    }

    proptest! {
        #[test]
        fn the_same_words_as_the_regex(text in r"[a-zA-Z0-9 '’\-.,äöüßÄ\u{300}-\u{36F}\u{900}-\u{97F}\u{AC00}-\u{AC10}\u{2160}-\u{2165}\u{1F600}\n]{0,40}") {
            prop_assert_eq!(words(&text).collect::<Vec<_>>(), by_regex(&text));
        }
    }
}
