package dev.capstan.webhook.dispatch;

import dev.capstan.webhook.event.PushEvent;

/**
 * The agent's side of the webhook: told that a ref moved. Called from a dispatcher worker thread,
 * never from an HTTP thread, and never concurrently for the same repository and ref.
 */
@FunctionalInterface
public interface PushListener {
  void onPush(PushEvent event);
}
