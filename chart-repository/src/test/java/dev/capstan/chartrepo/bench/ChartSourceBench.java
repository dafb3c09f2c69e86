package dev.capstan.chartrepo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartPackager;
import dev.capstan.chartrepo.ChartFetcher;
import dev.capstan.chartrepo.ChartPusher;
import dev.capstan.chartrepo.ChartSource;
import dev.capstan.chartrepo.FetchedChart;
import dev.capstan.chartrepo.TestCharts;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.chartrepo.index.HelmRepositoryClient;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.OciRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart-source figures of docs/performance.md: an unchanged-source check (Helm repository: one
 * conditional index request; OCI: one HEAD), 1,000 callers sharing one index fetch, and a first pull
 * against {@code helm pull} on the same registry. Named *Bench so {@code verify} never runs it; it
 * asserts behaviour (304s, one request, identical bytes) and prints {@code BENCH} lines, never
 * asserting a time. Run:
 *
 * <pre>
 * ./mvnw -B -o -pl chart-repository -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ChartSourceBench
 * </pre>
 */
class ChartSourceBench {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  @TempDir Path work;

  /** A chart of realistic size: templates plus ~150 KB of incompressible files (cert-manager's is ~100 KB). */
  private Path chart(String name, String version) throws Exception {
    Path dir = TestCharts.write(work.resolve("src"), name, version);
    byte[] noise = new byte[110_000];
    new Random(42).nextBytes(noise);
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/blob.txt"), Base64.getMimeEncoder().encodeToString(noise));
    return ChartPackager.pack(dir, work.resolve("out"));
  }

  @Test
  void unchangedSourceChecks() throws Exception {
    Path repoDir = Files.createDirectories(work.resolve("repo"));
    for (int v = 0; v < 30; v++) {
      Files.move(chart("web", "1." + v + ".0"), repoDir.resolve("web-1." + v + ".0.tgz"));
    }
    HelmOracle.in(work.resolve("helm")).run("repo", "index", repoDir.toString()).ok();
    long indexBytes = Files.size(repoDir.resolve("index.yaml"));
    try (HelmRepositoryServer server = HelmRepositoryServer.serve(repoDir)) {
      HelmRepository repo = new HelmRepository(server.url(), Credentials.NONE);
      HelmRepositoryClient client = HelmRepositoryClient.inMemory(HttpTransport.create(TransportOptions.defaults()));
      long t0 = System.nanoTime();
      assertThat(client.index(repo).downloaded()).isTrue();
      double firstMs = (System.nanoTime() - t0) / 1e6;
      int before = server.requests("/index.yaml", 304);
      double[] ms = time(500, 100, () -> assertThat(client.index(repo).downloaded()).isFalse());
      assertThat(server.requests("/index.yaml", 304)).isEqualTo(before + 600);
      print("helm repository, unchanged index.yaml (" + indexBytes / 1024 + " KiB, 30 versions): one If-None-Match -> 304",
          ms, "first full fetch+parse " + String.format("%.1f", firstMs) + " ms");

      int requestsBefore = server.requests("/index.yaml");
      HelmRepositoryClient shared = HelmRepositoryClient.inMemory(HttpTransport.create(TransportOptions.defaults()));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          all.add(pool.submit(() -> shared.index(repo, Duration.ofSeconds(30))));
        }
        for (Future<?> f : all) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      int requests = server.requests("/index.yaml") - requestsBefore;
      assertThat(requests).isEqualTo(1);
      System.out.println("BENCH 1,000 Applications sharing one repository, one interval: " + requests + " index request");
    }

    HttpTransport transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));
    Path archive = work.resolve("out/web-1.29.0.tgz");
    Files.copy(repoDir.resolve("web-1.29.0.tgz"), archive);
    new ChartPusher(new OciRegistryClient(transport)).push(Files.readAllBytes(archive), archive.toString(),
        OciReference.parse(REGISTRY.url("bench")), Credentials.NONE);
    ChartFetcher fetcher = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")));
    ChartSource.Oci source = new ChartSource.Oci(OciReference.parse(REGISTRY.url("bench/web")), Credentials.NONE, "1.29.0");
    double[] head = time(500, 100, () -> assertThat(fetcher.resolve(source).digest()).isPresent());
    print("oci registry, unchanged exact version: one HEAD of the manifest", head, "");
  }

  @Test
  void firstPullAgainstHelmPull() throws Exception {
    HttpTransport transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));
    Path archive = chart("api", "2.3.4");
    new ChartPusher(new OciRegistryClient(transport)).push(Files.readAllBytes(archive), archive.toString(),
        OciReference.parse(REGISTRY.url("bench")), Credentials.NONE);
    ChartSource.Oci source = new ChartSource.Oci(OciReference.parse(REGISTRY.url("bench/api")), Credentials.NONE, "2.3.4");
    int[] round = {0};
    long size = Files.size(archive);
    double[] capstan = time(20, 5, () -> {
      // A fresh client and an empty cache every time: manifest, blob, verify, write to the cache.
      ChartFetcher fresh = ChartFetcher.create(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)),
          ChartCache.at(work.resolve("cold-" + round[0]++)));
      FetchedChart f = fresh.fetch(source);
      assertThat(f.fromCache()).isFalse();
      assertThat(f.archive()).hasSize((int) size);
    });
    print("first pull (capstan, in-process, " + size / 1024 + " KiB chart, empty cache, new connection)",
        capstan, "");

    HelmOracle helm = HelmOracle.in(work.resolve("helm-pull"));
    Path dest = Files.createDirectories(work.resolve("helm-dest"));
    double[] helmMs = time(20, 3, () -> helm.run("pull", REGISTRY.url("bench/api"), "--version", "2.3.4", "--plain-http",
        "--destination", dest.toString()).ok());
    print("first pull (helm pull process, same registry)", helmMs, "");
  }

  private static double[] time(int measured, int warmup, Runnable body) {
    double[] ms = new double[measured];
    for (int i = 0; i < warmup + measured; i++) {
      long t0 = System.nanoTime();
      body.run();
      if (i >= warmup) {
        ms[i - warmup] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(ms);
    return ms;
  }

  private static void print(String what, double[] sorted, String extra) {
    System.out.printf("BENCH %s: median %.2f ms, p95 %.2f ms, min %.2f ms (n=%d)%s%n", what, sorted[sorted.length / 2],
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[0], sorted.length, extra.isEmpty() ? "" : "; " + extra);
  }
}
