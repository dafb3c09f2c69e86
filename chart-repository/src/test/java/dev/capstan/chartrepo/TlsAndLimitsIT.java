package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chartrepo.cache.ChartCache;
import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.index.HelmRepository;
import dev.capstan.testsupport.HelmOracle;
import dev.capstan.testsupport.HelmRepositoryServer;
import dev.capstan.testsupport.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Helm repository over HTTPS with a private CA ({@code --ca-file}, {@code --insecure-skip-tls-verify}), and download caps. */
class TlsAndLimitsIT {
  @TempDir static Path work;
  static SelfSignedCertificate cert;
  static HelmRepositoryServer server;

  @BeforeAll
  static void serve() throws Exception {
    Path repoDir = Files.createDirectories(work.resolve("repo"));
    TestCharts.pack(work.resolve("src"), "web", "1.0.0", repoDir);
    HelmOracle.in(work.resolve("helm")).run("repo", "index", repoDir.toString()).ok();
    cert = SelfSignedCertificate.create(work.resolve("tls"));
    server = HelmRepositoryServer.serveTls(repoDir, cert);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private FetchedChart fetch(TransportOptions options) {
    return ChartFetcher.create(HttpTransport.create(options), ChartCache.at(work.resolve("cache-" + System.nanoTime())))
        .fetch(new ChartSource.Repository(new HelmRepository(server.url(), Credentials.NONE), "web", "1.0.0"));
  }

  @Test
  void aPrivateCaIsTrustedThroughTheCaFile() {
    assertThat(server.url().getScheme()).isEqualTo("https");
    assertThat(fetch(TransportOptions.defaults().withCaFile(cert.pem())).resolved().version()).isEqualTo("1.0.0");
  }

  @Test
  void anUntrustedCertificateIsRefusedUnlessVerificationIsSkipped() {
    assertThatThrownBy(() -> fetch(TransportOptions.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(server.url() + "index.yaml: cannot reach 127.0.0.1:" + server.url().getPort() + ": ")
        .hasMessageNotContaining("\n");
    assertThat(fetch(TransportOptions.defaults().withInsecureSkipTlsVerify(true)).resolved().version()).isEqualTo("1.0.0");
  }

  @Test
  void oversizeIndexesAndArchivesAreRefused() {
    assertThatThrownBy(() -> fetch(TransportOptions.defaults().withCaFile(cert.pem()).withMaxIndexBytes(100)))
        .hasMessage(server.url() + "index.yaml: response is larger than 100 bytes");
    assertThatThrownBy(() -> fetch(TransportOptions.defaults().withCaFile(cert.pem()).withMaxChartBytes(200)))
        .hasMessage(server.url() + "web-1.0.0.tgz: response is larger than 200 bytes");
  }
}
