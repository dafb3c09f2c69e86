package dev.capstan.webhook.verify;

import dev.capstan.core.Secret;
import dev.capstan.webhook.WebhookException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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

  /**
   * A secret in a file, e.g. a key of a mounted Kubernetes Secret: read now (an error stops the
   * caller) and again on use once the last read is older than {@link RefreshingValue#MAX_AGE}, so a
   * rotation (the kubelet swapping the mount's {@code ..data} link) applies without a restart. A
   * failed re-read keeps the last good secret and warns with the file's name.
   */
  public static Supplier<Secret> fromRotatingFile(Path file) {
    return RefreshingValue.of(() -> fromFile(file));
  }

  static Supplier<Secret> fromRotatingFile(Path file, Duration maxAge, LongSupplier nanoClock) {
    return new RefreshingValue<>(() -> fromFile(file), maxAge, nanoClock);
  }

  /**
   * The secret {@code <variable>_FILE} names a file of (re-read, see {@link #fromRotatingFile}), else
   * the value of {@code <variable>}; empty when neither is set. Either one set but empty is refused.
   */
  public static Optional<Supplier<Secret>> fromEnvironment(Map<String, String> environment, String variable) {
    String file = environment.get(variable + "_FILE");
    if (file != null && !file.isBlank()) {
      return Optional.of(fromRotatingFile(Path.of(file)));
    }
    if (!environment.containsKey(variable)) {
      return Optional.empty();
    }
    Secret secret = fromEnv(environment, variable);
    return Optional.of(() -> secret);
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
