#!/bin/sh
# Differential fuzzing of the Java engine against Go 1.23.7, outside the normal build: random
# templates (gen_random.py, every mode) with a fresh seed, run by Go, then by GoTemplateEngineTest.
#
#   tools/gotemplate-oracle/fuzz-engine.sh [SEED] [COUNT]
#
# A case that differs is a bug in the Java engine: copy it into a committed .cases file, regenerate
# its golden with regenerate-engine.sh and fix the engine. The one known difference is Go's uint8
# (index of a string gives an int here; see the package-info of dev.capstan.chart.gotemplate).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root="$here/../.."
seed=${1:-$(date +%s)}
count=${2:-2000}
out=$(mktemp -d)
export GOTOOLCHAIN=go1.23.7
for mode in random gentle control fmt; do
  python3 "$here/enginecases/gen_random.py" "$mode" "$seed" "$count" > "$out/$mode.cases"
  (cd "$here/enginecases" && go run . "$out/$mode.cases" "$out/$mode.golden.json")
done
echo "seed $seed, $count cases per mode, in $out"
cd "$root" && ./mvnw -B -ntp -o -q -pl chart-renderer test -Dtest=GoTemplateEngineTest \
  -Dgotemplate.fuzz.dir="$out" -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false
