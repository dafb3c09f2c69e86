package dev.capstan.chartrepo.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one HTTP client of chart sources (java.net.http). What it adds: bodies read with a byte cap,
 * redirects followed by hand so that an {@code Authorization} header is only sent to the origin it
 * belongs to (a registry that redirects blob downloads to object storage, an index whose chart URLs
 * point at another host, never receive the credentials), and failures as one-line
 * {@link SourceException}s. Thread-safe; share one per set of {@link TransportOptions}.
 */
public final class HttpTransport {
  private static final int MAX_REDIRECTS = 10;

  private final TransportOptions options;
  private final HttpClient client;

  private HttpTransport(TransportOptions options) {
    this.options = options;
    this.client = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).sslContext(TlsContexts.of(options)).build();
  }

  public static HttpTransport create(TransportOptions options) {
    return new HttpTransport(options);
  }

  public TransportOptions options() {
    return options;
  }

  /** An {@code Authorization} header value and the origin (scheme, host, port) it may be sent to. */
  public record Auth(URI origin, String header) {
    public static Optional<Auth> of(URI origin, Credentials credentials) {
      return credentials.authorization().map(h -> new Auth(origin, h));
    }

    boolean appliesTo(URI target) {
      return sameOrigin(origin, target);
    }

    @Override
    public String toString() {
      return "Auth[" + origin + ", ***]";
    }
  }

  /** One request: {@code where} names the source in errors; {@code maxBytes} caps the body read. */
  public record Request(String method, URI uri, Map<String, String> headers, byte[] body, Optional<Auth> auth,
      long maxBytes, String where) {
    public Request {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(auth);
    }

    public static Request get(URI uri, String where, long maxBytes) {
      return new Request("GET", uri, Map.of(), null, Optional.empty(), maxBytes, where);
    }

    public Request withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Request(method, uri, h, body, auth, maxBytes, where);
    }

    public Request withAuth(Optional<Auth> newAuth) {
      return new Request(method, uri, headers, body, newAuth, maxBytes, where);
    }

    public Request withMethod(String newMethod, byte[] newBody) {
      return new Request(newMethod, uri, headers, newBody, auth, maxBytes, where);
    }
  }

  /** What came back: status, headers, body (empty for HEAD) and the URI that answered. */
  public record Response(int status, HttpHeaders headers, byte[] body, URI uri) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  /** Sends {@code request}, following redirects (GET and HEAD only). */
  public Response send(Request request) {
    URI uri = request.uri();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      Response response = once(request, uri);
      int s = response.status();
      boolean redirect = s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
      if (!redirect || !(request.method().equals("GET") || request.method().equals("HEAD"))) {
        return response;
      }
      String location = response.header("Location").orElseThrow(() -> new SourceException(request.where(),
          SourceException.Reason.PROTOCOL, "redirect " + s + " without a Location"));
      uri = uri.resolve(location);
    }
    throw new SourceException(request.where(), SourceException.Reason.PROTOCOL, "more than " + MAX_REDIRECTS + " redirects");
  }

  private Response once(Request request, URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(options.requestTimeout());
    request.headers().forEach(b::header);
    request.auth().filter(a -> a.appliesTo(uri)).ifPresent(a -> b.header("Authorization", a.header()));
    b.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    try {
      HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] body = request.method().equals("HEAD") ? new byte[0] : readCapped(in, r, request);
        return new Response(r.statusCode(), r.headers(), body, uri);
      }
    } catch (HttpConnectTimeoutException e) {
      throw unreachable(request, uri, "connection timed out", e);
    } catch (HttpTimeoutException e) {
      throw new SourceException(request.where(), SourceException.Reason.UNREACHABLE,
          uri.getHost() + " did not answer within " + options.requestTimeout().toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw unreachable(request, uri, e.getMessage() == null ? "connection refused" : e.getMessage(), e);
    } catch (IOException e) {
      throw unreachable(request, uri, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(request.where(), SourceException.Reason.UNREACHABLE, "interrupted", e);
    }
  }

  private static SourceException unreachable(Request request, URI uri, String why, Exception e) {
    String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    return new SourceException(request.where(), SourceException.Reason.UNREACHABLE, "cannot reach " + host + ": " + why, e);
  }

  private static byte[] readCapped(InputStream in, HttpResponse<?> r, Request request) throws IOException {
    long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > request.maxBytes()) {
      throw tooLarge(request);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > request.maxBytes()) {
        throw tooLarge(request);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static SourceException tooLarge(Request request) {
    return new SourceException(request.where(), SourceException.Reason.TOO_LARGE,
        "response is larger than " + request.maxBytes() + " bytes");
  }

  /** Same scheme, host (case-insensitive) and effective port. */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() > 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
