#!/usr/bin/env bash
# The readers test and a subset of the probe suite under valgrind (memcheck, definite leaks are errors).
# Usage: run.sh AASEANKG SOURCE_DIR WORK_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
command -v valgrind > /dev/null || { echo "valgrind is not installed"; exit 77; }
export ASEANKG_VALGRIND_PROGRAM=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work/logs" "$work/readers"
export ASEANKG_VALGRIND_LOGS=$work/logs
wrapper=$here/aseankg.sh

# The probes, except those that stream hundreds of megabytes or fill memory on purpose (too slow under
# valgrind; they run plainly in ctest probe and under ASan in the sanitizer build).
if bash "$src/tests/probe/run.sh" "$wrapper" "$src" "$work/probe.md" nomem \
     '^(endpoint-(endless|declared|json-stream-endless|xml-stream-endless|timeout)|yaml-(larger-than-bound|billion-laughs)|endpoint-update-larger|canon-work-bound)' \
     > "$work/probe.log" 2>&1; then
  pass "probe suite under valgrind ($(tail -n 2 "$work/probe.log" | head -n 1))"
else
  fail "probe suite under valgrind"
  grep -E '^FAIL' "$work/probe.log" | head -n 20
fi
# Under valgrind the readers' canonicalization of 1000 nested lists takes minutes, not seconds.
if ASEANKG_TEST_TIMEOUT=900 bash "$src/tests/readers/run.sh" "$wrapper" "$work/readers" > "$work/readers.log" 2>&1; then
  pass "readers test under valgrind"
else
  fail "readers test under valgrind"
  grep -Ev '^ok' "$work/readers.log" | head -n 20
fi
for report in "$work"/logs/vg.*; do
  [ -s "$report" ] || continue
  fail "valgrind report $report"
  head -n 40 "$report"
done
finish
