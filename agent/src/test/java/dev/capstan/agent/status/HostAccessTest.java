package dev.capstan.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.webhook.event.Provider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostAccessTest {
  @Test
  void hostsTokensAndApiRootsComeFromTheEnvironment() {
    HostAccess access = HostAccess.fromEnvironment(Map.of(
        "CAPSTAN_STATUS_GITHUB_TOKEN", "gh", "CAPSTAN_STATUS_GITEA_TOKEN", "tea",
        "CAPSTAN_STATUS_GITEA_HOSTS", "git.example.org", "CAPSTAN_STATUS_GITEA_API_URL", "https://git.example.org:3000/gitea/api/v1"),
        repo -> Optional.empty());
    HostAccess.Grant github = access.forRepositoryUrl("git@github.com:Acme/Deploy.git").orElseThrow();
    assertThat(github.target().provider()).isEqualTo(Provider.GITHUB);
    assertThat(github.target().apiBase()).isEqualTo(URI.create("https://api.github.com"));
    assertThat(github.target().repositoryPath()).isEqualTo("acme/deploy");
    assertThat(github.token().reveal()).isEqualTo("gh");
    HostAccess.Grant gitea = access.forRepositoryUrl("https://git.example.org/ops/deploy.git").orElseThrow();
    assertThat(gitea.target().apiBase()).isEqualTo(URI.create("https://git.example.org:3000/gitea/api/v1"));
    assertThat(access.forRepositoryUrl("https://gitlab.com/acme/deploy")).as("no GitLab token").isEmpty();
    assertThat(access.forRepositoryUrl("file:///srv/git/deploy.git")).as("hostless").isEmpty();
  }
}
