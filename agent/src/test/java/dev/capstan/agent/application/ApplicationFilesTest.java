package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationFilesTest {
  private static final Path DIR = Path.of("src/test/resources/applications");

  @Test
  void readsEveryDocumentOfTheIssueExample() {
    List<ApplicationFiles.Loaded> apps = ApplicationFiles.load(DIR.resolve("dockercoins.yaml"));

    assertThat(apps).extracting(a -> a.application().getMetadata().getName()).containsExactly("dockercoins-dev", "redis");
    ApplicationSpec spec = apps.get(0).application().getSpec();
    assertThat(spec.source().path()).isEqualTo("examples/dockercoins");
    assertThat(spec.source().valuesFiles()).containsExactly("values-dev.yaml");
    assertThat(spec.source().values()).isEqualTo(Map.of("worker", Map.of("replicas", 2)));
    assertThat(spec.syncPolicyOrDefault().isSelfHeal()).isTrue();
    assertThat(spec.syncPolicyOrDefault().retryOrDefault().backoff()).isEqualTo("10s");
    assertThat(spec.syncWindows()).singleElement().satisfies(w -> assertThat(w.kind()).isEqualTo(SyncWindow.Kind.deny));
    assertThat(spec.dependsOn()).containsExactly("redis");

    SyncPolicy defaults = apps.get(1).application().getSpec().syncPolicyOrDefault();
    assertThat(defaults.isAutomated()).isFalse();
    assertThat(defaults.intervalOrDefault()).isEqualTo("3m");
  }

  @Test
  void anUnknownFieldNamesFileLineAndField() {
    assertThatThrownBy(() -> ApplicationFiles.load(DIR.resolve("typo.yaml")))
        .isInstanceOf(ApplicationException.class)
        .hasMessageStartingWith(DIR.resolve("typo.yaml") + ":7: unknown field \"repoUrl\" at spec.source.repoUrl");
  }

  @Test
  void aTypoInALaterDocumentPointsAtItsOwnLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("two.yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: one}
        spec: {source: {repoURL: "file:///x"}, destination: {namespace: x}}
        ---
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: two}
        spec:
          source: {repoURL: "file:///x"}
          destination: {namespace: x}
          syncPolicy:
            automatic: true
        """);

    assertThatThrownBy(() -> ApplicationFiles.load(file))
        .hasMessageStartingWith(file + ":13: unknown field \"automatic\" at spec.syncPolicy.automatic");
  }

  @Test
  void aFolderIsReadInFileNameOrder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.yaml"), Files.readString(DIR.resolve("dockercoins.yaml")));
    Files.writeString(dir.resolve("notes.txt"), "not an application");
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/one.yml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: first}
        spec: {source: {repoURL: "file:///x"}, destination: {namespace: x}}
        """);

    assertThat(ApplicationFiles.load(dir)).extracting(a -> a.application().getMetadata().getName())
        .containsExactly("first", "dockercoins-dev", "redis");
  }

  @Test
  void otherKindsAndMissingFilesAreRefused(@TempDir Path dir) throws Exception {
    Path cm = Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    assertThatThrownBy(() -> ApplicationFiles.load(cm))
        .hasMessage(cm + ": expected apiVersion capstan.dev/v1alpha1 and kind Application, got v1 ConfigMap");
    assertThatThrownBy(() -> ApplicationFiles.load(dir.resolve("none.yaml")))
        .hasMessage(dir.resolve("none.yaml") + ": no such file or folder");
  }
}
