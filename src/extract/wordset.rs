//! A set of words from the data files, asked of every word of an article,
//! several times over, most often about words it does not hold.
//!
//! Before it hashes a word, the set checks two bitmaps: the first bytes
//! and the byte lengths of its members. Most lists hold capitalised nouns
//! and names, so every lower-case word of the text, and a word of a length
//! no member has, is turned away without a hash. Finding names asked the
//! lexicon's sets about 2,600 times per article, and hashing the words was
//! about 4% of a preparing thread's instructions. (A Bloom filter of the
//! first two, last two bytes and length, tried on top, saved nothing more.)

use foldhash::HashSet;

/// A set of words with a cheap test for most non-members.
#[derive(Debug, Clone)]
pub struct WordSet {
    words: HashSet<String>,
    /// Bit `b` of `first[b / 64]`: a member starts with byte `b`.
    first: [u64; 4],
    /// Bit `n`: a member is `n` bytes long (63: 63 or more).
    lengths: u64,
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        let (at, first, length) = marks(word);
        self.first[at] & first != 0 && self.lengths & length != 0 && self.words.contains(word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }
}

/// Where `word` marks the bitmaps, the same for a member and a question:
/// the word of `first` and its bit for the first byte, and the length's bit.
fn marks(word: &str) -> (usize, u64, u64) {
    let b = word.as_bytes().first().copied().unwrap_or(0) as usize;
    (b / 64, 1 << (b % 64), 1 << word.len().min(63))
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> WordSet {
        let mut set = WordSet {
            words: HashSet::default(),
            first: [0; 4],
            lengths: 0,
        };
        for word in words {
            let (at, first, length) = marks(word.as_str());
            set.first[at] |= first;
            set.lengths |= length;
            set.words.insert(word);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;
    use proptest::prelude::*;

    proptest! {
        /// The bitmaps only ever turn away words the set does not hold.
        #[test]
        fn answers_as_a_hash_set_does(
            members in proptest::collection::vec("[a-zA-ZäöüÄÖÜß -]{0,70}", 0..20),
            others in proptest::collection::vec("[a-zA-ZäöüÄÖÜß -]{0,70}", 0..20),
        ) {
            let set: WordSet = members.iter().cloned().collect();
            let plain: std::collections::HashSet<&str> = members.iter().map(String::as_str).collect();
            for word in members.iter().chain(&others) {
                prop_assert_eq!(set.contains(word), plain.contains(word.as_str()), "{:?}", word);
            }
        }
    }

    #[test]
    fn an_empty_set_holds_nothing() {
        let set: WordSet = std::iter::empty().collect();
        assert!(!set.contains("") && !set.contains("Kim"));
    }

    #[test]
    fn holds_the_empty_word_and_long_words() {
        let long = "Verteidigungsministeriumssprecherinnenvertretungsbeauftragtenstelle";
        let set: WordSet = ["".to_string(), long.to_string()].into_iter().collect();
        assert!(set.contains("") && set.contains(long));
        assert!(!set.contains("Verteidigung") && !set.contains("verteidigung"));
        assert!(!set.contains(&format!("{long}n")));
    }
}
