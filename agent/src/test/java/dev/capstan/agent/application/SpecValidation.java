package dev.capstan.agent.application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** An Application file as a user writes it (spec lines under a fixed name and namespace), loaded and validated. */
abstract class SpecValidation {
  @TempDir
  Path tmp;

  Application load(String spec) throws Exception {
    Path file = Files.writeString(tmp.resolve("app.yaml"), """
        apiVersion: capstan.dev/v1alpha1
        kind: Application
        metadata: {name: web}
        spec:
          destination: {namespace: web}
        """ + spec.indent(2));
    return ApplicationFiles.load(file).get(0).application();
  }

  List<String> violations(String spec) throws Exception {
    return new ApplicationValidator(AgentPolicy.permissive()).validate(load(spec)).stream().map(Violation::toString).toList();
  }
}
