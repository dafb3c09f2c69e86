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
 * {@code valuesFiles} read from the chart folder at the fetched commit (or, for {@code $name/path},
 * from the named source at its commit), then {@code valuesFrom} documents, then the inline
 * {@code values}, which Flux and Argo CD users expect to win over files.
 */
final class AppValues {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code path} of the named source {@code name} at the commit this pass fetched. */
  @FunctionalInterface
  interface ReferenceFiles {
    byte[] read(Application app, AppInputs inputs, String name, String path);
  }

  private final Application app;
  private final ChartFiles files;
  private final ReferenceFiles references;
  private final AppInputs inputs;

  AppValues(Application app, ChartFiles files, ReferenceFiles references, AppInputs inputs) {
    this.app = app;
    this.files = files;
    this.references = references;
    this.inputs = inputs;
  }

  List<ValuesDocument> documents() {
    Source source = app.getSpec().deployedSource();
    String folder = source.path() == null || source.path().isBlank() ? "" : source.path() + "/";
    List<ValuesDocument> out = new ArrayList<>();
    for (String file : source.valuesFilesOrEmpty()) {
      if (file.startsWith("$")) {
        int slash = file.indexOf('/');
        String name = file.substring(1, slash);
        out.add(new ValuesDocument(file, text(references.read(app, inputs, name, file.substring(slash + 1)))));
        continue;
      }
      if (!files.exists(file)) {
        throw new ChartException(folder + file, "values file named in spec.source.valuesFiles is not in the chart folder");
      }
      out.add(new ValuesDocument(folder + file, text(files.read(file))));
    }
    out.addAll(inputs.valuesFrom());
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

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
