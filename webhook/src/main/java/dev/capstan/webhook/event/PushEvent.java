package dev.capstan.webhook.event;

import java.util.Objects;

/**
 * "Repository X, ref Y is now at commit Z, these paths changed": what every provider's push or tag
 * event becomes once verified. A deleted branch or tag has {@link #commit()} equal to
 * {@link #ZERO_SHA}, as all the hosts send it.
 *
 * @param repository the repository, normalised so any clone URL of it matches
 * @param ref the full ref, {@code refs/heads/main} or {@code refs/tags/v1.2.0}
 * @param commit the new commit SHA, or {@link #ZERO_SHA} when the ref was deleted
 * @param changedPaths files the push touched, when the payload lists them
 * @param provider which host sent it
 * @param deliveryId the host's id for this delivery, used to recognise replays ("" if it sent none)
 */
public record PushEvent(
    RepoId repository, String ref, String commit, ChangedPaths changedPaths, Provider provider, String deliveryId) {
  public static final String ZERO_SHA = "0000000000000000000000000000000000000000";

  public PushEvent {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(changedPaths, "changedPaths");
    Objects.requireNonNull(provider, "provider");
    deliveryId = deliveryId == null ? "" : deliveryId;
  }

  public boolean isTag() {
    return ref.startsWith("refs/tags/");
  }

  public boolean isBranch() {
    return ref.startsWith("refs/heads/");
  }

  /** The ref was deleted; there is no commit to deploy. */
  public boolean isDeletion() {
    return commit.chars().allMatch(c -> c == '0');
  }

  /** The short name: {@code main} for {@code refs/heads/main}, {@code v1.2.0} for {@code refs/tags/v1.2.0}. */
  public String shortRef() {
    if (isBranch()) {
      return ref.substring("refs/heads/".length());
    }
    return isTag() ? ref.substring("refs/tags/".length()) : ref;
  }

  /** The same push carrying the paths of earlier pushes it superseded, so coalescing loses no change. */
  public PushEvent withChangedPaths(ChangedPaths paths) {
    return new PushEvent(repository, ref, commit, paths, provider, deliveryId);
  }
}
