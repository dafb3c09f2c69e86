/**
 * From verified push events to the agent: a {@link dev.capstan.webhook.dispatch.PushListener} fed
 * by a {@link dev.capstan.webhook.dispatch.CoalescingDispatcher} that keeps one latest-wins slot per
 * repository and ref, so a burst of pushes triggers one fetch of the newest commit and the HTTP
 * threads never wait on the agent. Verified pull-request events go to a
 * {@link dev.capstan.webhook.dispatch.PullRequestSink} instead (the agent's previews), which queues
 * them on its own terms.
 */
package dev.capstan.webhook.dispatch;
