#!/bin/sh
# Regenerates the seed corpus tests/fuzz/corpus/<target>/ from the example
# dossiers and the test data, reduced with libFuzzer's -merge=1 to the
# files that add coverage when a fuzz build is there (cmake --workflow
# --preset fuzz), else copied whole.  Files are named by their SHA-1, as
# libFuzzer names them.  The seeds of each target:
#   load, evaluate, report  every XML file of examples/dossiers and
#                           tests/data up to 64 KiB (32 KiB for report);
#   import_json             the JSON form (`etsi export --format json`) of
#                           every valid one of those, and the JSON files of
#                           tests/data;
#   import_csv              the CSV files of tests/data, and the ICS table
#                           (`etsi report --format ics-csv`) of every
#                           example;
#   import_sbom             the CycloneDX (JSON, XML) and SPDX (2.x JSON and
#                           tag-value, 3.0 JSON-LD) files of
#                           tests/data.
# The generated seeds need the etsi tool: $ETSI, else the first of
# build/ci, build/default with one.
#
#   tests/fuzz/make_corpus.sh [FUZZ_BUILD_DIR] [TARGET ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:-$src/build/fuzz}
[ $# -gt 0 ] && shift
targets=${*:-load evaluate report import_json import_csv import_sbom}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
etsi=${ETSI:-}
for b in ci default; do
	[ -n "$etsi" ] || [ ! -x "$src/build/$b/tools/etsi/etsi" ] || etsi=$src/build/$b/tools/etsi/etsi
done

max_len() {
	case $1 in
	report) echo 32768 ;;
	*) echo 65536 ;;
	esac
}

# the candidate seeds for a target (hostile inputs included: the parsers'
# refusals are code too), written into directory $3
candidates() {
	case $2 in
	import_json)
		find "$src/tests/data" -type f -name '*.json' -size -64k
		[ -n "$etsi" ] || { echo "make_corpus.sh: no etsi tool; JSON seeds from files only" >&2; return 0; }
		find "$src/examples/dossiers" "$src/tests/data" -type f -name '*.xml' -size -64k |
			while read -r f; do
				out=$3/export-$(echo "$f" | sha1sum | cut -c1-12).json
				"$etsi" export "$f" --format json -o "$out" >/dev/null 2>&1 || rm -f "$out"
			done
		;;
	import_csv)
		find "$src/tests/data" -type f -name '*.csv' -size -64k
		[ -n "$etsi" ] || { echo "make_corpus.sh: no etsi tool; CSV seeds from files only" >&2; return 0; }
		for f in "$src"/examples/dossiers/*.xml; do
			"$etsi" report "$f" --format ics-csv -o "$3/ics-${f##*/}.csv" >/dev/null 2>&1 ||
				rm -f "$3/ics-${f##*/}.csv"
		done
		;;
	import_sbom)
		find "$src/tests/data" -type f \( -name '*.cdx.json' -o -name '*.cdx.xml' -o -name '*.spdx.json' \
			-o -name '*.spdx3.json' -o -name '*.spdx-*.json' -o -name '*.spdx.tag' -o -name '*.spdx-*.tag' \
			-o -name 'cdx-*.json' -o -name 'cdx-*.xml' \) -size -64k ;;
	*)
		find "$src/examples/dossiers" "$src/tests/data" -type f -name '*.xml' -size -"$(( $1 / 1024 ))"k ;;
	esac
}

for target in $targets; do
	limit=$(max_len "$target")
	mkdir -p "$work/$target.in" "$work/$target.out"
	mkdir -p "$work/$target.gen"
	candidates "$limit" "$target" "$work/$target.gen" | while read -r f; do
		name=$(sha1sum "$f" | cut -c1-40)
		cp "$f" "$work/$target.in/$name"
	done
	for f in "$work/$target.gen"/*; do
		[ -f "$f" ] || continue
		cp "$f" "$work/$target.in/$(sha1sum "$f" | cut -c1-40)"
	done
	fuzzer=$build/tests/fuzz/fuzz_$target
	if [ -x "$fuzzer" ]; then
		"$fuzzer" -merge=1 -max_len="$limit" "$work/$target.out" "$work/$target.in" \
			>"$work/$target.log" 2>&1 || { cat "$work/$target.log"; exit 1; }
	else
		echo "make_corpus.sh: no $fuzzer; copying every candidate" >&2
		cp "$work/$target.in"/* "$work/$target.out"/ 2>/dev/null || true
	fi
	rm -rf "$here/corpus/$target"
	mkdir -p "$here/corpus/$target"
	cp "$work/$target.out"/* "$here/corpus/$target"/ 2>/dev/null || true
	echo "corpus/$target: $(ls "$here/corpus/$target" | wc -l) files," \
		"$(du -sk "$here/corpus/$target" | cut -f1) KiB" \
		"(from $(ls "$work/$target.in" | wc -l) candidates)"
done
