#!/usr/bin/env bash
# aseankg diff's readable formats and filters, and patch's transactions and --reverse, from the command
# line: JSON checked by Python's parser, patches checked by diffing the result against the expected graph.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
aseankg=$1
shared=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

cat > old.ttl <<'EOF'
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:asean a ex:Organization ; rdfs:label "ASEAN"@en ; ex:members 10 ; ex:modified "2024" .
ex:china a ex:Country ; rdfs:label "China"@en ; ex:capital "Beijing" .
_:note ex:about ex:china ; ex:text "first" .
EOF
cat > new.ttl <<'EOF'
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:china rdfs:label "China"@en ; a ex:Country ; ex:capital "Beijing" .
ex:asean a ex:Organization ; rdfs:label "ASEAN"@en ; ex:members 11 ; ex:modified "2025" .
[] ex:about ex:china ; ex:text "second" .
EOF

# --- pretty -------------------------------------------------------------------------
"$aseankg" diff -f pretty old.ttl new.ttl > pretty.out 2> pretty.err
check "pretty: exit 1 when different" test $? -eq 1
check "pretty: the subject with its rdfs:label, prefixed" grep -qx 'ex:asean  # "ASEAN"@en' pretty.out
check "pretty: removed and added side by side" \
  grep -qx '  ex:members  - "10"^^xsd:integer  + "11"^^xsd:integer' pretty.out
check "pretty: a blank subject by its old label" grep -qx '  ex:text  - "first"  + "second"' pretty.out
check "pretty: no colour into a file" not grep -q $'\033' pretty.out
"$aseankg" diff -f pretty --color=always old.ttl new.ttl > color.out 2> /dev/null
check "--color=always: removed in red, added in green" \
  grep -q $'\033\\[31m- "2024"\033\\[m  \033\\[32m+ "2025"\033\\[m' color.out
"$aseankg" diff --color=sometimes old.ttl new.ttl > /dev/null 2> color.err
check "--color with a bad value: usage error (exit 2)" test $? -eq 2

# --- stat ---------------------------------------------------------------------------
"$aseankg" diff --stat old.ttl new.ttl > stat.out 2> /dev/null
check "stat: by predicate" grep -qE '^ +1 +1  ex:modified$' stat.out
check "stat: by subject type" grep -qE '^ +2 +2  ex:Organization$' stat.out
check "stat: untyped subjects" grep -qE '^ +1 +1  \(no type\)$' stat.out
"$aseankg" diff --stat -f pretty old.ttl new.ttl > /dev/null 2>&1
check "--stat with --format: usage error" test $? -eq 2

# --- json ---------------------------------------------------------------------------
"$aseankg" diff -f json old.ttl new.ttl > diff.json 2> /dev/null
check "json: parses, with counts and RDF/JS terms" python3 - diff.json <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["removedCount"] == 3 and d["addedCount"] == 3, d
assert len(d["removed"]) == 3 and len(d["added"]) == 3
members = [q for q in d["added"] if q["predicate"]["value"] == "http://example.org/members"][0]
assert members["subject"] == {"termType": "NamedNode", "value": "http://example.org/asean"}
assert members["object"] == {"termType": "Literal", "value": "11", "language": "",
                             "datatype": {"termType": "NamedNode", "value": "http://www.w3.org/2001/XMLSchema#integer"}}
assert members["graph"] == {"termType": "DefaultGraph", "value": ""}
text = [q for q in d["removed"] if q["predicate"]["value"] == "http://example.org/text"][0]
assert text["subject"]["termType"] == "BlankNode"
EOF
printf '<http://e/s> <http://e/p> "tab\\there\\u001B[31m\\u0000x"@EN .\n' > esc.nt
"$aseankg" diff -f json /dev/null esc.nt -i ntriples > esc.json 2> /dev/null
check "json: control characters escaped, language lower-cased" python3 - esc.json <<'EOF'
import json, sys
raw = open(sys.argv[1], encoding="utf-8").read()
assert "\x1b" not in raw and "\x00" not in raw
o = json.loads(raw)["added"][0]["object"]
assert o["value"] == "tab\there\x1b[31m\x00x" and o["language"] == "en", o
assert o["datatype"]["value"].endswith("#langString")
EOF

# --- filters --------------------------------------------------------------------------
"$aseankg" diff --ignore-predicate http://example.org/modified --ignore-predicate http://example.org/members \
  --ignore-predicate http://example.org/text old.ttl new.ttl > ignored.out 2> ignored.err
check "--ignore-predicate (repeated): nothing left, exit 0" test $? -eq 0 -a ! -s ignored.out
"$aseankg" diff -f json --ignore-predicate http://example.org/modified old.ttl new.ttl > ignored.json 2> /dev/null
check "--ignore-predicate applies to json too" python3 -c "
import json; d = json.load(open('ignored.json'))
assert d['removedCount'] == 2 and all(q['predicate']['value'] != 'http://example.org/modified' for q in d['removed'])"
"$aseankg" diff --ignore-predicate modified old.ttl new.ttl > /dev/null 2> bad-iri.err
status=$?
check "--ignore-predicate with a relative IRI: usage error naming the option" \
  bash -c "test $status -eq 2 && grep -q -- '--ignore-predicate' bad-iri.err"
cat > old.nq <<'EOF'
<http://e/s> <http://e/p> "1" <http://e/g1> .
<http://e/s> <http://e/p> "1" <http://e/g2> .
<http://e/s> <http://e/p> "1" .
EOF
cat > new.nq <<'EOF'
<http://e/s> <http://e/p> "2" <http://e/g1> .
<http://e/s> <http://e/p> "1" <http://e/g2> .
<http://e/s> <http://e/p> "3" .
EOF
"$aseankg" diff --only-graph http://e/g2 old.nq new.nq > only.out 2> /dev/null
check "--only-graph: only that graph compared (same: exit 0)" test $? -eq 0 -a ! -s only.out
"$aseankg" diff --only-graph DEFAULT old.nq new.nq > only.out 2> /dev/null
check "--only-graph DEFAULT: the default graph only" \
  test "$(cat only.out)" = "$(printf -- '- <http://e/s> <http://e/p> "1" .\n+ <http://e/s> <http://e/p> "3" .')"
"$aseankg" diff --only-graph default old.nq new.nq > only.out 2> only.err
check "--only-graph default: one spelling (DEFAULT, as graphs and dump --graph); lower case is no IRI (exit 2)" \
  bash -c "[ $? -eq 2 ] && grep -q -- '--only-graph' only.err && [ ! -s only.out ]"
"$aseankg" diff -f sparql-update --only-graph http://e/g1 --graph http://e/target old.nq new.nq > only.ru 2> /dev/null
check "--only-graph with --graph: the selection, and --graph still names the update's target" \
  bash -c "grep -q 'GRAPH <http://e/g1>' only.ru && ! grep -q 'e/g2' only.ru"

# --- blank graph names --------------------------------------------------------------
printf '<http://e/s> <http://e/p> "1" _:g .\n_:g <http://e/src> <http://e/x> .\n' > bg1.nq
printf '_:h <http://e/src> <http://e/x> .\n<http://e/s> <http://e/p> "1" _:h .\n' > bg2.nq
"$aseankg" diff bg1.nq bg2.nq > bg.out 2> bg.err
check "blank graph names: the same dataset, exit 0" test $? -eq 0 -a ! -s bg.out
printf '_:h <http://e/src> <http://e/x> .\n<http://e/s> <http://e/p> "2" _:h .\n' > bg3.nq
"$aseankg" diff -f sparql-update bg1.nq bg3.nq > /dev/null 2> bg.err
status=$?
check "blank graph names in sparql-update: trouble (exit 2) with a reason" \
  bash -c "test $status -eq 2 && grep -q 'blank node' bg.err"

# --- regular graphs (W3C rdf-canon test044..046), relabelled and shuffled -----------
for t in 044 045 046; do
  input="$shared/w3c/rdf-canon/rdfc10/test$t-in.nq"
  sed 's/_:e\([0-9]*\)/_:z\1q/g' "$input" | shuf --random-source=<(yes) > "relabelled-$t.nq"
  "$aseankg" diff "$input" "relabelled-$t.nq" > /dev/null 2>&1
  check "rdf-canon test$t relabelled and shuffled: no change (exit 0)" test $? -eq 0
done

# --- patch: transactions and --reverse -----------------------------------------------
"$aseankg" diff -f rdf-patch old.ttl new.ttl > forward.rdfp 2> /dev/null
"$aseankg" patch old.ttl forward.rdfp -o patched.nt
"$aseankg" diff patched.nt new.ttl > /dev/null 2>&1
check "patch: OLD + diff is NEW" test $? -eq 0
"$aseankg" patch --reverse patched.nt forward.rdfp -o back.nt
"$aseankg" diff back.nt old.ttl > /dev/null 2>&1
check "patch --reverse: undoes it" test $? -eq 0
{ cat forward.rdfp; printf 'TX .\nA <http://e/x> <http://e/y> "aborted" .\nTA .\n'; } > aborted.rdfp
"$aseankg" patch old.ttl aborted.rdfp -o aborted.nt
check "patch: TA drops its own block, the committed one before it applies" \
  bash -c "! grep -q aborted aborted.nt && '$aseankg' diff aborted.nt new.ttl > /dev/null 2>&1"
head -n 2 forward.rdfp > cut.rdfp
echo keep > out.nt
"$aseankg" patch old.ttl cut.rdfp -o out.nt 2> cut.err
check "patch cut short (no TC): exit 1" test $? -eq 1
check "patch cut short: FILE:LINE:COL of its TX" grep -q '^aseankg: cut.rdfp:1:1: .*not committed' cut.err
check "patch cut short: the output is left as it was" test "$(cat out.nt)" = keep

finish
