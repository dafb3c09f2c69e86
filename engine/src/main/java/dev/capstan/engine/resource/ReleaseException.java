package dev.capstan.engine.resource;

import dev.capstan.core.CapstanException;

/** A problem with a release as a whole; the message starts with {@code release <ns>/<name>}. */
public class ReleaseException extends CapstanException {
  private final String namespace;
  private final String release;

  public ReleaseException(String namespace, String release, String message) {
    this(namespace, release, message, null);
  }

  public ReleaseException(String namespace, String release, String message, Throwable cause) {
    super("release " + namespace + "/" + release, message, cause);
    this.namespace = namespace;
    this.release = release;
  }

  public String namespace() {
    return namespace;
  }

  public String release() {
    return release;
  }
}
