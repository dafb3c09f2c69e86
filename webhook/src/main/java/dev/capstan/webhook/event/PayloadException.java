package dev.capstan.webhook.event;

import dev.capstan.webhook.WebhookException;

/** A delivery whose JSON lacks a field its event requires; the place is the JSON path, e.g. {@code $.repository.clone_url}. */
public class PayloadException extends WebhookException {
  public PayloadException(String jsonPath, String message) {
    super(jsonPath, message);
  }
}
