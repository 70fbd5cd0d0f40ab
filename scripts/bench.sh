#!/usr/bin/env bash
# Import benchmark against the two reference loaders, on one machine in one run.
#
#   scripts/bench.sh N [WORKDIR]
#
# Generates N synthetic articles with ../shared/eval/gen_corpus.py (and the same
# texts as JSON lines), times a full chronik import, a re-import of the unchanged
# corpus, every canned query and a search (each as a whole process), and runs
# ../shared/eval/peers.py (sqlite-utils and the bare storage floor) on the same
# texts. Prints one table. Needs python3; peers.py installs sqlite-utils if missing.
set -euo pipefail
n=${1:?usage: scripts/bench.sh N [WORKDIR]}
here=$(cd "$(dirname "$0")/.." && pwd)
eval_dir="$here/../shared/eval"
work=${2:-$(mktemp -d)}
mkdir -p "$work"
corpus="$work/corpus-$n"
jsonl="$work/corpus-$n.jsonl"
db="$work/bench-$n.db"

# The installed build (Cargo.toml's release-lto); PROFILE=release for the quick one.
profile=${PROFILE:-release-lto}
cargo build --profile "$profile" --quiet --manifest-path "$here/Cargo.toml"
chronik="$here/target/$profile/chronik"

if [ ! -f "$jsonl" ]; then
    python3 "$eval_dir/gen_corpus.py" "$corpus" "$n" --jsonl "$jsonl" >/dev/null
fi
rm -f "$db" "$db-wal" "$db-shm"

# /usr/bin/time -f gives wall seconds and peak RSS in KiB.
timed() { /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }; cat "$work/time.txt"; }

read -r import_s import_kb < <(timed "$chronik" --db "$db" import "$corpus")
read -r reimport_s _ < <(timed "$chronik" --db "$db" import "$corpus")
db_bytes=$(stat -c %s "$db")

# Every canned query twice: all rows, and a first page (--limit 50, what a
# terminal or a Datasette page shows). The slowest of each is reported.
slowest_q=0; slowest_name=""; slowest_page=0; slowest_page_name=""
later() { python3 -c "import sys; sys.exit(0 if float('$1') > float('$2') else 1)"; }
while IFS=$'\t' read -r name _rest; do
    args=(query "$name" --format csv)
    case "$_rest" in *"--param name="*) args+=(--param "name=Kim Jong Un") ;; esac
    case "$_rest" in *"--param q="*) args+=(--param "q=Pjöngjang") ;; esac
    read -r s _ < <(timed "$chronik" --db "$db" "${args[@]}")
    if later "$s" "$slowest_q"; then slowest_q=$s; slowest_name=$name; fi
    read -r s _ < <(timed "$chronik" --db "$db" "${args[@]}" --limit 50)
    if later "$s" "$slowest_page"; then slowest_page=$s; slowest_page_name=$name; fi
done < <("$chronik" --db "$db" query --list)
read -r search_s _ < <(timed "$chronik" --db "$db" search "Verteidigungsminister" --limit 20)

peers=$(python3 "$eval_dir/peers.py" "$jsonl" "$work/peers" --runs 3)
su=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['sqlite_utils_s'])" "$peers")
floor=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['floor_s'])" "$peers")
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

echo "| articles | chronik import | sqlite-utils | floor | chronik / sqlite-utils | chronik / floor | re-import (share) | peak RSS | archive | slowest canned query, all rows | slowest first page (50 rows) | search |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf "| %s | %.2f s | %.2f s | %.2f s | %s | %s | %.2f s (%s%%) | %d MB | %d MB | %.3f s (%s) | %.3f s (%s) | %.3f s |\n" \
    "$n" "$import_s" "$su" "$floor" "$(ratio "$import_s" "$su")" "$(ratio "$import_s" "$floor")" \
    "$reimport_s" "$(python3 -c "print(f'{100*$reimport_s/$import_s:.1f}')")" "$((import_kb / 1024))" "$((db_bytes / 1048576))" \
    "$slowest_q" "$slowest_name" "$slowest_page" "$slowest_page_name" "$search_s"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load before run: $(cut -d' ' -f1-3 /proc/loadavg); peers: $peers"
