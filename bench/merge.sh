#!/usr/bin/env bash
# Benchmark `aseankg merge` of three versions against serdi reading the three files (the floor:
# parsing alone), run in the same script on the same files.
#
#   bash bench/merge.sh [SIZES...]      default sizes: 10000 100000 1000000 triples
#
# Workload per size (bench/gen_diff_workload.py with THEIRS): BASE N-Triples with blank nodes as many
# as 10% of the triples; OURS and THEIRS each change a different 1% of the triples, their lines
# shuffled and blank nodes relabelled. Best of RUNS runs (default 3). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
runs=${RUNS:-3}
aseankg=${ASEANKG:-build/aseankg}
work=${WORK:-$(mktemp -d)}
[ -x "$aseankg" ] || { echo "build first: $aseankg is missing" >&2; exit 1; }

measure() { # measure COMMAND...: best wall time and its peak RSS over $runs runs, as "seconds MiB status"
  local best="" rss="" status=0
  for _ in $(seq "$runs"); do
    status=0
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2>"$work/stderr" || status=$?
    read -r t m < <(tail -n 1 "$work/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$t
      rss=$((m / 1024))
    fi
  done
  echo "$best $rss $status"
}

echo "| triples per version | blank nodes | serdi reads the three (s) | aseankg merge (s) | ratio | aseankg peak RSS (MiB) | exit (1: conflicts) | output lines |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  blanks=$((n / 10))
  python3 bench/gen_diff_workload.py "$n" "$blanks" 1 "$work/base-$n.nt" "$work/ours-$n.nt" 1 "$work/theirs-$n.nt"
  read -r serd_t _ _ < <(measure sh -c "for f in base ours theirs; do serdi -i ntriples -o ntriples '$work/'\$f-$n.nt > /dev/null; done")
  read -r merge_t merge_m status < <(measure "$aseankg" merge -o "$work/merged-$n.nt" "$work/base-$n.nt" \
    "$work/ours-$n.nt" "$work/theirs-$n.nt")
  merged=$(wc -l < "$work/merged-$n.nt")
  ratio=$(awk -v a="$merge_t" -v b="$serd_t" 'BEGIN { printf "%.2f×", (b > 0 ? a / b : 0) }')
  echo "| $n | $blanks | $serd_t | $merge_t | $ratio | $merge_m | $status | $merged |"
done
