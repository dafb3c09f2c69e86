package dev.capstan.chart.render;

import dev.capstan.chart.values.ValuesOptions;
import java.util.List;

/**
 * Everything about one render besides the chart: the release, the target cluster's version and
 * extra API versions (added to the built-in set, as Helm's {@code --api-versions} does), the user's
 * values flags, an optional {@code --show-only} filter, the sandbox limits, and Helm's
 * {@code --include-crds} (print the {@code crds/} files first) and {@code --skip-tests} (leave out
 * {@code helm.sh/hook: test} objects).
 */
public record RenderOptions(String releaseName, String namespace, int revision, boolean isUpgrade,
    String kubeVersion, List<String> apiVersions, ValuesOptions values, List<String> showOnly, RenderLimits limits,
    boolean includeCrds, boolean skipTests) {
  public static final String DEFAULT_KUBE_VERSION = "v1.31.0";

  public RenderOptions {
    apiVersions = List.copyOf(apiVersions);
    showOnly = List.copyOf(showOnly);
  }

  /** Release {@code release} in namespace {@code default}, revision 1, install, Kubernetes v1.31.0. */
  public static RenderOptions defaults() {
    return new RenderOptions("release", "default", 1, false, DEFAULT_KUBE_VERSION, List.of(), ValuesOptions.none(),
        List.of(), RenderLimits.defaults(), false, false);
  }

  public RenderOptions withReleaseName(String releaseName) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withNamespace(String namespace) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withRevision(int revision) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withUpgrade(boolean isUpgrade) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withKubeVersion(String kubeVersion) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withApiVersions(List<String> apiVersions) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withValues(ValuesOptions values) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withShowOnly(List<String> showOnly) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withLimits(RenderLimits limits) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withIncludeCrds(boolean includeCrds) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }

  public RenderOptions withSkipTests(boolean skipTests) {
    return new RenderOptions(releaseName, namespace, revision, isUpgrade, kubeVersion, apiVersions, values, showOnly, limits, includeCrds, skipTests);
  }
}
