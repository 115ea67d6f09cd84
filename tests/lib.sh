# Shared by the test scripts (sourced): the ok/FAIL lines, the closing "N passed, M failed" line,
# and installing a test's pinned npm packages only when they changed.

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
check() { # check NAME COMMAND...: one line saying whether COMMAND succeeded
  local name=$1
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}
not() { ! "$@"; }
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; } # absolute PATH: as seen from here
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }
setup_failed() { fail "$1"; finish; }

# readme_block README MARKER: the fenced block after the line "<!-- MARKER -->" in README, so that a
# test runs the exact lines the README gives users.
readme_block() {
  awk -v m="<!-- $2 -->" '$0 == m { f = 1; next } f && /^```/ { if (n++) exit; next } f && n == 1 { print }' "$1"
}

# npm_ci_once PACKAGE_DIR NODE_DIR: `npm ci` PACKAGE_DIR's package.json and lockfile into NODE_DIR,
# skipped when NODE_DIR already has exactly those pinned packages.
npm_ci_once() {
  local here=$1 node_dir=$2
  mkdir -p "$node_dir" || setup_failed "setup: cannot create $node_dir"
  local stamp="$node_dir/node_modules/.aseankg-npm-ci.sha256"
  local want
  want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)
  cp "$here/package.json" "$here/package-lock.json" "$node_dir/" || setup_failed "setup: cannot copy package files"
  if [ -d "$node_dir/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "# npm ci skipped: $node_dir/node_modules matches package-lock.json"
    return
  fi
  local started
  started=$(date +%s)
  if (cd "$node_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund > npm-ci.log 2>&1); then
    echo "$want" > "$stamp"
    echo "# npm ci done in $(($(date +%s) - started))s ($node_dir)"
  else
    sed 's/^/# /' "$node_dir/npm-ci.log" | tail -n 20
    setup_failed "setup: npm ci in $node_dir (log: $node_dir/npm-ci.log)"
  fi
}

# node_test_setup NAME ARGS...: the start of a test that runs pinned npm packages, called as
# `bash tests/NAME/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR` with those three ARGS. Prints the usage
# and exits 2 on other arguments; sets aseankg, source_dir and work_dir (absolute), here
# (SOURCE_DIR/tests/NAME) and node_dir (WORK_DIR/NAME); checks node, npm and the binary; runs
# npm_ci_once there and copies tests/NAME/*.mjs next to node_modules (their imports resolve there).
node_test_setup() {
  local name=$1
  shift
  if [ $# -ne 3 ]; then
    echo "usage: bash tests/$name/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR" >&2
    exit 2
  fi
  aseankg=$(absolute "$1")
  source_dir=$(absolute "$2")
  work_dir=$(absolute "$3")
  here="$source_dir/tests/$name"
  node_dir="$work_dir/$name"
  local tool
  for tool in node npm; do
    command -v "$tool" > /dev/null 2>&1 || setup_failed "setup: $tool is not installed (scripts/build.sh installs it)"
  done
  [ -x "$aseankg" ] || setup_failed "setup: $aseankg is not an executable"
  npm_ci_once "$here" "$node_dir"
  cp "$here"/*.mjs "$node_dir/" || setup_failed "setup: cannot copy $here/*.mjs to $node_dir"
}
