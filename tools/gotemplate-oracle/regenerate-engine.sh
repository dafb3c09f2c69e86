#!/bin/sh
# Regenerates the engine's goldens (GoFmtTest, GoTemplateEngineTest) with Go 1.23.7, the Go that
# Helm 3.17 is built with, so text/template and fmt behave as Helm's do.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
res="$here/../../chart-renderer/src/test/resources/gotemplate"
export GOTOOLCHAIN=go1.23.7
# The random cases are generated (fixed seeds) before Go runs them.
python3 "$here/enginecases/gen_random.py" > "$res/engine/random.cases"
python3 "$here/enginecases/gen_random.py" gentle > "$res/engine/gentle.cases"
python3 "$here/enginecases/gen_random.py" control > "$res/engine/control-random.cases"
python3 "$here/enginecases/gen_random.py" fmt > "$res/engine/fmt-random.cases"
(cd "$here/fmtcases" && go run . "$res/fmt-cases.json" "$res/fmt-golden.json")
for f in "$res"/engine/*.cases; do
  (cd "$here/enginecases" && go run . "$f" "${f%.cases}.golden.json")
done
