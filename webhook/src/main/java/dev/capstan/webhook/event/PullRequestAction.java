package dev.capstan.webhook.event;

/**
 * What happened to a pull request, folded from the hosts' many action names into what a preview
 * needs to know: there is a (possibly new) head to preview, or there is nothing to preview any more.
 */
public enum PullRequestAction {
  /** Opened or reopened: preview the head. */
  OPENED,
  /** New commits, a new target branch or an edit: preview the head again (unchanged heads cost nothing). */
  UPDATED,
  /** Closed, merged or declined: stop previewing. */
  CLOSED
}
