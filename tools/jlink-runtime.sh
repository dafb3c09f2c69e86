#!/usr/bin/env bash
# Builds the minimal Java runtime the capstan image ships: the modules capstan.jar uses, as jdeps
# finds them, plus the few it loads by name at run time, linked by jlink into OUT.
#
#   tools/jlink-runtime.sh cli/target/capstan.jar OUT
#
# The Dockerfile runs this script, and JlinkRuntimeIT (cli) runs it in the normal test suite and
# then starts capstan on the result, so a module that goes missing fails a test, not a deployment.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 CAPSTAN_JAR OUTPUT_DIR" >&2
  exit 2
fi
jar="$1"
out="$2"
jdk_bin="${JAVA_HOME:+$JAVA_HOME/bin/}"

# Modules no class names in its bytecode, so jdeps cannot see them:
#   jdk.crypto.ec  elliptic-curve keys and TLS key exchange (a JCA provider, found by name)
#   jdk.charsets   charsets beyond the standard ones, for commit messages and files in legacy encodings
extra=jdk.crypto.ec,jdk.charsets

# The shaded jar carries its dependencies' module-info classes under META-INF/versions/9; read as
# a multi-release jar, jdeps would take it for a module that requires them, and stop. So jdeps reads
# the base entries (the versioned ones are mostly BouncyCastle's variants of base classes), and
# JlinkRuntimeIT runs capstan on the result to catch what that could miss.
modules="$("${jdk_bin}jdeps" -J-XX:+UseSerialGC --ignore-missing-deps --print-module-deps --multi-release base -q "$jar")"
echo "capstan runtime modules: $modules,$extra"

rm -rf "$out"
"${jdk_bin}jlink" -J-XX:+UseSerialGC --add-modules "$modules,$extra" \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out"
