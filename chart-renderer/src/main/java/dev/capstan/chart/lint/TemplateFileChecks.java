package dev.capstan.chart.lint;

import dev.capstan.chart.source.ChartFiles;
import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks on the template files themselves, before anything renders: files under templates/ that
 * are neither rendered nor macro files (so silently ignored), and Go-template syntax left over from
 * a Helm chart, which Pebble would reject with a less helpful message. Files the chart's
 * {@code .helmignore} excludes are not part of the chart and are not checked.
 */
final class TemplateFileChecks {
  /** {@code .Values} and friends at the start of a Go-template expression (not {@code x.Values}). */
  private static final Pattern GO_TEMPLATE =
      Pattern.compile("\\{\\{-?[^}]*?(?<![\\w\\])])(\\.Values|\\.Release|\\.Chart|\\.Capabilities)\\b");

  private TemplateFileChecks() {}

  /**
   * {@code display} turns a path inside the chart into the path printed in findings; {@code pebble}
   * is false for a Go-template chart, where Helm renders every file not starting with {@code _} and
   * Go syntax is the language, so neither Pebble hint applies.
   */
  static List<LintFinding> check(Path chartDir, boolean library, boolean pebble,
      java.util.function.Function<String, String> display) {
    Path templates = chartDir.resolve("templates");
    if (!Files.isDirectory(templates)) {
      return missing(library, display);
    }
    if (!pebble) {
      return List.of();
    }
    Predicate<String> inChart = helmKeeps(chartDir);
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(templates)) {
      for (Path file : walk.filter(f -> ChartPlaces.insideChart(chartDir, f)).sorted().toList()) {
        String relative = chartDir.relativize(file).toString().replace('\\', '/');
        if (inChart.test(relative)) {
          files.put(relative, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checkFiles(files, display);
  }

  /**
   * The same checks on a chart already loaded (from a Git tree, say): {@code templates} are its files
   * under templates/ as it loaded them (those its {@code .helmignore} leaves out are not there).
   */
  static List<LintFinding> check(SortedMap<String, String> templates, boolean library, boolean pebble,
      java.util.function.Function<String, String> display) {
    if (templates.isEmpty()) {
      return missing(library, display);
    }
    return pebble ? checkFiles(templates, display) : List.of();
  }

  private static List<LintFinding> missing(boolean library, java.util.function.Function<String, String> display) {
    return library ? List.of()
        : List.of(LintFinding.warning(display.apply("templates"), 0, "directory not found: the chart renders nothing"));
  }

  /** {@code files}: path inside the chart → text, every one under templates/ and part of the chart. */
  private static List<LintFinding> checkFiles(SortedMap<String, String> files, java.util.function.Function<String, String> display) {
    List<LintFinding> findings = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      String relative = file.getKey();
      String name = relative.substring(relative.lastIndexOf('/') + 1);
      if (!name.startsWith("_") && !name.equals("NOTES.txt") && !name.matches(".*\\.(yaml|yml|json)")) {
        findings.add(LintFinding.warning(display.apply(relative), 0,
            "neither rendered (.yaml, .yml, .json) nor a macro file (name starting with _): it is ignored"));
      }
      goTemplateSyntax(file.getValue(), display.apply(relative), findings);
    }
    return findings;
  }

  private static Predicate<String> helmKeeps(Path chartDir) {
    try {
      Set<String> kept = Set.copyOf(ChartFiles.of(chartDir).withoutIgnored(chartDir.toString()).list());
      return kept::contains;
    } catch (CapstanException e) {
      return path -> true; // loading the chart reports the bad .helmignore (or symlink) as a finding
    }
  }

  private static void goTemplateSyntax(String text, String path, List<LintFinding> findings) {
    Matcher m = GO_TEMPLATE.matcher(text);
    if (m.find()) {
      int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      String field = m.group(1).substring(1);
      findings.add(LintFinding.warning(path, line, "Go template syntax \"" + m.group(1) + "\": Capstan templates"
          + " are Pebble and say " + Character.toLowerCase(field.charAt(0)) + field.substring(1)
          + ".x (see docs/chart-format.md)"));
    }
  }
}
