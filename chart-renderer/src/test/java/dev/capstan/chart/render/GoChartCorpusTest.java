package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Go-template chart corpus ({@code charts/go}: charts written for this test in the style of
 * public Helm charts) renders to exactly the objects real Helm 3.17 {@code helm template} prints,
 * in Helm's order, for every case of {@code charts/go/cases.tsv}; where Helm fails, Capstan fails
 * with Helm's message. The goldens come from {@code charts/go/regenerate-helm.sh}; a difference
 * is a bug in Capstan, never a golden to edit.
 */
class GoChartCorpusTest {
  private static final Path CORPUS = Charts.DIR.resolve("go");
  /** What Helm 3.17.2 assumes without --kube-version; Capstan's own default differs (RenderOptions). */
  private static final String HELM_KUBE_VERSION = "v1.32.0";

  record Case(String id, String chart, String release, String namespace, List<String> flags) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Case> cases() throws IOException {
    return Files.readAllLines(CORPUS.resolve("cases.tsv")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t"))
        .map(f -> new Case(f[0], f[1], f[2], f[3], f.length > 4 ? Arrays.asList(f[4].split(" ")) : List.of()));
  }


  @ParameterizedTest
  @MethodSource("cases")
  void capstanRendersWhatHelmRenders(Case c) throws Exception {
    Path golden = Golden.file("render/go/" + c.id() + ".yaml");
    if (Files.exists(golden)) {
      RenderResult result = new Renderer().render(ChartLoader.load(CORPUS.resolve(c.chart())), options(c));
      List<HelmStreamDocs> capstan = HelmStreamDocs.of(result);
      assertThat(capstan).isEqualTo(HelmStreamDocs.helm(golden));
    } else {
      String helmError = helmMessage(Files.readString(Golden.file("render/go/" + c.id() + ".error")));
      Throwable thrown = catchThrowable(() -> new Renderer().render(ChartLoader.load(CORPUS.resolve(c.chart())), options(c)));
      assertThat(thrown).isNotNull();
      assertThat(violationsInOrder(thrown.getMessage())).endsWith(violationsInOrder(helmError));
    }
  }

  /**
   * The scaffold-equivalent chart ({@code starter}: what {@code helm create} offers, written for
   * Capstan) with every toggle of its values on renders every object it can, as Helm does.
   */
  @Test
  void theScaffoldWithEveryToggleOnRendersAsHelm() throws Exception {
    Case all = cases().filter(c -> c.id().equals("starter-all-on")).findFirst().orElseThrow();
    RenderResult result = new Renderer().render(ChartLoader.load(CORPUS.resolve("starter")), options(all));
    assertThat(result.manifests()).extracting(RenderedManifest::kind).containsExactly(
        "ServiceAccount", "Service", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Pod");
    List<HelmStreamDocs> capstan = HelmStreamDocs.of(result);
    assertThat(capstan).isEqualTo(HelmStreamDocs.helm(Golden.file("render/go/starter-all-on.yaml")));
  }

  /**
   * Helm lists a chart's schema violations in Go's random map order (gojsonschema walks the
   * properties of a map), so each chart's {@code - field: description} lines compare sorted.
   */
  static String violationsInOrder(String message) {
    List<String> out = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : message.split("\n", -1)) {
      if (line.startsWith("- ")) {
        block.add(line);
        continue;
      }
      block.sort(null);
      out.addAll(block);
      block.clear();
      out.add(line);
    }
    block.sort(null);
    out.addAll(block);
    return String.join("\n", out);
  }

  /** The message of Helm's {@code Error: ...} line(s), up to Helm's hint about --debug. */
  static String helmMessage(String stderr) {
    String message = stderr.replaceFirst("^Error: ", "");
    int hint = message.indexOf("\n\nUse --debug flag");
    return (hint < 0 ? message : message.substring(0, hint)).strip();
  }

  static RenderOptions options(Case c) {
    RenderOptions options = RenderOptions.defaults().withReleaseName(c.release()).withNamespace(c.namespace())
        .withKubeVersion(HELM_KUBE_VERSION);
    List<Path> files = new ArrayList<>();
    List<String> set = new ArrayList<>();
    List<String> setString = new ArrayList<>();
    List<String> apiVersions = new ArrayList<>();
    List<String> showOnly = new ArrayList<>();
    List<String> flags = c.flags();
    for (int i = 0; i < flags.size(); i++) {
      switch (flags.get(i)) {
        case "-f" -> files.add(CORPUS.resolve(flags.get(++i)));
        case "--set" -> set.add(flags.get(++i));
        case "--set-string" -> setString.add(flags.get(++i));
        case "--api-versions" -> apiVersions.add(flags.get(++i));
        case "--show-only" -> showOnly.add(flags.get(++i));
        case "--kube-version" -> options = options.withKubeVersion(flags.get(++i));
        case "--include-crds" -> options = options.withIncludeCrds(true);
        case "--skip-tests" -> options = options.withSkipTests(true);
        default -> throw new IllegalArgumentException("cases.tsv: unsupported flag " + flags.get(i));
      }
    }
    return options.withApiVersions(apiVersions).withShowOnly(showOnly)
        .withValues(ValuesOptions.none().withValueFiles(files).withSet(set).withSetString(setString));
  }

}
