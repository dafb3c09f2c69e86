package dev.capstan.engine.plan;

import dev.capstan.engine.resource.CapstanMetadata;
import dev.capstan.engine.resource.Maps;
import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;
import java.util.Map;

/**
 * Refuses to take over an object that belongs to someone else: another Capstan release, or nobody
 * Capstan knows (created by hand, by Helm, by another tool). Adopting silently would let two
 * releases fight over one object and let uninstall delete what it never created.
 */
public final class Ownership {
  private Ownership() {}

  /** The release id an object is annotated with, or null. */
  public static String releaseOf(Map<String, Object> live) {
    return Maps.string(live, "metadata", "annotations", CapstanMetadata.RELEASE_ANNOTATION);
  }

  public static void check(ObjectRef ref, Map<String, Object> live, String releaseId) {
    String owner = releaseOf(live);
    if (owner == null) {
      throw new OwnershipException(ref, "already exists and is not managed by Capstan; delete it or annotate it with "
          + CapstanMetadata.RELEASE_ANNOTATION + "=" + releaseId + " to adopt it");
    }
    if (!owner.equals(releaseId)) {
      throw new OwnershipException(ref, "belongs to release " + owner + ", not " + releaseId);
    }
  }

  /** An object owned by another release or by nobody. */
  public static class OwnershipException extends ObjectException {
    public OwnershipException(ObjectRef ref, String message) {
      super(ref, message);
    }
  }
}
