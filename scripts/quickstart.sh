#!/bin/sh
# Installs the dependencies, builds libetsi and the etsi tool, and runs it
# on the example dossier of a V3.1.3 smart camera: validation and the
# catalog of its edition.  Prints where the results are.
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
"$etsi" catalog --edition 3.1.3 >"$out/catalog-3.1.3.txt"
echo "catalog of EN 303 645 V3.1.3 with its TS 103 701 test cases: $out/catalog-3.1.3.txt"
echo "the etsi tool: $etsi (try: $etsi --help)"
