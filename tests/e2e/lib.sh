# lib.sh - helpers for end-to-end tests (sourced).  Each test runs in its own
# temporary directory (the current one) with $ATTEST_BIN the binary under
# test and $ATTEST_SHARED the shared/ folder.
set -eu
: "${ATTEST_BIN:?}"
A="$ATTEST_BIN"
SHARED="${ATTEST_SHARED:-../shared}"
REAL="$SHARED/fixtures/real"

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_exit CODE CMD...: runs CMD, captures stdout/stderr in $out/$errout.
expect_exit() {
	local want=$1; shift
	set +e
	"$@" >stdout.txt 2>stderr.txt
	local got=$?
	set -e
	out=$(cat stdout.txt); errout=$(cat stderr.txt)
	[ "$got" -eq "$want" ] || fail "'$*' exited $got, expected $want
stdout: $(head -c 2000 stdout.txt)
stderr: $(head -c 2000 stderr.txt)"
}

contains() { # contains HAYSTACK NEEDLE
	case "$1" in *"$2"*) ;; *) fail "expected to find: $2
in: $(printf '%s' "$1" | head -c 3000)";; esac
}
not_contains() {
	case "$1" in *"$2"*) fail "did not expect: $2";; *) ;; esac
}
