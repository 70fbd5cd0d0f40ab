//! Which sources an article credits or quotes: agencies and newspapers it
//! names ("berichtete die staatliche Nachrichtenagentur KCNA"), credits that
//! cleaning took out of captions ("(Quelle: KCNA)"), and institutions it
//! quotes ("zitierte der Kreml", "Laut Aussage des Kremls"). A government or
//! institution that is only mentioned, not quoted, is not a citation.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::Entity;
use crate::knowledge::{sources, KnownSource};
use crate::text::Memo;

/// Source kinds whose every mention is a citation.
const ALWAYS_CITED: &[&str] = &["agency", "newspaper", "broadcaster"];

/// Names remembered per thread with the known source each names, if any.
const NAMED_MAX: usize = 20_000;

thread_local! {
    static NAMED: std::cell::RefCell<Memo<Option<&'static KnownSource>>> =
        std::cell::RefCell::new(Memo::new(NAMED_MAX));
}

/// The known source `name` names: looked up for every entity of every
/// article (about 70 names an article), each time lower-casing the name,
/// so remembered (about 1.5% of a preparing thread's instructions before).
fn source_named(name: &str) -> Option<&'static KnownSource> {
    NAMED.with_borrow_mut(|memo| memo.with(name, |n| sources().by_name(n), |s| *s))
}

/// Names of the sources `body` cites, sorted and without repeats. `spans`
/// are its sentences ([`crate::text::sentences`]).
pub fn citations(
    body: &str,
    spans: &[(usize, usize)],
    credits: &[String],
    entities: &[Entity],
    mentions: &[(usize, usize, usize)],
) -> Vec<String> {
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:laut|zufolge|zitiert\w*|berichtet\w*|meldet\w*|teilt\w*|erklärt\w*|sagt\w*|nach angaben|aussage|mitteilung|hieß es|schrieb|verlautet\w*|bestätigt\w*|quelle)")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let mut out = BTreeSet::new();
    for credit in credits {
        if let Some(s) = source_named(credit) {
            out.insert(s.name.clone());
        }
    }
    // Each entity's source, looked up at its first mention: an article
    // mentions its entities a few times each, under several aliases.
    let mut source_of = vec![None; entities.len()];
    for &(start, _, idx) in mentions {
        let entity = &entities[idx];
        let source = *source_of[idx].get_or_insert_with(|| {
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .find_map(|n| source_named(n))
        });
        let Some(source) = source else {
            continue;
        };
        if out.contains(&source.name) {
            continue;
        }
        let cited = ALWAYS_CITED.contains(&source.kind.as_str()) || {
            let (s, e) = spans
                .iter()
                .copied()
                .find(|&(s, e)| s <= start && start < e)
                .unwrap_or((0, body.len()));
            CUE.is_match(&body[s..e])
        };
        if cited {
            out.insert(source.name.clone());
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::source_named;
    use crate::knowledge::sources;

    #[test]
    fn a_remembered_name_names_the_source_it_named_the_first_time() {
        for name in ["KCNA", "kcna", "Kim Jong Un", "KCNA", "Kim Jong Un", ""] {
            let want = sources().by_name(name).map(|s| &s.name);
            assert_eq!(source_named(name).map(|s| &s.name), want, "{name}");
        }
        assert!(source_named("kcna").is_some() && source_named("Kim Jong Un").is_none());
    }
}
