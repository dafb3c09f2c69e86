package dev.capstan.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.engine.history.InMemoryReleaseStore;
import dev.capstan.engine.history.ReleaseRevision;
import dev.capstan.engine.history.RevisionStatus;
import dev.capstan.engine.resource.DesiredState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one chart-to-desired-state adapter renders as the release's next revision, for the CLI and
 * the agent alike: what a template sees of the release is what the sync will record.
 */
class ReleaseRendererTest {
  @TempDir
  Path tmp;

  private ReleaseInput input;
  private final InMemoryReleaseStore store = new InMemoryReleaseStore();
  private final ReleaseRenderer renderer = new ReleaseRenderer();

  @BeforeEach
  void chart() throws Exception {
    Path chart = Files.createDirectories(tmp.resolve("shop/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: shop\nversion: 1.2.0\n");
    Files.writeString(chart.resolve("templates/release.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ release.name }}-release
        data:
          revision: "{{ release.revision }}"
          upgrade: "{{ release.isUpgrade }}"
          install: "{{ release.isInstall }}"
          greeting: {{ values.greeting }}
        """);
    input = ReleaseInput.of("prod", "web", ChartLoader.load(chart), Map.of("greeting", "hello")).withGitCommit("abc123");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(DesiredState state) {
    return (Map<String, Object>) state.objects().get(0).object().get("data");
  }

  private void record(int number, RevisionStatus status) {
    store.create(new ReleaseRevision("prod", "web", number, Instant.now(), status, "shop", "1.2.0", Map.of(), List.of(),
        null, "test", ""));
  }

  @Test
  void aNewReleaseRendersAsRevisionOneInstall() {
    DesiredState state = renderer.render(store, input);

    assertThat(data(state)).containsEntry("revision", "1").containsEntry("upgrade", "false").containsEntry("install", "true")
        .containsEntry("greeting", "hello");
    assertThat(state.release()).isEqualTo("web");
    assertThat(state.namespace()).isEqualTo("prod");
    assertThat(state.gitCommit()).isEqualTo("abc123");
    assertThat(state.chartVersion()).isEqualTo("1.2.0");
  }

  @Test
  void aHelmChartInGoTemplatesSeesTheSameRevisionAndUpgrade() throws Exception {
    Path chart = Files.createDirectories(tmp.resolve("helm/templates")).getParent();
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: helm\nversion: 0.1.0\n");
    Files.writeString(chart.resolve("templates/release.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-release
        data:
          revision: {{ .Release.Revision | quote }}
          upgrade: {{ .Release.IsUpgrade | quote }}
          install: {{ .Release.IsInstall | quote }}
          greeting: {{ .Values.greeting }}
        """);
    ReleaseInput helm = ReleaseInput.of("prod", "web", ChartLoader.load(chart), Map.of("greeting", "hello"));
    record(1, RevisionStatus.DEPLOYED);

    DesiredState state = renderer.render(store, helm);

    assertThat(data(state)).containsEntry("revision", "2").containsEntry("upgrade", "true").containsEntry("install", "false")
        .containsEntry("greeting", "hello");
  }

  @Test
  void anExistingReleaseRendersAsOnePastItsNewestRevisionUpgrade() {
    record(3, RevisionStatus.SUPERSEDED);
    record(4, RevisionStatus.FAILED);

    DesiredState state = renderer.render(store, input);

    assertThat(data(state)).containsEntry("revision", "5").containsEntry("upgrade", "true").containsEntry("install", "false");
  }
}
