package dev.capstan.agent.feed;

import dev.capstan.agent.application.Application;
import java.util.List;

/** Where the dashboard reads an Application's recent events from: newest first, at most {@link #KEPT}. */
public interface RecentEvents {
  int KEPT = ActivityFeed.KEPT;

  List<FeedEvent> of(Application app);
}
