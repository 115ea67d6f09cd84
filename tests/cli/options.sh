#!/usr/bin/env bash
# The one spec of commands and options (src/cli/spec.c) against what users meet: each command's
# --help, the manual's synopsis, the bash completion, and the parser's conventions (--, -oFILE, --x=y).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
aseankg=$(absolute "$1")
build_dir=$(absolute "$2")
source_dir=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$source_dir" || exit 1

commands=$("$aseankg" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
check "--help lists the commands" test -n "$commands"
for command in $commands; do
  "$aseankg" "$command" --help > "$work/help" 2> "$work/err"
  check "$command --help exits 0, to standard output only" bash -c "[ $? -eq 0 ] && [ -s '$work/help' ] && [ ! -s '$work/err' ]"
  # The option column only: "  -f, --format FORMAT  help" or "      --base IRI  help".
  sed -nE 's/^  (-[a-zA-Z], |    )(--[a-z][a-z-]*).*/\2/p' "$work/help" | grep -vx -- '--help' | sort -u > "$work/help-options"
  # The manual's synopsis line of the command, as the generator wrote it.
  sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$build_dir/aseankg.1" | sed -n "/^\.B aseankg $command\$/,/^\.br\$/p" | grep -oE -- '\\-\\-[a-z]([a-z]|\\-)*' \
    | sed 's/\\//g' | sort -u > "$work/man-options"
  check "$command: --help and the manual's synopsis name the same options" \
    bash -c "[ -s '$work/help-options' ] && cmp -s '$work/help-options' '$work/man-options'"
  bash -c "source '$build_dir/aseankg.bash'; COMP_WORDS=(aseankg $command --); COMP_CWORD=2; _aseankg; printf '%s\n' \"\${COMPREPLY[@]}\"" \
    | grep -vx -- '--help' | sort -u > "$work/completion-options"
  check "$command: --help and the completion offer the same options" cmp -s "$work/help-options" "$work/completion-options"
done

# The README's list of commands is the one --help prints (the block after its "<!-- commands" marker).
"$aseankg" --help | sed -n '/^Commands:$/,/^$/p' | sed '1d;/^$/d;s/^  //' > "$work/help-commands"
sed -n '/^<!-- commands/,/^[^ ]/p' README.md | sed -n 's/^    //p' > "$work/readme-commands"
check "the README lists the commands --help lists" \
  bash -c "[ -s '$work/readme-commands' ] && cmp -s '$work/help-commands' '$work/readme-commands'"

check "a command's --help after other options still exits 0" "$aseankg" export --format ntriples --help
"$aseankg" export --frobnicate > /dev/null 2> "$work/err"
check "an unknown option is a usage error naming it (exit 2)" \
  bash -c "[ $? -eq 2 ] && grep -q 'unknown option: --frobnicate' '$work/err'"
check "a command's usage error points to that command's help" \
  grep -qx "Try 'aseankg export --help'." "$work/err"
printf '<http://a/s> <http://a/p> <http://a/o> .\n' | ASEANKG_STORE="$work/store" "$aseankg" load -i ntriples - 2> "$work/err"
check "load - without --graph: a usage error (standard input has no URI to name its graph), exit 2, no store" \
  bash -c "[ $? -eq 2 ] && grep -q 'name one with --graph' '$work/err' && [ ! -e '$work/store' ]"
"$aseankg" frobnicate > /dev/null 2> "$work/err"
check "an unknown command's usage error points to the general help" \
  bash -c "[ $? -eq 2 ] && grep -qx \"Try 'aseankg --help'.\" '$work/err'"
"$aseankg" export -f > /dev/null 2> "$work/err"
check "an option without its value is a usage error (exit 2)" bash -c "[ $? -eq 2 ] && grep -q 'missing value for --format' '$work/err'"
"$aseankg" export --format=rdfxml > /dev/null 2> "$work/err"
check "a value outside the option's set is a usage error listing the set (exit 2)" \
  bash -c "[ $? -eq 2 ] && grep -q 'turtle ntriples nquads' '$work/err'"

"$aseankg" export -fntriples "-o$work/short.nt" && "$aseankg" export --format=ntriples "--output=$work/long.nt"
check "-fVALUE, -oFILE, --format=VALUE and --output=FILE are taken" \
  bash -c "[ -s '$work/short.nt' ] && cmp -s '$work/short.nt' '$work/long.nt'"

printf '<http://example.org/s> <http://example.org/p> "o" .\n' > "$work/-old.nt"
cp "$work/-old.nt" "$work/new.nt"
(cd "$work" && "$aseankg" diff -- -old.nt new.nt) > /dev/null 2>&1
check "-- ends the options: a file named -old.nt is an operand" test $? -eq 0
(cd "$work" && "$aseankg" diff -old.nt new.nt) > /dev/null 2>&1
check "without --, -old.nt is an option (a usage error, exit 2)" test $? -eq 2

many=()
for i in $(seq 1 100); do
  printf '<http://example.org/s%d> <http://example.org/p> "o" .\n' "$i" > "$work/g$i.nt"
  many+=("$work/g$i.nt")
done
"$aseankg" load --store "$work/store" "${many[@]}" > /dev/null 2>&1
check "load takes more than 64 files" test $? -eq 0
finish
