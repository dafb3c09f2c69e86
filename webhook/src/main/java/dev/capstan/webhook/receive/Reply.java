package dev.capstan.webhook.receive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answer to a delivery: a status, a small JSON body ({@code {"status": …}} or
 * {@code {"error": …}}) and, for 429 and 503, the seconds after which to retry.
 */
record Reply(int status, Map<String, Object> body, long retryAfterSeconds) {
  public Reply {
    body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }

  static Reply ok(int status, String state, Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", state);
    body.putAll(extra);
    return new Reply(status, body, 0);
  }

  static Reply error(int status, String message) {
    return new Reply(status, Map.of("error", message), 0);
  }

  static Reply retryLater(int status, String message, long seconds) {
    return new Reply(status, Map.of("error", message), Math.max(1, seconds));
  }
}
