#!/usr/bin/env bash
# JSON-LD tests: the export read back by an independent processor (jsonld from npm) is the same graph
# as the N-Triples export, it references the published context, and it is byte-stable.
#
#   bash tests/jsonld/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR
#
# Installs the processor pinned in tests/jsonld/package-lock.json into WORK_DIR/jsonld with `npm ci`
# (only when the pinned packages changed), serves ontology/context.jsonld as the context IRI the
# export references (nothing is fetched), and compares graphs with `aseankg diff` (blank-node aware).
# Prints "ok   ..." / "FAIL ..." per check and ends with "N passed, M failed".
# Exit status: 0 all passed, 1 a check failed or the setup failed.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

node_test_setup jsonld "$@"
context="$source_dir/ontology/context.jsonld"
context_iri='https://example.org/aseankg/context.jsonld'
[ -f "$context" ] || setup_failed "setup: $context is missing"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/aseankg-jsonld.XXXXXX") || setup_failed "setup: mktemp"
trap 'rm -rf "$tmp"' EXIT

export_graph() { # FORMAT FILE [ARGS...]
  local format=$1 file=$2
  shift 2
  (cd "$source_dir" && "$aseankg" export -f "$format" -d "$source_dir/data" \
    --ontology "$source_dir/ontology/aseankg.ttl" -o "$file" "$@")
}
to_rdf() { node "$node_dir/to-rdf.mjs" "$1" "$context_iri" "${2:-$context}"; }

# isomorphic NAME JSONLD NTRIPLES: the processor's graph of JSONLD is NTRIPLES (aseankg diff exits 0)
isomorphic() {
  local name=$1 out="$tmp/back.nt"
  if ! to_rdf "$2" > "$out" 2> "$tmp/err"; then
    sed 's/^/# /' "$tmp/err" | head -n 5
    fail "$name (to-rdf.mjs failed)"
  elif "$aseankg" diff "$3" "$out" > "$tmp/diff" 2>&1; then
    pass "$name ($(wc -l < "$out") triples)"
  else
    head -n 10 "$tmp/diff" | sed 's/^/# /'
    fail "$name (aseankg diff: not the same graph)"
  fi
}

# --- the statement -----------------------------------------------------------------------------
export_graph jsonld "$tmp/graph.jsonld" && export_graph jsonld "$tmp/again.jsonld" &&
  export_graph ntriples "$tmp/graph.nt" || setup_failed "setup: $aseankg export"
check "two exports are the same bytes" cmp -s "$tmp/graph.jsonld" "$tmp/again.jsonld"
check "the document is JSON (python3 -m json.tool)" python3 -m json.tool "$tmp/graph.jsonld" /dev/null
check "ontology/context.jsonld is JSON" python3 -m json.tool "$context" /dev/null
isomorphic "JSON-LD to RDF is the N-Triples export" "$tmp/graph.jsonld" "$tmp/graph.nt"

# The document names the published context by its IRI (to-rdf.mjs exits 1 otherwise).
sed "0,\\|\"$context_iri\"|s||\"https://example.org/other.jsonld\"|" "$tmp/graph.jsonld" > "$tmp/other.jsonld"
to_rdf "$tmp/other.jsonld" > /dev/null 2>&1
status=$?
if [ $status -eq 1 ]; then pass "a document naming another context is refused"; else fail "a document naming another context is refused (exit $status, want 1)"; fi

# The comparison can fail: the graph read through a context missing one coercion differs.
grep -v '"oa:start":' "$context" > "$tmp/context-without-start.jsonld"
if to_rdf "$tmp/graph.jsonld" "$tmp/context-without-start.jsonld" > "$tmp/lossy.nt" 2> /dev/null &&
  not "$aseankg" diff "$tmp/graph.nt" "$tmp/lossy.nt" > /dev/null 2>&1; then
  pass "read through a context without the oa:start coercion, the graph differs"
else
  fail "read through a context without the oa:start coercion, the graph differs"
fi
sed '0,/"oa:exact": "/s//&x/' "$tmp/graph.jsonld" > "$tmp/edited.jsonld"
to_rdf "$tmp/edited.jsonld" > "$tmp/edited.nt" 2> /dev/null
"$aseankg" diff "$tmp/graph.nt" "$tmp/edited.nt" > "$tmp/diff" 2>&1
status=$?
if [ $status -eq 1 ] && grep -q '^- .*oa#exact' "$tmp/diff" && grep -q '^+ .*oa#exact> "x' "$tmp/diff"; then
  pass "one edited quote is one change"
else
  head -n 6 "$tmp/diff" | sed 's/^/# /'
  fail "one edited quote is one change (aseankg diff exit $status)"
fi

# Every mention span has one Web Annotation (the SHACL shapes check each annotation has its span).
mentions=$(grep -c -F '> <http://www.w3.org/2005/11/its/rdf#taIdentRef> <' "$tmp/graph.nt")
annotations=$(grep -c -F '> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/oa#Annotation> .' "$tmp/graph.nt")
if [ "$mentions" -gt 0 ] && [ "$mentions" -eq "$annotations" ]; then
  pass "as many annotations as mentions ($annotations)"
else
  fail "as many annotations as mentions ($annotations annotations, $mentions mentions)"
fi

# --- another base, a custom ontology namespace, a corpus --------------------------------------
export_graph jsonld "$tmp/base.jsonld" --base 'https://example.net/kg#' &&
  export_graph ntriples "$tmp/base.nt" --base 'https://example.net/kg#' || setup_failed "setup: export --base"
isomorphic "under --base https://example.net/kg# as well" "$tmp/base.jsonld" "$tmp/base.nt"

sed 's|https://example.org/aseankg/ontology|https://example.net/vocab|g' "$source_dir/ontology/aseankg.ttl" > "$tmp/vocab.ttl"
(cd "$source_dir" && "$aseankg" export -f jsonld -d "$source_dir/data" --ontology "$tmp/vocab.ttl" -o "$tmp/vocab.jsonld") &&
  (cd "$source_dir" && "$aseankg" export -f ntriples -d "$source_dir/data" --ontology "$tmp/vocab.ttl" -o "$tmp/vocab.nt") ||
  setup_failed "setup: export with another ontology namespace"
isomorphic "with another ontology namespace (ak: redefined inline)" "$tmp/vocab.jsonld" "$tmp/vocab.nt"

python3 "$source_dir/bench/gen_corpus.py" 90 "$tmp/corpus" 3 > /dev/null &&
  (cd "$source_dir" && "$aseankg" export -d "$tmp/corpus" -f jsonld -o "$tmp/corpus.jsonld") &&
  (cd "$source_dir" && "$aseankg" export -d "$tmp/corpus" -f ntriples -o "$tmp/corpus.nt") ||
  setup_failed "setup: export of a generated corpus"
isomorphic "a generated three-document corpus" "$tmp/corpus.jsonld" "$tmp/corpus.nt"

finish
