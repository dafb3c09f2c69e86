package dev.capstan.engine.health;

import java.util.List;

/** A snapshot while waiting: how many objects are healthy and what holds up the rest. */
public record WaitProgress(int healthy, int total, List<Holdup> holdups) {
  /** One line for a terminal: {@code 2/3 healthy; Deployment web: 1/3 replicas available}. */
  public String line() {
    return healthy + "/" + total + " healthy" + (holdups.isEmpty() ? "" : "; " + holdups.get(0));
  }
}
