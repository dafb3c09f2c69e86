package dev.capstan.chart.gochart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .Capabilities.APIVersions} of a Go chart: Helm 3.17.2's default set, exactly as
 * {@code helm template} has it (group/versions only, no {@code group/version/Kind} entries;
 * helm-api-versions.txt, written by tools/gotemplate-oracle), then {@code --api-versions}.
 */
final class HelmApiVersions {
  private static final List<String> DEFAULTS = load();

  private HelmApiVersions() {}

  static List<String> with(List<String> extra) {
    List<String> all = new ArrayList<>(DEFAULTS);
    all.addAll(extra);
    return all;
  }

  private static List<String> load() {
    List<String> out = new ArrayList<>();
    try (InputStream in = HelmApiVersions.class.getResourceAsStream("helm-api-versions.txt")) {
      if (in == null) {
        throw new IllegalStateException("helm-api-versions.txt missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
