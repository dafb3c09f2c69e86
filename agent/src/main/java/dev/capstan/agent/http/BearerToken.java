package dev.capstan.agent.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may call the API: every call must present the bearer token, compared in constant time, unless
 * reads were opened deliberately ({@code --api-open-reads}; the quickstart opens them on its
 * loopback-only server). A loopback address is no proof of anything: a sidecar proxy in the Pod
 * connects from one. Without a configured token, writing calls are refused.
 */
final class BearerToken {
  private final byte[] token;
  private final boolean openReads;

  BearerToken(String token, boolean openReads) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.openReads = openReads;
  }

  boolean configured() {
    return token != null;
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
    if (token == null) {
      return false;
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, given);
  }
}
