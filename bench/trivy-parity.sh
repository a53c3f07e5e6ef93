#!/usr/bin/env bash
# For every trivy check id (DS-####) a plimsoll rule lists as an alias: how many of the Dockerfiles
# trivy flags on the corpus plimsoll flags too (trivy's line conventions differ, so files are compared),
# and how many of trivy's findings land on the same line.
#   bash bench/trivy-parity.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpus/dockerfiles
[[ -d $CORPUS ]] || { echo "trivy-parity: $CORPUS is missing" >&2; exit 2; }
VENV=${VENV:-$HOME/.cache/plimsoll-anchors/venv}
[[ -x $VENV/bin/trivy ]] || bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null
source bench/release-build.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$VENV/bin/trivy" config --quiet --format json --file-patterns "dockerfile:.*__.*" "$CORPUS" > "$work/trivy.json" 2>/dev/null
"$PLIMSOLL" rules --format json | python3 -c 'import json, sys; print("enable: [" + ", ".join(r["id"] for r in json.load(sys.stdin)["rules"] if r["optIn"]) + "]")' > "$work/plimsoll.yaml"
mapfile -t FILES < <(cd "$CORPUS" && ls | grep -v '^SOURCES.tsv$')
(cd "$CORPUS" && "$PLIMSOLL" lint --config "$work/plimsoll.yaml" --fail-on never -f json "${FILES[@]}" > "$work/plimsoll.json")
python3 - "$work/trivy.json" "$work/plimsoll.json" <<'PY'
import collections, json, sys
trivy = json.load(open(sys.argv[1]))
plimsoll = json.load(open(sys.argv[2]))["findings"]
theirs, titles = collections.defaultdict(set), {}
for result in trivy.get("Results", []):
    name = result["Target"].split("/")[-1]
    for finding in result.get("Misconfigurations", []):
        titles[finding["ID"]] = finding["Title"]
        theirs[finding["ID"]].add((name, finding.get("CauseMetadata", {}).get("StartLine")))
ours, rule_of = collections.defaultdict(set), {}
for finding in plimsoll:
    for alias in finding["aliases"]:
        if alias.startswith("DS-"):
            ours[alias].add((finding["file"], finding["line"]))
            rule_of[alias] = rule_of.get(alias, finding["rule"])
print(f"{'id':8} {'rule':6} {'trivy files':>11} {'both':>5} {'file cover':>10} {'same line':>10}  title")
for code in sorted(theirs):
    files_theirs = {f for f, _ in theirs[code]}
    files_ours = {f for f, _ in ours.get(code, set())}
    both = len(files_theirs & files_ours)
    lines = len(theirs[code] & ours.get(code, set()))
    print(f"{code:8} {rule_of.get(code, '-'):6} {len(files_theirs):11} {both:5} {100 * both / len(files_theirs):9.0f}% {100 * lines / len(theirs[code]):9.0f}%  {titles[code]}")
PY
