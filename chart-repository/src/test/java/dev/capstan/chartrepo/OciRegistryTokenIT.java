package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.oci.OciReference;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.OciRegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry token flow against the real distribution registry configured for token auth: a 401
 * with {@code Bearer realm=...,service=...,scope=...}, a token from the realm asked with the user's
 * credentials, then the request again with the token; the token is reused for the same scope.
 */
class OciRegistryTokenIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.withTokenAuth("ci", "s3cret");

  @TempDir Path work;

  @Test
  void pushAndPullThroughTheTokenFlow() throws Exception {
    HttpTransport transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));
    Credentials good = Credentials.basic("ci", "s3cret");
    Path archive = TestCharts.pack(work.resolve("src"), "tokened", "0.9.0", work.resolve("out"));
    new ChartPusher(new OciRegistryClient(transport))
        .push(Files.readAllBytes(archive), archive.toString(), OciReference.parse(REGISTRY.url("team")), good);
    ChartFetcher fetcher = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")));
    ChartSource.Oci source = new ChartSource.Oci(OciReference.parse(REGISTRY.url("team/tokened")), good, "0.9.x");
    assertThat(fetcher.fetch(source).archive()).isEqualTo(Files.readAllBytes(archive));
    int issued = REGISTRY.tokensIssued();
    fetcher.resolve(new ChartSource.Oci(OciReference.parse(REGISTRY.url("team/tokened")), good, "0.9.0"));
    assertThat(REGISTRY.tokensIssued()).as("the pull token is reused").isEqualTo(issued);
  }

  @Test
  void helmPullsWhatCapstanPushedThroughTheTokenFlow() throws Exception {
    HttpTransport transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));
    Path archive = TestCharts.pack(work.resolve("src"), "both", "1.0.0", work.resolve("out"));
    new ChartPusher(new OciRegistryClient(transport)).push(Files.readAllBytes(archive), archive.toString(),
        OciReference.parse(REGISTRY.url("team")), Credentials.basic("ci", "s3cret"));
    Path dest = Files.createDirectories(work.resolve("pulled"));
    HelmOracle.in(work.resolve("helm")).run("pull", REGISTRY.url("team/both"), "--version", "1.0.0", "--plain-http",
        "--username", "ci", "--password", "s3cret", "--destination", dest.toString()).ok();
    assertThat(dest.resolve("both-1.0.0.tgz")).hasSameBinaryContentAs(archive);
  }

  @Test
  void theTokenServiceRefusingIsOneLine() {
    ChartFetcher fetcher = ChartFetcher.create(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)),
        ChartCache.at(work.resolve("cache")));
    assertThatThrownBy(() -> fetcher.resolve(new ChartSource.Oci(OciReference.parse(REGISTRY.url("team/tokened")),
        Credentials.basic("ci", "wrong"), "0.9.0")))
        .isInstanceOf(SourceException.class)
        .hasMessage(REGISTRY.url("team/tokened") + ": the registry's token service refused the credentials (HTTP 401)");
  }
}
