//! The curated gazetteer (`data/gazetteer.tsv`): canonical names, kinds and
//! every known spelling, matched in one pass with an Aho-Corasick automaton.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::resolve::{fold, uninflect};
use super::EntityKind;

/// One gazetteer entity.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntityKind,
    pub canonical: String,
    pub aliases: Vec<String>,
}

/// A gazetteer hit in a text, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    forms: Vec<(String, usize)>,
    automaton: AhoCorasick,
    by_fold: HashMap<String, usize>,
}

/// Builds the gazetteer now (see [`super::WARM_UP`]).
pub(super) fn warm_up() {
    LazyLock::force(&GAZETTEER);
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::parse(include_str!("../../data/gazetteer.tsv"))
        .unwrap_or_else(|e| panic!("data/gazetteer.tsv is broken (a build defect): {e}"))
});

/// The gazetteer shipped with chronik.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

/// Spellings shorter than this must match with exact case ("AP", "EU").
const EXACT_CASE_BELOW: usize = 5;

impl Gazetteer {
    /// Parses `kind<TAB>canonical<TAB>alias|alias...` lines.
    pub fn parse(src: &str) -> Result<Gazetteer, String> {
        let mut entries = Vec::new();
        for (n, line) in src.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 {
                return Err(format!(
                    "line {}: expected KIND<TAB>NAME<TAB>ALIASES",
                    n + 1
                ));
            }
            let kind = EntityKind::parse(cols[0].trim())
                .ok_or_else(|| format!("line {}: unknown kind {}", n + 1, cols[0]))?;
            let aliases = cols
                .get(2)
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            entries.push(Entry {
                kind,
                canonical: cols[1].trim().to_string(),
                aliases,
            });
        }
        let mut forms = Vec::new();
        let mut by_fold = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for form in std::iter::once(&e.canonical).chain(&e.aliases) {
                forms.push((form.clone(), i));
                by_fold.entry(fold(form)).or_insert(i);
                if e.kind != EntityKind::Person {
                    by_fold.entry(fold(&uninflect(form))).or_insert(i);
                }
            }
        }
        // "in der Dominikanischen Republik": the weak form of a name's
        // adjectives, where the file lists only the strong one.
        let listed: foldhash::HashSet<String> =
            forms.iter().map(|(f, _)| f.to_lowercase()).collect();
        let mut weak = Vec::new();
        for (form, i) in &forms {
            if entries[*i].kind == EntityKind::Person {
                continue;
            }
            if let Some(w) = weak_form(form).filter(|w| !listed.contains(&w.to_lowercase())) {
                weak.push((w, *i));
            }
        }
        weak.sort();
        weak.dedup();
        forms.extend(weak);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(forms.iter().map(|(f, _)| f.as_str()))
            .map_err(|e| e.to_string())?;
        Ok(Gazetteer {
            entries,
            forms,
            automaton,
            by_fold,
        })
    }

    /// Every whole-word occurrence of a known spelling, leftmost-longest.
    ///
    /// Matches are collected overlapping and checked for word boundaries
    /// before choosing, so that a spelling inside a longer word
    /// ("…partei Einiges Russland" in "Regierungspartei Einiges Russland")
    /// cannot hide the real match that starts later.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut valid: Vec<Hit> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (form, entry) = &self.forms[m.pattern().as_usize()];
            let found = &text[m.start()..m.end()];
            if form.len() < EXACT_CASE_BELOW && found != form {
                continue;
            }
            if !found
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
            if !word_boundary_before(text, m.start()) || !word_boundary_after(text, m.end()) {
                continue;
            }
            valid.push(Hit {
                entry: *entry,
                start: m.start(),
                end: m.end(),
            });
        }
        valid.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut hits: Vec<Hit> = Vec::new();
        for h in valid {
            if hits.last().is_none_or(|last| h.start >= last.end) {
                hits.push(h);
            }
        }
        hits
    }

    /// The entry whose spelling folds to the same key as `name`.
    pub fn by_fold(&self, name: &str) -> Option<usize> {
        self.by_fold
            .get(&fold(name))
            .or_else(|| self.by_fold.get(&fold(&uninflect(name))))
            .copied()
    }
}

/// No letter or digit right before `at`.
/// The weak declension of a multi-word name's capitalised adjectives
/// ("Dominikanische Republik" → "Dominikanischen Republik", "Vereinigter
/// Generalstab" → "Vereinigten Generalstab"), if it has any.
fn weak_form(form: &str) -> Option<String> {
    let words: Vec<&str> = form.split(' ').collect();
    if words.len() < 2 {
        return None;
    }
    let mut changed = false;
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (k, w) in words.iter().enumerate() {
        let adjective = k + 1 < words.len()
            && w.chars().count() >= 5
            && w.starts_with(char::is_uppercase)
            && w.chars().all(char::is_alphabetic);
        // (A town's adjective in -er does not decline: "Zürcher", "Moskauer".)
        let strong_er = ["ischer", "iger", "ter"].iter().any(|e| w.ends_with(e));
        let stem = match w.strip_suffix("er") {
            Some(stem) if strong_er => Some(stem),
            Some(_) => None,
            None => ["es", "e"].iter().find_map(|e| w.strip_suffix(e)),
        };
        match stem.filter(|_| adjective) {
            Some(stem) => {
                out.push(format!("{stem}en"));
                changed = true;
            }
            None => out.push((*w).to_string()),
        }
    }
    changed.then(|| out.join(" "))
}

pub fn word_boundary_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `text[start..end]` stands as whole words: no letter or digit
/// right before or right after it.
pub fn whole_words(text: &str, start: usize, end: usize) -> bool {
    word_boundary_before(text, start)
        && text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// No letter or digit right after `at`, except a genitive `s` (handled by the caller).
pub fn word_boundary_after(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some('s') => chars.next().is_none_or(|c| !c.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_forms_of_adjectives_in_names() {
        assert_eq!(
            weak_form("Dominikanische Republik").as_deref(),
            Some("Dominikanischen Republik")
        );
        assert_eq!(
            weak_form("Vereinigter Generalstab").as_deref(),
            Some("Vereinigten Generalstab")
        );
        assert_eq!(
            weak_form("Japanisches Meer").as_deref(),
            Some("Japanischen Meer")
        );
        assert_eq!(weak_form("Zürcher Hochschule"), None);
        assert_eq!(weak_form("Pjöngjang"), None);
        let g = Gazetteer::parse("location\tTestische Republik\t\n").expect("parses");
        let hits = g.find("in der Testischen Republik gewählt");
        assert_eq!(hits.len(), 1);
        assert_eq!(g.entries[hits[0].entry].canonical, "Testische Republik");
    }
}
