package dev.capstan.webhook.verify;

import dev.capstan.core.Secret;
import dev.capstan.webhook.WebhookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a webhook secret or API token from text, a file or the environment. Trailing whitespace is
 * dropped because mounted Kubernetes Secrets and {@code echo secret > file} both end in a newline
 * the Git host never saw; an empty secret is refused. Errors name the file or variable, never the
 * value.
 */
public final class SecretValues {
  private SecretValues() {}

  public static Secret parse(String value) {
    String trimmed = value == null ? "" : value.strip();
    if (trimmed.isEmpty()) {
      throw new WebhookException("secret", "is empty");
    }
    return Secret.of(trimmed);
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
    return parse(content);
  }

  public static Secret fromEnv(String variable) {
    return fromEnv(System.getenv(), variable);
  }

  public static Secret fromEnv(Map<String, String> environment, String variable) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new WebhookException("$" + variable, "environment variable is not set or empty");
    }
    return parse(value);
  }
}
