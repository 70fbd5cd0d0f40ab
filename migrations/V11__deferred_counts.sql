-- Version 11: an import counts a batch's new mentions once, at the end of
-- the batch, as it already indexes their articles for search (V10).
--
-- The count triggers of V4 cost every mention two upserts, and every new
-- (article, entity) pair an update and an insert per other entity of the
-- article: at 10,000 synthetic articles 7% of the import's time. At the end
-- of a batch chronik adds the batch's counts with three grouped statements.
--
-- The deferral row V10 introduced now defers both, so it gets a name that
-- says so (SQLite renames it inside V10's triggers too). While it holds a
-- row, the triggers below leave out mentions of articles with ids above its
-- `after`: those are the batch's new articles, whose counts chronik adds
-- before it commits. The row never outlives an import transaction; other
-- clients, and chronik outside an import, are counted row by row as before.
ALTER TABLE fts_deferred RENAME TO import_deferred;

DROP TRIGGER mentions_count_insert;
CREATE TRIGGER mentions_count_insert AFTER INSERT ON mentions
WHEN NOT EXISTS (SELECT 1 FROM import_deferred WHERE new.article_id > after) BEGIN
    INSERT INTO entity_counts (entity_id, mentions, articles) VALUES (new.entity_id, 1, 0)
    ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1;
    INSERT INTO article_entities (article_id, entity_id, mentions)
    VALUES (new.article_id, new.entity_id, 1)
    ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = mentions + 1;
END;

DROP TRIGGER mentions_count_delete;
CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions
WHEN NOT EXISTS (SELECT 1 FROM import_deferred WHERE old.article_id > after) BEGIN
    UPDATE article_entities SET mentions = mentions - 1
    WHERE article_id = old.article_id AND entity_id = old.entity_id;
    DELETE FROM article_entities
    WHERE article_id = old.article_id AND entity_id = old.entity_id AND mentions <= 0;
    UPDATE entity_counts SET mentions = mentions - 1 WHERE entity_id = old.entity_id;
END;

-- A mention moved between a counted and an uncounted article would be
-- half counted; chronik moves no mention, and no other client writes while
-- the row exists.
DROP TRIGGER mentions_count_update;
CREATE TRIGGER mentions_count_update AFTER UPDATE OF article_id, entity_id ON mentions
WHEN NOT EXISTS (SELECT 1 FROM import_deferred
                 WHERE old.article_id > after OR new.article_id > after) BEGIN
    UPDATE article_entities SET mentions = mentions - 1
    WHERE article_id = old.article_id AND entity_id = old.entity_id;
    DELETE FROM article_entities
    WHERE article_id = old.article_id AND entity_id = old.entity_id AND mentions <= 0;
    UPDATE entity_counts SET mentions = mentions - 1 WHERE entity_id = old.entity_id;
    INSERT INTO entity_counts (entity_id, mentions, articles) VALUES (new.entity_id, 1, 0)
    ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1;
    INSERT INTO article_entities (article_id, entity_id, mentions)
    VALUES (new.article_id, new.entity_id, 1)
    ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = mentions + 1;
END;

DROP TRIGGER article_entities_insert;
CREATE TRIGGER article_entities_insert AFTER INSERT ON article_entities
WHEN NOT EXISTS (SELECT 1 FROM import_deferred WHERE new.article_id > after) BEGIN
    UPDATE entity_counts SET articles = articles + 1 WHERE entity_id = new.entity_id;
    INSERT INTO entity_pair_counts (entity_a, entity_b, shared_articles)
    SELECT min(new.entity_id, o.entity_id), max(new.entity_id, o.entity_id), 1
    FROM article_entities o
    WHERE o.article_id = new.article_id AND o.entity_id <> new.entity_id
    ON CONFLICT (entity_a, entity_b) DO UPDATE SET shared_articles = shared_articles + 1;
END;

DROP TRIGGER article_entities_delete;
CREATE TRIGGER article_entities_delete AFTER DELETE ON article_entities
WHEN NOT EXISTS (SELECT 1 FROM import_deferred WHERE old.article_id > after) BEGIN
    UPDATE entity_counts SET articles = articles - 1 WHERE entity_id = old.entity_id;
    UPDATE entity_pair_counts SET shared_articles = shared_articles - 1
    WHERE (entity_a, entity_b) IN (
        SELECT min(old.entity_id, o.entity_id), max(old.entity_id, o.entity_id)
        FROM article_entities o
        WHERE o.article_id = old.article_id AND o.entity_id <> old.entity_id);
    DELETE FROM entity_pair_counts
    WHERE shared_articles <= 0 AND (entity_a = old.entity_id OR entity_b = old.entity_id);
END;
