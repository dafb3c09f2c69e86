#!/usr/bin/env bash
# Builds the CNCF distribution registry (the OCI registry behind Docker Hub, Harbor and GHCR's
# ancestors) that Capstan's chart-registry tests run on 127.0.0.1, from the Go module proxy with
# `go install`. Lands outside the repository (~/.cache/capstan/oci-registry/<version>-<os>-<arch>/),
# never committed. Idempotent: when the stamp matches the pinned version it returns at once.
#
#   tools/oci-registry.sh              build if missing or outdated, print nothing else on success
#   tools/oci-registry.sh --print-path print the binary's path (building first if needed)
#   OCI_REGISTRY_DIR=/elsewhere ...    build under another root
set -euo pipefail

DISTRIBUTION_VERSION=3.1.2   # github.com/distribution/distribution/v3

if ! command -v go >/dev/null 2>&1; then
  echo "oci-registry: Go is not installed; install Go 1.24 or newer and rerun $0" >&2
  exit 1
fi
root="${OCI_REGISTRY_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/capstan/oci-registry}"
dest="$root/$DISTRIBUTION_VERSION-$(go env GOOS)-$(go env GOARCH)"
stamp="$dest/.capstan-stamp"
want="distribution=v$DISTRIBUTION_VERSION"

if [[ ! -x "$dest/registry" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "oci-registry: building distribution v$DISTRIBUTION_VERSION into $dest (first build: a few minutes)" >&2
  mkdir -p "$dest"
  rm -f "$stamp"
  start=$SECONDS
  CGO_ENABLED=0 GOBIN="$dest" go install -trimpath -ldflags "-s -w" \
    "github.com/distribution/distribution/v3/cmd/registry@v$DISTRIBUTION_VERSION"
  [[ -x "$dest/registry" ]] || { echo "oci-registry: $dest/registry is missing after the build" >&2; exit 1; }
  echo "$want" > "$stamp"
  echo "oci-registry: done in $((SECONDS - start)) s" >&2
fi
if [[ "${1:-}" == "--print-path" ]]; then
  echo "$dest/registry"
fi
