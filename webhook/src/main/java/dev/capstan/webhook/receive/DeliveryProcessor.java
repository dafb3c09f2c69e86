package dev.capstan.webhook.receive;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.webhook.WebhookException;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.dispatch.PullRequestSink;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.ParsedDelivery;
import dev.capstan.webhook.event.PayloadParser;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.verify.DeliveryVerifier;
import dev.capstan.webhook.verify.Verdict;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that happens to a delivery once its bytes are in: JSON parse, provider parse,
 * signature check, replay check, hand-off to the dispatcher. Knows nothing about HTTP transport, so
 * the order of checks is visible in one method.
 */
final class DeliveryProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcessor.class);

  private final ObjectMapper json;
  private final DeliveryVerifier verifier;
  private final ReplayCache replays;
  private final CoalescingDispatcher dispatcher;
  /** Null when nobody previews pull requests: their events are then acknowledged and dropped. */
  private final PullRequestSink pullRequests;

  DeliveryProcessor(ObjectMapper json, DeliveryVerifier verifier, ReplayCache replays, CoalescingDispatcher dispatcher) {
    this(json, verifier, replays, dispatcher, null);
  }

  DeliveryProcessor(ObjectMapper json, DeliveryVerifier verifier, ReplayCache replays, CoalescingDispatcher dispatcher,
      PullRequestSink pullRequests) {
    this.json = json;
    this.verifier = verifier;
    this.replays = replays;
    this.dispatcher = dispatcher;
    this.pullRequests = pullRequests;
  }

  Reply process(Provider provider, DeliveryHeaders headers, byte[] body, String source) {
    return process(provider, headers, BodyEncoding.JSON, body, source);
  }

  /** @param body the bytes as received, which the signature covers; {@code encoding} says where the JSON is in them */
  Reply process(Provider provider, DeliveryHeaders headers, BodyEncoding encoding, byte[] body, String source) {
    Optional<byte[]> payload = encoding.json(body);
    if (payload.isEmpty()) {
      return Reply.error(400, "form body without a payload field");
    }
    JsonNode tree;
    try {
      tree = json.readTree(payload.get());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
      return Reply.error(400, "malformed JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return Reply.error(400, "unreadable body");
    }
    if (tree == null || !tree.isObject()) {
      return Reply.error(400, "body must be a JSON object");
    }
    PayloadParser parser = PayloadParser.forProvider(provider);
    ParsedDelivery parsed;
    try {
      parsed = parser.parse(headers, tree);
    } catch (WebhookException invalid) {
      // Only a verified sender learns what is wrong with its payload.
      Verdict verdict = verifier.verify(provider, headers, body, List.of());
      return verdict.accepted() ? Reply.error(400, invalid.getMessage()) : refusal(provider, verdict, source);
    }
    Verdict verdict = verifier.verify(provider, headers, body, parsed.repositories());
    if (!verdict.accepted()) {
      return refusal(provider, verdict, source);
    }
    return act(provider, parsed, parser.deliveryId(headers), body);
  }

  /**
   * The replay key is the signed body's digest, not the delivery id: the id travels in a header the
   * signature does not cover, so a captured delivery resent under a fresh id would otherwise be acted
   * on again. A host's own redelivery of the same event is a duplicate too, which is harmless.
   */
  private static String replayKey(Provider provider, byte[] body) {
    try {
      return provider.path() + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private Reply act(Provider provider, ParsedDelivery parsed, String deliveryId, byte[] body) {
    if (parsed instanceof ParsedDelivery.Ping) {
      return Reply.ok(200, "pong", Map.of());
    }
    if (parsed instanceof ParsedDelivery.Ignored ignored) {
      return Reply.ok(202, "ignored", Map.of("event", ignored.eventName()));
    }
    if (parsed instanceof ParsedDelivery.PullRequest && pullRequests == null) {
      return Reply.ok(202, "ignored", Map.of("event", "pull_request"));
    }
    String replayKey = replayKey(provider, body);
    if (!replays.firstSeen(replayKey)) {
      return Reply.ok(200, "duplicate", deliveryId == null ? Map.of() : Map.of("delivery", deliveryId));
    }
    if (parsed instanceof ParsedDelivery.PullRequest pr) {
      if (!pullRequests.submit(pr.event())) {
        replays.forget(replayKey);
        LOG.warn("preview queue full; asked {} to retry delivery {}", provider.path(), deliveryId);
        return Reply.retryLater(503, "too many pending pull requests; retry later", 5);
      }
      return Reply.ok(202, "accepted", Map.of("pullRequest", pr.event().number()));
    }
    List<PushEvent> events = ((ParsedDelivery.Pushes) parsed).events();
    for (PushEvent event : events) {
      if (!dispatcher.submit(event)) {
        replays.forget(replayKey);
        LOG.warn("webhook dispatcher full; asked {} to retry delivery {}", provider.path(), deliveryId);
        return Reply.retryLater(503, "too many pending refs; retry later", 5);
      }
    }
    LOG.debug("accepted {} push(es) from {} delivery {}", events.size(), provider.path(), deliveryId);
    return Reply.ok(202, "accepted", Map.of("events", events.size()));
  }

  private static Reply refusal(Provider provider, Verdict verdict, String source) {
    if (verdict == Verdict.NOT_CONFIGURED) {
      LOG.info("refused {} delivery from {}: no webhook secret configured", provider.path(), source);
      return Reply.error(403, "no webhook secret is configured for " + provider.path());
    }
    LOG.warn("refused {} delivery from {}: signature missing or wrong", provider.path(), source);
    return Reply.error(401, "signature missing or does not match");
  }
}
