#!/usr/bin/env bash
# HTML tests: the page `aseankg export --format html` writes, checked as text and in a real browser
# (headless Chromium from Debian driven by playwright-core from npm; no browser is downloaded).
#
#   bash tests/html/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR
#
# Installs playwright-core as pinned in tests/html/package-lock.json into WORK_DIR/html with `npm ci`
# (only when node_modules is missing or the package files changed since the last install there), and
# leaves the browser's screenshots in WORK_DIR/html (html-page.png, html-page-china.png, ...).
# The browser is $CHROMIUM, else /usr/bin/chromium (Debian package chromium).
# Prints "ok   ..." / "FAIL ..." per check and ends with "N passed, M failed".
# Exit status: 0 all passed, 1 a check failed or the setup failed.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

if [ $# -ne 3 ]; then
  echo "usage: bash tests/html/run.sh ASEANKG_BINARY SOURCE_DIR WORK_DIR" >&2
  exit 2
fi
aseankg=$1
source_dir=$2
work_dir=$3
chromium=${CHROMIUM:-/usr/bin/chromium}

aseankg=$(absolute "$aseankg")
source_dir=$(absolute "$source_dir")
work_dir=$(absolute "$work_dir")

here="$source_dir/tests/html"
node_dir="$work_dir/html"


for tool in node npm; do
  command -v "$tool" > /dev/null 2>&1 || setup_failed "setup: $tool is not installed (scripts/build.sh installs it)"
done
[ -x "$chromium" ] || setup_failed "setup: $chromium is missing (Debian package chromium; scripts/build.sh installs it)"
[ -x "$aseankg" ] || setup_failed "setup: $aseankg is not an executable"

# --- playwright-core: npm ci into WORK_DIR/html when the pinned dependencies changed ----------------
npm_ci_once "$here" "$node_dir"
# The script must sit next to node_modules to resolve its import; copy it on every run.
cp "$here/page.mjs" "$node_dir/" || setup_failed "setup: cannot copy page.mjs"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/aseankg-html.XXXXXX") || setup_failed "setup: mktemp"
trap 'rm -rf "$tmp"' EXIT
cd "$source_dir" || setup_failed "setup: cd $source_dir"

# --- the page as text ----------------------------------------------------------------------------
"$aseankg" export --format html -o "$tmp/a.html" || setup_failed "setup: aseankg export --format html"
"$aseankg" export -f html > "$tmp/b.html"
check "html export is byte-stable (file and stdout)" cmp -s "$tmp/a.html" "$tmp/b.html"
check "the page is self-contained: no external script, style, font, image or frame" \
  bash -c "! grep -Eiq '<(link|img|iframe|object|embed)[ >]|<script[^>]* src=|@import|url\\(' '$tmp/a.html'"
check "its Content-Security-Policy forbids loading anything" \
  grep -q "content=\"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]*'; script-src 'sha256-" "$tmp/a.html"
check "every segment of the text is there" \
  test "$(grep -c '<section class="seg ' "$tmp/a.html")" -eq "$("$aseankg" check | sed -n 's/^segments *//p')"
check "preamble-8 links 全球发展倡议 to its card, with 全球发展 (global development) nested inside" \
  grep -q 'id="seg-preamble-8">.*<a class="m f-policy" href="#entity-global-development-initiative" data-e="global-development-initiative" title="Global Development Initiative"><span class="m f-concept" data-e="global-development" title="global development">全球发展</span>倡议</a>' "$tmp/a.html"

# A copy of the data whose English name for the GDI is hostile markup.
hostile='<script>alert(1)</script> & "q"'
cp -r data "$tmp/data"
sed -i 's|^    en: "\?Global Development Initiative"\?$|    en: '"'"'<script>alert(1)</script> \& "q"'"'"'|' "$tmp/data/entities.yaml"
check "setup: the hostile copy changes one name" test "$(diff data/entities.yaml "$tmp/data/entities.yaml" | grep -c '^>')" -eq 1
"$aseankg" export -f html --data "$tmp/data" -o "$tmp/hostile.html"
check "a hostile name is escaped in the page" \
  bash -c "grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;' '$tmp/hostile.html' && ! grep -q '<script>alert' '$tmp/hostile.html'"

"$aseankg" export -f html --clause 9 > /dev/null 2> "$tmp/stderr"
status=$?
check "--clause with --format html is a usage error (exit 2)" \
  bash -c "[ $status -eq 2 ] && grep -q '^aseankg: --clause applies to export --format dot only$' '$tmp/stderr'"
printf 'sentinel\n' > "$tmp/keep.html"
printf '  - id: ghost\n    type: Country\n    zh: 不存在的名字\n    en: x\n' >> "$tmp/data/entities.yaml"
"$aseankg" export -f html --data "$tmp/data" -o "$tmp/keep.html" 2> "$tmp/stderr"
status=$?
check "bad data: exit 1, the export's message, the output untouched" \
  bash -c "[ $status -eq 1 ] && grep -q 'name \"不存在的名字\" does not occur in the text$' '$tmp/stderr' && [ \"\$(cat '$tmp/keep.html')\" = sentinel ]"

# --- the page in the browser ------------------------------------------------------------------------
counts=$("$aseankg" check | awk '{ printf "%s\"%s\":%s", (NR > 1 ? "," : "{"), $1, $2 } END { print "}" }')
rm -f "$node_dir"/html-page*.png
node "$node_dir/page.mjs" "$chromium" "$tmp/a.html" "$tmp/hostile.html" "$hostile" "$counts" "$node_dir" \
  > "$tmp/browser.out" 2>&1
status=$?
cat "$tmp/browser.out"
passed=$((passed + $(grep -c '^ok ' "$tmp/browser.out")))
failed=$((failed + $(grep -c '^FAIL ' "$tmp/browser.out")))
if [ $status -ne 0 ] && ! grep -q '^FAIL ' "$tmp/browser.out"; then
  fail "browser: page.mjs exit $status"
fi
check "the browser left its screenshot ($node_dir/html-page.png)" test -s "$node_dir/html-page.png"

finish
