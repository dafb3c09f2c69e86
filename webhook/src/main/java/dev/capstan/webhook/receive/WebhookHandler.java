package dev.capstan.webhook.receive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.dispatch.PullRequestSink;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.verify.DeliveryVerifier;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint as a Jetty core handler serving {@code POST /<provider>} relative to where it
 * is mounted (the agent mounts it under {@code /hooks}). It rejects what it can before reading the
 * body (404 unknown provider, 405 method, 415 content type, 413 declared size), then reads the body
 * asynchronously, so a slow client holds no thread, within a deadline (408), and hands the bytes to
 * the {@link DeliveryProcessor}.
 *
 * <p>The per-address rate limit counts refused deliveries only (bad or missing signature, a body
 * that is not a delivery): behind an ingress every sender shares one address, and a limit that
 * counted every request would let unsigned junk push a Git host's real deliveries into 429. A
 * verified delivery is never rate-limited; an address over its budget gets 429 for what it sends
 * unsigned.
 */
public final class WebhookHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  private final ReceiverOptions options;
  private final RateLimiter rateLimiter;
  private final DeliveryProcessor processor;
  private final ObjectMapper json;

  public WebhookHandler(WebhookSecrets secrets, CoalescingDispatcher dispatcher, ReceiverOptions options) {
    this(secrets, dispatcher, null, options);
  }

  /**
   * @param pullRequests where verified pull-request events go; null acknowledges and drops them
   */
  public WebhookHandler(WebhookSecrets secrets, CoalescingDispatcher dispatcher, PullRequestSink pullRequests, ReceiverOptions options) {
    this.options = options;
    // Real payloads nest a handful of levels; a low cap stops deeply nested bombs cheaply. A body
    // is one JSON object and nothing after it.
    this.json = JsonMapper.builder(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build())
        .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    this.rateLimiter = new RateLimiter(options.burst(), options.perSecond(), options.trackedAddresses(), System::nanoTime);
    ReplayCache replays = new ReplayCache(options.replayWindow(), options.replayCapacity(), System::nanoTime);
    this.processor = new DeliveryProcessor(json, new DeliveryVerifier(secrets), replays, dispatcher, pullRequests);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    Optional<Provider> provider = Provider.fromPath(path.startsWith("/") ? path.substring(1) : path);
    if (provider.isEmpty()) {
      return reply(request, response, callback, Reply.error(404, "no webhook endpoint at " + path));
    }
    if (!HttpMethod.POST.is(request.getMethod())) {
      response.getHeaders().put(HttpHeader.ALLOW, "POST");
      return reply(request, response, callback, Reply.error(405, "use POST"));
    }
    String source = Request.getRemoteAddr(request);
    Optional<BodyEncoding> encoding = BodyEncoding.of(provider.get(), request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    if (encoding.isEmpty()) {
      return reply(request, response, callback, Reply.error(415, provider.get() == Provider.GITHUB
          ? "Content-Type must be application/json or application/x-www-form-urlencoded"
          : "Content-Type must be application/json: set the webhook's content type to JSON"));
    }
    if (request.getLength() > options.maxBodyBytes()) {
      return reply(request, response, callback, tooLarge());
    }
    readBody(request).whenComplete((body, failure) ->
        reply(request, response, callback, failure == null
            ? limitRefusals(process(provider.get(), encoding.get(), request, body, source), source)
            : readFailure(request, failure)));
    return true;
  }

  private Reply process(Provider provider, BodyEncoding encoding, Request request, byte[] body, String source) {
    try {
      return processor.process(provider, request.getHeaders()::get, encoding, body, source);
    } catch (RuntimeException bug) {
      // Inside an async callback an escaped exception would leave the request unanswered.
      LOG.error("webhook {} delivery from {} failed unexpectedly", provider.path(), source, bug);
      return Reply.error(500, "internal error");
    }
  }

  /** A refusal counts against the sender's budget; once it is spent, refusals are answered 429. */
  private Reply limitRefusals(Reply reply, String source) {
    boolean refused = reply.status() == 400 || reply.status() == 401 || reply.status() == 403;
    if (!refused) {
      return reply;
    }
    long waitNanos = rateLimiter.tryAcquire(source);
    if (waitNanos <= 0) {
      return reply;
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1;
    return Reply.retryLater(429, "too many refused deliveries from " + source, seconds);
  }

  private CompletableFuture<byte[]> readBody(Request request) {
    CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, options.maxBodyBytes());
    Scheduler.Task deadline = request.getComponents().getScheduler().schedule(
        () -> body.completeExceptionally(new TimeoutException()), options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    body.whenComplete((ignored, failure) -> deadline.cancel());
    return body;
  }

  private Reply readFailure(Request request, Throwable failure) {
    Throwable cause = failure.getCause() != null && !(failure instanceof TimeoutException) ? failure.getCause() : failure;
    if (cause instanceof TimeoutException) {
      return Reply.error(408, "body not received within " + options.readTimeout().toSeconds() + "s");
    }
    if (Request.getContentBytesRead(request) > options.maxBodyBytes() || cause instanceof IllegalArgumentException) {
      return tooLarge();
    }
    return Reply.error(400, "body could not be read");
  }

  private Reply tooLarge() {
    return Reply.error(413, "body larger than " + options.maxBodyBytes() + " bytes");
  }

  private boolean reply(Request request, Response response, Callback callback, Reply reply) {
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    if (reply.retryAfterSeconds() > 0) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(reply.retryAfterSeconds()));
    }
    if (reply.status() >= 400 && request.getLength() != 0) {
      // The body was not (fully) read; closing is cheaper than draining what a hostile client sends.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(encode(reply)), callback);
    return true;
  }

  private byte[] encode(Reply reply) {
    try {
      return json.writeValueAsBytes(reply.body());
    } catch (JsonProcessingException e) {
      return "{}".getBytes(StandardCharsets.UTF_8);
    }
  }
}
