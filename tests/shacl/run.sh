#!/usr/bin/env bash
# SHACL tests: the export conforms to ontology/shapes.ttl, and graphs broken on purpose do not.
#
#   bash tests/shacl/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR
#
# Installs the validator pinned in tests/shacl/package-lock.json into WORK_DIR/shacl with `npm ci`
# (only when node_modules is missing or package.json / package-lock.json changed since the last
# install there), exports the graph, validates it, then derives broken graphs from the N-Triples
# export and checks that each is reported, with the expected focus node.
# Prints "ok   ..." / "FAIL ..." per check and ends with "N passed, M failed".
# Exit status: 0 all passed, 1 a check failed or the setup failed.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

if [ $# -ne 3 ]; then
  echo "usage: bash tests/shacl/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR" >&2
  exit 2
fi
aseankg=$1
source_dir=$2
work_dir=$3

aseankg=$(absolute "$aseankg")
source_dir=$(absolute "$source_dir")
work_dir=$(absolute "$work_dir")

here="$source_dir/tests/shacl"
shapes="$source_dir/ontology/shapes.ttl"
ontology="$source_dir/ontology/aseankg.ttl"
node_dir="$work_dir/shacl"


for tool in node npm; do
  command -v "$tool" > /dev/null 2>&1 || setup_failed "setup: $tool is not installed (scripts/build.sh installs it)"
done
[ -x "$aseankg" ] || setup_failed "setup: $aseankg is not an executable"
[ -f "$shapes" ] || setup_failed "setup: $shapes is missing"

# --- the validator: npm ci into WORK_DIR/shacl when the pinned dependencies changed ----------
npm_ci_once "$here" "$node_dir"
# The scripts must sit next to node_modules to resolve their imports; copy them on every run.
cp "$here/validate.mjs" "$here/entity-classes.mjs" "$node_dir/" || setup_failed "setup: cannot copy scripts"
validate=("node" "$node_dir/validate.mjs")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/aseankg-shacl.XXXXXX") || setup_failed "setup: mktemp"
trap 'rm -rf "$tmp"' EXIT

# --- the shapes themselves ----------------------------------------------------------------
if node "$node_dir/entity-classes.mjs" "$ontology" "$shapes" > "$tmp/classes.out" 2>&1; then
  pass "shapes list exactly the ontology's ak:Entity subclasses"
else
  sed 's/^/# /' "$tmp/classes.out"
  fail "shapes list exactly the ontology's ak:Entity subclasses"
fi

# --- the real export conforms ------------------------------------------------------------------
export_graph() { # FORMAT FILE
  (cd "$source_dir" && "$aseankg" export -f "$1" -d "$source_dir/data" \
    --ontology "$source_dir/ontology/aseankg.ttl" -o "$2")
}
if ! export_graph turtle "$tmp/graph.ttl" || ! export_graph ntriples "$tmp/graph.nt"; then
  setup_failed "setup: $aseankg export"
fi

conforms() { # NAME FILE
  local out="$tmp/report.out"
  "${validate[@]}" "$2" "$shapes" > "$out" 2>&1
  local status=$?
  if [ $status -eq 0 ]; then
    pass "$1 ($(tail -n 1 "$out" | sed -n 's/.* in \([0-9.]*s\)$/\1/p'))"
  else
    head -n 20 "$out" | sed 's/^/# /'
    fail "$1 (validate.mjs exit $status)"
  fi
}
conforms "Turtle export conforms" "$tmp/graph.ttl"
conforms "N-Triples export conforms" "$tmp/graph.nt"
# A corpus of three documents, two of them register entities that a later one recalls.
python3 "$source_dir/bench/gen_corpus.py" 90 "$tmp/corpus" 3 > /dev/null &&
  (cd "$source_dir" && "$aseankg" export -d "$tmp/corpus" -f ntriples -o "$tmp/corpus.nt") ||
  setup_failed "setup: export of a generated corpus"
conforms "a generated three-document corpus conforms" "$tmp/corpus.nt"

# --- broken graphs are reported -------------------------------------------------------------
nt="$tmp/graph.nt"
AK='https://example.org/aseankg/ontology#'
NIF='http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'
RDF='http://www.w3.org/1999/02/22-rdf-syntax-ns#'
XSD='http://www.w3.org/2001/XMLSchema#'
china='https://example.org/aseankg/id/entity/china'

# The subject IRI (without <>) of the first triple with PREDICATE whose subject matches the ERE.
first_subject() { # PREDICATE SUBJECT_ERE
  grep -F -- "> <$1> " "$nt" | grep -m 1 -E -- "^<$2> " | sed -n 's/^<\([^>]*\)> .*/\1/p'
}
# The object (as written in N-Triples) of SUBJECT PREDICATE.
object_of() { grep -m 1 -F -- "<$1> <$2> " "$nt" | sed "s/^<[^>]*> <[^>]*> \(.*\) \.\$/\1/"; }
# Escape a string for a basic regular expression (sed).
# (The seds below use | as delimiter: no IRI here contains one.)
bre() { printf '%s' "$1" | sed 's/[][\.*^$]/\\&/g'; }

rejects() { # NAME BROKEN_FILE FOCUS_IRI PATH: exit 1, and a result for FOCUS_IRI at PATH
  local name=$1 broken=$2 focus=$3 path=$4 out="$tmp/report.out"
  if [ -z "$focus" ]; then
    fail "$name (no focus node found in the export)"
    return
  fi
  if cmp -s "$broken" "$nt"; then
    fail "$name (the mutation changed nothing)"
    return
  fi
  "${validate[@]}" "$broken" "$shapes" > "$out" 2>&1
  local status=$?
  if [ $status -ne 1 ]; then
    head -n 20 "$out" | sed 's/^/# /'
    fail "$name (validate.mjs exit $status, want 1)"
  elif ! grep -q -F "focus=<$focus>  path=$path " "$out"; then
    head -n 20 "$out" | sed 's/^/# /'
    fail "$name (no result for <$focus> at $path)"
  else
    pass "$name ($(grep -c '^Violation' "$out") result(s))"
  fi
}

# 1. An entity without its English label.
grep -v -F "<$china> <http://www.w3.org/2000/01/rdf-schema#label> " "$nt" > "$tmp/b1.nt"
grep -F "<$china> <http://www.w3.org/2000/01/rdf-schema#label> " "$nt" | grep -v -E '"@en \.$' >> "$tmp/b1.nt"
rejects "entity:china without an @en rdfs:label" "$tmp/b1.nt" "$china" rdfs:label

# 2. An assertion without its evidence.
assertion=$(first_subject "${AK}evidence" '[^>]*/assertion/[^>]*')
grep -v -F "<$assertion> <${AK}evidence> " "$nt" > "$tmp/b2.nt"
rejects "assertion without ak:evidence" "$tmp/b2.nt" "$assertion" ak:evidence

# 3. A span whose nif:endIndex has the wrong datatype.
span=$(first_subject "${NIF}endIndex" '[^>]*#char=[0-9]+,[0-9]+')
sed "s|^\(<$(bre "$span")> <$(bre "${NIF}endIndex")> \"[0-9]*\"^^<\)$(bre "${XSD}")nonNegativeInteger>|\1${XSD}integer>|" \
  "$nt" > "$tmp/b3.nt"
rejects "span nif:endIndex typed xsd:integer" "$tmp/b3.nt" "$span" nif:endIndex

# 4. A span without nif:endIndex.
grep -v -F "<$span> <${NIF}endIndex> " "$nt" > "$tmp/b4.nt"
rejects "span without nif:endIndex" "$tmp/b4.nt" "$span" nif:endIndex

# 5. A span whose nif:anchorOf is not the text at its offsets (SPARQL-based check).
sed "s|^\(<$(bre "$span")> <$(bre "${NIF}anchorOf")> \"\)|\1x|" "$nt" > "$tmp/b5.nt"
rejects "span nif:anchorOf with a character too many" "$tmp/b5.nt" "$span" nif:anchorOf

# 6. An assertion whose reified triple is not in the graph (SPARQL-based check).
related=$(grep -F "> <${RDF}object> <" "$nt" | grep -m 1 -E '^<[^>]*/assertion/' | sed -n 's/^<\([^>]*\)> .*/\1/p')
triple="$(object_of "$related" "${RDF}subject") $(object_of "$related" "${RDF}predicate") $(object_of "$related" "${RDF}object") ."
grep -v -x -F "$triple" "$nt" > "$tmp/b6.nt"
rejects "assertion whose triple is missing" "$tmp/b6.nt" "$related" rdf:predicate

# 7. An entity typed with a class the ontology does not have.
sed "s|^\(<$(bre "$china")> <$(bre "${RDF}type")> <$(bre "$AK")\)Country>|\1Nation>|" "$nt" > "$tmp/b7.nt"
rejects "entity:china typed ak:Nation" "$tmp/b7.nt" "$china" rdf:type

# 13. A cited source on an English gloss: only official names have ak:englishNameSource.
gloss=$(grep -F "> <${AK}englishLabelStatus> <${AK}Gloss> ." "$nt" | grep -m 1 -v -F "<$china> " |
  sed -n 's/^<\([^>]*\)> .*/\1/p')
source_iri=$(grep -m 1 -F "> <${AK}englishNameSource> <" "$nt" | sed -n 's/^<[^>]*> <[^>]*> \(<[^>]*>\) \.$/\1/p')
{ cat "$nt"; printf '<%s> <%senglishNameSource> %s .\n' "$gloss" "$AK" "$source_iri"; } > "$tmp/b13.nt"
rejects "ak:englishNameSource on an English gloss" "$tmp/b13.nt" "$gloss" ak:englishLabelStatus

# 9-12. The mentions' Web Annotations agree with the text and with the NIF spans.
OA='http://www.w3.org/ns/oa#'
quote=$(first_subject "${OA}prefix" '[^>]*/annotation/[^>]*/quote')
sed "s|^\(<$(bre "$quote")> <$(bre "${OA}exact")> \"\)|\1x|" "$nt" > "$tmp/b9.nt"
rejects "quote selector oa:exact with a character too many" "$tmp/b9.nt" "$quote" oa:exact

grep -v -F "<$quote> <${OA}prefix> " "$nt" > "$tmp/b10.nt"
rejects "quote selector without its oa:prefix inside a segment" "$tmp/b10.nt" "$quote" oa:exact

annotation=${quote%/quote}
grep -v -F "<${annotation}/position> <${OA}start> " "$nt" > "$tmp/b11.nt"
grep -F "<${annotation}/position> <${OA}start> " "$nt" | sed 's/"\([0-9]*\)"^^/"1\1"^^/' >> "$tmp/b11.nt"
rejects "annotation whose position matches no NIF span" "$tmp/b11.nt" "$annotation" oa:hasBody

grep -v -F "<$annotation> <${OA}hasBody> " "$nt" > "$tmp/b12.nt"
rejects "annotation without its oa:hasBody" "$tmp/b12.nt" "$annotation" oa:hasBody

# 8. validate.mjs tells a parse error (exit 2) from a violation.
head -c 200 "$nt" > "$tmp/b8.nt"
"${validate[@]}" "$tmp/b8.nt" "$shapes" > "$tmp/report.out" 2>&1
status=$?
if [ $status -eq 2 ]; then pass "truncated N-Triples is a parse error (exit 2)"; else fail "truncated N-Triples is a parse error (exit $status, want 2)"; fi

finish
