//! Word endings from the data files ("-minister", "-behörde", "-ung"),
//! asked of every capitalised word of an article, several times over.
//!
//! The endings sit in a trie read from the word's last byte backwards, so
//! a word that ends in none of them is usually turned away after one or
//! two bytes. Looking up each ending length in a hash set, as before, cost
//! a hash of the word's tail per length (up to 11 lengths), and that was
//! the largest single cost of finding names.

/// A set of word endings, matched from the end of a word.
#[derive(Debug, Clone)]
pub struct Suffixes {
    /// Node 0 is the root, the empty ending. Children are keyed by the
    /// byte before the part of the ending walked so far.
    nodes: Vec<Node>,
}

#[derive(Debug, Clone, Default)]
struct Node {
    children: Vec<(u8, u32)>,
    /// An ending ends here (reading backwards: starts here).
    listed: bool,
}

impl Suffixes {
    pub fn new<S: AsRef<str>>(list: impl IntoIterator<Item = S>) -> Suffixes {
        let mut nodes = vec![Node::default()];
        for ending in list {
            let mut at = 0usize;
            for &b in ending.as_ref().as_bytes().iter().rev() {
                at = match nodes[at].children.iter().find(|(c, _)| *c == b) {
                    Some(&(_, next)) => next as usize,
                    None => {
                        nodes.push(Node::default());
                        let next = nodes.len() - 1;
                        nodes[at].children.push((b, next as u32));
                        next
                    }
                };
            }
            nodes[at].listed = true;
        }
        Suffixes { nodes }
    }

    /// Whether `word` ends with a listed ending that has at least `before`
    /// bytes of `word` in front of it.
    pub fn ends(&self, word: &str, before: usize) -> bool {
        let bytes = word.as_bytes();
        let mut at = 0usize;
        let mut start = bytes.len();
        loop {
            // An ending is whole characters, so `start` is a character boundary.
            if self.nodes[at].listed && start >= before {
                return true;
            }
            let Some(&b) = start.checked_sub(1).and_then(|i| bytes.get(i)) else {
                return false;
            };
            match self.nodes[at].children.iter().find(|(c, _)| *c == b) {
                Some(&(_, next)) => {
                    at = next as usize;
                    start -= 1;
                }
                None => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ending_counts_with_enough_of_the_word_before_it() {
        let s = Suffixes::new(["minister", "ster", "behörde"]);
        assert!(s.ends("außenminister", 0));
        assert!(s.ends("außenminister", 5));
        // "minister" itself has nothing before it, but the shorter "ster"
        // has 4 bytes before it.
        assert!(s.ends("minister", 4));
        assert!(!s.ends("minister", 5));
        assert!(!s.ends("behörde", 1));
        assert!(s.ends("geheimdienstbehörde", 3));
        assert!(!s.ends("ministerin", 0));
        assert!(!s.ends("", 0));
        assert!(!s.ends("er", 0));
    }

    proptest::proptest! {
        /// The trie agrees with asking every ending in turn.
        #[test]
        fn the_trie_is_every_ending_asked_in_turn(
            endings in proptest::collection::vec("[a-eä]{0,4}", 0..6),
            word in "[a-eä]{0,8}",
            before in 0usize..4,
        ) {
            let s = Suffixes::new(&endings);
            let each = endings.iter().any(|e| {
                word.len() >= e.len() + before && word.ends_with(e.as_str())
            });
            proptest::prop_assert_eq!(s.ends(&word, before), each);
        }
    }
}
