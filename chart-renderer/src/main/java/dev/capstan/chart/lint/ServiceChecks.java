package dev.capstan.chart.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks across objects that the API server accepts but that leave a Service without traffic: a
 * selector that matches none of the pods the chart renders, and a named {@code targetPort} that
 * none of the selected pods' containers declare. Both are warnings: the pods may come from
 * elsewhere.
 */
final class ServiceChecks {
  private static final List<List<Object>> POD_TEMPLATES = List.of(
      List.of("spec", "template"), List.of("spec", "jobTemplate", "spec", "template"));

  private ServiceChecks() {}

  /** {@code pods}: the metadata+spec of every pod template the chart renders. */
  static List<ObjectFinding> check(Map<String, Object> service, List<Map<?, ?>> pods) {
    if (!"Service".equals(service.get("kind")) || !(Fields.at(service, List.of("spec", "selector")) instanceof Map<?, ?> selector)
        || selector.isEmpty()) {
      return List.of();
    }
    List<Map<?, ?>> selected = pods.stream().filter(pod -> matches(selector, Fields.at(pod, List.of("metadata", "labels")))).toList();
    if (selected.isEmpty()) {
      return List.of(new ObjectFinding(Severity.WARNING, List.of("spec", "selector"),
          "spec.selector: selects none of the pods this chart renders"));
    }
    List<ObjectFinding> findings = new ArrayList<>();
    if (Fields.at(service, List.of("spec", "ports")) instanceof List<?> ports) {
      for (int i = 0; i < ports.size(); i++) {
        if (Fields.at(ports.get(i), List.of("targetPort")) instanceof String name && !declared(name, selected)) {
          findings.add(new ObjectFinding(Severity.WARNING, List.of("spec", "ports", i, "targetPort"),
              "spec.ports[" + i + "].targetPort: no container of the selected pods has a port named \"" + name + "\""));
        }
      }
    }
    return findings;
  }

  /** The pod templates (metadata + spec) of the workloads among {@code objects}. */
  static List<Map<?, ?>> podTemplates(List<Map<String, Object>> objects) {
    List<Map<?, ?>> pods = new ArrayList<>();
    for (Map<String, Object> object : objects) {
      if ("Pod".equals(object.get("kind"))) {
        pods.add(object);
      }
      for (List<Object> path : POD_TEMPLATES) {
        if (Fields.at(object, path) instanceof Map<?, ?> template) {
          pods.add(template);
        }
      }
    }
    return pods;
  }

  private static boolean matches(Map<?, ?> selector, Object labels) {
    return labels instanceof Map<?, ?> map && selector.entrySet().stream()
        .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(map.get(e.getKey()))));
  }

  private static boolean declared(String portName, List<Map<?, ?>> pods) {
    for (Map<?, ?> pod : pods) {
      if (Fields.at(pod, List.of("spec", "containers")) instanceof List<?> containers) {
        for (Object container : containers) {
          if (Fields.at(container, List.of("ports")) instanceof List<?> ports
              && ports.stream().anyMatch(p -> portName.equals(Fields.at(p, List.of("name"))))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
