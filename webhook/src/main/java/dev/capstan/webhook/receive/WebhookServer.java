package dev.capstan.webhook.receive;

import dev.capstan.webhook.WebhookException;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A standalone HTTP server with only the webhook endpoints under {@code /hooks}, for tests,
 * benchmarks and running the receiver on its own. The agent instead mounts {@link WebhookHandler}
 * on its own server. Connections and threads are capped, so a connection flood waits at accept
 * time instead of exhausting memory.
 */
public final class WebhookServer implements AutoCloseable {
  private static final int MAX_CONNECTIONS = 1024;
  private static final int MAX_THREADS = 64;

  private final Server server;
  private final ServerConnector connector;

  private WebhookServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Starts listening on {@code host:port} (port 0 picks a free one).
   *
   * @param idleTimeout a connection silent this long is closed, so idle or stalled clients free their slot
   */
  public static WebhookServer start(WebhookHandler handler, String host, int port, Duration idleTimeout) {
    // Jetty's job queue must stay unbounded (it also carries Jetty's own tasks); the connection
    // limit is what bounds the work, since an HTTP/1.1 connection has one request in flight.
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
    threads.setName("capstan-webhook-http");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(idleTimeout.toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    server.setHandler(new ContextHandler(handler, "/hooks"));
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new WebhookException(host + ":" + port, "cannot start webhook server: " + e.getMessage(), e);
    }
    return new WebhookServer(server, connector);
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The base of the endpoints, e.g. {@code http://127.0.0.1:8080/hooks/}. */
  public URI hooksUri() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    return URI.create("http://" + host + ":" + port() + "/hooks/");
  }

  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // Stopping is best effort: the server is being discarded either way.
    }
  }
}
