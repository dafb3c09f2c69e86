package dev.capstan.commitstatus;

import dev.capstan.core.Secret;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commit statuses to Git hosts without ever holding up a deploy: {@link #report} returns at
 * once and its future always completes normally, with a {@link StatusResult} saying whether the
 * status arrived. Server errors and dropped connections are retried with exponential back-off; a
 * rate limit (429, or GitHub's 403 with {@code Retry-After} or an exhausted
 * {@code X-RateLimit-Remaining}) waits as long as the host asks, up to
 * {@link RetryPolicy#maxRetryAfter()}. Tokens go into request headers only and are never logged.
 */
public final class StatusReporter {
  private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

  private final HttpClient client;
  private final StatusRequests requests;
  private final RetryDecision decisions;

  public StatusReporter(RetryPolicy policy) {
    this(HttpClient.newBuilder().connectTimeout(policy.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build(),
        policy, Clock.systemUTC());
  }

  StatusReporter(HttpClient client, RetryPolicy policy, Clock clock) {
    this.client = client;
    this.requests = new StatusRequests(policy.requestTimeout());
    this.decisions = new RetryDecision(policy, clock);
  }

  /** Starts reporting {@code status} for a commit of the repository at {@code target}, authenticated by {@code token}. */
  public CompletableFuture<StatusResult> report(StatusTarget target, Secret token, CommitStatus status) {
    CompletableFuture<StatusResult> result = new CompletableFuture<>();
    HttpRequest request;
    try {
      request = requests.build(target, status, token);
    } catch (RuntimeException invalid) {
      result.complete(StatusResult.failed(0, 0, "cannot build request: " + invalid.getMessage()));
      return result;
    }
    attempt(request, 1, result);
    return result.whenComplete((outcome, ignored) -> log(target, status, outcome));
  }

  private void attempt(HttpRequest request, int attempt, CompletableFuture<StatusResult> result) {
    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
      RetryDecision.Next next;
      try {
        next = failure != null ? decisions.afterFailure(failure, attempt) : decisions.afterResponse(response, attempt);
      } catch (RuntimeException bug) {
        next = RetryDecision.Next.done(StatusResult.failed(attempt, 0, "unexpected: " + bug));
      }
      if (next.result() != null) {
        result.complete(next.result());
        return;
      }
      CompletableFuture.delayedExecutor(next.delay().toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> attempt(request, attempt + 1, result));
    });
  }

  private static void log(StatusTarget target, CommitStatus status, StatusResult outcome) {
    if (outcome.delivered()) {
      LOG.debug("commit status {} for {}@{} delivered after {} attempt(s)", status.state(), target, status.commit(), outcome.attempts());
    } else {
      LOG.warn("commit status {} for {}@{} not delivered after {} attempt(s): {}",
          status.state(), target, status.commit(), outcome.attempts(), outcome.detail());
    }
  }
}
