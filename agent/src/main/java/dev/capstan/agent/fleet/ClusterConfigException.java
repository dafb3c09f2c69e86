package dev.capstan.agent.fleet;

import dev.capstan.core.CapstanException;

/** A cluster registration that cannot be used, naming the Secret or flag and the field. */
public final class ClusterConfigException extends CapstanException {
  public ClusterConfigException(String where, String message) {
    super(where, message);
  }

  public ClusterConfigException(String where, String message, Throwable cause) {
    super(where, message, cause);
  }
}
