package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.testsupport.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same chart written for Helm ({@code charts/parity/helm/shop}) and for Capstan
 * ({@code charts/parity/capstan/shop}) renders to the same objects in the same order. Helm's side is
 * a golden file made by real Helm 3.17 ({@code charts/parity/regenerate-helm.sh}).
 */
class HelmRenderParityTest {
  private static final Path PARITY = Charts.DIR.resolve("parity");

  record Case(String id, String release, String namespace, List<String> flags) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Case> cases() throws IOException {
    return Files.readAllLines(PARITY.resolve("cases.tsv")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t"))
        .map(f -> new Case(f[0], f[1], f[2], f.length > 3 ? Arrays.asList(f[3].split(" ")) : List.of()));
  }


  @ParameterizedTest
  @MethodSource("cases")
  void capstanRendersWhatHelmRenders(Case c) throws Exception {
    RenderResult result = new Renderer().render(ChartLoader.load(PARITY.resolve("capstan/shop")),
        RenderOptions.defaults().withReleaseName(c.release()).withNamespace(c.namespace()).withValues(values(c.flags())));
    List<HelmStreamDocs> capstan = HelmStreamDocs.of(result);
    assertThat(capstan).isEqualTo(HelmStreamDocs.helm(Golden.file("render/helm/" + c.id() + ".yaml")));
  }

  private static ValuesOptions values(List<String> flags) {
    List<Path> files = new ArrayList<>();
    List<String> set = new ArrayList<>();
    for (int i = 0; i < flags.size(); i += 2) {
      switch (flags.get(i)) {
        case "-f" -> files.add(PARITY.resolve(flags.get(i + 1)));
        case "--set" -> set.add(flags.get(i + 1));
        default -> throw new IllegalArgumentException("cases.tsv: unsupported flag " + flags.get(i));
      }
    }
    return ValuesOptions.none().withValueFiles(files).withSet(set);
  }

}
