package dev.capstan.chart.lint;

import dev.capstan.core.CapstanException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the places the renderer names ({@code mychart/templates/web.yaml:14}, with the chart's
 * name first) into paths as the user gave the chart directory ({@code charts/web/templates/web.yaml}),
 * so an editor or terminal can open them.
 */
final class ChartPlaces {
  /** {@code path:line} or {@code path:line:column} at the end of an exception's place. */
  private static final Pattern LINE_SUFFIX = Pattern.compile("(.*?):(\\d+)(?::\\d+)?");

  private final String root;
  private final java.util.Set<String> chartNames;
  private final Function<String, String> reader;

  /**
   * {@code root}: the chart's folder as printed; {@code chartNames}: the names the renderer may put
   * first (the folder's and Chart.yaml's); {@code reader}: the text of a file inside the chart, or
   * null when there is no such file.
   */
  ChartPlaces(String root, java.util.Set<String> chartNames, Function<String, String> reader) {
    this.root = root;
    this.chartNames = chartNames;
    this.reader = reader;
  }

  /** The places of a chart folder on disk, whose files are read only when they really lie in it. */
  static ChartPlaces onDisk(Path chartDir, java.util.Set<String> chartNames) {
    return new ChartPlaces(chartDir.toString(), chartNames, inChart -> {
      Path file = chartDir.resolve(inChart).normalize();
      if (!insideChart(chartDir, file)) {
        return null;
      }
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return null;
      }
    });
  }

  private boolean startsWithChartName(String path) {
    int slash = path.indexOf('/');
    return slash > 0 && chartNames.contains(path.substring(0, slash));
  }

  /** A path inside the chart ({@code templates/web.yaml}) as printed. */
  String file(String inChart) {
    return Path.of(root).resolve(inChart).normalize().toString();
  }

  /** A renderer source ({@code <chart>/templates/web.yaml}) as printed. */
  String renderedFile(String source) {
    int slash = source.indexOf('/');
    return slash < 0 ? source : file(source.substring(slash + 1));
  }

  /** The text of a renderer source, or null when it is not a file of this chart. */
  String readIfPresent(String source) {
    int slash = source.indexOf('/');
    return slash < 0 ? null : reader.apply(source.substring(slash + 1));
  }

  /**
   * Whether {@code file} is a regular file that really lies in the chart, following symlinks: lint
   * reads chart files itself and must not be steered outside the chart, as the renderer is not.
   */
  static boolean insideChart(Path chartDir, Path file) {
    try {
      return Files.isRegularFile(file) && file.toRealPath().startsWith(chartDir.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A render, values or chart error as a finding at its file and line. The place comes from the
   * exception's own {@code where} field; places outside the chart (a values file, a flag) stay as
   * they are.
   */
  LintFinding finding(CapstanException e) {
    String where = e.where();
    String message = e.getMessage();
    if (!where.isEmpty() && message.startsWith(where + ": ")) {
      message = message.substring(where.length() + 2);
    }
    String path = where;
    int line = 0;
    Matcher m = LINE_SUFFIX.matcher(where);
    if (m.matches()) {
      path = m.group(1);
      line = Integer.parseInt(m.group(2));
    }
    if (startsWithChartName(path)) {
      path = renderedFile(path);
    }
    return LintFinding.error(path.isEmpty() ? root : path, line, message.strip());
  }
}
