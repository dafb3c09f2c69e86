package dev.capstan.localcluster;

/**
 * The versions {@code tools/kube-binaries.sh} builds; a test keeps the two in step, so a bump of the
 * script without this class (or the reverse) fails the build instead of a test run.
 */
public final class PinnedVersions {
  /** k8s.io/kubernetes: kube-apiserver, kube-controller-manager, kube-scheduler, kubectl. */
  public static final String KUBERNETES = "1.34.4";
  /** go.etcd.io/etcd/server/v3, the version Kubernetes itself requires. */
  public static final String ETCD = "3.6.4";
  /** sigs.k8s.io/kwok. */
  public static final String KWOK = "0.7.0";

  private PinnedVersions() {}
}
