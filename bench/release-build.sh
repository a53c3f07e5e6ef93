# Sourced by the bench scripts (from the repository root): builds plimsoll the way `make install`
# does (scripts/release-build.sh) and sets PLIMSOLL to the binary.
source scripts/release-build.sh 2>/dev/null
