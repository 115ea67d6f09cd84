#!/usr/bin/env bash
# Style gate: clang-format must leave every C file unchanged and clang-tidy must report nothing.
set -u
source_dir=$1
build_dir=$2
cd "$source_dir" || exit 1

status=0
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find src include tests -name '*.[ch]')
for f in $files; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    echo "clang-format would change $f"
    status=1
  fi
done

sources=$(printf '%s\n' $files | grep -E '^(src|tests)/.*\.c$' | grep -v '^tests/fuzz/')
if ! clang-tidy --quiet -p "$build_dir" $sources > "$build_dir/clang-tidy.log" 2>&1; then
  grep -E 'error:|warning:' "$build_dir/clang-tidy.log"
  status=1
fi
[ $status -eq 0 ] && echo "style: clang-format and clang-tidy clean"
exit $status
