#!/usr/bin/env bash
# The shipped queries against both stores: the embedded store and a real Virtuoso 7 started here on
# 127.0.0.1. Loading, expected answers, Chinese literals, diff applied as SPARQL Update, and faults.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
aseankg=$1
source_dir=$2

work=$(mktemp -d)
source "$source_dir/tests/store/virtuoso.sh"
trap 'virtuoso_stop; rm -rf "$work"' EXIT
cd "$source_dir" || exit 1

# Compare CSV results with the expected answer: values only, rows in any order, quoting normalised.
# An ASK answer is compared as a boolean: stores spell it differently in CSV.
same_rows() {
  if grep -qx 'true\|false' "$2"; then
    grep -qix "\"\?$(cat "$2")\"\?\|\"\?bool\"\?\|$( [ "$(cat "$2")" = true ] && echo 1 || echo 0)" "$1" || return 1
    ! grep -qix "$( [ "$(cat "$2")" = true ] && echo 'false\|0' || echo 'true\|1')" "$1"
    return
  fi
  python3 - "$1" "$2" <<'PY'
import csv, sys
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        table = [tuple(r) for r in csv.reader(f)]
    return (table[0], sorted(table[1:])) if table else ((), [])
sys.exit(0 if rows(sys.argv[1]) == rows(sys.argv[2]) else 1)
PY
}

graph=https://example.org/aseankg/id/graph/1
"$aseankg" export -f ntriples -o "$work/statement.nt"
"$aseankg" export -o "$work/statement.ttl"
triples=$(wc -l < "$work/statement.nt")

# --- the embedded store -------------------------------------------------------------------------
store=$work/store
"$aseankg" load --store "$store" --graph "$graph" "$work/statement.ttl" 2> "$work/load.err"
check "embedded: load reports the export's triple count" grep -q "holds 1 graph, $triples triples" "$work/load.err"
n=$("$aseankg" query --store "$store" -r csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tail -n 1 | tr -d '\r')
check "embedded: a later process counts the $triples triples loaded" test "$n" = "$triples"
"$aseankg" load --store "$store" --graph "$graph" "$work/statement.nt" 2> "$work/load.err"
check "embedded: loading the same graph again replaces it" grep -q "holds 1 graph, $triples triples" "$work/load.err"
# run_shipped_queries WHERE OPTION VALUE: every query in queries/ against its expected answer
# (CSV rows, an ASK boolean, or for CONSTRUCT a graph compared with aseankg diff).
run_shipped_queries() {
  local where=$1 option=$2 value=$3
  for q in queries/*.rq; do
    local name
    name=$(basename "$q" .rq)
    if [ -f "tests/store/expected/$name.nt" ]; then
      "$aseankg" query "$option" "$value" -r ntriples "@$q" > "$work/$where-$name.nt" 2> "$work/query.err"
      "$aseankg" diff -i ntriples "$work/$where-$name.nt" "tests/store/expected/$name.nt" > /dev/null 2>&1
      check "$where: $name (CONSTRUCT, isomorphic)" test $? -eq 0
    else
      "$aseankg" query "$option" "$value" -r csv "@$q" > "$work/$where-$name.csv" 2> "$work/query.err"
      check "$where: $name" same_rows "$work/$where-$name.csv" "tests/store/expected/$name.csv"
    fi
  done
}
run_shipped_queries embedded --store "$store"
"$aseankg" query --store "$store" -r json @queries/clauses-mentioning-2030-agenda.rq > "$work/q.json"
check "embedded: JSON results keep Chinese text exactly" python3 -c '
import json, sys
words = [b["words"]["value"] for b in json.load(open(sys.argv[1]))["results"]["bindings"]]
sys.exit(0 if "联合国 2030 年可持续发展议程" in words else 1)' "$work/q.json"
"$aseankg" query --store "$store" 'SELEKT' > /dev/null 2> "$work/query.err"
check "embedded: a malformed query is exit 1 with a message" \
  bash -c "[ $? -eq 1 ] && grep -q '^aseankg: query:' '$work/query.err'"

# --- Virtuoso ------------------------------------------------------------------------------------
if ! virtuoso_start "$work/virtuoso"; then
  check "Virtuoso starts" false
  echo "$passed passed, $failed failed"
  exit 1
fi
sparql=$VIRTUOSO_HTTP/sparql
crud=$VIRTUOSO_HTTP/sparql-graph-crud-auth
export ASEANKG_AUTH=dba:dba

"$aseankg" load --endpoint "$crud" --graph "$graph" --replace "$work/statement.ttl"
check "virtuoso: load --replace over the Graph Store protocol (digest auth)" test $? -eq 0
n=$("$aseankg" query --endpoint "$sparql" -r csv "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$graph> { ?s ?p ?o } }" |
    tail -n 1 | tr -d '"\r')
check "virtuoso: the graph holds the export's $triples triples" test "$n" = "$triples"
run_shipped_queries virtuoso --endpoint "$sparql"
"$aseankg" query --endpoint "$sparql" -r xml @queries/documents-recalled.rq > "$work/q.xml"
check "virtuoso: Chinese literals come back exactly" grep -q '中国－东盟关于合作支持〈东盟全面复苏框架〉的联合声明' "$work/q.xml"
"$aseankg" query --endpoint "$sparql" @queries/summit-place-and-date.rq > "$work/q.table"
check "virtuoso: the table layout reads the XML results" grep -q '^25th China-ASEAN Summit@en | Phnom Penh@en' "$work/q.table"

# A diff sent as SPARQL Update moves the store from one version to the next without a reload.
version=https://example.org/aseankg/id/graph/update-test
"$aseankg" load --endpoint "$crud" --graph "$version" --replace "$work/statement.nt"
sed -e 's/"全球发展倡议"@zh/"全球发展倡议（新）"@zh/' -e '/entity\/world-bank> <http:\/\/www.w3.org\/2004\/02\/skos\/core#prefLabel>/d' \
  "$work/statement.nt" > "$work/next.nt"
printf '_:n1 <http://example.org/v#note> "新的说明" .\n<https://example.org/aseankg/id/entity/china> <http://example.org/v#has> _:n1 .\n' >> "$work/next.nt"
"$aseankg" diff -f sparql-update --graph "$version" "$work/statement.nt" "$work/next.nt" 2> /dev/null |
  "$aseankg" update --endpoint "$sparql" -
check "virtuoso: aseankg update sends the diff" test $? -eq 0
"$aseankg" query --endpoint "$sparql" -r ntriples "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <$version> { ?s ?p ?o } }" \
  > "$work/remote.nt"
"$aseankg" diff "$work/remote.nt" "$work/next.nt" > "$work/remaining.diff" 2>&1
check "virtuoso: after the update the remote graph is isomorphic to the new version" test $? -eq 0

# Blank nodes that exist in the store (labels SPARQL variables could not carry) change through WHERE.
bnodes=https://example.org/aseankg/id/graph/blank-test
printf '<http://e/s> <http://e/p> _:b-1 .\n_:b-1 <http://e/v> "旧" .\n_:b-1 <http://e/next> _:b.2 .\n_:b.2 <http://e/v> "x" .\n' \
  > "$work/blank-old.nt"
printf '<http://e/s> <http://e/p> _:q1 .\n_:q1 <http://e/v> "新" .\n_:q1 <http://e/next> _:q2 .\n_:q2 <http://e/v> "x" .\n' \
  > "$work/blank-new.nt"
"$aseankg" load --endpoint "$crud" --graph "$bnodes" --replace "$work/blank-old.nt"
"$aseankg" diff -f sparql-update --graph "$bnodes" "$work/blank-old.nt" "$work/blank-new.nt" 2> /dev/null |
  "$aseankg" update --endpoint "$sparql" - 2> "$work/e"
check "virtuoso: a change to an existing blank node applies through DELETE/INSERT WHERE" test $? -eq 0
"$aseankg" query --endpoint "$sparql" -r ntriples "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <$bnodes> { ?s ?p ?o } }" \
  > "$work/blank-remote.nt"
"$aseankg" diff "$work/blank-remote.nt" "$work/blank-new.nt" > /dev/null 2>&1
check "virtuoso: the blank-node graph is isomorphic to the new version" test $? -eq 0

# A --replace whose upload fails midway (the server rejects the broken document) keeps the old graph.
{ head -n 100 "$work/statement.nt"; echo '<http://broken> <http://example.org/p> "unterminated .'; tail -n 100 "$work/statement.nt"; } \
  > "$work/broken.nt"
"$aseankg" load --endpoint "$crud" --graph "$graph" --replace "$work/broken.nt" 2> "$work/load.err"
status=$?
n=$("$aseankg" query --endpoint "$sparql" -r csv "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$graph> { ?s ?p ?o } }" |
    tail -n 1 | tr -d '"\r')
check "virtuoso: a failed --replace exits 1 and leaves the previous graph intact" \
  bash -c "[ $status -eq 1 ] && [ '$n' = '$triples' ] && grep -q '^aseankg: $crud: HTTP ' '$work/load.err'"

# --- faults ----------------------------------------------------------------------------------------
ASEANKG_AUTH=dba:wrong "$aseankg" load --endpoint "$crud" --graph "$graph" "$work/statement.nt" 2> "$work/e"
check "refused credentials: exit 1, HTTP 401, no password printed" \
  bash -c "[ $? -eq 1 ] && grep -q 'HTTP 401' '$work/e' && ! grep -q wrong '$work/e'"
printf 'machine 127.0.0.1 login dba password dba\n' > "$work/netrc"
ASEANKG_AUTH= ASEANKG_NETRC=$work/netrc "$aseankg" load --endpoint "$crud" --graph "$version" "$work/statement.nt"
check "credentials from a netrc file" test $? -eq 0
"$aseankg" query --endpoint "$sparql" 'SELEKT' > /dev/null 2> "$work/e"
check "HTTP 4xx: a rejected query is exit 1 with the server's reason" \
  bash -c "[ $? -eq 1 ] && grep -q '^aseankg: $sparql: HTTP 400' '$work/e'"
printf '<html><body>not SPARQL</body></html>\n' > "$work/virtuoso/www/index.html"
"$aseankg" query --endpoint "$VIRTUOSO_HTTP/index.html" 'ASK {}' > "$work/out" 2> "$work/e"
check "malformed response: exit 1, nothing written as results" \
  bash -c "[ $? -eq 1 ] && [ ! -s '$work/out' ] && grep -q 'not SPARQL results' '$work/e'"
"$aseankg" query --endpoint "$sparql" --timeout 1 \
  'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }' > /dev/null 2> "$work/e"
check "timeout: exit 1 after --timeout" bash -c "[ $? -eq 1 ] && grep -qi 'timed out' '$work/e'"
virtuoso_stop
"$aseankg" query --endpoint "$sparql" --connect-timeout 2 'ASK {}' > /dev/null 2> "$work/e"
check "endpoint down: exit 1 with a clear message" bash -c "[ $? -eq 1 ] && grep -q '^aseankg: $sparql: ' '$work/e'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
