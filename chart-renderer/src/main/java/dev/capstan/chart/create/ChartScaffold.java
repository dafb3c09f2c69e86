package dev.capstan.chart.create;

import dev.capstan.chart.source.ChartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code capstan create}: writes a new application chart that renders and lints clean, the
 * starting point {@code helm create} gives Helm users, written in Capstan's Pebble templates.
 */
public final class ChartScaffold {
  /** Where the scaffold lives on the classpath; {@code <CHARTNAME>} in it becomes the chart name. */
  private static final String ROOT = "scaffold/";
  private static final String PLACEHOLDER = "<CHARTNAME>";
  /** The files of the scaffold, in the order they are written. */
  static final List<String> FILES = List.of(
      "Chart.yaml",
      "values.yaml",
      "values.schema.json",
      "templates/_helpers.tpl",
      "templates/deployment.yaml",
      "templates/service.yaml",
      "templates/serviceaccount.yaml",
      "templates/ingress.yaml",
      "templates/hpa.yaml",
      "templates/NOTES.txt");
  /**
   * A chart name becomes part of object names and label values, so it must be a lowercase DNS
   * label (Helm's own rule, minus the uppercase it only warns about).
   */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_NAME = 53;

  /**
   * Creates {@code parentDir/name} with the scaffold chart. Refuses a bad name and a folder that
   * already exists, so nothing a user wrote is ever overwritten.
   */
  public void create(Path parentDir, String name) {
    if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME) {
      throw new ChartException(String.valueOf(name),
          "chart name must be lowercase letters, digits and '-', start and end with a letter or digit,"
              + " and be at most " + MAX_NAME + " characters");
    }
    Path chartDir = parentDir.resolve(name);
    if (Files.exists(chartDir)) {
      throw new ChartException(chartDir.toString(), "already exists; choose another name or remove it first");
    }
    try {
      for (String file : FILES) {
        Path target = chartDir.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, resource(file).replace(PLACEHOLDER, name), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new ChartException(chartDir.toString(), "cannot write the chart: " + e.getMessage(), e);
    }
  }

  private static String resource(String file) {
    try (InputStream in = ChartScaffold.class.getResourceAsStream(ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("scaffold file " + file + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
