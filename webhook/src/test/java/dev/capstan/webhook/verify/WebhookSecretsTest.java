package dev.capstan.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.webhook.WebhookException;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /** As Kubernetes updates a mounted Secret: the key files are links into ..data, which is swapped atomically. */
  @Test
  void aRotatedMountedSecretAppliesWithoutARestart(@TempDir Path dir) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("team-apps"));
    mount(mount, "v1", "first-secret");
    Files.createSymbolicLink(mount.resolve("repository"), Path.of("..data/repository"));
    Files.createSymbolicLink(mount.resolve("secret"), Path.of("..data/secret"));
    WebhookSecrets secrets = WebhookSecrets.fromEnvironment(Map.of("CAPSTAN_WEBHOOK_REPOSITORY_SECRETS_DIR", dir.toString())).build();
    assertThat(secrets.secretFor(Provider.GITHUB, REPO)).hasValueSatisfying(s -> assertThat(s.reveal()).isEqualTo("first-secret"));

    mount(mount, "v2", "second-secret");

    long deadline = System.nanoTime() + RefreshingValue.MAX_AGE.multipliedBy(4).toNanos();
    while (!"second-secret".equals(secrets.secretFor(Provider.GITHUB, REPO).orElseThrow().reveal())) {
      assertThat(System.nanoTime()).as("the rotated secret within 4 x MAX_AGE").isLessThan(deadline);
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    assertThat(secrets.secretFor(Provider.GITHUB, REPO).orElseThrow().reveal()).isEqualTo("second-secret");
  }

  private static void mount(Path mount, String version, String secret) throws Exception {
    Path data = Files.createDirectories(mount.resolve("..2026_12_04_" + version));
    Files.writeString(data.resolve("repository"), "https://github.com/org/apps.git\n");
    Files.writeString(data.resolve("secret"), secret + "\n");
    Path link = Files.createSymbolicLink(mount.resolve("..data_tmp"), data.getFileName());
    Files.move(link, mount.resolve("..data"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
