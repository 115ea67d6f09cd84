#!/usr/bin/env bash
# libaseankg.so exports exactly the functions its public headers declare: no private helper leaks.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
library=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Declared: every aseankg_ function named in the public headers once comments are gone (cpp -P).
for header in "$source_dir"/include/aseankg/*.h; do
  echo "#include \"aseankg/$(basename "$header")\""
done | cc -E -P -D_POSIX_C_SOURCE=200809L -I "$source_dir/include" $(pkg-config --cflags raptor2 redland libcurl yaml-0.1) - \
  | grep -oE '\baseankg_[a-z0-9_]+[[:space:]]*\(' | tr -d '( \t' | sort -u > "$work/declared"
nm -D --defined-only "$library" | awk '$2 ~ /^[TtWwDdBbRrVv]$/ {print $3}' | sort -u > "$work/exported"

check "the public headers declare some functions" test -s "$work/declared"
check "every exported symbol is declared in include/aseankg/" \
  bash -c "comm -13 '$work/declared' '$work/exported' | tee '$work/extra' | sed 's/^/  exported, not public: /'; [ ! -s '$work/extra' ]"
check "every public function is exported" \
  bash -c "comm -23 '$work/declared' '$work/exported' | tee '$work/missing' | sed 's/^/  public, not exported: /'; [ ! -s '$work/missing' ]"
echo "# $(wc -l < "$work/exported") exported symbols"
finish
