package dev.capstan.engine.testing;

import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Desired states written as YAML documents, as a renderer would produce them. */
public final class Releases {
  private Releases() {}

  /** A release whose objects are the {@code ---}-separated YAML documents given. */
  public static DesiredState release(String name, String namespace, String yamlDocuments) {
    return release(name, namespace, Map.of(), yamlDocuments);
  }

  public static DesiredState release(String name, String namespace, Map<String, Object> values, String yamlDocuments) {
    List<DesiredObject> objects = new ArrayList<>();
    int i = 0;
    for (String document : yamlDocuments.split("(?m)^---\\s*$")) {
      if (!document.isBlank()) {
        objects.add(new DesiredObject(name + "/templates/doc" + (i++) + ".yaml", Fixtures.yaml(document)));
      }
    }
    return new DesiredState(name, namespace, name, "1.0.0", values, objects, "", null);
  }

  public static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  value: \"" + value + "\"\n---\n";
  }
}
