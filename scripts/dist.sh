#!/usr/bin/env bash
# `make dist`: the release artefact, dist/plimsoll-VERSION-linux-ARCH.tar.gz. One folder holding
# the static binary, its man page and completions (as `make install` lays them out), LICENSE, the
# licences of what the binary contains (Swift's runtime and Foundation, swift-argument-parser,
# Yams, zlib, zstd, OpenSSL, SQLite) and SHA256SUMS of every file; a .sha256 of the tarball beside
# it. It runs on any x86-64 Linux: nothing in it links dynamically.
#   bash scripts/dist.sh             prints the tarball's path
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash scripts/stage.sh "$work/stage" >&2
version=$("$work/stage/bin/plimsoll" --version | cut -d' ' -f1)
name=plimsoll-$version-linux-$(uname -m)
folder=$work/$name
mv "$work/stage" "$folder"
cp LICENSE "$folder/LICENSE"
notices=$folder/THIRD-PARTY-NOTICES
: > "$notices"
# notice NAME FILE: a component's licence, when this machine has the file.
notice() {
  [[ -f $2 ]] || { echo "plimsoll: $2 (the licence of $1) is missing; the artefact needs it" >&2; exit 2; }
  printf '==== %s ====\n\n' "$1" >> "$notices"
  cat "$2" >> "$notices"
  printf '\n' >> "$notices"
}
swift_license=$(dirname "$(dirname "$(command -v swift)")")/share/swift/LICENSE.txt
notice "Swift runtime and Foundation" "$swift_license"
notice "swift-argument-parser" .build-static/checkouts/swift-argument-parser/LICENSE.txt
notice "Yams" .build-static/checkouts/Yams/LICENSE
for package in zlib1g libzstd1 libssl3 libsqlite3-0; do notice "$package (Debian copyright file)" "/usr/share/doc/$package/copyright"; done
(cd "$folder" && find . -type f ! -name SHA256SUMS | sort | sed 's|^\./||' | xargs sha256sum > SHA256SUMS)
mkdir -p dist
tarball=dist/$name.tar.gz
tar -C "$work" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$tarball"
