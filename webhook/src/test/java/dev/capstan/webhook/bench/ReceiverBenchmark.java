package dev.capstan.webhook.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.webhook.Fixtures;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.ParsedDelivery;
import dev.capstan.webhook.event.PayloadParser;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.receive.ReceiverOptions;
import dev.capstan.webhook.receive.WebhookHandler;
import dev.capstan.webhook.receive.WebhookServer;
import dev.capstan.webhook.verify.DeliveryVerifier;
import dev.capstan.webhook.verify.SecretValues;
import dev.capstan.webhook.verify.Verdict;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the receiver on this machine: signed ~20 KB GitHub push deliveries sent over keep-alive
 * connections on 127.0.0.1 by the JDK HTTP client, in a bounded loop. Reports (1) requests per second
 * the receiver validates (read, HMAC, parse, replay check, dispatch, 202) with several client
 * threads, and (2) latency from sending a request to its {@link PushEvent} reaching a listener,
 * one request at a time. The client runs in the same JVM and shares the CPUs, so the throughput is
 * a floor for the receiver. Run it with the command in docs/performance.md; tune with
 * {@code -Dbench.requests}, {@code -Dbench.threads}, {@code -Dbench.samples}.
 */
public final class ReceiverBenchmark {
  private static final String SECRET = "benchmark-secret";
  private static final int TARGET_BYTES = 20 * 1024;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final ConcurrentHashMap<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong delivered = new AtomicLong();

  public static void main(String[] args) throws Exception {
    new ReceiverBenchmark().run(Integer.getInteger("bench.requests", 20_000), Integer.getInteger("bench.threads", 4),
        Integer.getInteger("bench.samples", 5_000));
  }

  private void run(int requests, int threads, int samples) throws Exception {
    byte[] body = payloadOf(TARGET_BYTES);
    String signature = "sha256=" + Fixtures.hmacHex(SECRET, body);
    WebhookSecrets secrets = WebhookSecrets.builder().provider(Provider.GITHUB, SecretValues.parse(SECRET)).build();
    ReceiverOptions options = ReceiverOptions.defaults().withRateLimit(Integer.MAX_VALUE, 1e9)
        .withReplayWindow(Duration.ofHours(1), 1_000_000);
    try (CoalescingDispatcher dispatcher = new CoalescingDispatcher(this::onPush, 1, 10_000);
         WebhookServer server = WebhookServer.start(new WebhookHandler(secrets, dispatcher, options), "127.0.0.1", 0, Duration.ofSeconds(30))) {
      URI uri = server.hooksUri().resolve("github");
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      System.out.printf("payload %d bytes, %d CPUs, %s %s%n", body.length, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"), System.getProperty("java.version"));

      validation(body, signature, secrets, requests / 4, "warm-up");
      validation(body, signature, secrets, requests, "measured");
      throughput(client, uri, body, signature, threads, requests / 4, "warm-up");
      throughput(client, uri, body, signature, threads, requests, "measured");
      latency(client, uri, body, signature, samples / 5, "warm-up");
      latency(client, uri, body, signature, samples, "measured");
    }
  }

  private void throughput(HttpClient client, URI uri, byte[] body, String signature, int threads, int requests, String phase)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    long cpuStart = PROCESS.getProcessCpuTime();
    long serverStart = serverThreadsCpu();
    Future<?>[] workers = new Future<?>[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = pool.submit(() -> {
        for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
          HttpResponse<Void> response = client.send(request(uri, body, signature, phase + "-t-" + i), HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 202) {
            failures.incrementAndGet();
          }
        }
        return null;
      });
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (PROCESS.getProcessCpuTime() - cpuStart) / 1e3 / requests;
    double serverMicros = (serverThreadsCpu() - serverStart) / 1e3 / requests;
    pool.shutdown();
    System.out.printf("throughput %-8s %d requests, %d threads: %.0f requests/s (%.1f MB/s); CPU per request: %.0f us"
        + " whole process, %.0f us on server threads (= %.0f requests/s per core); %d not 202%n", phase, requests, threads,
        requests / seconds, requests * (double) body.length / seconds / 1e6, cpuMicros, serverMicros, 1e6 / serverMicros,
        failures.get());
  }

  /** The receiver's own work per delivery, without HTTP: JSON parse, provider parse, HMAC check, on one thread. */
  private static void validation(byte[] body, String signature, WebhookSecrets secrets, int rounds, String phase) {
    ObjectMapper json = new ObjectMapper();
    PayloadParser parser = PayloadParser.forProvider(Provider.GITHUB);
    DeliveryVerifier verifier = new DeliveryVerifier(secrets);
    DeliveryHeaders headers = DeliveryHeaders.of(Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "d", "X-Hub-Signature-256", signature));
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    int verified = 0;
    for (int i = 0; i < rounds; i++) {
      try {
        ParsedDelivery parsed = parser.parse(headers, json.readTree(body));
        if (verifier.verify(Provider.GITHUB, headers, body, parsed.repositories()) == Verdict.VERIFIED) {
          verified++;
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / rounds;
    System.out.printf("validation %-8s %d deliveries, 1 thread, no HTTP: %.0f deliveries/s wall, %.1f us CPU each"
        + " (= %.0f deliveries/s per core), %d verified%n", phase, rounds, rounds / seconds, cpuMicros, 1e6 / cpuMicros, verified);
  }

  private void latency(HttpClient client, URI uri, byte[] body, String signature, int samples, String phase) throws Exception {
    long[] toListener = new long[samples];
    long[] toResponse = new long[samples];
    for (int i = 0; i < samples; i++) {
      String id = phase + "-l-" + i;
      CompletableFuture<Long> arrival = new CompletableFuture<>();
      waiting.put(id, arrival);
      HttpRequest request = request(uri, body, signature, id);
      long sent = System.nanoTime();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      toResponse[i] = System.nanoTime() - sent;
      if (response.statusCode() != 202) {
        throw new IllegalStateException("latency request " + id + " got " + response.statusCode());
      }
      toListener[i] = arrival.get(10, TimeUnit.SECONDS) - sent;
    }
    System.out.printf("latency    %-8s %d sequential requests: request->PushEvent p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
        + " max %.2f ms; request->202 p50 %.2f ms, p99 %.2f ms%n", phase, samples, pct(toListener, 50), pct(toListener, 90),
        pct(toListener, 99), pct(toListener, 100), pct(toResponse, 50), pct(toResponse, 99));
  }

  /** CPU used so far by the receiver's own threads: Jetty's pool (which also runs the selector) and the dispatcher. */
  private static long serverThreadsCpu() {
    long total = 0;
    for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("capstan-webhook")) {
        total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private void onPush(PushEvent event) {
    long now = System.nanoTime();
    delivered.incrementAndGet();
    CompletableFuture<Long> arrival = waiting.remove(event.deliveryId());
    if (arrival != null) {
      arrival.complete(now);
    }
  }

  private static HttpRequest request(URI uri, byte[] body, String signature, String delivery) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "push")
        .header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  /** The documented GitHub push fixture grown with realistic commits to about {@code size} bytes. */
  private static byte[] payloadOf(int size) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode push = (ObjectNode) json.readTree(Fixtures.payload("github-push.json"));
    ArrayNode commits = (ArrayNode) push.get("commits");
    ObjectNode template = (ObjectNode) commits.get(0);
    int n = 0;
    while (json.writeValueAsBytes(push).length < size) {
      ObjectNode commit = template.deepCopy();
      commit.put("id", String.format("%040x", ++n));
      commit.put("message", "apps: routine change number " + n);
      ((ArrayNode) commit.get("modified")).removeAll().add("apps/service-" + n + "/values.yaml");
      commits.add(commit);
    }
    return json.writeValueAsBytes(push);
  }

  private static double pct(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  private ReceiverBenchmark() {}
}
