/**
 * Git hosts talking to Capstan and back. {@code receive} is the HTTP endpoint (a Jetty handler the
 * agent mounts under {@code /hooks/}) that turns provider deliveries into {@code event.PushEvent}s
 * after {@code verify} has proven them genuine; {@code dispatch} coalesces bursts of pushes before
 * handing them to the agent; {@code status} reports each deploy back to the host as a commit status.
 * Everything a user can misconfigure fails with {@link dev.capstan.webhook.WebhookException}.
 */
package dev.capstan.webhook;
