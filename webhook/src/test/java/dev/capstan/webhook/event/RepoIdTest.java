package dev.capstan.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.webhook.WebhookException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoIdTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "https://github.com/org/repo",
    "https://github.com/org/repo.git",
    "https://github.com/org/repo/",
    "git@github.com:org/repo.git",
    "ssh://git@github.com/org/repo",
    "ssh://git@github.com:22/org/repo.git",
    "https://user:token@github.com/Org/Repo.git",
    "http://github.com/org/repo",
    "github.com:org/repo"
  })
  void everySpellingOfOneRepositoryIsTheSame(String url) {
    assertThat(RepoId.of(url)).isEqualTo(new RepoId("github.com/org/repo"));
  }

  @Test
  void gitLabSubgroupsAndSelfHostedPortsAreKept() {
    RepoId http = RepoId.of("https://gitlab.example.com:8443/platform/infra/config.git");
    RepoId ssh = RepoId.of("ssh://git@gitlab.example.com:2222/platform/infra/config.git");
    assertThat(http).isEqualTo(ssh);
    assertThat(http.host()).isEqualTo("gitlab.example.com");
    assertThat(http.path()).isEqualTo("platform/infra/config");
  }

  @Test
  void differentRepositoriesDiffer() {
    assertThat(RepoId.of("https://github.com/org/repo")).isNotEqualTo(RepoId.of("https://github.com/org/repo2"));
    assertThat(RepoId.of("https://github.com/org/repo")).isNotEqualTo(RepoId.of("https://gitlab.com/org/repo"));
  }

  @Test
  void aUrlWithoutARepositoryNamesItselfInTheError() {
    assertThatThrownBy(() -> RepoId.of("https://github.com/"))
        .isInstanceOf(WebhookException.class)
        .hasMessage("https://github.com/: names a host but no repository");
    assertThatThrownBy(() -> RepoId.of(" "))
        .isInstanceOf(WebhookException.class)
        .hasMessage("repository URL: is empty");
  }
}
