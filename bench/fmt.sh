#!/usr/bin/env bash
# Benchmark `aseankg fmt` against peers run in the same script on the same N-Triples file:
# serdi turning it into Turtle (the floor: a streaming writer) and rapper -o turtle.
#
#   bash bench/fmt.sh [SIZES...]      default sizes: 10000 100000 1000000 triples
#
# Workload per size (bench/gen_diff_workload.py): N-Triples with blank nodes as many as 10% of the
# triples (records hanging off IRIs, every fifth nested in another). Every tool writes to /dev/null.
# Best of RUNS runs (default 3) by wall time; "CPU" is that run's user + system time, steadier than
# wall time on a loaded machine; rapper too, each run stopped after RAPPER_LIMIT seconds (default 600).
# Prints a Markdown table (seconds, peak RSS in MiB) and the growth exponent of aseankg's time
# between the two largest sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
runs=${RUNS:-3}
aseankg=${ASEANKG:-build/aseankg}
work=${WORK:-$(mktemp -d)}
peers=${PEERS:-1}
rapper_limit=${RAPPER_LIMIT:-600}
[ -x "$aseankg" ] || { echo "build first: $aseankg is missing" >&2; exit 1; }

measure() { # measure COMMAND...: best wall time, its peak RSS and CPU time over $runs runs, as "seconds MiB cpu"
  local best="" rss="" cpu=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" > /dev/null 2>"$work/stderr" || true
    read -r t m u k < <(tail -n 1 "$work/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$t
      rss=$((m / 1024))
      cpu=$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.2f", u + k }')
    fi
  done
  echo "$best $rss $cpu"
}

echo "| triples | blank nodes | serdi -o turtle (s) | aseankg fmt (s) | ratio to serdi | CPU: serdi, aseankg (s) | CPU ratio | aseankg peak RSS (MiB) | rapper -o turtle (s) | rapper / aseankg |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
prev_n="" prev_t=""
for n in "${sizes[@]}"; do
  blanks=$((n / 10))
  python3 bench/gen_diff_workload.py "$n" "$blanks" 1 "$work/in-$n.nt" "$work/unused-$n.nt"
  read -r serd_t _ serd_c < <(measure serdi -i ntriples -o turtle "$work/in-$n.nt")
  read -r fmt_t fmt_m fmt_c < <(measure "$aseankg" fmt -o /dev/null "$work/in-$n.nt")
  rapper_t="-" speedup="-"
  if [ "$peers" = 1 ]; then
    read -r rapper_t _ rapper_c < <(measure timeout "$rapper_limit" rapper -q -i ntriples -o turtle "$work/in-$n.nt")
    speedup=$(awk -v a="$rapper_t" -v b="$fmt_t" -v c="$rapper_c" -v d="$fmt_c" \
      'BEGIN { printf "%.1f× (CPU %.1f×)", (b > 0 ? a / b : 0), (d > 0 ? c / d : 0) }')
    if awk -v t="$rapper_t" -v l="$rapper_limit" 'BEGIN { exit !(t >= l) }'; then
      rapper_t="> $rapper_limit (stopped)" speedup="> $(awk -v a="$rapper_limit" -v b="$fmt_t" 'BEGIN { printf "%.0f×", a / b }')"
    fi
  fi
  ratio=$(awk -v a="$fmt_t" -v b="$serd_t" 'BEGIN { printf "%.2f×", (b > 0 ? a / b : 0) }')
  cpu_ratio=$(awk -v a="$fmt_c" -v b="$serd_c" 'BEGIN { printf "%.2f×", (b > 0 ? a / b : 0) }')
  echo "| $n | $blanks | $serd_t | $fmt_t | $ratio | $serd_c, $fmt_c | $cpu_ratio | $fmt_m | $rapper_t | $speedup |"
  if [ -n "$prev_n" ]; then
    growth=$(awk -v t1="$prev_t" -v t2="$fmt_t" -v n1="$prev_n" -v n2="$n" \
      'BEGIN { if (t1 > 0 && t2 > 0) printf "%.2f", log(t2 / t1) / log(n2 / n1); else printf "n/a" }')
  fi
  prev_n=$n prev_t=$fmt_t
done
echo
echo "Growth exponent of aseankg fmt's time between the two largest sizes: ${growth:-n/a} (1.00 is linear)"
