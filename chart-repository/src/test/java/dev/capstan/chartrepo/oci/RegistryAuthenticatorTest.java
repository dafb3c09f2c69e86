package dev.capstan.chartrepo.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryAuthenticatorTest {
  @Test
  void readsTheBearerChallengesParameters() {
    assertThat(RegistryAuthenticator.params(
        "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:a/b:pull\""))
        .isEqualTo(Map.of("realm", "https://auth.example.com/token", "service", "registry.example.com",
            "scope", "repository:a/b:pull"));
  }
}
