-- Version 4: counts kept up to date as rows change, so that questions about a
-- large archive read a few rows instead of scanning every mention.
--
-- Triggers maintain every table here from `mentions` and `articles`, for any
-- client that writes, so the numbers are exact whoever changed the data.

-- Which entities each article mentions, and how often: one row per pair.
CREATE TABLE article_entities (
    article_id INTEGER NOT NULL,
    entity_id  INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

-- Per entity: mentions and articles mentioning it.
CREATE TABLE entity_counts (
    entity_id INTEGER PRIMARY KEY,
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL
);

-- Per pair of entities (entity_a < entity_b): articles mentioning both.
CREATE TABLE entity_pair_counts (
    entity_a        INTEGER NOT NULL,
    entity_b        INTEGER NOT NULL,
    shared_articles INTEGER NOT NULL,
    PRIMARY KEY (entity_a, entity_b)
) WITHOUT ROWID;
CREATE INDEX entity_pair_counts_b ON entity_pair_counts(entity_b, entity_a);

-- Fill them from what an older archive already holds.
INSERT INTO article_entities (article_id, entity_id, mentions)
SELECT article_id, entity_id, count(*) FROM mentions GROUP BY article_id, entity_id;
INSERT INTO entity_counts (entity_id, mentions, articles)
SELECT entity_id, sum(mentions), count(*) FROM article_entities GROUP BY entity_id;
INSERT INTO entity_pair_counts (entity_a, entity_b, shared_articles)
SELECT a.entity_id, b.entity_id, count(*) FROM article_entities a
JOIN article_entities b ON b.article_id = a.article_id AND a.entity_id < b.entity_id
GROUP BY a.entity_id, b.entity_id;

-- A mention in: count it for its entity (first, so that the row exists when
-- the article's first mention of it counts an article) and its article.
CREATE TRIGGER mentions_count_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO entity_counts (entity_id, mentions, articles) VALUES (new.entity_id, 1, 0)
    ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1;
    INSERT INTO article_entities (article_id, entity_id, mentions)
    VALUES (new.article_id, new.entity_id, 1)
    ON CONFLICT (article_id, entity_id) DO UPDATE SET mentions = mentions + 1;
END;

-- A mention out: uncount it; the article's row goes with its last mention.
CREATE TRIGGER mentions_count_delete AFTER DELETE ON mentions BEGIN
    UPDATE article_entities SET mentions = mentions - 1
    WHERE article_id = old.article_id AND entity_id = old.entity_id;
    DELETE FROM article_entities
    WHERE article_id = old.article_id AND entity_id = old.entity_id AND mentions <= 0;
    UPDATE entity_counts SET mentions = mentions - 1 WHERE entity_id = old.entity_id;
END;

-- A mention moved to another article or entity: out, then in.
CREATE TRIGGER mentions_count_update AFTER UPDATE OF article_id, entity_id ON mentions BEGIN
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

-- An entity new to an article: one more article for it, and one more shared
-- article for it and each entity the article already mentions.
CREATE TRIGGER article_entities_insert AFTER INSERT ON article_entities BEGIN
    UPDATE entity_counts SET articles = articles + 1 WHERE entity_id = new.entity_id;
    INSERT INTO entity_pair_counts (entity_a, entity_b, shared_articles)
    SELECT min(new.entity_id, o.entity_id), max(new.entity_id, o.entity_id), 1
    FROM article_entities o
    WHERE o.article_id = new.article_id AND o.entity_id <> new.entity_id
    ON CONFLICT (entity_a, entity_b) DO UPDATE SET shared_articles = shared_articles + 1;
END;

CREATE TRIGGER article_entities_delete AFTER DELETE ON article_entities BEGIN
    UPDATE entity_counts SET articles = articles - 1 WHERE entity_id = old.entity_id;
    UPDATE entity_pair_counts SET shared_articles = shared_articles - 1
    WHERE (entity_a, entity_b) IN (
        SELECT min(old.entity_id, o.entity_id), max(old.entity_id, o.entity_id)
        FROM article_entities o
        WHERE o.article_id = old.article_id AND o.entity_id <> old.entity_id);
    DELETE FROM entity_pair_counts
    WHERE shared_articles <= 0 AND (entity_a = old.entity_id OR entity_b = old.entity_id);
END;

CREATE TRIGGER entities_count_delete AFTER DELETE ON entities BEGIN
    DELETE FROM entity_counts WHERE entity_id = old.id;
END;

-- The same views as before, answered from the counts.
DROP VIEW entity_pairs;
CREATE VIEW entity_pairs AS
SELECT p.entity_a, ea.name AS name_a, p.entity_b, eb.name AS name_b, p.shared_articles
FROM entity_pair_counts p
JOIN entities ea ON ea.id = p.entity_a JOIN entities eb ON eb.id = p.entity_b
ORDER BY p.shared_articles DESC, name_a, name_b;

DROP VIEW entity_overview;
CREATE VIEW entity_overview AS
SELECT e.id AS entity_id, e.name, e.kind,
       coalesce(c.mentions, 0) AS mentions,
       coalesce(c.articles, 0) AS articles,
       (SELECT group_concat(alias, '; ') FROM
           (SELECT ea.alias FROM entity_aliases ea WHERE ea.entity_id = e.id AND ea.alias <> e.name ORDER BY ea.alias)) AS aliases
FROM entities e LEFT JOIN entity_counts c ON c.entity_id = e.id;

-- Partners of one entity: two index lookups instead of every pair.
UPDATE canned_queries SET sql =
 'WITH x(id) AS (SELECT entity_id FROM entity_aliases WHERE alias = :name UNION SELECT id FROM entities WHERE name = :name COLLATE NOCASE) '
 || 'SELECT p.entity_b AS entity_id, e.name, p.shared_articles FROM entity_pair_counts p JOIN entities e ON e.id = p.entity_b WHERE p.entity_a IN (SELECT id FROM x) '
 || 'UNION ALL SELECT p.entity_a, e.name, p.shared_articles FROM entity_pair_counts p JOIN entities e ON e.id = p.entity_a WHERE p.entity_b IN (SELECT id FROM x) '
 || 'ORDER BY shared_articles DESC, name'
WHERE name = 'together';

-- Articles whose stemmed shadow row (V3) is missing: chronik fills them on
-- opening the archive. Kept as a list so that opening never scans the texts.
CREATE TABLE articles_stem_pending (article_id INTEGER PRIMARY KEY);
INSERT INTO articles_stem_pending (article_id)
SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM articles_stem);
CREATE TRIGGER articles_stem_pending_insert AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO articles_stem_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_stem_pending_edit AFTER UPDATE OF title, body ON articles BEGIN
    INSERT OR IGNORE INTO articles_stem_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_stem_pending_gone AFTER DELETE ON articles BEGIN
    DELETE FROM articles_stem_pending WHERE article_id = old.id;
END;
CREATE TRIGGER articles_stem_written AFTER INSERT ON articles_stem BEGIN
    DELETE FROM articles_stem_pending WHERE article_id = new.article_id;
END;
CREATE TRIGGER articles_stem_rewritten AFTER UPDATE ON articles_stem BEGIN
    DELETE FROM articles_stem_pending WHERE article_id = new.article_id;
END;
-- Another client deleting a shadow row directly: write it again.
CREATE TRIGGER articles_stem_lost AFTER DELETE ON articles_stem BEGIN
    INSERT OR IGNORE INTO articles_stem_pending (article_id)
    SELECT old.article_id WHERE EXISTS (SELECT 1 FROM articles WHERE id = old.article_id);
END;
