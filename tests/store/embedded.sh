#!/usr/bin/env bash
# The embedded LMDB store through the real CLI: named graphs, SPARQL Update moving a graph from one
# version to the next (blank nodes included), concurrent writers and readers, SIGKILL during a load,
# a full disk, damaged and truncated store files, and a query on a store that does not exist.
#   embedded.sh ASEANKG SOURCE_DIR
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
aseankg=$1
source_dir=$2

work=$(mktemp -d)
mounted=""
cleanup() {
  [ -n "$mounted" ] && umount "$mounted" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$source_dir" || exit 1

# csv_value FILE: the single value of a one-row CSV answer.
csv_value() { tail -n 1 "$1" | tr -d '\r'; }

"$aseankg" export -f ntriples -o "$work/v1.nt" || setup_failed "setup: export"
triples=$(wc -l < "$work/v1.nt")
# A second version: every English label changed, as a new release of the data would.
sed 's/"@en \.$/ (v2)"@en ./' "$work/v1.nt" > "$work/v2.nt"
changed=$(grep -c '(v2)"@en \.$' "$work/v2.nt")
[ "$changed" -gt 0 ] || setup_failed "setup: the second version changes no label"

# --- named graphs: two versions side by side ---------------------------------------------------------
st=$work/two
"$aseankg" load --store "$st" --graph http://ex.org/v1 "$work/v1.nt" 2> "$work/load1.err"
check "load reports the store's size, singular for one graph" \
  test "$(cat "$work/load1.err")" = "aseankg: the store holds 1 graph, $triples triples"
"$aseankg" load --store "$st" --graph http://ex.org/v2 "$work/v2.nt" 2> /dev/null
"$aseankg" query --store "$st" -r csv \
  'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g' > "$work/groups.csv"
printf 'g,n\r\nhttp://ex.org/v1,%s\r\nhttp://ex.org/v2,%s\r\n' "$triples" "$triples" > "$work/groups.expected"
check "named graphs: GRAPH ?g counts each version's $triples triples" cmp -s "$work/groups.csv" "$work/groups.expected"
"$aseankg" query --store "$st" -r csv \
  'SELECT ?o FROM <http://ex.org/v2> WHERE { ?s ?p ?o FILTER(langMatches(lang(?o), "en") && !CONTAINS(STR(?o), "(v2)")) }' \
  > "$work/from.csv"
check "named graphs: FROM <v2> sees only v2's labels" test "$(cat "$work/from.csv")" = $'o\r'
"$aseankg" query --store "$st" -r csv \
  'SELECT (COUNT(*) AS ?n) FROM <http://ex.org/v2> WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), "(v2)")) }' \
  > "$work/from-v2.csv"
check "named graphs: FROM <v2> sees its $changed changed labels" test "$(csv_value "$work/from-v2.csv")" = "$changed"
"$aseankg" query --store "$st" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' > "$work/union.csv"
check "named graphs: the default graph is the merge of both ($((triples + changed)) distinct triples)" \
  test "$(csv_value "$work/union.csv")" = $((triples + changed))
"$aseankg" query --store "$st" -r csv \
  'SELECT (COUNT(*) AS ?n) FROM NAMED <http://ex.org/v1> WHERE { GRAPH ?g { ?s ?p ?o } }' > "$work/named.csv"
check "named graphs: FROM NAMED <v1> limits GRAPH ?g to v1" test "$(csv_value "$work/named.csv")" = "$triples"
"$aseankg" graphs --store "$st" > "$work/graphs.txt"
printf '%s\t<http://ex.org/v1>\n%s\t<http://ex.org/v2>\n' "$triples" "$triples" > "$work/graphs.expected"
check "graphs lists both graphs with their triple counts" cmp -s "$work/graphs.txt" "$work/graphs.expected"
"$aseankg" dump --store "$st" --graph http://ex.org/v1 -o "$work/dump-v1.nt"
check "dump --graph writes the graph as the export's canonical N-Triples, byte for byte" \
  cmp -s "$work/dump-v1.nt" "$work/v1.nt"
"$aseankg" dump --store "$st" > "$work/dump.nq"
check "dump without --graph writes every graph as N-Quads" \
  test "$(wc -l < "$work/dump.nq")" = $((2 * triples))
"$aseankg" dump --store "$st" --graph http://ex.org/none -o "$work/none.nt" 2> "$work/none.err"
check "dump of a graph the store lacks: exit 1, a message naming it, no file" \
  bash -c "[ $? -eq 1 ] && grep -q 'no graph <http://ex.org/none>' '$work/none.err' && [ ! -e '$work/none.nt' ]"
"$aseankg" dump --store "$st" > /dev/full 2> "$work/full.err"
check "dump to a full disk: exit 1, the error names the output (<stdout>), not the command" \
  bash -c "[ $? -eq 1 ] && grep -q '^aseankg: <stdout>: write error' '$work/full.err'"
"$aseankg" dump --store "$st" --graph default -o "$work/lower.nt" 2> "$work/lower.err"
check "dump --graph default: one spelling, DEFAULT (as graphs lists it and diff --only-graph takes it): exit 2, no file" \
  bash -c "[ $? -eq 2 ] && grep -q 'default graph DEFAULT, in capitals; not default' '$work/lower.err' && [ ! -e '$work/lower.nt' ]"

# Every shipped query answers as expected with the statement in a named graph.
"$aseankg" load --store "$work/one" --graph http://ex.org/v1 "$work/v1.nt" 2> /dev/null
for q in queries/*.rq; do
  name=$(basename "$q" .rq)
  [ -f "tests/store/expected/$name.csv" ] || continue
  "$aseankg" query --store "$work/one" -r csv "@$q" > "$work/q-$name.csv" 2> "$work/q.err"
  python3 - "$work/q-$name.csv" "tests/store/expected/$name.csv" << 'PY'
import csv, sys
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        table = [tuple(r) for r in csv.reader(f)]
    return (table[0], sorted(table[1:])) if table else ((), [])
sys.exit(0 if rows(sys.argv[1]) == rows(sys.argv[2]) else 1)
PY
  check "shipped query $name: the expected rows" test $? -eq 0
done

# --- SPARQL Update: diff OLD NEW | update moves the stored graph to NEW ---------------------------------
python3 bench/gen_diff_workload.py 3000 120 5 "$work/old.nt" "$work/new.nt" 7
check "update: the workload has blank nodes on both sides" \
  bash -c "grep -q '^_:' '$work/old.nt' && grep -q '^_:' '$work/new.nt'"
g=http://ex.org/workload
"$aseankg" load --store "$work/up" --graph "$g" "$work/old.nt" 2> /dev/null
"$aseankg" diff -f sparql-update --graph "$g" "$work/old.nt" "$work/new.nt" > "$work/change.ru"
"$aseankg" update --store "$work/up" - < "$work/change.ru" 2> "$work/update.err"
check "update --store applies diff -f sparql-update (exit 0)" test $? -eq 0
"$aseankg" dump --store "$work/up" --graph "$g" -o "$work/after.nt"
"$aseankg" diff -i ntriples "$work/after.nt" "$work/new.nt" > "$work/after.diff"
check "update: the stored graph is isomorphic to NEW (blank nodes matched)" test $? -eq 0
"$aseankg" diff -i ntriples "$work/after.nt" "$work/old.nt" > /dev/null
check "update: ... and no longer to OLD" test $? -eq 1
# A large request: 6,000 triples in each DATA block, more than rasqal's parser takes in one block.
python3 bench/gen_diff_workload.py 20000 0 30 "$work/old-big.nt" "$work/new-big.nt" 3
"$aseankg" load --store "$work/up-big" --graph "$g" "$work/old-big.nt" 2> /dev/null
"$aseankg" diff -f sparql-update --graph "$g" "$work/old-big.nt" "$work/new-big.nt" 2> /dev/null |
  "$aseankg" update --store "$work/up-big" - 2> "$work/update-big.err"
check "update: a diff of 6,000 removals and 6,000 additions applies (exit 0)" test $? -eq 0
"$aseankg" dump --store "$work/up-big" --graph "$g" | "$aseankg" diff -i ntriples - "$work/new-big.nt" > /dev/null 2>&1
check "update: ... and the stored graph is isomorphic to NEW" test $? -eq 0
# One request is one transaction: a failing operation after a good one leaves the store unchanged.
cp "$work/after.nt" "$work/before-bad.nt"
printf 'INSERT DATA { GRAPH <%s> { <http://ex.org/a> <http://ex.org/b> "c" } } ;\nCREATE GRAPH <%s>\n' "$g" "$g" |
  "$aseankg" update --store "$work/up" - 2> "$work/bad.err"
rc=$?
"$aseankg" dump --store "$work/up" --graph "$g" -o "$work/after-bad.nt"
check "update: a request whose second operation fails is exit 1 and changes nothing" \
  bash -c "[ $rc -eq 1 ] && cmp -s '$work/after-bad.nt' '$work/before-bad.nt'"

# --- load: several files are one transaction -----------------------------------------------------------
printf '<http://ex.org/s> <http://ex.org/p> "ok" .\n' > "$work/good.nt"
printf '<http://ex.org/s> <http://ex.org/p> "broken .\n' > "$work/bad.nt"
"$aseankg" load --store "$work/tx" "$work/good.nt" "$work/bad.nt" 2> "$work/tx.err"
rc=$?
"$aseankg" graphs --store "$work/tx" > "$work/tx.graphs" 2>&1
check "load good.nt bad.nt: exit 1 and neither file is loaded" \
  bash -c "[ $rc -eq 1 ] && ! grep -q 'good' '$work/tx.graphs'"

# --- concurrency: 20 loaders of distinct graphs and 4 readers at once ------------------------------------
st=$work/conc
"$aseankg" load --store "$st" --graph http://ex.org/seed "$work/v1.nt" 2> /dev/null
pids=()
for i in $(seq 1 20); do
  "$aseankg" load --store "$st" --graph "http://ex.org/c$i" "$work/v1.nt" 2> "$work/load-$i.err" &
  pids+=($!)
done
readers=()
for r in 1 2 3 4; do
  (
    for k in 1 2 3 4 5; do
      "$aseankg" query --store "$st" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' \
        > "$work/read-$r-$k.csv" 2> "$work/read-$r-$k.err" || exit 1
      n=$(csv_value "$work/read-$r-$k.csv")
      [ $((n % triples)) -eq 0 ] || exit 2 # every graph whole, never half of one
    done
  ) &
  readers+=($!)
done
load_failures=0
for p in "${pids[@]}"; do wait "$p" || load_failures=$((load_failures + 1)); done
reader_failures=0
for p in "${readers[@]}"; do wait "$p" || reader_failures=$((reader_failures + 1)); done
check "concurrency: 20 concurrent loads exit 0" test "$load_failures" -eq 0
check "concurrency: 4 concurrent readers, no error, only whole graphs seen" test "$reader_failures" -eq 0
"$aseankg" graphs --store "$st" > "$work/conc.graphs"
check "concurrency: all 21 graphs are present with $triples triples each" \
  test "$(grep -c "^$triples	<http://ex.org/" "$work/conc.graphs")" -eq 21

# --- SIGKILL at random points of a large load, repeated ----------------------------------------------------
python3 bench/gen_diff_workload.py 150000 0 0 "$work/big-a.nt" "$work/unused.nt" 1
python3 bench/gen_diff_workload.py 250000 0 0 "$work/big-b.nt" "$work/unused.nt" 2
st=$work/kill
"$aseankg" load --store "$st" --graph http://ex.org/big "$work/big-a.nt" 2> /dev/null
cp -r "$st" "$work/kill-timing"
started=$(date +%s%N)
"$aseankg" load --store "$work/kill-timing" --graph http://ex.org/big "$work/big-b.nt" 2> /dev/null
load_ms=$((($(date +%s%N) - started) / 1000000))
rm -rf "$work/kill-timing"
echo "# replacing the graph takes ${load_ms} ms here; kills fall anywhere in 0..$((load_ms * 2)) ms"
state=150000
kill_ok=1
seen_new=0
seen_old=0
for round in $(seq 1 10); do
  if [ "$state" = 150000 ]; then file=$work/big-b.nt target=250000; else file=$work/big-a.nt target=150000; fi
  "$aseankg" load --store "$st" --graph http://ex.org/big "$file" 2> /dev/null &
  pid=$!
  delay=$(((RANDOM * 32768 + RANDOM) % (load_ms * 2 + 1)))
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  if ! "$aseankg" graphs --store "$st" > "$work/kill.graphs" 2> "$work/kill.err"; then
    echo "# round $round: the store does not open: $(cat "$work/kill.err")"
    kill_ok=0
    break
  fi
  now=$(cut -f1 "$work/kill.graphs")
  n=$("$aseankg" query --store "$st" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -n 1 | tr -d '\r')
  echo "# round $round: killed after ${delay} ms: $now triples"
  if [ "$now" = "$target" ] && [ "$n" = "$target" ]; then
    state=$target seen_new=$((seen_new + 1))
  elif [ "$now" = "$state" ] && [ "$n" = "$state" ]; then
    seen_old=$((seen_old + 1))
  else
    echo "# round $round: the store holds $now (counted $n), neither $state nor $target"
    kill_ok=0
    break
  fi
done
echo "# SIGKILL rounds: $seen_old left the old graph, $seen_new the new one"
check "SIGKILL during load, 10 rounds: the old or the new graph, never between; the store opens" test $kill_ok -eq 1

# --- full disk ------------------------------------------------------------------------------------------
mkdir -p "$work/small"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=6m tmpfs "$work/small" 2> /dev/null; then
  mounted=$work/small
  "$aseankg" load --store "$work/small/st" --graph http://ex.org/v1 "$work/v1.nt" 2> /dev/null
  "$aseankg" load --store "$work/small/st" --graph http://ex.org/big "$work/big-b.nt" 2> "$work/full.err"
  rc=$?
  check "full disk: the load is exit 1 saying the disk is full" \
    bash -c "[ $rc -eq 1 ] && grep -q 'the disk is full' '$work/full.err'"
  sed 's/^/# /' "$work/full.err"
  "$aseankg" graphs --store "$work/small/st" > "$work/full.graphs" 2>&1
  printf '%s\t<http://ex.org/v1>\n' "$triples" > "$work/full.expected"
  check "full disk: the store opens and holds exactly what it held before" \
    cmp -s "$work/full.graphs" "$work/full.expected"
  umount "$work/small" && mounted=""
else
  echo "# SKIP full disk: cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)"
fi

# --- damaged and truncated store files ------------------------------------------------------------------
st=$work/garbled
"$aseankg" load --store "$st" --graph http://ex.org/v1 "$work/v1.nt" 2> /dev/null
cp -r "$st" "$work/truncated"
size=$(stat -c %s "$work/truncated/data.mdb")
truncate -s $((size / 2)) "$work/truncated/data.mdb"
"$aseankg" query --store "$work/truncated" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' \
  > "$work/trunc.out" 2> "$work/trunc.err"
rc=$?
check "a truncated store file: exit 1, 'truncated' in the message, no answer" \
  bash -c "[ $rc -eq 1 ] && grep -q 'truncated' '$work/trunc.err' && [ ! -s '$work/trunc.out' ]"
sed 's/^/# /' "$work/trunc.err"
# Overwrite the pages after the two meta pages with garbage: the B-trees are damaged.
page=$(getconf PAGESIZE)
python3 - "$st/data.mdb" "$page" << 'PY'
import sys
path, page = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as f:
    f.seek(2 * page)
    size = f.seek(0, 2) - 2 * page
    f.seek(2 * page)
    f.write(bytes((i * 7919 + 13) % 251 for i in range(size)))
PY
"$aseankg" query --store "$st" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' \
  > "$work/damaged.out" 2> "$work/damaged.err"
rc=$?
check "a damaged store file: exit 1 with a message naming the damage, no answer" \
  bash -c "[ $rc -eq 1 ] && grep -Eq 'damaged|corrupted' '$work/damaged.err' && [ ! -s '$work/damaged.out' ]"
sed 's/^/# /' "$work/damaged.err"
mkdir -p "$work/notastore"
head -c 65536 /dev/urandom > "$work/notastore/data.mdb"
"$aseankg" graphs --store "$work/notastore" > /dev/null 2> "$work/notastore.err"
check "a store file that is not LMDB: exit 1 with a message" \
  bash -c "[ $? -eq 1 ] && [ -s '$work/notastore.err' ]"

# --- a store of format 0 (issue 4's layout: graphs.tsv and one sorted N-Triples file per graph) ----------
# Built as that code wrote it (git show 8984d78:src/store.c): "IRI <TAB> graphs/HEX.nt <TAB> TRIPLES" per
# graph, HEX the first 16 bytes of the SHA-256 of the IRI.
f0=$work/format0
mkdir -p "$f0/graphs"
for v in v1 v2; do
  hex=$(printf '%s' "http://ex.org/$v" | sha256sum | cut -c1-32)
  LC_ALL=C sort -u "$work/$v.nt" > "$f0/graphs/$hex.nt"
  printf 'http://ex.org/%s\tgraphs/%s.nt\t%s\n' "$v" "$hex" "$(wc -l < "$f0/graphs/$hex.nt")" >> "$f0/graphs.tsv"
done
"$aseankg" query --store "$f0" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' > /dev/null 2> "$work/f0.err"
rc=$?
check "format 0, read: exit 1, the message names the format and the one command that migrates it, nothing written" \
  bash -c "[ $rc -eq 1 ] && grep -q 'format 0' '$work/f0.err' && grep -q \"run: aseankg update --store '$f0' - < /dev/null\" '$work/f0.err' && [ ! -e '$f0/data.mdb' ]"
"$aseankg" update --store "$f0" - < /dev/null
check "format 0: the empty update that the message gives migrates it (exit 0), the old files gone" \
  bash -c "[ $? -eq 0 ] && [ -e '$f0/data.mdb' ] && [ ! -e '$f0/graphs.tsv' ] && [ ! -e '$f0/graphs' ]"
"$aseankg" graphs --store "$f0" > "$work/f0.graphs"
check "format 0: both graphs migrated with their triple counts" \
  bash -c "grep -q \"^$triples	<http://ex.org/v1>\$\" '$work/f0.graphs' && grep -q \"^$triples	<http://ex.org/v2>\$\" '$work/f0.graphs'"
"$aseankg" dump --store "$f0" --graph http://ex.org/v2 | "$aseankg" diff -i ntriples - "$work/v2.nt" > /dev/null 2>&1
check "format 0: a migrated graph is isomorphic to the file it was loaded from" test $? -eq 0

# --- limits: a WHERE clause of thousands of triple patterns ---------------------------------------------
python3 -c 'print("SELECT * WHERE {" + " ".join("?s%d <http://ex.org/p> ?o%d ." % (i, i) for i in range(6000)) + "}")' \
  > "$work/big.rq"
"$aseankg" query --store "$work/one" -r csv "@$work/big.rq" > "$work/big.out" 2> "$work/big.err"
rc=$?
check "a query of 6,000 triple patterns: exit 1 (no crash), 'aseankg: FILE:1:1:' naming rasqal's parser limit" \
  bash -c "[ $rc -eq 1 ] && grep -q \"^aseankg: $work/big.rq:1:1: too large for rasqal's parser\" '$work/big.err' && [ ! -s '$work/big.out' ]"
"$aseankg" dump --store "$work/one" --graph http://ex.org/v1 -o "$work/before-big.nt"
python3 -c 'print("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o . " + " ".join("?s <http://ex.org/p%d> ?o%d ." % (i, i) for i in range(6000)) + "}")' |
  "$aseankg" update --store "$work/one" - 2> "$work/big-update.err"
rc=$?
"$aseankg" dump --store "$work/one" --graph http://ex.org/v1 -o "$work/after-big.nt"
check "an update whose WHERE has 6,000 triple patterns: exit 1 with the parser's limit, the store unchanged" \
  bash -c "[ $rc -eq 1 ] && grep -q \"too large for rasqal's parser\" '$work/big-update.err' && cmp -s '$work/before-big.nt' '$work/after-big.nt'"

# --- a store that does not exist ---------------------------------------------------------------------------
"$aseankg" query --store "$work/missing/store" 'SELECT * WHERE { ?s ?p ?o }' > /dev/null 2> "$work/missing.err"
rc=$?
check "query on a missing store: exit 1, a message, nothing created" \
  bash -c "[ $rc -eq 1 ] && [ -s '$work/missing.err' ] && [ ! -e '$work/missing' ]"
"$aseankg" graphs --store "$work/missing/store" > /dev/null 2>&1
check "graphs on a missing store: exit 1, nothing created" bash -c "[ $? -eq 1 ] && [ ! -e '$work/missing' ]"

finish
