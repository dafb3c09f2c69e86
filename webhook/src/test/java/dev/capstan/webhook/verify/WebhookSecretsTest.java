package dev.capstan.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.webhook.WebhookException;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretsTest {
  private static final RepoId REPO = RepoId.of("https://github.com/org/apps");

  @Test
  void oneSecretServesEveryProviderWithoutItsOwn(@TempDir Path dir) throws Exception {
    Path gitlab = Files.writeString(dir.resolve("gitlab"), "gitlab-token\n");
    WebhookSecrets secrets = WebhookSecrets.fromEnvironment(Map.of(
        "CAPSTAN_WEBHOOK_SECRET", "shared",
        "CAPSTAN_WEBHOOK_GITHUB_SECRET", "github-only",
        "CAPSTAN_WEBHOOK_GITLAB_SECRET_FILE", gitlab.toString())).build();

    assertThat(secrets.secretFor(Provider.GITHUB, REPO)).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("github-only"));
    assertThat(secrets.secretFor(Provider.GITLAB, REPO)).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("gitlab-token"));
    for (Provider p : new Provider[] {Provider.GITEA, Provider.BITBUCKET, Provider.GENERIC}) {
      assertThat(secrets.secretFor(p, REPO)).as(p.name()).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("shared"));
    }
  }

  @Test
  void withoutAnySecretNothingIsAccepted() {
    WebhookSecrets secrets = WebhookSecrets.fromEnvironment(Map.of("PATH", "/usr/bin")).build();
    for (Provider p : Provider.values()) {
      assertThat(secrets.secretFor(p, REPO)).as(p.name()).isEmpty();
      assertThat(secrets.isOpen(p)).isFalse();
    }
  }

  /** Issue #14: per-repository secrets existed only in the builder; a folder of mounted Secrets now supplies them. */
  @Test
  void aFolderOfMountedSecretsGivesRepositoriesTheirOwn(@TempDir Path dir) throws Exception {
    Path apps = Files.createDirectories(dir.resolve("team-apps"));
    Files.writeString(apps.resolve("repository"), "git@github.com:org/apps.git\n");
    Files.writeString(apps.resolve("secret"), "apps-only\n");
    Files.createDirectories(dir.resolve("..2026_12_04_data"));
    WebhookSecrets secrets = WebhookSecrets.fromEnvironment(Map.of(
        "CAPSTAN_WEBHOOK_SECRET", "shared", "CAPSTAN_WEBHOOK_REPOSITORY_SECRETS_DIR", dir.toString())).build();

    assertThat(secrets.secretFor(Provider.GITHUB, REPO)).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("apps-only"));
    assertThat(secrets.secretFor(Provider.GITHUB, RepoId.of("https://github.com/org/other")))
        .hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("shared"));
  }

  @Test
  void aRepositorySecretWithoutItsSecretFileNamesTheFile(@TempDir Path dir) throws Exception {
    Path apps = Files.createDirectories(dir.resolve("team-apps"));
    Files.writeString(apps.resolve("repository"), "https://github.com/org/apps\n");

    assertThatThrownBy(() -> WebhookSecrets.fromEnvironment(Map.of("CAPSTAN_WEBHOOK_REPOSITORY_SECRETS_DIR", dir.toString())))
        .isInstanceOf(WebhookException.class)
        .hasMessage(apps.resolve("secret") + ": cannot read secret file: NoSuchFileException");
  }
}
