//! The single writer: an article and everything derived from it go into the
//! archive inside the caller's transaction, so a file is either wholly in the
//! archive or not at all.
//!
//! Replacing a changed article deletes what was derived from its old text
//! (mentions, event links, citations), writes the new, and then removes what
//! nothing refers to any more (events without articles, entities without
//! mentions or events), so an update never leaves stale rows behind.

pub mod batch;
pub mod bulk;
mod event_index;
mod events;
mod rows;
pub mod search;

use std::sync::LazyLock;

use foldhash::{HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};

use crate::extract::{Extraction, EXTRACTOR};
use crate::ingest::meta::Outlet;
use crate::knowledge::sources;
use rows::Rows;

/// An article row as the importer hands it over.
#[derive(Debug, Clone)]
pub struct ArticleRecord {
    pub origin: String,
    pub url: Option<String>,
    pub title: String,
    pub body: String,
    pub published_on: Option<String>,
    pub date_source: Option<&'static str>,
    pub content_hash: String,
    pub byte_size: i64,
    /// The file's modification time when it can be trusted, and its
    /// manifest row's fingerprint (schema V16: `article_files`).
    pub file_mtime_ns: Option<i64>,
    pub manifest_hash: i64,
    pub raw_text: String,
    pub outlet: Option<Outlet>,
    pub stemmed: search::Stemmed,
}

/// A content hash (BLAKE3) as its 32 bytes: a fifth of the memory of its
/// hex text in an import's [`Known`] maps, which hold one per article.
pub type Digest = [u8; 32];

/// The digest of a stored hex content hash. Text that is no 64-digit hex
/// hash (an archive edited by hand) gets a digest of its own bytes, so that
/// it matches nothing a file can hash to.
pub fn digest(hex: &str) -> Digest {
    let mut out = [0u8; 32];
    let valid = hex.len() == 64
        && hex
            .as_bytes()
            .chunks(2)
            .zip(out.iter_mut())
            .all(|(pair, byte)| {
                std::str::from_utf8(pair)
                    .ok()
                    .and_then(|p| u8::from_str_radix(p, 16).ok())
                    .map(|b| *byte = b)
                    .is_some()
            });
    if valid {
        out
    } else {
        *blake3::hash(format!("not a hash: {hex}").as_bytes()).as_bytes()
    }
}

/// What the archive already holds, loaded once per import so that unchanged
/// files cost no query each.
#[derive(Debug, Default, Clone)]
pub struct Known {
    /// origin -> the article stored from it
    pub by_origin: HashMap<String, Stored>,
    /// content hash -> id of the first article with it (an id, not its
    /// origin: at 100,000 articles the origins twice over were megabytes)
    pub by_hash: HashMap<Digest, i64>,
}

/// A stored article as an import compares a file with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    pub hash: Digest,
    pub byte_size: i64,
    /// NULL in the archive: the time is not to be trusted (schema V16).
    pub file_mtime_ns: Option<i64>,
    /// None: not recorded (an article stored before V16).
    pub manifest_hash: Option<i64>,
}

/// What an import compares, read from the index by hash (schemas V15 and
/// V16) rather than from the table with the texts, and from `article_files`.
const KNOWN: &str =
    "SELECT a.id, a.origin, a.content_hash, a.byte_size, f.file_mtime_ns, f.manifest_hash
     FROM articles a LEFT JOIN article_files f ON f.article_id = a.id";

/// Loads origins, hashes, sizes and times of every stored article.
pub fn known(conn: &Connection) -> rusqlite::Result<Known> {
    let mut k = Known::default();
    let mut stmt = conn.prepare(KNOWN)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(1)?,
            Stored {
                id: r.get(0)?,
                hash: digest(&r.get::<_, String>(2)?),
                byte_size: r.get(3)?,
                file_mtime_ns: r.get(4)?,
                manifest_hash: r.get(5)?,
            },
        ))
    })?;
    for row in rows {
        let (origin, stored) = row?;
        // The first article with a hash is the oldest: the index gives
        // them by hash and origin, not by id.
        k.by_hash
            .entry(stored.hash)
            .and_modify(|first| *first = (*first).min(stored.id))
            .or_insert(stored.id);
        k.by_origin.insert(origin, stored);
    }
    Ok(k)
}

/// Records the modification time (if trusted) and manifest fingerprint of
/// the article `id`'s file (schema V16), for a file stored or found
/// unchanged, so that the next import need not read it again.
pub fn record_file(
    conn: &Connection,
    id: i64,
    file_mtime_ns: Option<i64>,
    manifest_hash: i64,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO article_files (article_id, file_mtime_ns, manifest_hash) VALUES (?1, ?2, ?3)
         ON CONFLICT (article_id) DO UPDATE
         SET file_mtime_ns = excluded.file_mtime_ns, manifest_hash = excluded.manifest_hash",
    )?
    .execute(params![id, file_mtime_ns, manifest_hash])?;
    Ok(())
}

/// Entity ids and aliases already in the archive, kept in memory during an
/// import so that an entity seen in every article costs no query each time.
/// Anything that may have removed rows (garbage collection after an update)
/// calls [`Cache::clear`]; a failed write ends the import, and the cache with it.
#[derive(Debug, Default)]
pub struct Cache {
    loaded: bool,
    entities: HashMap<String, i64>,
    aliases: HashSet<(i64, String)>,
    /// Stored events by date and participant, for merging reports.
    events: event_index::EventIndex,
    /// Place id -> id of the country it lies in, for the places and
    /// countries stored so far (`data/within.tsv`); rebuilt when a location
    /// is added.
    countries: HashMap<i64, i64>,
}

impl Cache {
    fn find_countries(&mut self) {
        self.countries = crate::extract::within::pairs()
            .filter_map(|(place, country)| {
                Some((*self.entities.get(place)?, *self.entities.get(country)?))
            })
            .collect();
    }
}

impl Cache {
    pub fn clear(&mut self) {
        *self = Cache::default();
    }

    fn load(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        if self.loaded {
            return Ok(());
        }
        let mut stmt = conn.prepare("SELECT key, id FROM entities")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (k, id) = row?;
            self.entities.insert(k, id);
        }
        self.find_countries();
        let mut stmt = conn.prepare("SELECT entity_id, alias FROM entity_aliases")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            self.aliases.insert(row?);
        }
        self.loaded = true;
        Ok(())
    }
}

/// Writes an article and its extraction; replaces `existing` if given.
pub fn write_article(
    conn: &Connection,
    cache: &mut Cache,
    rec: &ArticleRecord,
    x: &Extraction,
    existing: Option<i64>,
    now: &str,
    counts: &mut batch::Counts,
) -> rusqlite::Result<i64> {
    let source_id = match &rec.outlet {
        Some(o) => Some(ensure_source(conn, &o.name, o.domain.as_deref(), &o.kind)?),
        None => None,
    };
    let mut replaced = Replaced::default();
    let id = match existing {
        Some(id) => {
            replaced = delete_derived(conn, id)?;
            conn.prepare_cached(
                "UPDATE articles SET source_id = ?2, url = ?3, title = ?4, body = ?5, published_on = ?6,
                 date_source = ?7, content_hash = ?8, byte_size = ?9, raw_text = ?10, updated_at = ?11
                 WHERE id = ?1",
            )?
            .execute(params![
                id, source_id, rec.url, rec.title, rec.body, rec.published_on, rec.date_source,
                rec.content_hash, rec.byte_size, rec.raw_text, now
            ])?;
            id
        }
        None => {
            conn.prepare_cached(
                "INSERT OR FAIL INTO articles (source_id, origin, url, title, body, published_on, date_source,
                 language, content_hash, byte_size, raw_text, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'de', ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                source_id, rec.origin, rec.url, rec.title, rec.body, rec.published_on, rec.date_source,
                rec.content_hash, rec.byte_size, rec.raw_text, now
            ])?;
            conn.last_insert_rowid()
        }
    };
    record_file(conn, id, rec.file_mtime_ns, rec.manifest_hash)?;
    search::index_article(conn, id, &rec.stemmed)?;
    // A new article is above the deferral's mark (see `batch`): the writer
    // counts it. An updated one keeps its id, and the triggers count it.
    let new = existing.is_none();
    let linked = write_extraction(conn, cache, id, x, new.then_some(&mut *counts))?;
    if let (true, Some(source)) = (new, source_id) {
        counts.add_links(source, &linked);
    }
    if existing.is_some() {
        collect_garbage(conn, &replaced)?;
        cache.clear();
    }
    Ok(id)
}

/// Writes mentions, citations and events of article `id`. With `counts`,
/// also its rows of `article_entities`, and what it counts goes into
/// `counts` (for an article whose counting [`batch`] defers). Returns the
/// events it is linked to, in the order of its reports.
pub fn write_extraction(
    conn: &Connection,
    cache: &mut Cache,
    id: i64,
    x: &Extraction,
    counts: Option<&mut batch::Counts>,
) -> rusqlite::Result<Vec<i64>> {
    cache.load(conn)?;
    // A place or country stored for the first time may complete a pair.
    let new_place = x.entities.iter().any(|e| {
        e.kind == crate::extract::EntityKind::Location && !cache.entities.contains_key(&e.key)
    });
    let mut entity_ids = Vec::with_capacity(x.entities.len());
    for e in &x.entities {
        let eid = ensure_entity(conn, cache, e)?;
        entity_ids.push(eid);
    }
    if new_place {
        cache.find_countries();
    }
    MENTIONS.insert(
        conn,
        x.mentions.len(),
        |s| {
            s.raw_bind_parameter(1, id)?;
            s.raw_bind_parameter(2, EXTRACTOR)
        },
        |s, n, at| {
            let m = &x.mentions[n];
            s.raw_bind_parameter(at, entity_ids[m.entity])?;
            s.raw_bind_parameter(at + 1, &m.surface)?;
            s.raw_bind_parameter(at + 2, m.start as i64)?;
            s.raw_bind_parameter(at + 3, m.end as i64)?;
            s.raw_bind_parameter(at + 4, m.confidence)
        },
    )?;
    if let Some(counts) = counts {
        let mentioned = mentions_per_entity(x, &entity_ids);
        ARTICLE_ENTITIES.insert(
            conn,
            mentioned.len(),
            |s| s.raw_bind_parameter(1, id),
            |s, n, at| {
                s.raw_bind_parameter(at, mentioned[n].0)?;
                s.raw_bind_parameter(at + 1, mentioned[n].1)
            },
        )?;
        counts.add(&mentioned);
    }
    for name in &x.citations {
        let known = sources().by_name(name);
        let sid = ensure_source(
            conn,
            name,
            known.and_then(|s| s.domain.as_deref()),
            known.map_or("agency", |s| s.kind.as_str()),
        )?;
        conn.prepare_cached(
            "INSERT OR IGNORE INTO citations (article_id, source_id) VALUES (?1, ?2)",
        )?
        .execute(params![id, sid])?;
    }
    events::write_events(
        conn,
        &mut cache.events,
        &cache.countries,
        id,
        x,
        &entity_ids,
    )
}

/// The entities `x` mentions, by id in ascending order, each with its
/// number of mentions.
fn mentions_per_entity(x: &Extraction, entity_ids: &[i64]) -> Vec<(i64, i64)> {
    let mut ids: Vec<i64> = x.mentions.iter().map(|m| entity_ids[m.entity]).collect();
    ids.sort_unstable();
    ids.chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len() as i64))
        .collect()
}

/// An article's rows of `article_entities`, up to 64 per INSERT: article ?1.
static ARTICLE_ENTITIES: LazyLock<Rows> = LazyLock::new(|| {
    Rows::new(
        "INSERT OR FAIL INTO article_entities (article_id, entity_id, mentions) VALUES",
        "(?1, @1, @2)",
        1,
        2,
        64,
    )
});

/// Mentions, up to 64 per INSERT (see [`rows`]): article ?1, extractor ?2.
static MENTIONS: LazyLock<Rows> = LazyLock::new(|| {
    Rows::new(
        "INSERT OR FAIL INTO mentions (article_id, entity_id, surface, start, \"end\", extractor, confidence) VALUES",
        "(?1, @1, @2, @3, @4, ?2, @5)",
        2,
        5,
        64,
    )
});

fn ensure_entity(
    conn: &Connection,
    cache: &mut Cache,
    e: &crate::extract::Entity,
) -> rusqlite::Result<i64> {
    let id = match cache.entities.get(&e.key) {
        Some(&id) => id,
        None => {
            conn.prepare_cached(
                "INSERT INTO entities (name, kind, key, extractor, confidence) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![e.name, e.kind.as_str(), e.key, EXTRACTOR, e.confidence])?;
            let id = conn.last_insert_rowid();
            cache.entities.insert(e.key.clone(), id);
            id
        }
    };
    let mut alias = conn.prepare_cached(
        "INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?1, ?2)",
    )?;
    for a in std::iter::once(&e.name).chain(&e.aliases) {
        if cache.aliases.insert((id, a.clone())) {
            alias.execute(params![id, a])?;
        }
    }
    Ok(id)
}

/// The id of the source with this domain or name, created if missing.
pub fn ensure_source(
    conn: &Connection,
    name: &str,
    domain: Option<&str>,
    kind: &str,
) -> rusqlite::Result<i64> {
    if let Some(d) = domain {
        let by_domain: Option<i64> = conn
            .prepare_cached("SELECT id FROM sources WHERE domain = ?1")?
            .query_row([d], |r| r.get(0))
            .optional()?;
        if let Some(id) = by_domain {
            return Ok(id);
        }
    }
    let by_name: Option<(i64, Option<String>)> = conn
        .prepare_cached("SELECT id, domain FROM sources WHERE name = ?1")?
        .query_row([name], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((id, stored)) = by_name {
        if stored.is_none() && domain.is_some() {
            conn.prepare_cached("UPDATE sources SET domain = ?2 WHERE id = ?1")?
                .execute(params![id, domain])?;
        }
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO sources (name, domain, kind) VALUES (?1, ?2, ?3)")?
        .execute(params![name, domain, kind])?;
    Ok(conn.last_insert_rowid())
}

/// What a replaced article's old rows referred to: the only events and
/// entities that replacing it can leave unreferenced.
#[derive(Debug, Default)]
pub struct Replaced {
    events: Vec<i64>,
    entities: Vec<i64>,
}

/// Deletes what was derived from an article's text; returns what it referred to.
pub fn delete_derived(conn: &Connection, id: i64) -> rusqlite::Result<Replaced> {
    let ids = |sql: &str| -> rusqlite::Result<Vec<i64>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        rows.collect()
    };
    let events = ids("SELECT event_id FROM event_articles WHERE article_id = ?1")?;
    let entities = ids(
        "SELECT entity_id FROM article_entities WHERE article_id = ?1
         UNION SELECT p.entity_id FROM event_articles ea JOIN event_participants p ON p.event_id = ea.event_id WHERE ea.article_id = ?1
         UNION SELECT e.location_id FROM event_articles ea JOIN events e ON e.id = ea.event_id WHERE ea.article_id = ?1 AND e.location_id IS NOT NULL",
    )?;
    for sql in [
        "DELETE FROM mentions WHERE article_id = ?1",
        "DELETE FROM event_articles WHERE article_id = ?1",
        "DELETE FROM citations WHERE article_id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([id])?;
    }
    Ok(Replaced { events, entities })
}

/// Removes the events no article reports any more and the entities nothing
/// refers to any more, among those a replaced article referred to; each
/// check is an index lookup, so an update costs the same in any archive.
pub fn collect_garbage(conn: &Connection, replaced: &Replaced) -> rusqlite::Result<()> {
    let mut event = conn.prepare_cached(
        "DELETE FROM events WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM event_articles WHERE event_id = ?1)",
    )?;
    for id in &replaced.events {
        event.execute([id])?;
    }
    let mut entity = conn.prepare_cached(
        "DELETE FROM entities WHERE id = ?1
         AND NOT EXISTS (SELECT 1 FROM article_entities WHERE entity_id = ?1)
         AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity_id = ?1)
         AND NOT EXISTS (SELECT 1 FROM events WHERE location_id = ?1)",
    )?;
    for id in &replaced.entities {
        entity.execute([id])?;
    }
    Ok(())
}

/// Rows per archive table, in a fixed order.
pub fn stats(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for (table, _, _) in crate::query::TABLES
        .iter()
        .chain(&[("import_runs", "", "")])
    {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        out.push((table.to_string(), n));
    }
    Ok(out)
}

/// The newest migration applied to the archive.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT coalesce(max(version), 0) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::{digest, KNOWN};

    #[test]
    fn what_an_import_knows_is_read_from_an_index_not_the_texts() {
        let (_dir, conn) = crate::archive::scratch();
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {KNOWN}"))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            plan,
            [
                "SCAN a USING COVERING INDEX articles_hash",
                "SEARCH f USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN"
            ]
        );
    }

    #[test]
    fn a_stored_hex_hash_becomes_its_bytes_and_anything_else_matches_nothing() {
        let h = blake3::hash(b"Kim empfing Lawrow.");
        assert_eq!(&digest(&h.to_hex()), h.as_bytes());
        assert_eq!(&digest(&h.to_hex().to_uppercase()), h.as_bytes());
        let odd = digest("not hex at all");
        assert_ne!(&odd, h.as_bytes());
        assert_eq!(odd, digest("not hex at all"));
        assert_ne!(digest(&"g".repeat(64)), [0u8; 32]);
    }
}
