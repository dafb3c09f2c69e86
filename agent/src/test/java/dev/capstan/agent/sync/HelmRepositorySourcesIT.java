package dev.capstan.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.application.Application;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.core.CapstanException;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications whose chart is in a Helm HTTP repository (archives packaged here, {@code index.yaml}
 * by real {@code helm repo index}, served by Jetty behind basic auth with ETags), as the agent's
 * passes resolve them: a thousand applications on one repository cost one index request per poll
 * interval; credentials come from the mounted Secret {@code secretRef} names and never show in errors.
 */
class HelmRepositorySourcesIT {
  private static final Duration INTERVAL = Duration.ofMinutes(3);

  @TempDir static Path work;
  static HelmRepositoryServer server;

  @BeforeAll
  static void serve() throws Exception {
    Path repo = Files.createDirectories(work.resolve("repo"));
    for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
      Path dir = Files.createDirectories(work.resolve("src/web-" + version + "/templates"));
      Files.writeString(dir.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: web\nversion: " + version + "\n");
      Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n");
      ChartPackager.pack(dir.getParent(), repo);
    }
    HelmOracle.in(work.resolve("helm")).run("repo", "index", repo.toString()).ok();
    server = HelmRepositoryServer.serve(repo, "ci", "s3cret");
    Path creds = Files.createDirectories(work.resolve("credentials/helm-creds"));
    Files.writeString(creds.resolve("username"), "ci\n");
    Files.writeString(creds.resolve("password"), "s3cret\n");
    Files.writeString(creds.resolve("url"), server.url().toString());
    Path wrong = Files.createDirectories(work.resolve("credentials/wrong-creds"));
    Files.writeString(wrong.resolve("username"), "ci");
    Files.writeString(wrong.resolve("password"), "guessed-password");
    Files.writeString(wrong.resolve("url"), server.url().toString());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static RepositoryChartSources sources(Path cache) {
    return new RepositoryChartSources(ChartCache.at(cache.resolve("charts")), new FolderSecrets(work.resolve("credentials")),
        cache.resolve("cas"));
  }

  private static Application app(String name, String secretRef) {
    return FakeWorld.app(name, "source: {repoURL: \"" + server.url() + "\", chart: web, ref: \"^1.0\", secretRef: " + secretRef + "}");
  }

  @Test
  void aThousandApplicationsOnOneRepositoryShareOneIndexRequestPerInterval(@TempDir Path cache) throws Exception {
    RepositoryChartSources sources = sources(cache);
    List<Application> apps = IntStream.range(0, 1000).mapToObj(i -> app("app-" + i, "helm-creds")).toList();
    int before = server.requests("/index.yaml", 200);
    int challenges = server.requests("/index.yaml", 401);

    List<ResolvedChart> resolved = resolveAll(sources, apps, INTERVAL);
    List<ResolvedChart> again = resolveAll(sources, apps, INTERVAL);

    assertThat(resolved).extracting(ResolvedChart::version).containsOnly("1.1.0");
    assertThat(again).isEqualTo(resolved);
    assertThat(server.requests("/index.yaml", 200) - before).as("index requests for 2,000 resolutions within one interval").isEqualTo(1);
    assertThat(server.requests("/index.yaml", 401) - challenges).as("the agent's first request meets the challenge once").isEqualTo(1);

    ResolvedChart next = sources.resolve(apps.get(0), apps.get(0).getSpec().source(), Duration.ZERO);
    assertThat(next).isEqualTo(resolved.get(0));
    assertThat(server.requests("/index.yaml", 304)).as("an unchanged index past its age costs one conditional request").isEqualTo(1);

    Chart chart = sources.load(apps.get(0), apps.get(0).getSpec().source(), next);
    assertThat(chart.metadata().version()).isEqualTo("1.1.0");
  }

  @Test
  void refusedCredentialsAreOneLineNamingTheRepositoryWithoutThePassword(@TempDir Path cache) {
    Application app = app("web", "wrong-creds");

    assertThatThrownBy(() -> sources(cache).resolve(app, app.getSpec().source(), Duration.ZERO))
        .isInstanceOf(CapstanException.class)
        .hasMessageStartingWith(server.url().toString())
        .hasMessageNotContaining("guessed-password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /**
   * A repository behind TLS with a private CA: trusted through the {@code ca.crt} key of the mounted
   * Secret, refused without it, naming the repository.
   */
  @Test
  void aPrivateCaIsTrustedFromTheSecretAndNothingElseIs(@TempDir Path tmp, @TempDir Path cache) throws Exception {
    Path keystore = tmp.resolve("server.p12");
    keytool("-genkeypair", "-alias", "repo", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-keypass", "changeit");
    Path trusted = Files.createDirectories(work.resolve("credentials/private-ca"));
    keytool("-exportcert", "-rfc", "-alias", "repo", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", trusted.resolve(ChartCredentials.CA_KEY).toString());
    try (TlsRepository repo = TlsRepository.serve(work.resolve("repo"), keystore, "changeit")) {
      Application withCa = FakeWorld.app("web", "source: {repoURL: \"" + repo.url() + "\", chart: web, ref: \"1.0.0\", secretRef: private-ca}");
      Application without = FakeWorld.app("web", "source: {repoURL: \"" + repo.url() + "\", chart: web, ref: \"1.0.0\"}");
      RepositoryChartSources sources = sources(cache);

      assertThat(sources.resolve(withCa, withCa.getSpec().source(), Duration.ZERO).version()).isEqualTo("1.0.0");
      assertThat(sources.load(withCa, withCa.getSpec().source(), sources.resolve(withCa, withCa.getSpec().source(), Duration.ZERO))
          .metadata().name()).isEqualTo("web");
      assertThatThrownBy(() -> sources.resolve(without, without.getSpec().source(), Duration.ZERO))
          .isInstanceOf(CapstanException.class)
          .hasMessageStartingWith(repo.url().toString())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new AssertionError("keytool failed: " + out);
    }
  }

  private static List<ResolvedChart> resolveAll(RepositoryChartSources sources, List<Application> apps, Duration maxAge)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<ResolvedChart>> futures = apps.stream()
          .map(a -> pool.submit(() -> sources.resolve(a, a.getSpec().source(), maxAge))).toList();
      List<ResolvedChart> out = new java.util.ArrayList<>();
      for (Future<ResolvedChart> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
