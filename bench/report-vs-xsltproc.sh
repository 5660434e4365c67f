#!/bin/sh
# Times `etsi report --format html` against xsltproc applying the same
# stylesheet (stylesheets/report-html.xsl) to the same input, on dossiers
# 1x, 10x and 100x the size of the examples (bench/gen_dossier.py), and
# shows how each scales.  The input xsltproc gets is what the engine
# transforms: `etsi report --format input` of the same dossier and date.
#
# etsi's time includes loading, validating and evaluating the dossier and
# assembling the input; xsltproc's only parsing the input and transforming
# it, so the ratio etsi/xsltproc is the engine's overhead.  The stylesheet
# looks everything up with xsl:key, so both should scale linearly: the
# 100x/10x ratio should stay near 10 (fixed start-up costs keep it lower
# for etsi; a quadratic lookup would push it towards 100).  The two HTML
# outputs are also compared: they must be the same bytes.
#
#   bench/report-vs-xsltproc.sh [BUILD_DIR] [EXAMPLE ...]
#
# RUNS=N sets the runs per measurement (best of N, default 3).
# Benchmarks are not tests: nothing here fails on a number.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)
build=${1:-$src/build/default}
[ $# -gt 0 ] && shift
etsi=$build/tools/etsi/etsi
runs=${RUNS:-3}
date=2026-11-26
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

test -x "$etsi" || { echo "no etsi at $etsi; build first (cmake --preset default && cmake --build --preset default)"; exit 2; }
command -v xsltproc >/dev/null || { echo "xsltproc is not installed (apt-get install xsltproc)"; exit 2; }

if [ $# -eq 0 ]; then
	set -- "$src"/examples/dossiers/*.xml
fi

# best wall-clock time of $runs runs, in seconds
best() {
	python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with status {r.returncode}")
    best = t if best is None else min(best, t)
print(f"{best:.4f}")
PY
}

ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}' if b else '-')" "$1" "$2"; }

printf '%-24s %6s %10s %11s %10s %11s %9s %6s\n' example scale "dossier B" "html B" "etsi (s)" "xsltproc (s)" etsi/xslt same
summary=""
for example in "$@"; do
	name=$(basename "$example" .xml)
	for scale in 1 10 100; do
		d=$work/$name-$scale.xml
		in=$work/$name-$scale.input.xml
		python3 "$here/gen_dossier.py" --scale "$scale" "$example" -o "$d"
		"$etsi" report "$d" --format input --date $date -o "$in" 2>/dev/null
		"$etsi" report "$d" --format html --date $date -o "$work/etsi.html" --force 2>/dev/null
		xsltproc -o "$work/xsltproc.html" "$src/stylesheets/report-html.xsl" "$in"
		same=no
		cmp -s "$work/etsi.html" "$work/xsltproc.html" && same=yes
		te=$(best "$etsi" report "$d" --format html --date $date -o "$work/etsi.html" --force)
		tx=$(best xsltproc -o "$work/xsltproc.html" "$src/stylesheets/report-html.xsl" "$in")
		printf '%-24s %6s %10s %11s %10s %11s %9s %6s\n' "$name" "${scale}x" "$(wc -c <"$d")" \
			"$(wc -c <"$work/etsi.html")" "$te" "$tx" "$(ratio "$te" "$tx")" "$same"
		eval "e$scale=$te x$scale=$tx"
	done
	summary="$summary$(printf '%-24s etsi 10x->100x: %5sx   xsltproc 10x->100x: %5sx' "$name" \
		"$(ratio "$e100" "$e10")" "$(ratio "$x100" "$x10")")
"
done
echo
echo "scaling (time at 100x / time at 10x; linear: 10, quadratic: 100)"
printf '%s' "$summary"
