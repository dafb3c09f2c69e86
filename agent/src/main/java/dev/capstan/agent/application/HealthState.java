package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An application's health as its status reports it: the labels of the engine's release health plus
 * {@link #UNKNOWN} before anything was observed. Serialised as the label ({@code Healthy}); a label
 * this agent does not know reads as {@link #UNKNOWN}.
 */
public enum HealthState implements WireLabel {
  HEALTHY,
  PROGRESSING,
  DEGRADED,
  SUSPENDED,
  MISSING,
  UNKNOWN;

  @JsonCreator
  public static HealthState of(String label) {
    return WireLabel.parse(HealthState.class, label, UNKNOWN);
  }

  @Override
  public String toString() {
    return label();
  }
}
