package dev.capstan.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KubeEnvTest {
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  @Test
  void namespaceNamesAreLowerCaseDnsLabelsWithARandomSuffix() {
    String name = KubeEnv.uniqueName("it-ServerSideApplyIT");

    assertThat(name).matches("it-serversideapplyit-[a-z0-9]+").matches(DNS_LABEL);
    assertThat(KubeEnv.uniqueName("it-ServerSideApplyIT")).isNotEqualTo(name);
  }

  @Test
  void longOrOddPrefixesAreCutToSixtyThreeCharacters() {
    String name = KubeEnv.uniqueName("it-" + "VeryLong$Nested_ClassName".repeat(5) + "-");

    assertThat(name).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL).startsWith("it-verylong-nested-classname");
    assertThat(KubeEnv.uniqueName("___")).matches("test-[a-z0-9]+");
  }
}
