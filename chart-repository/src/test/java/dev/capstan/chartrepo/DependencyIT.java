package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.dependency.DependencyManager;
import dev.capstan.chartrepo.dependency.LockedDependencies;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.lock.ChartLock;
import dev.capstan.chartrepo.lock.ChartLockFile;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.OciRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dependency update/build} against a Helm repository, an OCI registry and a {@code file://}
 * folder, with real Helm 3.17 as the oracle for {@code Chart.lock}: Helm's own update locks the same
 * versions with the same digest, and {@code helm dependency build} accepts Capstan's lock.
 */
class DependencyIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  @TempDir static Path work;
  static HelmRepositoryServer repo;
  static HttpTransport transport;

  @BeforeAll
  static void publish() throws Exception {
    Path repoDir = Files.createDirectories(work.resolve("repo"));
    TestCharts.pack(work.resolve("src"), "web", "1.0.0", repoDir);
    TestCharts.pack(work.resolve("src"), "web", "1.1.0", repoDir);
    TestCharts.pack(work.resolve("src"), "web", "2.0.0", repoDir);
    HelmOracle.in(work.resolve("helm")).run("repo", "index", repoDir.toString()).ok();
    repo = HelmRepositoryServer.serve(repoDir, "ci", "s3cret");
    transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));
    Path db = TestCharts.pack(work.resolve("src"), "db", "0.3.2", work.resolve("out"));
    new ChartPusher(new OciRegistryClient(transport))
        .push(Files.readAllBytes(db), db.toString(), OciReference.parse(REGISTRY.url("charts")), Credentials.NONE);
  }

  @AfterAll
  static void stop() throws Exception {
    repo.close();
  }

  private static Path app(Path parent) throws Exception {
    TestCharts.write(parent, "lib", "0.1.0");
    Path app = Files.createDirectories(parent.resolve("app/templates"));
    app = app.getParent();
    String repoUrl = repo.url().toString().replaceAll("/$", "");
    Files.writeString(app.resolve("Chart.yaml"), """
        apiVersion: v2
        name: app
        version: 1.0.0
        dependencies:
          - name: web
            version: ">=1.0.0 <2.0.0"
            repository: %s
          - name: db
            version: ~0.3
            repository: %s
            alias: database
          - name: lib
            version: 0.1.x
            repository: file://../lib-0.1.0
        """.formatted(repoUrl, REGISTRY.url("charts")));
    return app;
  }

  private static DependencyManager manager(Path cache) {
    return new DependencyManager(ChartFetcher.create(transport, ChartCache.at(cache)),
        url -> url.startsWith("http") ? Credentials.basic("ci", "s3cret") : Credentials.NONE, Clock.systemUTC());
  }

  @Test
  void updateLocksWhatHelmLocksAndHelmBuildsFromIt() throws Exception {
    Path app = app(work.resolve("capstan"));
    DependencyManager.Result result = manager(work.resolve("cache1")).update(app);
    assertThat(result.lockWritten()).isTrue();
    assertThat(result.lock().dependencies()).containsExactly(
        new ChartLock.Locked("web", repo.url().toString().replaceAll("/$", ""), "1.1.0"),
        new ChartLock.Locked("db", REGISTRY.url("charts"), "0.3.2"),
        new ChartLock.Locked("lib", "file://../lib-0.1.0", "0.1.0"));
    try (Stream<Path> charts = Files.list(app.resolve("charts"))) {
      assertThat(charts.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("db-0.3.2.tgz", "lib-0.1.0.tgz", "web-1.1.0.tgz");
    }
    Chart loaded = ChartLoader.load(app);
    assertThat(loaded.dependencies()).extracting(c -> c.metadata().name()).containsExactly("web", "database", "lib");

    HelmOracle helm = HelmOracle.in(work.resolve("helm-deps"));
    helm.run("repo", "add", "web-repo", repo.url().toString(), "--username", "ci", "--password", "s3cret").ok();
    Path helmApp = app(work.resolve("helm"));
    helm.run("dependency", "update", helmApp.toString(), "--plain-http").ok();
    ChartLock helms = ChartLockFile.read(helmApp).orElseThrow();
    assertThat(helms.dependencies()).isEqualTo(result.lock().dependencies());
    assertThat(helms.digest()).isEqualTo(result.lock().digest());

    Files.delete(app.resolve("charts/web-1.1.0.tgz"));
    helm.run("dependency", "build", app.toString(), "--plain-http").ok();
    assertThat(app.resolve("charts/web-1.1.0.tgz")).exists();
  }

  @Test
  void aChartWithOnlyItsLockGetsItsDependenciesThroughTheCache() throws Exception {
    Path app = app(work.resolve("locked-only"));
    manager(work.resolve("cache4")).update(app);
    for (String archive : new String[] {"web-1.1.0.tgz", "db-0.3.2.tgz", "lib-0.1.0.tgz"}) {
      Files.delete(app.resolve("charts/" + archive));
    }
    ChartFetcher fetcher = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache4")));
    LockedDependencies locked = new LockedDependencies(fetcher,
        url -> url.startsWith("http") ? Credentials.basic("ci", "s3cret") : Credentials.NONE);
    int downloads = repo.requests("/web-1.1.0.tgz", 200);
    ChartFiles files = locked.complete(ChartFiles.of(app), "app");
    assertThat(files.list()).contains("charts/web-1.1.0.tgz", "charts/db-0.3.2.tgz").doesNotContain("charts/lib-0.1.0.tgz");
    assertThat(repo.requests("/web-1.1.0.tgz", 200)).as("served from the cache the update filled").isEqualTo(downloads);
    Chart chart = ChartLoader.load(files, "app");
    assertThat(chart.dependencies()).extracting(c -> c.metadata().name()).containsExactly("web", "database", "lib");
    assertThat(app.resolve("charts/web-1.1.0.tgz")).doesNotExist();
  }

  @Test
  void buildRestoresChartsFromTheLockAndAStaleLockIsRefused() throws Exception {
    Path app = app(work.resolve("build"));
    manager(work.resolve("cache2")).update(app);
    String lockText = Files.readString(app.resolve("Chart.lock"));
    try (Stream<Path> charts = Files.list(app.resolve("charts"))) {
      for (Path p : charts.toList()) {
        Files.delete(p);
      }
    }
    DependencyManager.Result built = manager(work.resolve("cache3")).build(app);
    assertThat(built.saved()).extracting(DependencyManager.Saved::version).containsExactly("1.1.0", "0.3.2", "0.1.0");
    assertThat(Files.readString(app.resolve("Chart.lock"))).isEqualTo(lockText);
    assertThat(manager(work.resolve("cache3")).update(app).lockWritten()).isFalse();

    Files.writeString(app.resolve("Chart.yaml"), Files.readString(app.resolve("Chart.yaml")).replace("~0.3", "~0.4"));
    assertThatThrownBy(() -> manager(work.resolve("cache3")).build(app)).isInstanceOf(ChartException.class)
        .hasMessage(app.resolve("Chart.lock") + ": out of sync with the dependencies in Chart.yaml: run capstan dependency update");
  }
}
