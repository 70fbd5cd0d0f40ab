#!/usr/bin/env bash
# Seeds the fuzz corpus from seeds/*.txt and the unseen test fixtures.
# Each file gets the fuzz target's two date-selector bytes in front: once
# "no publication date", once a date in 2023.
set -euo pipefail
cd "$(dirname "$0")"
dir=corpus/pipeline
mkdir -p "$dir"
for f in ../seeds/*.txt ../tests/fixtures/unseen/*.txt; do
    name=$(basename "$f" .txt)
    { printf '\x00\x00'; cat "$f"; } > "$dir/$name-undated"
    # 0x4E 0x2F is 12110 (little-endian): 12110 * 61 days after 0001-01-01
    # is 2023-07-10 (see published() in fuzz_targets/pipeline.rs).
    { printf '\x4e\x2f'; cat "$f"; } > "$dir/$name-dated"
done
echo "seeded $(ls "$dir" | wc -l) files into fuzz/$dir"
