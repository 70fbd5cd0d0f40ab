//! Trigger patterns tried only where a word starts.
//!
//! A trigger counts only where it starts a word, and most trigger patterns
//! start every match with one of a few literal prefixes ("traf", "empf",
//! "gipfel"), which regex-syntax extracts. Scanning the whole text once per
//! trigger kind (17 of them) was a tenth of the samples of an import of
//! 1,000 synthetic articles (perf); for those patterns a table from a
//! word's first two bytes to the kinds that can start there picks the few
//! (word, kind) pairs worth an anchored search.
//! A pattern that may start with any letter ("\w*vertrag") is still
//! scanned for, once over the whole text.
//!
//! The matches are those a scan of each pattern over the whole text finds
//! at word starts: per pattern, leftmost-first and not overlapping its own
//! previous match.

use foldhash::HashMap;
use regex_automata::meta::{self, Regex};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::Extractor;

use crate::extract::gazetteer::word_boundary_before;

/// Patterns on lower-cased text, each matched from word starts only.
pub(super) struct WordStarts {
    patterns: Vec<Regex>,
    /// Patterns whose matches may start with anything: scanned for.
    anywhere: u64,
    /// Patterns with a one-byte prefix, by that byte.
    by_byte: Vec<u64>,
    /// Patterns by the first two bytes of their prefixes.
    by_pair: HashMap<[u8; 2], u64>,
}

impl Default for WordStarts {
    fn default() -> Self {
        WordStarts {
            patterns: Vec::new(),
            anywhere: 0,
            by_byte: vec![0; 256],
            by_pair: HashMap::default(),
        }
    }
}

impl WordStarts {
    /// Compiles `patterns` (regex syntax on bytes, at most 64).
    pub(super) fn new(patterns: &[String], dfa_size_limit: usize) -> Result<Self, String> {
        if patterns.len() > 64 {
            return Err(format!("{} patterns, at most 64", patterns.len()));
        }
        let mut set = WordStarts::default();
        let mut parser = regex_syntax::ParserBuilder::new().utf8(false).build();
        for (k, pattern) in patterns.iter().enumerate() {
            let bit = 1u64 << k;
            let hir = parser.parse(pattern).map_err(|e| e.to_string())?;
            let prefixes = Extractor::new().extract(&hir);
            // Either in the tables or scanned for, never both: a match
            // would be found twice.
            match prefixes.literals() {
                Some(literals) if literals.iter().all(|lit| !lit.is_empty()) => {
                    for lit in literals {
                        match *lit.as_bytes() {
                            [b] => set.by_byte[usize::from(b)] |= bit,
                            [b0, b1, ..] => *set.by_pair.entry([b0, b1]).or_default() |= bit,
                            [] => {}
                        }
                    }
                }
                _ => set.anywhere |= bit,
            }
            let re = Regex::builder()
                .syntax(regex_automata::util::syntax::Config::new().utf8(false))
                .configure(
                    meta::Config::new()
                        .utf8_empty(false)
                        .dfa_size_limit(Some(dfa_size_limit)),
                )
                .build(pattern)
                .map_err(|e| e.to_string())?;
            set.patterns.push(re);
        }
        Ok(set)
    }

    /// Every match as (start, end, pattern index), in text order and by
    /// pattern index at one start. `lower` is `body` lower-cased with the
    /// same byte offsets; a word starts where `body` has no letter or digit
    /// before.
    pub(super) fn find(&self, body: &str, lower: &str) -> Vec<(usize, usize, usize)> {
        let bytes = lower.as_bytes();
        let mut out = Vec::new();
        // Per pattern, where its last match ended: matches do not overlap.
        let mut free_from = vec![0usize; self.patterns.len()];
        let mut after_word = false;
        for (at, c) in body.char_indices() {
            let starts_word = !after_word;
            after_word = c.is_alphanumeric();
            if !starts_word {
                continue;
            }
            // `lower` has `body`'s length; should a caller break that,
            // the words past its end are not searched.
            let Some(&b0) = bytes.get(at) else { break };
            let mut mask = self.by_byte[usize::from(b0)];
            if let Some(&b1) = bytes.get(at + 1) {
                mask |= self.by_pair.get(&[b0, b1]).copied().unwrap_or(0);
            }
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if at < free_from[k] {
                    continue;
                }
                let input = Input::new(bytes).range(at..).anchored(Anchored::Yes);
                if let Some(m) = self.patterns[k].search_half(&input) {
                    if m.offset() > at {
                        free_from[k] = m.offset();
                        out.push((at, m.offset(), k));
                    }
                }
            }
        }
        let mut rest = self.anywhere;
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            out.extend(
                self.patterns[k]
                    .find_iter(bytes)
                    .filter(|m| {
                        m.end() > m.start()
                            && body.is_char_boundary(m.start())
                            && word_boundary_before(body, m.start())
                    })
                    .map(|m| (m.start(), m.end(), k)),
            );
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(patterns: &[&str]) -> WordStarts {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        WordStarts::new(&patterns, 1 << 20).unwrap()
    }

    #[test]
    fn matches_start_words_only_and_run_to_their_end() {
        let s = set(&["traf[a-z]*", "gipfel[a-z]*"]);
        let text = "sie trafen sich, betrafen nichts; gipfeltreffen";
        assert_eq!(s.find(text, text), vec![(4, 10, 0), (34, 47, 1)]);
    }

    #[test]
    fn a_pattern_does_not_overlap_its_own_match_but_others_may() {
        // "kam … zusammen" covers "kam" again; "zusammen" is another pattern.
        let s = set(&[r"kam\s+(?:\S+\s+){0,3}?zusammen", "zusammen"]);
        let text = "kam kam dann zusammen";
        assert_eq!(s.find(text, text), vec![(0, 21, 0), (13, 21, 1)]);
    }

    #[test]
    fn a_pattern_without_a_literal_prefix_is_found_at_every_word_start() {
        let s = set(&[r"[a-z]*vertrag", "ab"]);
        assert_eq!(s.anywhere, 1);
        let text = "ab friedensvertrag vertrag ab";
        assert_eq!(
            s.find(text, text),
            vec![(0, 2, 1), (3, 18, 0), (19, 26, 0), (27, 29, 1)]
        );
    }

    #[test]
    fn a_pattern_that_may_start_anywhere_is_only_scanned_for() {
        // Its prefixes are "ab" and the empty string: scanned, never also
        // tried from the table, so each match comes once.
        let s = set(&["(?:ab)?"]);
        assert_eq!(s.anywhere, 1);
        assert!(s.by_pair.is_empty());
        assert_eq!(s.find("ab ab", "ab ab"), vec![(0, 2, 0), (3, 5, 0)]);
    }

    #[test]
    fn a_lower_cased_text_shorter_than_the_original_ends_the_search() {
        let s = set(&["traf[a-z]*"]);
        assert_eq!(s.find("sie traf", "sie"), vec![]);
    }

    #[test]
    fn word_starts_follow_the_original_text() {
        // Lower-cased "Äpfel" keeps its offsets; "ß" and "ss" are two bytes.
        let s = set(&["äpfel", "strasse"]);
        assert_eq!(
            s.find("Äpfel Straße", "äpfel strasse"),
            vec![(0, 6, 0), (7, 14, 1)]
        );
    }
}
