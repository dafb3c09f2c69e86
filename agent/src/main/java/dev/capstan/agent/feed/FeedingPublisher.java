package dev.capstan.agent.feed;

import dev.capstan.agent.preview.AppPreview;
import dev.capstan.agent.preview.PreviewPublisher;
import dev.capstan.webhook.event.PullRequestEvent;
import java.util.List;

/**
 * Tells the {@link ActivityFeed} that the previews changed whenever they are published or a pull
 * request closes, after the real publisher has them. The preview service stores a preview before it
 * publishes it, so a subscriber that reads the store then sees the new one.
 */
public final class FeedingPublisher implements PreviewPublisher {
  private final PreviewPublisher delegate;
  private final ActivityFeed feed;

  public FeedingPublisher(PreviewPublisher delegate, ActivityFeed feed) {
    this.delegate = delegate;
    this.feed = feed;
  }

  @Override
  public void publish(PullRequestEvent pr, String headCommit, List<AppPreview> previews) {
    delegate.publish(pr, headCommit, previews);
    feed.previewsChanged();
  }

  @Override
  public void closed(PullRequestEvent pr) {
    delegate.closed(pr);
    feed.previewsChanged();
  }
}
