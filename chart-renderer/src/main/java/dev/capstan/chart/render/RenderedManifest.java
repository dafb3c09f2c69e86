package dev.capstan.chart.render;

import dev.capstan.core.kinds.KindOrder;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Kubernetes object as rendered: the template it came from ({@code mychart/templates/web.yaml},
 * subcharts {@code mychart/charts/redis/templates/...}), its text as the template produced it
 * (comments kept) and the parsed object.
 */
public record RenderedManifest(String source, String yaml, Map<String, Object> object) {
  /**
   * Output order: {@link KindOrder}, then template path; stable for documents of one file, so the
   * same chart and values always print the same stream, in the order an apply uses.
   */
  public static final Comparator<RenderedManifest> ORDER =
      KindOrder.byKind(RenderedManifest::kind).thenComparing(RenderedManifest::source);

  public RenderedManifest {
    object = Collections.unmodifiableMap(new LinkedHashMap<>(object));
  }

  public String apiVersion() {
    return string(object.get("apiVersion"));
  }

  public String kind() {
    return string(object.get("kind"));
  }

  public String name() {
    return string(metadata().get("name"));
  }

  /** {@code metadata.namespace}, or null when the document does not set one. */
  public String namespace() {
    return string(metadata().get("namespace"));
  }

  private Map<?, ?> metadata() {
    return object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  /** {@code apps/v1 Deployment shop/web}: how errors and listings name the object. */
  public String id() {
    return apiVersion() + " " + kind() + " " + (namespace() == null ? "" : namespace() + "/") + name();
  }
}
