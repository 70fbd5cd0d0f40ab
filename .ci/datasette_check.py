#!/usr/bin/env python3
"""Ask a running Datasette, serving the seeds archive with chronik's metadata, for a
canned query and a full-text search as JSON, and check the rows.

Usage: datasette_check.py BASE_URL   (e.g. http://127.0.0.1:8001/seeds)
"""
import json
import sys
import time
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
root = base.rsplit("/", 1)[0]


def get(path, **params):
    url = f"{base}/{path}?" + urllib.parse.urlencode({**params, "_shape": "array"})
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


deadline = time.monotonic() + 30
while True:
    try:
        with urllib.request.urlopen(f"{root}/-/versions.json", timeout=2) as r:
            version = json.load(r)["datasette"]["version"]
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit(f"Datasette did not answer at {root} within 30 seconds")
        time.sleep(0.3)

# A canned query from chronik's metadata, with a :name parameter.
rows = get("entity.json", name="Kim Jong-un")
assert [(r["name"], r["kind"], r["mentions"]) for r in rows] == [("Kim Jong Un", "person", 26)], rows

# Search through the FTS configuration chronik's metadata gives the articles table.
rows = get("articles.json", _search="Pjöngjang", _col="title")
assert sorted(r["id"] for r in rows) == [1, 2, 3, 4, 5], rows

# The plain full-text canned query, with the match marked.
rows = get("search_articles.json", q="Verteidigungsministers")
assert [r["article_id"] for r in rows] == [1, 5], rows
assert "[Verteidigungsministers]" in rows[0]["snippet"], rows[0]

print(f"Datasette {version}: canned query entity and full-text search on articles answer as expected")
