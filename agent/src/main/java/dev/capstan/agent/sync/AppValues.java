package dev.capstan.agent.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.Source;
import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.chart.values.ValuesDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The user values of an Application, lowest first, as {@code helm -f} layers: each of
 * {@code valuesFiles} read from the chart folder at the fetched commit, then the inline
 * {@code values}, which Flux and Argo CD users expect to win over files.
 */
final class AppValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AppValues() {}

  static List<ValuesDocument> of(Application app, ChartFiles files) {
    Source source = app.getSpec().source();
    String folder = source.path() == null || source.path().isBlank() ? "" : source.path() + "/";
    List<ValuesDocument> out = new ArrayList<>();
    for (String file : source.valuesFilesOrEmpty()) {
      if (!files.exists(file)) {
        throw new ChartException(folder + file, "values file named in spec.source.valuesFiles is not in the chart folder");
      }
      out.add(new ValuesDocument(folder + file, new String(files.read(file), StandardCharsets.UTF_8)));
    }
    if (!source.valuesOrEmpty().isEmpty()) {
      try {
        out.add(new ValuesDocument("Application/" + app.getMetadata().getName() + " spec.source.values",
            JSON.writeValueAsString(source.values())));
      } catch (JsonProcessingException e) {
        throw new ChartException("spec.source.values", "cannot be written as JSON: " + e.getOriginalMessage());
      }
    }
    return out;
  }
}
