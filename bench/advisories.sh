#!/usr/bin/env bash
# The offline advisory database at scale: generate 300 000 realistic OSV records across the
# ecosystems plimsoll matches (bench/make-osv-archive.py, as one all.zip), import them, and scan
# make-images.sh's Debian image against them.
#   bash bench/advisories.sh
# Targets (issue 8): import at least 50 000 records/s; matching under 50 ms; the whole scan under 1 s.
# There is no reference tool to run beside it here: trivy and grype cannot download their databases.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
IMAGES=${IMAGES:-$HOME/.cache/plimsoll-bench-images}
COUNT=${COUNT:-300000}
RUNS=${RUNS:-5}

if [[ ! -f $IMAGES/bad.tar ]]; then
  echo "bench: building test images into $IMAGES (make-images.sh, about 3 minutes)" >&2
  bash "$SHARED/tools/make-images.sh" "$IMAGES" >/dev/null 2>"$IMAGES.log" || { tail -20 "$IMAGES.log" >&2; exit 2; }
fi
BUILD=(swift build -c release --static-swift-stdlib -Xswiftc -static-executable --scratch-path .build-static)
"${BUILD[@]}" >/dev/null
PLIMSOLL=$("${BUILD[@]}" --show-bin-path)/plimsoll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

python3 bench/make-osv-archive.py "$work/all.zip" "$COUNT"
start=$(now)
"$PLIMSOLL" db import "$work/all.zip" --db "$work/advisories.sqlite" >/dev/null
import_time=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')

image=$IMAGES/bad.tar
scan_times=() sbom_times=()
for _ in $(seq "$RUNS"); do
  start=$(now); "$PLIMSOLL" scan "$image" --db "$work/advisories.sqlite" --format json --fail-on never >"$work/scan.json"
  scan_times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')")
  start=$(now); "$PLIMSOLL" sbom "$image" --format json >/dev/null
  sbom_times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')")
done
scan=$(printf '%s\n' "${scan_times[@]}" | median)
sbom=$(printf '%s\n' "${sbom_times[@]}" | median)
found=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["vulnerabilities"]))' "$work/scan.json")

echo "records imported:        $COUNT in ${import_time}s = $(awk -v n="$COUNT" -v t="$import_time" 'BEGIN { printf "%d", n / t }') records/s (target 50 000)"
echo "database size:           $(du -m "$work/advisories.sqlite" | cut -f1) MB"
echo "scan of $(basename "$image"):      ${scan}s (target < 1 s), $found vulnerabilities"
echo "  of which the inventory: ${sbom}s (plimsoll sbom of the same image)"
echo "  matching and report:    $(awk -v a="$scan" -v b="$sbom" 'BEGIN { printf "%.3f", a - b }')s (target < 0.05 s)"
