package dev.capstan.git.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.core.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorTest {
  @TempDir Path tmp;

  @Test
  void masksPasswordsInUrlsAndKnownSecretsAnywhere() {
    String text = "https://bot:tok3n-value@github.com/org/repo.git: not authorized (token tok3n-value)";

    assertThat(Redactor.mask(text, List.of(Secret.of("tok3n-value"))))
        .isEqualTo("https://bot:***@github.com/org/repo.git: not authorized (token ***)");
    assertThat(Redactor.maskUrlCredentials("ssh://git@host/repo.git")).isEqualTo("ssh://git@host/repo.git");
  }

  @Test
  void secretsNeverPrint() {
    Credentials.Basic basic = new Credentials.Basic("alice", Secret.of("pa55word"));

    assertThat(basic.toString()).doesNotContain("pa55word").contains("***");
  }

  @Test
  void directoryLaidOutLikeAKubernetesSecret() throws Exception {
    Files.writeString(tmp.resolve("username"), "alice\n");
    Files.writeString(tmp.resolve("password"), "pa55word\n");
    Files.writeString(tmp.resolve("url"), "https://github.com/acme\n");

    Credentials c = CredentialsRef.directory(tmp).load();

    assertThat(c).isEqualTo(new Credentials.Basic("alice", Secret.of("pa55word"),
        java.util.Optional.of(CredentialScope.parse("https://github.com/acme", "url"))));
  }

  @Test
  void tokenFromTheEnvironmentNeedsNoUser() {
    Map<String, String> env = Map.of("SHOP_TOKEN", "ghp_abc");

    Credentials c = CredentialsRef.env("SHOP").load(env::get);

    assertThat(c).isEqualTo(new Credentials.Basic("git", Secret.of("ghp_abc")));
  }

  @Test
  void emptyCredentialSourceIsAnErrorNamingIt() {
    assertThatThrownBy(() -> CredentialsRef.env("NOPE").load(name -> null))
        .hasMessageStartingWith("credentials(env NOPE_*): no credentials found");
  }
}
