#!/usr/bin/env bash
# Benchmark of `prfaq check` (not a test): generates corpora of 1,000 and
# 10,000 briefs (bench/gen_corpus.py, cached under .cache/bench), then prints
# for each the median wall time of 5 runs, briefs per second, CPU time and
# peak memory, the same check on one thread (--jobs 1, median of 3), and md4c
# alone parsing the same files on one thread (the floor), so that every
# figure has a peer measured in the same run.
#   bench/check.sh [BUILD_DIR]     (default: build-bench, configured here)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
if [ ! -x "$build/prfaq" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRFAQ_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target prfaq md4c_parse >/dev/null
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in 1000 10000; do
  corpus=.cache/bench/corpus-$n
  [ -d "$corpus/content" ] || python3 bench/gen_corpus.py "$corpus" "$n" >/dev/null
  bytes=$(find "$corpus/content" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')
  times=() cpus=() ; peak=0
  for run in 1 2 3 4 5; do
    out=$( { /usr/bin/time -f '%e %U %S %M' "$build/prfaq" -C "$corpus" check >/dev/null; } 2>&1 | tail -1)
    read -r e u s kb <<<"$out"
    times+=("$e"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  wall=$(printf '%s\n' "${times[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  one=()
  for run in 1 2 3; do
    one+=("$( { /usr/bin/time -f '%e' "$build/prfaq" -C "$corpus" check --jobs 1 >/dev/null; } 2>&1 | tail -1)")
  done
  single=$(printf '%s\n' "${one[@]}" | median)
  md4c=()
  for run in 1 2 3; do md4c+=("$("$build/md4c_parse" "$corpus/content" | awk '{print $5}')"); done
  floor=$(printf '%s\n' "${md4c[@]}" | median)
  awk -v n="$n" -v b="$bytes" -v w="$wall" -v c="$cpu" -v p="$peak" -v o="$single" -v f="$floor" 'BEGIN {
    printf "%6d briefs, %6.1f MB: prfaq check %.2f s wall (median of 5, CPU %.2f s), %7.0f briefs/s, peak %5.0f MB (%.2fx corpus); one thread %.2f s; md4c alone %.2f s (prfaq/md4c %.1fx)\n",
      n, b/1e6, w, c, n/w, p/1024, p*1024/b, o, f, w/f }'
done
