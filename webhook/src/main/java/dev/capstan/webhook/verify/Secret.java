package dev.capstan.webhook.verify;

import dev.capstan.webhook.WebhookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A webhook secret or API token. It prints as {@code Secret[***]} so it cannot leak through logs,
 * exceptions or {@code toString()} of the records holding it; errors name the file or variable,
 * never the value. Trailing whitespace is dropped because mounted Kubernetes Secrets and
 * {@code echo secret > file} both end in a newline the Git host never saw.
 */
public final class Secret {
  private final byte[] value;

  private Secret(byte[] value) {
    this.value = value;
  }

  public static Secret of(String value) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      throw new WebhookException("secret", "is empty");
    }
    return new Secret(trimmed.getBytes(StandardCharsets.UTF_8));
  }

  public static Secret fromFile(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WebhookException(file.toString(), "cannot read secret file: " + e.getClass().getSimpleName());
    }
    if (content.isBlank()) {
      throw new WebhookException(file.toString(), "secret file is empty");
    }
    return of(content);
  }

  public static Secret fromEnv(String variable) {
    return fromEnv(System.getenv(), variable);
  }

  public static Secret fromEnv(Map<String, String> environment, String variable) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new WebhookException("$" + variable, "environment variable is not set or empty");
    }
    return of(value);
  }

  /** A copy of the secret's bytes, for MACs and comparisons; callers must not keep or print it. */
  public byte[] bytes() {
    return value.clone();
  }

  /** The secret as text, for API tokens placed in headers. */
  public String reveal() {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Secret[***]";
  }
}
