package dev.capstan.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.core.Secret;
import dev.capstan.webhook.WebhookException;
import dev.capstan.webhook.event.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretValuesTest {
  @TempDir Path dir;

  @Test
  void aMountedSecretFileLosesItsTrailingNewline() throws IOException {
    Path file = Files.writeString(dir.resolve("github"), "hunter2\n");
    assertThat(SecretValues.fromFile(file).reveal()).isEqualTo("hunter2");
  }

  @Test
  void secretsNeverPrint() {
    Secret secret = SecretValues.parse("hunter2");
    WebhookSecrets secrets = WebhookSecrets.builder().provider(Provider.GITHUB, secret)
        .repository("https://github.com/o/r", secret).build();
    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(secrets.toString()).doesNotContain("hunter2").contains("GITHUB", "github.com/o/r");
  }

  @Test
  void errorsNameTheFileOrVariableButNotTheValue() {
    assertThatThrownBy(() -> SecretValues.fromFile(dir.resolve("missing")))
        .isInstanceOf(WebhookException.class)
        .hasMessage(dir.resolve("missing") + ": cannot read secret file: NoSuchFileException");
    assertThatThrownBy(() -> SecretValues.fromEnv(Map.of(), "GITHUB_WEBHOOK_SECRET"))
        .isInstanceOf(WebhookException.class)
        .hasMessage("$GITHUB_WEBHOOK_SECRET: environment variable is not set or empty");
  }

  @Test
  void environmentNamesAVariableOrAFilePerProvider() throws IOException {
    Path file = Files.writeString(dir.resolve("gitlab-token"), "from-file\n");
    WebhookSecrets secrets = WebhookSecrets.fromEnvironment(Map.of(
        "CAPSTAN_WEBHOOK_GITHUB_SECRET", "from-env",
        "CAPSTAN_WEBHOOK_GITLAB_SECRET_FILE", file.toString())).build();
    assertThat(secrets.secretFor(Provider.GITHUB, null)).map(Secret::reveal).contains("from-env");
    assertThat(secrets.secretFor(Provider.GITLAB, null)).map(Secret::reveal).contains("from-file");
    assertThat(secrets.secretFor(Provider.GITEA, null)).isEmpty();
  }
}
