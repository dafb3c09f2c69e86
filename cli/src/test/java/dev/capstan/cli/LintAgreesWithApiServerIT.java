package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.create.ChartScaffold;
import dev.capstan.chart.lint.LintFinding;
import dev.capstan.chart.lint.Linter;
import dev.capstan.chart.lint.Severity;
import dev.capstan.chart.render.ManifestPrinter;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.RenderResult;
import dev.capstan.chart.render.RenderedManifest;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.testsupport.KubeApiServerTest;
import dev.capstan.testsupport.KubeEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint's verdicts checked against the real API server ({@code kubectl apply --dry-run=server
 * --validate=strict}): what lint passes (the scaffold, DockerCoins) the server accepts, and every
 * object lint flags as an error the server rejects.
 */
@KubeApiServerTest
class LintAgreesWithApiServerIT {
  private static final Path DOCKERCOINS = Path.of("..", "examples", "dockercoins");
  private static final Path BAD_OBJECTS = Path.of("..", "chart-renderer", "src", "test", "resources", "lint", "bad-objects");

  /** What the server says for each bad-objects fixture: the problem lint reported, in its words. */
  private static final Map<String, String[]> REASONS = Map.of(
      "Deployment", new String[] {"unknown field", "cannot unmarshal string"},
      "ConfigMap", new String[] {"metadata.labels: Invalid value"},
      "Service", new String[] {"metadata.name: Invalid value"});

  KubeEnv env;

  @TempDir Path tmp;

  @Test
  void theServerAcceptsTheScaffoldAndDockercoinsThatLintPasses() throws Exception {
    new ChartScaffold().create(tmp, "demo");
    RenderOptions everythingOn = RenderOptions.defaults().withValues(ValuesOptions.none()
        .withSet(List.of("ingress.enabled=true,autoscaling.enabled=true")));
    assertAccepted(tmp.resolve("demo"), RenderOptions.defaults());
    assertAccepted(tmp.resolve("demo"), everythingOn);
    for (String env : List.of("dev", "prod")) {
      assertAccepted(DOCKERCOINS, RenderOptions.defaults().withValues(
          ValuesOptions.none().withValueFiles(List.of(DOCKERCOINS.resolve("values-" + env + ".yaml")))));
    }
  }

  @Test
  void theServerRejectsEveryObjectLintCallsAnError() throws Exception {
    RenderOptions options = RenderOptions.defaults();
    List<LintFinding> errors = new Linter().lint(BAD_OBJECTS, options).atLeast(Severity.ERROR);
    RenderResult result = new Renderer().render(ChartLoader.load(BAD_OBJECTS), options);
    assertThat(result.manifests()).hasSize(3);
    for (RenderedManifest manifest : result.manifests()) {
      String id = manifest.kind() + "/" + manifest.name();
      assertThat(errors).as("lint errors for %s", id).anyMatch(f -> f.message().startsWith(id + ": "));
      Kubectl outcome = dryRun(manifest.yaml());
      assertThat(outcome.exitCode()).as("the API server accepted %s: %s", id, outcome.output()).isNotZero();
      assertThat(outcome.output()).as("why the server rejected %s", id).containsAnyOf(REASONS.get(manifest.kind()));
    }
  }

  private void assertAccepted(Path chart, RenderOptions options) throws Exception {
    assertThat(new Linter().lint(chart, options).hasErrors()).isFalse();
    Kubectl outcome = dryRun(ManifestPrinter.print(new Renderer().render(ChartLoader.load(chart), options)));
    assertThat(outcome.exitCode()).as("%s: %s", chart, outcome.output()).isZero();
  }

  private record Kubectl(int exitCode, String output) {}

  private Kubectl dryRun(String manifests) throws IOException, InterruptedException {
    Process kubectl = new ProcessBuilder(env.kubectl().toString(), "--kubeconfig", env.kubeconfig().toString(),
        "--namespace", env.namespace(), "apply", "--dry-run=server", "--validate=strict", "-f", "-")
        .redirectErrorStream(true).start();
    try (var in = kubectl.getOutputStream()) {
      in.write(manifests.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Kubectl(kubectl.exitValue(), output);
  }
}
