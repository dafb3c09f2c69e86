package dev.capstan.cli.render;

import dev.capstan.chart.render.RenderOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What a chart is rendered for (release, namespace, Kubernetes version, API versions): shared by render and lint. */
public final class RenderTargetFlags {
  @Option(names = "--release", paramLabel = "NAME", description = "Release name (default: ${DEFAULT-VALUE}).")
  String release = RenderOptions.defaults().releaseName();

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Release namespace (default: ${DEFAULT-VALUE}).")
  String namespace = RenderOptions.defaults().namespace();

  @Option(names = "--kube-version", paramLabel = "V",
      description = "Kubernetes version for capabilities and kubeVersion checks (default: ${DEFAULT-VALUE}).")
  String kubeVersion = RenderOptions.DEFAULT_KUBE_VERSION;

  @Option(names = {"-a", "--api-versions"}, paramLabel = "G/V", split = ",",
      description = "Extra API versions for capabilities.apiVersions, e.g. monitoring.coreos.com/v1.")
  List<String> apiVersions = new ArrayList<>();

  /** The release namespace given (or the default). */
  public String namespace() {
    return namespace;
  }

  /** The render options these flags and {@code values} stand for. */
  public RenderOptions toOptions(ValuesFlags values) {
    return RenderOptions.defaults().withReleaseName(release).withNamespace(namespace)
        .withKubeVersion(kubeVersion).withApiVersions(apiVersions).withValues(values.toOptions());
  }
}
