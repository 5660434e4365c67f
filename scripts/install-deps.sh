#!/bin/sh
# Installs everything libetsi needs to build, test and document itself, from
# Debian 12 packages.  Run as root (or with sudo available).  Nothing else is
# assumed on the machine.
#
#   scripts/install-deps.sh            build, test and docs dependencies
set -eu

packages="
	build-essential g++ cmake pkg-config
	libxml2-dev libxslt1-dev libxml2-utils xsltproc libjansson-dev
	libcmocka-dev valgrind
	python3
	default-jdk-headless
	doxygen man-db groff-base
	file binutils
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
if [ -z "$missing" ]; then
	echo "install-deps.sh: all packages present"
	exit 0
fi
echo "install-deps.sh: installing$missing"
apt-get update -q
# shellcheck disable=SC2086 # word splitting of the package list is intended
apt-get install -y -q --no-install-recommends $missing
