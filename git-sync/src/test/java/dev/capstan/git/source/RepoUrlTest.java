package dev.capstan.git.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepoUrlTest {

  @Test
  void scpLikeFormBecomesSshUrl() {
    RepoUrl url = RepoUrl.parse("git@GitHub.com:org/repo.git");

    assertThat(url.scheme()).isEqualTo(Scheme.SSH);
    assertThat(url.transportUrl()).isEqualTo("ssh://git@github.com/org/repo.git");
    assertThat(url.cacheKey()).isEqualTo("ssh://github.com/org/repo");
  }

  @Test
  void spellingsOfOneRepositoryShareACacheKey() {
    assertThat(RepoUrl.parse("https://github.com/org/repo.git").cacheKey())
        .isEqualTo(RepoUrl.parse("https://GITHUB.com/org/repo/").cacheKey())
        .isEqualTo(RepoUrl.parse("https://user@github.com/org/repo").cacheKey());
  }

  @Test
  void passwordInTheUrlIsTakenOutAndNeverPrinted() {
    RepoUrl url = RepoUrl.parse("https://bot:ghp_SECRET123@github.com/org/repo.git");

    assertThat(url.password()).map(s -> s.reveal()).contains("ghp_SECRET123");
    assertThat(url.toString()).isEqualTo("https://bot@github.com/org/repo.git");
    assertThat(url.transportUrl()).doesNotContain("SECRET");
  }

  @Test
  void plainHttpIsAcceptedWithAWarning() {
    assertThat(RepoUrl.parse("http://git.local/repo.git").insecureTransportWarning())
        .hasValueSatisfying(w -> assertThat(w).contains("not encrypted"));
    assertThat(RepoUrl.parse("https://git.local/repo.git").insecureTransportWarning()).isEmpty();
  }

  @Test
  void portsAndFileUrlsAreKept() {
    assertThat(RepoUrl.parse("ssh://git@127.0.0.1:2222/shop.git").transportUrl())
        .isEqualTo("ssh://git@127.0.0.1:2222/shop.git");
    assertThat(RepoUrl.parse("file:///srv/git/shop.git").transportUrl()).isEqualTo("file:///srv/git/shop.git");
  }

  @Test
  void badUrlsNameTheFieldAndHideThePassword() {
    assertThatThrownBy(() -> RepoUrl.parse("ftp://u:hunter22@host/repo.git"))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageStartingWith("repoURL: unsupported scheme \"ftp\"")
        .hasMessageNotContaining("hunter22");
    assertThatThrownBy(() -> RepoUrl.parse(" ")).hasMessage("repoURL: is empty");
  }

  @Test
  void sourcePathIsNormalisedAndMayNotLeaveTheRepository() {
    assertThat(GitSource.of("https://h/r.git", "main").withPath("./apps/web/").path()).isEqualTo("apps/web");
    assertThatThrownBy(() -> GitSource.of("https://h/r.git", "main").withPath("apps/../../etc"))
        .hasMessageStartingWith("path: ");
  }
}
