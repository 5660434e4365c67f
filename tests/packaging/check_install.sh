#!/bin/sh
# Installs libetsi from a build tree into a temporary prefix (another one
# than it was configured for, as `cmake --install --prefix DIR` does), then
# uses every part of it as README.md says, with no LD_LIBRARY_PATH, and
# PYTHONPATH and CLASSPATH only as README says:
#
#   - the installed tool: DIR/bin/etsi --version, validate;
#   - examples/c built against the installed files through pkg-config (with
#     the run path README gives) and through find_package(etsi), the latter
#     with no pkg-config file of libetsi's dependencies to be found;
#   - Python: import etsi with PYTHONPATH=DIR/<site-packages>, its
#     .dist-info metadata, pip show, the installed stubs under mypy --strict
#     (check_python_install.py);
#   - Java: a program compiled and run against DIR/share/java/libetsi.jar,
#     and the POM installed beside it and in DIR/share/maven-repo.
#
#   check_install.sh BUILD_DIR WORK_DIR SOURCE_DIR
set -eu

build=$1
work=$2
src=$3
prefix=$work/prefix
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$work"
mkdir -p "$work"
unset LD_LIBRARY_PATH PYTHONPATH CLASSPATH

# a value from the build's CMake cache (the tools it was configured with)
cached() {
	sed -n "s/^_\{0,1\}$1:[A-Z]*=//p" "$build/CMakeCache.txt" | head -n 1
}

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
version=$(echo "$libdir"/libetsi.so.*.*.* | sed 's/.*libetsi\.so\.//')

dossier=$src/examples/dossiers/smart-camera-v3.xml

# 1. the installed tool finds the installed library by itself: its run path
# is relative to the tool ($ORIGIN), so it works under any prefix
runpath=$(objdump -p "$prefix/bin/etsi" | awk '/RUNPATH|RPATH/ {print $2}')
case $runpath in
	*'$ORIGIN/'*) ;;
	*) echo "bin/etsi has no run path relative to itself: '$runpath'"; exit 1 ;;
esac
"$prefix/bin/etsi" --version >"$work/version.out" ||
	{ echo "the installed etsi does not run without LD_LIBRARY_PATH"; exit 1; }
grep -q "$version" "$work/version.out" ||
	{ echo "etsi --version does not say $version: $(cat "$work/version.out")"; exit 1; }
# the libetsi a program loads, as a real path
loaded() {
	realpath "$(ldd "$1" | awk '$1 ~ /^libetsi\.so/ {print $3}')"
}
test "$(loaded "$prefix/bin/etsi")" = "$(realpath "$libdir"/libetsi.so.*.*.*)" ||
	{ echo "the installed etsi does not load the installed libetsi:"; ldd "$prefix/bin/etsi"; exit 1; }
"$prefix/bin/etsi" validate "$dossier" >/dev/null
ETSI_DATA_DIR=$prefix/share/libetsi "$prefix/bin/etsi" \
	validate "$prefix/share/libetsi/examples/smart-camera-v3.xml" >/dev/null
# and from a copy of the whole tree elsewhere
cp -a "$prefix" "$work/moved"
"$work/moved/bin/etsi" --version >/dev/null ||
	{ echo "a moved install's etsi does not run"; exit 1; }
test "$(loaded "$work/moved/bin/etsi")" = "$(realpath "$work"/moved/lib*/libetsi.so.*.*.*)" ||
	{ echo "a moved install's etsi loads another libetsi"; exit 1; }
rm -rf "$work/moved"

# 2. the C example through pkg-config, linked with the run path README gives
export PKG_CONFIG_PATH="$libdir/pkgconfig"
cflags=$(pkg-config --cflags libetsi)
libs=$(pkg-config --libs libetsi)
pclibdir=$(pkg-config --variable=libdir libetsi)
case $cflags in *"$prefix"*) ;; *) echo "pkg-config cflags do not point into the prefix: $cflags"; exit 1 ;; esac
cc -std=c11 -Wall -Wextra -Werror "$src/examples/c/dossier-summary.c" $cflags $libs \
	-Wl,-rpath,"$pclibdir" -o "$work/summary-pkgconfig"
"$work/summary-pkgconfig" "$dossier" >"$work/pkgconfig.out"
grep -q "EN 303 645 V3.1.3" "$work/pkgconfig.out"
unset PKG_CONFIG_PATH

# 3. find_package(etsi) needs no pkg-config file of libetsi's dependencies
# (libxml2, libxslt, jansson, xmlsec1, libcrypto): the shared library links
# them privately.  pkg-config finds nothing at all here.
mkdir -p "$work/no-pc-files"
PKG_CONFIG_LIBDIR=$work/no-pc-files PKG_CONFIG_PATH= \
	cmake -S "$src/examples/c" -B "$work/example-build" -DCMAKE_PREFIX_PATH="$prefix" \
	>"$work/example-configure.log" 2>&1 ||
	{ echo "find_package(etsi) fails without the dependencies' .pc files:"; cat "$work/example-configure.log"; exit 1; }
if grep -q -i 'pkg-config\|libxml\|jansson' "$work/example-configure.log"; then
	echo "find_package(etsi) looked for libetsi's private dependencies:"
	cat "$work/example-configure.log"; exit 1
fi
cmake --build "$work/example-build" >"$work/example-build.log"
"$work/example-build/dossier-summary" "$dossier" >"$work/cmake.out"
cmp "$work/pkgconfig.out" "$work/cmake.out"

# ... while a static libetsi (the installed etsiConfig.cmake over a stand-in
# targets file) gets its dependencies from pkg-config, and says which are
# missing when they are
static=$work/static-package
mkdir -p "$static/etsi" "$static/project"
cp "$(dirname "$(find "$prefix" -name etsiConfig.cmake | head -n 1)")"/etsiConfig*.cmake "$static/etsi/"
cat >"$static/etsi/etsiTargets.cmake" <<'CMAKE'
add_library(etsi::etsi STATIC IMPORTED)
set_target_properties(etsi::etsi PROPERTIES IMPORTED_LOCATION /nonexistent/libetsi.a
  INTERFACE_LINK_LIBRARIES "$<LINK_ONLY:PkgConfig::LIBXML2>;$<LINK_ONLY:PkgConfig::LIBXSLT>;$<LINK_ONLY:PkgConfig::JANSSON>;$<LINK_ONLY:PkgConfig::XMLSEC>;$<LINK_ONLY:PkgConfig::LIBCRYPTO>;$<LINK_ONLY:Threads::Threads>")
CMAKE
cat >"$static/project/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(static_etsi C)
find_package(etsi REQUIRED)
foreach(t LIBXML2 LIBXSLT JANSSON XMLSEC LIBCRYPTO)
  if(NOT TARGET PkgConfig::${t})
    message(FATAL_ERROR "no PkgConfig::${t}")
  endif()
endforeach()
CMAKE
cmake -S "$static/project" -B "$static/with-pc" -Detsi_DIR="$static/etsi" >"$static/with-pc.log" 2>&1 ||
	{ echo "a static libetsi's dependencies are not found:"; cat "$static/with-pc.log"; exit 1; }
if PKG_CONFIG_LIBDIR=$work/no-pc-files PKG_CONFIG_PATH= cmake -S "$static/project" \
	-B "$static/without-pc" -Detsi_DIR="$static/etsi" >"$static/without-pc.log" 2>&1; then
	echo "a static libetsi was found without its dependencies"; exit 1
fi
grep -q "static libetsi needs the pkg-config modules libxml-2.0" "$static/without-pc.log" ||
	{ echo "no message naming the missing modules:"; cat "$static/without-pc.log"; exit 1; }

# 4. Python, with PYTHONPATH set to the directory the install names
python=$(cached Python3_EXECUTABLE)
if [ -n "$python" ] && ls "$prefix"/lib/python3*/*-packages/etsi/__init__.py >/dev/null 2>&1; then
	pydir=$(dirname "$(dirname "$(ls "$prefix"/lib/python3*/*-packages/etsi/__init__.py | head -n 1)")")
	grep -q "etsi Python package: $pydir" "$work/install.log" ||
		{ echo "cmake --install does not say where the Python package went"; exit 1; }
	(cd "$work" && PYTHONPATH=$pydir "$python" "$here/check_python_install.py" \
		"$prefix" "$version" "$dossier")
	pythonmsg=", Python from $(echo "$pydir" | sed "s|$prefix/||")"
elif grep -q 'etsi_python' "$build/Makefile" "$build/build.ninja" 2>/dev/null; then
	echo "the Python binding was built but is not installed under lib/python3*"; exit 1
else
	pythonmsg=", no Python binding"
fi

# 5. Java: a program compiled and run against the installed jar alone
javac=$(cached Java_JAVAC_EXECUTABLE)
java=$(cached Java_JAVA_EXECUTABLE)
jar=$(find "$prefix" -name libetsi.jar | head -n 1)
if [ -n "$jar" ]; then
	jardir=$(dirname "$jar")
	mkdir -p "$work/java"
	"$javac" -d "$work/java" -cp "$jar" "$here/InstalledJava.java"
	(cd "$work" && "$java" -cp "$jar:$work/java" InstalledJava "$dossier") >"$work/java.out"
	grep -q "libetsi $version: " "$work/java.out" ||
		{ echo "the Java program says: $(cat "$work/java.out")"; exit 1; }
	# the POM: beside the jar and in a Maven repository layout
	pom=$jardir/libetsi-$version.pom
	test -f "$pom" || { echo "no libetsi-$version.pom beside the jar"; exit 1; }
	test "$(readlink "$jardir/libetsi.pom")" = "libetsi-$version.pom" ||
		{ echo "libetsi.pom is not the link to libetsi-$version.pom"; exit 1; }
	repo=$prefix/share/maven-repo/org/libetsi/libetsi/$version
	for f in "libetsi-$version.pom" "libetsi-$version.jar"; do
		test -f "$repo/$f" || { echo "not in share/maven-repo: $f"; exit 1; }
	done
	cmp "$repo/libetsi-$version.jar" "$jardir/libetsi-$version.jar"
	cmp "$repo/libetsi-$version.pom" "$pom"
	"$python" - "$pom" "$version" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
root = ET.parse(sys.argv[1]).getroot()
got = tuple(root.findtext(f"m:{t}", namespaces=ns)
            for t in ("modelVersion", "groupId", "artifactId", "version", "packaging"))
want = ("4.0.0", "org.libetsi", "libetsi", sys.argv[2], "jar")
if got != want:
    sys.exit(f"the POM says {got}, not {want}")
PY
	# Maven itself reads it (its model validation) where Maven is installed
	if command -v mvn >/dev/null 2>&1; then
		mvn -o -q -B -f "$pom" -Dmaven.repo.local="$work/m2" validate >"$work/mvn.log" 2>&1 ||
			{ echo "Maven refuses the POM:"; cat "$work/mvn.log"; exit 1; }
	fi
	javamsg=", Java with org.libetsi:libetsi:$version"
else
	javamsg=", no Java binding"
fi

echo "installed to $prefix; SONAME $soname; etsi runs by its \$ORIGIN run path;" \
	"examples/c built with pkg-config and find_package (no dependency .pc files)$pythonmsg$javamsg"
tail -n 1 "$work/cmake.out"
