package dev.capstan.agent.http;

import dev.capstan.agent.Suspension;
import dev.capstan.agent.dashboard.Overview;
import dev.capstan.agent.dashboard.OverviewQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The API calls the dashboard needs beyond the applications' own, all {@code GET}:
 * <ul>
 *   <li>{@code /api/v1/session}: what the presented token allows (read, write, and why not; why
 *       suspend and resume cannot be done here, when they cannot); a token
 *       that is presented and wrong is refused with 401, so a sign-in form can say so;
 *   <li>{@code /api/v1/overview}: counts per status and one page of matching rows, broken first
 *       ({@link OverviewQuery} lists the parameters);
 *   <li>{@code /api/v1/stream}: the server-sent events of {@link EventStream}.
 * </ul>
 * The browser sends the token in the {@code Authorization} header on each of these, the stream too:
 * the page reads it with {@code fetch()} rather than {@code EventSource}, which cannot send headers.
 */
final class DashboardApiHandler extends Handler.Abstract {
  private final BearerToken token;
  private final Overview overview;
  private final EventStream stream;
  private final Suspension suspension;

  DashboardApiHandler(BearerToken token, Overview overview, EventStream stream, Suspension suspension) {
    this.token = token;
    this.overview = overview;
    this.stream = stream;
    this.suspension = suspension;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.equals("/api/v1/session") && !path.equals("/api/v1/overview") && !path.equals("/api/v1/stream")) {
      return false;
    }
    if (!HttpMethod.GET.is(request.getMethod())) {
      return Replies.error(response, callback, 405, "use GET here");
    }
    if (path.equals("/api/v1/session")) {
      return session(request, response, callback);
    }
    if (!token.mayRead(request)) {
      return Replies.error(response, callback, 401, "a valid bearer token is required");
    }
    if (path.equals("/api/v1/stream")) {
      return stream.open(request, response, callback);
    }
    Fields query = Request.extractQueryParameters(request);
    OverviewQuery parsed;
    try {
      parsed = OverviewQuery.parse(query::getValue);
    } catch (IllegalArgumentException e) {
      return Replies.error(response, callback, 400, e.getMessage());
    }
    return Replies.json(response, callback, 200, overview.page(parsed));
  }

  private boolean session(Request request, Response response, Callback callback) {
    boolean offered = token.offered(request);
    boolean mayWrite = token.mayWrite(request);
    if (offered && !mayWrite) {
      String why = token.configured() ? "the token was refused" : "the agent has no API token (CAPSTAN_API_TOKEN); it takes none";
      return Replies.error(response, callback, 401, why);
    }
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("signedIn", mayWrite);
    session.put("mayRead", token.mayRead(request));
    session.put("mayWrite", mayWrite);
    if (!mayWrite) {
      session.put("whyNotWrite", token.configured() ? "sign in with the API token to act"
          : "the agent has no API token (CAPSTAN_API_TOKEN), so nobody may act through the API");
    }
    session.put("tokenConfigured", token.configured());
    suspension.unavailable().ifPresent(why -> session.put("whyNoSuspend", why));
    return Replies.json(response, callback, 200, session);
  }
}
