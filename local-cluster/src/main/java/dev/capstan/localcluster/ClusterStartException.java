package dev.capstan.localcluster;

import dev.capstan.core.CapstanException;

/** A process of the local control plane did not start, or the cluster did not become ready in time. */
public class ClusterStartException extends CapstanException {
  private final String component;

  public ClusterStartException(String component, String message) {
    this(component, message, null);
  }

  public ClusterStartException(String component, String message, Throwable cause) {
    super(component, message, cause);
    this.component = component;
  }

  /** The process that failed: {@code kube-apiserver}, {@code kwok}, {@code nodes}, ... */
  public String component() {
    return component;
  }
}
