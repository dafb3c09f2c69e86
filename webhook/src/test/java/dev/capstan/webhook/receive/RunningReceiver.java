package dev.capstan.webhook.receive;

import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real {@link WebhookServer} on 127.0.0.1 with a listener that records what it receives, and a JDK HTTP client. */
final class RunningReceiver implements AutoCloseable {
  final LinkedBlockingQueue<PushEvent> received = new LinkedBlockingQueue<>();
  final CoalescingDispatcher dispatcher;
  final WebhookServer server;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  RunningReceiver(WebhookSecrets secrets, ReceiverOptions options) {
    this(secrets, options, new CountDownLatch(0));
  }

  /** The listener records each event, then waits for {@code gate} before taking the next. */
  RunningReceiver(WebhookSecrets secrets, ReceiverOptions options, CountDownLatch gate) {
    dispatcher = new CoalescingDispatcher(event -> {
      received.add(event);
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 1, 1000);
    server = WebhookServer.start(new WebhookHandler(secrets, dispatcher, options), "127.0.0.1", 0, Duration.ofSeconds(30));
  }

  URI uri(String path) {
    return server.hooksUri().resolve(path);
  }

  HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
    return post(path, "application/json", body, headers);
  }

  HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The events delivered within {@code wait}, stopping early once {@code expected} arrived. */
  List<PushEvent> events(int expected, Duration wait) throws InterruptedException {
    List<PushEvent> events = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    while (events.size() < expected) {
      PushEvent event = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (event == null) {
        break;
      }
      events.add(event);
    }
    return events;
  }

  /** Asserts nothing more arrives for a short while (the dispatcher is asynchronous). */
  PushEvent nextWithin(Duration wait) throws InterruptedException {
    return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    server.close();
    dispatcher.close();
  }
}
