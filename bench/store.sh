#!/usr/bin/env bash
# Benchmark the stores, peers in the same script:
#  1. the embedded store: `aseankg load` of 10^5 and 10^6 triples, then one query (the query reads the
#     graph files into librdf's balanced trees, so its time is the cost of opening the store);
#  2. the shipped queries on the statement, end to end (process start, store read, query, output);
#  3. Virtuoso 7: 10^6 triples over the Graph Store HTTP Protocol with `aseankg load --endpoint`
#     against Virtuoso's own bulk loader (ld_dir + rdf_loader_run) on the same file.
#   bash bench/store.sh [SIZES...]     default: 100000 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
aseankg=${ASEANKG:-build/aseankg}
work=$(mktemp -d)
source tests/store/virtuoso.sh
trap 'virtuoso_stop; rm -rf "$work"' EXIT

seconds() { # seconds COMMAND...: prints the wall time; `peak` then prints the peak RSS in MiB
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr"
  cut -d' ' -f1 "$work/time"
}
peak() { echo $(( $(cut -d' ' -f2 "$work/time") / 1024 )); }

echo "### Embedded store"
echo
echo "| triples | aseankg load (s) | load RSS (MiB) | first query after load (s) | query RSS (MiB) | store size (MiB) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  python3 bench/gen_diff_workload.py "$n" 0 0 "$work/data-$n.nt" "$work/unused.nt"
  rm -rf "$work/store-$n"
  load_t=$(seconds "$aseankg" load --store "$work/store-$n" --graph http://example.org/bench "$work/data-$n.nt")
  load_m=$(peak)
  query_t=$(seconds "$aseankg" query --store "$work/store-$n" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')
  query_m=$(peak)
  size=$(du -sm "$work/store-$n" | cut -f1)
  echo "| $n | $load_t | $load_m | $query_t | $query_m | $size |"
done

echo
echo "### Shipped queries on the statement (embedded store, end to end, best of 5)"
echo
echo "| query | time (ms) |"
echo "| --- | ---: |"
"$aseankg" export -o "$work/statement.ttl"
"$aseankg" load --store "$work/statement-store" --graph https://example.org/aseankg/id/graph/1 "$work/statement.ttl" 2> /dev/null
for q in queries/*.rq; do
  best=""
  for _ in 1 2 3 4 5; do
    t=$(seconds "$aseankg" query --store "$work/statement-store" -r csv "@$q")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "| $(basename "$q" .rq) | $(awk -v t="$best" 'BEGIN { printf "%d", t * 1000 }') |"
done

echo
echo "### Virtuoso 7: Graph Store HTTP Protocol against the native bulk loader"
echo
echo "| triples | aseankg load --endpoint (s) | aseankg RSS (MiB) | ld_dir + rdf_loader_run (s) | ratio |"
echo "| ---: | ---: | ---: | ---: | ---: |"
virtuoso_start "$work/virtuoso"
export ASEANKG_AUTH=dba:dba
for n in "${sizes[@]}"; do
  gsp_t=$(seconds "$aseankg" load --endpoint "$VIRTUOSO_HTTP/sparql-graph-crud-auth" --replace \
    --timeout 3600 --graph "http://example.org/gsp-$n" "$work/data-$n.nt")
  gsp_m=$(peak)
  cp "$work/data-$n.nt" "$work/virtuoso/load/data-$n.nt"
  start=$(date +%s.%N)
  isql-vt "$VIRTUOSO_ISQL" dba dba \
    "EXEC=ld_dir('$work/virtuoso/load', 'data-$n.nt', 'http://example.org/native-$n');" \
    "EXEC=rdf_loader_run();" "EXEC=checkpoint;" > /dev/null
  native_t=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  count=$("$aseankg" query --endpoint "$VIRTUOSO_HTTP/sparql" -r csv \
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/gsp-$n> { ?s ?p ?o } }" | tail -n 1 | tr -d '"\r')
  ratio=$(awk -v a="$gsp_t" -v b="$native_t" 'BEGIN { printf "%.2f", a / b }')
  echo "| $n (loaded: $count) | $gsp_t | $gsp_m | $native_t | $ratio× |"
done
