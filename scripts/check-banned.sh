#!/bin/sh
# Fails when attest's own C code calls a banned libc function (after git's
# banned.h): unbounded string copies, unchecked number parsing, and the time
# functions that keep static state or depend on TZ.  Use util/text.h,
# util/buf.h, util/number.h and util/timeutil.h instead.
cd "$(dirname "$0")/.." || exit 2
pattern='\b(strcpy|strcat|strncpy|strncat|sprintf|vsprintf|strtok|atoi|atol|atoll|gmtime|localtime|ctime|asctime|gets|tmpnam|mktemp)[[:space:]]*\('
hits=$(grep -rnE "$pattern" src tests tools bench --include='*.c' --include='*.h' 2>/dev/null | grep -vE '^\S+:[0-9]+:\s*(\*|/\*|//)')
if [ -n "$hits" ]; then
	echo "banned function calls (see scripts/check-banned.sh):"
	echo "$hits"
	exit 1
fi
echo "banned-functions: ok"
