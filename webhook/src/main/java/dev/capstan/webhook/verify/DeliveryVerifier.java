package dev.capstan.webhook.verify;

import dev.capstan.core.Secret;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import java.util.List;
import java.util.Optional;

/** Decides whether a delivery is genuine, given the configured {@link WebhookSecrets}. */
public final class DeliveryVerifier {
  private final WebhookSecrets secrets;

  public DeliveryVerifier(WebhookSecrets secrets) {
    this.secrets = secrets;
  }

  /**
   * @param repositories the repositories the payload names; with exactly one, its own secret (if
   *     configured) is the only one accepted
   */
  public Verdict verify(Provider provider, DeliveryHeaders headers, byte[] rawBody, List<RepoId> repositories) {
    RepoId repository = repositories.size() == 1 ? repositories.get(0) : null;
    Optional<Secret> secret = secrets.secretFor(provider, repository);
    if (secret.isEmpty()) {
      return secrets.isOpen(provider) ? Verdict.OPEN : Verdict.NOT_CONFIGURED;
    }
    return SignatureCheck.forProvider(provider).matches(headers, rawBody, secret.get()) ? Verdict.VERIFIED : Verdict.REJECTED;
  }
}
