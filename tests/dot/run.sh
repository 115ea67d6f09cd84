#!/usr/bin/env bash
# DOT tests: `aseankg export --format dot` rendered by Graphviz from Debian (dot -Tsvg, dot -Tpng):
# Chinese names as text, every relation drawn once (arrows and predicate boxes), the whole picture near a
# page's shape, --clause and --around keep exactly the right nodes, names escaped, errors.
#
#   bash tests/dot/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR
#
# Leaves the rendered pictures in WORK_DIR/dot (statement.svg, clause-9.png, ...) to look at.
# Prints "ok   ..." / "FAIL ..." per check and ends with "N passed, M failed".
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

if [ $# -ne 3 ]; then
  echo "usage: bash tests/dot/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR" >&2
  exit 2
fi
aseankg=$1
source_dir=$2
out=$3/dot
aseankg=$(absolute "$aseankg")
out=$(absolute "$out")


command -v dot > /dev/null 2>&1 || { fail "setup: dot is not installed (Debian package graphviz; scripts/build.sh installs it)"; finish; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/aseankg-dot.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" && rm -f "$out"/*.svg "$out"/*.png
cd "$source_dir" || exit 1

# render NAME DOT: SVG and PNG into $out; both must succeed without a word on stderr.
render() {
  local name=$1 file=$2 started
  started=$(date +%s%N)
  if dot -Tsvg -o "$out/$name.svg" "$file" 2> "$tmp/dot.err" && dot -Tpng -o "$out/$name.png" "$file" 2>> "$tmp/dot.err" &&
     [ ! -s "$tmp/dot.err" ]; then
    pass "dot -Tsvg and -Tpng render $name ($(( ($(date +%s%N) - started) / 1000000 )) ms)"
  else
    sed 's/^/# /' "$tmp/dot.err" | head -n 5
    fail "dot -Tsvg and -Tpng render $name"
  fi
}
# The entity nodes of a rendered SVG, one id per line, sorted (legend and literal nodes left out).
nodes() {
  grep -A1 'class="node"' "$out/$1.svg" | sed -n 's|^<title>\(.*\)</title>$|\1|p' | sed 's/&#45;/-/g' |
    grep -v -e '^legend:' -e '^value:' | LC_ALL=C sort
}
# The entities the data relates in segment $1, or around entity $2 (from data/relations.yaml).
expected() {
  awk -v seg="$1" -v id="$2" '
    /^  - subject:/ { s = $3; o = "" }
    /^    object:/ { o = $2 }
    /^    segment:/ { if ((seg != "" && $2 == seg) || (id != "" && (s == id || o == id))) { print s; if (o != "") print o } }
  ' data/relations.yaml | LC_ALL=C sort -u
}

# --- the whole graph --------------------------------------------------------------------------------
"$aseankg" export --format dot -o "$tmp/a.dot" && "$aseankg" export -f dot > "$tmp/b.dot"
check "dot export is byte-stable (file and stdout)" cmp -s "$tmp/a.dot" "$tmp/b.dot"
render statement "$tmp/a.dot"
entities=$("$aseankg" check | sed -n 's/^entities *//p')
check "the whole graph draws every entity ($entities)" test "$(nodes statement | wc -l)" -eq "$entities"
check "the SVG writes Chinese names as text (全球发展倡议)" grep -q '>全球发展倡议</text>' "$out/statement.svg"
check "the SVG has the legend" grep -q '>states, groups and organisations</text>' "$out/statement.svg"
check "a relation is a labelled edge" \
  grep -q '^  "china" -> "global-development-initiative" \[label="proposed", tooltip="proposed, stated in preamble-8"\];$' "$tmp/a.dot"
check "a literal value is a node of its own" grep -q '^  "summit-25" -> "value:[0-9]*" \[label="heldOn"' "$tmp/a.dot"

# The hub's ~120 relations are boxes by predicate, one arrow each; check.py reads the DOT back and matches
# every relation of data/relations.yaml to exactly one arrow or box membership.
python3 tests/dot/check.py relations "$tmp/a.dot" data/relations.yaml > "$tmp/check.out"
status=$?
sed 's/^/# /' "$tmp/check.out" | head -n 12
check "every relation is drawn exactly once: a labelled arrow, or an entity in a box labelled with the predicate" \
  test $status -eq 0
check "the parties' relations are boxed by predicate, one arrow per box" \
  bash -c "grep -q '^    label=\"cooperatesOn\"; labeljust=l;' '$tmp/a.dot' &&
    test \$(grep -c '^  \"china-and-asean-member-states\" -> .*lhead=cluster_' '$tmp/a.dot') -ge 10"
# The check can fail: delete one entity's line from its box (its relation is then drawn nowhere).
awk '!done && /^    "[a-z0-9-]*" \[label=/ && box { sub(/^  /, ""); print > "/dev/stderr"; done = 1; next }
     /^  subgraph cluster_[0-9]/ { box = 1 } { print }' "$tmp/a.dot" > "$tmp/lost.dot" 2> "$tmp/lost.node"
check "the check catches a relation drawn nowhere" \
  bash -c "test -s '$tmp/lost.node' && ! python3 tests/dot/check.py relations '$tmp/lost.dot' data/relations.yaml > /dev/null"
# Legible at 100%: Graphviz draws at 96 dpi and the DOT sets no size, ratio or dpi to shrink it, so a
# 9-point label is 12 px. Near a page: A4 is 1:1.41 either way; the long side may be at most 1.6 times the
# short one (the one-column picture this replaced was 2461 x 8498, 1:3.45).
check "the whole graph is not scaled down (no size, ratio or dpi)" \
  bash -c "! grep -Eq '(^|[ ,\[])(size|ratio|dpi)=' '$tmp/a.dot'"
read -r width height < <(python3 tests/dot/check.py size "$out/statement.png")
check "the whole-graph PNG is near a page's shape: ${width} x ${height} px, long side <= 1.6 x short side" \
  bash -c "[ \$(( ${width:-0} * 10 )) -le \$(( ${height:-0} * 16 )) ] && [ \$(( ${height:-0} * 10 )) -le \$(( ${width:-1} * 16 )) ]"
check "the README's copy, docs/statement.png, is a palette PNG (pngquant 32) under 1.5 MB" \
  python3 -c "import sys; d = open('docs/statement.png', 'rb').read(); sys.exit(not (d[25] == 3 and len(d) < 1500000))"
check "a font with Chinese glyphs is installed (fonts-noto-cjk), so the PNG shows glyphs" \
  bash -c "fc-list :lang=zh family | grep -q 'Noto Sans CJK'"

# --- one clause, one neighbourhood ------------------------------------------------------------------
"$aseankg" export -f dot --clause 9 -o "$tmp/clause-9.dot"
render clause-9 "$tmp/clause-9.dot"
check "--clause 9 draws exactly the entities of clause-9's relations ($(expected clause-9 "" | wc -l))" \
  cmp -s <(nodes clause-9) <(expected clause-9 "")
check "--clause 9 is --clause clause-9" cmp -s "$tmp/clause-9.dot" <("$aseankg" export -f dot --clause clause-9)
"$aseankg" export -f dot --clause preamble-8 -o "$tmp/preamble-8.dot"
render preamble-8 "$tmp/preamble-8.dot"
check "--clause preamble-8 draws exactly the entities of preamble-8's relations" \
  cmp -s <(nodes preamble-8) <(expected preamble-8 "")
"$aseankg" export -f dot --around global-development-initiative -o "$tmp/around.dot"
render around-global-development-initiative "$tmp/around.dot"
check "--around global-development-initiative draws it and its neighbours ($(expected "" global-development-initiative | wc -l))" \
  cmp -s <(nodes around-global-development-initiative) <(expected "" global-development-initiative)
check "--around marks the entity it is drawn around" \
  grep -q '^  "global-development-initiative" \[.*penwidth=3' "$tmp/around.dot"
"$aseankg" export -f dot --around china-and-asean-member-states -o "$tmp/around-parties.dot"
render around-parties "$tmp/around-parties.dot"
check "--around the parties boxes their relations and draws each exactly once" \
  bash -c "grep -q 'lhead=cluster_' '$tmp/around-parties.dot' &&
    python3 tests/dot/check.py relations '$tmp/around-parties.dot' data/relations.yaml china-and-asean-member-states > /dev/null"
check "a picture of part of the graph does not pass as the whole" \
  bash -c "! python3 tests/dot/check.py relations '$tmp/around-parties.dot' data/relations.yaml > /dev/null"
"$aseankg" export -f dot --clause 9 --around china-and-asean-member-states > "$tmp/both.dot"
# (constraint=false is a layout hint that depends on the arrows drawn, so it may differ between the views)
arrows() { grep -- '->' "$1" | sed 's/, constraint=false\]/]/'; }
check "--clause and --around together keep the relations meeting both" \
  cmp -s <(arrows "$tmp/both.dot") <(arrows "$tmp/clause-9.dot" | grep '"china-and-asean-member-states"')
check "an arrow into an entity with more arrows out than in does not rank it (the region's)" \
  grep -q '^  "provision-of-development-resources" -> "the-region" \[label="destination", .*, constraint=false\];$' "$tmp/a.dot"

# --- names with quotes, backslashes and line breaks ---------------------------------------------------
cp -r data "$tmp/data"
sed -i 's|^    en: "\?Global Development Initiative"\?$|    en: "A \\"quoted\\" \\\\ name\\\\N and\\nnext line"|' "$tmp/data/entities.yaml"
check "setup: the copy changes one name" test "$(diff data/entities.yaml "$tmp/data/entities.yaml" | grep -c '^>')" -eq 1
"$aseankg" export -f dot --data "$tmp/data" --around global-development-initiative -o "$tmp/quoted.dot"
check "quotes, backslashes and line breaks are escaped in DOT" \
  grep -qF '"global-development-initiative" [label="全球发展倡议\nA \"quoted\" \\ name\\N and\nnext line"' "$tmp/quoted.dot"
render quoted "$tmp/quoted.dot"
check "Graphviz reads the escaped name back as written" \
  bash -c "grep -qF '>A &quot;quoted&quot; \\ name\\N and</text>' '$out/quoted.svg' && grep -qF '>next line</text>' '$out/quoted.svg'"

# --- errors: exit 2 for an option that names nothing, and the output untouched -------------------------
usage_error() { # NAME EXPECTED-STDERR OPTIONS...
  local name=$1 message=$2; shift 2
  printf 'sentinel\n' > "$tmp/keep.dot"
  "$aseankg" export -f dot -o "$tmp/keep.dot" "$@" 2> "$tmp/stderr"
  local status=$?
  if [ $status -eq 2 ] && [ "$(cat "$tmp/stderr")" = "$message" ] && [ "$(cat "$tmp/keep.dot")" = sentinel ]; then
    pass "$name"
  else
    fail "$name (exit $status: $(cat "$tmp/stderr"))"
  fi
}
usage_error "--around with an unknown id: exit 2, output untouched" \
  "aseankg: --around: no entity 'nosuch'" --around nosuch
usage_error "--clause with an unknown segment: exit 2, output untouched" \
  "aseankg: --clause: no segment '99' (the text has clause-1 … clause-14, preamble-1 … preamble-13, title, header-1 … header-3)" \
  --clause 99
"$aseankg" export -f turtle --around china > /dev/null 2> "$tmp/stderr"
status=$?
check "--around with --format turtle is a usage error (exit 2)" \
  bash -c "[ $status -eq 2 ] && grep -q '^aseankg: --around applies to export --format dot only$' '$tmp/stderr'"
"$aseankg" export -f dot --clause > /dev/null 2> "$tmp/stderr"
check "--clause without a value is a usage error (exit 2)" test $? -eq 2
printf '  - id: ghost\n    type: Country\n    zh: 不存在的名字\n    en: x\n' >> "$tmp/data/entities.yaml"
"$aseankg" export -f dot --data "$tmp/data" > /dev/null 2> "$tmp/stderr"
status=$?
check "bad data: exit 1 with the export's message" \
  bash -c "[ $status -eq 1 ] && grep -q 'name \"不存在的名字\" does not occur in the text$' '$tmp/stderr'"

finish
