#!/bin/sh
# Installs everything libetsi needs to build, test and document itself, from
# Debian 12 packages.  Run as root (or with sudo available).  Nothing else is
# assumed on the machine.
#
#   scripts/install-deps.sh            build, test and docs dependencies
#
# Besides Debian packages it installs the Nu Html Checker (vnu-jar, pinned in
# tests/html/package-lock.json) from the npm registry into tests/html, and
# ajv-cli (pinned in tests/json/package-lock.json) into tests/json.
set -eu
cd "$(dirname "$0")/.."

packages="
	build-essential g++ cmake pkg-config
	libxml2-dev libxslt1-dev libxml2-utils xsltproc libjansson-dev
	libcmocka-dev valgrind
	clang libclang-rt-14-dev time
	libxmlsec1-dev xmlsec1 libssl-dev openssl
	python3 python3-dev swig mypy
	default-jdk-headless junit4
	doxygen man-db groff-base
	file binutils
	chromium
"

if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		exec sudo "$0" "$@"
	fi
	echo "install-deps.sh: run as root (or install sudo)" >&2
	exit 2
fi

export DEBIAN_FRONTEND=noninteractive
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
# npm comes with the nodejs package where it is NodeSource's, and as its own
# package in Debian
if ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
if [ -n "$missing" ]; then
	echo "install-deps.sh: installing$missing"
	apt-get update -q
	# shellcheck disable=SC2086 # word splitting of the package list is intended
	apt-get install -y -q --no-install-recommends $missing
else
	echo "install-deps.sh: all Debian packages present"
fi

if [ ! -f tests/html/node_modules/vnu-jar/build/dist/vnu.jar ]; then
	echo "install-deps.sh: installing the Nu Html Checker (npm ci in tests/html)"
	npm ci --prefix tests/html --no-audit --no-fund
fi

# ajv-cli (JSON Schema draft-07, pinned in tests/json/package-lock.json): the
# tests validate the JSON form and the OSCAL exports with it
if [ ! -f tests/json/node_modules/ajv-cli/dist/index.js ]; then
	echo "install-deps.sh: installing ajv-cli for the JSON Schema checks (npm ci in tests/json)"
	npm ci --prefix tests/json --no-audit --no-fund
fi
