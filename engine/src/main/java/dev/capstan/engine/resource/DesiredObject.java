package dev.capstan.engine.resource;

import java.util.Map;

/**
 * One object the release wants, as the plain map the renderer produced, with the template it came
 * from ({@code shop/templates/web.yaml}) so errors can name the source.
 */
public record DesiredObject(String source, Map<String, Object> object) {

  public ObjectRef ref() {
    return ObjectRef.of(object);
  }

  public String annotation(String name) {
    Object value = Maps.get(object, "metadata", "annotations", name);
    return value == null ? null : String.valueOf(value);
  }

  /** The sync wave from {@code capstan.dev/sync-wave}; an unparsable value is an error, not 0. */
  public int wave() {
    return SyncWave.of(this);
  }

  public boolean pruneDisabled() {
    return CapstanMetadata.PRUNE_DISABLED.equals(annotation(CapstanMetadata.PRUNE_ANNOTATION));
  }
}
