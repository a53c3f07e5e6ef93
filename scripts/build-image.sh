#!/usr/bin/env bash
# `make image`: plimsoll's own image, from image/Dockerfile and the staged install tree
# (scripts/stage.sh) plus the system's CA certificates, built with buildah (chroot isolation, vfs
# storage: no daemon, no privileges beyond root's) in Docker's image format, which keeps
# HEALTHCHECK, and written as a docker-archive (what `docker load` reads).
#   bash scripts/build-image.sh ARCHIVE [TAG]
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:?usage: scripts/build-image.sh ARCHIVE [TAG]}
tag=${2:-latest}
command -v buildah >/dev/null 2>&1 || { echo "plimsoll: buildah is not installed: run \`apt-get install buildah\` (or your system's equivalent)" >&2; exit 2; }
certificates=/etc/ssl/certs/ca-certificates.crt
[[ -f $certificates ]] || { echo "plimsoll: $certificates is missing: install ca-certificates" >&2; exit 2; }
context=$(mktemp -d)
storage=$(mktemp -d)
trap 'buildah --root "$storage/root" --runroot "$storage/run" --storage-driver vfs rm --all >/dev/null 2>&1 || true; rm -rf "$context" "$storage"' EXIT
bash scripts/stage.sh "$context/stage" >&2
mkdir -p "$context/bin"
cp "$context/stage/bin/plimsoll" "$context/bin/plimsoll"
cp "$certificates" "$context/ca-certificates.crt"
rm -rf "$context/stage"
version=$("$context/bin/plimsoll" --version | cut -d' ' -f1)
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
buildah=(buildah --root "$storage/root" --runroot "$storage/run" --storage-driver vfs)
"${buildah[@]}" bud --quiet --format docker --isolation chroot --layers --timestamp 0 --build-arg "VERSION=$version" --build-arg "REVISION=$revision" \
  -f image/Dockerfile -t "plimsoll:$tag" "$context" >/dev/null
rm -f "$archive"
"${buildah[@]}" push --quiet "plimsoll:$tag" "docker-archive:$archive:plimsoll:$tag" >/dev/null
echo "$archive"
