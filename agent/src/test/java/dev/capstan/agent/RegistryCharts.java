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

/**
 * Chart "web" pushed to a test registry as {@code helm push} does: one ConfigMap {@code <release>-config}
 * labelled {@code chart: web-VERSION}, whose {@code message} is the value {@code message}
 * ({@code from-the-registry} by default).
 */
public final class RegistryCharts {
  private RegistryCharts() {}

  /** Packages "web" at {@code version} under {@code tmp} and pushes it to {@code charts/web}; returns the manifest digest. */
  public static String push(OciRegistryExtension registry, Path tmp, String version) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("web-" + version + "/templates"));
    Files.writeString(dir.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: web\nversion: " + version + "\n");
    Files.writeString(dir.resolveSibling("values.yaml"), "message: from-the-registry\n");
    Files.writeString(dir.resolve("configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
          labels:
            chart: {{ .Chart.Name }}-{{ .Chart.Version }}
        data:
          message: {{ .Values.message | quote }}
        """);
    Path archive = ChartPackager.pack(dir.getParent(), Files.createDirectories(tmp.resolve("packages")));
    Credentials credentials = registry.username() == null ? Credentials.NONE : Credentials.basic(registry.username(), registry.password());
    OciRegistryClient client = new OciRegistryClient(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)));
    return new ChartPusher(client).push(Files.readAllBytes(archive), archive.getFileName().toString(),
        OciReference.parse(registry.url("charts")), credentials).manifestDigest().toString();
  }
}
