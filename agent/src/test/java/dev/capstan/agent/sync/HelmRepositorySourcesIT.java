package dev.capstan.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.application.Application;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
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
    Path wrong = Files.createDirectories(work.resolve("credentials/wrong-creds"));
    Files.writeString(wrong.resolve("username"), "ci");
    Files.writeString(wrong.resolve("password"), "guessed-password");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static RepositoryChartSources sources(Path cache) {
    ChartCache charts = ChartCache.at(cache);
    return new RepositoryChartSources(ChartFetcher.create(HttpTransport.create(TransportOptions.defaults()), charts),
        ChartFetcher.create(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)), charts), work.resolve("credentials"));
  }

  private static Application app(String name, String secretRef) {
    return FakeWorld.app(name, "source: {repoURL: \"" + server.url() + "\", chart: web, ref: \"^1.0\", secretRef: " + secretRef + "}");
  }

  @Test
  void aThousandApplicationsOnOneRepositoryShareOneIndexRequestPerInterval(@TempDir Path cache) throws Exception {
    RepositoryChartSources sources = sources(cache);
    List<Application> apps = IntStream.range(0, 1000).mapToObj(i -> app("app-" + i, "helm-creds")).toList();
    int before = server.requests("/index.yaml");

    List<ResolvedChart> resolved = resolveAll(sources, apps, INTERVAL);
    List<ResolvedChart> again = resolveAll(sources, apps, INTERVAL);

    assertThat(resolved).extracting(ResolvedChart::version).containsOnly("1.1.0");
    assertThat(again).isEqualTo(resolved);
    assertThat(server.requests("/index.yaml") - before).as("index requests for 2,000 resolutions within one interval").isEqualTo(1);

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
