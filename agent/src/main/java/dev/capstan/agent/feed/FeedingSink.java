package dev.capstan.agent.feed;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationStatus;
import dev.capstan.agent.status.StatusSink;

/** Tells the {@link ActivityFeed} about every status the agent publishes, after the real sink has it. */
public final class FeedingSink implements StatusSink {
  private final StatusSink delegate;
  private final ActivityFeed feed;

  public FeedingSink(StatusSink delegate, ActivityFeed feed) {
    this.delegate = delegate;
    this.feed = feed;
  }

  @Override
  public void publish(Application app, ApplicationStatus status) {
    delegate.publish(app, status);
    feed.statusChanged(app.getMetadata().getName());
  }

  @Override
  public void forgotten(String name) {
    delegate.forgotten(name);
    feed.forget(name);
  }

  @Override
  public void released(Application app) {
    delegate.released(app);
    feed.forget(app.getMetadata().getName());
  }
}
