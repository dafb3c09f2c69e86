package dev.capstan.git.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.capstan.core.Secret;
import dev.capstan.git.source.RepoUrl;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which repositories a Secret's {@code url} covers, and when credentials may not be used at all. */
class CredentialScopeTest {

  private static boolean covers(String scope, String repo) {
    return CredentialScope.parse(scope, "url").covers(RepoUrl.parse(repo));
  }

  @Test
  void aPrefixCoversRepositoriesBelowItAtAPathBoundary() {
    assertThat(covers("https://github.com/acme", "https://github.com/acme/shop.git")).isTrue();
    assertThat(covers("https://github.com/acme/", "https://github.com/acme/shop")).isTrue();
    assertThat(covers("https://github.com/acme/shop.git", "https://github.com/acme/shop")).isTrue();
    assertThat(covers("https://github.com", "https://github.com/anyone/x.git")).isTrue();
    assertThat(covers("https://github.com:443/acme", "https://github.com/acme/x.git")).isTrue();

    assertThat(covers("https://github.com/acme", "https://github.com/acme-evil/x.git")).isFalse();
    assertThat(covers("https://github.com/acme/shop", "https://github.com/acme/shop-tools.git")).isFalse();
    assertThat(covers("https://github.com/acme", "http://github.com/acme/x.git")).isFalse();
    assertThat(covers("https://github.com/acme", "https://github.com:8443/acme/x.git")).isFalse();
    assertThat(covers("https://github.com/acme", "https://gitlab.com/acme/x.git")).isFalse();
  }

  @Test
  void scpLikeAndSshUrlsAreTheSameRepository() {
    assertThat(covers("git@github.com:acme", "ssh://git@github.com/acme/shop.git")).isTrue();
    assertThat(covers("ssh://git@github.com/acme", "git@github.com:acme/shop.git")).isTrue();
    assertThat(covers("git@github.com:acme", "https://github.com/acme/shop.git")).isFalse();
  }

  @Test
  void aUrlThatIsNotOneIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> CredentialScope.parse("", "Secret shop/git: key \"url\""))
        .hasMessageStartingWith("Secret shop/git: key \"url\": is empty");
    assertThatThrownBy(() -> CredentialScope.parse("ftp://example.com/x", "url")).hasMessageContaining("unsupported scheme");
  }

  @Test
  void aPasswordNeverCrossesTheNetworkOverPlainHttp() {
    CredentialsRef ref = CredentialsRef.store("Secret shop/git", () -> Map.of(
        "url", "http://git.example.com/", "password", "tok3n-value"));
    Credentials creds = ref.load();

    Optional<String> refused = CredentialBinding.refusal(RepoUrl.parse("http://git.example.com/acme/x.git"), creds, ref);

    assertThat(refused).get().asString().contains("plain http://").doesNotContain("tok3n-value");
    assertThat(CredentialBinding.refusal(RepoUrl.parse("http://127.0.0.1:8080/acme/x.git"),
        new Credentials.Basic("git", Secret.of("x"), Optional.of(CredentialScope.parse("http://127.0.0.1:8080", "url"))), ref))
        .isEmpty();
    assertThat(CredentialBinding.refusal(RepoUrl.parse("http://git.example.com/acme/x.git"), new Credentials.Anonymous(), ref))
        .isEmpty();
  }

  @Test
  void storeKeysAreArgoCdsAndAMissingStoreIsAnErrorNamingIt() {
    Credentials key = CredentialsRef.store("Secret shop/git", () -> Map.of(
        "url", "git@github.com:acme", "sshPrivateKey", "-----BEGIN OPENSSH PRIVATE KEY-----\n")).load();
    assertThat(key).isInstanceOf(Credentials.SshKey.class);
    assertThat(key.scope()).contains(CredentialScope.parse("ssh://github.com/acme", "url"));

    CredentialsRef missing = CredentialsRef.store("Secret shop/gone", () -> {
      throw new dev.capstan.core.CapstanException("Secret shop/gone", "not found");
    });
    assertThatThrownBy(missing::load).hasMessage("credentials(Secret shop/gone): Secret shop/gone: not found");
  }
}
