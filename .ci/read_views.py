#!/usr/bin/env python3
"""Open a chronik archive with Python's own sqlite3 (not chronik's SQLite) and read
every view and both full-text indexes, as a user's script would.

Usage: read_views.py ARCHIVE
"""
import sqlite3
import sys

# Views that are empty for the seeds: every seed article has a date.
EMPTY_FOR_SEEDS = {"undated_articles"}

path = sys.argv[1]
con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
views = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")]
assert len(views) >= 12, f"expected the canned-query views, found {views}"
for view in views:
    cur = con.execute(f'SELECT * FROM "{view}" LIMIT 1')
    columns = [d[0] for d in cur.description]
    rows = cur.fetchall()
    assert rows or view in EMPTY_FOR_SEEDS, f"view {view} returned no row"
    print(f"{view}: {len(columns)} columns, {'a row' if rows else 'no rows'}")

# Both full-text tables use built-in tokenizers, so this SQLite can query them.
plain = con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Pjongjang'").fetchone()[0]
stemmed = con.execute(
    "SELECT count(*) FROM articles_stem_fts WHERE articles_stem_fts MATCH 'verteidigungsminist'"
).fetchone()[0]
assert (plain, stemmed) == (5, 3), (plain, stemmed)
print(f"read {len(views)} views with Python's sqlite3 {sqlite3.sqlite_version}; "
      f"articles_fts finds Pjongjang in {plain} articles, articles_stem_fts the stem verteidigungsminist in {stemmed}")
