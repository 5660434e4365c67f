#!/bin/sh
# Shows that `etsi check` costs time linear in the size of the dossier:
# generates dossiers 1x, 10x and 100x the size of an example, checks each
# (best of several runs), and prints the time ratios.  For linear cost the
# 100x/1x ratio stays at or under about 100 (fixed start-up costs push the
# small sizes up, so the 100x/10x ratio is the cleaner reading).
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
