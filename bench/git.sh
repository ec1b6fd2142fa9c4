#!/usr/bin/env bash
# Benchmark of the Git side (not a test): on a repository of 10,000 briefs
# and 30,000 commits (bench/gen_history.py, cached under .cache/bench), print
#  - the pre-commit hook after one brief changed (median of 21 runs), with
#    git status and git diff --cached as peers in the same run,
#  - check --rev HEAD next to the working-tree check (medians of 5),
#  - the history walk: prfaq log of the oldest brief (walks every commit),
#    the walk for every brief on its own (bench/history_walk.cpp: the
#    read_history call of prfaq list and prfaq build, without the check; wall
#    and CPU seconds of the whole process), and prfaq list (check + history of
#    every brief), medians of 5.
#   bench/git.sh [BUILD_DIR] [BRIEFS] [COMMITS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
n=${2:-10000}
commits=${3:-30000}
if [ ! -x "$build/prfaq" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRFAQ_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target prfaq history_walk >/dev/null
prfaq=$(cd "$build" && pwd)/prfaq
history_walk=$(cd "$build" && pwd)/history_walk
repo=.cache/bench/hist-$n
[ -d "$repo/.git" ] || python3 bench/gen_history.py "$repo" "$n" "$commits"
cd "$repo"
git reset -q --hard

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() {  # wall seconds, to the millisecond (time -f %e rounds to 10 ms)
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
  awk -v d=$((end - start)) 'BEGIN { printf "%.4f\n", d / 1e9 }'
}
cpu() { /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; }
runs() { local k=$1; shift; for _ in $(seq "$k"); do secs "$@"; done | median; }

brief=$(git ls-files 'content/*.md' | sed -n 1p)
oldest=$(git log --reverse --diff-filter=A --format= --name-only -- content | grep '\.md$' | sed -n 1p)
slug=$(basename "$oldest" .md); [ "$slug" = index ] && slug=$(basename "$(dirname "$oldest")")

printf '\n' >> "$brief"; git add "$brief"
hook=$(runs 21 "$prfaq" hook pre-commit)
status=$(runs 21 git status --porcelain)
cached=$(runs 21 git diff --cached --quiet)
git reset -q --hard

fs=$(runs 5 "$prfaq" check)
rev=$(runs 5 "$prfaq" check --rev HEAD)
walk=$(runs 5 "$prfaq" log "$slug")
all=$(runs 5 "$history_walk" .)
all_cpu=$(for _ in $(seq 5); do cpu "$history_walk" .; done | median)
list=$(runs 5 "$prfaq" list)
total=$(git rev-list --count HEAD)
awk -v n="$n" -v c="$total" -v h="$hook" -v st="$status" -v dc="$cached" -v f="$fs" -v r="$rev" -v w="$walk" -v a="$all" -v ac="$all_cpu" -v l="$list" 'BEGIN {
  printf "%d briefs, %d commits:\n", n, c
  printf "  pre-commit hook, one brief changed: %4.0f ms (median of 21); same run: git status %.0f ms, git diff --cached %.0f ms\n", h * 1000, st * 1000, dc * 1000
  printf "  check (working tree) %.2f s, check --rev HEAD %.2f s: %.2fx\n", f, r, r / f
  printf "  history walk over every commit (prfaq log of the oldest brief): %.2f s\n", w
  printf "  history walk for every brief (bench/history_walk, no check): %.2f s, %.2f s CPU\n", a, ac
  printf "  prfaq list (check + history of every brief): %.2f s\n", l }'
