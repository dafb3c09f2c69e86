package dev.capstan.agent;

import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.ChartPusher;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.testsupport.OciRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Charts written, packaged and pushed to a test registry as {@code helm push} does. The usual one is
 * chart "web": one ConfigMap {@code <release>-config} labelled {@code chart: web-VERSION}, whose
 * {@code message} is the value {@code message} ({@code from-the-registry} by default).
 */
public final class RegistryCharts {
  private RegistryCharts() {}

  /** Packages "web" at {@code version} under {@code tmp} and pushes it to {@code charts/web}; returns the manifest digest. */
  public static String push(OciRegistryExtension registry, Path tmp, String version) throws Exception {
    Path archive = pack(tmp.resolve("web-" + version), "web", version, "message: from-the-registry\n",
        configMap("{{ .Values.message | quote }}"), Files.createDirectories(tmp.resolve("packages")));
    return push(registry, Files.readAllBytes(archive), archive.getFileName().toString(), Optional.empty());
  }

  /**
   * The one template of these charts: ConfigMap {@code <release>-config} labelled {@code chart: NAME-VERSION},
   * its {@code message} being {@code message} (a literal or a template expression).
   */
  public static String configMap(String message) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
          labels:
            chart: {{ .Chart.Name }}-{{ .Chart.Version }}
        data:
          message: %s
        """.formatted(message);
  }

  /**
   * Writes chart {@code name} at {@code version} into {@code dir} (its values.yaml only when {@code values} is not null,
   * {@code template} as templates/configmap.yaml) and packages it into {@code packages}; returns the archive.
   */
  public static Path pack(Path dir, String name, String version, String values, String template, Path packages) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
    if (values != null) {
      Files.writeString(dir.resolve("values.yaml"), values);
    }
    Files.writeString(dir.resolve("templates/configmap.yaml"), template);
    return ChartPackager.pack(dir, packages);
  }

  /** Pushes {@code archive} to {@code charts/<name>}, with {@code provenance} as its provenance layer if present; the manifest digest. */
  public static String push(OciRegistryExtension registry, byte[] archive, String fileName, Optional<byte[]> provenance) {
    Credentials credentials = registry.username() == null ? Credentials.NONE : Credentials.basic(registry.username(), registry.password());
    OciRegistryClient client = new OciRegistryClient(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)));
    return new ChartPusher(client).push(archive, fileName, OciReference.parse(registry.url("charts")), credentials, provenance)
        .manifestDigest().toString();
  }
}
