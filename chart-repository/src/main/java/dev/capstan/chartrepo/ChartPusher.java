package dev.capstan.chartrepo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.archive.ArchiveLimits;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.oci.HelmMediaTypes;
import dev.capstan.chartrepo.oci.OciManifest;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code helm push} for Capstan: stores a chart archive in an OCI registry the way Helm does, so
 * {@code helm pull} and {@code helm template} read it. {@code oci://host/path} plus chart
 * {@code web} 1.2.0 becomes {@code host/path/web:1.2.0}; the config blob is the chart's Chart.yaml as
 * JSON ({@link HelmMediaTypes#CONFIG}), the one layer the archive ({@link HelmMediaTypes#CHART_CONTENT}).
 * The manifest carries no creation time, so pushing the same archive twice gives the same digest.
 */
public final class ChartPusher {
  /** Where the chart went and the manifest's digest. */
  public record Pushed(OciReference reference, Digest manifestDigest, Digest archiveDigest) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OciRegistryClient registries;

  public ChartPusher(OciRegistryClient registries) {
    this.registries = registries;
  }

  /** Pushes {@code archive} (a chart .tgz) under {@code base} ({@code oci://host/path}). */
  public Pushed push(byte[] archive, String displayName, OciReference base, Credentials credentials) {
    return push(archive, displayName, base, credentials, Optional.empty());
  }

  /**
   * Pushes {@code archive} and, when given, its provenance file as a second layer
   * ({@link HelmMediaTypes#PROVENANCE}), as {@code helm push} does with a {@code .prov} beside the archive.
   */
  public Pushed push(byte[] archive, String displayName, OciReference base, Credentials credentials, Optional<byte[]> provenance) {
    if (base.tag().isPresent() || base.digest().isPresent()) {
      throw new IllegalArgumentException(base + ": push to a repository (oci://host/path), without a tag or digest; "
          + "the chart's name and version make the rest");
    }
    Chart chart = ChartLoader.loadArchive(archive, displayName, ArchiveLimits.defaults());
    String name = chart.metadata().name();
    String version = chart.metadata().version();
    OciReference target = base.child(name).withVersion(version);
    byte[] config = configJson(chart, displayName);
    OciManifest.Descriptor configDesc = registries.pushBlob(target, HelmMediaTypes.CONFIG, config, credentials);
    List<OciManifest.Descriptor> layers = new ArrayList<>();
    layers.add(registries.pushBlob(target, HelmMediaTypes.CHART_CONTENT, archive, credentials));
    if (provenance.isPresent()) {
      layers.add(registries.pushBlob(target, HelmMediaTypes.PROVENANCE, provenance.get(), credentials));
    }
    OciManifest.Descriptor layer = layers.get(0);
    Digest manifest = registries.pushManifest(target, OciReference.tagOf(version), manifest(configDesc, layers, name, version,
        chart.metadata().description()), credentials);
    return new Pushed(target, manifest, layer.digest());
  }

  /** Chart.yaml as JSON, as Helm stores a chart's metadata in the config blob. */
  private static byte[] configJson(Chart chart, String displayName) {
    try {
      JsonNode yaml = new YAMLMapper().readTree(chart.files().read("Chart.yaml"));
      return JSON.writeValueAsBytes(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(displayName + ": Chart.yaml: " + e.getMessage(), e);
    }
  }

  private static byte[] manifest(OciManifest.Descriptor config, List<OciManifest.Descriptor> layers, String name, String version,
      String description) {
    ObjectNode m = JSON.createObjectNode();
    m.put("schemaVersion", 2);
    m.put("mediaType", HelmMediaTypes.OCI_MANIFEST);
    m.set("config", descriptor(config));
    com.fasterxml.jackson.databind.node.ArrayNode layerArray = m.putArray("layers");
    layers.forEach(l -> layerArray.add(descriptor(l)));
    ObjectNode annotations = m.putObject("annotations");
    if (description != null && !description.isEmpty()) {
      annotations.put("org.opencontainers.image.description", description);
    }
    annotations.put("org.opencontainers.image.title", name);
    annotations.put("org.opencontainers.image.version", version);
    try {
      return JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode descriptor(OciManifest.Descriptor d) {
    ObjectNode n = JSON.createObjectNode();
    n.put("mediaType", d.mediaType());
    n.put("digest", d.digest().toString());
    n.put("size", d.size());
    return n;
  }
}
