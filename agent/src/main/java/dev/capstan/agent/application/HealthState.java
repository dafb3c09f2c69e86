package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An application's health as its status reports it: the labels of the engine's release health plus
 * {@link #UNKNOWN} before anything was observed. Serialised as the label ({@code Healthy}); a label
 * this agent does not know reads as {@link #UNKNOWN}.
 */
public enum HealthState {
  HEALTHY("Healthy"),
  PROGRESSING("Progressing"),
  DEGRADED("Degraded"),
  SUSPENDED("Suspended"),
  MISSING("Missing"),
  UNKNOWN("Unknown");

  private final String label;

  HealthState(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static HealthState of(String label) {
    for (HealthState s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    return UNKNOWN;
  }

  @Override
  public String toString() {
    return label;
  }
}
