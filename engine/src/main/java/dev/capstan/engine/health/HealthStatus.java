package dev.capstan.engine.health;

/** Ordered from best to worst, so the health of a release is the worst of its objects. */
public enum HealthStatus {
  HEALTHY,
  SUSPENDED,
  PROGRESSING,
  MISSING,
  DEGRADED;

  public boolean isWorseThan(HealthStatus other) {
    return compareTo(other) > 0;
  }

  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
