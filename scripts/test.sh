#!/bin/sh
# Builds libetsi and runs the whole test suite, the way CI does:
#   1. installs the dependencies (scripts/install-deps.sh),
#   2. a build with warnings as errors, and every test (ctest preset "ci"),
#   3. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer,
#   4. the unit tests under valgrind (leaks and memory errors fail).
# Exits non-zero at the first failing step.
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
# the HTML checker and the browser were installed above: their tests must
# run, not skip
export ETSI_REQUIRE_HTML_TOOLS=1
start=$(date +%s)
for workflow in ci asan valgrind; do
	echo "==== $workflow ===="
	cmake --workflow --preset "$workflow"
done
echo "==== all tests passed in $(( $(date +%s) - start )) s ===="
