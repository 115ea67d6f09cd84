#!/usr/bin/env bash
# Benchmark `aseankg merge` of three versions against serdi reading the three files (the floor:
# parsing alone), run in the same script on the same files.
#
#   bash bench/merge.sh [SIZES...]      default sizes: 10000 100000 1000000 triples
#
# Workload per size (bench/gen_diff_workload.py with THEIRS): BASE N-Triples with blank nodes as many
# as 10% of the triples; OURS and THEIRS each change 1% of the triples, no triple changed by both (so
# the merge is clean), their lines shuffled and blank nodes relabelled. Both tools write to /dev/null
# (aseankg's -o to a file adds a copy and an fsync: the merged file is written once, untimed, to
# count its lines). Best of RUNS runs (default 3), by wall time; "CPU" is that run's user + system
# time, steadier than wall time on a loaded machine. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
runs=${RUNS:-3}
aseankg=${ASEANKG:-build/aseankg}
work=${WORK:-$(mktemp -d)}
[ -x "$aseankg" ] || { echo "build first: $aseankg is missing" >&2; exit 1; }

measure() { # measure COMMAND...: best wall time, its peak RSS and CPU time over $runs runs, as "seconds MiB status cpu"
  local best="" rss="" status=0 cpu=""
  for _ in $(seq "$runs"); do
    status=0
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" > /dev/null 2>"$work/stderr" || status=$?
    read -r t m u k < <(tail -n 1 "$work/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$t
      rss=$((m / 1024))
      cpu=$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.2f", u + k }')
    fi
  done
  echo "$best $rss $status $cpu"
}

echo "| triples per version | blank nodes | serdi reads the three (s) | aseankg merge (s) | ratio | CPU: serdi, aseankg (s) | CPU ratio | aseankg peak RSS (MiB) | exit (1: conflicts) | output lines |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  blanks=$((n / 10))
  python3 bench/gen_diff_workload.py "$n" "$blanks" 1 "$work/base-$n.nt" "$work/ours-$n.nt" 1 "$work/theirs-$n.nt"
  read -r serd_t _ _ serd_c < <(measure sh -c "for f in base ours theirs; do serdi -i ntriples -o ntriples '$work/'\$f-$n.nt > /dev/null; done")
  read -r merge_t merge_m status merge_c < <(measure "$aseankg" merge -o /dev/null "$work/base-$n.nt" \
    "$work/ours-$n.nt" "$work/theirs-$n.nt")
  "$aseankg" merge -o "$work/merged-$n.nt" "$work/base-$n.nt" "$work/ours-$n.nt" "$work/theirs-$n.nt" 2> /dev/null || true
  merged=$(wc -l < "$work/merged-$n.nt")
  ratio=$(awk -v a="$merge_t" -v b="$serd_t" 'BEGIN { printf "%.2f×", (b > 0 ? a / b : 0) }')
  cpu_ratio=$(awk -v a="$merge_c" -v b="$serd_c" 'BEGIN { printf "%.2f×", (b > 0 ? a / b : 0) }')
  echo "| $n | $blanks | $serd_t | $merge_t | $ratio | $serd_c, $merge_c | $cpu_ratio | $merge_m | $status | $merged |"
done
