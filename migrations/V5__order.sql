-- Version 5: indexes in the order the timeline and the article list are
-- read ("undated last, then by date, then by id"), so that their first rows
-- (`chronik query timeline --limit 50`, a Datasette page) come without
-- sorting every event or article first.
CREATE INDEX events_timeline ON events(occurred_on IS NULL, occurred_on, id);
CREATE INDEX articles_timeline ON articles(published_on IS NULL, published_on, id);

-- Replacing an article checks whether the places its events named are still
-- used elsewhere; this keeps that a lookup.
CREATE INDEX events_location ON events(location_id) WHERE location_id IS NOT NULL;
