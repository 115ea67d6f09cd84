#!/usr/bin/env bash
# tests/test_free_null.c must call, with NULL, every *_free, *_release and *_abort the public headers declare.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source_dir=$1
declared=$(grep -ohE '\baseankg_[a-z0-9_]+_(free|release|abort)\(' "$source_dir"/include/aseankg/*.h | tr -d '(' | sort -u)
check "the headers declare release functions" test -n "$declared"
for f in $declared; do
  check "test_free_null.c calls $f(NULL)" grep -q "$f(NULL)" "$source_dir/tests/test_free_null.c"
done
finish
