package dev.capstan.commitstatus;

import java.net.URI;
import java.util.Objects;

/**
 * What to show on a commit: its state, a short description, a link to details, and a context
 * naming the check (one per application, e.g. {@code capstan/shop-web}), so statuses of different
 * applications deployed from one commit do not overwrite each other.
 *
 * @param targetUrl where "Details" leads; may be null for hosts that do not require it (Bitbucket does)
 */
public record CommitStatus(String commit, CommitState state, String description, URI targetUrl, String context) {
  /** GitHub refuses longer descriptions; the others display about as much. */
  public static final int MAX_DESCRIPTION = 140;

  public CommitStatus {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(context, "context");
    description = description == null ? "" : description;
    if (description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
  }
}
