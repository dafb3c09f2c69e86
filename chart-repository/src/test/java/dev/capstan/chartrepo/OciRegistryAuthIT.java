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

/** A registry behind htpasswd (basic) auth: credentials open it, their absence or a wrong password is one line. */
class OciRegistryAuthIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.withBasicAuth("ci", "s3cret");

  @TempDir Path work;

  private final HttpTransport transport = HttpTransport.create(TransportOptions.defaults().withPlainHttp(true));

  @Test
  void pushAndPullWithCredentials() throws Exception {
    Credentials good = Credentials.basic(REGISTRY.username(), REGISTRY.password());
    Path archive = TestCharts.pack(work.resolve("src"), "secure", "1.0.0", work.resolve("out"));
    ChartPusher.Pushed pushed = new ChartPusher(new OciRegistryClient(transport))
        .push(Files.readAllBytes(archive), archive.toString(), OciReference.parse(REGISTRY.url("team")), good);
    assertThat(pushed.reference().toString()).isEqualTo(REGISTRY.url("team/secure:1.0.0"));
    FetchedChart fetched = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")))
        .fetch(new ChartSource.Oci(OciReference.parse(REGISTRY.url("team/secure")), good, "1.0.0"));
    assertThat(fetched.archive()).isEqualTo(Files.readAllBytes(archive));
  }

  @Test
  void helmPushesWithCredentialsAndCapstanPulls() throws Exception {
    Path chart = TestCharts.write(work.resolve("src"), "viahelm", "3.1.0");
    HelmOracle helm = HelmOracle.in(work.resolve("helm"));
    helm.run("package", chart.toString(), "--destination", work.resolve("out").toString()).ok();
    helm.run("push", work.resolve("out/viahelm-3.1.0.tgz").toString(), REGISTRY.url("team"), "--plain-http",
        "--username", REGISTRY.username(), "--password", REGISTRY.password()).ok();
    FetchedChart fetched = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")))
        .fetch(new ChartSource.Oci(OciReference.parse(REGISTRY.url("team/viahelm")),
            Credentials.basic(REGISTRY.username(), REGISTRY.password()), ">=3"));
    assertThat(fetched.resolved().version()).isEqualTo("3.1.0");
  }

  @Test
  void missingAndWrongCredentialsAreOneLineWithoutTheSecret() {
    ChartFetcher fetcher = ChartFetcher.create(transport, ChartCache.at(work.resolve("cache")));
    assertThatThrownBy(() -> fetcher.resolve(new ChartSource.Oci(OciReference.parse(REGISTRY.url("team/secure")),
        Credentials.NONE, "1.0.0")))
        .isInstanceOf(SourceException.class)
        .hasMessage(REGISTRY.url("team/secure") + ": the registry requires credentials (HTTP 401): pass --username/--password");
    assertThatThrownBy(() -> fetcher.resolve(new ChartSource.Oci(OciReference.parse(REGISTRY.url("team/secure")),
        Credentials.basic("ci", "hunter2"), "1.0.0")))
        .hasMessage(REGISTRY.url("team/secure") + ": the registry refused the credentials (HTTP 401)")
        .hasMessageNotContaining("hunter2");
  }
}
