package dev.capstan.agent.http;

import dev.capstan.agent.preview.OpenPreview;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /api/v1/previews}: the open pull requests' latest previews, per Application the counts,
 * the error or the diff (Secrets masked). A read like the others: it needs the bearer token unless
 * reads were opened.
 */
final class PreviewsHandler extends Handler.Abstract {
  private final Supplier<List<OpenPreview>> previews;
  private final BearerToken token;

  PreviewsHandler(Supplier<List<OpenPreview>> previews, BearerToken token) {
    this.previews = previews;
    this.token = token;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.isEmpty() && !path.equals("/")) {
      return Replies.error(response, callback, 404, "no API endpoint at /previews" + path);
    }
    if (!HttpMethod.GET.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET");
      return Replies.error(response, callback, 405, "use GET to read previews");
    }
    if (!token.mayRead(request)) {
      return Replies.error(response, callback, 401, "a valid bearer token is required");
    }
    return Replies.json(response, callback, 200, previews.get());
  }
}
