package dev.capstan.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chart.yaml's kubeVersion ranges, in the Masterminds syntax Helm charts use. */
class VersionConstraintTest {
  @ParameterizedTest
  @CsvSource({
      ">=1.25.0-0, v1.31.0, true",
      ">=1.25.0-0, v1.24.9, false",
      ">= 1.19 < 1.32, 1.31.4, true",
      ">= 1.19 < 1.32, 1.32.0, false",
      "'>=1.19, <1.30', 1.30.0, false",
      "~1.30.0, 1.30.7, true",
      "~1.30.0, 1.31.0, false",
      "^1.20, 1.99.0, true",
      "^1.20, 2.0.0, false",
      "1.29.x, 1.29.3, true",
      "1.29.x, 1.30.0, false",
      "1.28 - 1.30, 1.30.9, true",
      "1.28 - 1.30, 1.31.0, false",
      "<1.20 || >=1.30, 1.31.0, true",
      "<1.20 || >=1.30, 1.25.0, false",
      "!=1.30.1, 1.30.1, false",
      "*, 1.2.3, true",
  })
  void allows(String constraint, String version, boolean expected) {
    VersionConstraint c = VersionConstraint.parse(constraint).orElseThrow();
    assertThat(c.allows(SemVer.parseLoose(version).orElseThrow())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {">= banana", "1.2.3.4", "", "=>1.2"})
  void rejectsWhatIsNotAConstraint(String text) {
    assertThat(VersionConstraint.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1.2.3, true", "0.1.0-rc.1+build.5, true", "1.2, false", "v1.2.3, false", "01.2.3, false"})
  void chartVersionsMustBeStrictSemVer(String text, boolean valid) {
    assertThat(SemVer.parse(text).isPresent()).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"1.0.0-alpha, 1.0.0-alpha.1", "1.0.0-alpha.1, 1.0.0-beta", "1.0.0-beta.2, 1.0.0-beta.11", "1.0.0-rc.1, 1.0.0"})
  void preReleasesOrderBySemVerPrecedence(String lower, String higher) {
    assertThat(SemVer.parse(lower).orElseThrow()).isLessThan(SemVer.parse(higher).orElseThrow());
  }
}
