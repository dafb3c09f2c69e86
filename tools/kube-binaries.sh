#!/usr/bin/env bash
# Builds the local Kubernetes control plane used by Capstan's integration tests and `capstan sandbox`:
# kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, etcd and kwok, for one pinned
# Kubernetes version, from the Go module proxy with the ordinary Go tools. The binaries land where
# io.fabric8:kube-api-test looks for them (~/.kubeapitest/k8s/<version>-<os>-<arch>/) and are never
# committed. Idempotent: when the stamp file matches the pinned versions it returns at once.
#
#   tools/kube-binaries.sh            build if missing or outdated
#   tools/kube-binaries.sh --print-dir print the target folder and exit
#   KUBEAPITEST_DIR=/elsewhere ...     build under another root (default ~/.kubeapitest)
set -euo pipefail

KUBE_VERSION=1.34.4   # k8s.io/kubernetes; the staging modules are pinned to v0.34.4 in tools/kube-build/go.mod
ETCD_VERSION=3.6.4    # what k8s.io/kubernetes v1.34.4 itself requires (go.etcd.io/etcd/server/v3)
KWOK_VERSION=0.7.0    # sigs.k8s.io/kwok: its go.mod asks for go 1.24, so any go >= 1.24 builds it

here="$(cd "$(dirname "$0")" && pwd)"
root="${KUBEAPITEST_DIR:-$HOME/.kubeapitest}"

if ! command -v go >/dev/null 2>&1; then
  echo "kube-binaries: Go is not installed; install Go 1.24 or newer (https://go.dev/dl/ or your package manager) and rerun $0" >&2
  exit 1
fi
goos="$(go env GOOS)"
goarch="$(go env GOARCH)"
dest="$root/k8s/$KUBE_VERSION-$goos-$goarch"
stamp="$dest/.capstan-stamp"
want="kubernetes=v$KUBE_VERSION etcd=v$ETCD_VERSION kwok=v$KWOK_VERSION go.mod=$(cksum < "$here/kube-build/go.mod" | cut -d' ' -f1)"
binaries=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok)

if [[ "${1:-}" == "--print-dir" ]]; then
  echo "$dest"
  exit 0
fi

complete=true
for b in "${binaries[@]}"; do [[ -x "$dest/$b" ]] || complete=false; done
if $complete && [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "kube-binaries: up to date in $dest ($want)"
  exit 0
fi

echo "kube-binaries: building Kubernetes v$KUBE_VERSION, etcd v$ETCD_VERSION and KWOK v$KWOK_VERSION into $dest"
echo "kube-binaries: the first build downloads the modules and compiles for a while (minutes); later runs reuse it"
mkdir -p "$dest"
rm -f "$stamp"
start=$SECONDS

export CGO_ENABLED=0
flags=(-trimpath)
ver="k8s.io/component-base/version"
cver="k8s.io/client-go/pkg/version"
minor="${KUBE_VERSION#*.}"; minor="${minor%%.*}"
ldflags="-s -w"
for p in "$ver" "$cver"; do
  ldflags+=" -X $p.gitVersion=v$KUBE_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
done

cd "$here/kube-build"
echo "kube-binaries: [1/3] kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, etcd (go build)"
go build "${flags[@]}" -mod=readonly -ldflags "$ldflags" -o "$dest/" \
  k8s.io/kubernetes/cmd/kube-apiserver \
  k8s.io/kubernetes/cmd/kube-controller-manager \
  k8s.io/kubernetes/cmd/kube-scheduler \
  k8s.io/kubernetes/cmd/kubectl
echo "kube-binaries: [2/3] etcd (go build)"
go build "${flags[@]}" -mod=readonly -ldflags "-s -w" -o "$dest/etcd" go.etcd.io/etcd/server/v3

echo "kube-binaries: [3/3] kwok (go install sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION)"
GOBIN="$dest" go install "${flags[@]}" -ldflags "-s -w" "sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION"

for b in "${binaries[@]}"; do
  [[ -x "$dest/$b" ]] || { echo "kube-binaries: $dest/$b is missing after the build" >&2; exit 1; }
done
echo "$want" > "$stamp"
echo "kube-binaries: done in $((SECONDS - start)) s: $(cd "$dest" && ls | tr '\n' ' ')"
