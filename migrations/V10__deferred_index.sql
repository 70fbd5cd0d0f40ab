-- Version 10: an import indexes a batch's new articles for full-text search
-- once, at the end of the batch, instead of one article at a time.
--
-- Written one article at a time, FTS5 keeps an article's terms in memory
-- only until the next statement that opens a statement savepoint: every
-- mention insert does (it fires the count triggers), and FTS5 writes its
-- pending terms to a new segment at every savepoint. So each article became
-- a segment of its own, and merging those segments cost the writer about a
-- fifth of its time.
--
-- While `fts_deferred` holds a row, articles with ids above its `after` are
-- left out of both full-text tables by the triggers below; chronik indexes
-- them with one statement per table before it commits the batch, and
-- deletes the row in the same transaction. The row never outlives an import
-- transaction, so other clients never see it, and for them (and for
-- articles stored before the batch) the triggers work as before.
CREATE TABLE fts_deferred (
    only  INTEGER PRIMARY KEY CHECK (only = 1),
    after INTEGER NOT NULL
);

DROP TRIGGER articles_fts_insert;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE new.id > after) BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
DROP TRIGGER articles_fts_delete;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id > after) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
DROP TRIGGER articles_fts_update;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id > after) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

DROP TRIGGER articles_stem_fts_insert;
CREATE TRIGGER articles_stem_fts_insert AFTER INSERT ON articles_stem
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE new.article_id > after) BEGIN
    INSERT INTO articles_stem_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body);
END;
DROP TRIGGER articles_stem_fts_delete;
CREATE TRIGGER articles_stem_fts_delete AFTER DELETE ON articles_stem
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.article_id > after) BEGIN
    INSERT INTO articles_stem_fts(articles_stem_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body);
END;
DROP TRIGGER articles_stem_fts_update;
CREATE TRIGGER articles_stem_fts_update AFTER UPDATE ON articles_stem
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.article_id > after) BEGIN
    INSERT INTO articles_stem_fts(articles_stem_fts, rowid, title, body) VALUES ('delete', old.article_id, old.title, old.body);
    INSERT INTO articles_stem_fts(rowid, title, body) VALUES (new.article_id, new.title, new.body);
END;
