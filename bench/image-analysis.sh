#!/usr/bin/env bash
# Analyse real images with dive and with plimsoll, side by side, and print the ratios.
#   bash bench/image-analysis.sh
# Builds the two Debian images of ../shared/tools/make-images.sh once (needs root, apt and about
# 3 minutes; kept in $IMAGES for later runs), installs dive through
# ../shared/tools/install-anchors.sh, and builds plimsoll as README's install section does.
# Measures, on the same input in one run:
#   - docker-archive analysis: plimsoll image (size and security) vs dive --ci (median of 5 runs, and
#     peak RSS), and vs trivy's secret scan of the same archive (fresh trivy cache each run);
#   - OCI layout with gzip layers: plimsoll image vs `gzip -dc` of the same layer blobs;
#   - that plimsoll's "dive" figures equal dive's own.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
IMAGES=${IMAGES:-$HOME/.cache/plimsoll-bench-images}
RUNS=${RUNS:-5}

if [[ ! -f $IMAGES/bad.tar || ! -d $IMAGES/oci-bad ]]; then
  echo "bench: building test images into $IMAGES (make-images.sh, about 3 minutes)" >&2
  bash "$SHARED/tools/make-images.sh" "$IMAGES" >/dev/null 2>"$IMAGES.log" || { tail -20 "$IMAGES.log" >&2; exit 2; }
fi

VENV=${VENV:-$HOME/.cache/plimsoll-anchors/venv}
[[ -x $VENV/bin/dive && -x $VENV/bin/trivy ]] || bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null
DIVE=$VENV/bin/dive
TRIVY=$VENV/bin/trivy

source bench/release-build.sh

# median seconds and peak KiB of RUNS runs of a command
measure() {
  local times=() peak=0 line report
  report=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$report" -f '%e %M' "$@" >/dev/null 2>&1 || true
    line=$(tail -n1 "$report")
    times+=("${line% *}")
    if (( ${line#* } > peak )); then peak=${line#* }; fi
  done
  rm -f "$report"
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$peak"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

bad=$IMAGES/bad.tar
echo "image: $bad ($(du -m "$bad" | cut -f1) MB); $("$DIVE" --version); plimsoll $("$PLIMSOLL" --version)"
# Warm the page cache and both binaries once.
"$DIVE" --ci --source docker-archive "$bad" >/dev/null 2>&1 || true
"$PLIMSOLL" image "$bad" --fail-on never >/dev/null

read -r d_time d_rss < <(measure "$DIVE" --ci --source docker-archive "$bad")
read -r p_time p_rss < <(measure "$PLIMSOLL" image "$bad" --format json --fail-on never)
read -r n_time n_rss < <(measure "$PLIMSOLL" image "$bad" --format json --fail-on never --no-verify)
# The minbase image: one 116 MB layer, where neither tool can spread work over cores.
read -r dm_time dm_rss < <(measure "$DIVE" --ci --source docker-archive "$IMAGES/min.tar")
read -r pm_time pm_rss < <(measure "$PLIMSOLL" image "$IMAGES/min.tar" --format json --fail-on never)
trivy_cache=$(mktemp -d)
trivy_secrets() { rm -rf "$trivy_cache"; "$TRIVY" image --scanners secret --input "$bad" --skip-db-update --offline-scan \
  --cache-dir "$trivy_cache" --format json --quiet; }
export -f trivy_secrets; export TRIVY bad trivy_cache
read -r t_time t_rss < <(RUNS=3 measure bash -c trivy_secrets)
rm -rf "$trivy_cache"

layout=$IMAGES/oci-bad
mapfile -t gz_blobs < <(python3 - "$layout" <<'PY'
import json, sys, os
root = sys.argv[1]
def blob(d): return os.path.join(root, "blobs", *d.split(":"))
index = json.load(open(os.path.join(root, "index.json")))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
for layer in manifest["layers"]:
    if layer["mediaType"].endswith("gzip"): print(blob(layer["digest"]))
PY
)
export gz_blobs_list="${gz_blobs[*]}"
read -r g_time _ < <(measure bash -c 'for b in $gz_blobs_list; do gzip -dc "$b"; done >/dev/null')
read -r o_time o_rss < <(measure "$PLIMSOLL" image "oci:$layout" --format json --fail-on never)

printf '\n%-44s %10s %10s %9s\n' "measure" "reference" "plimsoll" "ratio"
printf '%-44s %9ss %9ss %8sx\n' "docker-archive: dive --ci vs plimsoll image" "$d_time" "$p_time" "$(ratio "$d_time" "$p_time")"
printf '%-44s %8sMB %8sMB %8sx\n' "  peak memory (dive / plimsoll)" "$((d_rss / 1024))" "$((p_rss / 1024))" "$(ratio "$d_rss" "$p_rss")"
printf '%-44s %9ss %9ss %8sx\n' "  the same with plimsoll --no-verify" "$d_time" "$n_time" "$(ratio "$d_time" "$n_time")"
printf '%-44s %9ss %9ss %8sx\n' "minbase: dive --ci vs plimsoll image" "$dm_time" "$pm_time" "$(ratio "$dm_time" "$pm_time")"
printf '%-44s %8sMB %8sMB %8sx\n' "  peak memory (dive / plimsoll)" "$((dm_rss / 1024))" "$((pm_rss / 1024))" "$(ratio "$dm_rss" "$pm_rss")"
printf '%-44s %9ss %9ss %8sx\n' "trivy secret scan vs plimsoll image" "$t_time" "$p_time" "$(ratio "$t_time" "$p_time")"
printf '%-44s %8sMB %8sMB %8sx\n' "  peak memory (trivy / plimsoll)" "$((t_rss / 1024))" "$((p_rss / 1024))" "$(ratio "$t_rss" "$p_rss")"
printf '%-44s %9ss %9ss %8sx\n' "oci gzip: gzip -dc of the layers vs plimsoll" "$g_time" "$o_time" "$(ratio "$g_time" "$o_time")"
printf '%-44s %10s %8sMB\n' "  peak memory (plimsoll)" "" "$((o_rss / 1024))"

# dive's figures, as dive prints them when its CI rules fail, against plimsoll's "dive" member.
dive_out=$("$DIVE" --ci --source docker-archive "$bad" --lowestEfficiency 0.9999 --highestUserWastedPercent 0.0001 2>&1 || true)
d_eff=$(grep -o 'efficiency=[0-9.]*' <<<"$dive_out" | head -n1 | cut -d= -f2)
d_waste=$(grep -o 'user-wasted-bytes=[0-9.]*' <<<"$dive_out" | head -n1 | cut -d= -f2)
read -r p_eff p_waste p_own < <("$PLIMSOLL" image "$bad" --format json --fail-on never | python3 -c '
import json, sys
image = json.load(sys.stdin)["image"]
print(image["dive"]["efficiency"], image["dive"]["userWastedPercent"], image["efficiency"])')
echo
echo "dive's efficiency:            dive $d_eff, plimsoll's dive figure $p_eff (plimsoll's exact efficiency: $p_own)"
echo "dive's user-wasted fraction:  dive $d_waste, plimsoll's dive figure $p_waste"
awk -v a="$d_eff" -v b="$p_eff" -v c="$d_waste" -v d="$p_waste" \
  'BEGIN { if (a - b > 1e-9 || b - a > 1e-9 || c - d > 1e-9 || d - c > 1e-9) { print "MISMATCH"; exit 1 } else print "dive figures: equal" }'

# The planted problems of the bad image, each reported; no secret on the minbase image; no secret
# value of the fixtures in any output format.
report=$("$PLIMSOLL" image "$bad" --dockerfile "$IMAGES/Dockerfile.bad" --format json --fail-on never)
missing=$(python3 - "$report" <<'PY'
import json, sys
findings = json.loads(sys.argv[1])["findings"]
have = {(f["rule"], f.get("path")) for f in findings}
wanted = [("PI011", None), ("PI021", "/app/.ssh/id_rsa"), ("PI021", "/app/.env"), ("PI023", "/app/.git"),
          ("PI024", "/usr/bin/find"), ("PI014", None), ("PI012", None), ("PI001", None)]
print(" ".join(f"{rule}:{path}" for rule, path in wanted if not any(r == rule and (path is None or p == path) for r, p in have)))
PY
)
echo
if [[ -n $missing ]]; then echo "planted problems NOT reported: $missing"; exit 1; fi
echo "planted problems: all reported (root, id_rsa, .env, .git, setuid find, DB_PASSWORD, port 22, apt lists)"
min_secrets=$("$PLIMSOLL" image "$IMAGES/min.tar" --format json --fail-on never | python3 -c '
import json, sys
print(sum(f["rule"] in ("PI014", "PI021", "PI022") for f in json.load(sys.stdin)["findings"]))')
echo "secret findings on the minbase image: $min_secrets"
leaks=0
for format in text json sarif github checkstyle junit; do
  out=$("$PLIMSOLL" image "$bad" --dockerfile "$IMAGES/Dockerfile.bad" --format "$format" --fail-on never)
  while IFS='=' read -r _ value; do
    [[ -n $value && $value != *"://"* ]] || continue
    if grep -qF -- "$value" <<<"$out"; then echo "LEAK in $format"; leaks=1; fi
  done < "$IMAGES/fixtures/app/.env"
  if grep -qF 'hunter2-not-a-real-password' <<<"$out"; then echo "LEAK of DB_PASSWORD in $format"; leaks=1; fi
done
[[ $leaks -eq 0 ]] && echo "secret values in any output format: none"
