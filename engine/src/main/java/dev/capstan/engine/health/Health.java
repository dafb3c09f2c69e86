package dev.capstan.engine.health;

/** The health of one object and, unless healthy, what holds it up in words a user can act on. */
public record Health(HealthStatus status, String message) {
  public static Health healthy() {
    return new Health(HealthStatus.HEALTHY, "");
  }

  public static Health progressing(String message) {
    return new Health(HealthStatus.PROGRESSING, message);
  }

  public static Health degraded(String message) {
    return new Health(HealthStatus.DEGRADED, message);
  }

  public static Health suspended(String message) {
    return new Health(HealthStatus.SUSPENDED, message);
  }

  public static Health missing() {
    return new Health(HealthStatus.MISSING, "not found");
  }

  public boolean isHealthy() {
    return status == HealthStatus.HEALTHY;
  }
}
