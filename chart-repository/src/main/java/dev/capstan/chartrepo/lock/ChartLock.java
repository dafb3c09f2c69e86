package dev.capstan.chartrepo.lock;

import java.util.List;

/**
 * {@code Chart.lock}, as Helm writes it: each dependency's name, repository and resolved version, the
 * digest of Chart.yaml's {@code dependencies} together with those versions ({@link LockDigest}), and
 * when it was generated. {@code helm dependency build} refuses a lock whose digest does not match
 * Chart.yaml; so does {@code capstan dependency build}.
 */
public record ChartLock(List<Locked> dependencies, String digest, String generated) {
  /** One locked dependency. */
  public record Locked(String name, String repository, String version) {}

  public ChartLock {
    dependencies = List.copyOf(dependencies);
  }
}
