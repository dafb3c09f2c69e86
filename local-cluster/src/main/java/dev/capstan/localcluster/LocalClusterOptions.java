package dev.capstan.localcluster;

import java.time.Duration;

/**
 * How to start a {@link LocalCluster}.
 *
 * @param apiServer how to start the API server underneath
 * @param nodes how many simulated (KWOK) nodes to create, at least 1
 * @param readyTimeout how long the controllers, scheduler and nodes may take to be ready once the
 *     API server is
 */
public record LocalClusterOptions(ApiServerOptions apiServer, int nodes, Duration readyTimeout) {
  public LocalClusterOptions {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, got " + nodes);
    }
  }

  public static LocalClusterOptions defaults() {
    return new LocalClusterOptions(ApiServerOptions.defaults(), 3, Duration.ofMinutes(2));
  }

  public LocalClusterOptions withApiServer(ApiServerOptions apiServer) {
    return new LocalClusterOptions(apiServer, nodes, readyTimeout);
  }

  public LocalClusterOptions withNodes(int nodes) {
    return new LocalClusterOptions(apiServer, nodes, readyTimeout);
  }

  public LocalClusterOptions withReadyTimeout(Duration readyTimeout) {
    return new LocalClusterOptions(apiServer, nodes, readyTimeout);
  }
}
