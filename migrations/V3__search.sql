-- German-aware search, version 3.
--
-- `articles_fts` (V1) indexes the text as written, for every SQLite client.
-- Next to it, chronik keeps stemmed shadow columns: every word of an
-- article's title and body as its Snowball German stem, lower case, without
-- diacritics ("Verteidigungsministers" -> "verteidigungsminist",
-- "Pjöngjang" -> "pjongjang"). chronik writes them itself (SQL cannot stem);
-- `chronik search` stems the query the same way and matches here. Both full-text
-- tables use SQLite's built-in tokenizer, so any client can open and query them.

CREATE TABLE articles_stem (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    title      TEXT,
    body       TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_stem_fts USING fts5(
    title, body,
    content="articles_stem", content_rowid="article_id",
    tokenize="unicode61 remove_diacritics 2"
);
CREATE TRIGGER articles_stem_fts_insert AFTER INSERT ON articles_stem BEGIN
    INSERT INTO articles_stem_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body);
END;
CREATE TRIGGER articles_stem_fts_delete AFTER DELETE ON articles_stem BEGIN
    INSERT INTO articles_stem_fts(articles_stem_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body);
END;
CREATE TRIGGER articles_stem_fts_update AFTER UPDATE ON articles_stem BEGIN
    INSERT INTO articles_stem_fts(articles_stem_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body);
    INSERT INTO articles_stem_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body);
END;

-- A client that edits or deletes an article outside chronik cannot stem; its
-- shadow row goes, and chronik writes it anew the next time it opens the archive.
CREATE TRIGGER articles_stem_stale AFTER UPDATE OF title, body ON articles BEGIN
    DELETE FROM articles_stem WHERE article_id = old.id;
END;
CREATE TRIGGER articles_stem_gone AFTER DELETE ON articles BEGIN
    DELETE FROM articles_stem WHERE article_id = old.id;
END;

-- Full-text search for clients without a stemmer (sqlite3, Python, Datasette):
-- FTS5 syntax over the text as written; diacritics fold, inflections do not.
INSERT INTO canned_queries (name, title, description, params, sql) VALUES
('search_articles', 'Full-text search (FTS5 syntax)',
 'Articles matching an SQLite FTS5 query over titles and bodies, best match first, with the match in [brackets]. Diacritics fold; inflected forms do not: `chronik search` also stems German words.', 'q',
 'SELECT a.id AS article_id, a.published_on, s.name AS outlet, a.title, snippet(articles_fts, 1, ''['', '']'', ''…'', 16) AS snippet FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid LEFT JOIN sources s ON s.id = a.source_id WHERE articles_fts MATCH :q ORDER BY bm25(articles_fts, 5.0, 1.0), a.id');
