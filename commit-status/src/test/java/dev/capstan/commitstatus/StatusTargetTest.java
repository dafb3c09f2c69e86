package dev.capstan.commitstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.webhook.WebhookException;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StatusTargetTest {
  @Test
  void apiRootsFollowEachHostsLayout() {
    assertThat(StatusTarget.forRepository(Provider.GITHUB, RepoId.of("git@github.com:org/app.git")))
        .isEqualTo(new StatusTarget(Provider.GITHUB, URI.create("https://api.github.com"), "org/app"));
    assertThat(StatusTarget.forRepository(Provider.GITHUB, RepoId.of("https://ghe.corp.example/org/app")).apiBase())
        .isEqualTo(URI.create("https://ghe.corp.example/api/v3"));
    assertThat(StatusTarget.forRepository(Provider.GITLAB, RepoId.of("ssh://git@gitlab.corp.example:2222/a/b/c.git")))
        .isEqualTo(new StatusTarget(Provider.GITLAB, URI.create("https://gitlab.corp.example/api/v4"), "a/b/c"));
    assertThat(StatusTarget.forRepository(Provider.GITEA, RepoId.of("https://codeberg.org/org/app")).apiBase())
        .isEqualTo(URI.create("https://codeberg.org/api/v1"));
    assertThat(StatusTarget.forRepository(Provider.BITBUCKET, RepoId.of("https://bitbucket.org/ws/app")).apiBase())
        .isEqualTo(URI.create("https://api.bitbucket.org/2.0"));
  }

  @Test
  void aTrailingSlashOnAnOverriddenApiBaseIsDropped() {
    StatusTarget target = StatusTarget.forRepository(Provider.GITEA, RepoId.of("https://git.example/o/r"))
        .withApiBase(URI.create("https://git.example/gitea/api/v1/"));
    assertThat(target.apiBase()).isEqualTo(URI.create("https://git.example/gitea/api/v1"));
  }

  @Test
  void theGenericProviderHasNoStatusApi() {
    assertThatThrownBy(() -> StatusTarget.forRepository(Provider.GENERIC, RepoId.of("https://git.example/o/r")))
        .isInstanceOf(WebhookException.class)
        .hasMessage("git.example/o/r: the generic provider has no commit status API");
  }

  @Test
  void eachHostGetsItsOwnWordForTheState() {
    assertThat(StatusRequests.stateName(Provider.GITHUB, CommitState.FAILURE)).isEqualTo("failure");
    assertThat(StatusRequests.stateName(Provider.GITLAB, CommitState.FAILURE)).isEqualTo("failed");
    assertThat(StatusRequests.stateName(Provider.GITEA, CommitState.PENDING)).isEqualTo("pending");
    assertThat(StatusRequests.stateName(Provider.BITBUCKET, CommitState.PENDING)).isEqualTo("INPROGRESS");
    assertThat(StatusRequests.stateName(Provider.BITBUCKET, CommitState.SUCCESS)).isEqualTo("SUCCESSFUL");
  }

  @Test
  void longDescriptionsAreCutToWhatGitHubAccepts() {
    CommitStatus status = new CommitStatus("abc", CommitState.FAILURE, "x".repeat(500), null, "capstan/app");
    assertThat(status.description()).hasSize(CommitStatus.MAX_DESCRIPTION).endsWith("…");
  }
}
