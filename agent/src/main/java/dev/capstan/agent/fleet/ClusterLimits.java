package dev.capstan.agent.fleet;

/**
 * What one cluster may take from the agent: API requests per second with a burst (a token bucket, as
 * client-go's QPS and Burst), and passes at once, so a slow cluster holds at most {@code concurrency}
 * of the agent's workers.
 */
public record ClusterLimits(double qps, int burst, int concurrency) {
  public ClusterLimits {
    if (!(qps > 0) || burst < 1 || concurrency < 1) {
      throw new IllegalArgumentException("qps, burst and concurrency must be positive");
    }
  }

  /**
   * 1,000 requests a second with a burst of 2,000, and two passes at once. The bucket is a guard against
   * a runaway agent, not the pace of a first sync: it holds the agent's own cluster too, where one agent
   * syncs 1,000 apps with about 26,000 requests (AgentScaleBench). At 200/400 that first sync took 145 s
   * where an unlimited client took 110 s under the same load (docs/performance.md); client-go's 5/10 and
   * Argo CD's 50/100 would take many minutes.
   */
  public static ClusterLimits defaults() {
    return new ClusterLimits(1000, 2000, 2);
  }

  public ClusterLimits withConcurrency(int concurrency) {
    return new ClusterLimits(qps, burst, concurrency);
  }

  public ClusterLimits withQps(double qps, int burst) {
    return new ClusterLimits(qps, burst, concurrency);
  }
}
