#!/bin/sh
# Regenerates the seed corpus tests/fuzz/corpus/<target>/ from the example
# dossiers and the test data: every XML file small enough for the target
# (64 KiB; 32 KiB for report), reduced with libFuzzer's -merge=1 to the
# files that add coverage when a fuzz build is there (cmake --workflow
# --preset fuzz), else copied whole.  Files are named by their SHA-1, as
# libFuzzer names them.
#
#   tests/fuzz/make_corpus.sh [FUZZ_BUILD_DIR] [TARGET ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:-$src/build/fuzz}
[ $# -gt 0 ] && shift
targets=${*:-load evaluate report}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

max_len() {
	case $1 in
	report) echo 32768 ;;
	*) echo 65536 ;;
	esac
}

# the candidate seeds for a target: XML documents of the examples and the
# test data (hostile ones included: the parser's refusals are code too)
candidates() {
	find "$src/examples/dossiers" "$src/tests/data" -type f -name '*.xml' -size -"$(( $1 / 1024 ))"k
	case $2 in
	import_json) find "$src/tests" "$src/examples" -type f -name '*.json' -size -64k ;;
	import_csv) find "$src/tests" "$src/examples" -type f -name '*.csv' -size -64k ;;
	import_sbom) find "$src/tests" "$src/examples" -type f \( -name '*cdx*.json' -o -name '*spdx*' -o -name '*sbom*' \) -size -64k ;;
	esac
}

for target in $targets; do
	limit=$(max_len "$target")
	mkdir -p "$work/$target.in" "$work/$target.out"
	candidates "$limit" "$target" | while read -r f; do
		case $target in
		import_*) case $f in *.xml) continue ;; esac ;;
		esac
		name=$(sha1sum "$f" | cut -c1-40)
		cp "$f" "$work/$target.in/$name"
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
