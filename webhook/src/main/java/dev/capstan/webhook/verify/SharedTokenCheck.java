package dev.capstan.webhook.verify;

import dev.capstan.core.Secret;
import dev.capstan.webhook.event.DeliveryHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A shared token sent verbatim in a header (GitLab's {@code X-Gitlab-Token}). Both sides are hashed
 * before the constant-time comparison so that neither the content nor the length of the configured
 * token can be learned from timing.
 */
final class SharedTokenCheck implements SignatureCheck {
  private final String headerName;

  SharedTokenCheck(String headerName) {
    this.headerName = headerName;
  }

  @Override
  public boolean matches(DeliveryHeaders headers, byte[] rawBody, Secret secret) {
    String sent = headers.get(headerName);
    if (sent == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(sent.getBytes(StandardCharsets.UTF_8)), sha256(secret.bytes()));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
