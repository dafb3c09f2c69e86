package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

/**
 * How the agent syncs. Durations use Go's notation ({@code 90s}, {@code 3m}, {@code 1h30m}) as Flux and
 * Argo CD users write them; unset fields take the defaults of {@link #defaults()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncPolicy(
    @JsonPropertyDescription("Apply changes without a manual sync.") Boolean automated,
    @JsonPropertyDescription("Delete objects no longer rendered.") Boolean prune,
    @JsonPropertyDescription("Re-apply objects changed or deleted by hand.") Boolean selfHeal,
    @JsonPropertyDescription("Roll back to the last deployed revision when a sync fails.") Boolean atomic,
    @JsonPropertyDescription("Poll interval, e.g. 3m.") String interval,
    @JsonPropertyDescription("How long a sync may take to become healthy, e.g. 5m.") String timeout,
    @JsonPropertyDescription("Revisions kept in the release history.") Integer historyLimit,
    @JsonPropertyDescription("Retries of a failed sync.") Retry retry) {

  public static SyncPolicy defaults() {
    return new SyncPolicy(false, false, false, false, "3m", "5m", 10, Retry.defaults());
  }

  public boolean isAutomated() {
    return Boolean.TRUE.equals(automated);
  }

  public boolean isPrune() {
    return Boolean.TRUE.equals(prune);
  }

  public boolean isSelfHeal() {
    return Boolean.TRUE.equals(selfHeal);
  }

  public boolean isAtomic() {
    return Boolean.TRUE.equals(atomic);
  }

  public String intervalOrDefault() {
    return interval == null ? defaults().interval() : interval;
  }

  public String timeoutOrDefault() {
    return timeout == null ? defaults().timeout() : timeout;
  }

  /** {@code interval} as a duration; throws {@link IllegalArgumentException} when it does not parse. */
  public Duration pollInterval() {
    return SpecDuration.parse(intervalOrDefault());
  }

  /** {@code timeout} as a duration; throws {@link IllegalArgumentException} when it does not parse. */
  public Duration syncTimeout() {
    return SpecDuration.parse(timeoutOrDefault());
  }

  /** How many revisions the release history keeps. */
  public int historyLimitOrDefault() {
    return historyLimit == null ? defaults().historyLimit() : historyLimit;
  }

  public Retry retryOrDefault() {
    return retry == null ? Retry.defaults() : retry;
  }

  /** Retries of a failed sync with exponential back-off starting at {@code backoff}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Retry(
      @JsonPropertyDescription("How many times a failed sync is retried.") Integer limit,
      @JsonPropertyDescription("First back-off, doubled after each failure, e.g. 10s.") String backoff) {
    public static Retry defaults() {
      return new Retry(5, "10s");
    }

    public int limitOrDefault() {
      return limit == null ? defaults().limit() : limit;
    }

    /** How many times in a row a failed sync is retried before the agent waits for the next trigger. */
    public int maxRetries() {
      return limitOrDefault();
    }

    public String backoffOrDefault() {
      return backoff == null ? defaults().backoff() : backoff;
    }

    /** The first back-off as a duration; throws {@link IllegalArgumentException} when it does not parse. */
    public Duration firstBackoff() {
      return SpecDuration.parse(backoffOrDefault());
    }
  }
}
