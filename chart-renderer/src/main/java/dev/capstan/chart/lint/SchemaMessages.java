package dev.capstan.chart.lint;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;

/** Turns a JSON Schema message into the words kubectl users know, at the field it is about. */
final class SchemaMessages {
  private SchemaMessages() {}

  static SchemaViolation describe(ValidationMessage m) {
    List<Object> path = elements(m.getInstanceLocation());
    switch (m.getType()) {
      case "additionalProperties":
        path.add(m.getProperty());
        return new SchemaViolation(path, "unknown field \"" + m.getProperty() + "\"");
      case "required":
        path.add(m.getProperty());
        return new SchemaViolation(path, "required field \"" + m.getProperty() + "\" is missing");
      case "type":
        return new SchemaViolation(path, m.getArguments()[0] + " found, "
            + expected(String.valueOf(m.getArguments()[1])) + " expected");
      default:
        return new SchemaViolation(path, m.getError());
    }
  }

  private static List<Object> elements(JsonNodePath location) {
    List<Object> path = new ArrayList<>();
    for (int i = 0; i < location.getNameCount(); i++) {
      path.add(location.getElement(i));
    }
    return path;
  }

  /** {@code [integer, string]} (an int-or-string field) reads better as {@code integer or string}. */
  private static String expected(String types) {
    return types.startsWith("[") ? types.substring(1, types.length() - 1).replace(", ", " or ") : types;
  }
}
