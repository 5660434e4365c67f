#!/bin/sh
# Installs libetsi from a build tree into a temporary prefix, then builds
# examples/c against the installed files twice, through pkg-config and
# through find_package(etsi), and runs both programs on an example dossier.
#
#   check_install.sh BUILD_DIR WORK_DIR SOURCE_DIR
set -eu

build=$1
work=$2
src=$3
prefix=$work/prefix

rm -rf "$work"
mkdir -p "$work"

cmake --install "$build" --prefix "$prefix" >"$work/install.log"

# headers, library, package files, data
for f in include/etsi.h include/etsi/dossier.h share/libetsi/dossier.xsd \
         share/libetsi/en303645-3.1.3.xml share/libetsi/examples/README.md \
         share/man/man1/etsi.1 bin/etsi; do
	test -e "$prefix/$f" || { echo "missing after install: $f"; exit 1; }
done
libdir=$(dirname "$(find "$prefix" -name 'libetsi.so.*.*.*' | head -n 1)")
test -n "$libdir" || { echo "no libetsi.so installed"; exit 1; }
soname=$(objdump -p "$libdir"/libetsi.so.*.*.* | awk '/SONAME/ {print $2}')
case $soname in
	libetsi.so.0.*) ;;
	*) echo "unexpected SONAME: $soname"; exit 1 ;;
esac

dossier=$src/examples/dossiers/smart-camera-v3.xml

# 1. pkg-config
export PKG_CONFIG_PATH="$libdir/pkgconfig"
cflags=$(pkg-config --cflags libetsi)
libs=$(pkg-config --libs libetsi)
case $cflags in *"$prefix"*) ;; *) echo "pkg-config cflags do not point into the prefix: $cflags"; exit 1 ;; esac
cc -std=c11 -Wall -Wextra -Werror "$src/examples/c/dossier-summary.c" $cflags $libs \
	-o "$work/summary-pkgconfig"
LD_LIBRARY_PATH=$libdir "$work/summary-pkgconfig" "$dossier" >"$work/pkgconfig.out"
grep -q "EN 303 645 V3.1.3" "$work/pkgconfig.out"

# 2. find_package(etsi)
cmake -S "$src/examples/c" -B "$work/example-build" -DCMAKE_PREFIX_PATH="$prefix" \
	>"$work/example-configure.log"
cmake --build "$work/example-build" >"$work/example-build.log"
LD_LIBRARY_PATH=$libdir "$work/example-build/dossier-summary" "$dossier" >"$work/cmake.out"
cmp "$work/pkgconfig.out" "$work/cmake.out"

# the installed CLI works with nothing but the installed library, and the
# installed data directory serves as an override directory
LD_LIBRARY_PATH=$libdir "$prefix/bin/etsi" validate "$dossier" >/dev/null
ETSI_DATA_DIR=$prefix/share/libetsi LD_LIBRARY_PATH=$libdir "$prefix/bin/etsi" \
	validate "$prefix/share/libetsi/examples/smart-camera-v3.xml" >/dev/null

echo "installed to $prefix; SONAME $soname; examples/c built with pkg-config and find_package"
cat "$work/cmake.out" | tail -n 1
