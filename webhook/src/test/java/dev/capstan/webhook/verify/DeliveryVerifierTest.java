package dev.capstan.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.webhook.Fixtures;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryVerifierTest {
  private static final byte[] BODY = Fixtures.payload("github-push.json");
  private static final RepoId REPO = RepoId.of("https://github.com/acme-corp/shop-deploy");

  private static Verdict verify(WebhookSecrets secrets, Provider provider, Map<String, String> headers) {
    return new DeliveryVerifier(secrets).verify(provider, DeliveryHeaders.of(headers), BODY, List.of(REPO));
  }

  private static WebhookSecrets all(String secret) {
    WebhookSecrets.Builder builder = WebhookSecrets.builder();
    for (Provider p : Provider.values()) {
      builder.provider(p, SecretValues.parse(secret));
    }
    return builder.build();
  }

  @Test
  void eachProviderAcceptsItsOwnProofAndNothingElse() {
    WebhookSecrets secrets = all("It's a Secret to Everybody");
    String mac = Fixtures.hmacHex("It's a Secret to Everybody", BODY);
    assertThat(verify(secrets, Provider.GITHUB, Map.of("X-Hub-Signature-256", "sha256=" + mac))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.GITHUB, Map.of("X-Hub-Signature-256", "sha256=" + mac.toUpperCase()))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.GITHUB, Map.of("X-Hub-Signature-256", mac))).isEqualTo(Verdict.REJECTED);
    assertThat(verify(secrets, Provider.GITHUB, Map.of("X-Hub-Signature", "sha256=" + mac))).isEqualTo(Verdict.REJECTED);
    assertThat(verify(secrets, Provider.GITEA, Map.of("X-Gitea-Signature", mac))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.GITEA, Map.of("X-Forgejo-Signature", mac))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.GITEA, Map.of("X-Gogs-Signature", mac))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.BITBUCKET, Map.of("X-Hub-Signature", "sha256=" + mac))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.GENERIC, Map.of("X-Capstan-Signature", "sha256=" + mac))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.GITLAB, Map.of("X-Gitlab-Token", "It's a Secret to Everybody"))).isEqualTo(Verdict.VERIFIED);
    assertThat(verify(secrets, Provider.GITLAB, Map.of("X-Gitlab-Token", "It's a Secret"))).isEqualTo(Verdict.REJECTED);
    assertThat(verify(secrets, Provider.GITLAB, Map.of())).isEqualTo(Verdict.REJECTED);
  }

  @Test
  void aSignatureOverOtherBytesOrNotHexIsRejected() {
    WebhookSecrets secrets = all("s3cret");
    String otherMac = Fixtures.hmacHex("s3cret", "{}".getBytes());
    assertThat(verify(secrets, Provider.GITHUB, Map.of("X-Hub-Signature-256", "sha256=" + otherMac))).isEqualTo(Verdict.REJECTED);
    assertThat(verify(secrets, Provider.GITHUB, Map.of("X-Hub-Signature-256", "sha256=zz"))).isEqualTo(Verdict.REJECTED);
    assertThat(verify(secrets, Provider.GITHUB, Map.of("X-Hub-Signature-256", "sha256="))).isEqualTo(Verdict.REJECTED);
  }

  @Test
  void aRepositorySecretReplacesTheProviderSecretForThatRepositoryOnly() {
    WebhookSecrets secrets = WebhookSecrets.builder()
        .provider(Provider.GITHUB, SecretValues.parse("org-wide"))
        .repository("git@github.com:Acme-Corp/shop-deploy.git", SecretValues.parse("team-own"))
        .build();
    DeliveryVerifier verifier = new DeliveryVerifier(secrets);
    Map<String, String> teamSigned = Map.of("X-Hub-Signature-256", "sha256=" + Fixtures.hmacHex("team-own", BODY));
    Map<String, String> orgSigned = Map.of("X-Hub-Signature-256", "sha256=" + Fixtures.hmacHex("org-wide", BODY));
    assertThat(verifier.verify(Provider.GITHUB, DeliveryHeaders.of(teamSigned), BODY, List.of(REPO))).isEqualTo(Verdict.VERIFIED);
    assertThat(verifier.verify(Provider.GITHUB, DeliveryHeaders.of(orgSigned), BODY, List.of(REPO))).isEqualTo(Verdict.REJECTED);
    RepoId other = RepoId.of("https://github.com/acme-corp/other");
    assertThat(verifier.verify(Provider.GITHUB, DeliveryHeaders.of(orgSigned), BODY, List.of(other))).isEqualTo(Verdict.VERIFIED);
  }

  @Test
  void aProviderWithoutSecretIsRefusedUnlessOpened() {
    WebhookSecrets none = WebhookSecrets.builder().build();
    assertThat(verify(none, Provider.GITHUB, Map.of())).isEqualTo(Verdict.NOT_CONFIGURED);
    WebhookSecrets open = WebhookSecrets.builder().open(Provider.GENERIC).build();
    assertThat(verify(open, Provider.GENERIC, Map.of())).isEqualTo(Verdict.OPEN);
    assertThat(verify(open, Provider.GITHUB, Map.of())).isEqualTo(Verdict.NOT_CONFIGURED);
  }
}
