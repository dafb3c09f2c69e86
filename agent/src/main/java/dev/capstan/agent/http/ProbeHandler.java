package dev.capstan.agent.http;

import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code /healthz}: the process answers. {@code /readyz}: the agent has loaded its applications. */
final class ProbeHandler extends Handler.Abstract {
  private final BooleanSupplier ready;

  ProbeHandler(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (("/healthz".equals(path) || "/readyz".equals(path)) && !HttpMethod.GET.is(request.getMethod())
        && !HttpMethod.HEAD.is(request.getMethod())) {
      // A probe reads nothing: refusing other methods answers at once rather than 200 to an unread upload.
      return Replies.error(response, callback, 405, "use GET here");
    }
    return switch (path) {
      case "/healthz" -> Replies.text(response, callback, 200, "ok\n");
      case "/readyz" -> ready.getAsBoolean()
          ? Replies.text(response, callback, 200, "ready\n")
          : Replies.text(response, callback, 503, "not ready\n");
      default -> false;
    };
  }
}
