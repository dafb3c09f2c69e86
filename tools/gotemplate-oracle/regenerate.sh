#!/usr/bin/env bash
# Regenerates the golden files of the Go template cases from the real Go text/template, Sprig and
# Helm 3.17.2's engine (this folder's Go program), so the Java tests need neither Go nor the network:
#
#   tools/gotemplate-oracle/regenerate.sh            # every case file
#   tools/gotemplate-oracle/regenerate.sh ranges     # only cases/ranges.yaml
#
# Each chart-renderer/src/test/resources/gotemplate/cases/NAME.yaml gives golden/NAME.json beside
# cases/. A golden that differs from what Java renders is a bug in Java, never a file to edit by hand.
# Needs Go and, on first run, the module proxy (helm.sh/helm/v3 v3.17.2 and the go1.23.7 toolchain).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dir="$root/chart-renderer/src/test/resources/gotemplate"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT

# text/template is part of Go's standard library, so the Go release matters as much as Helm's: the
# Helm 3.17.2 binary is built with go1.23.7 (no range over integers yet, for one), and so is the oracle.
(cd "$here" && GOTOOLCHAIN=go1.23.7 go build -o "$bin/oracle" .)
mkdir -p "$dir/golden"
api="$root/chart-renderer/src/main/resources/dev/capstan/chart/gochart/helm-api-versions.txt"
{
  echo "# Helm 3.17.2's default .Capabilities.APIVersions (chartutil.DefaultVersionSet), in its order."
  echo "# Written by tools/gotemplate-oracle/regenerate.sh (gotemplate-oracle --api-versions); do not edit."
  "$bin/oracle" --api-versions
} >"$api"
if [[ $# -gt 0 ]]; then
  files=()
  for name in "$@"; do files+=("$dir/cases/$name.yaml"); done
else
  rm -f "$dir"/golden/*.json
  files=("$dir"/cases/*.yaml)
fi
for cases in "${files[@]}"; do
  name=$(basename "$cases" .yaml)
  "$bin/oracle" "$cases" "$dir/golden/$name.json"
  echo "wrote gotemplate/golden/$name.json ($(grep -c '"name":' "$dir/golden/$name.json") cases)" >&2
done
