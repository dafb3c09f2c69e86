package dev.capstan.engine.history;

import java.util.Locale;

/** Where a revision stands. Stored and printed in lower case ({@code rolled-back}). */
public enum RevisionStatus {
  /** Being applied; left behind when the process died half-way. */
  PENDING,
  /** The revision currently live. */
  DEPLOYED,
  /** Applying it failed and nothing restored the previous one. */
  FAILED,
  /** Was deployed, replaced by a later revision. */
  SUPERSEDED,
  /** Failed and was undone by {@code --atomic}: the previous revision is live again. */
  ROLLED_BACK;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static RevisionStatus fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
