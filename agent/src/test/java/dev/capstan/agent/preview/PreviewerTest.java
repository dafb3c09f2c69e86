package dev.capstan.agent.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.sync.AppLinter;
import dev.capstan.agent.sync.FakeWorld;
import dev.capstan.chart.lint.LintFinding;
import dev.capstan.chart.lint.LintReport;
import dev.capstan.git.fetch.GitRevision;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One Application's preview against the agent's in-memory world: the policy and lint's verdicts, and never a write. */
class PreviewerTest {
  private final FakeWorld world = new FakeWorld(AgentPolicy.permissive().withAllowedNamespaces(List.of("web")));
  private final Application web = FakeWorld.app("web", "preview: {enabled: true}\n");

  private AppPreview preview(AppLinter linter) {
    GitRevision head = world.git.head(FakeWorld.REPO);
    return new Previewer(world.context(), linter).preview(web, head);
  }

  @Test
  void anObjectOutsideTheAllowedNamespacesFailsThePreviewByThePolicy() {
    world.git.commit(FakeWorld.REPO, "main");
    world.charts.alsoRender("demo/templates/elsewhere.yaml", Map.of("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", Map.of("name", "elsewhere", "namespace", "kube-system")));
    AppPreview preview = preview((app, revision) -> new LintReport(List.of()));
    assertThat(preview.succeeded()).isFalse();
    assertThat(preview.error()).startsWith("forbidden by the agent's policy: ").contains("kube-system");
    assertThat(world.cluster.upgrades()).isEmpty();
  }

  @Test
  void aLintErrorFailsThePreviewAtItsFileAndLineAndItsWarningsAndInfosAreSortedOut() {
    world.git.commit(FakeWorld.REPO, "main");
    LintFinding error = LintFinding.error("app/templates/cm.yaml", 5, "ConfigMap/web-config: metadata.labels.team: too long");
    LintFinding warning = LintFinding.warning("app/templates/svc.yaml", 8, "Service/web: spec.selector: selects none of the pods");
    LintFinding info = LintFinding.info("app/Chart.yaml", 0, "icon is recommended");
    AppPreview failed = preview((app, revision) -> new LintReport(List.of(error, warning, info)));
    assertThat(failed.error()).isEqualTo("app/templates/cm.yaml:5: error: ConfigMap/web-config: metadata.labels.team: too long");
    assertThat(failed.lint()).containsExactly(error, warning);
    assertThat(failed.section().lintErrors()).isEqualTo(1);

    AppPreview warned = preview((app, revision) -> new LintReport(List.of(warning, info)));
    assertThat(warned.succeeded()).isTrue();
    assertThat(warned.summary()).endsWith("; 1 lint warning");
    assertThat(warned.section().lint()).containsExactly(warning.toString());
    assertThat(world.cluster.upgrades()).as("a preview applies nothing").isEmpty();
  }

  @Test
  void aTemplateErrorEndsThePreviewBeforeLint() {
    String sha = world.git.commit(FakeWorld.REPO, "main");
    world.charts.breakAt(sha, "unknown function \"fulname\"");
    AppPreview preview = preview((app, revision) -> {
      throw new AssertionError("lint runs only on a chart that renders");
    });
    assertThat(preview.error()).isEqualTo("demo/templates/configmap.yaml:3: unknown function \"fulname\"");
  }

  @Test
  void anAgentWithoutRegisteredClustersFailsThePreviewOfAnotherClustersAppAsTheSyncWouldAndNeverRendersIt() {
    world.git.commit(FakeWorld.REPO, "main");
    Application elsewhere = Serialization.unmarshal("""
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: web, generation: 1}
        spec:
          source: {repoURL: "%s", path: app}
          destination: {namespace: web, cluster: east}
          preview: {enabled: true}
        """.formatted(FakeWorld.REPO), Application.class);
    AppPreview preview = new Previewer(world.context(), (app, revision) -> {
      throw new AssertionError("nothing is linted for a cluster the agent does not know");
    }).preview(elsewhere, world.git.head(FakeWorld.REPO));
    assertThat(preview.error())
        .isEqualTo("UnknownCluster: spec.destination.cluster: \"east\" is not registered; this agent deploys only to in-cluster");
    assertThat(world.cluster.upgrades()).isEmpty();
  }
}
