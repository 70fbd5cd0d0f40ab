-- Version 18: an import counts a batch's new event links by outlet once,
-- at the end of the batch, as it counts their mentions (V11).
--
-- Every link of an article to an event fired a trigger that read the
-- article's outlet and upserted (event, outlet) in event_outlets, whose
-- new rows count the event's outlets (V6). While the import's deferral row
-- (V10, V11) exists, the trigger below leaves out links of articles above
-- its `after`: chronik adds those articles' (event, outlet) counts, sorted,
-- before it commits, and event_outlets' own trigger counts the new pairs as
-- before. Other clients, and chronik outside an import, are counted row by
-- row as before.
DROP TRIGGER event_articles_outlet_insert;
CREATE TRIGGER event_articles_outlet_insert AFTER INSERT ON event_articles
WHEN NOT EXISTS (SELECT 1 FROM import_deferred WHERE new.article_id > after) BEGIN
    INSERT INTO event_outlets (event_id, source_id, articles)
    SELECT new.event_id, source_id, 1 FROM articles WHERE id = new.article_id AND source_id IS NOT NULL
    ON CONFLICT (event_id, source_id) DO UPDATE SET articles = articles + 1;
END;

-- As with mentions (V11): the batch's new articles lose no link before
-- their counts are added, and no other client writes while the row exists.
DROP TRIGGER event_articles_outlet_delete;
CREATE TRIGGER event_articles_outlet_delete AFTER DELETE ON event_articles
WHEN NOT EXISTS (SELECT 1 FROM import_deferred WHERE old.article_id > after) BEGIN
    UPDATE event_outlets SET articles = articles - 1
    WHERE event_id = old.event_id
      AND source_id = (SELECT source_id FROM articles WHERE id = old.article_id);
    DELETE FROM event_outlets WHERE event_id = old.event_id AND articles <= 0;
END;
