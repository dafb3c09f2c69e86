package dev.capstan.chartrepo.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sha256 content digest as OCI writes it ({@code sha256:<64 hex>}). Helm's {@code index.yaml}
 * writes the bare hex; {@link #parse} takes both.
 */
public record Digest(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Digest {
    hex = hex.toLowerCase(Locale.ROOT);
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + hex);
    }
  }

  /** {@code sha256:<hex>} or a bare 64-digit hex; empty for anything else. */
  public static Optional<Digest> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("sha256:")) {
      t = t.substring("sha256:".length());
    }
    return HEX.matcher(t).matches() ? Optional.of(new Digest(t)) : Optional.empty();
  }

  public static Digest of(byte[] bytes) {
    try {
      return new Digest(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "sha256:" + hex;
  }
}
