-- Canned queries. Each is a view (so every SQLite client has it) plus a row in
-- `canned_queries` naming it, with a title, a description, its parameters and
-- the SQL chronik runs. Parameters are written :name, as sqlite3, Python and
-- Datasette all bind them. Lists inside a cell are built from ordered
-- subqueries because SQLite 3.37 has no ORDER BY inside group_concat.

CREATE VIEW articles_by_date AS
SELECT a.id AS article_id, a.published_on, s.name AS outlet, a.title, a.url, a.origin
FROM articles a LEFT JOIN sources s ON s.id = a.source_id
ORDER BY a.published_on IS NULL, a.published_on, a.id;

CREATE VIEW articles_by_outlet AS
SELECT s.id AS source_id, s.name AS outlet, s.domain, count(a.id) AS articles,
       min(a.published_on) AS first_published, max(a.published_on) AS last_published
FROM sources s JOIN articles a ON a.source_id = s.id
GROUP BY s.id
ORDER BY articles DESC, s.name;

CREATE VIEW entity_overview AS
SELECT e.id AS entity_id, e.name, e.kind,
       (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
       (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id) AS articles,
       (SELECT group_concat(alias, '; ') FROM
           (SELECT ea.alias FROM entity_aliases ea WHERE ea.entity_id = e.id AND ea.alias <> e.name ORDER BY ea.alias)) AS aliases
FROM entities e;

CREATE VIEW top_people AS
SELECT entity_id, name, mentions, articles FROM entity_overview
WHERE kind = 'person'
ORDER BY mentions DESC, articles DESC, name;

CREATE VIEW mention_details AS
SELECT m.id AS mention_id, m.entity_id, e.name AS entity, e.kind, m.article_id,
       a.title AS article, a.published_on, m.surface, m.start, m."end",
       substr(a.body, max(m.start - 40, 0) + 1, min(m.start, 40) + (m."end" - m.start) + 40) AS context
FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id;

CREATE VIEW event_timeline AS
SELECT ev.id AS event_id, ev.occurred_on, ev.date_precision, ev.kind, ev.summary,
       loc.name AS location,
       (SELECT group_concat(name, '; ') FROM
           (SELECT DISTINCT e.name FROM event_participants p JOIN entities e ON e.id = p.entity_id
            WHERE p.event_id = ev.id ORDER BY e.name)) AS participants,
       (SELECT count(*) FROM event_articles ea WHERE ea.event_id = ev.id) AS articles,
       (SELECT count(DISTINCT a.source_id) FROM event_articles ea JOIN articles a ON a.id = ea.article_id
        WHERE ea.event_id = ev.id) AS outlets,
       ev.date_text
FROM events ev LEFT JOIN entities loc ON loc.id = ev.location_id
ORDER BY ev.occurred_on IS NULL, ev.occurred_on, ev.id;

CREATE VIEW entity_event_links AS
SELECT p.entity_id, e.name AS entity, p.role, t.*
FROM event_participants p JOIN entities e ON e.id = p.entity_id
JOIN event_timeline t ON t.event_id = p.event_id;

CREATE VIEW entity_pairs AS
SELECT a.entity_id AS entity_a, ea.name AS name_a, b.entity_id AS entity_b, eb.name AS name_b,
       count(DISTINCT a.article_id) AS shared_articles
FROM (SELECT DISTINCT article_id, entity_id FROM mentions) a
JOIN (SELECT DISTINCT article_id, entity_id FROM mentions) b
  ON a.article_id = b.article_id AND a.entity_id < b.entity_id
JOIN entities ea ON ea.id = a.entity_id JOIN entities eb ON eb.id = b.entity_id
GROUP BY a.entity_id, b.entity_id
ORDER BY shared_articles DESC, name_a, name_b;

CREATE VIEW sources_cited AS
SELECT s.id AS source_id, s.name AS source, s.kind, s.domain, count(*) AS citing_articles
FROM citations c JOIN sources s ON s.id = c.source_id
GROUP BY s.id
ORDER BY citing_articles DESC, s.name;

CREATE VIEW undated_articles AS
SELECT a.id AS article_id, a.origin, s.name AS outlet, a.title, a.url
FROM articles a LEFT JOIN sources s ON s.id = a.source_id
WHERE a.published_on IS NULL
ORDER BY a.id;

CREATE VIEW events_per_month AS
SELECT substr(occurred_on, 1, 7) AS month, count(*) AS events,
       sum(kind = 'meeting') AS meetings, sum(kind = 'visit') AS visits
FROM events WHERE date_precision IN ('day', 'month')
GROUP BY month ORDER BY month;

CREATE VIEW multi_outlet_events AS
SELECT * FROM event_timeline WHERE outlets >= 2
ORDER BY outlets DESC, occurred_on, event_id;

CREATE TABLE canned_queries (
    name        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    params      TEXT NOT NULL DEFAULT '',   -- comma-separated parameter names
    sql         TEXT NOT NULL
);

INSERT INTO canned_queries (name, title, description, params, sql) VALUES
('articles_by_date', 'Articles by date',
 'Every article, oldest first; undated ones last.', '',
 'SELECT * FROM articles_by_date'),
('articles_by_outlet', 'Articles per outlet',
 'How many articles each outlet contributed, with its first and last publication date.', '',
 'SELECT * FROM articles_by_outlet'),
('top_people', 'Most-mentioned people',
 'People ranked by mentions across the archive.', '',
 'SELECT * FROM top_people'),
('entity', 'Look up an entity by any spelling',
 'The entity behind a name or any of its spellings, with all its aliases and counts.', 'name',
 'SELECT o.* FROM entity_overview o WHERE o.entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias = :name UNION SELECT id FROM entities WHERE name = :name COLLATE NOCASE) ORDER BY o.entity_id'),
('entity_mentions', 'Every mention of an entity',
 'All mentions of the entity behind any of its spellings, with article, offsets and context.', 'name',
 'SELECT * FROM mention_details WHERE entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias = :name UNION SELECT id FROM entities WHERE name = :name COLLATE NOCASE) ORDER BY article_id, start'),
('timeline', 'Events timeline',
 'Every event in date order with its participants and how many articles and outlets report it.', '',
 'SELECT * FROM event_timeline'),
('entity_events', 'Events of an entity',
 'The events an entity (any spelling) takes part in, in date order.', 'name',
 'SELECT * FROM entity_event_links WHERE entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias = :name UNION SELECT id FROM entities WHERE name = :name COLLATE NOCASE) ORDER BY occurred_on IS NULL, occurred_on, event_id'),
('together', 'Entities that appear together',
 'Entities mentioned in the same articles as the given one, most shared articles first.', 'name',
 'SELECT CASE WHEN p.entity_a = x.id THEN p.entity_b ELSE p.entity_a END AS entity_id, CASE WHEN p.entity_a = x.id THEN p.name_b ELSE p.name_a END AS name, p.shared_articles FROM entity_pairs p JOIN (SELECT entity_id AS id FROM entity_aliases WHERE alias = :name UNION SELECT id FROM entities WHERE name = :name COLLATE NOCASE) x ON x.id IN (p.entity_a, p.entity_b) ORDER BY p.shared_articles DESC, name'),
('entity_pairs', 'Pairs of entities mentioned together',
 'Every pair of entities that share an article, most shared articles first.', '',
 'SELECT * FROM entity_pairs'),
('sources_cited', 'Sources cited',
 'Agencies and institutions that articles credit or quote, by number of citing articles.', '',
 'SELECT * FROM sources_cited'),
('undated_articles', 'Articles without a date',
 'Articles whose publication date could not be found in the manifest, URL or text.', '',
 'SELECT * FROM undated_articles'),
('events_per_month', 'Events per month',
 'How many dated events fall into each month.', '',
 'SELECT * FROM events_per_month'),
('multi_outlet_events', 'Events reported by several outlets',
 'Events that two or more independent outlets report, with that count.', '',
 'SELECT * FROM multi_outlet_events'),
('import_runs', 'Import runs',
 'Every import with its counts, newest first.', '',
 'SELECT * FROM import_runs ORDER BY id DESC');
