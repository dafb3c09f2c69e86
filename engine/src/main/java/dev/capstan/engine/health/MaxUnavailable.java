package dev.capstan.engine.health;

/** Resolves a rolling update's {@code maxUnavailable} (int or percentage, default 25%) to a count. */
final class MaxUnavailable {
  private MaxUnavailable() {}

  static long resolve(Object raw, long replicas, String strategyType) {
    if ("Recreate".equals(strategyType)) {
      return 0;
    }
    Object value = raw == null ? "25%" : raw;
    if (value instanceof Number n) {
      return Math.min(n.longValue(), replicas);
    }
    String text = String.valueOf(value).strip();
    if (text.endsWith("%")) {
      try {
        return (long) Math.floor(replicas * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    try {
      return Math.min(Long.parseLong(text), replicas);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
