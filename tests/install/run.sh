#!/usr/bin/env bash
# Install into a scratch prefix and use it the way users do: the binary from anywhere, the library
# through pkg-config and through find_package(), the manual, the completion, the version.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
build_dir=$1
source_dir=$2
version=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build_dir" --prefix "$prefix" > "$work/install.log" 2>&1
check "cmake --install succeeds" test $? -eq 0
bin=$prefix/bin/aseankg

# The binary, run from a directory with no data/, finds the installed data and writes the same graph.
(cd "$work" && "$bin" export -f ntriples > "$work/installed.nt" 2> "$work/stderr")
(cd "$source_dir" && "$build_dir/aseankg" export -f ntriples > "$work/built.nt")
check "installed binary exports from anywhere, byte-identical" cmp -s "$work/installed.nt" "$work/built.nt"
mv "$prefix" "$work/moved"
(cd "$work" && "$work/moved/bin/aseankg" check > /dev/null 2>&1)
check "a moved install still finds its data" test $? -eq 0
mv "$work/moved" "$prefix"

libdir=$(dirname "$(find "$prefix" -name aseankg.pc)")/..
export PKG_CONFIG_PATH=$libdir/pkgconfig
cc $(pkg-config --cflags aseankg) "$source_dir/tests/install/consumer.c" -o "$work/pc-consumer" \
  $(pkg-config --libs aseankg) 2> "$work/cc.log"
LD_LIBRARY_PATH=$libdir "$work/pc-consumer" > "$work/pc.out" 2>&1
check "pkg-config: a program builds and runs against the installed library" \
  grep -q "^<http://example.org/s> <http://example.org/p> \"东盟\"@zh .$" "$work/pc.out"
cc $(pkg-config --cflags aseankg) "$source_dir/tests/install/consumer.c" -o "$work/pc-static" \
  "$libdir/libaseankg.a" $(pkg-config --libs $(pkg-config --print-requires-private aseankg)) 2>> "$work/cc.log"
check "the static library links with its pkg-config dependencies" bash -c "'$work/pc-static' | grep -q '^aseankg $version$'"

cmake -S "$source_dir/tests/install/cmake-consumer" -B "$work/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  > "$work/cmake.log" 2>&1 && cmake --build "$work/cmake-build" >> "$work/cmake.log" 2>&1
LD_LIBRARY_PATH=$libdir "$work/cmake-build/consumer" > "$work/cmake.out" 2>&1
check "find_package(aseankg): a program builds and runs" grep -q "^aseankg $version$" "$work/cmake.out"

man_page=$prefix/share/man/man1/aseankg.1
MANWIDTH=80 man --warnings -l "$man_page" > "$work/man.txt" 2> "$work/man.err"
check "man -l renders the manual without warnings" bash -c "[ -s '$work/man.txt' ] && [ ! -s '$work/man.err' ]"
"$bin" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > "$work/help-options"
grep -oE -- '--[a-z][a-z-]+' "$work/man.txt" | sort -u > "$work/man-options"
check "--help and the manual name the same options" cmp -s "$work/help-options" "$work/man-options"
"$bin" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort -u > "$work/help-commands"
sed -n 's/^ *aseankg  *\([a-z][a-z]*\) .*/\1/p' "$work/man.txt" | sort -u > "$work/man-commands"
check "--help and the manual name the same commands" cmp -s "$work/help-commands" "$work/man-commands"

completion=$prefix/share/bash-completion/completions/aseankg
check "bash completion completes commands" \
  bash -c "source '$completion'; COMP_WORDS=(aseankg ca); COMP_CWORD=1; _aseankg; [ \"\${COMPREPLY[*]}\" = canon ]"
check "bash completion completes diff formats" \
  bash -c "source '$completion'; COMP_WORDS=(aseankg diff --format rdf); COMP_CWORD=3; _aseankg; [ \"\${COMPREPLY[*]}\" = rdf-patch ]"

"$bin" --version > "$work/version"
check "--version prints the one version and the raptor and librdf versions" \
  grep -Eq "^aseankg $version \(raptor [0-9.]+, librdf [0-9.]+\)$" "$work/version"
check "the ontology carries the same version" \
  grep -q "owl:versionInfo \"$version\"" "$prefix/share/aseankg/ontology/aseankg.ttl"
check "headers, shared and static libraries, pkg-config and CMake files are installed" \
  bash -c "ls '$prefix'/include/aseankg/graph.h '$libdir'/libaseankg.so '$libdir'/libaseankg.a \
    '$libdir'/cmake/aseankg/aseankgConfig.cmake > /dev/null"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
