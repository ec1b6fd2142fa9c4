#!/usr/bin/env bash
# Benchmark of `prfaq build` (not a test), against Hugo building the same
# briefs in the same run (bench/hugo-site: a minimal layout). For the
# corpora of 1,000 and 10,000 briefs (bench/gen_corpus.py, cached under
# .cache/bench) it prints the median wall time of 3 runs and the peak memory
# of: a full prfaq build into an empty folder, a rebuild after one brief
# changed, a rebuild with nothing changed, and a full Hugo build.
#   bench/site.sh [BUILD_DIR]     (default: build-bench, configured here)
#   BENCH_SIZES="1000" bench/site.sh   only the corpus of 1,000 briefs
# Needs hugo (apt-get install hugo) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
if [ ! -x "$build/prfaq" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRFAQ_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target prfaq >/dev/null
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
command -v hugo >/dev/null || { echo "bench: needs hugo (apt-get install hugo)" >&2; exit 2; }
prfaq=$(realpath "$build/prfaq")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Runs "$@" 3 times (after `prepare`, untimed); prints "median_seconds peak_MB".
measure() {
  local prepare=$1; shift
  local times=() peak=0 timed
  for run in 1 2 3; do
    $prepare
    /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null 2>&1
    timed=$(tail -1 "$work/time")
    times+=("${timed% *}")
    local kb=${timed#* }; [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $((peak / 1024))"
}

for n in ${BENCH_SIZES:-1000 10000}; do
  corpus=.cache/bench/corpus-$n
  [ -d "$corpus/content" ] || python3 bench/gen_corpus.py "$corpus" "$n" >/dev/null
  # A copy the benchmark may change (one brief edited per rebuild).
  rm -rf "$work/repo" && cp -r "$corpus" "$work/repo"
  one=$(find "$work/repo/content" -name '*.md' | sort | awk 'NR == 1')
  out="$work/out"
  empty_out() { rm -rf "$out" "$work"/.out.prfaq-*; }
  touch_one() { echo "Edited $RANDOM." >> "$one"; }
  nothing() { :; }
  read -r full full_mb < <(measure empty_out "$prfaq" -C "$work/repo" build --out "$out")
  read -r one_s one_mb < <(measure touch_one "$prfaq" -C "$work/repo" build --out "$out")
  read -r none_s none_mb < <(measure nothing "$prfaq" -C "$work/repo" build --out "$out")
  # Hugo reads the same content folder through its own site folder.
  rm -rf "$work/hugo" && cp -r bench/hugo-site "$work/hugo" && ln -s "$(realpath "$work/repo/content")" "$work/hugo/content"
  hugo_empty() { rm -rf "$work/hugo-out"; }
  read -r hugo_s hugo_mb < <(measure hugo_empty hugo --quiet -s "$work/hugo" -d "$work/hugo-out")
  awk -v n="$n" -v f="$full" -v fm="$full_mb" -v o="$one_s" -v om="$one_mb" -v z="$none_s" -v h="$hugo_s" -v hm="$hugo_mb" 'BEGIN {
    printf "%6d briefs: prfaq build %.2f s (peak %d MB); after one brief changed %.2f s (peak %d MB); nothing changed %.2f s; hugo %.2f s (peak %d MB); hugo/prfaq %.2fx\n",
      n, f, fm, o, om, z, h, hm, h/f }'
done
