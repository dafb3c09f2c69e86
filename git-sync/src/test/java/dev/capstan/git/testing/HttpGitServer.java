package dev.capstan.git.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Smart HTTP with basic auth: JGit's GitServlet in embedded Jetty 12 (ee10, jakarta servlets) on
 * 127.0.0.1. Counts what reaches it: HTTP requests, ref advertisements, and packs sent (a pack is
 * one network fetch).
 */
public final class HttpGitServer implements AutoCloseable {
  public static final String USER = "alice";
  public static final String PASSWORD = "s3cret-Pa55word";

  private final Server server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger packs = new AtomicInteger();
  private volatile long delayMillis;
  private final java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final java.util.List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final UserStore users = new UserStore();

  private HttpGitServer(Path base) {
    this(base, null);
  }

  /** {@code redirectTo} null: serve the repositories under {@code base}; else answer every authenticated request with a redirect there. */
  private HttpGitServer(Path base, String redirectTo) {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    GitServlet git = new GitServlet();
    git.setRepositoryResolver((req, name) -> open(base.resolve(name)));
    git.setUploadPackFactory((req, db) -> {
      UploadPack up = new UploadPack(db);
      up.setPostUploadHook(stats -> packs.incrementAndGet());
      return up;
    });
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(redirectTo == null ? git : new Redirect(redirectTo)), "/git/*");

    SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
    security.put("/*", Constraint.ANY_USER);
    security.setAuthenticator(new BasicAuthenticator());
    HashLoginService login = new HashLoginService("git");
    users.addUser(USER, Credential.getCredential(PASSWORD), new String[] {"user"});
    login.setUserStore(users);
    security.setLoginService(login);
    security.setHandler(context);

    server.setHandler(new Handler.Wrapper(security) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        requests.incrementAndGet();
        String authorization = request.getHeaders().get("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        log.add(request.getMethod() + " " + request.getHttpURI().getPathQuery()
            + (request.getHeaders().contains("Authorization") ? " (auth)" : "")
            + (request.getHeaders().contains("Git-Protocol") ? " " + request.getHeaders().get("Git-Protocol") : ""));
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        return super.handle(request, response, callback);
      }
    });
  }

  public static HttpGitServer start(Path base) {
    return started(new HttpGitServer(base));
  }

  /**
   * A server that asks for the same basic auth, then redirects every request to the same path
   * under {@code targetBase} (say another server's {@code http://host:port/git}).
   */
  public static HttpGitServer redirecting(String targetBase) {
    return started(new HttpGitServer(null, targetBase));
  }

  private static HttpGitServer started(HttpGitServer s) {
    try {
      s.server.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return s;
  }

  private static Repository open(Path dir) throws RepositoryNotFoundException {
    try {
      return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    } catch (IOException e) {
      throw new RepositoryNotFoundException(dir.toString());
    }
  }

  public String url(String repo) {
    return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/git/" + repo;
  }

  /** HTTP requests received, including rejected ones. */
  public int requests() {
    return requests.get();
  }

  /** Packs sent: one per network fetch that brought objects. */
  public int packs() {
    return packs.get();
  }

  /** Slows every request down, so concurrent clients overlap for sure. */
  public void delay(long millis) {
    delayMillis = millis;
  }

  /** Every request received since the last reset: method, path and query, whether it carried auth. */
  public java.util.List<String> log() {
    return java.util.List.copyOf(log);
  }

  /** The Authorization header of every request since the last reset, "" where there was none. */
  public java.util.List<String> authorizations() {
    return java.util.List.copyOf(authorizations);
  }

  /** The Authorization header a client sends with this server's user and password. */
  public static String basicHeader() {
    return basicHeader(PASSWORD);
  }

  /** The Authorization header a client sends with this server's user and {@code password}. */
  public static String basicHeader(String password) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString(
        (USER + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Rotates the user's password: from now on only {@code password} is accepted. */
  public void password(String password) {
    users.removeUser(USER);
    users.addUser(USER, Credential.getCredential(password), new String[] {"user"});
  }

  public void resetCounts() {
    authorizations.clear();
    log.clear();
    requests.set(0);
    packs.set(0);
  }

  private static final class Redirect extends jakarta.servlet.http.HttpServlet {
    private final String target;

    Redirect(String target) {
      this.target = target;
    }

    @Override
    protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
        throws IOException {
      String query = req.getQueryString() == null ? "" : "?" + req.getQueryString();
      resp.setStatus(302);
      resp.setHeader("Location", target + req.getPathInfo() + query);
    }
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
