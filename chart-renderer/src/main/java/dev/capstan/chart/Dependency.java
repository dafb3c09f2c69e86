package dev.capstan.chart;

import java.util.List;

/**
 * One entry of Chart.yaml's {@code dependencies}. {@code repository} is {@code file://<path>}
 * (relative to the chart) or empty, meaning the chart lives in {@code charts/<name>}.
 */
public record Dependency(String name, String alias, String condition, List<String> tags, String repository) {
  public Dependency {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** The name the parent uses for this dependency: its alias if it has one, else its name. */
  public String scopeName() {
    return alias == null || alias.isEmpty() ? name : alias;
  }
}
