package dev.capstan.chart.lint;

import java.util.List;

/**
 * One way an object breaks its Kubernetes schema. {@code path} holds the field names (Strings)
 * and list indexes (Integers) leading to the field the problem is about, so lint can find the line
 * that wrote it; {@link #toString()} is the dotted form kubectl users read.
 */
public record SchemaViolation(List<Object> path, String message) {
  public SchemaViolation {
    path = List.copyOf(path);
  }

  /** {@code spec.template.spec.containers[0].name}; empty for the object itself. */
  public String dottedPath() {
    StringBuilder out = new StringBuilder();
    for (Object element : path) {
      if (element instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(element);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    String where = dottedPath();
    return (where.isEmpty() ? "(object)" : where) + ": " + message;
  }
}
