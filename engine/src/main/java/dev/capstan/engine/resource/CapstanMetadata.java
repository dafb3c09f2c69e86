package dev.capstan.engine.resource;

/** The labels and annotations Capstan reads and writes on objects. */
public final class CapstanMetadata {
  private CapstanMetadata() {}

  /** The one field manager for server-side apply, so ownership of each field is visible. */
  public static final String FIELD_MANAGER = "capstan";

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "capstan";
  /** {@code <namespace>/<release>}: which release an object belongs to. */
  public static final String RELEASE_ANNOTATION = "capstan.dev/release";
  public static final String SYNC_WAVE_ANNOTATION = "capstan.dev/sync-wave";
  public static final String HOOK_ANNOTATION = "capstan.dev/hook";
  public static final String PRUNE_ANNOTATION = "capstan.dev/prune";
  public static final String PRUNE_DISABLED = "disabled";

  /** The value of {@link #RELEASE_ANNOTATION} for a release. */
  public static String releaseId(String namespace, String release) {
    return namespace + "/" + release;
  }
}
