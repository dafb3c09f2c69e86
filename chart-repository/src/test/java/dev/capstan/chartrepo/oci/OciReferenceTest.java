package dev.capstan.chartrepo.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OciReferenceTest {
  @Test
  void readsHostRepositoryTagAndDigest() {
    OciReference ref = OciReference.parse("oci://Registry.Example.com:5000/team/charts/web:1.2.0_build.7");
    assertThat(ref.registry()).isEqualTo("registry.example.com:5000");
    assertThat(ref.repository()).isEqualTo("team/charts/web");
    assertThat(ref.tag()).contains("1.2.0_build.7");
    assertThat(OciReference.versionOf(ref.tag().orElseThrow())).isEqualTo("1.2.0+build.7");
    assertThat(ref.chartName()).isEqualTo("web");
    String digest = "sha256:" + "ab".repeat(32);
    assertThat(OciReference.parse("oci://host/web@" + digest).digest().orElseThrow().toString()).isEqualTo(digest);
  }

  @Test
  void pushTargetsAndVersionsBecomeTags() {
    OciReference base = OciReference.parse("oci://127.0.0.1:5000/charts");
    assertThat(base.child("web").withVersion("2.0.0+meta").toString()).isEqualTo("oci://127.0.0.1:5000/charts/web:2.0.0_meta");
  }

  @Test
  void badReferencesSayWhatIsWrong() {
    assertThatThrownBy(() -> OciReference.parse("https://host/web")).hasMessage("an OCI reference starts with oci://, not \"https://host/web\"");
    assertThatThrownBy(() -> OciReference.parse("oci://host")).hasMessage("\"oci://host\" names no repository: write oci://host/path/chart");
    assertThatThrownBy(() -> OciReference.parse("oci://host/Web")).hasMessageStartingWith("\"Web\" is not a registry repository name");
    assertThatThrownBy(() -> OciReference.parse("oci://host/web@sha256:xyz"))
        .hasMessage("\"oci://host/web@sha256:xyz\": the part after @ is not a sha256 digest");
  }
}
