package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The install chart's values for the agent's HTTP server: bind address, TLS from a Secret, trusted proxies, probes. */
class InstallChartServerTest {
  private static final Path CHART = Path.of("../charts/capstan");
  private static final RenderOptions OPTIONS = RenderOptions.defaults().withReleaseName("capstan").withNamespace("capstan-system");

  private static String deployment(String... set) {
    return new Renderer().render(ChartLoader.load(CHART), OPTIONS.withValues(ValuesOptions.none().withSet(List.of(set))))
        .manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml();
  }

  @Test
  void defaultsServePlainHttpOnEveryAddressAndBelieveNoForwardedHeader() {
    assertThat(deployment()).contains("- --http-host=0.0.0.0").doesNotContain("--tls-").doesNotContain("--trusted-proxy")
        .contains("httpGet: {path: /healthz, port: http, scheme: HTTP}").contains("httpGet: {path: /readyz, port: http, scheme: HTTP}")
        .doesNotContain("/etc/capstan/tls");
  }

  @Test
  void aTlsSecretIsMountedReadOnlyAndTurnsTheProbesToHttps() {
    assertThat(deployment("server.tls.secretName=capstan-tls", "server.host=::"))
        .contains("- --http-host=::")
        .contains("- --tls-cert=/etc/capstan/tls/tls.crt").contains("- --tls-key=/etc/capstan/tls/tls.key")
        .contains("- {name: tls, mountPath: /etc/capstan/tls, readOnly: true}")
        .contains("- {name: tls, secret: {secretName: capstan-tls}}")
        .contains("httpGet: {path: /healthz, port: http, scheme: HTTPS}").contains("httpGet: {path: /readyz, port: http, scheme: HTTPS}");
  }

  @Test
  void trustedProxiesBecomeOneFlagEach() {
    assertThat(deployment("server.trustedProxies={10.0.0.0/8,fd00::/8}"))
        .contains("- --trusted-proxy=10.0.0.0/8").contains("- --trusted-proxy=fd00::/8");
  }
}
