package dev.capstan.engine.resource;

import dev.capstan.core.CapstanException;

/** A problem with one object; the message starts with its id ({@code Deployment/shop/web: ...}). */
public class ObjectException extends CapstanException {
  private final transient ObjectRef ref;

  public ObjectException(ObjectRef ref, String message) {
    this(ref, message, null);
  }

  public ObjectException(ObjectRef ref, String message, Throwable cause) {
    super(ref.toString(), message, cause);
    this.ref = ref;
  }

  public ObjectRef ref() {
    return ref;
  }
}
