#!/usr/bin/env bash
# CLI tests against the real data: deterministic export, round trips through raptor and serd,
# and one case per kind of bad data (message, exit status, output left untouched).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
aseankg=$1
nt_canon=$2
source_dir=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source_dir" || exit 1


# --- export -------------------------------------------------------------------
"$aseankg" export -o "$work/a.ttl" && "$aseankg" export -o "$work/b.ttl"
check "turtle export is byte-stable" cmp -s "$work/a.ttl" "$work/b.ttl"
"$aseankg" export --format ntriples -o "$work/a.nt" && "$aseankg" export -f ntriples > "$work/b.nt"
check "ntriples export is byte-stable (file and stdout)" cmp -s "$work/a.nt" "$work/b.nt"
check "ntriples lines are in byte order and unique" env LC_ALL=C sort -c -u "$work/a.nt"
"$aseankg" export --format=nquads -o "$work/a.nq"
check "nquads has as many lines as ntriples" test "$(wc -l < "$work/a.nq")" -eq "$(wc -l < "$work/a.nt")"
check "nquads names the version graph" grep -q '> <https://example.org/aseankg/id/graph/1> \.$' "$work/a.nq"
check "no blank nodes" bash -c "! grep -q '_:' '$work/a.nt'"
# Canonical N-Triples escapes only C0 controls, DEL and U+FFFE/U+FFFF: never a printable character.
only_required_escapes() {
  ! grep -oE '\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}' "$1" | grep -qvxE '\\u00[01][0-9A-F]|\\u007F|\\uFFF[EF]'
}
check "no escaped non-ASCII" only_required_escapes "$work/a.nt"
printf '<http://a> <http://b> "\\u4E2D" .\n' > "$work/escaped.nt"
check "(the escape check catches an escaped CJK character)" not only_required_escapes "$work/escaped.nt"
triples=$(wc -l < "$work/a.nt")
check "void:triples states the real count" grep -q "rdfs.org/ns/void#triples> \"$triples\"^^" "$work/a.nt"

"$aseankg" export --base http://kg.example/x/ -f ntriples -o "$work/base.nt"
check "--base moves every minted IRI" bash -c "! grep -q 'https://example.org/aseankg/id/' '$work/base.nt' && grep -q '<http://kg.example/x/entity/china>' '$work/base.nt'"

# --- round trips: the Turtle and the N-Triples are the same graph, to raptor and to serd ---
rapper -q -i turtle -o ntriples "$work/a.ttl" | "$nt_canon" > "$work/rapper-ttl.nt"
check "raptor reads the Turtle as the N-Triples graph" cmp -s "$work/rapper-ttl.nt" "$work/a.nt"
rapper -q -i ntriples -o ntriples "$work/a.nt" | "$nt_canon" > "$work/rapper-nt.nt"
check "raptor reads the N-Triples unchanged" cmp -s "$work/rapper-nt.nt" "$work/a.nt"
serdi -i turtle -o ntriples "$work/a.ttl" | "$nt_canon" > "$work/serd-ttl.nt"
check "serd reads the Turtle as the N-Triples graph" cmp -s "$work/serd-ttl.nt" "$work/a.nt"
serdi -i ntriples -o ntriples "$work/a.nt" | "$nt_canon" > "$work/serd-nt.nt"
check "serd reads the N-Triples unchanged" cmp -s "$work/serd-nt.nt" "$work/a.nt"

# --- the README's tour query answers on the export (rasqal's roqet) ---
roqet -q -r csv -D "$work/a.ttl" queries/china-proposed.rq 2>/dev/null | tr -d "\r" > "$work/proposed.csv"
check "README query: China proposed the GDI, quoted from preamble-8" \
  grep -q '^Global Development Initiative,.*/preamble-8,中方提出的全球发展倡议$' "$work/proposed.csv"

# --- check and usage ------------------------------------------------------------
check "check validates without writing" bash -c "'$aseankg' check | grep -q '^triples *$triples\$'"
"$aseankg" --help > "$work/help" 2>&1
check "--help exits 0 and lists export" grep -q '^  export' "$work/help"
"$aseankg" --version > "$work/version"
check "--version names the version" grep -Eq '^aseankg [0-9]+\.[0-9]+\.[0-9]+ ' "$work/version"
"$aseankg" export --format rdfxml > /dev/null 2> "$work/usage"
check "unknown format is a usage error (exit 2)" test $? -eq 2
"$aseankg" frobnicate > /dev/null 2>&1
check "unknown command is a usage error (exit 2)" test $? -eq 2

# --- bad data: one case each; the message, exit 1, and the output untouched ------------
# expect_bad NAME EXPECTED-STDERR-REGEX [EXPORT OPTIONS...]
# Runs export on $work/data into an output that already holds a sentinel.
expect_bad() {
  local name=$1 pattern=$2; shift 2
  local out_dir=$work/out
  rm -rf "$out_dir" && mkdir -p "$out_dir"
  printf 'sentinel\n' > "$out_dir/graph.ttl"
  "$aseankg" export --data "$work/data" -o "$out_dir/graph.ttl" "$@" 2> "$work/stderr"
  local status=$?
  local message
  message=$(cat "$work/stderr")
  if [ "$status" -eq 1 ] && printf '%s\n' "$message" | grep -Eq "^aseankg: $pattern\$" &&
     [ "$(cat "$out_dir/graph.ttl")" = sentinel ] && [ "$(ls "$out_dir")" = graph.ttl ]; then
    pass "$name"
  else
    fail "$name (exit $status: $message)"
  fi
}
fresh_data() { rm -rf "$work/data" && cp -r data "$work/data"; }
lines() { wc -l < "$1"; }

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: [unclosed\n' >> "$work/data/entities.yaml"
expect_bad "YAML syntax error" "$work/data/entities.yaml:$((n + 2)):1: YAML: .*"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: spaceship\n    type: Spaceship\n    zh: 中国\n    en: x\n' >> "$work/data/entities.yaml"
expect_bad "unknown type" "$work/data/entities.yaml:$((n + 2)):11: 'Spaceship' is not a class of the ontology .*"

fresh_data
n=$(lines "$work/data/relations.yaml")
printf '  - subject: china\n    predicate: likes\n    object: china\n    segment: clause-1\n    evidence: 一\n' >> "$work/data/relations.yaml"
expect_bad "unknown property" "$work/data/relations.yaml:$((n + 2)):16: 'likes' is not an object property of the ontology .*"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: china\n    type: Country\n    zh: 中国人\n    en: x\n' >> "$work/data/entities.yaml"
expect_bad "duplicate id" "$work/data/entities.yaml:$((n + 1)):9: duplicate id 'china' \\(first defined at line [0-9]+\\)"

fresh_data
n=$(lines "$work/data/relations.yaml")
printf '  - subject: china\n    predicate: supports\n    object: nobody\n    segment: clause-1\n    evidence: 一\n' >> "$work/data/relations.yaml"
expect_bad "undefined reference" "$work/data/relations.yaml:$((n + 3)):13: object 'nobody' is not a defined entity id"

fresh_data
n=$(lines "$work/data/relations.yaml")
printf '  - subject: china\n    predicate: supports\n    object: china\n    segment: clause-3\n    evidence: 不存在的文字\n' >> "$work/data/relations.yaml"
expect_bad "evidence not in its clause" "$work/data/relations.yaml:$((n + 5)):15: evidence \"不存在的文字\" does not occur in clause-3"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: ghost\n    type: Country\n    zh: 不存在的名字\n    en: x\n' >> "$work/data/entities.yaml"
expect_bad "name not in the text" "$work/data/entities.yaml:$((n + 3)):9: name \"不存在的名字\" does not occur in the text"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: cited-gloss\n    type: Region\n    zh: 东盟内部\n    en: x\n    gloss: true\n    en_source: https://example.org/x\n' >> "$work/data/entities.yaml"
expect_bad "en_source on a gloss" "$work/data/entities.yaml:$((n + 6)):16: 'en_source' cites an official English name, but 'cited-gloss' is marked a gloss"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: inner\n    type: Region\n    zh: 东盟内部\n    en: x\n    gloss: true\n    not_within: [其他地区]\n' >> "$work/data/entities.yaml"
expect_bad "not_within word without the name" "$work/data/entities.yaml:$((n + 6)):18: not_within word \"其他地区\" contains no name of 'inner'"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: inner\n    type: Region\n    zh: 东盟内部\n    en: x\n    gloss: true\n    not_within: [在东盟内部外]\n' >> "$work/data/entities.yaml"
expect_bad "not_within word not in the text" "$work/data/entities.yaml:$((n + 6)):18: not_within word \"在东盟内部外\" of 'inner' does not occur in the text"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: bad\n    type: Country\n    zh: \xff\n    en: x\n' >> "$work/data/entities.yaml"
expect_bad "invalid UTF-8 in YAML" "$work/data/entities.yaml:$((n + 3)):9: YAML: invalid leading UTF-8 octet.*"

fresh_data
printf '\xfe' >> "$work/data/statement-2022-11-11.zh.txt"
n=$(lines "$work/data/statement-2022-11-11.zh.txt")
expect_bad "invalid UTF-8 in the text" "$work/data/statement-2022-11-11.zh.txt:$((n + 1)):1: invalid UTF-8"

fresh_data
n=$(lines "$work/data/entities.yaml")
printf '  - id: "bad id"\n    type: Country\n    zh: 中国人\n    en: x\n' >> "$work/data/entities.yaml"
expect_bad "character not allowed in an IRI" "$work/data/entities.yaml:$((n + 1)):9: id 'bad id' has a character not allowed in an IRI \\(U\\+0020\\).*"

fresh_data
printf 'sentinel\n' > "$work/keep.ttl"
"$aseankg" export -o "$work/keep.ttl" --base 'http://x/a b/' 2> "$work/stderr"
status=$?
check "a base IRI with a forbidden character is a usage error (exit 2), output untouched" \
  bash -c "[ $status -eq 2 ] && grep -q '^aseankg: --base must be an absolute IRI' '$work/stderr' && [ \"\$(cat '$work/keep.ttl')\" = sentinel ]"
"$aseankg" diff "$work/a.nt" "$work/a.nt" -o "$work/unused" 2> /dev/null
check "an option the command does not take is a usage error (exit 2)" bash -c "[ $? -eq 2 ] && [ ! -e '$work/unused' ]"

fresh_data
"$aseankg" export --data "$work/data" -o "$work/no/such/dir/graph.ttl" 2> "$work/stderr"
status=$?
check "unwritable output path: exit 1, clear message, nothing created" \
  bash -c "[ $status -eq 1 ] && grep -Eq '^aseankg: $work/no/such/dir/graph.ttl: cannot create output: No such file or directory\$' '$work/stderr' && [ ! -e '$work/no' ]"

"$aseankg" export -o /dev/full 2> "$work/stderr"
status=$?
check "a full device is a write error (exit 1)" bash -c "[ $status -eq 1 ] && grep -q '^aseankg: /dev/full: write error' '$work/stderr'"
"$aseankg" export -f ntriples -o /dev/null
check "writing to /dev/null leaves it a device" test -c /dev/null

# --- a corpus of several documents (bench/gen_corpus.py writes one in the real format) ---
python3 bench/gen_corpus.py 300 "$work/corpus" 3
"$aseankg" export --data "$work/corpus" -f nquads -o "$work/corpus.nq"
"$aseankg" export --data "$work/corpus" -f ntriples -o "$work/corpus.nt"
graph=https://example.org/aseankg/id/graph/1
id=https://example.org/aseankg/id
in_graph() { grep -c " <$1> \\.\$" "$work/corpus.nq"; }
check "corpus: each document's facts are in its own graph" \
  bash -c "[ \$(grep -c ' <$graph/statement-[012]> \\.\$' '$work/corpus.nq') -gt 0 ] && for d in 0 1 2; do grep -q '^<$id/doc/statement-'\$d'/clause-1> .* <$graph/statement-'\$d'> \\.\$' '$work/corpus.nq' || exit 1; done"
check "corpus: the shared entities are described in the register graph only" \
  bash -c "grep '^<$id/entity/e0> <http://www.w3.org/2000/01/rdf-schema#label>' '$work/corpus.nq' | grep -q ' <$graph> \\.\$' && ! grep '^<$id/entity/e0> <http://www.w3.org/2000/01/rdf-schema#label>' '$work/corpus.nq' | grep -qv ' <$graph> \\.\$'"
check "corpus: every quad is in the register graph or a document's graph" \
  test "$(( $(in_graph "$graph") + $(in_graph "$graph/statement-0") + $(in_graph "$graph/statement-1") + $(in_graph "$graph/statement-2") ))" -eq "$(wc -l < "$work/corpus.nq")"
check "corpus: a document that is a register entity has one identifier, its document id, and the entity's type" \
  bash -c "[ \$(grep -c '^<$id/doc/statement-0> <http://purl.org/dc/terms/identifier> ' '$work/corpus.nt') -eq 1 ] && grep -q '^<$id/doc/statement-0> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/aseankg/ontology#JointStatementDocument> \\.\$' '$work/corpus.nt' && ! grep -q '^<$id/doc/statement-0> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.org/aseankg/ontology#JointStatement> ' '$work/corpus.nt' && ! grep -q '<$id/entity/statement-0>' '$work/corpus.nt'"
check "corpus: a document recalling another links to that document's IRI" \
  grep -q "^<$id/entity/e0> <https://example.org/aseankg/ontology#recalls> <$id/doc/statement-0> <$graph/statement-1> \\.\$" "$work/corpus.nq"
check "corpus: N-Triples is the N-Quads without graph names" \
  cmp -s "$work/corpus.nt" <(sed -E 's/ <[^>]*> \.$/ ./' "$work/corpus.nq" | grep -v 'rdfs.org/ns/void#triples' | LC_ALL=C sort -u | cat - <(grep 'rdfs.org/ns/void#triples' "$work/corpus.nt") | LC_ALL=C sort)
"$aseankg" export --data "$work/corpus" -f html -o "$work/corpus.html"
shown=$(grep " <$graph/statement-0> \\.\$" "$work/corpus.nq" | grep -E 'rdf#taIdentRef> <|rdf-syntax-ns#(subject|object)> <' |
  awk '{ print $3 }' | sort -u | wc -l)
check "corpus: the page shows the first document's entities only (cards and list)" \
  bash -c "[ $shown -gt 0 ] && [ \$(grep -c 'class=\"card\"' '$work/corpus.html') -eq $shown ] && [ \$(grep -c '<li><a class=\"ent ' '$work/corpus.html') -eq $shown ] && [ $shown -lt \$(grep -c '^  - id: ' '$work/corpus/entities.yaml') ]"
check "corpus: the page says its counts are the whole corpus's" grep -q 'The graph of the corpus of 3 documents' "$work/corpus.html"
check "corpus: the card of an entity that is a document gives the document's IRI" \
  grep -q "<dt>IRI</dt><dd><code>$id/doc/statement-0</code>" "$work/corpus.html"
"$aseankg" export --data "$work/corpus" -f html --document statement-1 -o "$work/corpus-1.html"
shown=$(grep " <$graph/statement-1> \\.\$" "$work/corpus.nq" | grep -E 'rdf#taIdentRef> <|rdf-syntax-ns#(subject|object)> <' |
  awk '{ print $3 }' | sort -u | wc -l)
check "corpus: --document shows that document, its title and its entities" \
  bash -c "grep -q '<h1 lang=\"zh\">关于合成主题第1号的联合声明</h1>' '$work/corpus-1.html' && [ \$(grep -c 'class=\"card\"' '$work/corpus-1.html') -eq $shown ]"
"$aseankg" export --data "$work/corpus" -f dot --document statement-2 > "$work/corpus-2.dot"
check "corpus: --document draws that document" grep -q '"statement-2"' "$work/corpus-2.dot"
printf 'sentinel\n' > "$work/keep.html"
"$aseankg" export --data "$work/corpus" -f html --document nothing -o "$work/keep.html" 2> "$work/stderr"
check "corpus: an unknown --document is a usage error (exit 2), output untouched" \
  bash -c "[ $? -eq 2 ] && grep -qx \"aseankg: --document: no document 'nothing'\" '$work/stderr' && [ \"\$(cat '$work/keep.html')\" = sentinel ]"
"$aseankg" export --data "$work/corpus" -f turtle --document statement-1 > /dev/null 2>&1
check "corpus: --document with an RDF format is a usage error (exit 2)" test $? -eq 2

fresh_corpus() { rm -rf "$work/data" && cp -r "$work/corpus" "$work/data"; }
fresh_corpus
sed -i 's/relations: statement-2.relations.yaml/relations: statement-1.relations.yaml/' "$work/data/dataset.yaml"
line=$(grep -n 'relations: statement-1.relations.yaml' "$work/data/dataset.yaml" | tail -n 1 | cut -d: -f1)
expect_bad "corpus: two documents sharing a relations file" "$work/data/dataset.yaml:$line:16: 'statement-1.relations.yaml' is already the relations file of document 'statement-1'"
line=$(grep -n 'id: statement-2' "$work/data/dataset.yaml" | cut -d: -f1)
fresh_corpus
sed -i 's/^  - id: statement-2$/  - id: statement-0/' "$work/data/dataset.yaml"
expect_bad "corpus: duplicate document id" "$work/data/dataset.yaml:$line:9: duplicate document id 'statement-0' \\(first defined at line 7\\)"
fresh_corpus
sed -i 's/^    entity: statement-1$/    entity: nothing/' "$work/data/dataset.yaml"
line=$(grep -n 'entity: nothing' "$work/data/dataset.yaml" | cut -d: -f1)
expect_bad "corpus: a document standing for an undefined entity" "$work/data/dataset.yaml:$line:13: entity 'nothing' is not a defined entity id"
fresh_corpus
sed -i '0,/^    text: statement-0.zh.txt$/s//    type: Spaceship\n&/' "$work/data/dataset.yaml"
line=$(grep -n 'type: Spaceship' "$work/data/dataset.yaml" | cut -d: -f1)
expect_bad "corpus: a document key the format lacks" "$work/data/dataset.yaml:$line:5: unknown key 'type'"
fresh_corpus
long=$(printf 'a%.0s' $(seq 129))
sed -i "s/^  - id: statement-0\$/  - id: $long/" "$work/data/dataset.yaml"
line=$(grep -n "id: $long" "$work/data/dataset.yaml" | cut -d: -f1)
expect_bad "corpus: an id too long for an IRI" "$work/data/dataset.yaml:$line:9: document id 'a{40}…' is longer than 128 bytes"
fresh_corpus
printf '  - subject: e0\n    predicate: supports\n    object: e0\n    segment: clause-9\n    evidence: x\n' >> "$work/data/statement-1.relations.yaml"
n=$(lines "$work/data/statement-1.relations.yaml")
expect_bad "corpus: a segment the document does not have" "$work/data/statement-1.relations.yaml:$((n - 1)):14: no segment 'clause-9' .*"

# Progress: on a terminal (script(1) gives one) and for a large export only.
python3 bench/gen_corpus.py 8000 "$work/large"
script -qec "'$aseankg' export --data '$work/large' -f ntriples -o '$work/large.nt'" /dev/null > "$work/tty.out"
check "progress: a large export on a terminal reports its phases, then clears the line" \
  bash -c "grep -q 'aseankg: building the graph of 80 documents' '$work/tty.out' && grep -q 'aseankg: writing [0-9]* statements' '$work/tty.out' && [ \"\$(tail -c 4 '$work/tty.out' | od -An -c | tr -d ' ')\" = '\\r033[K' ]"
"$aseankg" export --data "$work/large" -f ntriples -o "$work/large2.nt" 2> "$work/stderr"
check "progress: nothing when stderr is not a terminal" test ! -s "$work/stderr"
script -qec "'$aseankg' export -f ntriples -o '$work/small.nt'" /dev/null > "$work/tty.out"
check "progress: nothing for the statement, even on a terminal" test ! -s "$work/tty.out"
script -qec "'$aseankg' check --data '$work/large'" /dev/null > "$work/tty.out"
check "progress: none for check, whose counts go to the terminal" bash -c "head -c 9 '$work/tty.out' | grep -qx 'segments '"
script -qec "'$aseankg' export --data '$work/large' -f ntriples" /dev/null 2> /dev/null | head -c 8 > "$work/tty.out"
check "progress: none when the RDF itself goes to the terminal" bash -c "[ \"\$(cat '$work/tty.out')\" = '<https:/' ]"

# --- diff, patch, canon ---------------------------------------------------------
rapper -q -i ntriples -o turtle "$work/a.nt" > "$work/rapper.ttl" 2>/dev/null
"$aseankg" diff "$work/a.nt" "$work/rapper.ttl" > "$work/d.out" 2> "$work/d.err"
check "diff: the export against raptor's Turtle of it is no change (exit 0)" \
  bash -c "[ $? -eq 0 ] && [ ! -s '$work/d.out' ] && grep -q '^0 removed, 0 added$' '$work/d.err'"
sed 's/"全球发展倡议"@zh/"全球发展倡议（改）"@zh/' "$work/a.nt" > "$work/edited.nt"
"$aseankg" diff "$work/a.nt" "$work/edited.nt" > "$work/d.out" 2> "$work/d.err"
status=$?
check "diff: one edited label is one removal and one addition (exit 1)" \
  bash -c "[ $status -eq 1 ] && [ \$(wc -l < '$work/d.out') -eq 4 ] && grep -q '^2 removed, 2 added$' '$work/d.err'"
"$aseankg" diff -f rdf-patch "$work/a.nt" "$work/edited.nt" > "$work/edit.rdfp"
"$aseankg" patch "$work/a.nt" "$work/edit.rdfp" -o "$work/patched.nt"
check "patch: OLD + diff rebuilds NEW byte for byte" cmp -s "$work/patched.nt" <(LC_ALL=C sort "$work/edited.nt")
"$aseankg" diff -f sparql-update "$work/a.nt" "$work/edited.nt" > "$work/edit.ru"
check "diff: sparql-update uses DELETE DATA / INSERT DATA for ground triples" \
  bash -c "grep -q '^DELETE DATA {' '$work/edit.ru' && grep -q '^INSERT DATA {' '$work/edit.ru'"
cat "$work/a.nt" | "$aseankg" diff -i ntriples - "$work/a.nt" > /dev/null 2>&1
check "diff: '-' reads standard input" test $? -eq 0
tr '\n' '\r' < "$work/a.nt" > "$work/cr.nt"
"$aseankg" diff "$work/a.nt" "$work/cr.nt" > "$work/d.out" 2> "$work/d.err"
check "diff: lines ended by CR alone (allowed in N-Triples) read as the same graph" \
  bash -c "[ $? -eq 0 ] && grep -q '^0 removed, 0 added$' '$work/d.err' && [ \$(tr -cd '\n' < '$work/cr.nt' | wc -c) -eq 0 ]"
printf '<http://a> <http://b> "unterminated .\n' > "$work/bad.nt"
"$aseankg" diff "$work/a.nt" "$work/bad.nt" > /dev/null 2> "$work/d.err"
status=$?
check "diff: malformed input is trouble (exit 2) with FILE:LINE:COL" \
  bash -c "[ $status -eq 2 ] && grep -q '^aseankg: $work/bad.nt:1:23: unterminated string$' '$work/d.err'"
printf 'sentinel\n' > "$work/keep.nt"
"$aseankg" patch "$work/a.nt" "$work/bad.nt" -o "$work/keep.nt" 2> "$work/d.err"
status=$?
check "patch: a bad patch exits 1 and leaves the output untouched" \
  bash -c "[ $status -eq 1 ] && [ \"\$(cat '$work/keep.nt')\" = sentinel ] && grep -q '^aseankg: $work/bad.nt:1:1: ' '$work/d.err'"
printf '_:x <http://p> _:y .\n_:y <http://p> _:x .\n<http://s> <http://p> _:x .\n' > "$work/cycle.nt"
printf '_:b <http://p> _:a .\n<http://s> <http://p> _:b .\n_:a <http://p> _:b .\n' > "$work/cycle2.nt"
"$aseankg" canon "$work/cycle.nt" > "$work/c1.nq" && "$aseankg" canon "$work/cycle2.nt" -o "$work/c2.nq"
check "canon: relabelled, reordered copies have the same canonical form" \
  bash -c "cmp -s '$work/c1.nq' '$work/c2.nq' && grep -q '_:c14n0' '$work/c1.nq'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
