#!/usr/bin/env bash
# The probe suite: hostile inputs and faults against every command, from the table in cases.tsv.
# Usage: run.sh AASEANKG SOURCE_DIR RESULTS_FILE [nomem] [SKIP_REGEX]
# Each case runs in a fresh work directory; besides its exit status and message, every case must:
# print no raw control character and no credential, leave no temporary file, keep its listed files
# byte for byte, stay within its memory bound (ulimit -v; skipped under sanitizers), and make the
# broken endpoint see no request for a path starting with /never.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib.sh"
A=$1
SRC=$2
results=$3
memory=${4:-mem}
skip=${5:-}
IN=$here/inputs
export A SRC IN

root=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  umount "$root"/case/small 2>/dev/null
  chmod -R u+w "$root" 2>/dev/null
  rm -rf "$root"
}
trap cleanup EXIT

# The broken endpoint, on 127.0.0.1 only, gone after 10 minutes whatever happens.
python3 "$here/server.py" "$root/port" "$root/requests" 600 &
server_pid=$!
for _ in $(seq 50); do [ -s "$root/port" ] && break; sleep 0.1; done
[ -s "$root/port" ] || setup_failed "setup: the probe server did not start"
URL=http://127.0.0.1:$(cat "$root/port")
export URL

secret_pattern='s3cr3t|dTpzM2NyM3Q|w0rd|Basic [A-Za-z0-9+/=]'
printf '| Probe | Expected | Result |\n| --- | --- | --- |\n' > "$results"
tried=0 passing=0 awaiting=0 skipped=0

while IFS=$'\t' read -r id fixed_by want pattern unchanged mem setup command; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  [[ -n "$skip" && "$id" =~ $skip ]] && continue
  tried=$((tried + 1))
  W=$root/case
  umount "$W/small" 2>/dev/null
  chmod -R u+w "$W" 2>/dev/null
  rm -rf "$W" && mkdir -p "$W"
  export W
  : > "$root/requests.before"
  cp "$root/requests" "$root/requests.before" 2>/dev/null
  if [ "$setup" != "-" ] && ! (cd "$W" && eval "$setup") > "$root/setup.log" 2>&1; then
    if (cd "$W" && eval "$setup") > /dev/null 2>&1; [ $? -eq 77 ]; then
      skipped=$((skipped + 1))
      echo "skip $id (setup not possible here: $(head -c 200 "$root/setup.log"))"
      printf '| %s | exit %s | skipped: cannot be set up here |\n' "$id" "$want" >> "$results"
      continue
    fi
    fail "$id: setup failed: $(head -c 300 "$root/setup.log")"
    continue
  fi
  declare -A before=()
  if [ "$unchanged" != "-" ]; then
    for f in $unchanged; do before[$f]=$(sha256sum "$W/$f" 2>/dev/null | cut -d' ' -f1); done
  fi
  limit=
  [ "$mem" != "-" ] && [ "$memory" = mem ] && limit="ulimit -v $mem;"
  (cd "$SRC" && timeout 60 bash -c "$limit $command") > "$root/out" 2> "$root/err"
  got=$?

  problems=()
  [ "$got" -eq "$want" ] || problems+=("exit $got, expected $want")
  if [ "$pattern" != "-" ] && ! grep -Eq -- "$pattern" "$root/err"; then
    problems+=("stderr does not match /$pattern/")
  fi
  if [ "$(LC_ALL=C tr -d '\n\040-\176\200-\377' < "$root/err" | wc -c)" -ne 0 ]; then
    problems+=("raw control characters on stderr")
  fi
  if [ "$got" -ne 0 ] && grep -v -e '^aseankg: ' -E -e "^Try 'aseankg ([a-z]+ )?--help'" "$root/err" | grep -q .; then
    problems+=("a stderr line not in the aseankg: form: $(grep -v '^aseankg: ' "$root/err" | head -n 1 | head -c 120)")
  fi
  if grep -Eq -- "$secret_pattern" "$root/err" "$root/out"; then
    problems+=("a credential was printed")
  fi
  for f in "${!before[@]}"; do
    [ "$(sha256sum "$W/$f" 2>/dev/null | cut -d' ' -f1)" = "${before[$f]}" ] || problems+=("$f changed")
  done
  unset before
  if find "$W" -name '*.tmp-*' 2>/dev/null | grep -q .; then
    problems+=("a temporary file was left behind")
  fi
  if diff "$root/requests.before" "$root/requests" 2>/dev/null | grep -q '^> [A-Z]* /never'; then
    problems+=("the server saw a request it must not: $(diff "$root/requests.before" "$root/requests" | grep '/never' | head -n 1)")
  fi
  [ "$got" -eq 137 ] || [ "$got" -eq 124 ] && problems+=("killed (memory bound or time)")

  expected="exit $want${pattern:+, }$([ "$pattern" = - ] || echo "/$pattern/" | sed 's/|/\\|/g')"
  if [ ${#problems[@]} -eq 0 ]; then
    passing=$((passing + 1))
    pass "$id"
    printf '| %s | %s | pass |\n' "$id" "$expected" >> "$results"
  elif [ "$fixed_by" != "-" ]; then
    awaiting=$((awaiting + 1))
    echo "wait $id: fixed on branch $fixed_by, still failing here: ${problems[*]}"
    printf '| %s | %s | awaiting branch %s: %s |\n' "$id" "$expected" "$fixed_by" "$(echo "${problems[*]}" | sed 's/|/\\|/g')" >> "$results"
  else
    fail "$id: ${problems[*]}"
    sed 's/^/     | /' "$root/err" | head -n 5 | cat -v
    printf '| %s | %s | FAIL: %s |\n' "$id" "$expected" "$(echo "${problems[*]}" | sed 's/|/\\|/g')" >> "$results"
  fi
done < "$here/cases.tsv"

printf '\n%s probes tried, %s passing, %s awaiting another branch, %s skipped.\n' \
  "$tried" "$passing" "$awaiting" "$skipped" | tee -a "$results"
finish
