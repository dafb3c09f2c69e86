package dev.capstan.commitstatus;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Decides, after each attempt, whether a commit status is done or when to try again. */
final class RetryDecision {
  /** Either a final {@code result} or a {@code delay} before the next attempt. */
  record Next(StatusResult result, Duration delay) {
    static Next done(StatusResult result) {
      return new Next(result, null);
    }

    static Next after(Duration delay) {
      return new Next(null, delay);
    }
  }

  private final RetryPolicy policy;
  private final Clock clock;

  RetryDecision(RetryPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  Next afterResponse(HttpResponse<String> response, int attempt) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Next.done(StatusResult.delivered(attempt, status));
    }
    String body = response.body() == null ? "" : response.body();
    if (status == 400 && body.contains("Cannot transition status")) {
      // GitLab refuses to set the state a status already has; the host shows what we meant.
      return Next.done(StatusResult.delivered(attempt, status));
    }
    Optional<Duration> asked = serverDelay(response.headers(), status);
    boolean retryable = status >= 500 || status == 429 || (status == 403 && asked.isPresent());
    String detail = "HTTP " + status + snippet(body);
    if (!retryable) {
      return Next.done(StatusResult.failed(attempt, status, detail));
    }
    return retryOrGiveUp(attempt, status, detail, asked.orElse(policy.backoffAfter(attempt)));
  }

  Next afterFailure(Throwable failure, int attempt) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return retryOrGiveUp(attempt, 0, cause.getClass().getSimpleName() + snippet(cause.getMessage()), policy.backoffAfter(attempt));
  }

  private Next retryOrGiveUp(int attempt, int status, String detail, Duration delay) {
    if (attempt >= policy.maxAttempts()) {
      return Next.done(StatusResult.failed(attempt, status, "gave up after " + attempt + " attempts: " + detail));
    }
    if (delay.compareTo(policy.maxRetryAfter()) > 0) {
      return Next.done(StatusResult.failed(attempt, status, "host asked to wait " + delay.toSeconds() + "s: " + detail));
    }
    return Next.after(delay);
  }

  /** {@code Retry-After} (seconds or HTTP date), else for 403/429 an exhausted GitHub-style rate limit's reset time. */
  private Optional<Duration> serverDelay(HttpHeaders headers, int status) {
    Optional<String> retryAfter = headers.firstValue("Retry-After");
    if (retryAfter.isPresent()) {
      return parseRetryAfter(retryAfter.get().trim());
    }
    boolean exhausted = headers.firstValue("X-RateLimit-Remaining").map("0"::equals).orElse(false);
    if ((status == 403 || status == 429) && exhausted) {
      return headers.firstValue("X-RateLimit-Reset").flatMap(RetryDecision::epochSeconds)
          .map(reset -> nonNegative(Duration.between(clock.instant(), reset)));
    }
    return Optional.empty();
  }

  private Optional<Duration> parseRetryAfter(String value) {
    if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String snippet(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
  }
}
