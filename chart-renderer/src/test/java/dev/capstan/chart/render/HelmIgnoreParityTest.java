package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.testsupport.Golden;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Capstan loads the files real Helm 3.17 keeps from {@code charts/helmignore/chart}, whose
 * .helmignore has one line per rule kind. Helm's side is the file list of {@code helm package}
 * ({@code charts/helmignore/regenerate-helm.sh}).
 */
class HelmIgnoreParityTest {
  @Test
  void capstanKeepsTheFilesHelmPackages() throws Exception {
    var helm = Files.readAllLines(Golden.file("helmignore/helm-package.txt"));
    assertThat(ChartLoader.load(Charts.DIR.resolve("helmignore/chart")).files().list()).isEqualTo(helm);
  }
}
