#!/bin/sh
# Installs libetsi from a build tree into a temporary prefix and runs the
# Java example against the installed jar alone: no -Djava.library.path, no
# LD_LIBRARY_PATH, so the jar must find its JNI library and the JNI library
# libetsi by themselves.
#
#   check_install.sh BUILD_DIR WORK_DIR SOURCE_DIR JAR_DIR EXAMPLE_JAR JAVA
set -eu

build=$1
work=$2
src=$3
jardir=$4
example=$5
java=$6
prefix=$work/prefix

rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"

jar=$prefix/$jardir/libetsi.jar
test -e "$jar" || { echo "missing after install: $jardir/libetsi.jar"; exit 1; }
test -L "$jar" || { echo "$jardir/libetsi.jar is not the link to the versioned jar"; exit 1; }
jni=$(find "$prefix" -name 'libetsijni.so' | head -n 1)
test -n "$jni" || { echo "no libetsijni.so installed"; exit 1; }
case $jni in
	*/jni/libetsijni.so) ;;
	*) echo "libetsijni.so is not in a jni directory: $jni"; exit 1 ;;
esac
if objdump -T "$jni" | awk '$2 == "g" && $4 == ".text" {print $7}' | grep -v '^Java_' | grep -q .; then
	echo "libetsijni.so exports more than its JNI functions:"
	objdump -T "$jni" | awk '$2 == "g" && $4 == ".text" {print $7}' | grep -v '^Java_'
	exit 1
fi

cd "$work"
env -u LD_LIBRARY_PATH "$java" -cp "$jar:$example" GrcImport \
	"$src/examples/dossiers/constrained-sensor-v2.xml" "$work/sensor.json" 2026-11-26 >"$work/example.out"
grep -q "clause 5.3: PASS" "$work/example.out"
test -s "$work/sensor.json"

echo "installed to $prefix; $(basename "$(readlink "$jar")") loads $(echo "$jni" | sed "s|$prefix/||")"
