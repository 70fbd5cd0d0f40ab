//! Curated knowledge shipped in `data/` and compiled into the binary: the
//! sources table (outlets, agencies, institutions). Parsed once, on first use.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

/// An outlet, agency or institution from `data/sources.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownSource {
    pub kind: String,
    pub name: String,
    pub domain: Option<String>,
    pub aliases: Vec<String>,
}

/// The known sources, looked up by domain or by any name.
pub struct Sources {
    list: Vec<KnownSource>,
    by_domain: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

static SOURCES: LazyLock<Sources> =
    LazyLock::new(|| Sources::parse(include_str!("../data/sources.tsv")));

/// The sources from `data/sources.tsv`.
pub fn sources() -> &'static Sources {
    &SOURCES
}

/// Lower case with `ı` as `i`, for name comparisons.
pub fn name_key(s: &str) -> String {
    with_name_key(s, str::to_string)
}

/// Calls `f` with [`name_key`] of `s`, made without a new string unless
/// `s` has a dotless `ı`: sources are looked up by name for every entity
/// of every article.
fn with_name_key<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    crate::text::with_lower(s.trim(), |lower| match lower.contains('ı') {
        true => f(&lower.replace('ı', "i")),
        false => f(lower),
    })
}

impl Sources {
    /// Parses `kind<TAB>name<TAB>domain<TAB>aliases` lines; aliases are
    /// `|`-separated, extra domains among them start with `@`. Malformed lines
    /// are skipped: the file is ours and checked by a unit test.
    pub fn parse(src: &str) -> Sources {
        let mut s = Sources {
            list: Vec::new(),
            by_domain: HashMap::new(),
            by_name: HashMap::new(),
        };
        for line in src.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let idx = s.list.len();
            let domain = Some(cols[2].trim().to_lowercase()).filter(|d| !d.is_empty());
            let mut aliases = Vec::new();
            for a in cols.get(3).unwrap_or(&"").split('|').map(str::trim) {
                if let Some(d) = a.strip_prefix('@') {
                    s.by_domain.entry(d.to_lowercase()).or_insert(idx);
                } else if !a.is_empty() {
                    s.by_name.entry(name_key(a)).or_insert(idx);
                    aliases.push(a.to_string());
                }
            }
            if let Some(d) = &domain {
                s.by_domain.entry(d.clone()).or_insert(idx);
            }
            s.by_name.entry(name_key(cols[1])).or_insert(idx);
            s.list.push(KnownSource {
                kind: cols[0].trim().to_string(),
                name: cols[1].trim().to_string(),
                domain,
                aliases,
            });
        }
        s
    }

    /// The source with this host (without `www.`), also for subdomains.
    pub fn by_domain(&self, host: &str) -> Option<&KnownSource> {
        let mut h = host;
        loop {
            if let Some(&i) = self.by_domain.get(h) {
                return Some(&self.list[i]);
            }
            match h.split_once('.') {
                Some((_, rest)) if rest.contains('.') => h = rest,
                _ => return None,
            }
        }
    }

    /// The source with this name or alias.
    pub fn by_name(&self, name: &str) -> Option<&KnownSource> {
        with_name_key(name, |key| self.by_name.get(key).copied()).map(|i| &self.list[i])
    }

    pub fn all(&self) -> &[KnownSource] {
        &self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_found_by_any_case_spacing_and_dotless_i_of_its_names() {
        let s = Sources::parse("agency\tAnadolu Ajansı\taa.com.tr\tAA|Anadolu\n");
        for asked in [
            "anadolu ajansı",
            " ANADOLU AJANSI ",
            "Anadolu Ajansi",
            "aa",
            "ANADOLU",
        ] {
            assert_eq!(
                s.by_name(asked).map(|k| k.name.as_str()),
                Some("Anadolu Ajansı"),
                "{asked}"
            );
        }
        assert!(s.by_name("Anadolu Agency").is_none());
        assert_eq!(name_key(" Ajansı "), "ajansi");
    }
}
