//! German word stems for search: the same function turns article text into
//! the stemmed shadow columns (`articles_stem`) and a user's search terms
//! into what is looked up there, so "Verteidigungsministers" and
//! "Verteidigungsminister" meet at one stem.
//!
//! A word is a run of letters and digits, as SQLite's `unicode61` tokenizer
//! sees it. Its stem is the Snowball German stem of the word in lower case
//! with diacritics removed ("Pjöngjang" and "Pjongjang" both become
//! `pjongjang`). Folding before stemming changes nothing Snowball would
//! decide: its German rules treat `ä`, `ö`, `ü` as the vowels `a`, `o`, `u`
//! and fold them itself at the end.

use std::cell::RefCell;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::text::Memo;

static GERMAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::German));

/// A word of a text: its byte span and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The words of `text` in order.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| is_word_char(*c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(Word {
            start,
            end,
            text: &text[start..end],
        })
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Lower case without diacritics: "Pjöngjang" → "pjongjang", "Doğan" → "dogan".
/// Dotless `ı` becomes `i`, as in entity keys.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ı' { 'i' } else { c })
        .collect()
}

/// The stem of one word.
pub fn stem(word: &str) -> String {
    GERMAN.stem(&fold(word)).into_owned()
}

/// Words stemmed before on this thread (see [`Memo`]).
const MEMO_MAX: usize = 100_000;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::new(MEMO_MAX));
}

/// Every word of `text` as its stem, separated by spaces: what the stemmed
/// shadow columns hold. Word order is kept so phrases still match.
pub fn stem_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    MEMO.with_borrow_mut(|memo| {
        for w in words(text) {
            if !out.is_empty() {
                out.push(' ');
            }
            memo.with(w.text, stem, |s| out.push_str(s));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem() {
        assert_eq!(
            stem("Verteidigungsministers"),
            stem("Verteidigungsminister")
        );
        assert_eq!(stem("Delegationen"), stem("Delegation"));
        assert_eq!(stem("Präsidenten"), stem("Präsident"));
        assert_ne!(stem("Moskau"), stem("Minsk"));
    }

    #[test]
    fn diacritics_and_case_fold() {
        assert_eq!(stem("Pjöngjang"), "pjongjang");
        assert_eq!(stem("PJONGJANG"), "pjongjang");
        assert_eq!(stem("Straße"), stem("Strasse"));
        assert_eq!(fold("Doğan Işık"), "dogan isik");
    }

    #[test]
    fn words_split_like_unicode61_and_keep_offsets() {
        let t = "Kim Jong-un traf am 18. Juli in Pjöngjang ein.";
        let ws: Vec<&str> = words(t).map(|w| w.text).collect();
        assert_eq!(
            ws,
            [
                "Kim",
                "Jong",
                "un",
                "traf",
                "am",
                "18",
                "Juli",
                "in",
                "Pjöngjang",
                "ein"
            ]
        );
        let pj = words(t).find(|w| w.text == "Pjöngjang").unwrap();
        assert_eq!(&t[pj.start..pj.end], "Pjöngjang");
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" -- ").count(), 0);
    }

    #[test]
    fn stem_text_keeps_order() {
        assert_eq!(
            stem_text("Der Verteidigungsminister, in Pjöngjang."),
            "der verteidigungsminist in pjongjang"
        );
        // Again, now from the memo: the same answer.
        assert_eq!(
            stem_text("Der Verteidigungsminister, in Pjöngjang."),
            "der verteidigungsminist in pjongjang"
        );
    }
}
