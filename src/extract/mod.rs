//! Extraction: pure functions from a cleaned article to the entities, mentions,
//! events and citations it holds. No SQLite here, so every stage can be unit
//! tested, fuzzed and run in parallel; [`crate::store`] writes the result.
//!
//! Adjectives are not mentions: "nordkoreanische" or "russischen" describe,
//! they do not name, so they never become a mention of Nordkorea or Russland.
//! Genitives are mentions ("Putins", "Nordkoreas"), with the `s` in the surface.

pub mod citations;
pub mod dates;
pub mod events;
pub mod gazetteer;
pub mod names;
pub mod resolve;
pub mod suffixes;
pub mod within;
pub mod wordset;

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use jiff::civil::Date;

use crate::text::char_offsets;

/// The version of the extraction rules, recorded on every mention, entity and
/// event row so that an archive says which rules produced it.
pub const EXTRACTOR: &str = "rules-1";

/// The extractor's patterns and lists, compiled or read in parts that can
/// run on threads of their own. Each is otherwise made the first time an
/// article needs it, one after another within the first article, while the
/// other threads wait for them.
pub const WARM_UP: [fn(); 4] = [
    dates::warm_up,
    events::warm_up,
    gazetteer::warm_up,
    names::warm_up,
];

/// What sort of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Location,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Location => "location",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "person" => Some(EntityKind::Person),
            "organization" => Some(EntityKind::Organization),
            "location" => Some(EntityKind::Location),
            _ => None,
        }
    }
}

/// The article as extraction sees it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleText<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub published: Option<Date>,
    /// Sources credited in furniture that cleaning removed.
    pub credits: &'a [String],
}

/// An entity found in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Resolution key: equal keys are one entity across the archive.
    pub key: String,
    pub name: String,
    pub kind: EntityKind,
    /// Every spelling known for it (gazetteer) or seen in this article.
    pub aliases: BTreeSet<String>,
    pub confidence: f64,
}

/// One mention, in Unicode scalar values into the body (see CONTRACT.md).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub confidence: f64,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub events: Vec<events::Event>,
    /// Names of sources the article credits or quotes.
    pub citations: Vec<String>,
}

/// A mention candidate in bytes, before offsets are converted.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// The name the mention resolves to (canonical for gazetteer hits).
    pub name: String,
    /// Known spellings of that name.
    pub aliases: Vec<String>,
    pub confidence: f64,
}

/// Runs every extraction stage over one article.
pub fn extract(article: &ArticleText) -> Extraction {
    let candidates = names::candidates(article.body);
    extract_from(
        article,
        candidates,
        events::scan(article.body, article.published),
    )
}

/// [`extract`] with the body's name candidates and event triggers found
/// already: an import finds each for a group of articles at a time (see
/// `import::prepare`).
pub fn extract_from(
    article: &ArticleText,
    candidates: Vec<Candidate>,
    scanned: events::Scan,
) -> Extraction {
    let body = article.body;
    let mut out = Extraction::default();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let ends: Vec<usize> = candidates.iter().flat_map(|c| [c.start, c.end]).collect();
    let mut sorted = ends.clone();
    sorted.sort_unstable();
    let chars = char_offsets(body, &sorted);
    let char_of = |b: usize| {
        let i = sorted.partition_point(|&x| x < b);
        chars[i]
    };
    let mut byte_mentions = Vec::new();
    for c in &candidates {
        let key = resolve::entity_key(c.kind.as_str(), &c.name);
        let idx = *by_key.entry(key.clone()).or_insert_with(|| {
            out.entities.push(Entity {
                key,
                name: c.name.clone(),
                kind: c.kind,
                aliases: c.aliases.iter().cloned().collect(),
                confidence: c.confidence,
            });
            out.entities.len() - 1
        });
        let surface = &body[c.start..c.end];
        let entity = &mut out.entities[idx];
        entity
            .aliases
            .insert(names::strip_genitive(surface).to_string());
        entity.confidence = entity.confidence.max(c.confidence);
        out.mentions.push(Mention {
            entity: idx,
            start: char_of(c.start),
            end: char_of(c.end),
            surface: surface.to_string(),
            confidence: c.confidence,
        });
        byte_mentions.push((c.start, c.end, idx));
    }
    for e in &mut out.entities {
        e.aliases.remove(&e.name);
    }
    // The people the headline names: whom "er" most likely means.
    let headlined: Vec<usize> = out
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .filter(|(_, e)| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.chars().count() >= 4 && has_word(article.title, n))
        })
        .map(|(i, _)| i)
        .collect();
    // Both read the body by sentence.
    let spans = scanned.spans.clone();
    out.events = events::events_scanned(
        body,
        scanned,
        article.published,
        &out.entities,
        &byte_mentions,
        &headlined,
    );
    out.citations =
        citations::citations(body, &spans, article.credits, &out.entities, &byte_mentions);
    out
}

/// Whether `word` stands in `text` as whole words.
fn has_word(text: &str, word: &str) -> bool {
    crate::text::occurrences(text, word).any(|i| gazetteer::whole_words(text, i, i + word.len()))
}
