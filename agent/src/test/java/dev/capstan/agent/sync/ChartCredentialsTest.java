package dev.capstan.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.chartrepo.http.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which credentials a chart source's secretRef yields, and when the Git binding rules refuse them before any request. */
class ChartCredentialsTest {
  @TempDir Path dir;
  private ChartCredentials credentials;

  @BeforeEach
  void setUp() {
    credentials = new ChartCredentials(new FolderSecrets(dir));
  }

  private void secret(String name, String... keysAndValues) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Files.writeString(folder.resolve(keysAndValues[i]), keysAndValues[i + 1]);
    }
  }

  private static Application app(String source) {
    return FakeWorld.app("web", "source: " + source);
  }

  private ChartCredentials.Keys of(Application app) {
    return credentials.of(app, app.getSpec().deployedSource());
  }

  @Test
  void anOciUrlKeyCoversTheRegistryPathItNamesOverTheSourcesTransport() throws Exception {
    secret("registry", "url", "oci://ghcr.io/acme", "username", "bot", "password", "pw\n");

    ChartCredentials.Keys keys = of(app("{repoURL: \"oci://ghcr.io/acme/charts\", chart: web, ref: \"1.0.0\", secretRef: registry}"));

    assertThat(keys.credentials()).isEqualTo(Credentials.basic("bot", "pw"));
    assertThat(keys.ca()).isEmpty();
    assertThatThrownBy(() -> of(app("{repoURL: \"oci://ghcr.io/acme-evil/web\", secretRef: registry}")))
        .isInstanceOf(CredentialsRefusedException.class)
        .hasMessageStartingWith("spec.source.secretRef: credentials(folder " + dir.resolve("registry") + "): key \"url\" binds")
        .hasMessageContaining("does not cover https://ghcr.io/acme-evil/web");
  }

  @Test
  void aGitSourcesSecretReachesADependencyRepositoryOnlyWhenItsUrlCoversIt() throws Exception {
    secret("both", "url", "https://example.com", "username", "bot", "password", "pw");
    secret("git", "url", "https://git.example.com/acme", "username", "bot", "password", "pw");
    secret("ssh", "sshPrivateKey", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    secret("plain", "url", "http://charts.example.com", "username", "u", "password", "hunter2");
    Application both = app("{repoURL: \"https://example.com/acme/charts.git\", path: app, secretRef: both}");
    Application git = app("{repoURL: \"https://git.example.com/acme/charts.git\", path: app, secretRef: git}");
    Application ssh = app("{repoURL: \"https://git.example.com/acme/charts.git\", path: app, secretRef: ssh}");
    Application plain = app("{repoURL: \"https://git.example.com/acme/charts.git\", path: app, secretRef: plain}");

    assertThat(credentials.forDependency(both, both.getSpec().deployedSource(), "https://example.com/charts"))
        .isEqualTo(Credentials.basic("bot", "pw"));
    assertThat(credentials.forDependency(both, both.getSpec().deployedSource(), "oci://example.com/charts"))
        .isEqualTo(Credentials.basic("bot", "pw"));
    assertThat(credentials.forDependency(git, git.getSpec().deployedSource(), "https://charts.example.com"))
        .as("the Git host's Secret stays with the Git host").isEqualTo(Credentials.NONE);
    assertThat(credentials.forDependency(ssh, ssh.getSpec().deployedSource(), "https://charts.example.com")).isEqualTo(Credentials.NONE);
    assertThat(credentials.forDependency(app("{repoURL: \"https://example.com/x.git\", path: app}"),
        app("{repoURL: \"https://example.com/x.git\", path: app}").getSpec().deployedSource(), "https://example.com"))
        .isEqualTo(Credentials.NONE);
    assertThatThrownBy(() -> credentials.forDependency(plain, plain.getSpec().deployedSource(), "http://charts.example.com/stable"))
        .isInstanceOf(CredentialsRefusedException.class)
        .hasMessageContaining("refusing to send a password or token over plain http:// to charts.example.com")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aTokenIsABearerAndACaAloneNeedsNoUrl() throws Exception {
    secret("token", "url", "https://charts.example.com/", "token", "t0ken");
    secret("ca", "ca.crt", "-----BEGIN CERTIFICATE-----\n");

    assertThat(of(app("{repoURL: \"https://charts.example.com/stable\", chart: web, secretRef: token}")).credentials())
        .isEqualTo(Credentials.bearer("t0ken"));
    ChartCredentials.Keys ca = of(app("{repoURL: \"https://charts.example.com\", chart: web, secretRef: ca}"));
    assertThat(ca.credentials()).isEqualTo(Credentials.NONE);
    assertThat(ca.ca()).isPresent();
  }

  @Test
  void aPasswordNeverGoesOverPlainHttpToAHostThatIsNotLoopback() throws Exception {
    secret("plain", "url", "http://charts.example.com", "username", "u", "password", "hunter2");
    secret("local", "url", "oci://127.0.0.1:5000", "username", "u", "password", "hunter2");

    assertThatThrownBy(() -> of(app("{repoURL: \"http://charts.example.com\", chart: web, secretRef: plain}")))
        .isInstanceOf(CredentialsRefusedException.class)
        .hasMessageContaining("refusing to send a password or token over plain http:// to charts.example.com")
        .hasMessageNotContaining("hunter2");
    assertThat(of(app("{repoURL: \"oci://127.0.0.1:5000/charts/web\", insecure: true, secretRef: local}")).credentials())
        .isEqualTo(Credentials.basic("u", "hunter2"));
  }

  @Test
  void aSecretWithoutCredentialsOrThatIsMissingIsNamed() throws Exception {
    secret("empty", "url", "https://charts.example.com");

    assertThatThrownBy(() -> of(app("{repoURL: \"https://charts.example.com\", chart: web, secretRef: empty}")))
        .isInstanceOf(ApplicationException.class).isNotInstanceOf(CredentialsRefusedException.class)
        .hasMessage("spec.source.secretRef: folder " + dir.resolve("empty") + " holds no username/password, token or ca.crt");
    assertThatThrownBy(() -> of(app("{repoURL: \"https://charts.example.com\", chart: web, secretRef: missing}")))
        .hasMessage("folder " + dir.resolve("missing") + ": no such folder");
    assertThat(of(app("{repoURL: \"https://charts.example.com\", chart: web}"))).isEqualTo(ChartCredentials.Keys.NONE);
  }
}
