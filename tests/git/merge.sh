#!/usr/bin/env bash
# aseankg merge as git's merge driver, set up with the exact lines the README gives (copied from it),
# in a scratch repository with real git; and a property test of the merge against set semantics.
#
#   bash tests/git/merge.sh ASEANKG SOURCE_DIR WORK_DIR
set -uo pipefail
aseankg=$(realpath "$1")
source_dir=$(realpath "$2")
work=$3
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
source "$here/../lib.sh"
rm -rf "$work" && mkdir -p "$work/bin" "$work/repo" || setup_failed "setup: cannot create $work"
ln -s "$aseankg" "$work/bin/aseankg"
export PATH="$work/bin:$PATH"
export GIT_CONFIG_NOSYSTEM=1 HOME="$work" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org \
  GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org

readme_block "$source_dir/README.md" gitattributes > "$work/gitattributes"
readme_block "$source_dir/README.md" git-config > "$work/git-config"
check "README: .gitattributes lines found" grep -q 'merge=rdf' "$work/gitattributes"
check "README: git config lines found" grep -q "merge.rdf.driver" "$work/git-config"

cd "$work/repo" || setup_failed "setup: cd"
git init -q -b main . || setup_failed "setup: git init"
cp "$work/gitattributes" .gitattributes
while IFS= read -r line; do
  [ -n "$line" ] && { eval "$line" || fail "README line fails: $line"; }
done < "$work/git-config"
check "git config holds the README's merge driver" test "$(git config merge.rdf.driver)" = 'aseankg merge -o %A %O %A %B'

cat > data.ttl <<'TTL'
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

ex:asean rdfs:label "ASEAN" ; ex:member ex:brunei , ex:cambodia ; ex:office [ ex:city "Jakarta" ; ex:since 1976 ] .
ex:china rdfs:label "China" ; ex:capital "Beijing" .
ex:brunei rdfs:label "Brunei" .
ex:cambodia rdfs:label "Cambodia" .
TTL
aseankg fmt --in-place data.ttl
git add -A && git commit -qm base

# Two branches editing different entities (one of them inside a blank node): a clean merge.
git checkout -qb left
sed -i 's/"Brunei"/"Brunei Darussalam"/' data.ttl
git commit -qam "left: Brunei's full name"
git checkout -q main
git checkout -qb right
sed -i 's/"Jakarta"/"Jakarta Pusat"/; s/"Beijing"/"Beijing (Peking)"/' data.ttl
git commit -qam "right: the office's city and China's capital"
git checkout -q left
git merge -q --no-edit right > "$work/merge-clean.log" 2>&1
check "git merge of edits to different entities succeeds" test $? = 0
cat > "$work/expected.ttl" <<'TTL'
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:asean rdfs:label "ASEAN" ; ex:member ex:brunei , ex:cambodia ; ex:office [ ex:city "Jakarta Pusat" ; ex:since 1976 ] .
ex:china rdfs:label "China" ; ex:capital "Beijing (Peking)" .
ex:brunei rdfs:label "Brunei Darussalam" .
ex:cambodia rdfs:label "Cambodia" .
TTL
aseankg canon -o "$work/expected.nq" "$work/expected.ttl"
aseankg canon -o "$work/merged.nq" data.ttl
check "the merged file is isomorphic to the expected graph" cmp -s "$work/expected.nq" "$work/merged.nq"
aseankg fmt -o "$work/merged-fmt.ttl" data.ttl
check "the merged file is written by fmt (the driver ran)" cmp -s data.ttl "$work/merged-fmt.ttl"
check "no conflict markers in a clean merge" not grep -q '^<<<<<<<' data.ttl

# Two branches changing the same label: a conflict with git's markers, the merge stops.
git checkout -q main
git checkout -qb one
sed -i 's/"China"/"People'"'"'s Republic of China"/' data.ttl
git commit -qam "one: China's official name"
git checkout -q main
git checkout -qb two
sed -i 's/"China"/"PRC"/' data.ttl
git commit -qam "two: China's short name"
git merge -q --no-edit one > "$work/merge-conflict.log" 2>&1
check "git merge of the same label changed twice stops with a conflict" test $? != 0
check "the conflict has git's markers around both values" \
  bash -c 'grep -q "^<<<<<<< ours" data.ttl && grep -q "^ex:china rdfs:label \"PRC\" \.$" data.ttl &&
           grep -q "^=======$" data.ttl && grep -q "^ex:china rdfs:label \"People'"'"'s Republic of China\" \.$" data.ttl &&
           grep -q "^>>>>>>> theirs" data.ttl'
check "git lists the file as unmerged" bash -c 'git status --porcelain | grep -q "^UU data.ttl"'
git show :1:data.ttl > "$work/base.ttl"
git show :2:data.ttl > "$work/ours.ttl"
git show :3:data.ttl > "$work/theirs.ttl"
aseankg merge -o "$work/direct.ttl" "$work/base.ttl" "$work/ours.ttl" "$work/theirs.ttl" 2>/dev/null
check "aseankg merge of the same conflict exits 1" test $? = 1
# Resolving by keeping our line gives a graph that parses.
sed -e '/^<<<<<<< /d' -e '/^=======$/,/^>>>>>>> /d' data.ttl > "$work/resolved.ttl"
check "keeping one side's lines resolves to valid Turtle" rapper -q -i turtle -c "$work/resolved.ttl"
git merge --abort

# Trouble: a syntax error in one side exits 2 and leaves the output untouched.
printf 'not turtle at all' > "$work/bad.ttl"
cp "$work/ours.ttl" "$work/untouched.ttl"
aseankg merge -o "$work/untouched.ttl" "$work/base.ttl" "$work/untouched.ttl" "$work/bad.ttl" 2>"$work/bad.err"
check "a side that does not parse: exit 2" test $? = 2
check "a side that does not parse: FILE:LINE:COL message" grep -q "bad.ttl:1:[0-9]*: " "$work/bad.err"
check "a side that does not parse: output untouched" cmp -s "$work/untouched.ttl" "$work/ours.ttl"

# Property: random edits with blank nodes on both sides (relabelled, shuffled) merge to set semantics.
for seed in $(seq 1 12); do
  d="$work/prop-$seed"
  mkdir -p "$d"
  python3 "$here/gen_merge.py" "$seed" "$d/base.nt" "$d/ours.nt" "$d/theirs.nt" "$d/expected.nt" ||
    setup_failed "setup: generator"
  aseankg merge -o "$d/merged.nt" "$d/base.nt" "$d/ours.nt" "$d/theirs.nt" 2>"$d/err"
  status=$?
  aseankg canon -o "$d/expected.nq" "$d/expected.nt"
  aseankg canon -i ntriples -o "$d/merged.nq" "$d/merged.nt" 2>>"$d/err"
  check "property $seed: clean merge (exit $status) equals base - removed + added" \
    bash -c "[ $status = 0 ] && cmp -s '$d/expected.nq' '$d/merged.nq'"
done
finish
