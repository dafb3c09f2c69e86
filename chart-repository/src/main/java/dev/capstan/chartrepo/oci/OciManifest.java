package dev.capstan.chartrepo.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An OCI image manifest as a Helm chart uses it: the config descriptor and the layers. {@link #digest}
 * is the sha256 of the manifest's bytes, the value a pinned {@code @sha256:...} reference names.
 */
public record OciManifest(Digest digest, byte[] bytes, Descriptor config, List<Descriptor> layers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A content descriptor: media type, digest and size of a blob. */
  public record Descriptor(String mediaType, Digest digest, long size) {}

  public OciManifest {
    layers = List.copyOf(layers);
  }

  /** The layer holding the chart archive, or a one-line error when this is not a Helm chart. */
  public Descriptor chartLayer(String where) {
    if (!HelmMediaTypes.CONFIG.equals(config.mediaType())) {
      throw new SourceException(where, SourceException.Reason.MALFORMED,
          "not a Helm chart: the manifest's config is " + config.mediaType() + ", not " + HelmMediaTypes.CONFIG);
    }
    return layers.stream().filter(l -> l.mediaType().equals(HelmMediaTypes.CHART_CONTENT)
            || l.mediaType().equals(HelmMediaTypes.LEGACY_CHART_CONTENT)).findFirst()
        .orElseThrow(() -> new SourceException(where, SourceException.Reason.MALFORMED,
            "the manifest has no layer of type " + HelmMediaTypes.CHART_CONTENT));
  }

  static OciManifest parse(byte[] bytes, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new SourceException(where, SourceException.Reason.MALFORMED, "the manifest is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || root.path("schemaVersion").asInt() != 2 || !root.path("config").isObject()) {
      throw new SourceException(where, SourceException.Reason.MALFORMED, "not an OCI image manifest (schemaVersion 2 with a config)");
    }
    List<Descriptor> layers = new ArrayList<>();
    for (JsonNode l : root.path("layers")) {
      layers.add(descriptor(l, where));
    }
    return new OciManifest(Digest.of(bytes), bytes, descriptor(root.get("config"), where), layers);
  }

  private static Descriptor descriptor(JsonNode node, String where) {
    String mediaType = node.path("mediaType").asText("");
    Digest digest = Digest.parse(node.path("digest").asText(null)).orElseThrow(() -> new SourceException(where,
        SourceException.Reason.MALFORMED, "a manifest descriptor has no sha256 digest"));
    long size = node.path("size").asLong(-1);
    if (size < 0) {
      throw new SourceException(where, SourceException.Reason.MALFORMED, "a manifest descriptor has no size");
    }
    return new Descriptor(mediaType, digest, size);
  }
}
