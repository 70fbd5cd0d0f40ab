-- Version 16: each article records when its file was last modified, and
-- which manifest row it was imported with.
--
-- A re-import skips a file whose size and modification time match what is
-- stored, without reading it (as make, rsync and git do); only files whose
-- size or time differ are read and hashed. `file_mtime_ns` is nanoseconds
-- since 1970-01-01 UTC. It stays NULL when the time cannot be trusted: the
-- file was modified within seconds of being read (a later write in the same
-- clock tick would leave the time unchanged), the file system gives no time,
-- or the archive is older than this version. A NULL file is read and hashed
-- on the next import, which records its time if the content is unchanged.
--
-- `manifest_hash` is a fingerprint (the first 8 bytes of a BLAKE3 hash, as
-- a signed integer) of the file's row in `manifest.csv`, or of no row: an
-- edited row (a date or URL put right) makes the file import again although
-- its bytes are the same. NULL in an archive older than this version; the
-- next import records it without importing the file again.
--
-- The index by hash carries all three, so an import still reads everything
-- it compares from that index alone (see V15).
ALTER TABLE articles ADD COLUMN file_mtime_ns INTEGER;
ALTER TABLE articles ADD COLUMN manifest_hash INTEGER;
DROP INDEX articles_hash;
CREATE INDEX articles_hash
    ON articles(content_hash, origin, byte_size, file_mtime_ns, manifest_hash);
