#!/usr/bin/env bash
# `aseankg diff --git` as git's external diff driver, set up with the README's exact lines (copied from it),
# with real git in a temporary repository: a reordered/relabelled commit shows nothing, a one-triple
# edit one change, added and deleted files, and the README's `git log -p --ext-diff` / `git show
# --ext-diff` lines (git runs an external diff driver for log and show only with --ext-diff: git-log(1)).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
aseankg=$1

readme="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/README.md"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
export HOME="$work" GIT_CONFIG_NOSYSTEM=1 GIT_PAGER=cat PAGER=cat
# The set-up users write, copied from the README ("Graphs in git"); this build's binary is the
# `aseankg` on the PATH.
mkdir -p "$work/bin" && ln -s "$(realpath "$aseankg")" "$work/bin/aseankg" || setup_failed "setup: bin"
export PATH="$work/bin:$PATH"
readme_block "$readme" gitattributes > "$work/gitattributes"
readme_block "$readme" git-config > "$work/git-config"
readme_block "$readme" git-log > "$work/git-log"
check "README: the diff driver's .gitattributes line" grep -qx '\*\.ttl diff=rdf merge=rdf' "$work/gitattributes"
check "README: the diff driver's git config line" grep -q '^git config diff.rdf.command ' "$work/git-config"
check "README: the git log line" grep -qx 'git log -p --ext-diff' "$work/git-log"
mkdir -p "$repo" && cd "$repo" || setup_failed "setup: cannot make the repository"
git init -q -b main . || setup_failed "setup: git init"
git config user.name test && git config user.email test@example.org
cp "$work/gitattributes" .gitattributes
while IFS= read -r line; do
  [ -n "$line" ] && { eval "$line" || fail "README line fails: $line"; }
done < "$work/git-config"

cat > graph.ttl <<'EOF'
@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:asean a ex:Organization ; rdfs:label "ASEAN"@en ; ex:member ex:brunei, ex:cambodia .
ex:china a ex:Country ; rdfs:label "China"@en .
ex:statement ex:party [ ex:name "China" ; ex:role [ ex:kind "signatory" ] ] ,
                      [ ex:name "ASEAN" ; ex:role [ ex:kind "signatory" ] ] .
EOF
git add .gitattributes graph.ttl && git commit -q -m one || setup_failed "setup: first commit"

# The same graph: statements reordered, blank nodes written with labels, prefixes renamed.
cat > graph.ttl <<'EOF'
PREFIX e: <http://example.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
_:r2 e:kind "signatory" .
_:p2 e:role _:r2 ; e:name "ASEAN" .
e:china rdfs:label "China"@en ; a e:Country .
e:statement e:party _:p2, _:p1 .
_:p1 e:name "China" ; e:role _:r1 .
_:r1 e:kind "signatory" .
e:asean e:member e:cambodia, e:brunei ; rdfs:label "ASEAN"@en ; a e:Organization .
EOF
git commit -q -am reordered || setup_failed "setup: second commit"
git diff HEAD~1 HEAD > "$work/reordered.out" 2> "$work/reordered.err"
check "a reordered, relabelled file: git diff exits 0" test $? -eq 0
check "a reordered, relabelled file: git diff shows nothing" test ! -s "$work/reordered.out"
check "... though git's own line diff sees changes" test -n "$(git diff --no-ext-diff HEAD~1 HEAD)"
git log -p --ext-diff -1 --format=%s > "$work/log.out"
check "git log -p of that commit: only its subject" test "$(cat "$work/log.out")" = reordered

# One triple edited (a value inside a blank node), one added.
sed -i 's/_:r1 e:kind "signatory" ./_:r1 e:kind "observer" ./' graph.ttl
git diff > "$work/edit.out"
check "one edited triple: git diff exits 0" test $? -eq 0
check "one edited triple: the file header and one line out, one line in" \
  test "$(grep -c '' "$work/edit.out")" -eq 3
check "one edited triple: the header names the file" grep -qx 'rdf diff a/graph.ttl b/graph.ttl' "$work/edit.out"
check "one edited triple: the old value" grep -qx -- '- _:r1 <http://example.org/kind> "signatory" .' "$work/edit.out"
check "one edited triple: the new value" grep -qx -- '+ _:r1 <http://example.org/kind> "observer" .' "$work/edit.out"
git commit -q -am edit || setup_failed "setup: edit commit"
echo 'e:china e:member e:statement .' >> graph.ttl
git commit -q -am added || setup_failed "setup: added commit"
git log -p --ext-diff -1 --format=%s > "$work/added.out"
# The README's lines for the history, as they are: every commit so far.
git_log=$(sed -n 1p "$work/git-log")
git_show=$(sed -n 2p "$work/git-log")
eval "$git_log" > "$work/history.out"
check "README's git log: no line diff of git's own for the graph" not grep -q '^diff --git a/graph.ttl' "$work/history.out"
check "README's git log: the reordered commit shows no change" test "$(awk '
  /^commit / { in_it = 0 } /^    reordered$/ { in_it = 1 } in_it && /^rdf diff/ { n++ } END { print n + 0 }' \
  "$work/history.out")" -eq 0
check "README's git log: four commits, three with graph changes" \
  test "$(grep -c '^commit ' "$work/history.out") $(grep -c '^rdf diff a/graph.ttl' "$work/history.out")" = "4 3"
eval "$git_show" > "$work/show.out"
check "README's git show: the added triple, one line" test "$(grep -c '^[-+] ' "$work/show.out")" -eq 1
check "git log -p of a one-triple addition: subject, git's blank line, header, one line" \
  test "$(grep -c "" "$work/added.out")" -eq 4
check "git log -p of a one-triple addition: the added triple" \
  grep -qx -- '+ <http://example.org/china> <http://example.org/member> <http://example.org/statement> .' "$work/added.out"

# Added and deleted files: git passes /dev/null for the missing side.
printf '<http://example.org/a> <http://example.org/b> "c" .\n' > new.nt
git add new.nt && git commit -q -m new-file
git show --ext-diff --format= HEAD > "$work/new-file.out"
check "an added file: every triple added" \
  test "$(cat "$work/new-file.out")" = "$(printf 'rdf diff a/new.nt b/new.nt\n+ <http://example.org/a> <http://example.org/b> "c" .')"
git rm -q new.nt && git commit -q -m deleted
git show --ext-diff --format= HEAD > "$work/deleted.out"
check "a deleted file: every triple removed" grep -qx -- '- <http://example.org/a> <http://example.org/b> "c" .' "$work/deleted.out"

# The readable format through git: grouped by subject, labelled, prefixed.
git -c diff.rdf.command="$aseankg diff --git -f pretty" show --ext-diff --format= HEAD~2 > "$work/pretty.out"
check "-f pretty through git: subject with its label, prefixed as the file does" grep -qx 'e:china  # "China"@en' "$work/pretty.out"
check "-f pretty through git: the added value" grep -qx '  e:member  + e:statement' "$work/pretty.out"

# Colour follows git's pager (GIT_PAGER_IN_USE) with --color=auto, never in a plain pipe.
GIT_PAGER_IN_USE=true "$aseankg" diff --git graph.ttl <(git show HEAD~4:graph.ttl) x 100644 graph.ttl y 100644 \
  > "$work/color.out"
check "--color=auto under git's pager: coloured" grep -q $'\033\\[3[12]m' "$work/color.out"
git diff HEAD~5 HEAD~4 > "$work/plain.out"
check "--color=auto into a pipe: no colour" not grep -q $'\033' "$work/plain.out"

# A rename (git's default rename detection) passes nine arguments: the new path and a note follow.
printf '<http://example.org/a> <http://example.org/b> "c" .\n<http://example.org/a> <http://example.org/b> "d" .\n' > old-name.nt
git add old-name.nt && git commit -q -m before-rename
git mv old-name.nt new-name.nt
printf '<http://example.org/a> <http://example.org/b> "e" .\n' >> new-name.nt
git add new-name.nt
git diff --cached -M > "$work/rename.out" 2> "$work/rename.err"
check "a renamed, edited file: git diff exits 0" test $? -eq 0
check "a renamed, edited file: the header names both paths" grep -qx 'rdf diff a/old-name.nt b/new-name.nt' "$work/rename.out"
check "a renamed, edited file: only the added triple" \
  test "$(grep '^[-+] ' "$work/rename.out")" = '+ <http://example.org/a> <http://example.org/b> "e" .'
git commit -q -m renamed

# Trouble is a non-zero exit git reports; a bad file is named with its line.
printf 'ex:broken ex:p .\n' > broken.ttl
git add broken.ttl
git diff --cached > "$work/broken.out" 2> "$work/broken.err"
check "a file that does not parse: git diff fails" test $? -ne 0
check "a file that does not parse: aseankg says where" grep -q '^aseankg: .*:1:' "$work/broken.err"
"$aseankg" diff --git graph.ttl graph.ttl > /dev/null 2> "$work/args.err"
check "--git with too few arguments: usage error (exit 2)" test $? -eq 2

finish
