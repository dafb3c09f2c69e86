package dev.capstan.agent.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the dashboard's page, script and style sheet from the agent's jar: {@code /} and
 * {@code /ui/*}. Hand-written HTML, JavaScript and CSS with no library, so nothing is fetched at
 * build or run time and the first view stays small. The page is public (it holds no data); every
 * datum comes from the API with the token. A strict Content-Security-Policy allows only the agent's
 * own script and style, so even a rendering bug cannot run script that came with the data.
 */
public final class DashboardAssets extends Handler.Abstract {
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html",
      "/index.html", "index.html",
      "/ui/app.js", "app.js",
      "/ui/app.css", "app.css",
      "/ui/icon.svg", "icon.svg");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");

  private final Map<String, Asset> assets;

  private record Asset(byte[] bytes, String type, String etag) {}

  public DashboardAssets() {
    this.assets = FILES.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> load(e.getValue())));
  }

  private static Asset load(String file) {
    try (InputStream in = DashboardAssets.class.getResourceAsStream("/dashboard/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the agent's jar lacks dashboard/" + file);
      }
      byte[] bytes = in.readAllBytes();
      String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
      return new Asset(bytes, type, "\"" + Integer.toHexString(Arrays.hashCode(bytes)) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard/" + file, e);
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Asset asset = assets.get(Request.getPathInContext(request));
    if (asset == null || !(HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod()))) {
      return false;
    }
    var headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, asset.type());
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
    headers.put(HttpHeader.ETAG, asset.etag());
    if (asset.etag().equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
      response.setStatus(304);
      callback.succeeded();
      return true;
    }
    response.setStatus(200);
    boolean head = HttpMethod.HEAD.is(request.getMethod());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(asset.bytes()), callback);
    return true;
  }
}
