package dev.capstan.chart.lint;

import java.util.List;

/** A problem with one rendered object, at a field path (names and list indexes) inside it. */
record ObjectFinding(Severity severity, List<Object> path, String message) {
  ObjectFinding {
    path = List.copyOf(path);
  }

  static ObjectFinding of(SchemaViolation violation) {
    return new ObjectFinding(Severity.ERROR, violation.path(), violation.toString());
  }
}
