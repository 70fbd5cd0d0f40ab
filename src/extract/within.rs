//! Which country a place lies in (`data/within.tsv`), by entity key, so
//! that merging sees "in Pjöngjang" and "in Nordkorea" as one place told at
//! two scales. Only containment counts: two cities of one country are not
//! thereby one place.

use foldhash::HashMap;
use std::sync::LazyLock;

use super::resolve::entity_key;

static WITHIN: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    include_str!("../../data/within.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(place, country)| {
            (
                entity_key("location", place.trim()),
                entity_key("location", country.trim()),
            )
        })
        .collect()
});

/// Every (place key, country key) pair.
pub fn pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    WITHIN.iter().map(|(p, c)| (p.as_str(), c.as_str()))
}

/// The key of the country the place with entity key `key` lies in.
pub fn container(key: &str) -> Option<&'static str> {
    WITHIN.get(key).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::gazetteer;
    use crate::extract::EntityKind;

    #[test]
    fn every_line_names_two_known_locations() {
        for line in include_str!("../../data/within.tsv").lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (place, country) = line.split_once('\t').expect("PLACE<TAB>COUNTRY");
            for name in [place, country] {
                let entry = gazetteer().by_fold(name).map(|i| &gazetteer().entries[i]);
                assert!(
                    entry.is_some_and(|e| e.kind == EntityKind::Location && e.canonical == name),
                    "data/within.tsv: {name} is no canonical location of the gazetteer"
                );
            }
        }
        assert_eq!(
            container(&entity_key("location", "Pjöngjang")),
            Some(entity_key("location", "Nordkorea").as_str())
        );
        assert_eq!(container(&entity_key("location", "Nordkorea")), None);
    }
}
