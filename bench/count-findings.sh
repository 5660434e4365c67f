#!/bin/sh
# Counts the findings of `etsi check` on the examples and the test dossiers,
# grouped (the default) and --ungrouped, as of one date: the figures the
# closing notes quote when rules or grouping change.
#
#   bench/count-findings.sh [ETSI] [AS_OF]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
etsi=${1:-$src/build/default/tools/etsi/etsi}
as_of=${2:-2026-06-01}
[ -x "$etsi" ] || { echo "count-findings: no etsi at $etsi; build first or name it" >&2; exit 2; }

count() { # FLAGS FILE...
	flags=$1
	shift
	for f in "$@"; do
		"$etsi" check $flags --as-of "$as_of" -f json "$f" 2>/dev/null || true
	done | python3 -c '
import json, sys
text = sys.stdin.read()
total, dec = 0, json.JSONDecoder()
i = 0
while i < len(text):
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    value, i = dec.raw_decode(text, i)
    total += len(value)
print(total)'
}

printf '%-28s %6s %8s %10s\n' set files grouped ungrouped
for set in "examples/dossiers" "tests/data/rules/*" "tests/data/invalid" "tests/data/schema-invalid"; do
	# shellcheck disable=SC2086
	set -- $(cd "$src" && ls $set/*.xml)
	files=$#
	g=$(cd "$src" && count "" "$@")
	u=$(cd "$src" && count "--ungrouped" "$@")
	printf '%-28s %6s %8s %10s\n' "$set" "$files" "$g" "$u"
done
