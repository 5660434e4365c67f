#!/bin/sh
# Installs the dependencies, builds libetsi, the etsi tool and the bindings,
# checks the example dossier of a V3.1.3 smart camera and renders its HTML
# evidence report.  Prints where the report is.
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
etsi=build/default/tools/etsi/etsi
example=examples/dossiers/smart-camera-v3.xml
out=build/default/quickstart
mkdir -p "$out"

echo
"$etsi" validate "$example"
"$etsi" check "$example"
"$etsi" report "$example" --format html -o "$out/smart-camera-v3.html"
"$etsi" report "$example" --format public -o "$out/smart-camera-v3-public.html"
echo
echo "HTML evidence report: $(pwd)/$out/smart-camera-v3.html"
echo "public summary:       $(pwd)/$out/smart-camera-v3-public.html"
echo "the etsi tool:        $(pwd)/$etsi (try: $etsi --help)"
