#!/usr/bin/env bash
# `make install`: the tuned, fully static binary, its man page and bash, zsh and fish completions
# under PREFIX (default /usr/local). Nothing is built when PREFIX cannot be written.
#   bash scripts/install.sh PREFIX
set -euo pipefail
prefix=${1:?usage: scripts/install.sh PREFIX}
[[ $prefix == /* ]] || prefix=$PWD/$prefix
cd "$(dirname "$0")/.."
probe=$prefix/.plimsoll-install-probe
if ! { mkdir -p "$prefix" && touch "$probe" && rm -f "$probe"; } 2>/dev/null; then
  echo "plimsoll: cannot write to $prefix: run \`sudo make install\`, or \`make install PREFIX=\$HOME/.local\`" >&2
  exit 2
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
bash scripts/stage.sh "$stage"
cp -R "$stage/." "$prefix/"
echo "plimsoll: installed $prefix/bin/plimsoll ($("$prefix/bin/plimsoll" --version)), its man page and completions" >&2
