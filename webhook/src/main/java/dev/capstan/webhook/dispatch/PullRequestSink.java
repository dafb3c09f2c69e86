package dev.capstan.webhook.dispatch;

import dev.capstan.webhook.event.PullRequestEvent;

/**
 * Where verified pull-request events go (the agent's previews). Called on an HTTP thread, so it must
 * only queue: {@link #submit} returns at once, false when the queue is full and the host should retry.
 */
@FunctionalInterface
public interface PullRequestSink {
  boolean submit(PullRequestEvent event);
}
