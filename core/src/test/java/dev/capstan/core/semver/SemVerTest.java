package dev.capstan.core.semver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemVerTest {
  @ParameterizedTest
  @CsvSource({"1.2.3, true", "0.1.0-rc.1+build.5, true", "1.2, false", "v1.2.3, false", "01.2.3, false",
      "1.0.0-, false", "1.0.0-rc..1, false"})
  void chartVersionsMustBeStrictSemVer(String text, boolean valid) {
    assertThat(SemVer.parse(text).isPresent()).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"v1.31.0, 1.31.0", "1.31, 1.31.0", "v1, 1.0.0", "v1.30.2-eks.1+abc, 1.30.2-eks.1", "' 1.2.3 ', 1.2.3"})
  void looseVersionsTakeAVAndMissingParts(String text, String expected) {
    assertThat(SemVer.parseLoose(text)).map(SemVer::toString).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"v1.2.3, true", "1.2.3-rc.1, true", "v1.2, false", "release-1.2.3, false", "v1.2.3.4, false",
      "1.0.0-rc..1, false", "v99999999999999999999.0.0, false"})
  void tagsNeedAllThreeNumbers(String tag, boolean version) {
    assertThat(SemVer.parseTag(tag).isPresent()).isEqualTo(version);
  }

  @Test
  void tagsBeyondAnIntStillParse() {
    assertThat(SemVer.parseTag("v3000000000.0.0")).map(SemVer::major).contains(3_000_000_000L);
  }

  @ParameterizedTest
  @CsvSource({"1.0.0-alpha, 1.0.0-alpha.1", "1.0.0-alpha.1, 1.0.0-alpha.beta", "1.0.0-alpha.beta, 1.0.0-beta",
      "1.0.0-beta, 1.0.0-beta.2", "1.0.0-beta.2, 1.0.0-beta.11", "1.0.0-beta.11, 1.0.0-rc.1", "1.0.0-rc.1, 1.0.0",
      "1.0.0, 1.0.1", "1.9.0, 1.10.0", "1.0.0-rc.9, 1.0.0-rc.99999999999999999999"})
  void ordersBySemVerPrecedence(String lower, String higher) {
    SemVer low = SemVer.parseLoose(lower).orElseThrow();
    SemVer high = SemVer.parseLoose(higher).orElseThrow();
    assertThat(low).isLessThan(high);
    assertThat(high).isGreaterThan(low);
  }

  @Test
  void buildMetadataHasNoPrecedence() {
    assertThat(SemVer.parse("1.0.0+a").orElseThrow()).isEqualByComparingTo(SemVer.parse("1.0.0+b").orElseThrow());
  }

  @Test
  void aVPrefixedTagSortsWithTheBareOne() {
    assertThat(SemVer.parseTag("v1.0.0-alpha").orElseThrow())
        .isLessThan(SemVer.parseTag("1.0.0-alpha.1").orElseThrow())
        .isLessThan(SemVer.parseTag("1.0.0-beta").orElseThrow());
    assertThat(SemVer.parseTag("1.0.0-rc.11").orElseThrow()).isGreaterThan(SemVer.parseTag("1.0.0-rc.2").orElseThrow());
  }
}
