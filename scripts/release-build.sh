#!/usr/bin/env bash
# The one place the tuned release build is spelled out: a fully static executable, generic
# metadata through accessors, and the functions typical runs execute packed together (see README,
# "Why the tuned build"). Run it to build; source it to get RELEASE_BUILD and PLIMSOLL (the binary).
#   bash scripts/release-build.sh        builds, then prints the binary's path
RELEASE_BUILD=(swift build -c release --static-swift-stdlib -Xswiftc -static-executable
               -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
               -Xswiftc -Xfrontend -Xswiftc -function-sections -Xlinker --section-ordering-file=scripts/code-order.txt
               --scratch-path .build-static)
# Its own scratch path, so a debug build never shares (and never silently keeps) other settings.
(cd "$(dirname "${BASH_SOURCE[0]}")/.." && "${RELEASE_BUILD[@]}" >&2) || exit $?
PLIMSOLL=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && "${RELEASE_BUILD[@]}" --show-bin-path)/plimsoll
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then echo "$PLIMSOLL"; fi
