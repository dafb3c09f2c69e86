package dev.capstan.agent.preview;

import dev.capstan.webhook.event.PullRequestEvent;
import java.util.List;

/** Where a pull request's previews are shown: a comment and commit statuses on the Git host. Never blocks a preview worker. */
public interface PreviewPublisher {
  /** Shows the previews of {@code headCommit}; returns at once. */
  void publish(PullRequestEvent pr, String headCommit, List<AppPreview> previews);

  /** The pull request was closed: forget what is kept for it. */
  void closed(PullRequestEvent pr);

  static PreviewPublisher none() {
    return new PreviewPublisher() {
      @Override
      public void publish(PullRequestEvent pr, String headCommit, List<AppPreview> previews) {}

      @Override
      public void closed(PullRequestEvent pr) {}
    };
  }
}
