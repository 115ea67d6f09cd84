#!/usr/bin/env bash
# The curation against the real export: every relation's ends are mentioned in the segment that states
# it, every evidence contains its object, and docs/curation.md's counts are the export's (check.py).
# It also shows the check can fail: a relation whose object the segment does not name is caught.
# usage: run.sh ASEANKG SOURCE_DIR
set -euo pipefail
aseankg=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"

"$aseankg" export -f ntriples -o "$work/graph.nt"
"$aseankg" check > "$work/counts.txt"
python3 "$src/tests/curation/check.py" "$work/graph.nt" "$work/counts.txt" "$src/docs/curation.md"

# One-character names (中 for China, 新 for Singapore) name them only in 中新（重庆）: each has exactly one
# mention, in clause-5, and the words where 中 and 新 mean something else are not mentions.
one_char_mentions() { # ENTITY CHARACTER: the spans of ENTITY whose text is CHARACTER
  local its='http://www.w3.org/2005/11/its/rdf#taIdentRef' nif='http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf'
  grep -F "> <$its> <https://example.org/aseankg/id/entity/$1> ." "$work/graph.nt" | cut -d' ' -f1 | sort > "$work/spans"
  grep -F "> <$nif> \"$2\" ." "$work/graph.nt" | cut -d' ' -f1 | sort | comm -12 - "$work/spans"
}
for pair in "china 中" "singapore 新"; do
  read -r entity character <<< "$pair"
  found=$(one_char_mentions "$entity" "$character")
  if [ "$(printf '%s\n' "$found" | grep -c '/clause-5#char=')" -ne 1 ] || [ "$(printf '%s\n' "$found" | grep -c .)" -ne 1 ]; then
    echo "FAIL: $entity is not mentioned as $character exactly once, in clause-5: $found" >&2
    exit 1
  fi
done

# A copy of the data with one relation whose object clause-9 does not name: the check must fail.
cp -r data "$work/data"
cat >> "$work/data/relations.yaml" <<'YAML'
  - subject: china-and-asean-member-states
    predicate: supports
    object: united-nations
    segment: clause-9
    evidence: 支持全面有效落实
YAML
"$aseankg" export --data "$work/data" -f ntriples -o "$work/bad.nt"
if python3 "$src/tests/curation/check.py" "$work/bad.nt" "$work/counts.txt" "$src/docs/curation.md" \
    > "$work/bad.out"; then
  echo "FAIL: an unnamed object in clause-9 was not caught" >&2
  exit 1
fi
grep -q 'clause-9--china-and-asean-member-states--supports--united-nations: the object united-nations is not mentioned in clause-9' \
  "$work/bad.out" || { cat "$work/bad.out" >&2; exit 1; }
echo "PASS: the curation checks hold, and catch an unnamed object"
