-- Version 14: the full-text indexes merge their segments sixteen at a time.
--
-- FTS5 writes each transaction's new terms as a segment and, by default,
-- merges four segments of a level into one of the next: every byte of the
-- index is read and written again at each level it climbs. With sixteen (the
-- most FTS5 allows) it climbs half as many levels. At 100,000 synthetic
-- articles the import's writer took 61.5-64.5 s instead of 65.6-70.2 s, and
-- the import read 8.7-8.9 GB instead of 9.9-10.5 GB and wrote 6.7 GB instead
-- of 7.2-7.4 GB; searches took as long as before (11-26 ms). Its peak memory
-- rose by about 6 MiB (BENCHMARKS.md, fifteenth session). A query reads at most 15
-- segments a level instead of 3, which FTS5 keeps cheap with its own
-- structure record. The setting is the table's, kept in its _config table,
-- so any client writing to the archive merges the same way.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO articles_stem_fts (articles_stem_fts, rank) VALUES ('automerge', 16);
