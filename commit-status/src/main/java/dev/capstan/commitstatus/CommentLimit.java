package dev.capstan.commitstatus;

import dev.capstan.webhook.event.Provider;

/**
 * The longest comment body each host takes, in characters. GitHub refuses bodies over 65,536; GitLab
 * notes are limited to 1,000,000. Gitea documents no limit, and Bitbucket Cloud documents none for
 * its comments API; Capstan keeps Gitea to GitHub's limit and Bitbucket to 32,768, as other tools
 * that post to it do, so a comment stays readable and is never refused.
 */
public final class CommentLimit {
  private CommentLimit() {}

  public static int of(Provider provider) {
    return switch (provider) {
      case GITHUB, GITEA -> 65_536;
      case GITLAB -> 1_000_000;
      case BITBUCKET -> 32_768;
      case GENERIC -> throw new IllegalArgumentException("the generic provider has no comments API");
    };
  }
}
