#!/bin/sh
# Builds libetsi and runs the whole test suite, the way CI does:
#   1. installs the dependencies (scripts/install-deps.sh),
#   2. a build with warnings as errors, and every test (ctest preset "ci"),
#   3. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer,
#   4. the unit tests under valgrind (leaks and memory errors fail),
#   5. the threads test under ThreadSanitizer (clang; preset "tsan"),
#   6. a smoke run of every libFuzzer target under ASan + UBSan (clang;
#      preset "fuzz", bench/fuzz.sh for FUZZ_SECONDS each, default 5):
#      any crash, leak or broken invariant fails.
# Exits non-zero at the first failing step.
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
# the HTML checker and the browser were installed above: their tests must
# run, not skip
export ETSI_REQUIRE_HTML_TOOLS=1
# every core, for the builds and the tests (the presets say 2 jobs, for a
# developer's machine)
jobs=$(nproc)
start=$(date +%s)
for preset in ci asan valgrind tsan fuzz; do
	echo "==== $preset ===="
	step=$(date +%s)
	cmake --preset "$preset"
	cmake --build --preset "$preset" --parallel "$jobs"
	# the fuzz preset builds the libFuzzer targets, run below
	if [ "$preset" != fuzz ]; then
		ctest --preset "$preset" --parallel "$jobs"
	fi
	echo "==== $preset: $(( $(date +%s) - step )) s ===="
done
echo "==== fuzz smoke run ===="
./bench/fuzz.sh -t "${FUZZ_SECONDS:-5}"
echo "==== all tests passed in $(( $(date +%s) - start )) s ===="
