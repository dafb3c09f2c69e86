package dev.capstan.agent.http;

import dev.capstan.agent.AgentOperations;
import dev.capstan.agent.preview.OpenPreview;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The agent's one HTTP server: webhooks under {@code /hooks}, the JSON API under {@code /api/v1},
 * {@code /healthz}, {@code /readyz} and {@code /metrics}.
 */
public final class AgentHttpServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  private AgentHttpServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Where to listen, the bearer token API calls must present (none: writing is refused), and whether
   * reading is open to callers without it (off unless asked for).
   */
  public record Options(String host, int port, String apiToken, boolean openReads) {
    public static Options defaults() {
      return new Options("0.0.0.0", 8080, null, false);
    }

    public Options withHost(String host) {
      return new Options(host, port, apiToken, openReads);
    }

    public Options withPort(int port) {
      return new Options(host, port, apiToken, openReads);
    }

    public Options withApiToken(String apiToken) {
      return new Options(host, port, apiToken, openReads);
    }

    public Options withOpenReads(boolean openReads) {
      return new Options(host, port, apiToken, openReads);
    }
  }

  static final int MAX_CONNECTIONS = 512;
  static final long IDLE_TIMEOUT_MILLIS = 30_000;

  /** Starts serving; {@code webhooks} may be null when no webhook receiver is configured. */
  public static AgentHttpServer start(Options options, AgentOperations agent, Handler webhooks, PrometheusMeterRegistry metrics) {
    return start(options, agent, webhooks, metrics, List::of);
  }

  /** As above, with the open pull-request previews served at {@code /api/v1/previews}. */
  public static AgentHttpServer start(Options options, AgentOperations agent, Handler webhooks, PrometheusMeterRegistry metrics,
      Supplier<List<OpenPreview>> previews) {
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("capstan-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(options.host());
    connector.setPort(options.port());
    // Every route shares these bounds: a client that connects and says nothing is dropped, and a
    // flood of connections waits at the limit instead of taking every thread and file descriptor.
    connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));

    ContextHandlerCollection contexts = new ContextHandlerCollection();
    if (webhooks != null) {
      contexts.addHandler(new ContextHandler(webhooks, "/hooks"));
    }
    BearerToken token = new BearerToken(options.apiToken(), options.openReads());
    contexts.addHandler(new ContextHandler(new ApiHandler(agent, token), "/api/v1"));
    ContextHandler previewsContext = new ContextHandler(new PreviewsHandler(previews, token), "/api/v1/previews");
    previewsContext.setAllowNullPathInContext(true); // answer /api/v1/previews itself, not a redirect to .../previews/
    contexts.addHandler(previewsContext);
    Handler.Sequence root = new Handler.Sequence(new ProbeHandler(agent::ready), new MetricsHandler(metrics), contexts);
    server.setHandler(root);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP server on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    return new AgentHttpServer(server, connector);
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI uri() {
    String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
    return URI.create("http://" + host + ":" + port());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the HTTP server: " + e.getMessage(), e);
    }
  }
}
