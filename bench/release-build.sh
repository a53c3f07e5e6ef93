# Sourced by the bench scripts (from the repository root): builds plimsoll the way README
# installs it and sets PLIMSOLL to the binary.
BUILD=(swift build -c release --static-swift-stdlib -Xswiftc -static-executable
       -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
       -Xswiftc -Xfrontend -Xswiftc -function-sections -Xlinker --section-ordering-file=scripts/code-order.txt
       --scratch-path .build-static)
"${BUILD[@]}" >/dev/null
PLIMSOLL=$("${BUILD[@]}" --show-bin-path)/plimsoll
