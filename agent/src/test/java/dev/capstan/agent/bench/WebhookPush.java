package dev.capstan.agent.bench;

import dev.capstan.git.testing.Upstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A commit pushed to the benchmark's repository, changing the pushed app's message, then announced
 * to the agent as a signed generic webhook. Push-to-applied is timed from the announcement.
 */
public final class WebhookPush {
  /** The webhook secret the benchmarks give the agent ({@code CAPSTAN_WEBHOOK_SECRET}). */
  public static final String SECRET = "bench-secret";

  private WebhookPush() {}

  /** Commits {@code message: value} to {@code pushed/values.yaml}; returns the commit. */
  public static String commit(Upstream upstream, String value) {
    return upstream.push("push " + value, Map.of("pushed/values.yaml", "message: " + value + "\n"));
  }

  /** Announces {@code commit} to the agent at {@code agent} as a signed generic webhook delivery. */
  public static void announce(HttpClient http, URI agent, String repo, String commit) throws Exception {
    String body = "{\"repository\": \"" + repo + "\", \"ref\": \"refs/heads/main\", \"commit\": \"" + commit
        + "\", \"changedPaths\": [\"pushed/values.yaml\"]}";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(agent.resolve("/hooks/generic"))
        .header("Content-Type", "application/json").header("X-Capstan-Delivery", commit)
        .header("X-Capstan-Signature", "sha256=" + hmac(body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new AssertionError("webhook answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
