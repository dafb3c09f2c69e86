package dev.capstan.agent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.status.EventRecorder;
import dev.capstan.agent.status.StatusSink;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityFeedTest {
  private final ActivityFeed feed = new ActivityFeed(Clock.systemUTC());
  private final EventRecorder events = new FeedingRecorder(EventRecorder.none(), feed);
  private final StatusSink sink = new FeedingSink(StatusSink.inMemory(), feed);

  private static Application app(String name) {
    Application app = new Application();
    app.setMetadata(new ObjectMetaBuilder().withName(name).build());
    return app;
  }

  @Test
  void aSyncRunsFromItsSyncingEventToItsResult() {
    Application web = app("web");
    assertThat(feed.syncing("web")).isFalse();
    events.normal(web, "Syncing", "applying 1a2b3c4 (Scale)");
    assertThat(feed.syncing("web")).isTrue();
    assertThat(feed.syncing("api")).isFalse();
    events.warning(web, "SyncFailed", "Deployment/shop/web: field is immutable");
    assertThat(feed.syncing("web")).isFalse();

    events.normal(web, "Syncing", "applying 1a2b3c4 (Scale)");
    sink.publish(web, null);
    assertThat(feed.syncing("web")).as("a new status ends it too").isFalse();
  }

  @Test
  void keepsTheLastTwentyEventsNewestFirst() {
    Application web = app("web");
    for (int i = 1; i <= 25; i++) {
      events.normal(web, "Synced", "revision " + i);
    }
    List<FeedEvent> kept = feed.events("web");
    assertThat(kept).hasSize(20);
    assertThat(kept.get(0).message()).isEqualTo("revision 25");
    assertThat(kept.get(19).message()).isEqualTo("revision 6");
    assertThat(kept.get(0).type()).isEqualTo(FeedEvent.Type.Normal);
    assertThat(feed.events("api")).isEmpty();
  }

  @Test
  void subscribersHearEveryChangeUntilTheyLeave() {
    List<String> heard = new ArrayList<>();
    Runnable leave = feed.subscribe(heard::add);
    events.normal(app("web"), "Syncing", "applying");
    sink.publish(app("api"), null);
    sink.released(app("old"));
    assertThat(heard).containsExactly("web", "api", "old");
    leave.run();
    events.normal(app("web"), "Synced", "done");
    assertThat(heard).hasSize(3);
    assertThat(feed.subscribers()).isZero();
  }
}
