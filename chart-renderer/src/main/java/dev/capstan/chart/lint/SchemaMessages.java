package dev.capstan.chart.lint;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/** Turns a JSON Schema message into the words {@code kubectl} users know, with a dotted path. */
final class SchemaMessages {
  private SchemaMessages() {}

  static String describe(ValidationMessage m) {
    String path = path(m.getInstanceLocation());
    switch (m.getType()) {
      case "additionalProperties":
        return join(path, m.getProperty()) + ": unknown field \"" + m.getProperty() + "\"";
      case "required":
        return join(path, m.getProperty()) + ": required field \"" + m.getProperty() + "\" is missing";
      case "type":
        return (path.isEmpty() ? "(object)" : path) + ": " + m.getArguments()[0] + " found, "
            + expected(String.valueOf(m.getArguments()[1])) + " expected";
      default:
        return (path.isEmpty() ? "(object)" : path) + ": " + m.getError();
    }
  }

  /** {@code spec.containers[0].name}, as kubectl prints field paths; the root is the empty string. */
  static String path(JsonNodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(element);
      }
    }
    return path.toString();
  }

  /** {@code [integer, string]} (an int-or-string field) reads better as {@code integer or string}. */
  private static String expected(String types) {
    return types.startsWith("[") ? types.substring(1, types.length() - 1).replace(", ", " or ") : types;
  }

  private static String join(String path, String property) {
    return path.isEmpty() ? property : path + "." + property;
  }
}
