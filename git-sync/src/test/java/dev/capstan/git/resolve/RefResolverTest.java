package dev.capstan.git.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.git.source.InvalidSourceException;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdRef;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.Test;

/** Ref classification and tag picking; the range grammar itself is tested in core ({@code SemVerRangeTest}). */
class RefResolverTest {

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
        "refs/tags/v1.2.0", ref("refs/tags/v1.2.0", a),
        "refs/tags/v1.10.0", ref("refs/tags/v1.10.0", b),
        "refs/tags/v2.0.0", ref("refs/tags/v2.0.0", a),
        "refs/tags/main", ref("refs/tags/main", a),
        "refs/heads/main", ref("refs/heads/main", b));
    RefResolver resolver = new RefResolver();

    assertThat(resolver.resolve(RefQuery.parse(">=1.2.0 <2"), refs)).map(RemoteRef::name).contains("refs/tags/v1.10.0");
    assertThat(resolver.resolve(RefQuery.parse("main"), refs)).map(RemoteRef::name).contains("refs/heads/main");
    assertThat(resolver.resolve(RefQuery.parse(">=3"), refs)).isEmpty();
  }

  @Test
  void preReleaseTagsArePickedOnlyWhenTheRangeNamesOne() {
    ObjectId a = ObjectId.fromString("1111111111111111111111111111111111111111");
    Map<String, Ref> refs = Map.of(
        "refs/tags/v1.4.0", ref("refs/tags/v1.4.0", a),
        "refs/tags/v1.5.0-rc.1", ref("refs/tags/v1.5.0-rc.1", a),
        "refs/tags/v1.6", ref("refs/tags/v1.6", a));
    RefResolver resolver = new RefResolver();

    assertThat(resolver.resolve(RefQuery.parse(">1.2"), refs)).map(RemoteRef::name).contains("refs/tags/v1.4.0");
    assertThat(resolver.resolve(RefQuery.parse(">=1.5.0-0"), refs)).map(RemoteRef::name).contains("refs/tags/v1.5.0-rc.1");
  }

  private static Ref ref(String name, ObjectId id) {
    return new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, name, id);
  }

  @Test
  void aBadRangeIsAnErrorOnTheRefField() {
    assertThatThrownBy(() -> RefQuery.parse("semver:"))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessage("ref: empty semver range \"\"");
  }
}
