#!/usr/bin/env bash
# Regenerates scripts/code-order.txt, the linker's section-ordering file for release builds.
#   bash scripts/generate-code-order.sh
#
# A static plimsoll is ~90 MB, and the kernel maps its code 64 KiB or more around every page a
# run touches, so code that runs once but is scattered across the binary stays resident and costs
# a page fault each. Compiled with `-function-sections` and linked with this file, the functions
# that typical runs execute sit together: `plimsoll image` of the minbase image peaks at ~15 MB
# instead of ~17 MB, and a one-file lint takes ~10% less CPU. The list comes from valgrind's
# callgrind over representative commands (lint, check, image, sbom on the bench images); names
# it misses, or that code changes rename, only land outside the packed region, so a stale file
# costs memory, never correctness.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
IMAGES=${IMAGES:-$HOME/.cache/plimsoll-bench-images}
command -v valgrind >/dev/null || { apt-get install -y -qq valgrind >/dev/null || sudo apt-get install -y -qq valgrind >/dev/null; }
if [[ ! -f $IMAGES/min.tar ]]; then
  echo "building test images into $IMAGES (make-images.sh, about 3 minutes)" >&2
  bash "$SHARED/tools/make-images.sh" "$IMAGES" >/dev/null 2>"$IMAGES.log" || { tail -20 "$IMAGES.log" >&2; exit 2; }
fi
source bench/release-build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift's clang writes; the symbol table is enough.
strip -g -o "$work/plimsoll" "$PLIMSOLL"

runs=(
  "--version"
  "lint examples/node-api/Dockerfile"
  "check examples/node-api"
  "image $IMAGES/min.tar --fail-on never"
  "image $IMAGES/bad.tar --no-verify --dockerfile $IMAGES/Dockerfile.bad --format json --fail-on never"
  "image oci:$IMAGES/oci-min --format sarif --fail-on never"
  "sbom $IMAGES/min.tar --format cyclonedx-json"
  "sbom $IMAGES/bad.tar --no-verify --format spdx-json"
)
corpus=("$SHARED"/corpus/dockerfiles/*Dockerfile*)
if [[ -f ${corpus[0]} ]]; then
  runs+=("lint --format json ${corpus[*]:0:100}")
fi
for index in "${!runs[@]}"; do
  # shellcheck disable=SC2086 # each run is a list of arguments
  valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/run$index.out" "$work/plimsoll" ${runs[$index]} \
    >/dev/null 2>"$work/run$index.log" || true
  grep -q "Collected" "$work/run$index.log" || { echo "callgrind failed on: ${runs[$index]}" >&2; tail -5 "$work/run$index.log" >&2; exit 2; }
done

# Callgrind names each function once per file as `fn=(id) name` (later mentions use the id alone);
# `'2` marks a recursion level. One section per function is named `.text.<symbol>`. Each run adds
# the functions earlier runs did not execute, sorted so that regenerating gives a small diff.
python3 - "$work" scripts/code-order.txt <<'PY'
import glob, os, re, sys
seen, order = set(), []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "run*.out")), key=lambda p: int(re.findall(r"\d+", os.path.basename(p))[0])):
    new = set()
    for line in open(path, errors="replace"):
        match = re.match(r"^c?fn=\(\d+\) (\S+)$", line.rstrip("\n"))
        if match:
            new.add(re.sub(r"'\d+$", "", match.group(1)))
    added = sorted(name for name in new - seen if not name.startswith("0x"))
    seen |= new
    order += added
with open(sys.argv[2], "w") as out:
    out.writelines(f".text.{name}\n" for name in order)
print(f"{len(order)} functions written to {sys.argv[2]}")
PY
# SwiftPM does not track the ordering file, so make the next release build link again.
rm -f "$PLIMSOLL"
