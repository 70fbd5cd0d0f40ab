-- Version 13: the indexes a large first import builds at its end.
--
-- An import into an empty archive drops the indexes its writer never reads
-- (by entity, by date: see src/store/bulk.rs) and builds them once all its
-- files are stored: at 100,000 synthetic articles their inserts went all
-- over about 120 MB of b-trees, and sorting once is cheaper than that. Each
-- dropped index waits here with the statement that makes it again; the
-- import builds them and empties the table in one transaction, and an
-- import that was killed first leaves them to the next opening of the
-- archive. Between the two, queries give the same answers, only slower.
CREATE TABLE import_dropped_indexes (
    name TEXT PRIMARY KEY,
    sql  TEXT NOT NULL
);
