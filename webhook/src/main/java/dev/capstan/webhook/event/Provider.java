package dev.capstan.webhook.event;

import java.util.Arrays;
import java.util.Optional;

/** The Git hosts Capstan accepts webhooks from; {@link #path()} is the endpoint under {@code /hooks/}. */
public enum Provider {
  GITHUB("github"),
  GITLAB("gitlab"),
  /** Gitea, and its forks Forgejo and Gogs, which send the same payloads under their own headers. */
  GITEA("gitea"),
  /** Bitbucket Cloud. */
  BITBUCKET("bitbucket"),
  /** Any sender that signs a Capstan-shaped payload with {@code X-Capstan-Signature}. */
  GENERIC("generic");

  private final String path;

  Provider(String path) {
    this.path = path;
  }

  /** The last path segment of the provider's endpoint, and its name in configuration. */
  public String path() {
    return path;
  }

  public static Optional<Provider> fromPath(String segment) {
    return Arrays.stream(values()).filter(p -> p.path.equals(segment)).findFirst();
  }
}
