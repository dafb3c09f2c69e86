package dev.capstan.agent.application;

/** One reason an Application spec is refused: the field path and what is wrong with it. */
public record Violation(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
