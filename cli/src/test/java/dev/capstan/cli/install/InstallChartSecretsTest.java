package dev.capstan.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.render.RenderOptions;
import dev.capstan.chart.render.Renderer;
import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared webhook secret and the API token reach the agent as read-only mounted Secrets, named by
 * {@code *_FILE} variables, never as values in its environment: the kubelet updates a mounted Secret
 * in place and the agent reads it again, so a rotation needs no restart.
 */
class InstallChartSecretsTest {
  private static final Path CHART = Path.of("../charts/capstan");
  private static final RenderOptions OPTIONS = RenderOptions.defaults().withReleaseName("capstan").withNamespace("capstan-system");

  private static String deployment(String... set) {
    return new Renderer().render(ChartLoader.load(CHART), OPTIONS.withValues(ValuesOptions.none().withSet(List.of(set))))
        .manifests().stream().filter(m -> m.kind().equals("Deployment")).findFirst().orElseThrow().yaml();
  }

  @Test
  void existingSecretsAreMountedReadOnlyAndNamedByFileVariables() {
    assertThat(deployment("webhook.existingSecret=capstan-webhook", "api.existingSecret=capstan-api"))
        .contains("- name: CAPSTAN_WEBHOOK_SECRET_FILE\n              value: /etc/capstan/webhook/secret")
        .contains("- name: CAPSTAN_API_TOKEN_FILE\n              value: /etc/capstan/api/token")
        .contains("- {name: webhook-secret, mountPath: /etc/capstan/webhook, readOnly: true}")
        .contains("- {name: api-token, mountPath: /etc/capstan/api, readOnly: true}")
        .contains("- {name: webhook-secret, secret: {secretName: capstan-webhook}}")
        .contains("- {name: api-token, secret: {secretName: capstan-api}}")
        .as("no value in the environment, no subPath (which the kubelet never updates)")
        .doesNotContain("secretKeyRef").doesNotContain("subPath")
        .doesNotContain("name: CAPSTAN_WEBHOOK_SECRET\n").doesNotContain("name: CAPSTAN_API_TOKEN\n");
  }

  @Test
  void withoutExistingSecretsNothingIsMounted() {
    assertThat(deployment()).doesNotContain("CAPSTAN_WEBHOOK_SECRET").doesNotContain("CAPSTAN_API_TOKEN")
        .doesNotContain("webhook-secret").doesNotContain("api-token");
  }
}
