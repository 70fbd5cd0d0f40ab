-- Version 12: event_articles stored by article, the order an import writes
-- it, with a small index by event.
--
-- Keyed by (event_id, article_id), every article's link to an event reported
-- before went into the middle of the table, with its evidence sentence: at
-- 100,000 synthetic articles a 183 MB b-tree written at random pages, read
-- back from the disk and rewritten to the WAL at every commit. Keyed by
-- (article_id, event_id), new links go at its end; the index by event holds
-- two numbers per link and is a twentieth of the size. The columns, and what
-- is unique, stay as they were.
CREATE TABLE event_articles_by_article (
    event_id   INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    evidence   TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id)
) WITHOUT ROWID;
INSERT INTO event_articles_by_article (event_id, article_id, evidence)
SELECT event_id, article_id, evidence FROM event_articles ORDER BY article_id, event_id;
DROP TABLE event_articles;
-- The views and triggers that name event_articles name the new table once it
-- has the name; the legacy rename leaves them as they are, where the modern one
-- refuses while the old table is gone.
PRAGMA legacy_alter_table = ON;
ALTER TABLE event_articles_by_article RENAME TO event_articles;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX event_articles_event ON event_articles(event_id, article_id);

-- The triggers of V6 on the table went with it.
CREATE TRIGGER event_articles_outlet_insert AFTER INSERT ON event_articles BEGIN
    INSERT INTO event_outlets (event_id, source_id, articles)
    SELECT new.event_id, source_id, 1 FROM articles WHERE id = new.article_id AND source_id IS NOT NULL
    ON CONFLICT (event_id, source_id) DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER event_articles_outlet_delete AFTER DELETE ON event_articles BEGIN
    UPDATE event_outlets SET articles = articles - 1
    WHERE event_id = old.event_id
      AND source_id = (SELECT source_id FROM articles WHERE id = old.article_id);
    DELETE FROM event_outlets WHERE event_id = old.event_id AND articles <= 0;
END;
