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
#                           tests/data;
#   diff                    pairs OLD, the separator line of fuzz_diff.c, NEW:
#                           each rule's fail.xml after its baseline, each example
#                           after its next release (`etsi release`) and the
#                           lifecycle fixture after a release of it;
#   migrate, release        every XML file of examples/dossiers, tests/data/
#                           rules, tests/data/migrate and tests/data/lifecycle;
#   signature_verify        every example and baseline signed (`etsi sign`)
#                           with the keys of tests/fuzz/keys/, by turns EC and
#                           RSA, and two unsigned;
#   evidence_verify         tests/data/lifecycle/evidence.xml (its artifacts
#                           are in tests/data/lifecycle/package, the target's
#                           root), the examples and the artifact-* rule
#                           fixtures.
# The generated seeds need the etsi tool: $ETSI, else the first of
# build/ci, build/default with one.
#
#   tests/fuzz/make_corpus.sh [FUZZ_BUILD_DIR] [TARGET ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:-$src/build/fuzz}
[ $# -gt 0 ] && shift
targets=${*:-load evaluate report import_json import_csv import_sbom diff migrate release signature_verify evidence_verify}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
etsi=${ETSI:-}
for b in ci default; do
	[ -n "$etsi" ] || [ ! -x "$src/build/$b/tools/etsi/etsi" ] || etsi=$src/build/$b/tools/etsi/etsi
done

max_len() {
	case $1 in
	report) echo 32768 ;;
	diff) echo 131072 ;;
	*) echo 65536 ;;
	esac
}

# the separator of the two dossiers of a fuzz_diff input
diff_separator='
<!--etsi-diff-->'

# writes OLD, the separator and NEW into OUT
diff_pair() {
	{ cat "$1"; printf '%s\n' "$diff_separator"; cat "$2"; } >"$3"
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
	diff)
		for f in "$src"/tests/data/rules/*/fail.xml; do
			case $(grep -o 'en303645="[0-9]' "$f" | head -n 1) in
			*'"2') base=$src/tests/data/rules/baseline-v2.xml ;;
			*) base=$src/tests/data/rules/baseline-v3.xml ;;
			esac
			diff_pair "$base" "$f" "$3/pair-$(echo "$f" | sha1sum | cut -c1-12).xml"
		done
		[ -n "$etsi" ] || { echo "make_corpus.sh: no etsi tool; diff seeds from fixtures only" >&2; return 0; }
		for f in "$src"/examples/dossiers/*.xml "$src/tests/data/lifecycle/evidence.xml"; do
			next=$3/next-${f##*/}
			"$etsi" release "$f" --version 99.0.0 --date 2026-12-01 -o "$next" >/dev/null 2>&1 ||
				continue
			diff_pair "$f" "$next" "$3/release-${f##*/}"
			rm -f "$next"
		done
		;;
	migrate|release)
		find "$src/examples/dossiers" "$src/tests/data/rules" "$src/tests/data/migrate" \
			"$src/tests/data/lifecycle" -type f -name '*.xml' -size -64k ;;
	signature_verify)
		find "$src/tests/data/valid" -type f -name '*.xml' -size -64k | head -n 2
		[ -n "$etsi" ] || { echo "make_corpus.sh: no etsi tool; no signed seeds" >&2; return 0; }
		key=ec
		for f in "$src"/examples/dossiers/*.xml "$src"/tests/data/rules/baseline-*.xml; do
			case $key in
			ec) k=$here/keys/fuzz-signer; key=rsa ;;
			*) k=$here/keys/fuzz-signer-rsa; key=ec ;;
			esac
			"$etsi" sign "$f" --key "$k.key" --cert "$k.crt" -o "$3/signed-${f##*/}" \
				>/dev/null 2>&1 || rm -f "$3/signed-${f##*/}"
		done
		;;
	evidence_verify)
		echo "$src/tests/data/lifecycle/evidence.xml"
		find "$src/examples/dossiers" -type f -name '*.xml' -size -64k
		find "$src/tests/data/rules" -path '*/artifact-*' -type f -name '*.xml' ;;
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
