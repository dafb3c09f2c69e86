package dev.capstan.chart.render;

import dev.capstan.chart.Mappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rendered streams as (source, parsed object) pairs, so Capstan's and Helm's compare object by object. */
record HelmStreamDocs(String source, Object object) {
  /** Capstan's render in output order. */
  static List<HelmStreamDocs> of(RenderResult result) {
    return result.manifests().stream().map(m -> new HelmStreamDocs(m.source(), (Object) m.object())).toList();
  }

  /** A golden of {@code helm template}'s output, in Helm's order; comment-only documents are left out. */
  static List<HelmStreamDocs> helm(Path golden) throws IOException {
    List<HelmStreamDocs> docs = new ArrayList<>();
    for (String chunk : Files.readString(golden).split("(?m)^---\n")) {
      if (chunk.isBlank()) {
        continue;
      }
      String source = chunk.lines().findFirst().orElseThrow().replace("# Source: ", "");
      Object object = Mappers.readYaml(chunk);
      if (object instanceof Map<?, ?>) {
        docs.add(new HelmStreamDocs(source, object));
      }
    }
    return docs;
  }
}
