#!/usr/bin/env bash
# aseankg fmt against real parsers: every positive evaluation test of the W3C Turtle and TriG suites
# (driven from their manifests) and generated graphs with blank nodes and lists. For each input:
# fmt's output parses with raptor (rapper) and with serd (serdi) to a dataset isomorphic to raptor's
# reading of the input (compared as RDFC-1.0 canonical N-Quads), and fmt of fmt's output is
# byte-identical. Known failures (with reasons) are listed in known-failures.txt.
#
#   bash tests/fmt/run.sh ASEANKG W3C_DIR WORK_DIR
set -uo pipefail
aseankg=$(realpath "$1")
w3c=$(realpath "$2")
work=$3
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
rm -rf "$work" && mkdir -p "$work" || setup_failed "setup: cannot create $work"
known=$(grep -v '^#' "$here/known-failures.txt" | cut -d' ' -f1)

# canon FILE SYNTAX OUT: RDFC-1.0 canonical N-Quads of FILE as read by aseankg (FILE holds N-Quads).
canon() { "$aseankg" canon -i nquads "$1" -o "$2" 2>>"$work/errors"; }

# check_file NAME FILE SYNTAX(turtle|trig): the three properties above.
check_file() {
  local name=$1 file=$2 syntax=$3 ext=ttl
  [ "$syntax" = trig ] && ext=trig
  local d="$work/$name"
  mkdir -p "$d"
  if ! rapper -q -i "$syntax" -o nquads "$file" > "$d/reference.nq" 2>"$d/rapper.err"; then
    fail "$name: raptor cannot read the input"
    return
  fi
  canon "$d/reference.nq" "$d/reference.canon.nq" || { fail "$name: canon of the input"; return; }
  if ! "$aseankg" fmt -i "$syntax" -o "$d/out.$ext" "$file" 2>"$d/fmt.err"; then
    fail "$name: fmt failed: $(head -c 300 "$d/fmt.err")"
    return
  fi
  local ok=1
  if ! rapper -q -i "$syntax" -o nquads "$d/out.$ext" > "$d/rapper.nq" 2>>"$d/rapper.err" ||
    ! canon "$d/rapper.nq" "$d/rapper.canon.nq" || ! cmp -s "$d/reference.canon.nq" "$d/rapper.canon.nq"; then
    fail "$name: raptor's reading of fmt's output differs from the input"
    ok=0
  fi
  if ! serdi -q -i "$syntax" -o nquads "$d/out.$ext" > "$d/serdi.nq" 2>"$d/serdi.err" ||
    ! canon "$d/serdi.nq" "$d/serdi.canon.nq" || ! cmp -s "$d/reference.canon.nq" "$d/serdi.canon.nq"; then
    fail "$name: serd's reading of fmt's output differs from the input"
    ok=0
  fi
  if ! "$aseankg" fmt -o "$d/again.$ext" "$d/out.$ext" 2>"$d/again.err" || ! cmp -s "$d/out.$ext" "$d/again.$ext"; then
    fail "$name: fmt of fmt's output is not byte-identical"
    ok=0
  fi
  [ "$ok" = 1 ] && pass "$name"
}

for suite in rdf-turtle:turtle rdf-trig:trig; do
  dir="$w3c/rdf-tests/rdf11/${suite%%:*}"
  syntax=${suite##*:}
  tests=$(rapper -q -i turtle -o ntriples "$dir/manifest.ttl" | python3 "$here/manifest_tests.py")
  [ -n "$tests" ] || setup_failed "setup: no tests in $dir/manifest.ttl"
  for t in $tests; do
    if grep -qx "$t" <<<"$known"; then
      echo "skip $t (known failure: $(grep "^$t " "$here/known-failures.txt" | cut -d' ' -f2-))"
      continue
    fi
    # A copy in a directory of its own: relative IRIs resolve the same way for every reader.
    mkdir -p "$work/input/$syntax"
    cp "$dir/$t" "$work/input/$syntax/$t"
    (cd "$work/input/$syntax" && check_file "$syntax/$t" "$t" "$syntax")
  done
done

# Generated graphs: blank-node trees, shared nodes, cycles, lists (well-formed and not), named graphs.
for seed in 1 2 3 4 5 6 7 8; do
  for kind in turtle trig; do
    ext=ttl
    [ "$kind" = trig ] && ext=trig
    python3 "$here/gen_graph.py" "$seed" "$kind" "$work/gen-$seed.$ext" "$work/gen-$seed-shuffled.$ext" "$work/gen-$seed-edited.$ext" ||
      setup_failed "setup: generator"
    check_file "generated/$seed.$ext" "$work/gen-$seed.$ext" "$kind"
    # The same dataset with blank nodes relabelled and statements shuffled: the same bytes.
    "$aseankg" fmt -o "$work/gen-$seed-from-nq.$ext" "$work/gen-$seed-shuffled.$ext" 2>>"$work/errors"
    check "generated/$seed.$ext: relabelled and shuffled copy formats to the same bytes" \
      cmp -s "$work/generated/$seed.$ext/out.$ext" "$work/gen-$seed-from-nq.$ext"
    # One literal changed: one line of output changes, no blank label moves.
    "$aseankg" fmt -o "$work/gen-$seed-edited-out.$ext" "$work/gen-$seed-edited.$ext" 2>>"$work/errors"
    changed=$(diff "$work/generated/$seed.$ext/out.$ext" "$work/gen-$seed-edited-out.$ext" | grep -c '^[<>]')
    check "generated/$seed.$ext: a one-triple edit changes one line (changed: $changed)" test "$changed" = 2
  done
done

# N-Triples output: sorted lines, isomorphic, stable under relabelling.
"$aseankg" fmt -f ntriples -o "$work/gen-1.nq" "$work/gen-1.trig" 2>>"$work/errors"
"$aseankg" fmt -f ntriples -o "$work/gen-1-shuffled-out.nq" "$work/gen-1-shuffled.trig" 2>>"$work/errors"
check "fmt -f ntriples: relabelled copy gives the same lines" cmp -s "$work/gen-1.nq" "$work/gen-1-shuffled-out.nq"
check "fmt -f ntriples: lines sorted" sort -C "$work/gen-1.nq"
canon "$work/gen-1.nq" "$work/gen-1.canon.nq"
check "fmt -f ntriples: isomorphic to the input" cmp -s "$work/gen-1.canon.nq" "$work/generated/1.trig/reference.canon.nq"

# Errors: a syntax error names the place; no output file is created; --in-place rewrites atomically.
printf '@prefix ex: <http://example.org/> .\nex:a ex:b .\n' > "$work/bad.ttl"
"$aseankg" fmt -o "$work/bad-out.ttl" "$work/bad.ttl" 2>"$work/bad.err"
check "bad input: exit 1" test $? = 1
check "bad input: FILE:LINE:COL message" grep -q "^aseankg: .*bad.ttl:2:[0-9]*: " "$work/bad.err"
check "bad input: no output file" test ! -e "$work/bad-out.ttl"
cp "$work/gen-2.ttl" "$work/inplace.ttl"
"$aseankg" fmt --in-place "$work/inplace.ttl"
check "--in-place: the file is rewritten as fmt writes it" cmp -s "$work/inplace.ttl" "$work/generated/2.ttl/out.ttl"
"$aseankg" fmt --in-place -o x "$work/inplace.ttl" 2>/dev/null
check "--in-place with -o: usage error" test $? = 2
finish
