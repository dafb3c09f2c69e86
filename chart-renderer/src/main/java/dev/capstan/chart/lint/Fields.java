package dev.capstan.chart.lint;

import java.util.List;
import java.util.Map;

/** Reads a field of a parsed Kubernetes object by its path of names and list indexes. */
final class Fields {
  private Fields() {}

  /** The value at {@code path} under {@code root}, or null when any step is missing. */
  static Object at(Object root, List<Object> path) {
    Object node = root;
    for (Object element : path) {
      if (node instanceof Map<?, ?> map) {
        node = map.get(element);
      } else if (node instanceof List<?> list && element instanceof Integer i && i < list.size()) {
        node = list.get(i);
      } else {
        return null;
      }
    }
    return node;
  }
}
