/**
 * A real, local Kubernetes control plane for integration tests, benchmarks and {@code capstan
 * sandbox}, started from binaries built by {@code tools/kube-binaries.sh}.
 *
 * <p>{@link dev.capstan.localcluster.LocalApiServer} is etcd plus kube-apiserver, started through
 * fabric8's {@code kube-api-test} in offline mode (it never downloads anything): enough for
 * server-side apply, managed fields, dry-run, discovery, CRDs and watches. {@link
 * dev.capstan.localcluster.LocalCluster} adds kube-controller-manager, kube-scheduler and KWOK, which
 * simulates nodes and moves Pods to Running/Ready without containers, so Deployments really roll
 * out. Every process listens on 127.0.0.1 on an ephemeral port, works in its own temporary folder,
 * and is stopped by {@code stop()} or, failing that, when the JVM exits.
 *
 * <p>{@link dev.capstan.localcluster.KubeBinaries} finds the binaries for the pinned versions in
 * {@link dev.capstan.localcluster.PinnedVersions}; when they are missing, the error names the command
 * that builds them.
 */
package dev.capstan.localcluster;
