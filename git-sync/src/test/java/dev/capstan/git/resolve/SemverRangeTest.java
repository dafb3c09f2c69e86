package dev.capstan.git.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdRef;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SemverRangeTest {

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
  })
  void matches(String range, String version, boolean expected) {
    assertThat(SemverRange.parse(range).matches(Semver.fromTag(version).orElseThrow())).isEqualTo(expected);
  }

  @Test
  void preReleasesSortBeforeTheirRelease() {
    assertThat(Semver.fromTag("v1.0.0-alpha").orElseThrow())
        .isLessThan(Semver.fromTag("1.0.0-alpha.1").orElseThrow())
        .isLessThan(Semver.fromTag("1.0.0-beta").orElseThrow());
    assertThat(Semver.fromTag("1.0.0-rc.11").orElseThrow()).isGreaterThan(Semver.fromTag("1.0.0-rc.2").orElseThrow());
    assertThat(Semver.fromTag("1.0.0").orElseThrow()).isGreaterThan(Semver.fromTag("1.0.0-rc.2").orElseThrow());
  }

  @Test
  void refQueryClassifiesWhatUsersWrite() {
    assertThat(RefQuery.parse("main").kind()).isEqualTo(RefQuery.Kind.NAME);
    assertThat(RefQuery.parse("refs/tags/v1").kind()).isEqualTo(RefQuery.Kind.FULL_REF);
    assertThat(RefQuery.parse("0123456789ABCDEF0123456789abcdef01234567"))
        .isEqualTo(new RefQuery(RefQuery.Kind.COMMIT, "0123456789abcdef0123456789abcdef01234567"));
    assertThat(RefQuery.parse(">=1.2.0 <2").kind()).isEqualTo(RefQuery.Kind.SEMVER);
    assertThat(RefQuery.parse("semver:1.x").kind()).isEqualTo(RefQuery.Kind.SEMVER);
    assertThatThrownBy(() -> RefQuery.parse(">=banana")).hasMessageStartingWith("ref: \"banana\"");
  }

  @Test
  void highestMatchingTagWinsAndBranchesBeatTagsOfTheSameName() {
    ObjectId a = ObjectId.fromString("1111111111111111111111111111111111111111");
    ObjectId b = ObjectId.fromString("2222222222222222222222222222222222222222");
    Map<String, Ref> refs = Map.of(
        "refs/tags/v1.2.0", new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/tags/v1.2.0", a),
        "refs/tags/v1.10.0", new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/tags/v1.10.0", b),
        "refs/tags/v2.0.0", new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/tags/v2.0.0", a),
        "refs/tags/main", new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/tags/main", a),
        "refs/heads/main", new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/heads/main", b));
    RefResolver resolver = new RefResolver();

    assertThat(resolver.resolve(RefQuery.parse(">=1.2.0 <2"), refs)).map(RemoteRef::name).contains("refs/tags/v1.10.0");
    assertThat(resolver.resolve(RefQuery.parse("main"), refs)).map(RemoteRef::name).contains("refs/heads/main");
    assertThat(resolver.resolve(RefQuery.parse(">=3"), refs)).isEmpty();
  }
}
