#!/usr/bin/env bash
# The GitHub Action (action.yml): builds plimsoll (cached between runs), then checks the project
# directory, or lints the Dockerfiles, named in INPUT_PATHS, writing the report to INPUT_OUTPUT.
# The step fails as plimsoll does: exit 1 for findings at or above INPUT_FAIL_ON, 2 for bad input.
# PLIMSOLL names a binary to use instead of building one (the tests use it).
set -euo pipefail
action=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z ${PLIMSOLL:-} ]]; then
  bash "$action/scripts/install-dependencies.sh" build
  PLIMSOLL=$(bash "$action/scripts/release-build.sh")
fi
read -r -a paths <<<"${INPUT_PATHS:-.}"
((${#paths[@]})) || paths=(.)
options=(--format "${INPUT_FORMAT:-sarif}" --fail-on "${INPUT_FAIL_ON:-warning}")
[[ -z ${INPUT_CONFIG:-} ]] || options+=(--config "$INPUT_CONFIG")
if [[ ${#paths[@]} -eq 1 && -d ${paths[0]} ]]; then
  command=(check "${paths[0]}")
  [[ -z ${INPUT_IMAGE:-} ]] || command+=(--image "$INPUT_IMAGE")
else
  for path in "${paths[@]}"; do
    [[ -f $path ]] || { echo "plimsoll: paths must be one directory or Dockerfiles; $path is neither a file nor the only path" >&2; exit 2; }
  done
  [[ -z ${INPUT_IMAGE:-} ]] || { echo "plimsoll: image needs a project directory in paths, not Dockerfiles" >&2; exit 2; }
  command=(lint "${paths[@]}")
fi
output=${INPUT_OUTPUT:-plimsoll.sarif}
status=0
"$PLIMSOLL" "${command[@]}" "${options[@]}" > "$output" || status=$?
[[ -z ${GITHUB_OUTPUT:-} ]] || echo "report=$output" >> "$GITHUB_OUTPUT"
exit "$status"
