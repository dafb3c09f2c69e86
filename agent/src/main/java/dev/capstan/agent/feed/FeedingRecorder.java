package dev.capstan.agent.feed;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.status.EventRecorder;

/** Records every Event in the {@link ActivityFeed} as well as wherever the agent posts it. */
public final class FeedingRecorder implements EventRecorder {
  private final EventRecorder delegate;
  private final ActivityFeed feed;

  public FeedingRecorder(EventRecorder delegate, ActivityFeed feed) {
    this.delegate = delegate;
    this.feed = feed;
  }

  @Override
  public void normal(Application app, String reason, String message) {
    delegate.normal(app, reason, message);
    feed.event(app.getMetadata().getName(), FeedEvent.Type.Normal, reason, message);
  }

  @Override
  public void warning(Application app, String reason, String message) {
    delegate.warning(app, reason, message);
    feed.event(app.getMetadata().getName(), FeedEvent.Type.Warning, reason, message);
  }
}
