package dev.capstan.chart.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue #14: generated hostile input through the entry points a chart author or values author
 * reaches (the chart's values.yaml, a {@code -f} values file, Pebble and Go templates, rendered
 * through {@link Renderer} as {@code capstan render} and the agent do), in a JVM of 256 MiB with a
 * time cap per case. Every case ends in a result or a {@link CapstanException} with no
 * {@link Error} behind it: never an OutOfMemoryError, a stack overflow, another exception type or a
 * hang. The surefire execution {@code hostile-input-small-heap} in this module's pom runs it alone
 * with {@code -Xmx256m}; in a larger heap it proves less but passes the same way.
 */
class HostileInputPropertiesTest {
  private static final RenderOptions OPTIONS = RenderOptions.defaults()
      .withLimits(RenderLimits.defaults().withTimeout(Duration.ofSeconds(1)));
  /** A render stops within its timeout; anything far past it is a hang. */
  private static final Duration CAP = Duration.ofSeconds(20);
  private static final Path TMP = tmp();

  private static final List<Integer> SIZES = List.of(0, 1, 3, 1000, 65_536, 10_000_000, Integer.MAX_VALUE, -1);

  private static Path tmp() {
    try {
      return Files.createTempDirectory("hostile-input");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.walk(TMP)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  // ---- the properties -------------------------------------------------------------------------

  @Property(tries = 30, shrinking = ShrinkingMode.OFF)
  void hostileValuesFilesLoadOrFailCleanly(@ForAll("hostileYaml") String yaml) throws IOException {
    Path file = Files.writeString(TMP.resolve("values-" + System.nanoTime() + ".yaml"), yaml);
    Chart chart = chart("pebble", Map.of("templates/cm.yaml", CONFIGMAP.formatted("{{ values | length }}")));
    cleanly(() -> new Renderer().render(chart, OPTIONS.withValues(ValuesOptions.none().withValueFiles(List.of(file)))));
    Files.delete(file);
  }

  @Property(tries = 20, shrinking = ShrinkingMode.OFF)
  void hostileChartValuesLoadOrFailCleanly(@ForAll("hostileYaml") String yaml) {
    cleanly(() -> new Renderer().render(chart("go", Map.of("values.yaml", yaml,
        "templates/cm.yaml", CONFIGMAP.formatted("{{ len .Values }}"))), OPTIONS));
  }

  @Property(tries = 45, shrinking = ShrinkingMode.OFF)
  void hostileGoTemplatesRenderOrFailCleanly(@ForAll("goTemplates") String template) {
    cleanly(() -> new Renderer().render(chart("go", Map.of(
        "values.yaml", "t: '{{ tpl .Values.t . }}'\ns: \"a\\nb\\nc\"\n",
        "templates/_helpers.tpl", "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}",
        "templates/cm.yaml", CONFIGMAP.formatted(template))), OPTIONS));
  }

  @Property(tries = 45, shrinking = ShrinkingMode.OFF)
  void hostilePebbleTemplatesRenderOrFailCleanly(@ForAll("pebbleTemplates") String template) {
    cleanly(() -> new Renderer().render(chart("pebble", Map.of(
        "values.yaml", "t: '{{ tpl(values.t) }}'\ns: \"a\\nb\\nc\"\n",
        "templates/_helpers.tpl", "{% macro r(n) %}{{ r(n) }}{% endmacro %}",
        "templates/cm.yaml", CONFIGMAP.formatted(template))), OPTIONS));
  }

  private static final String CONFIGMAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  x: |\n    %s\n";

  private static Chart chart(String language, Map<String, String> files) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    bytes.put("Chart.yaml", ("apiVersion: v2\nname: hostile\nversion: 0.1.0\n"
        + "annotations: {capstan.dev/template-language: " + language + "}\n").getBytes(StandardCharsets.UTF_8));
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return ChartLoader.load(ChartFiles.of(bytes), "hostile");
  }

  /** Ends within {@link #CAP} with a result or a CapstanException that no Error caused. */
  private static void cleanly(Runnable render) {
    String outcome = assertTimeoutPreemptively(CAP, () -> {
      try {
        render.run();
        return "rendered";
      } catch (CapstanException expected) {
        for (Throwable t = expected; t != null; t = t.getCause()) {
          assertThat(t).as("cause of: " + expected.getMessage()).isNotInstanceOf(Error.class);
        }
        assertThat(expected.getMessage()).isNotBlank();
        return outcome(expected.getMessage());
      }
    });
    Statistics.label("outcome").collect(outcome);
  }

  /** The kind of refusal, for the statistics jqwik prints: the message less its place and numbers. */
  private static String outcome(String message) {
    String why = message.replaceAll("^[^ ]*: ", "").replaceAll("[0-9]+", "N");
    return why.length() > 70 ? why.substring(0, 70) : why;
  }

  // ---- hostile YAML ---------------------------------------------------------------------------

  @Provide
  Arbitrary<String> hostileYaml() {
    return Arbitraries.oneOf(aliasBombs(), mergeBombs(), deepNesting(), hugeScalars(), manyDocuments(), manyKeys(), taggedScalars());
  }

  private static Arbitrary<String> aliasBombs() {
    return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.integers().between(2, 12)).as((levels, fan) -> {
      StringBuilder y = new StringBuilder("a0: &a0 [" + "\"lol\",".repeat(fan - 1) + "\"lol\"]\n");
      for (int i = 1; i < levels; i++) {
        y.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ",").repeat(fan - 1))
            .append("*a").append(i - 1).append("]\n");
      }
      return y.toString();
    });
  }

  /** Merge keys copy the merged map: aliases that multiply through {@code <<}. */
  private static Arbitrary<String> mergeBombs() {
    return Combinators.combine(Arbitraries.integers().between(1, 25), Arbitraries.integers().between(1, 6)).as((levels, fan) -> {
      StringBuilder y = new StringBuilder("m0: &m0 {k: v}\n");
      for (int i = 1; i < levels; i++) {
        y.append("m").append(i).append(": &m").append(i).append(" {<<: *m").append(i - 1);
        for (int f = 0; f < fan; f++) {
          y.append(", f").append(f).append(": *m").append(i - 1);
        }
        y.append("}\n");
      }
      return y.toString();
    });
  }

  private static Arbitrary<String> deepNesting() {
    return Combinators.combine(Arbitraries.of(10, 999, 1001, 50_000, 400_000), Arbitraries.of("[", "{a: ", "- ", "a:\n")).as((depth, open) -> {
      return switch (open) {
        case "[" -> "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        case "{a: " -> "a: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n";
        case "- " -> "a:\n" + "- ".repeat(depth) + "x\n";
        default -> {
          StringBuilder y = new StringBuilder();
          for (int i = 0; i < Math.min(depth, 3000); i++) {
            y.append(" ".repeat(i)).append("a:\n");
          }
          yield y.append(" ".repeat(Math.min(depth, 3000))).append("1\n").toString();
        }
      };
    });
  }

  private static Arbitrary<String> hugeScalars() {
    return Combinators.combine(Arbitraries.of(1_000, 1_000_000, 3_000_000, 3_200_000, 12_000_000), Arbitraries.of("plain", "quoted", "block"))
        .as((size, style) -> switch (style) {
          case "plain" -> "a: " + "x".repeat(size) + "\n";
          case "quoted" -> "a: \"" + "x".repeat(size) + "\"\n";
          default -> "a: |\n" + "  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n".repeat(Math.max(1, size / 42));
        });
  }

  private static Arbitrary<String> manyDocuments() {
    return Arbitraries.of(2, 1000, 300_000).map(n -> "a: 1\n" + "---\nb: 2\n".repeat(n));
  }

  private static Arbitrary<String> manyKeys() {
    return Arbitraries.of(10, 100_000, 400_000).map(n -> {
      StringBuilder y = new StringBuilder();
      for (int i = 0; i < n; i++) {
        y.append('k').append(i).append(": ").append(i).append('\n');
      }
      return y.toString();
    });
  }

  private static Arbitrary<String> taggedScalars() {
    return Arbitraries.of(
        "a: !!binary " + "QUFB".repeat(500_000) + "\n",
        "a: !!int 0x" + "f".repeat(100_000) + "\n",
        "a: !!float 1e99999999\n",
        "a: !!timestamp 2001-12-14t21:59:43.10-05:00\n",
        "a: *undefined\n",
        "a: &x [*x]\n",
        "? " + "[".repeat(500) + "]".repeat(500) + "\n: v\n");
  }

  // ---- hostile Go templates -------------------------------------------------------------------

  @Provide
  Arbitrary<String> goTemplates() {
    Arbitrary<Integer> n = Arbitraries.of(SIZES);
    Arbitrary<Integer> m = Arbitraries.of(SIZES);
    Arbitrary<String> pattern = Arbitraries.of("(a+)+$", "(a|a)*b", "(a{1,20}){1,20}b", "a{1000}{1000}", "((a*)*)*c", "(", "\\\\");
    return Combinators.combine(Arbitraries.integers().between(0, 22), n, m, pattern).as((kind, a, b, p) -> switch (kind) {
      case 0 -> "{{ range until %d }}{{ range until %d }}x{{ end }}{{ end }}".formatted(a, b);
      case 1 -> "{{ printf \"%%*d\" %d 1 }}".formatted(a);
      case 2 -> "{{ printf \"%%0%dd\" 1 }}".formatted(a);
      case 3 -> "{{ printf \"%%.%df\" 1.5 }}".formatted(a);
      case 4 -> "{{ repeat %d \"ab\" }}".formatted(a);
      case 5 -> "{{ repeat %d \"a\\n\" | indent %d }}".formatted(a, b);
      case 6 -> "{{ nindent %d (repeat %d \"a\\n\") }}".formatted(b, a);
      case 7 -> "{{ until %d | toJson }}".formatted(a);
      case 8 -> "{{ regexMatch \"%s\" (repeat %d \"a\") }}".formatted(p, a);
      case 9 -> "{{ regexReplaceAll \"%s\" (repeat %d \"a\") \"${1}${1}${1}${1}\" }}".formatted(p, a);
      case 10 -> "{{ regexSplit \"%s\" (repeat %d \"ab\") -1 | len }}".formatted(p, a);
      case 11 -> "{{ include \"r\" . }}";
      case 12 -> "{{ tpl .Values.t . }}";
      case 13 -> "{{ $l := list }}{{ range until %d }}{{ $l = append $l . }}{{ end }}{{ len $l }}".formatted(a);
      case 14 -> "{{ $d := dict }}{{ range until %d }}{{ $d = dict \"a\" $d }}{{ end }}{{ toJson $d }}".formatted(a);
      case 15 -> "{{ fromJson (printf \"%%s%%s\" (repeat %d \"[\") (repeat %d \"]\")) }}".formatted(a, a);
      case 16 -> "{{ fromYaml (repeat %d \"- \") }}".formatted(a);
      case 17 -> "{{ range until %d }}{{ genPrivateKey \"rsa\" | len }}{{ end }}".formatted(Math.min(Math.abs(a), 50));
      case 18 -> "{{ untilStep 0 %d 1 | len }}".formatted(a);
      case 19 -> "{{ range until %d }}{{ sha256sum (repeat %d \"x\") }}{{ end }}".formatted(a, b);
      case 20 -> "{{ $s := \"\" }}{{ range until %d }}{{ $s = print $s $s \"x\" }}{{ end }}{{ len $s }}".formatted(a);
      case 21 -> "{{ toYaml (until %d) | indent %d }}".formatted(a, b);
      default -> "{{ trunc %d (repeat %d \"x\") }}{{ substr 0 %d \"abc\" }}".formatted(b, a, b);
    });
  }

  // ---- hostile Pebble templates ---------------------------------------------------------------

  @Provide
  Arbitrary<String> pebbleTemplates() {
    Arbitrary<Integer> n = Arbitraries.of(SIZES);
    Arbitrary<Integer> m = Arbitraries.of(SIZES);
    return Combinators.combine(Arbitraries.integers().between(0, 17), n, m).as((kind, a, b) -> switch (kind) {
      case 0 -> "{%% for i in range(1, %d) %%}{%% for j in range(1, %d) %%}x{%% endfor %%}{%% endfor %%}".formatted(a, b);
      case 1 -> "{{ \"%%0%dd\" | format(1) }}".formatted(a);
      case 2 -> "{{ \"%%.%df\" | format(1.5) }}".formatted(a);
      case 3 -> "{{ values.s | indent(%d) }}".formatted(a);
      case 4 -> "{%% set l = range(0, %d) %%}{{ l | length }}".formatted(a);
      case 5 -> "{{ range(0, %d) | join(\",\") | indent(%d) }}".formatted(a, b);
      case 6 -> "{{ r(1) }}";
      case 7 -> "{{ tpl(values.t) }}";
      case 8 -> "{%% set s = \"\" %%}{%% for i in range(1, %d) %%}{%% set s = s ~ s ~ \"[\" %%}{%% endfor %%}{{ s | length }}".formatted(a);
      case 9 -> "{{ range(0, %d, 0) | length }}".formatted(a);
      case 10 -> "{{ range(%d, 0) | length }}".formatted(a);
      case 11 -> "{{ range(0, %d) | sort | last }}".formatted(a);
      case 12 -> "{{ \"a,b\" | split(\"(a{1,20}){1,20}b\") | length }}";
      case 13 -> "{%% for i in range(1, %d) %%}{{ tpl(\"{{ release.name }}\") }}{%% endfor %%}".formatted(a);
      case 14 -> "{{ range(0, %d) | toYaml | nindent(%d) }}".formatted(a, b);
      case 15 -> "{{ (range(0, %d) | join(\",\")) | sha256sum }}".formatted(a);
      case 16 -> "{{ (\"[\" ~ (range(0, %d) | join(\",\")) ~ \"]\") | fromJson | length }}".formatted(a);
      default -> "{{ \"x\" | trunc(%d) }}{{ values.s | nindent(%d) | b64enc | b64dec | length }}".formatted(a, b);
    });
  }
}
