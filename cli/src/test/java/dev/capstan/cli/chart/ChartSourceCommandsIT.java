package dev.capstan.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.testsupport.Golden;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.OciRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as Helm users type it, against a real registry (with basic auth) and a Helm
 * repository indexed by real {@code helm repo index}: push, pull, and render/lint of
 * {@code oci://} charts and of {@code --repo URL CHART --version RANGE}.
 */
class ChartSourceCommandsIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.withBasicAuth("ci", "s3cret");

  @TempDir static Path tmp;
  static Path chart;
  static HelmRepositoryServer repo;

  @BeforeAll
  static void setUp() throws Exception {
    System.setProperty("capstan.cache.dir", tmp.resolve("cache").toString());
    chart = TestChart.write(tmp, "web", "1.4.0");
    Path repoDir = Files.createDirectories(tmp.resolve("repo"));
    assertThat(CliRun.of("package", chart.toString(), "-d", repoDir.toString()).code()).isZero();
    HelmOracle.in(tmp.resolve("helm")).run("repo", "index", repoDir.toString()).ok();
    repo = HelmRepositoryServer.serve(repoDir, "ci", "s3cret");
  }

  @AfterAll
  static void tearDown() throws Exception {
    repo.close();
    System.clearProperty("capstan.cache.dir");
  }

  private static String[] auth(String... args) {
    String[] out = new String[args.length + 4];
    System.arraycopy(args, 0, out, 0, args.length);
    System.arraycopy(new String[] {"--username", "ci", "--password", "s3cret"}, 0, out, args.length, 4);
    return out;
  }

  private static String normalized(String text) {
    return text.replace(REGISTRY.host(), "REGISTRY").replace(tmp.toString(), "TMP")
        .replaceAll("sha256:[0-9a-f]{64}", "sha256:DIGEST");
  }

  @Test
  void pushThenPullAndRenderFromTheRegistry() {
    CliRun push = CliRun.of(auth("push", tmp.resolve("repo/web-1.4.0.tgz").toString(), REGISTRY.url("charts"), "--plain-http"));
    assertThat(push.err()).isEmpty();
    assertThat(push.code()).isZero();
    Golden.assertMatches("chart/push.txt", normalized(push.out()));

    CliRun pull = CliRun.of(auth("pull", REGISTRY.url("charts/web"), "--version", "^1", "--plain-http", "-d",
        tmp.resolve("pulled").toString()));
    assertThat(pull.code()).isZero();
    Golden.assertMatches("chart/pull-oci.txt", normalized(pull.out()));

    CliRun render = CliRun.of(auth("render", REGISTRY.url("charts/web"), "--version", "1.4.0", "--plain-http"));
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).isEqualTo(CliRun.of("render", chart.toString()).out());
  }

  @Test
  void renderAndLintFromAHelmRepository() {
    CliRun render = CliRun.of(auth("render", "web", "--repo", repo.url().toString(), "--version", "~1.4"));
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).contains("version: \"1.4.0\"").isEqualTo(CliRun.of("render", chart.toString()).out());
    CliRun lint = CliRun.of(auth("lint", "web", "--repo", repo.url().toString()));
    assertThat(lint.code()).isZero();
  }

  @Test
  void dependencyUpdateThenBuildThenRender() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("app/templates")).getParent();
    Files.writeString(app.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 0.1.0\ndependencies:\n"
        + "  - name: web\n    version: ^1.0\n    repository: " + repo.url() + "\n");
    CliRun unresolved = CliRun.of("render", app.toString());
    assertThat(unresolved.err()).isEqualTo("Error: app/Chart.yaml: dependency \"web\" not found in charts/web "
        + "(nor a charts/*.tgz archive of that chart); run capstan dependency update to download it from " + repo.url() + "\n");
    Files.createDirectories(app.resolve("charts"));
    Files.writeString(app.resolve("charts/old-0.0.1.tgz"), "stale");

    CliRun update = CliRun.of(auth("dependency", "update", app.toString()));
    assertThat(update.err()).isEmpty();
    Golden.assertMatches("chart/dependency-update.txt", update.out().replace(repo.url().toString(), "REPO/"));
    Files.delete(app.resolve("charts/web-1.4.0.tgz"));
    CliRun build = CliRun.of(auth("dep", "build", app.toString()));
    Golden.assertMatches("chart/dependency-build.txt", build.out().replace(repo.url().toString(), "REPO/"));
    CliRun render = CliRun.of("render", app.toString());
    assertThat(render.err()).isEmpty();
    assertThat(render.out()).contains("kind: ConfigMap", "-web\n", "version: \"1.4.0\"");
  }

  @Test
  void remoteFailuresAreOneLineWithExitOne() {
    CliRun noCredentials = CliRun.of("pull", REGISTRY.url("charts/web"), "--version", "1.4.0", "--plain-http");
    assertThat(noCredentials.code()).isEqualTo(1);
    Golden.assertMatches("chart/pull-unauthorized.txt", normalized(noCredentials.err()));

    CliRun noVersion = CliRun.of(auth("render", "web", "--repo", repo.url().toString(), "--version", "^2"));
    assertThat(noVersion.code()).isEqualTo(1);
    assertThat(noVersion.err()).isEqualTo("Error: " + repo.url() + "index.yaml: no version of chart \"web\" matches \"^2\" "
        + "(newest: 1.4.0)\n");
  }
}
