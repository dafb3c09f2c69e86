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
   * 200 requests a second with a burst of 400, and two passes at once. client-go's 5/10 and Argo CD's
   * 50/100 would cap a cluster of 300 apps at a first sync of minutes: FleetScaleBench needs about
   * 7,000 requests per cluster for 333 apps.
   */
  public static ClusterLimits defaults() {
    return new ClusterLimits(200, 400, 2);
  }

  public ClusterLimits withConcurrency(int concurrency) {
    return new ClusterLimits(qps, burst, concurrency);
  }

  public ClusterLimits withQps(double qps, int burst) {
    return new ClusterLimits(qps, burst, concurrency);
  }
}
