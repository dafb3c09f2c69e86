package dev.capstan.webhook;

import dev.capstan.core.CapstanException;

/**
 * A webhook configuration problem the user must fix: an unreadable secret or token file, an unset
 * environment variable, a repository URL that names no repository. The place is the file, variable
 * or URL at fault; secret values never appear in the message.
 */
public class WebhookException extends CapstanException {
  public WebhookException(String where, String message) {
    super(where, message);
  }

  public WebhookException(String where, String message, Throwable cause) {
    super(where, message, cause);
  }
}
