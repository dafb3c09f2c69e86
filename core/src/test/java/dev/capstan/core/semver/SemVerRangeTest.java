package dev.capstan.core.semver;

import static dev.capstan.core.semver.RangeDialect.GIT_TAGS;
import static dev.capstan.core.semver.RangeDialect.HELM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerRangeTest {

  /** Chart.yaml's kubeVersion and dependency ranges, in the Masterminds syntax Helm charts use. */
  @ParameterizedTest
  @CsvSource({
      ">=1.25.0-0, v1.31.0, true",
      ">=1.25.0-0, v1.24.9, false",
      ">= 1.19 < 1.32, 1.31.4, true",
      ">= 1.19 < 1.32, 1.32.0, false",
      "'>=1.19, <1.30', 1.30.0, false",
      "~1.30.0, 1.30.7, true",
      "~1.30.0, 1.31.0, false",
      "~>1.30, 1.30.7, true",
      "^1.20, 1.99.0, true",
      "^1.20, 2.0.0, false",
      "1.29.x, 1.29.3, true",
      "1.29.x, 1.30.0, false",
      "1.28 - 1.30, 1.30.9, true",
      "1.28 - 1.30, 1.31.0, false",
      "<1.20 || >=1.30, 1.31.0, true",
      "<1.20 || >=1.30, 1.25.0, false",
      "!=1.30.1, 1.30.1, false",
      "!=1.30.1, 1.30.2, true",
      "*, 1.2.3, true",
      ">=1.2.3+build-1, 1.2.3, true",
  })
  void helmRanges(String range, String version, boolean expected) {
    assertThat(SemVerRange.parse(range, HELM).matches(SemVer.parseLoose(version).orElseThrow())).isEqualTo(expected);
  }

  /** Chart versions in repositories: Helm's wildcards, pre-releases only when the range names one. */
  @ParameterizedTest
  @CsvSource({
      "^1.0, 1.9.0, true",
      "^1.0, 2.0.0-rc.1, false",
      "*, 2.0.0-rc.1, false",
      "*, 1.1.0, true",
      ">=2.0.0-0, 2.0.0-rc.1, true",
      "1.2, 1.2.7, true",
      "~1.2.0-0, 1.2.1-beta.1, true",
  })
  void chartVersionRanges(String range, String version, boolean expected) {
    assertThat(SemVerRange.parse(range, RangeDialect.HELM_CHART_VERSIONS).matches(SemVer.parseLoose(version).orElseThrow()))
        .isEqualTo(expected);
  }

  /** What a Git source's {@code ref} may say to pick the highest matching tag. */
  @ParameterizedTest
  @CsvSource({
      ">=1.2.0 <2, 1.2.0, true",
      ">=1.2.0 <2, 1.9.9, true",
      ">=1.2.0 <2, 2.0.0, false",
      ">=1.2.0 <2, 1.1.9, false",
      ">=1.2.0 <2, 1.5.0-rc.1, false",
      ">=1.5.0-rc.0, 1.5.0-rc.1, true",
      "^1.4, 1.9.0, true",
      "^1.4, 2.0.0, false",
      "^0.3.1, 0.3.9, true",
      "^0.3.1, 0.4.0, false",
      "~2.0, 2.0.7, true",
      "~2.0, 2.1.0, false",
      "=1.0.0, 1.0.0, true",
      "<1 || >=3, 3.1.0, true",
      "<1 || >=3, 2.0.0, false",
      "1.x, 1.7.0, true",
      "1.x, 2.0.0, false",
      "*, 9.9.9, true",
      "*, 9.9.9-rc.1, false",
  })
  void gitTagRanges(String range, String version, boolean expected) {
    assertThat(SemVerRange.parse(range, GIT_TAGS).matches(SemVer.parseTag(version).orElseThrow())).isEqualTo(expected);
  }

  /** The two dialects part only where a minor/patch is left out, and on pre-releases; both kept on purpose. */
  @ParameterizedTest
  @CsvSource({
      ">1.2, 1.2.5, false, true",
      ">1.2, 1.3.0, true, true",
      "<=1.2, 1.2.5, true, false",
      "<=1.2, 1.2.0, true, true",
      "^0, 0.5.0, true, false",
      "^0.0, 0.0.5, true, false",
      ">x, 1.0.0, false, true",
      ">=1.2.0 <2, 1.5.0-rc.1, true, false",
      ">=1.2.0-0 <2, 1.5.0-rc.1, true, true",
      "1.2.3, 1.2.3, true, true",
      "^1.2, 1.9.0, true, true",
  })
  void dialectsDifferOnlyOnPartialVersionsAndPreReleases(String range, String version, boolean helm, boolean git) {
    SemVer v = SemVer.parseLoose(version).orElseThrow();
    assertThat(SemVerRange.tryParse(range, HELM).map(r -> r.matches(v)).orElse(false)).isEqualTo(helm);
    assertThat(SemVerRange.parse(range, GIT_TAGS).matches(v)).isEqualTo(git);
  }

  @ParameterizedTest
  @ValueSource(strings = {">= banana", "1.2.3.4", "", "=>1.2", "1.x.3", "!=1.2.x", "<1.20 ||", ">=99999999999999999999"})
  void rejectsWhatIsNotARangeInEitherDialect(String text) {
    for (RangeDialect dialect : RangeDialect.values()) {
      assertThat(SemVerRange.tryParse(text, dialect)).as(dialect.name()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(RangeDialect.class)
  void errorsNameTheTermAtFault(RangeDialect dialect) {
    assertThatThrownBy(() -> SemVerRange.parse(">=banana", dialect))
        .isInstanceOf(InvalidRangeException.class)
        .hasMessage("\"banana\" in semver range \">=banana\" is not a version");
    assertThatThrownBy(() -> SemVerRange.parse("  ", dialect)).hasMessage("empty semver range \"  \"");
  }
}
