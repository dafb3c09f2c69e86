package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether the live state matches Git, in Argo CD's words. Serialised as the label ({@code Synced}),
 * which is what the status has always carried; a label this agent does not know reads as
 * {@link #UNKNOWN}, so a status written by another version never fails to load.
 */
public enum SyncState {
  SYNCED("Synced"),
  OUT_OF_SYNC("OutOfSync"),
  UNKNOWN("Unknown");

  private final String label;

  SyncState(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static SyncState of(String label) {
    for (SyncState s : values()) {
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
