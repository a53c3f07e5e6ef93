#!/usr/bin/env bash
# Walk a generated 200 000-file context (20 000 directories, 30-pattern .dockerignore) with
# `plimsoll context` and compare with the file-system floor, `find DIR -type f | wc -l`.
#   bash bench/context-walk.sh [FILES] [DIRECTORIES]
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-200000}
DIRECTORIES=${2:-20000}
TREE=${TREE:-${TMPDIR:-/tmp}/plimsoll-context-tree-$FILES-$DIRECTORIES}
[[ -f $TREE/Dockerfile ]] || python3 bench/make-context-tree.py "$TREE" "$FILES" "$DIRECTORIES"

source bench/release-build.sh

now() { date +%s.%N; }
best_of() {  # best of 5 runs, in seconds
  local best=""
  for _ in 1 2 3 4 5; do
    local start; start=$(now)
    "$@" >/dev/null 2>&1 || true
    local took; took=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
    best=$(awk -v a="$took" -v b="${best:-$took}" 'BEGIN { print (a < b) ? a : b }')
  done
  echo "$best"
}

find_files() { find "$TREE" -type f | wc -l; }
echo "tree: $TREE ($(find_files) files, $(find "$TREE" -type d | wc -l) directories)"
floor=$(best_of find_files)
walk=$(best_of "$PLIMSOLL" context "$TREE" --format json --fail-on never)
text=$(best_of "$PLIMSOLL" context "$TREE" --fail-on never)
printf '\n%-44s %9s %9s\n' "measure" "seconds" "ratio"
printf '%-44s %9.3f %8.2fx\n' "find DIR -type f | wc -l" "$floor" 1
printf '%-44s %9.3f %8.2fx\n' "plimsoll context (json: every file listed)" "$walk" "$(awk -v a="$walk" -v b="$floor" 'BEGIN { print a / b }')"
printf '%-44s %9.3f %8.2fx\n' "plimsoll context (text)" "$text" "$(awk -v a="$text" -v b="$floor" 'BEGIN { print a / b }')"
