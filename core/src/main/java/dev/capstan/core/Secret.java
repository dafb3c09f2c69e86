package dev.capstan.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential value: a Git password or token, a webhook secret, an API token. It prints as
 * {@code ***}, so a secret that ends up in a record's string form, a log line or an exception
 * message never shows; errors name where a secret came from (a file, a variable), never its value.
 * Compared in constant time.
 */
public final class Secret {
  private final byte[] value;

  private Secret(byte[] value) {
    this.value = value;
  }

  /** The value as given; reading it from a file or the environment (trimming, refusing empty) is the caller's policy. */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8));
  }

  /** The value, for handing to a transport or a header. Never log it. */
  public String reveal() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** A copy of the bytes, for MACs and comparisons; callers must not keep or print it. */
  public byte[] bytes() {
    return value.clone();
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && MessageDigest.isEqual(s.value, value);
  }

  @Override
  public int hashCode() {
    return value.length;
  }

  @Override
  public String toString() {
    return "***";
  }
}
