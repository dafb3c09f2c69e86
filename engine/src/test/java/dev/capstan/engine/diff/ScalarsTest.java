package dev.capstan.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalarsTest {
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
      "1, 1000m, true",
      "1Gi, 1024Mi, true",
      "0.5, 500m, true",
      "80, 80, true",
      "1, 2, false",
      "http, 80, false",
      "1Gi, 1G, false",
      "web, web, true",
  })
  void comparesAsKubernetesDoes(String a, String b, boolean equal) {
    assertThat(Scalars.equivalent(a, b)).isEqualTo(equal);
  }

  @ParameterizedTest(name = "int {0} vs string {1}")
  @CsvSource({"80, 80, true", "1, 1000m, true", "3, 4, false"})
  void numbersAndStringsOfTheSameValueAreEqual(int a, String b, boolean equal) {
    assertThat(Scalars.equivalent(a, b)).isEqualTo(equal);
    assertThat(Scalars.equivalent(b, a)).isEqualTo(equal);
  }
}
