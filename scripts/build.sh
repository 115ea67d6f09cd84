#!/usr/bin/env bash
# One entry point for people and CI: install dependencies, build, and export or test.
#   bash scripts/build.sh export     install deps, build, write out/statement.{ttl,nt,nq,dot,svg,png,html}
#   bash scripts/build.sh test       install deps, build with warnings as errors, run every test
#   bash scripts/build.sh sanitize   build and test under AddressSanitizer + UndefinedBehaviorSanitizer
#   bash scripts/build.sh fresh-debian   (as root) `export` and `test` again in a new Debian 12 root
#                                    made by debootstrap, on a clone of this commit with ../shared
set -euo pipefail
cd "$(dirname "$0")/.."

# Every Debian package the project needs to build, test and benchmark.
packages=(
  build-essential cmake pkg-config git
  libraptor2-dev librdf0-dev librasqal3-dev libyaml-dev libssl-dev libcmocka-dev libcurl4-gnutls-dev libserd-dev libxml2-dev liblmdb-dev libyajl-dev
  virtuoso-opensource-7-bin
  raptor2-utils rasqal-utils serdi time python3 curl ca-certificates file man-db groff-base debootstrap clang libclang-rt-14-dev clang-format clang-tidy valgrind
  graphviz fonts-noto-cjk pngquant chromium gnuplot-nox
)

install_deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # Node.js runs the SHACL validator; a machine may already have its own build (with npm inside).
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

configure_and_build() { # DIR [CMAKE OPTIONS...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  cmake --build "$dir" -j "$(nproc)"
}

case "${1:-}" in
  export)
    install_deps
    configure_and_build build
    mkdir -p out
    ./build/aseankg export --format turtle -o out/statement.ttl
    ./build/aseankg export --format ntriples -o out/statement.nt
    ./build/aseankg export --format nquads -o out/statement.nq
    ./build/aseankg export --format dot -o out/statement.dot
    dot -Tsvg -o out/statement.svg out/statement.dot
    # a 32-colour palette: a third of the size, every legend colour and the text kept
    dot -Tpng out/statement.dot | pngquant 32 --strip - > out/statement.png
    ./build/aseankg export --format html -o out/statement.html
    ./build/aseankg check
    echo "Wrote out/statement.ttl, .nt, .nq, .dot, .svg, .png (the entity graph) and .html (the text, browsable)"
    ;;
  test)
    install_deps
    configure_and_build build -DASEANKG_WERROR=ON
    ctest --test-dir build --output-on-failure -j "$(nproc)"
    ;;
  sanitize)
    install_deps
    CC=clang configure_and_build build-asan -DASEANKG_WERROR=ON -DASEANKG_SANITIZE=ON
    # style reads the sources, not the binaries: the `test` run has already checked them.
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -E '^style$'
    ;;
  fresh-debian)
    # Needs root, Debian's mirror and the npm registry; tests/fresh-debian/run.sh says what it does.
    install_deps
    bash tests/fresh-debian/run.sh . ../shared build-fresh
    ;;
  *)
    sed -n '2,7p' "$0"
    exit 2
    ;;
esac
