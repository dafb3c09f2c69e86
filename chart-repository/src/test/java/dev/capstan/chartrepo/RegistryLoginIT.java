package dev.capstan.chartrepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.chartrepo.http.Credentials;
import dev.capstan.chartrepo.http.HttpTransport;
import dev.capstan.chartrepo.http.SourceException;
import dev.capstan.chartrepo.http.TransportOptions;
import dev.capstan.chartrepo.oci.OciRegistryClient;
import dev.capstan.testsupport.OciRegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The login check against a registry that runs Docker's token flow: a good login passes, a bad one is one line without the secret. */
class RegistryLoginIT {
  @RegisterExtension static final OciRegistryExtension REGISTRY = OciRegistryExtension.withTokenAuth("ci", "s3cret");

  private final OciRegistryClient client = new OciRegistryClient(HttpTransport.create(TransportOptions.defaults().withPlainHttp(true)));

  @Test
  void theTokenServiceDecides() {
    int before = REGISTRY.tokensIssued();
    client.checkLogin(REGISTRY.host(), Credentials.basic("ci", "s3cret"));
    assertThat(REGISTRY.tokensIssued()).isEqualTo(before + 1);
    assertThatThrownBy(() -> client.checkLogin(REGISTRY.host(), Credentials.basic("ci", "hunter2")))
        .isInstanceOf(SourceException.class)
        .hasMessage(REGISTRY.host() + ": the registry's token service refused the credentials (HTTP 401)")
        .hasMessageNotContaining("hunter2");
  }
}
