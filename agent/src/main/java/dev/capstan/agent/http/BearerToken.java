package dev.capstan.agent.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Who may call the API. Reading is open from loopback (a laptop user, {@code kubectl port-forward});
 * from anywhere else, and for every writing call, the caller must present the bearer token, compared
 * in constant time. Without a configured token, writing calls are refused.
 */
final class BearerToken {
  private final byte[] token;

  BearerToken(String token) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  boolean configured() {
    return token != null;
  }

  boolean mayRead(Request request) {
    return isLoopback(Request.getRemoteAddr(request)) || presented(request);
  }

  boolean mayWrite(Request request) {
    return presented(request);
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

  private static boolean isLoopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
