package dev.capstan.agent.sync;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.metrics.AgentMetrics;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * An agent's surroundings in memory: Git, charts, the cluster with its history, and the Events and
 * commit statuses reported, wired as an {@link AgentContext}.
 */
public final class FakeWorld {
  public static final String REPO = "https://git.example.com/shop.git";
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

  public final FakeGit git = new FakeGit();
  public final FakeCharts charts = new FakeCharts();
  public final FakeCluster cluster = new FakeCluster();
  public final RecordingReporter reported = new RecordingReporter();
  public final AgentMetrics metrics = AgentMetrics.discard();
  private final AgentPolicy policy;

  public FakeWorld() {
    this(AgentPolicy.permissive());
  }

  public FakeWorld(AgentPolicy policy) {
    this.policy = policy;
  }

  public AgentContext context() {
    return new AgentContext(git, charts, cluster, cluster, new ApplicationValidator(policy), CLOCK, metrics, reported, reported);
  }

  /**
   * An Application {@code name} deploying folder {@code app} of {@link #REPO} into namespace
   * {@code name}; {@code spec} is more of its spec as YAML (a {@code source:} line of its own replaces
   * the default one).
   */
  public static Application app(String name, String spec) {
    String source = spec.lines().anyMatch(l -> l.startsWith("source:") || l.startsWith("sources:")) ? "" : "source: {repoURL: \"" + REPO + "\", path: app}\n";
    String yaml = "apiVersion: capstan.dev/v1alpha1\nkind: Application\nmetadata: {name: " + name + ", generation: 1}\nspec:\n"
        + (source + "destination: {namespace: " + name + "}\n" + spec).indent(2);
    return Serialization.unmarshal(yaml, Application.class);
  }
}
