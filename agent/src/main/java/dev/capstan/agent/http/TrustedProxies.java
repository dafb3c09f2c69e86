package dev.capstan.agent.http;

import dev.capstan.core.CapstanException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who the client of a request is when the agent sits behind an ingress or load balancer
 * ({@code --trusted-proxy CIDR}). Only when the connection comes from a listed proxy is
 * {@code X-Forwarded-For} read, and then from the right: each trusted proxy appends the address it
 * saw, so the right-most address that is not itself a trusted proxy is the one no client could have
 * written. Everything that asks Jetty for the remote address (the webhook rate limit, log lines)
 * then sees that client. With no list (the default) the header is ignored: anyone could write it.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {
  // Addresses only: a name would make the server resolve whatever a client wrote.
  private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*]?");

  private final InetAddressSet proxies = new InetAddressSet();

  /** @param cidrs addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}); each is checked here */
  TrustedProxies(List<String> cidrs) {
    for (String cidr : cidrs) {
      String address = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
      if (!ADDRESS.matcher(address).matches() || parse(address) == null) {
        throw new CapstanException("--trusted-proxy " + cidr, "not an IP address or CIDR block (e.g. 10.0.0.0/8)");
      }
      try {
        proxies.add(cidr);
      } catch (IllegalArgumentException e) {
        throw new CapstanException("--trusted-proxy " + cidr, "not an IP address or CIDR block (e.g. 10.0.0.0/8)", e);
      }
    }
  }

  boolean isEmpty() {
    return proxies.isEmpty();
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    if (!(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
        || !proxies.test(peer.getAddress())) {
      return request;
    }
    InetAddress client = client(request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR));
    if (client == null) {
      return request;
    }
    InetSocketAddress remote = new InetSocketAddress(client, 0);
    return new Request.Wrapper(request) {
      @Override
      public ConnectionMetaData getConnectionMetaData() {
        return new ConnectionMetaData.Wrapper(super.getConnectionMetaData()) {
          @Override
          public SocketAddress getRemoteSocketAddress() {
            return remote;
          }
        };
      }
    };
  }

  /**
   * The right-most address not in the list; null (keep the proxy's own address) when the header is
   * missing or the entry a trusted proxy appended is not an address.
   */
  InetAddress client(List<String> headerValues) {
    List<String> hops = new ArrayList<>();
    for (String value : headerValues) {
      for (String hop : value.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    InetAddress leftmost = null;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = ADDRESS.matcher(hops.get(i)).matches() ? parse(hops.get(i)) : null;
      if (hop == null) {
        return null;
      }
      if (!proxies.test(hop)) {
        return hop;
      }
      leftmost = hop;
    }
    return leftmost;
  }

  private static InetAddress parse(String literal) {
    String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
    try {
      return InetAddress.getByName(bare); // a literal, as ADDRESS guarantees: no lookup
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
