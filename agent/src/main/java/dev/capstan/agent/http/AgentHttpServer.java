package dev.capstan.agent.http;

import dev.capstan.agent.AgentOperations;
import dev.capstan.agent.Suspension;
import dev.capstan.agent.dashboard.DashboardAssets;
import dev.capstan.agent.dashboard.Overview;
import dev.capstan.agent.feed.ActivityFeed;
import dev.capstan.agent.feed.RecentEvents;
import dev.capstan.agent.preview.OpenPreview;
import dev.capstan.core.CapstanException;
import dev.capstan.core.Secret;
import dev.capstan.webhook.verify.SecretValues;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The agent's one HTTP server: webhooks under {@code /hooks}, the JSON API under {@code /api/v1},
 * {@code /healthz}, {@code /readyz}, {@code /metrics}, and the dashboard at {@code /}.
 */
public final class AgentHttpServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;
  private final EventStream stream;

  private final boolean secure;

  private AgentHttpServer(Server server, ServerConnector connector, EventStream stream, boolean secure) {
    this.server = server;
    this.connector = connector;
    this.stream = stream;
    this.secure = secure;
  }

  /**
   * Where to listen, the bearer token API calls must present (none: writing is refused), whether
   * reading is open to callers without it (off unless asked for), TLS (null: plain HTTP), the
   * proxies whose {@code X-Forwarded-For} is believed (none by default), and the connection bounds
   * every route shares.
   */
  public record Options(String host, int port, Supplier<String> apiToken, boolean openReads, TlsFiles tls, List<String> trustedProxies,
      int maxConnections, Duration idleTimeout) {
    public Options {
      apiToken = apiToken == null ? () -> null : apiToken;
      trustedProxies = List.copyOf(trustedProxies);
    }

    public static Options defaults() {
      return new Options("0.0.0.0", 8080, null, false, null, List.of(), MAX_CONNECTIONS, IDLE_TIMEOUT);
    }

    public Options withHost(String host) {
      return new Options(host, port, apiToken, openReads, tls, trustedProxies, maxConnections, idleTimeout);
    }

    public Options withPort(int port) {
      return new Options(host, port, apiToken, openReads, tls, trustedProxies, maxConnections, idleTimeout);
    }

    public Options withApiToken(String apiToken) {
      return withApiTokenSource(() -> apiToken);
    }

    /** A token asked for on every call, e.g. read again from a mounted Secret so a rotation needs no restart. */
    public Options withApiTokenSource(Supplier<String> apiToken) {
      return new Options(host, port, apiToken, openReads, tls, trustedProxies, maxConnections, idleTimeout);
    }

    /**
     * The token in the file {@code CAPSTAN_API_TOKEN_FILE} names (a mounted Secret, read again at
     * most every few seconds, so a rotation needs no restart), else {@code CAPSTAN_API_TOKEN}, else none.
     */
    public Options withApiTokenFrom(Map<String, String> environment) {
      String file = environment.get("CAPSTAN_API_TOKEN_FILE");
      if (file != null && !file.isBlank()) {
        Supplier<Secret> token = SecretValues.fromRotatingFile(Path.of(file));
        return withApiTokenSource(() -> token.get().reveal());
      }
      return withApiToken(environment.get("CAPSTAN_API_TOKEN"));
    }

    public Options withOpenReads(boolean openReads) {
      return new Options(host, port, apiToken, openReads, tls, trustedProxies, maxConnections, idleTimeout);
    }

    /** Serves HTTPS only, with this certificate and key ({@code --tls-cert}, {@code --tls-key}). */
    public Options withTls(TlsFiles tls) {
      return new Options(host, port, apiToken, openReads, tls, trustedProxies, maxConnections, idleTimeout);
    }

    /** Addresses or CIDR blocks of proxies whose {@code X-Forwarded-For} is believed ({@code --trusted-proxy}). */
    public Options withTrustedProxies(List<String> trustedProxies) {
      return new Options(host, port, apiToken, openReads, tls, trustedProxies, maxConnections, idleTimeout);
    }

    public Options withConnectionLimits(int maxConnections, Duration idleTimeout) {
      return new Options(host, port, apiToken, openReads, tls, trustedProxies, maxConnections, idleTimeout);
    }
  }

  /**
   * What the API and the dashboard serve beside the agent's own operations.
   *
   * @param feed what each application is doing, for the event stream (the agent's status sink and
   *     event recorder write to it: {@code FeedingSink}, {@code FeedingRecorder})
   * @param previews the open pull-request previews, at {@code /api/v1/previews}
   * @param events where an application's recent events are read: the feed, or the API server's Events
   * @param suspension how suspend and resume set {@code spec.suspend}, or why they cannot
   */
  public record Services(ActivityFeed feed, Supplier<List<OpenPreview>> previews, RecentEvents events, Suspension suspension) {
    /** The feed alone: no previews, its own events, and no suspend (the Applications are in files). */
    public static Services of(ActivityFeed feed) {
      return new Services(feed, List::of, feed, Suspension.unavailable(Suspension.IN_FILES));
    }
  }

  /** PEM files of the server's certificate chain and its private key, read once at start. */
  public record TlsFiles(Path cert, Path key) {}

  static final int MAX_CONNECTIONS = 512;
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Starts serving; {@code webhooks} may be null when no webhook receiver is configured. */
  public static AgentHttpServer start(Options options, AgentOperations agent, Handler webhooks, PrometheusMeterRegistry metrics) {
    return start(options, agent, webhooks, metrics, new ActivityFeed(Clock.systemUTC()), List::of);
  }

  /** Starts serving, with the dashboard following {@code feed} and no pull-request previews. */
  public static AgentHttpServer start(Options options, AgentOperations agent, Handler webhooks, PrometheusMeterRegistry metrics,
      ActivityFeed feed) {
    return start(options, agent, webhooks, metrics, feed, List::of);
  }

  /**
   * Starts serving, with the dashboard at {@code /} following {@code feed}: the feed the agent's
   * status sink and event recorder write to ({@code FeedingSink}, {@code FeedingRecorder}); and the
   * open pull-request previews at {@code /api/v1/previews}.
   */
  public static AgentHttpServer start(Options options, AgentOperations agent, Handler webhooks, PrometheusMeterRegistry metrics,
      ActivityFeed feed, Supplier<List<OpenPreview>> previews) {
    return start(options, agent, webhooks, metrics, new Services(feed, previews, feed, Suspension.unavailable(Suspension.IN_FILES)));
  }

  /** Starts serving, with the dashboard at {@code /} and the API reading and acting through {@code services}. */
  public static AgentHttpServer start(Options options, AgentOperations agent, Handler webhooks, PrometheusMeterRegistry metrics,
      Services services) {
    ActivityFeed feed = services.feed();
    Supplier<List<OpenPreview>> previews = services.previews();
    QueuedThreadPool threads = new QueuedThreadPool(32, 4);
    threads.setName("capstan-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = connector(server, options);
    connector.setHost(options.host());
    connector.setPort(options.port());
    // Every route shares these bounds, over TLS too: a client that connects and says nothing (or
    // stalls in the handshake) is dropped, and a flood of connections waits at the limit instead of
    // taking every thread and file descriptor.
    connector.setIdleTimeout(options.idleTimeout().toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(options.maxConnections(), connector));

    ContextHandlerCollection contexts = new ContextHandlerCollection();
    if (webhooks != null) {
      contexts.addHandler(new ContextHandler(webhooks, "/hooks"));
    }
    BearerToken token = new BearerToken(options.apiToken(), options.openReads());
    contexts.addHandler(new ContextHandler(new ApiHandler(agent, token, services.events(), services.suspension(), Clock.systemUTC()), "/api/v1"));
    ContextHandler previewsContext = new ContextHandler(new PreviewsHandler(previews, token), "/api/v1/previews");
    previewsContext.setAllowNullPathInContext(true); // answer /api/v1/previews itself, not a redirect to .../previews/
    contexts.addHandler(previewsContext);
    Overview overview = new Overview(agent, feed, Clock.systemUTC());
    EventStream stream = new EventStream(feed, overview, previews);
    // The page and the overview compress well (a 200-row overview is ~90 KB of JSON, ~8 KB gzipped);
    // the event stream is left alone, so each event leaves at once.
    GzipHandler dashboard = new GzipHandler(new Handler.Sequence(new DashboardApiHandler(token, overview, stream, services.suspension()), new DashboardAssets()));
    dashboard.addExcludedPaths("/api/v1/stream");
    Handler.Sequence root = new Handler.Sequence(new ProbeHandler(agent::ready), new MetricsHandler(metrics), dashboard, contexts);
    server.setHandler(root);
    try {
      server.start();
    } catch (Exception e) {
      stream.close();
      stopQuietly(server);
      throw new CapstanException("--http-host " + options.host() + " --http-port " + options.port(),
          "cannot start the HTTP server: " + e.getMessage(), e);
    }
    return new AgentHttpServer(server, connector, stream, options.tls() != null);
  }

  private static ServerConnector connector(Server server, Options options) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    TrustedProxies proxies = new TrustedProxies(options.trustedProxies());
    if (!proxies.isEmpty()) {
      http.addCustomizer(proxies);
    }
    if (options.tls() == null) {
      return new ServerConnector(server, new HttpConnectionFactory(http));
    }
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(PemKeyStore.load(options.tls().cert(), options.tls().key()));
    tls.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    // One certificate and no virtual hosts: checking the Host header against the certificate's
    // names would refuse kubelet probes (which dial the Pod IP) and gain nothing.
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    http.addCustomizer(secure);
    return new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(http));
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI uri() {
    String bound = connector.getHost();
    String host = bound == null || bound.equals("0.0.0.0") || bound.equals("::") ? "127.0.0.1" : bound.contains(":") ? "[" + bound + "]" : bound;
    return URI.create((secure ? "https://" : "http://") + host + ":" + port());
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // Best effort: the server failed to start and is being discarded.
    }
  }

  @Override
  public void close() {
    stream.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the HTTP server: " + e.getMessage(), e);
    }
  }
}
