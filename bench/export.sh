#!/usr/bin/env bash
# Benchmark `aseankg export` on synthetic corpora in the real data format (bench/gen_corpus.py: one
# document per 100 paragraphs, a shared entity register), against serdi and rapper re-serialising
# the same canonical N-Triples output in the same script.
#
#   bash bench/export.sh [PARAGRAPHS...]   default: 150 1500 15000 (about 10^4, 10^5, 10^6 triples)
#
# Environment: RUNS (best of, default 3), ASEANKG (default build/aseankg), PLOT (the SVG to write,
# default docs/export-scale.svg; empty for none), WORK (scratch directory, default a fresh one).
# Prints Markdown for docs/performance.md: the measurements (wall seconds, peak RSS in MiB), the
# ratios the goals are stated in, and the growth exponent between the two largest sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(150 1500 15000)
runs=${RUNS:-3}
aseankg=${ASEANKG:-build/aseankg}
plot=${PLOT-docs/export-scale.svg}
work=${WORK:-$(mktemp -d)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT

[ -x "$aseankg" ] || { echo "build first: $aseankg is missing" >&2; exit 1; }
for tool in serdi rapper python3 /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "missing $tool (scripts/build.sh installs it)" >&2; exit 1; }
done
if [ -n "$plot" ] && ! command -v gnuplot > /dev/null; then
  echo "missing gnuplot (scripts/build.sh installs gnuplot-nox); or set PLOT= for no plot" >&2
  exit 1
fi

# measure COMMAND...: the best wall time of $runs runs and that run's peak RSS, as "seconds MiB".
# Output goes to /dev/null for every tool alike. The time is taken around /usr/bin/time (which
# reports RSS) to the millisecond: its own %e has only hundredths, too coarse at 10^5 triples.
measure() {
  local best="" rss="" t m begin end
  for _ in $(seq "$runs"); do
    begin=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr" ||
      { cat "$work/stderr" >&2; exit 1; }
    end=$(date +%s%N)
    t=$(awk -v b="$begin" -v e="$end" 'BEGIN { printf "%.3f", (e - b) / 1e9 }')
    m=$(tail -n 1 "$work/time")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$t
      rss=$((m / 1024))
    fi
  done
  echo "$best $rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

data="$work/results.tsv"
: > "$data"
for p in "${sizes[@]}"; do
  corpus="$work/corpus-$p"
  rm -rf "$corpus"
  python3 bench/gen_corpus.py "$p" "$corpus"
  "$aseankg" export -f ntriples --data "$corpus" -o "$work/out.nt"
  triples=$(wc -l < "$work/out.nt")
  documents=$(grep -c '^  - id: ' "$corpus/dataset.yaml")
  nt_mib=$(stat -c %s "$work/out.nt" | awk '{ printf "%.1f", $1 / 1048576 }')
  read -r nt_t nt_m < <(measure "$aseankg" export -f ntriples --data "$corpus" -o /dev/null)
  read -r ttl_t ttl_m < <(measure "$aseankg" export -f turtle --data "$corpus" -o /dev/null)
  read -r snt_t snt_m < <(measure serdi -i ntriples -o ntriples "$work/out.nt")
  read -r sttl_t sttl_m < <(measure serdi -i ntriples -o turtle "$work/out.nt")
  read -r rnt_t rnt_m < <(measure rapper -q -i ntriples -o ntriples "$work/out.nt")
  read -r rttl_t rttl_m < <(measure rapper -q -i ntriples -o turtle "$work/out.nt")
  printf '%s\n' "$p $documents $triples $nt_mib $nt_t $nt_m $ttl_t $ttl_m $snt_t $snt_m $sttl_t $sttl_m $rnt_t $rnt_m $rttl_t $rttl_m" >> "$data"
  rm -rf "$corpus" "$work/out.nt"
done

echo "| paragraphs | documents | triples | N-Triples output (MiB) | aseankg → canonical N-Triples (s, MiB) | aseankg → sorted Turtle (s, MiB) | serdi NT→NT (s, MiB) | serdi NT→Turtle (s, MiB) | rapper NT→NT (s, MiB) | rapper NT→Turtle (s, MiB) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
while read -r p d n mib a b c e f g h i j k l m; do
  echo "| $p | $d | $n | $mib | $a, $b | $c, $e | $f, $g | $h, $i | $j, $k | $l, $m |"
done < "$data"

echo
echo "| triples | NT: serdi time ÷ aseankg time (goal ≥ 1) | Turtle: aseankg ÷ serdi (goal ≤ 2) | Turtle: rapper ÷ aseankg (goal ≥ 5) | peak RSS ÷ N-Triples size (goal ≤ 3) |"
echo "| ---: | ---: | ---: | ---: | ---: |"
while read -r p d n mib nt_t nt_m ttl_t ttl_m snt_t _ sttl_t _ _ _ rttl_t _; do
  rss=$nt_m
  [ "$ttl_m" -gt "$rss" ] && rss=$ttl_m
  echo "| $n | $(ratio "$snt_t" "$nt_t") | $(ratio "$ttl_t" "$sttl_t") | $(ratio "$rttl_t" "$ttl_t") | $(ratio "$rss" "$mib") |"
done < "$data"

if [ "$(wc -l < "$data")" -ge 2 ]; then
  # Growth exponent k in time ∝ triples^k, between the two largest sizes.
  tail -n 2 "$data" | awk '
    NR == 1 { n1 = $3; nt1 = $5; ttl1 = $7 }
    NR == 2 { n2 = $3; nt2 = $5; ttl2 = $7 }
    END {
      l = log(n2 / n1)
      printf "\nGrowth exponent from %d to %d triples (goal ≤ 1.1): N-Triples %.2f, Turtle %.2f\n",
        n1, n2, log(nt2 / nt1) / l, log(ttl2 / ttl1) / l
    }'
fi

if [ -n "$plot" ]; then
  gnuplot <<EOF
set terminal svg size 1000,520 font "sans,11" background "white"
set output "$plot"
set multiplot layout 1,2 title "aseankg export against serdi and rapper (same N-Triples, same machine)"
set logscale xy
set grid
set key below maxcols 2 width -2
set autoscale xfix
set offsets graph 0.05, graph 0.05, 0, 0
set xlabel "triples"
set format x "10^{%L}"
set style line 1 lw 2 lc "#1f4e79" pt 7
set style line 2 lw 2 lc "#2e7d32" pt 5
set style line 3 lw 1 lc "#e65100" dt 2 pt 6
set style line 4 lw 1 lc "#bf360c" dt 2 pt 4
set style line 5 lw 1 lc "#6a1b9a" dt 3 pt 8
set style line 6 lw 1 lc "#ad1457" dt 3 pt 12
set style line 7 lw 1 lc "black"
set ylabel "wall time (s)"
set title "time"
plot "$data" using 3:5 with linespoints ls 1 title "aseankg → N-Triples", \
     "$data" using 3:7 with linespoints ls 2 title "aseankg → Turtle", \
     "$data" using 3:9 with linespoints ls 3 title "serdi NT→NT", \
     "$data" using 3:11 with linespoints ls 4 title "serdi NT→Turtle", \
     "$data" using 3:13 with linespoints ls 5 title "rapper NT→NT", \
     "$data" using 3:15 with linespoints ls 6 title "rapper NT→Turtle"
set ylabel "peak RSS (MiB)"
set title "memory"
plot "$data" using 3:6 with linespoints ls 1 title "aseankg → N-Triples", \
     "$data" using 3:8 with linespoints ls 2 title "aseankg → Turtle", \
     "$data" using 3:10 with linespoints ls 3 title "serdi NT→NT", \
     "$data" using 3:12 with linespoints ls 4 title "serdi NT→Turtle", \
     "$data" using 3:14 with linespoints ls 5 title "rapper NT→NT", \
     "$data" using 3:16 with linespoints ls 6 title "rapper NT→Turtle", \
     "$data" using 3:4 with lines ls 7 title "N-Triples output size"
unset multiplot
EOF
  echo
  echo "Plot: $plot"
fi
