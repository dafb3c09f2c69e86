package dev.capstan.agent.dashboard;

import dev.capstan.agent.AgentOperations;
import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncState;
import dev.capstan.agent.feed.ActivityFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the dashboard's overview on the server: counts per status over every application, and one
 * page of the rows that match the filters, what is broken first. The browser renders a page, never
 * the whole fleet, so a thousand applications cost the browser no more than two hundred.
 */
public final class Overview {
  private final AgentOperations agent;
  private final ActivityFeed feed;
  private final Clock clock;

  public Overview(AgentOperations agent, ActivityFeed feed, Clock clock) {
    this.agent = agent;
    this.feed = feed;
    this.clock = clock;
  }

  /** Counts per sync and health status over all applications, and the matching rows. */
  public record Page(int total, int matched, Map<SyncState, Integer> sync, Map<HealthState, Integer> health, int syncing,
      List<AppRow> rows) {}

  public Page page(OverviewQuery query) {
    Instant now = clock.instant();
    List<AppRow> all = agent.applications().stream().map(a -> AppRow.of(a, feed.syncing(a.getMetadata().getName()), now)).toList();
    Map<SyncState, Integer> sync = new EnumMap<>(SyncState.class);
    Map<HealthState, Integer> health = new EnumMap<>(HealthState.class);
    int syncing = 0;
    for (AppRow row : all) {
      sync.merge(row.sync(), 1, Integer::sum);
      health.merge(row.health(), 1, Integer::sum);
      syncing += row.syncing() ? 1 : 0;
    }
    List<AppRow> matched = all.stream().filter(query::matches)
        .sorted(Comparator.comparingInt(AppRow::urgency).thenComparing(AppRow::name)).toList();
    List<AppRow> rows = matched.stream().skip(query.offset()).limit(query.limit()).toList();
    return new Page(all.size(), matched.size(), sync, health, syncing, rows);
  }

  /** One application's row, as the event stream sends it when the application changes. */
  public Optional<AppRow> row(String name) {
    return agent.application(name).map(a -> AppRow.of(a, feed.syncing(name), clock.instant()));
  }
}
