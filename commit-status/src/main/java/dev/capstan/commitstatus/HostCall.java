package dev.capstan.commitstatus;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One request to a host's API, retried as {@link RetryDecision} says (server errors, dropped
 * connections, rate limits), with the waits scheduled on the caller's executor so no thread sleeps.
 * The future completes with a 2xx response, or exceptionally with a {@link HostApiException} that
 * says why not.
 */
final class HostCall {
  private final HttpClient client;
  private final RetryDecision decisions;
  private final ScheduledExecutorService retries;

  HostCall(HttpClient client, RetryDecision decisions, ScheduledExecutorService retries) {
    this.client = client;
    this.decisions = decisions;
    this.retries = retries;
  }

  CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
    CompletableFuture<HttpResponse<String>> result = new CompletableFuture<>();
    attempt(request, 1, result);
    return result;
  }

  private void attempt(HttpRequest request, int attempt, CompletableFuture<HttpResponse<String>> result) {
    client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
      try {
        if (failure == null && response.statusCode() / 100 == 2) {
          result.complete(response);
          return;
        }
        RetryDecision.Next next = failure != null ? decisions.afterFailure(failure, attempt) : decisions.afterResponse(response, attempt);
        if (next.result() != null) {
          int status = response == null ? 0 : response.statusCode();
          result.completeExceptionally(new HostApiException(request.method() + " " + request.uri().getPath(), status,
              next.result().detail()));
          return;
        }
        retries.schedule(() -> attempt(request, attempt + 1, result), next.delay().toMillis(), TimeUnit.MILLISECONDS);
      } catch (RuntimeException bug) {
        result.completeExceptionally(bug);
      }
    });
  }
}
