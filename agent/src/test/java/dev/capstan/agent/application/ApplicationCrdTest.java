package dev.capstan.agent.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD shipped with the install chart is generated from the Java types, never edited by hand. This
 * test regenerates it and fails when the committed file is stale; {@code -Dgolden.update=true} rewrites it.
 */
class ApplicationCrdTest {
  static final Path COMMITTED = Path.of("../charts/capstan/crds/applications.capstan.dev-v1.yml");

  @Test
  void committedCrdMatchesTheJavaTypes(@TempDir Path out) throws Exception {
    new CRDGenerator().customResourceClasses(Application.class).forCRDVersions("v1").inOutputDir(out.toFile()).generate();
    String generated = Files.readString(out.resolve("applications.capstan.dev-v1.yml"));

    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generated);
    }
    assertThat(COMMITTED).exists();
    assertThat(Files.readString(COMMITTED)).isEqualTo(generated);
    assertThat(generated)
        .contains("group: \"capstan.dev\"")
        .contains("kind: \"Application\"")
        .contains("name: \"v1alpha1\"")
        .contains("x-kubernetes-preserve-unknown-fields: true")
        .contains("- \"repoURL\"");
  }
}
