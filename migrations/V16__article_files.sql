-- Version 16: what an import knows of each article's file besides its bytes.
--
-- A re-import skips a file whose size, modification time and manifest row
-- match what is stored, without reading it (as make, rsync and git do);
-- any other file is read and hashed. The size is `articles.byte_size`
-- (same bytes, same size). `file_mtime_ns` is nanoseconds since 1970-01-01
-- UTC, NULL when the time cannot be trusted: the file was modified within
-- seconds of being read (a later write in the same clock tick would leave
-- the time unchanged), or the file system gives none. `manifest_hash` is a
-- fingerprint (the first 8 bytes of a BLAKE3 hash, as a signed integer) of
-- the file's row in `manifest.csv`, or of no row: an edited row (a date or
-- URL put right) imports the file again although its bytes are the same.
-- An article without a row here (an archive older than this version) has
-- its file read and hashed at the next import, which records the row.
--
-- A table of its own, not columns of `articles`: a corpus copied or checked
-- out anew has every time changed, and recording 100,000 new times in
-- `articles` rewrote each article's page and its entry in the index by hash
-- (21 s, against 1.1 s to read and hash the files); here they are a few
-- hundred pages in import order.
CREATE TABLE article_files (
    article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    file_mtime_ns INTEGER,
    manifest_hash INTEGER NOT NULL
);

-- The index by hash carries the size too, so an import reads what it
-- compares from that index and this table (see V15).
DROP INDEX articles_hash;
CREATE INDEX articles_hash ON articles(content_hash, origin, byte_size);
