package dev.capstan.engine.resource;

/** Reads {@code capstan.dev/sync-wave}: an integer, 0 when absent. */
public final class SyncWave {
  private SyncWave() {}

  public static int of(DesiredObject object) {
    String raw = object.annotation(CapstanMetadata.SYNC_WAVE_ANNOTATION);
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new ObjectException(
          object.ref(),
          "annotation " + CapstanMetadata.SYNC_WAVE_ANNOTATION + " must be an integer, got \"" + raw + "\""
              + (object.source() == null ? "" : " (" + object.source() + ")"));
    }
  }
}
