#!/bin/sh
# Runs every libFuzzer target (or those named) for SECONDS each, one after
# the other, under ASan + UBSan, starting from the seed corpus
# tests/fuzz/corpus/<target>/ with the XML dictionary.  New corpus entries
# go to BUILD/fuzz-work/<target>/ (the committed corpus is not touched;
# tests/fuzz/make_corpus.sh refreshes it); crashes, leaks and timeouts to
# BUILD/fuzz-crashes/<target>/.  Prints one line per target and exits 1
# when any target found something: copy the file into
# tests/fuzz/regressions/<target>/, fix the bug, and the ctest test
# fuzz.replay.<target> keeps it fixed.
#
#   bench/fuzz.sh [-t SECONDS] [-b FUZZ_BUILD_DIR] [-j JOBS] [TARGET ...]
#
# Build first: cmake --workflow --preset fuzz.  -j runs that many fuzzing
# processes per target at once (libFuzzer -fork); the default is 1.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
seconds=60
build=$src/build/fuzz
jobs=1
while getopts t:b:j: opt; do
	case $opt in
	t) seconds=$OPTARG ;;
	b) build=$(cd "$OPTARG" && pwd) ;;
	j) jobs=$OPTARG ;;
	*) echo "usage: bench/fuzz.sh [-t SECONDS] [-b FUZZ_BUILD_DIR] [-j JOBS] [TARGET ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
	set --
	for f in "$build"/tests/fuzz/fuzz_*; do
		[ -x "$f" ] && set -- "$@" "${f##*/fuzz_}"
	done
fi
[ $# -gt 0 ] || { echo "bench/fuzz.sh: no fuzz targets in $build; run cmake --workflow --preset fuzz" >&2; exit 2; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
found=0
printf '%-17s %8s %10s %8s %6s %s\n' target seconds runs exec/s cov result
for target in "$@"; do
	fuzzer=$build/tests/fuzz/fuzz_$target
	[ -x "$fuzzer" ] || { echo "bench/fuzz.sh: no $fuzzer" >&2; exit 2; }
	case $target in
	report) max_len=32768 timeout=60 ;;
	diff) max_len=131072 timeout=20 ;; # two dossiers
	*) max_len=65536 timeout=20 ;;
	esac
	dict=
	case $target in
	import_json|import_sbom) [ -f "$src/tests/fuzz/dict/json.dict" ] && dict=-dict=$src/tests/fuzz/dict/json.dict ;;
	import_csv) ;;
	*) dict=-dict=$src/tests/fuzz/dict/dossier.dict ;;
	esac
	# the SBOM samples of the shared data beside the checkout, when there,
	# are read as seeds too (never copied into tests/fuzz/corpus)
	extra=
	if [ "$target" = import_sbom ]; then
		for d in "$src/../shared/data/sbom/cyclonedx" "$src/../shared/data/sbom/spdx"; do
			[ -d "$d" ] && extra="$extra $d"
		done
	fi
	work=$build/fuzz-work/$target
	crashes=$build/fuzz-crashes/$target
	mkdir -p "$work" "$crashes"
	log=$build/fuzz-$target.log
	fork=
	[ "$jobs" -gt 1 ] && fork="-fork=$jobs -ignore_crashes=0"
	status=0
	# shellcheck disable=SC2086 # $dict and $fork are empty or one word each, $extra directories
	"$fuzzer" $dict $fork -max_total_time="$seconds" -max_len="$max_len" \
		-timeout="$timeout" -rss_limit_mb=2560 -print_final_stats=1 \
		-artifact_prefix="$crashes/" "$work" "$src/tests/fuzz/corpus/$target" $extra \
		>"$log" 2>&1 || status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
	artifacts=$(find "$crashes" -type f | wc -l)
	if [ "$status" -ne 0 ] || [ "$artifacts" -gt 0 ]; then
		result="FOUND $artifacts in $crashes (log: $log)"
		found=1
		grep -m 5 -E 'ERROR: |SUMMARY: |invariant failed' "$log" >&2 || tail -n 20 "$log" >&2
	else
		result=ok
	fi
	printf '%-17s %8s %10s %8s %6s %s\n' "$target" "$seconds" "${runs:-?}" "${speed:-?}" \
		"${cov:-?}" "$result"
done
exit $found
