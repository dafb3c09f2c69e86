package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.lint.LintFinding;
import dev.capstan.chart.lint.Linter;
import dev.capstan.chart.lint.Severity;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Capstan's own install chart, rendered and linted by Capstan: what an operator installs. */
class InstallChartTest {
  private static final Path CHART = Path.of("../charts/capstan");
  private static final RenderOptions OPTIONS = RenderOptions.defaults().withReleaseName("capstan").withNamespace("capstan-system");

  /** kind/name, with the namespace where the template sets one (the engine fills in the rest when applying). */
  private static List<String> kinds(RenderResult result) {
    return result.manifests().stream().map(m -> m.kind() + "/" + (m.namespace() == null ? "" : m.namespace() + "/") + m.name()).toList();
  }

  @Test
  void defaultsInstallTheAgentWithItsCrdAndClusterWideRbac() throws Exception {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART), OPTIONS);

    assertThat(kinds(result)).containsExactlyInAnyOrder(
        "CustomResourceDefinition/applications.capstan.dev", "ServiceAccount/capstan", "ClusterRole/capstan-managed",
        "ClusterRoleBinding/capstan-managed", "Role/capstan-system/capstan-agent", "RoleBinding/capstan-system/capstan-agent",
        "Role/capstan-system/capstan-leader", "RoleBinding/capstan-system/capstan-leader",
        "ValidatingAdmissionPolicy/capstan-leader-label.capstan-system",
        "ValidatingAdmissionPolicyBinding/capstan-leader-label.capstan-system",
        "Service/capstan", "Deployment/capstan");
    RenderedManifest crd = result.manifests().stream().filter(m -> m.kind().equals("CustomResourceDefinition")).findFirst().orElseThrow();
    Map<?, ?> generated = new ObjectMapper(new YAMLFactory()).readValue(
        Files.readString(CHART.resolve("crds/applications.capstan.dev-v1.yml")), Map.class);
    assertThat(crd.object()).isEqualTo(generated);

    String deployment = result.manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml();
    assertThat(deployment).contains("runAsNonRoot: true").contains("readOnlyRootFilesystem: true")
        .contains("path: /healthz").contains("path: /readyz").contains("--watch-namespace=capstan-system")
        .contains("name: POD_NAMESPACE").contains("--lease-name=capstan").doesNotContain("--watch-label-selector")
        .as("API reads need the token unless opened").doesNotContain("--api-open-reads")
        .as("the container limit the agent's JVM is sized for").contains("memory: 320Mi");
    String service = result.manifests().stream().filter(m -> m.kind().equals("Service")).findFirst().orElseThrow().yaml();
    assertThat(service).as("webhooks and the API go to the leader only").contains("capstan.dev/leader: \"true\"");
  }

  @Test
  void allowedNamespacesGetARoleEachAndNoClusterRole() {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART),
        OPTIONS.withValues(ValuesOptions.none().withSet(List.of("agent.allowedNamespaces={shop,payments}",
            "agent.allowedClusterKinds={Namespace}"))));

    assertThat(kinds(result)).contains("Role/shop/capstan-managed", "RoleBinding/shop/capstan-managed",
        "Role/payments/capstan-managed", "RoleBinding/payments/capstan-managed")
        .noneMatch(k -> k.startsWith("ClusterRole"));
    assertThat(result.manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml())
        .contains("--allowed-namespace=shop").contains("--allowed-namespace=payments").contains("--allowed-cluster-kind=Namespace");
  }

  @Test
  void aShardWatchesTheApplicationsItsSelectorMatches() {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART), RenderOptions.defaults().withReleaseName("capstan-shard-2")
        .withNamespace("capstan-system").withValues(ValuesOptions.none().withSet(List.of("agent.watchLabelSelector=capstan.dev/shard=2"))));

    assertThat(result.manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml())
        .contains("\"--watch-label-selector=capstan.dev/shard=2\"").contains("--lease-name=capstan-shard-2");
  }

  @Test
  void apiReadsAreOpenedOnlyWhenAsked() {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART),
        OPTIONS.withValues(ValuesOptions.none().withSet(List.of("api.openReads=true"))));

    assertThat(result.manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml())
        .contains("- --api-open-reads");
  }

  @Test
  void repositoryWebhookSecretsAreNamedToTheAgentAndReadableByNameOnly() {
    RenderResult result = new Renderer().render(ChartLoader.load(CHART),
        OPTIONS.withValues(ValuesOptions.none().withSet(List.of("webhook.repositorySecrets={team-apps,team-db}"))));

    assertThat(result.manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml())
        .contains("- name: CAPSTAN_WEBHOOK_REPOSITORY_SECRETS\n              value: \"team-apps,team-db\"")
        .doesNotContain("webhook-repositories");
    assertThat(result.manifests().stream().filter(m -> m.kind().equals("Role") && m.yaml().contains("-webhook")).findFirst()
        .orElseThrow().yaml())
        .contains("resources: [secrets]").contains("resourceNames:\n      - \"team-apps\"\n      - \"team-db\"").contains("verbs: [get]");
    assertThat(new Renderer().render(ChartLoader.load(CHART), OPTIONS).manifests())
        .noneMatch(m -> m.kind().equals("Role") && m.yaml().contains("-webhook"));
  }

  @Test
  void theChartLintsWithoutErrors() {
    List<LintFinding> errors = new Linter().lint(CHART, OPTIONS).findings().stream()
        .filter(f -> f.severity() == Severity.ERROR).toList();
    assertThat(errors).isEmpty();
  }
}
