package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Whether the live state matches Git, in Argo CD's words. Serialised as the label ({@code Synced},
 * {@code OutOfSync}), which is what the status has always carried; a label this agent does not know
 * reads as {@link #UNKNOWN}, so a status written by another version never fails to load.
 */
public enum SyncState implements WireLabel {
  SYNCED,
  OUT_OF_SYNC,
  UNKNOWN;

  @JsonCreator
  public static SyncState of(String label) {
    return WireLabel.parse(SyncState.class, label, UNKNOWN);
  }

  @Override
  public String toString() {
    return label();
  }
}
