package dev.capstan.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.capstan.agent.AgentOperations;
import dev.capstan.agent.Suspension;
import dev.capstan.agent.UnknownApplicationException;
import dev.capstan.agent.application.Application;
import dev.capstan.agent.dashboard.TreeView;
import dev.capstan.agent.dashboard.WindowInForce;
import dev.capstan.agent.feed.FeedEvent;
import dev.capstan.agent.feed.RecentEvents;
import dev.capstan.core.CapstanException;
import dev.capstan.engine.diff.DiffPrinter;
import dev.capstan.engine.diff.DiffReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's JSON API under {@code /api/v1}: read applications, their diff, history, object tree,
 * recent events and sync window in force; request a sync or a rollback; suspend or resume. Every call needs the bearer token unless reads were opened ({@link BearerToken}).
 */
final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final int MAX_BODY = 64 * 1024;
  private static final String PREFIX = "/applications";
  private static final String CLUSTERS = "/clusters";

  private final AgentOperations agent;
  private final BearerToken token;
  private final RecentEvents events;
  private final Suspension suspension;
  private final Clock clock;

  ApiHandler(AgentOperations agent, BearerToken token) {
    this(agent, token, app -> List.of(), Suspension.unavailable(Suspension.IN_FILES), Clock.systemUTC());
  }

  /**
   * @param events where an application's recent events are read
   * @param suspension how {@code suspend} and {@code resume} set {@code spec.suspend}, or why they cannot
   */
  ApiHandler(AgentOperations agent, BearerToken token, RecentEvents events, Suspension suspension, Clock clock) {
    this.agent = agent;
    this.token = token;
    this.events = events;
    this.suspension = suspension;
    this.clock = clock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (path.equals(CLUSTERS)) {
      return clusters(request, response, callback);
    }
    if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
      return error(request, response, callback, 404, "no API endpoint at " + path);
    }
    String[] parts = path.substring(PREFIX.length()).split("/");
    String name = parts.length > 1 ? parts[1] : null;
    String action = parts.length > 2 ? parts[2] : null;
    if (parts.length > 3) {
      return error(request, response, callback, 404, "no API endpoint at " + path);
    }
    boolean read = HttpMethod.GET.is(request.getMethod());
    boolean write = HttpMethod.POST.is(request.getMethod());
    if (!read && !write) {
      return error(request, response, callback, 405, "use GET to read and POST to act");
    }
    if (read ? !token.mayRead(request) : !token.mayWrite(request)) {
      String why = !token.configured() && write
          ? "writing calls are disabled: the agent has no API token (CAPSTAN_API_TOKEN)"
          : "a valid bearer token is required";
      return error(request, response, callback, 401, why);
    }
    try {
      return route(request, response, callback, read, name, action);
    } catch (UnknownApplicationException e) {
      return error(request, response, callback, 404, e.getMessage());
    } catch (BadRequest e) {
      return error(request, response, callback, 400, e.getMessage());
    } catch (CapstanException e) {
      return error(request, response, callback, 409, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("API call {} {} failed", request.getMethod(), path, e);
      return error(request, response, callback, 500, "internal error; see the agent's log");
    }
  }

  /** {@code GET /api/v1/clusters}: the registered clusters, their reachability and how many applications each has. */
  private boolean clusters(Request request, Response response, Callback callback) {
    if (!HttpMethod.GET.is(request.getMethod())) {
      return methodNotAllowed(request, response, callback);
    }
    if (!token.mayRead(request)) {
      return error(request, response, callback, 401, "a valid bearer token is required");
    }
    return Replies.json(response, callback, 200, agent.clusters());
  }

  private boolean route(Request request, Response response, Callback callback, boolean read, String name, String action) {
    if (name == null) {
      return read ? Replies.json(response, callback, 200, agent.applications()) : methodNotAllowed(request, response, callback);
    }
    if (action == null) {
      return read
          ? Replies.json(response, callback, 200, agent.application(name).orElseThrow(() -> new UnknownApplicationException(name)))
          : methodNotAllowed(request, response, callback);
    }
    return switch (action + (read ? ":GET" : ":POST")) {
      case "diff:GET" -> diff(request, response, callback, name);
      case "history:GET" -> Replies.json(response, callback, 200, agent.history(name));
      case "tree:GET" -> Replies.json(response, callback, 200, TreeView.of(agent.tree(name)));
      case "events:GET" -> Replies.json(response, callback, 200, events(name));
      case "window:GET" -> Replies.json(response, callback, 200, window(name));
      case "sync:POST" -> sync(request, response, callback, name);
      case "rollback:POST" -> rollback(request, response, callback, name);
      case "suspend:POST" -> suspend(request, response, callback, name, true);
      case "resume:POST" -> suspend(request, response, callback, name, false);
      default -> error(request, response, callback,
          action.matches("diff|history|tree|events|window|sync|rollback|suspend|resume") ? 405 : 404,
          "no " + request.getMethod() + " endpoint for applications/" + name + "/" + action);
    };
  }

  private boolean diff(Request request, Response response, Callback callback, String name) {
    DiffReport report = agent.diff(name);
    String format = Request.extractQueryParameters(request).getValue("format");
    if ("text".equals(format)) {
      return Replies.text(response, callback, 200, DiffPrinter.unified(report, false));
    }
    return Replies.rawJson(response, callback, 200, DiffPrinter.json(report));
  }

  /** The application's recent events, newest first, as the agent recorded them. */
  private List<FeedEvent> events(String name) {
    return events.of(agent.application(name).orElseThrow(() -> new UnknownApplicationException(name)));
  }

  /** Whether automated syncs may run now under the application's sync windows, and until when. */
  private WindowInForce window(String name) {
    Application app = agent.application(name).orElseThrow(() -> new UnknownApplicationException(name));
    return WindowInForce.at(app.getSpec() == null ? List.of() : app.getSpec().syncWindowsOrEmpty(), clock.instant());
  }

  /**
   * Sets {@code spec.suspend} where the Application is kept ({@link Suspension}); 202, since the agent
   * acts on it when its watch brings the change back. Where it cannot be done, 409 with the reason.
   */
  private boolean suspend(Request request, Response response, Callback callback, String name, boolean suspend) {
    body(request); // read (and bound) whatever was sent, so the connection stays usable
    Application app = agent.application(name).orElseThrow(() -> new UnknownApplicationException(name));
    suspension.set(app, suspend);
    return Replies.json(response, callback, 202, Map.of("suspend", suspend));
  }

  private boolean sync(Request request, Response response, Callback callback, String name) {
    JsonNode body = body(request);
    boolean override = body.path("overrideSyncWindows").asBoolean(false);
    Optional<String> held = agent.requestSync(name, override);
    return held.isPresent()
        ? Replies.json(response, callback, 409, Map.of("queued", false, "heldBecause", held.get()))
        : Replies.json(response, callback, 202, Map.of("queued", true));
  }

  private boolean rollback(Request request, Response response, Callback callback, String name) {
    JsonNode revision = body(request).path("revision");
    if (!revision.canConvertToInt() || revision.asInt() < 1) {
      throw new BadRequest("body must be {\"revision\": N} with N a revision number");
    }
    return Replies.json(response, callback, 200, agent.rollback(name, revision.asInt()));
  }

  private static boolean methodNotAllowed(Request request, Response response, Callback callback) {
    return error(request, response, callback, 405, "use GET here");
  }

  /**
   * An error answer. A POST rejected before its body was read leaves that body on the connection, so
   * Jetty closes it after answering; saying {@code Connection: close} keeps clients from reusing it.
   */
  private static boolean error(Request request, Response response, Callback callback, int status, String message) {
    if (HttpMethod.POST.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }
    return Replies.error(response, callback, status, message);
  }

  /** The request's JSON body, read up to {@link #MAX_BODY} bytes whether it declares a length or is chunked. */
  private static JsonNode body(Request request) {
    if (request.getLength() > MAX_BODY) {
      throw new BadRequest("body larger than " + MAX_BODY + " bytes");
    }
    byte[] bytes;
    try {
      bytes = Content.Source.asByteArrayAsync(request, MAX_BODY).get();
    } catch (ExecutionException e) {
      boolean tooLarge = e.getCause() instanceof IllegalArgumentException || Request.getContentBytesRead(request) >= MAX_BODY;
      throw new BadRequest(tooLarge ? "body larger than " + MAX_BODY + " bytes" : "body could not be read");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadRequest("body could not be read");
    }
    try {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.isBlank() ? Replies.JSON.createObjectNode() : Replies.JSON.readTree(text);
    } catch (IOException e) {
      throw new BadRequest("body is not valid JSON");
    }
  }

  /** A request the API cannot act on as written. */
  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
