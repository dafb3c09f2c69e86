package dev.capstan.webhook.verify;

import dev.capstan.core.Secret;
import dev.capstan.webhook.event.DeliveryHeaders;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of the raw request body, hex-encoded in a header, optionally after a prefix such as
 * {@code sha256=} (GitHub, Bitbucket Cloud, Capstan) or bare (Gitea, Forgejo, Gogs). The MAC is
 * computed over the bytes as received, never over re-serialised JSON.
 */
final class HmacSha256Check implements SignatureCheck {
  private final String prefix;
  private final String[] headerNames;

  HmacSha256Check(String prefix, String... headerNames) {
    this.prefix = prefix;
    this.headerNames = headerNames.clone();
  }

  @Override
  public boolean matches(DeliveryHeaders headers, byte[] rawBody, Secret secret) {
    String header = headers.first(headerNames);
    if (header == null) {
      return false;
    }
    String value = header.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      return false;
    }
    byte[] claimed;
    try {
      claimed = HexFormat.of().parseHex(value.substring(prefix.length()));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(sign(secret, rawBody), claimed);
  }

  /** The raw HMAC-SHA256 of {@code body} under {@code secret}. */
  static byte[] sign(Secret secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java runtime must provide HmacSHA256; reaching this is a broken JDK, not bad input.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
