package dev.capstan.engine.resource;

import java.util.Optional;

/** When a hook object ({@code capstan.dev/hook}) runs during a sync. */
public enum HookPhase {
  /** Before anything else is applied; failure stops the sync with nothing touched. */
  PRE_SYNC("pre-sync"),
  /** After every wave applied and became healthy. */
  POST_SYNC("post-sync"),
  /** When the sync failed, before an atomic rollback. */
  SYNC_FAIL("sync-fail");

  private final String label;

  HookPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The phase an object's annotation names, empty for ordinary objects; an unknown value is an error. */
  public static Optional<HookPhase> of(DesiredObject object) {
    String raw = object.annotation(CapstanMetadata.HOOK_ANNOTATION);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    for (HookPhase phase : values()) {
      if (phase.label.equals(raw.strip())) {
        return Optional.of(phase);
      }
    }
    throw new ObjectException(object.ref(), "annotation " + CapstanMetadata.HOOK_ANNOTATION
        + " must be pre-sync, post-sync or sync-fail, got \"" + raw + "\"");
  }
}
