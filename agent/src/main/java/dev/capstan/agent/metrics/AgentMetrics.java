package dev.capstan.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the agent reports on {@code /metrics}: passes by result, how long passes, fetches and renders
 * take, applications by sync and health status, queue depth and drift corrections. Names follow
 * Prometheus conventions once Micrometer renders them ({@code capstan_syncs_total}, …).
 */
public final class AgentMetrics {
  /** The agent's own cluster's name in the {@code cluster} tag. */
  private static final String IN_CLUSTER = "in-cluster";

  private final MeterRegistry registry;
  private final Map<String, Timer> passes = new ConcurrentHashMap<>();
  private final Timer fetch;
  private final Timer render;
  private final Counter driftCorrections;
  private final Map<String, Counter> results = new ConcurrentHashMap<>();

  public AgentMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.fetch = Timer.builder("capstan.fetch.duration").description("Time to fetch an application's source").register(registry);
    this.render = Timer.builder("capstan.render.duration").description("Time to render an application's chart").register(registry);
    this.driftCorrections = Counter.builder("capstan.drift.corrections").description("Passes that re-applied drifted objects")
        .register(registry);
  }

  /** Metrics kept nowhere, for tests and tools that do not serve them. */
  public static AgentMetrics discard() {
    return new AgentMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The time of passes over applications in the agent's own cluster. */
  public Timer pass() {
    return pass(IN_CLUSTER);
  }

  /** The time of passes over applications deployed to {@code cluster}. */
  public Timer pass(String cluster) {
    return passes.computeIfAbsent(cluster, c -> Timer.builder("capstan.sync.duration").description("Time of one pass over one application")
        .tag("cluster", c).register(registry));
  }

  public Timer fetch() {
    return fetch;
  }

  public Timer render() {
    return render;
  }

  public void driftCorrected() {
    driftCorrections.increment();
  }

  /** Counts a pass by its result: synced, compared, unchanged, failed, invalid, suspended, waiting. */
  public void result(String result) {
    result(result, IN_CLUSTER);
  }

  /** Counts a pass over an application deployed to {@code cluster} by its result (also unreachable). */
  public void result(String result, String cluster) {
    results.computeIfAbsent(result + "|" + cluster, r -> Counter.builder("capstan.syncs").description("Passes by result")
        .tag("result", result).tag("cluster", cluster).register(registry)).increment();
  }

  /** Registers a gauge read on every scrape, e.g. applications by status. */
  public void gauge(String name, String description, Map<String, String> tags, Supplier<Number> value) {
    var builder = io.micrometer.core.instrument.Gauge.builder(name, value).description(description);
    tags.forEach(builder::tag);
    builder.register(registry);
  }
}
