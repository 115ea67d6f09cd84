#!/usr/bin/env bash
# Benchmark `aseankg export` on synthetic corpora in the real data format (bench/gen_corpus.py),
# with serdi and rapper re-serialising the same output in the same script.
#   bash bench/export.sh [PARAGRAPHS...]     default: 170 1700 17000 (about 10^4, 10^5, 10^6 triples)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(170 1700 17000)
aseankg=${ASEANKG:-build/aseankg}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # run COMMAND...: "seconds MiB" of one run
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr"
  awk '{ printf "%s %d\n", $1, $2 / 1024 }' "$work/time"
}

echo "| paragraphs | triples | aseankg → canonical N-Triples (s, MiB) | aseankg → sorted Turtle (s, MiB) | serdi NT→NT (s) | serdi NT→Turtle (s) | rapper NT→NT (s) | rapper NT→Turtle (s) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for p in "${sizes[@]}"; do
  python3 bench/gen_corpus.py "$p" "$work/corpus-$p"
  "$aseankg" export -f ntriples --data "$work/corpus-$p" -o "$work/out-$p.nt"
  triples=$(wc -l < "$work/out-$p.nt")
  read -r nt_t nt_m < <(run "$aseankg" export -f ntriples --data "$work/corpus-$p" -o /dev/null)
  read -r ttl_t ttl_m < <(run "$aseankg" export -f turtle --data "$work/corpus-$p" -o /dev/null)
  read -r serd_nt _ < <(run serdi -i ntriples -o ntriples "$work/out-$p.nt")
  read -r serd_ttl _ < <(run serdi -i ntriples -o turtle "$work/out-$p.nt")
  read -r rap_nt _ < <(run rapper -q -i ntriples -o ntriples "$work/out-$p.nt")
  read -r rap_ttl _ < <(run rapper -q -i ntriples -o turtle "$work/out-$p.nt")
  echo "| $p | $triples | $nt_t, $nt_m | $ttl_t, $ttl_m | $serd_nt | $serd_ttl | $rap_nt | $rap_ttl |"
done
