//! Small text helpers shared by the stages: sentence spans, character
//! offsets, a transliteration fold for comparing German spellings, the
//! closed German word classes several rules test against, and a bounded
//! memo for pure functions of words.

/// Articles and determiners (lower case): the words that open a noun phrase.
pub const ARTICLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "kein", "keine", "keinen", "keinem", "keiner", "keines", "dieser", "diese", "diesen", "diesem",
    "dieses", "seine", "seinen", "seinem", "seiner", "seines", "ihre", "ihren", "ihrem", "ihrer",
    "ihres",
];

/// Prepositions (lower case), with their fused forms ("im", "zum").
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "im",
    "ins",
    "nach",
    "bei",
    "beim",
    "aus",
    "auf",
    "von",
    "vom",
    "zu",
    "zum",
    "zur",
    "über",
    "gegen",
    "mit",
    "für",
    "an",
    "am",
    "durch",
    "um",
    "gegenüber",
    "zwischen",
    "unter",
    "vor",
    "hinter",
    "seit",
    "ab",
    "bis",
    "während",
];

/// Byte spans `(start, end)` of the sentences in `text`.
///
/// A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes)
/// before white space and an upper-case letter, a digit or an opening quote,
/// and at every line break. A period after a number ("am 18. Juli", "zum 75.
/// Jubiläum") or after a one-letter or listed abbreviation does not end one.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push_span(text, start, i, &mut spans);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') && ends_sentence(text, i) {
            let mut end = i + 1;
            while let Some(c) = text[end..].chars().next() {
                if matches!(c, '"' | '“' | '”' | '»' | '«' | '\'' | ')') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            push_span(text, start, end, &mut spans);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_span(text, start, text.len(), &mut spans);
    spans
}

fn push_span(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push((start + lead, end - trail));
    }
}

const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "nr", "bzw", "vgl", "ca", "etc", "usw", "st", "hl", "mio", "mrd", "jh", "z", "u",
    "a", "d", "h", "v", "chr", "gen", "sog", "inkl", "evtl", "ggf", "str", "abs", "art",
];

/// The run of letters and digits that `text` ends with.
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

fn ends_sentence(text: &str, dot: usize) -> bool {
    let word = last_word(&text[..dot]);
    if text.as_bytes()[dot] == b'.' {
        if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) && ordinal(text, dot, word)
        {
            return false;
        }
        if ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
            return false;
        }
    }
    let after = &text[dot + 1..];
    let after = after.trim_start_matches(['"', '“', '”', '»', '«', '\'', ')']);
    let mut chars = after.chars();
    match chars.next() {
        None => true,
        Some(c) if c == ' ' || c == '\n' => {
            let next = after.trim_start_matches(' ').chars().next();
            match next {
                None => true,
                Some(n) => {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '„' | '"' | '»' | '(' | '\n')
                }
            }
        }
        Some(c) => c.is_uppercase() && text.as_bytes()[dot] == b'.' && word.chars().count() > 3,
    }
}

/// Words after which a number with a period is an ordinal ("am 18.",
/// "zum 80. Jahrestag", "vom 7. bis 10. Mai", "in der 89. Minute").
const ORDINAL_AFTER: &[&str] = &[
    "am", "zum", "zur", "im", "vom", "beim", "ins", "bis", "und", "oder", "jeder", "jede", "jedes",
    "jeden", "ihr", "ihrem", "ihren", "sein", "seinem", "seinen", "unser", "unsere",
];

/// Whether the number `word` before the period at `dot` is an ordinal, not
/// the end of a sentence ("stieg auf 137. Festgenommen wurden ...", "im
/// Juni 2024. Danach ..."): it is after an article, a fused preposition or
/// the like, before a month, or at the start of the text or a line.
fn ordinal(text: &str, dot: usize, word: &str) -> bool {
    let before = text[..dot - word.len()].trim_end_matches([' ', ',']);
    let prev = last_word(before);
    let next: String = text[dot + 1..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    let next_word = next.trim_end_matches('.');
    let prev_lower = prev.to_lowercase();
    prev.is_empty()
        || before.ends_with('\n')
        || ARTICLES.contains(&prev_lower.as_str())
        || ORDINAL_AFTER.contains(&prev_lower.as_str())
        || crate::extract::dates::month_word(next_word)
        || crate::extract::dates::month_word(&next)
        || next_word.starts_with(|c: char| c.is_ascii_digit())
}

/// Converts byte offsets into `text` to offsets in Unicode scalar values,
/// which is what SQLite's `substr` counts. `offsets` must be ascending.
pub fn char_offsets(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut chars = 0;
    let mut byte = 0;
    for &target in offsets {
        if target < byte {
            out.push(text[..target].chars().count());
            continue;
        }
        chars += text[byte..target].chars().count();
        byte = target;
        out.push(chars);
    }
    out
}

/// Where `needle` starts in `text`, left to right, without overlaps, as
/// `str::match_indices` finds it. memchr's searcher looks for rare bytes
/// of the needle with vector instructions; the standard library's matcher,
/// run for every name in every article, was about 2% of extraction.
pub fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    // (Only an empty needle matches inside a character.)
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
        .filter(|&at| text.is_char_boundary(at))
}

/// Calls `f` with `word` in lower case, exactly as `str::to_lowercase`
/// gives it, without a new string per word: the extractors lower-case
/// hundreds of thousands of words per thousand articles only to compare
/// them (BENCHMARKS.md, eighteenth session).
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return f(word);
    }
    BUF.with(|cell| {
        // Taken: called again from within `f`.
        let Ok(mut buf) = cell.try_borrow_mut() else {
            return f(&word.to_lowercase());
        };
        buf.clear();
        for c in word.chars() {
            match c {
                c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                // Final sigma is the one mapping that depends on the
                // letters around it; the standard library knows it.
                'Σ' => return f(&word.to_lowercase()),
                c => buf.extend(c.to_lowercase()),
            }
        }
        f(&buf)
    })
}

/// A fold that makes "Militärdelegation" and "Militaerdelegation" equal:
/// lower case, umlauts as their two-letter ASCII forms, only letters and digits.
pub fn ascii_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        // Most of a German text is ASCII, which needs no Unicode lowercasing.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        for c in c.to_lowercase() {
            fold_into(&mut out, c);
        }
    }
    out
}

fn fold_into(out: &mut String, c: char) {
    match c {
        'ä' => out.push_str("ae"),
        'ö' => out.push_str("oe"),
        'ü' => out.push_str("ue"),
        'ß' => out.push_str("ss"),
        c if c.is_alphanumeric() => out.push(c),
        _ => {}
    }
}

/// What a pure function made of each word or name it was given, up to
/// `max` of them: news repeats its vocabulary and its names, and a lookup
/// is several times cheaper than stemming or folding again. When full it
/// starts afresh, so memory stays bounded and fills again from the next texts.
pub struct Memo<V = String> {
    made: foldhash::HashMap<String, V>,
    max: usize,
}

impl<V> Memo<V> {
    pub fn new(max: usize) -> Memo<V> {
        Memo {
            made: foldhash::HashMap::default(),
            max,
        }
    }

    /// Reads what `make` makes of `key`, made at most once while remembered.
    pub fn with<R>(
        &mut self,
        key: &str,
        make: impl FnOnce(&str) -> V,
        read: impl FnOnce(&V) -> R,
    ) -> R {
        if let Some(made) = self.made.get(key) {
            return read(made);
        }
        if self.made.len() >= self.max {
            self.made.clear();
        }
        let made = make(key);
        let out = read(&made);
        self.made.insert(key.to_string(), made);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_ordinals() {
        assert_eq!(
            split("Am 18. Juli empfing Kim den Gast. Danach reiste er ab.\nNeue Zeile"),
            vec![
                "Am 18. Juli empfing Kim den Gast.",
                "Danach reiste er ab.",
                "Neue Zeile"
            ]
        );
        assert_eq!(
            split("Eine Parade zum 75. Jubiläum fand statt. Dr. Kim sprach."),
            vec![
                "Eine Parade zum 75. Jubiläum fand statt.",
                "Dr. Kim sprach."
            ]
        );
        assert_eq!(
            split("Er sagte: „Wir kommen.“ Dann ging er."),
            vec!["Er sagte: „Wir kommen.“", "Dann ging er."]
        );
        // A count or a year ends a sentence; an ordinal after an article,
        // before a month or in a range does not.
        assert_eq!(
            split("Die Zahl stieg auf 137. Festgenommen wurden vier. Das war im Juni 2024. Danach kam der 137. Tag, vom 7. bis 10. Mai, am Freitag, 18. Juli."),
            vec![
                "Die Zahl stieg auf 137.",
                "Festgenommen wurden vier.",
                "Das war im Juni 2024.",
                "Danach kam der 137. Tag, vom 7. bis 10. Mai, am Freitag, 18. Juli."
            ]
        );
        assert_eq!(
            split("im Telefongespräch.Zuletzt gab es Berichte."),
            vec!["im Telefongespräch.", "Zuletzt gab es Berichte."]
        );
    }

    #[test]
    fn char_offsets_count_scalar_values() {
        let t = "Pjöngjang und Moskau";
        let moskau = t.find("Moskau").unwrap();
        assert_eq!(char_offsets(t, &[0, moskau, t.len()]), vec![0, 14, 20]);
    }

    #[test]
    fn ascii_fold_equates_transliterations() {
        assert_eq!(
            ascii_fold("Nordkorea empfängt russische Militärdelegation — World"),
            ascii_fold("Nordkorea empfaengt russische Militaerdelegation — World")
        );
    }

    proptest::proptest! {
        /// The ASCII shortcut folds exactly as lowercasing every character
        /// through Unicode would.
        #[test]
        fn ascii_fold_is_the_unicode_fold(s in "(?:[ -~]|[äöüÄÖÜßİ]|\\PC){0,40}") {
            let mut unicode = String::new();
            for c in s.chars().flat_map(char::to_lowercase) {
                fold_into(&mut unicode, c);
            }
            proptest::prop_assert_eq!(ascii_fold(&s), unicode);
        }

        /// Lower-casing in place gives what `str::to_lowercase` gives,
        /// nested calls included.
        #[test]
        fn with_lower_is_to_lowercase(s in "(?:[ -~]|[äöüÄÖÜßİΣσ]|\\PC){0,40}") {
            let inner = format!("{s}ΑΣ Ä");
            let (outer, nested) = with_lower(&s, |l| (l.to_string(), with_lower(&inner, str::to_string)));
            proptest::prop_assert_eq!(outer, s.to_lowercase());
            proptest::prop_assert_eq!(nested, inner.to_lowercase());
        }

        /// The fast search finds what `str::match_indices` finds, repeats
        /// ("aaa" in "aaaaa") and the empty needle included.
        #[test]
        fn occurrences_are_match_indices(text in "[aäb ]{0,30}", needle in "[aäb]{0,3}") {
            let std: Vec<usize> = text.match_indices(needle.as_str()).map(|(at, _)| at).collect();
            let found: Vec<usize> = occurrences(&text, &needle).collect();
            proptest::prop_assert_eq!(found, std);
        }
    }

    #[test]
    fn a_memo_makes_each_value_once_while_it_remembers_it() {
        let mut memo = Memo::new(2);
        let made = std::cell::Cell::new(0);
        let upper = |k: &str| {
            made.set(made.get() + 1);
            k.to_uppercase()
        };
        assert_eq!(memo.with("a", upper, String::clone), "A");
        assert_eq!(memo.with("a", upper, String::clone), "A");
        assert_eq!(made.get(), 1);
        memo.with("b", upper, |_| ());
        // Full: the third key starts it afresh, so "a" is made again.
        memo.with("c", upper, |_| ());
        assert_eq!(memo.with("a", upper, String::clone), "A");
        assert_eq!(made.get(), 4);
    }
}
