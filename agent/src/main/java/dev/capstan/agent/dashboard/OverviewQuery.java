package dev.capstan.agent.dashboard;

import dev.capstan.agent.application.HealthState;
import dev.capstan.agent.application.SyncState;
import java.util.Locale;
import java.util.function.Function;

/**
 * The overview's filters, all optional: a piece of the name, an exact namespace, a sync and a health
 * status, an exact cluster ({@code in-cluster} for the agent's own); and the page of rows wanted.
 */
public record OverviewQuery(String name, String namespace, SyncState sync, HealthState health, int offset, int limit, String cluster) {
  public static final int DEFAULT_LIMIT = 200;
  public static final int MAX_LIMIT = 1000;

  public OverviewQuery {
    name = blankToNull(name);
    namespace = blankToNull(namespace);
    cluster = blankToNull(cluster);
    offset = Math.max(0, offset);
    limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
  }

  /** The filters without a cluster. */
  public OverviewQuery(String name, String namespace, SyncState sync, HealthState health, int offset, int limit) {
    this(name, namespace, sync, health, offset, limit, null);
  }

  public static OverviewQuery all() {
    return new OverviewQuery(null, null, null, null, 0, DEFAULT_LIMIT);
  }

  /**
   * Reads the query from request parameters ({@code name}, {@code namespace}, {@code sync},
   * {@code health}, {@code offset}, {@code limit}, {@code cluster}); a status or number that does not parse is an
   * {@link IllegalArgumentException} naming the parameter.
   */
  public static OverviewQuery parse(Function<String, String> parameter) {
    return new OverviewQuery(parameter.apply("name"), parameter.apply("namespace"),
        status(parameter, "sync", SyncState.values()), status(parameter, "health", HealthState.values()),
        number(parameter, "offset"), number(parameter, "limit"), parameter.apply("cluster"));
  }

  boolean matches(AppRow row) {
    return (name == null || row.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
        && (namespace == null || namespace.equals(row.namespace()))
        && (cluster == null || cluster.equals(row.cluster()))
        && (sync == null || sync == row.sync())
        && (health == null || health == row.health());
  }

  private static <E extends Enum<E>> E status(Function<String, String> parameter, String key, E[] values) {
    String given = blankToNull(parameter.apply(key));
    if (given == null) {
      return null;
    }
    for (E value : values) {
      if (value.toString().equals(given)) {
        return value;
      }
    }
    throw new IllegalArgumentException(key + ": unknown status \"" + given + "\"");
  }

  private static int number(Function<String, String> parameter, String key) {
    String given = blankToNull(parameter.apply(key));
    if (given == null) {
      return 0;
    }
    try {
      return Integer.parseInt(given);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": not a number: \"" + given + "\"");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
