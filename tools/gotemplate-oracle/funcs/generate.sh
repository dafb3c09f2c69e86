#!/usr/bin/env bash
# Regenerates the function goldens from real Go (Sprig v3.3.0 and Helm 3.17's functions):
#   tools/gotemplate-oracle/funcs/generate.sh
# Needs Go and the module proxy; the Java tests read only the committed goldens.
set -euo pipefail
cd "$(dirname "$0")"
out=../../../chart-renderer/src/test/resources/gotemplate/funcs
mkdir -p "$out"
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
go build -o "$bin" .
"$bin" -signatures "$out/signatures.txt"
"$bin" -fuzz 1500 -seed 13 -out cases/fuzz.txt
for f in cases/*.txt; do
  "$bin" -cases "$f" -out "$out/$(basename "$f" .txt).golden"
done
"$bin" -templates e2e/templates.txt -out "$out/templates.golden"
"$bin" -fuzztemplates 800 -seed 7 -out e2e/fuzz.txt
"$bin" -templates e2e/fuzz.txt -out "$out/templates-fuzz.golden"
