#!/usr/bin/env bash
# aseankg under valgrind, for the test runners that take the program as their first argument:
# ASEANKG_VALGRIND_PROGRAM names the real program, ASEANKG_VALGRIND_LOGS a directory for the reports.
# Any memory error or definite leak makes the exit status 99 (which no case expects) and leaves a report.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
  --show-leak-kinds=definite --suppressions="$here/rasqal.supp" \
  --log-file="$ASEANKG_VALGRIND_LOGS/vg.%p" "$ASEANKG_VALGRIND_PROGRAM" "$@"
