package dev.capstan.agent.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may call the API: every call must present the bearer token, compared in constant time, unless
 * reads were opened deliberately ({@code --api-open-reads}; the quickstart opens them on its
 * loopback-only server). A loopback address is no proof of anything: a sidecar proxy in the Pod
 * connects from one. Without a configured token, writing calls are refused. The token is asked for
 * on every call, so one read again from a mounted Secret is rotated without a restart.
 */
final class BearerToken {
  private final Supplier<String> token;
  private final boolean openReads;

  BearerToken(Supplier<String> token, boolean openReads) {
    this.token = token;
    this.openReads = openReads;
  }

  boolean configured() {
    return current() != null;
  }

  private byte[] current() {
    String value = token.get();
    return value == null || value.isEmpty() ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  boolean mayRead(Request request) {
    return openReads || presented(request);
  }

  boolean mayWrite(Request request) {
    return presented(request);
  }

  /** True when the request carries a bearer token at all, right or wrong. */
  boolean offered(Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  boolean openReads() {
    return openReads;
  }

  private boolean presented(Request request) {
    byte[] expected = current();
    if (expected == null) {
      return false;
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }
}
