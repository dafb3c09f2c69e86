package dev.capstan.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.core.CapstanException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hop of {@code X-Forwarded-For} is the client, given the listed proxies. */
class TrustedProxiesTest {
  private final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

  private String client(String... headerValues) {
    InetAddress found = proxies.client(List.of(headerValues));
    return found == null ? null : found.getHostAddress();
  }

  @Test
  void theRightMostHopThatIsNotAListedProxyIsTheClient() {
    assertThat(client("203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(client("198.51.100.1, 203.0.113.9, 10.1.1.1")).as("what the client wrote on the left is ignored").isEqualTo("203.0.113.9");
    assertThat(client("198.51.100.1", "203.0.113.9, 192.0.2.7")).as("over several header lines").isEqualTo("203.0.113.9");
    assertThat(client("2001:db8::1, fd12::3")).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(client("[2001:db8::2]")).isEqualTo("2001:db8:0:0:0:0:0:2");
  }

  @Test
  void whenEveryHopIsAProxyTheFirstOneIsTheClient() {
    assertThat(client("10.2.2.2, 10.1.1.1")).isEqualTo("10.2.2.2");
  }

  @Test
  void aHeaderThatIsMissingOrNotAnAddressWhereItCountsLeavesThePeer() {
    assertThat(client()).isNull();
    assertThat(client("")).isNull();
    assertThat(client("evil.example.com, 10.1.1.1")).as("never resolved").isNull();
    assertThat(client("unknown")).isNull();
    assertThat(client("evil.example.com, 203.0.113.9")).as("garbage left of the client is not read").isEqualTo("203.0.113.9");
  }

  @Test
  void theListTakesAddressesAndCidrBlocksOnly() {
    assertThatThrownBy(() -> new TrustedProxies(List.of("ingress.local"))).isInstanceOf(CapstanException.class)
        .hasMessage("--trusted-proxy ingress.local: not an IP address or CIDR block (e.g. 10.0.0.0/8)");
    assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/99"))).isInstanceOf(CapstanException.class)
        .hasMessageStartingWith("--trusted-proxy 10.0.0.0/99: ");
    assertThat(new TrustedProxies(List.of()).isEmpty()).isTrue();
  }
}
