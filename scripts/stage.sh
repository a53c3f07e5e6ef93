#!/usr/bin/env bash
# Builds the tuned binary and lays out everything `make install` and `make dist` ship, as a prefix:
#   DIR/bin/plimsoll                                       (without debug information)
#   DIR/share/man/man1/plimsoll.1                          (swift-argument-parser's generate-manual)
#   DIR/share/bash-completion/completions/plimsoll
#   DIR/share/zsh/site-functions/_plimsoll
#   DIR/share/fish/vendor_completions.d/plimsoll.fish
#   bash scripts/stage.sh DIR
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${1:?usage: scripts/stage.sh DIR}
source scripts/release-build.sh
"${RELEASE_BUILD[@]}" --product generate-manual >&2
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions" \
  "$stage/share/fish/vendor_completions.d"
# Without its DWARF (15 MB); the symbol table stays, so a crash's backtrace still names functions.
strip -g -o "$stage/bin/plimsoll" "$PLIMSOLL"
chmod 755 "$stage/bin/plimsoll"
"$(dirname "$PLIMSOLL")/generate-manual" "$PLIMSOLL" --output-directory "$stage/share/man/man1" \
  --date "$(git log -1 --format=%cs 2>/dev/null || date +%F)" --authors "The Plimsoll developers" >/dev/null
"$PLIMSOLL" --generate-completion-script bash > "$stage/share/bash-completion/completions/plimsoll"
"$PLIMSOLL" --generate-completion-script zsh > "$stage/share/zsh/site-functions/_plimsoll"
"$PLIMSOLL" --generate-completion-script fish > "$stage/share/fish/vendor_completions.d/plimsoll.fish"
