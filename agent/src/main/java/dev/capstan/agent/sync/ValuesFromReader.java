package dev.capstan.agent.sync;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.chart.values.ValuesDocument;
import dev.capstan.core.CapstanException;
import java.util.List;

/**
 * Where {@code valuesFrom} is read: the ConfigMaps and Secrets of the Application's namespace. An
 * agent run from files has no such namespace, and refuses the field.
 */
public interface ValuesFromReader {
  /**
   * The values documents the deployed source's {@code valuesFrom} names, in order; empty when it names none.
   *
   * @throws ApplicationException when the field cannot be used here at all
   * @throws CapstanException naming the object and key when one cannot be read
   */
  List<ValuesDocument> read(Application app);

  /** For an agent run from files: any {@code valuesFrom} is an invalid spec, said once, plainly. */
  static ValuesFromReader refused() {
    return app -> {
      if (app.getSpec().deployedSource() != null && !app.getSpec().deployedSource().valuesFromOrEmpty().isEmpty()) {
        throw new ApplicationException("spec.source.valuesFrom", "reads ConfigMaps and Secrets of the Application's namespace, "
            + "which only an agent watching Application resources in the cluster has; put the values in valuesFiles or values");
      }
      return List.of();
    };
  }
}
