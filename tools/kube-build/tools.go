//go:build tools

// Package kubebuild only pins, through go.mod and go.sum, the Go modules tools/kube-binaries.sh
// builds the local control plane from; it is never compiled.
package kubebuild

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
