#!/usr/bin/env bash
# `make demo`: the tuned build checks the bundled example project, a small Node.js service with a
# Dockerfile and build context that break common practices on purpose. Its findings are the point,
# so their exit status (1) is not a failure here; anything else is.
set -euo pipefail
cd "$(dirname "$0")/.."
plimsoll=$(bash scripts/release-build.sh)
status=0
"$plimsoll" check examples/node-api "$@" || status=$?
if [[ $status -ne 1 ]]; then
  echo "plimsoll: the example check should report findings (exit status 1), got $status" >&2
  exit 1
fi
