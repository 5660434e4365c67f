#!/bin/sh
# Shows that `etsi check` costs time linear in the size of the dossier:
# generates dossiers 1x, 10x and 100x the size of an example, checks each
# (best of several runs), and prints the time ratios.  For linear cost the
# 100x/1x ratio stays at or under about 100 (fixed start-up costs push the
# small sizes up, so the 100x/10x ratio is the cleaner reading).
#
# Then the same for `etsi report` in every format, time and peak memory,
# on dossiers whose text grows too: the DUT's description has 150
# paragraphs at 1x, 1 500 at 10x and 15 000 at 100x
# (tests/cli/test_render_scaling.py asserts the 1x to 10x step).
#
#   bench/check-scaling.sh [BUILD_DIR] [EXAMPLE]
#
# Benchmarks are not tests: nothing here fails on a number.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build/default}
example=${2:-$here/../examples/dossiers/smart-camera-v3.xml}
etsi=$build/tools/etsi/etsi
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

test -x "$etsi" || { echo "no etsi at $etsi; build first (cmake --preset default && cmake --build --preset default)"; exit 2; }

# best wall-clock time of $runs runs, in seconds
best() {
	python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.perf_counter() - t
    best = t if best is None else min(best, t)
print(f"{best:.4f}")
PY
}

printf '%-6s %10s %12s %12s %10s\n' scale bytes components "check (s)" "vs 1x"
base=""
for scale in 1 10 100; do
	f=$work/dossier-$scale.xml
	python3 "$here/gen_dossier.py" --scale "$scale" "$example" -o "$f"
	bytes=$(wc -c <"$f")
	components=$(grep -c '<component ' "$f")
	t=$(best "$etsi" check --as-of 2026-06-01 "$f")
	[ -n "$base" ] || base=$t
	ratio=$(python3 -c "print(f'{$t / $base:.1f}x')")
	printf '%-6s %10s %12s %12s %10s\n' "${scale}x" "$bytes" "$components" "$t" "$ratio"
	eval "t$scale=$t"
done
python3 -c "print(f'100x/10x: {$t100 / $t10:.1f} (linear: 10.0)')"

# best wall-clock time and lowest peak RSS (MiB) of $runs runs, measured
# by a small process of its own (tests/cli/peak_rss.py says why)
best_rss() {
	python3 - "$runs" "$here/../tests/cli" "$@" <<'PY'
import sys, tempfile, time
runs, tests, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
sys.path.insert(0, tests)
import peak_rss
best_t = best_m = None
with tempfile.NamedTemporaryFile() as out:
    for _ in range(runs):
        t = time.perf_counter()
        code, rss = peak_rss.run(cmd, out.name)
        t = time.perf_counter() - t
        best_t = t if best_t is None else min(best_t, t)
        best_m = rss if best_m is None else min(best_m, rss)
print(f"{best_t:.4f} {best_m / 1048576:.1f}")
PY
}

echo
printf '%-6s %-13s %10s %8s %10s %8s\n' scale format "report (s)" "vs 1x" "peak MiB" "vs 1x"
for scale in 1 10 100; do
	f=$work/report-$scale.xml
	python3 "$here/gen_dossier.py" --scale "$scale" --paragraphs $((scale * 150)) "$example" -o "$f"
	for format in html public ics-csv plan-csv evidence-csv md; do
		set -- $(best_rss "$etsi" report -f "$format" --date 2026-06-01 "$f")
		if [ "$scale" = 1 ]; then
			eval "t_$(echo "$format" | tr - _)=$1 m_$(echo "$format" | tr - _)=$2"
		fi
		eval "t0=\$t_$(echo "$format" | tr - _) m0=\$m_$(echo "$format" | tr - _)"
		printf '%-6s %-13s %10s %8s %10s %8s\n' "${scale}x" "$format" "$1" \
			"$(python3 -c "print(f'{$1 / $t0:.1f}x')")" "$2" \
			"$(python3 -c "print(f'{$2 / $m0:.1f}x')")"
	done
done
