package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.OciRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts in a real OCI registry (the CNCF distribution registry, anonymous), both ways with real
 * Helm 3.17: what {@code helm push} stores Capstan pulls and renders; what Capstan pushes
 * {@code helm pull} fetches and {@code helm template} renders as it renders the chart's folder.
 */
class OciRegistryIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.anonymous();

  @TempDir static Path work;
  @TempDir Path cacheDir;

  static HttpTransport transport;
  static ChartPusher pusher;

  @BeforeAll
  static void pushVersions() throws Exception {
    transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));
    pusher = new ChartPusher(new dev.capstan.chartrepo.oci.OciRegistryClient(transport));
    for (String v : new String[] {"1.0.0", "1.2.0", "1.3.0-rc.1", "2.0.0+build.7"}) {
      Path archive = TestCharts.pack(work.resolve("src"), "web", v, work.resolve("out"));
      pusher.push(Files.readAllBytes(archive), archive.toString(), OciReference.parse(REGISTRY.url("capstan")), Credentials.NONE);
    }
  }

  private ChartFetcher fetcher() {
    return ChartFetcher.create(transport, ChartCache.at(cacheDir));
  }

  private static ChartSource.Oci source(String ref, String version) {
    return new ChartSource.Oci(OciReference.parse(ref), Credentials.NONE, version);
  }

  @Test
  void pullsWhatItPushedAndRendersIt() throws Exception {
    FetchedChart fetched = fetcher().fetch(source(REGISTRY.url("capstan/web"), "1.2.0"));
    assertThat(fetched.resolved().version()).isEqualTo("1.2.0");
    assertThat(fetched.archive()).isEqualTo(Files.readAllBytes(work.resolve("out/web-1.2.0.tgz")));
    assertThat(TestCharts.render(fetched.load())).isEqualTo(TestCharts.render(ChartLoader.load(work.resolve("src/web-1.2.0"))));
  }

  @Test
  void rangesPickTheNewestReleaseTagAndBuildMetadataRoundTrips() {
    ChartFetcher fetcher = fetcher();
    assertThat(fetcher.resolve(source(REGISTRY.url("capstan/web"), "^1.0")).version()).isEqualTo("1.2.0");
    assertThat(fetcher.resolve(source(REGISTRY.url("capstan/web"), "")).version()).isEqualTo("2.0.0+build.7");
    assertThat(fetcher.resolve(source(REGISTRY.url("capstan/web"), ">=1.3.0-0 <2")).version()).isEqualTo("1.3.0-rc.1");
    assertThatThrownBy(() -> fetcher.resolve(source(REGISTRY.url("capstan/web"), "^3")))
        .isInstanceOf(SourceException.class)
        .hasMessage(REGISTRY.url("capstan/web") + " ^3: no tag matches \"^3\" among 4 tags");
  }

  @Test
  void resolvingAnExactVersionGivesTheManifestDigestAndADigestReferenceIsVerified() {
    ChartFetcher fetcher = fetcher();
    ResolvedChart resolved = fetcher.resolve(source(REGISTRY.url("capstan/web"), "1.0.0"));
    assertThat(resolved.digest()).isPresent();
    FetchedChart pinned = fetcher.fetch(source(REGISTRY.url("capstan/web") + "@" + resolved.digest().get(), ""));
    assertThat(pinned.resolved().version()).isEqualTo("1.0.0");
    assertThat(pinned.resolved().digest()).isEqualTo(resolved.digest());
    FetchedChart again = fetcher.fetch(source(REGISTRY.url("capstan/web:1.0.0"), ""));
    assertThat(again.fromCache()).isTrue();
  }

  @Test
  void missingVersionsAndRepositoriesAreOneLineErrors() {
    assertThatThrownBy(() -> fetcher().resolve(source(REGISTRY.url("capstan/web"), "9.9.9")))
        .hasMessage(REGISTRY.url("capstan/web:9.9.9") + ": no chart version 9.9.9 in the registry");
    assertThatThrownBy(() -> fetcher().resolve(source(REGISTRY.url("capstan/nothing"), "^1")))
        .hasMessage(REGISTRY.url("capstan/nothing") + ": repository not found in the registry");
    assertThatThrownBy(() -> fetcher().resolve(new ChartSource.Oci(OciReference.parse("oci://127.0.0.1:1/x/y"), Credentials.NONE, "1.0.0")))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("oci://127.0.0.1:1/x/y: cannot reach 127.0.0.1:1: ");
  }

  @Test
  void helmPullsAndRendersWhatCapstanPushed() throws Exception {
    HelmOracle helm = HelmOracle.in(work.resolve("helm-pull"));
    Path dest = Files.createDirectories(work.resolve("helm-pulled"));
    helm.run("pull", REGISTRY.url("capstan/web"), "--version", "1.2.0", "--plain-http", "--destination", dest.toString()).ok();
    String fromPulled = helm.run("template", "rel", dest.resolve("web-1.2.0.tgz").toString(), "--namespace", "ns").ok();
    String fromFolder = helm.run("template", "rel", work.resolve("src/web-1.2.0").toString(), "--namespace", "ns").ok();
    assertThat(fromPulled).contains("kind: ConfigMap").isEqualTo(fromFolder);
  }

  @Test
  void capstanPullsAndRendersWhatHelmPushed() throws Exception {
    HelmOracle helm = HelmOracle.in(work.resolve("helm-push"));
    Path chart = TestCharts.write(work.resolve("helm-src"), "api", "0.4.1");
    Path out = work.resolve("helm-out");
    helm.run("package", chart.toString(), "--destination", out.toString()).ok();
    helm.run("push", out.resolve("api-0.4.1.tgz").toString(), REGISTRY.url("from-helm"), "--plain-http").ok();
    FetchedChart fetched = fetcher().fetch(source(REGISTRY.url("from-helm/api"), "~0.4"));
    assertThat(fetched.resolved().version()).isEqualTo("0.4.1");
    assertThat(fetched.archiveDigest()).isEqualTo(Digest.of(Files.readAllBytes(out.resolve("api-0.4.1.tgz"))));
    assertThat(TestCharts.render(fetched.load())).isEqualTo(TestCharts.render(ChartLoader.load(chart)));
  }

  @Test
  void aManifestThatIsNotAHelmChartIsRefused() {
    var client = new dev.capstan.chartrepo.oci.OciRegistryClient(transport);
    OciReference ref = OciReference.parse(REGISTRY.url("other/image"));
    var config = client.pushBlob(ref, "application/vnd.oci.image.config.v1+json", "{}".getBytes(), Credentials.NONE);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
        + "{\"mediaType\":\"" + config.mediaType() + "\",\"digest\":\"" + config.digest() + "\",\"size\":2},\"layers\":[]}").getBytes();
    client.pushManifest(ref, "1.0.0", manifest, Credentials.NONE);
    assertThatThrownBy(() -> fetcher().fetch(source(REGISTRY.url("other/image"), "1.0.0")))
        .hasMessage(REGISTRY.url("other/image:1.0.0") + ": not a Helm chart: the manifest's config is "
            + "application/vnd.oci.image.config.v1+json, not application/vnd.cncf.helm.config.v1+json");
  }
}
