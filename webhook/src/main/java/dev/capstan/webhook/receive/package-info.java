/**
 * The HTTP side of webhooks. {@link dev.capstan.webhook.receive.WebhookHandler} is a Jetty core
 * handler serving {@code POST /hooks/github|gitlab|gitea|bitbucket|generic}; the order of its checks
 * is: unknown provider 404, method 405, per-address token bucket 429, content type 415, size 413,
 * body deadline 408, malformed JSON 400, proof 401/403, then ping 200, other events 202 ignored,
 * replayed delivery 200 duplicate, push 202 accepted. Every limit is bounded in memory and time
 * ({@link dev.capstan.webhook.receive.ReceiverOptions}), so no sender can crash or stall the server.
 * {@link dev.capstan.webhook.receive.WebhookServer} wraps the handler in a server of its own.
 */
package dev.capstan.webhook.receive;
