-- chronik archive schema, version 1.
-- Plain SQLite (3.37+): no STRICT tables, no JSON operators, no RETURNING, so
-- every client (sqlite3, Python, DB Browser, Datasette) can open it.

-- Outlets, agencies and institutions. An article's outlet and the sources it
-- cites both live here; `kind` says which sort of source a row is.
CREATE TABLE sources (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE,
    domain TEXT,
    kind   TEXT NOT NULL DEFAULT 'outlet'
);
CREATE UNIQUE INDEX sources_domain ON sources(domain) WHERE domain IS NOT NULL;

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER REFERENCES sources(id),
    origin       TEXT NOT NULL UNIQUE,        -- path relative to the import root
    url          TEXT,
    title        TEXT,
    body         TEXT NOT NULL,               -- cleaned text; mention offsets point here
    published_on TEXT,                        -- YYYY-MM-DD or NULL
    date_source  TEXT,                        -- manifest, url, dateline or NULL
    language     TEXT NOT NULL DEFAULT 'de',
    content_hash TEXT NOT NULL,               -- BLAKE3 of the raw bytes
    byte_size    INTEGER NOT NULL,
    raw_text     TEXT NOT NULL,               -- as read, decoded to UTF-8
    duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    imported_at  TEXT NOT NULL,
    updated_at   TEXT
);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_published ON articles(published_on);
CREATE INDEX articles_hash ON articles(content_hash);

CREATE TABLE citations (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (article_id, source_id)
) WITHOUT ROWID;
CREATE INDEX citations_source ON citations(source_id);

-- One row per real person, organization or place, whatever the spelling.
-- `key` is the normalised resolution key chronik merges on.
CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'location')),
    key        TEXT NOT NULL UNIQUE,
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX entities_kind ON entities(kind);

CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    surface    TEXT NOT NULL,
    start      INTEGER NOT NULL,   -- Unicode scalar values into articles.body, 0-based
    "end"      INTEGER NOT NULL,   -- end-exclusive
    extractor  TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id, start);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    occurred_on    TEXT,
    date_precision TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year', 'unresolved')),
    date_text      TEXT,
    summary        TEXT NOT NULL,
    location_id    INTEGER REFERENCES entities(id),
    extractor      TEXT NOT NULL
);
CREATE INDEX events_occurred ON events(occurred_on);

CREATE TABLE event_participants (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    role      TEXT NOT NULL,
    PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants(entity_id);

CREATE TABLE event_articles (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    evidence   TEXT NOT NULL,
    PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;
CREATE INDEX event_articles_article ON event_articles(article_id);

CREATE TABLE import_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    imported    INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    failed      INTEGER NOT NULL DEFAULT 0
);

-- External-content FTS5 index over titles and bodies. content="articles" in
-- double quotes, as Datasette's FTS detection expects.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content="articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
