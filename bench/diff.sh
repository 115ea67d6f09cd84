#!/usr/bin/env bash
# Benchmark `aseankg diff` against peers run in the same script on the same files:
# serdi reading both inputs (the floor: parsing alone), and rdf-canonize (npm) canonicalizing one.
#
#   bash bench/diff.sh [SIZES...]      default sizes: 10000 100000 1000000 triples
#
# Workload per size: OLD and NEW N-Triples, 10% of the triples' count as blank nodes, 1% of triples
# changed, NEW's lines shuffled and blank nodes relabelled (bench/gen_diff_workload.py).
# rdf-canonize runs once per size and is stopped after CANON_LIMIT seconds (default 300).
# A second table: regular graphs (cycles, Petersen graphs, the 4x4 rook's and Shrikhande graphs, where
# colour refinement gives every node one colour) against a relabelled, shuffled copy
# (bench/gen_regular_workload.py): the exact search for ties must report no change. Sizes: REGULAR
# (default: the same sizes).
# Prints a Markdown table (time in seconds and peak RSS in MiB; best of RUNS runs) for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
runs=${RUNS:-3}
aseankg=${ASEANKG:-build/aseankg}
work=${WORK:-$(mktemp -d)}
peers=${PEERS:-1}
canon_limit=${CANON_LIMIT:-300}

[ -x "$aseankg" ] || { echo "build first: $aseankg is missing" >&2; exit 1; }
if [ "$peers" = 1 ] && [ ! -d "$work/node/node_modules" ]; then
  mkdir -p "$work/node"
  cp bench/node/package.json bench/node/package-lock.json bench/node/canonize.mjs "$work/node/"
  (cd "$work/node" && npm ci --no-audit --no-fund >/dev/null 2>&1)
fi

# measure LABEL COMMAND...: best wall time and its peak RSS over $runs runs, as "seconds MiB"
measure() {
  local best="" rss=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2>"$work/stderr" || true
    read -r t m < <(tail -n 1 "$work/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$t
      rss=$((m / 1024))
    fi
  done
  echo "$best $rss"
}

echo "| triples | blank nodes | serdi reads both (s) | aseankg diff (s) | ratio | aseankg peak RSS (MiB) | changes reported | rdf-canonize one file (s) | rdf-canonize RSS (MiB) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  blanks=$((n / 10))
  python3 bench/gen_diff_workload.py "$n" "$blanks" 1 "$work/old-$n.nt" "$work/new-$n.nt"
  read -r serd_t _ < <(measure sh -c "serdi -i ntriples -o ntriples '$work/old-$n.nt' > /dev/null && serdi -i ntriples -o ntriples '$work/new-$n.nt' > /dev/null")
  read -r diff_t diff_m < <(measure "$aseankg" diff "$work/old-$n.nt" "$work/new-$n.nt")
  changes=$(tail -n 1 "$work/stderr")
  canon_t="-" canon_m="-"
  if [ "$peers" = 1 ]; then
    read -r canon_t canon_m < <(RUNS=1 measure timeout "$canon_limit" node --max-old-space-size=4096 \
      "$work/node/canonize.mjs" "$work/old-$n.nt")
    if awk -v t="$canon_t" -v l="$canon_limit" 'BEGIN { exit !(t >= l) }'; then
      canon_t="> $canon_limit (stopped)"
    fi
  fi
  ratio=$(awk -v a="$diff_t" -v b="$serd_t" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  echo "| $n | $blanks | $serd_t | $diff_t | $ratio× | $diff_m | $changes | $canon_t | $canon_m |"
done

echo
echo "Regular graphs (every blank node alike to colour refinement), NEW a relabelled shuffled copy:"
echo
echo "| triples | serdi reads both (s) | aseankg diff (s) | ratio | aseankg peak RSS (MiB) | changes reported |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
read -r -a regular <<< "${REGULAR:-${sizes[*]}}"
for n in "${regular[@]}"; do
  python3 bench/gen_regular_workload.py "$n" "$work/regular-old-$n.nt" "$work/regular-new-$n.nt"
  read -r serd_t _ < <(measure sh -c "serdi -i ntriples -o ntriples '$work/regular-old-$n.nt' > /dev/null && serdi -i ntriples -o ntriples '$work/regular-new-$n.nt' > /dev/null")
  read -r diff_t diff_m < <(measure "$aseankg" diff "$work/regular-old-$n.nt" "$work/regular-new-$n.nt")
  changes=$(tail -n 1 "$work/stderr")
  ratio=$(awk -v a="$diff_t" -v b="$serd_t" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  echo "| $n | $serd_t | $diff_t | $ratio× | $diff_m | $changes |"
done
