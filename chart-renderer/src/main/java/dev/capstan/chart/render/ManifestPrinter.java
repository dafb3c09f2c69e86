package dev.capstan.chart.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints a render the way {@code helm template} does: a multi-document YAML stream, each document
 * preceded by {@code ---} and {@code # Source: <chart>/templates/<file>}. NOTES.txt follows as a
 * last document made only of comments, so the stream stays valid input for {@code kubectl apply}.
 */
public final class ManifestPrinter {
  private ManifestPrinter() {}

  public static String print(RenderResult result) {
    StringBuilder out = new StringBuilder();
    for (RenderedManifest m : result.manifests()) {
      out.append(document(m));
    }
    if (!result.notes().isBlank()) {
      out.append("---\n# Source: ").append(result.chart().name()).append("/templates/NOTES.txt\n");
      result.notes().lines().forEach(line -> out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
    }
    return out.toString();
  }

  private static String document(RenderedManifest m) {
    return "---\n# Source: " + m.source() + "\n" + m.yaml() + "\n";
  }

  /**
   * {@code --output-dir}: writes each template's documents to {@code dir/<source>} (subcharts under
   * {@code dir/<chart>/charts/...}), replacing files from an earlier run. Returns the files written.
   */
  public static List<Path> writeTo(Path dir, RenderResult result) {
    Set<Path> written = new LinkedHashSet<>();
    try {
      for (RenderedManifest m : result.manifests()) {
        Path file = dir.resolve(m.source()).normalize();
        if (!file.startsWith(dir.normalize())) {
          throw new IllegalStateException("source path escapes the output directory: " + m.source());
        }
        Files.createDirectories(file.getParent());
        byte[] bytes = document(m).getBytes(StandardCharsets.UTF_8);
        if (written.add(file)) {
          Files.write(file, bytes);
        } else {
          Files.write(file, bytes, StandardOpenOption.APPEND);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
    }
    return new ArrayList<>(written);
  }
}
