//! Trigger patterns tried only where a word starts.
//!
//! A trigger counts only where it starts a word, and most trigger patterns
//! start every match with one of a few literal prefixes ("traf", "empf",
//! "gipfel"), which regex-syntax extracts. Scanning the whole text once per
//! trigger kind (17 of them) was a tenth of the samples of an import of
//! 1,000 synthetic articles (perf); for those patterns a table from a
//! word's first two bytes to the kinds that can start there, and their
//! whole prefixes, pick the few (word, kind) pairs worth an anchored search.
//! A pattern branch that may start with any letters ("\w*vertrag") is
//! found by the literal after them: one Aho-Corasick pass over the text
//! finds each "vertrag", and the run of letters and digits it ends is the
//! only word start where such a match can begin. Scanning the whole text
//! with each of the seven such patterns instead was 7% of the samples of an
//! import of 10,000 synthetic articles (perf). A pattern with a branch that
//! offers neither literal is still scanned for.
//!
//! The matches are those a scan of each pattern over the whole text finds
//! at word starts: per pattern, leftmost-first and not overlapping its own
//! previous match.

use aho_corasick::AhoCorasick;
use foldhash::HashMap;
use regex_automata::meta::{self, Regex};
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::extract::gazetteer::word_boundary_before;

/// Patterns on lower-cased text, each matched from word starts only.
pub(super) struct WordStarts {
    patterns: Vec<Regex>,
    /// Patterns whose matches may start with anything: scanned for.
    anywhere: u64,
    /// Patterns with a one-byte prefix, by that byte.
    by_byte: Vec<u64>,
    /// Patterns with a two-byte prefix, by those bytes.
    by_pair: HashMap<[u8; 2], u64>,
    /// Longer prefixes by their first three bytes, with their patterns: a
    /// word is searched from only if it begins with a whole prefix. (By
    /// two bytes, a word starting "be" was compared with 62 prefixes.)
    by_triple: HashMap<[u8; 3], Vec<(usize, Vec<u8>)>>,
    /// A bit for each two bytes that begin a prefix of two bytes or more:
    /// most words begin none, and a bit answers for them without hashing
    /// into the two maps above.
    pairs: Vec<u64>,
    /// Literals that follow a run of letters a match begins with, and
    /// the patterns each belongs to, by Aho-Corasick pattern id.
    inner: Option<AhoCorasick>,
    inner_of: Vec<u64>,
}

impl Default for WordStarts {
    fn default() -> Self {
        WordStarts {
            patterns: Vec::new(),
            anywhere: 0,
            by_byte: vec![0; 256],
            by_pair: HashMap::default(),
            by_triple: HashMap::default(),
            pairs: vec![0; 1 << 10],
            inner: None,
            inner_of: Vec::new(),
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
        let mut inner: HashMap<Vec<u8>, u64> = HashMap::default();
        for (k, pattern) in patterns.iter().enumerate() {
            let bit = 1u64 << k;
            let hir = parser.parse(pattern).map_err(|e| e.to_string())?;
            // Either in the tables or scanned for, never both: a match
            // would be found twice.
            match leads(&hir) {
                Some(leads) => {
                    for lit in leads.starts {
                        match *lit.as_slice() {
                            [b] => set.by_byte[usize::from(b)] |= bit,
                            [b0, b1] => {
                                set.pair_begins(b0, b1);
                                *set.by_pair.entry([b0, b1]).or_default() |= bit
                            }
                            [b0, b1, b2, ..] => {
                                set.pair_begins(b0, b1);
                                set.by_triple
                                    .entry([b0, b1, b2])
                                    .or_default()
                                    .push((k, lit))
                            }
                            [] => {}
                        }
                    }
                    for lit in leads.inner {
                        *inner.entry(lit).or_default() |= bit;
                    }
                }
                None => set.anywhere |= bit,
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
        if !inner.is_empty() {
            let (literals, masks): (Vec<Vec<u8>>, Vec<u64>) = inner.into_iter().unzip();
            set.inner = Some(AhoCorasick::new(&literals).map_err(|e| e.to_string())?);
            set.inner_of = masks;
        }
        Ok(set)
    }

    fn pair_begins(&mut self, b0: u8, b1: u8) {
        let key = usize::from(b0) << 8 | usize::from(b1);
        self.pairs[key >> 6] |= 1 << (key & 63);
    }

    fn begins_prefix(&self, b0: u8, b1: u8) -> bool {
        let key = usize::from(b0) << 8 | usize::from(b1);
        self.pairs[key >> 6] & (1 << (key & 63)) != 0
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
        let inner = self.inner_starts(body, bytes);
        let mut next_inner = inner.iter().peekable();
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
            if let Some(&b1) = bytes.get(at + 1).filter(|&&b1| self.begins_prefix(b0, b1)) {
                mask |= self.by_pair.get(&[b0, b1]).copied().unwrap_or(0);
                if let Some(&b2) = bytes.get(at + 2) {
                    let word = &bytes[at..];
                    for (k, prefix) in self.by_triple.get(&[b0, b1, b2]).into_iter().flatten() {
                        if mask & (1 << k) == 0 && word.starts_with(prefix) {
                            mask |= 1 << k;
                        }
                    }
                }
            }
            while let Some(&&(start, bits)) = next_inner.peek() {
                if start > at {
                    break;
                }
                if start == at {
                    mask |= bits;
                }
                next_inner.next();
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

    /// Where matches of the patterns with inner literals may start, as
    /// (position, patterns), sorted: the start of the run of letters and
    /// digits before each inner literal found in `bytes` (`body` lowered).
    fn inner_starts(&self, body: &str, bytes: &[u8]) -> Vec<(usize, u64)> {
        let Some(inner) = &self.inner else {
            return Vec::new();
        };
        let mut starts: Vec<(usize, u64)> = inner
            .find_overlapping_iter(bytes)
            .filter(|m| body.is_char_boundary(m.start()))
            .map(|m| {
                let run = body[..m.start()]
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_alphanumeric())
                    .last()
                    .map_or(m.start(), |(at, _)| at);
                (run, self.inner_of[m.pattern().as_usize()])
            })
            .collect();
        starts.sort_unstable_by_key(|&(at, _)| at);
        starts
    }
}

/// Literals near the start of every match of a pattern.
#[derive(Default)]
struct Leads {
    /// Every match starts with one of these...
    starts: Vec<Vec<u8>>,
    /// ...or with a run of letters and digits and then one of these.
    inner: Vec<Vec<u8>>,
}

/// The leads of `hir`, or None where some match may begin otherwise.
fn leads(hir: &Hir) -> Option<Leads> {
    let prefixes = Extractor::new().extract(hir);
    if let Some(literals) = prefixes.literals() {
        if literals.iter().all(|lit| !lit.is_empty()) {
            let starts = literals.iter().map(|lit| lit.as_bytes().to_vec());
            return Some(Leads {
                starts: starts.collect(),
                inner: Vec::new(),
            });
        }
    }
    match hir.kind() {
        HirKind::Capture(capture) => leads(&capture.sub),
        HirKind::Alternation(branches) => {
            let mut all = Leads::default();
            for branch in branches {
                let Leads { starts, inner } = leads(branch)?;
                all.starts.extend(starts);
                all.inner.extend(inner);
            }
            Some(all)
        }
        HirKind::Concat(parts) => {
            if let Some(leads) = parts.first().and_then(leads) {
                return Some(leads);
            }
            // Parts made of letters and digits only cannot cross a word
            // start: a match that begins a word with them begins where the
            // run of letters and digits holding them begins, and the
            // literals after them are inside it.
            let run = parts.iter().take_while(|p| only_word_chars(p)).count();
            (1..=run.min(parts.len().saturating_sub(1))).find_map(|skip| {
                let after = leads(&Hir::concat(parts[skip..].to_vec()))?;
                let mut inner = after.starts;
                inner.extend(after.inner);
                Some(Leads {
                    starts: Vec::new(),
                    inner,
                })
            })
        }
        _ => None,
    }
}

/// Whether every match of `hir` is letters and digits only.
fn only_word_chars(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty => true,
        HirKind::Literal(lit) => {
            std::str::from_utf8(&lit.0).is_ok_and(|text| text.chars().all(char::is_alphanumeric))
        }
        HirKind::Class(Class::Unicode(class)) => class
            .iter()
            .all(|r| (r.start()..=r.end()).all(char::is_alphanumeric)),
        HirKind::Class(Class::Bytes(class)) => class
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii_alphanumeric())),
        HirKind::Repetition(rep) => only_word_chars(&rep.sub),
        HirKind::Capture(capture) => only_word_chars(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => parts.iter().all(only_word_chars),
        HirKind::Look(_) => false,
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
    fn a_pattern_led_by_letters_is_found_by_the_literal_after_them() {
        let s = set(&[r"[a-z]*vertrag", "ab"]);
        assert_eq!(s.anywhere, 0);
        // Inside a word ("2vertrag", "ä" outside [a-z]) there is no match:
        // the run of letters and digits starts before it.
        let text = "ab friedensvertrag vertrag ab 2vertrag svertragvertrag";
        assert_eq!(
            s.find(text, text),
            vec![(0, 2, 1), (3, 18, 0), (19, 26, 0), (27, 29, 1), (39, 54, 0)]
        );
        assert_eq!(s.find("bündnisvertrag", "bündnisvertrag"), vec![]);
    }

    #[test]
    fn a_branch_led_by_letters_and_one_led_by_a_literal_share_a_pattern() {
        // The agreement trigger's shape: a group of both kinds of branch
        // and more after it.
        let s = set(&[r"(?:[a-z]*pakt|bündnis)[a-z]*\s+geschlossen"]);
        assert_eq!(s.anywhere, 0);
        let text = "der atompakt wurde geschlossen, das bündnis geschlossen";
        assert_eq!(s.find(text, text), vec![(36, 56, 0)]);
        let text = "der atompakt geschlossen, bündnis geschlossen";
        assert_eq!(s.find(text, text), vec![(4, 24, 0), (26, 46, 0)]);
    }

    #[test]
    fn no_trigger_of_the_data_needs_a_scan_of_the_whole_text() {
        let triggers = &*super::super::TRIGGERS;
        let kinds: Vec<&str> = (0..triggers.kinds.len())
            .filter(|&k| triggers.matcher.anywhere & (1 << k) != 0)
            .map(|k| triggers.kinds[k].as_str())
            .collect();
        assert_eq!(kinds, Vec::<&str>::new());
        let cues = triggers.cues.as_ref().map(|cues| cues.anywhere);
        assert_eq!(cues, Some(0));
    }

    #[test]
    fn a_run_that_may_hold_other_characters_is_scanned_for() {
        // "_" is no letter or digit: the run could cross a word start.
        let s = set(&[r"[a-z_]*vertrag"]);
        assert_eq!(s.anywhere, 1);
        assert_eq!(s.find("x_vertrag", "x_vertrag"), vec![(0, 9, 0)]);
    }

    #[test]
    fn a_pattern_that_may_start_anywhere_is_only_scanned_for() {
        // Its prefixes are "ab" and the empty string: scanned, never also
        // tried from the table, so each match comes once.
        let s = set(&["(?:ab)?"]);
        assert_eq!(s.anywhere, 1);
        assert!(s.by_pair.is_empty() && s.by_triple.is_empty());
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
