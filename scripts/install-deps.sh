#!/bin/sh
# Installs the Debian packages attest needs to build and test, when missing.
# Idempotent and quiet when nothing is missing.  Run as root (or with sudo
# available).  Usage: scripts/install-deps.sh [--test]   (--test adds what
# only the test suite needs: clang for the fuzzers, jq, PostgreSQL).
set -eu

BUILD_PKGS="make gcc pkg-config libyaml-dev libsqlite3-dev libjansson-dev
libssl-dev zlib1g-dev libdeflate-dev libxlsxwriter-dev"
TEST_PKGS="libcmocka-dev clang libclang-rt-14-dev jq python3 sqlite3 time"

want="$BUILD_PKGS"
[ "${1:-}" = "--test" ] && want="$want $TEST_PKGS"

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "installing:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
