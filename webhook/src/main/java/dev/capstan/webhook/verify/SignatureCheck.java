package dev.capstan.webhook.verify;

import dev.capstan.core.Secret;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.Provider;

/** How one provider proves a delivery came from it; every implementation compares in constant time. */
public interface SignatureCheck {
  boolean matches(DeliveryHeaders headers, byte[] rawBody, Secret secret);

  static SignatureCheck forProvider(Provider provider) {
    return switch (provider) {
      case GITHUB -> new HmacSha256Check("sha256=", "X-Hub-Signature-256");
      case GITLAB -> new SharedTokenCheck("X-Gitlab-Token");
      case GITEA -> new HmacSha256Check("", "X-Gitea-Signature", "X-Forgejo-Signature", "X-Gogs-Signature");
      case BITBUCKET -> new HmacSha256Check("sha256=", "X-Hub-Signature");
      case GENERIC -> new HmacSha256Check("sha256=", "X-Capstan-Signature");
    };
  }
}
