package dev.capstan.webhook.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.webhook.Fixtures;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.PushEvent;
import dev.capstan.webhook.verify.SecretValues;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What senders that are broken, hostile or merely impatient get back, and that none of it harms the server. */
class HostileInputIT {
  private static final String SECRET = "hostile-test-secret";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static WebhookSecrets secrets() {
    return WebhookSecrets.builder().provider(Provider.GITHUB, SecretValues.parse(SECRET)).build();
  }

  private static ReceiverOptions tight() {
    return ReceiverOptions.defaults().withMaxBodyBytes(64 * 1024).withReadTimeout(Duration.ofSeconds(1)).withRateLimit(1000, 1000);
  }

  private static Map<String, String> signed(String delivery, byte[] body) {
    return Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", delivery,
        "X-Hub-Signature-256", "sha256=" + Fixtures.hmacHex(SECRET, body));
  }

  @Test
  void oversizedBodiesGet413WhetherDeclaredOrChunked() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight())) {
      byte[] huge = new byte[200 * 1024];
      assertThat(receiver.post("github", huge, signed("big-1", huge)).statusCode()).isEqualTo(413);
      HttpRequest chunked = HttpRequest.newBuilder(receiver.uri("github")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();
      assertThat(receiver.client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
      assertStillServes(receiver, "after-big");
    }
  }

  @Test
  void wrongContentTypeGets415() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight())) {
      byte[] body = Fixtures.payload("github-push.json");
      assertThat(receiver.post("github", "text/plain", body, signed("text-1", body)).statusCode()).isEqualTo(415);
      assertThat(receiver.post("gitlab", "application/x-www-form-urlencoded", body, Map.of()).statusCode())
          .as("only GitHub sends forms").isEqualTo(415);
      assertThat(receiver.post("github", "application/json; charset=utf-8", body, signed("json-1", body)).statusCode()).isEqualTo(202);
    }
  }

  @Test
  void malformedJsonGets400NamingThePlace() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight())) {
      byte[] broken = "{\"ref\": \"refs/heads/main\",\n \"after\": }".getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> response = receiver.post("github", broken, signed("broken-1", broken));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("malformed JSON at line 2 column");
      byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
      assertThat(receiver.post("github", array, signed("array-1", array)).statusCode()).isEqualTo(400);
      byte[] trailing = "{\"ref\":\"refs/heads/main\"} {\"more\":1}".getBytes(StandardCharsets.UTF_8);
      assertThat(receiver.post("github", trailing, signed("trailing-1", trailing)).statusCode()).isEqualTo(400);
      byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
      assertThat(receiver.post("github", deep, signed("deep-1", deep)).statusCode()).isEqualTo(400);
      assertThat(receiver.nextWithin(Duration.ofMillis(200))).isNull();
    }
  }

  @Test
  void aPushMissingAFieldGets400OnlyWhenSigned() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight())) {
      byte[] body = "{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"https://github.com/o/r.git\"}}"
          .getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> signedResponse = receiver.post("github", body, signed("nofield-1", body));
      assertThat(signedResponse.statusCode()).isEqualTo(400);
      assertThat(signedResponse.body()).isEqualTo("{\"error\":\"$.after: is missing or not a string\"}");
      assertThat(receiver.post("github", body, Map.of("X-GitHub-Event", "push")).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void unknownPathsGet404AndOtherMethods405() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight())) {
      byte[] body = Fixtures.payload("github-push.json");
      assertThat(receiver.post("gitbucket", body, signed("x", body)).statusCode()).isEqualTo(404);
      assertThat(receiver.post("github/extra", body, signed("x", body)).statusCode()).isEqualTo(404);
      HttpResponse<String> get = receiver.client.send(HttpRequest.newBuilder(receiver.uri("github")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(get.headers().firstValue("Allow")).contains("POST");
    }
  }

  @Test
  void aProviderWithoutSecretIsRefusedWith403UnlessOpened() throws Exception {
    WebhookSecrets secrets = WebhookSecrets.builder().provider(Provider.GITHUB, SecretValues.parse(SECRET)).open(Provider.GENERIC).build();
    try (RunningReceiver receiver = new RunningReceiver(secrets, tight())) {
      byte[] gitea = Fixtures.payload("gitea-push.json");
      assertThat(receiver.post("gitea", gitea, Map.of("X-Gitea-Event", "push")).statusCode()).isEqualTo(403);
      byte[] generic = Fixtures.payload("generic-push.json");
      assertThat(receiver.post("generic", generic, Map.of()).statusCode()).isEqualTo(202);
      assertThat(receiver.events(1, WAIT)).extracting(PushEvent::provider).containsExactly(Provider.GENERIC);
    }
  }

  /**
   * Issue #14: behind an ingress every sender shares one address. Unsigned junk from it is cut off
   * with 429, while the Git host's signed deliveries from the same address keep being accepted.
   */
  @Test
  void aFloodOfUnsignedDeliveriesGets429WhileSignedOnesFromTheSameAddressAreAccepted() throws Exception {
    ReceiverOptions options = tight().withRateLimit(5, 4);
    try (RunningReceiver receiver = new RunningReceiver(secrets(), options)) {
      String template = new String(Fixtures.payload("github-push.json"), StandardCharsets.UTF_8);
      List<Integer> junk = new ArrayList<>();
      List<Integer> signed = new ArrayList<>();
      HttpResponse<String> limited = null;
      for (int i = 0; i < 12; i++) {
        byte[] forged = pushOf(template, 1000 + i);
        HttpResponse<String> response = receiver.post("github", forged, Map.of("X-GitHub-Event", "push",
            "X-GitHub-Delivery", "junk-" + i, "X-Hub-Signature-256", "sha256=" + "0".repeat(64)));
        junk.add(response.statusCode());
        if (response.statusCode() == 429) {
          limited = response;
        }
        byte[] body = pushOf(template, i);
        signed.add(receiver.post("github", body, signed("real-" + i, body)).statusCode());
      }
      assertThat(junk.subList(0, 5)).containsOnly(401);
      assertThat(junk).contains(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("1");
      assertThat(signed).containsOnly(202);
      Thread.sleep(1000);
      byte[] forged = pushOf(template, 2000);
      assertThat(receiver.post("github", forged, Map.of("X-GitHub-Event", "push", "X-GitHub-Delivery", "junk-after",
          "X-Hub-Signature-256", "sha256=" + "0".repeat(64))).statusCode()).as("the bucket refills").isEqualTo(401);
    }
  }

  @Test
  void aReplayedDeliveryIsActedOnOnce() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight())) {
      byte[] body = Fixtures.payload("github-push.json");
      Map<String, String> headers = signed("72d3162e-cc78-11e3-81ab-4c9367dc0958", body);
      assertThat(receiver.post("github", body, headers).statusCode()).isEqualTo(202);
      assertThat(receiver.events(1, WAIT)).hasSize(1);
      HttpResponse<String> replay = receiver.post("github", body, headers);
      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(replay.body()).contains("duplicate");
      assertThat(receiver.nextWithin(Duration.ofMillis(300))).isNull();
    }
  }
  /** Issue #14: the delivery id is an unsigned header; a captured delivery resent under a new id is still a replay. */
  @Test
  void aReplayUnderAFreshDeliveryIdIsActedOnOnce() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight())) {
      byte[] body = Fixtures.payload("github-push.json");
      assertThat(receiver.post("github", body, signed("72d3162e-cc78-11e3-81ab-4c9367dc0001", body)).statusCode()).isEqualTo(202);
      assertThat(receiver.events(1, WAIT)).hasSize(1);
      HttpResponse<String> replay = receiver.post("github", body, signed("72d3162e-cc78-11e3-81ab-4c9367dc0002", body));
      assertThat(replay.statusCode()).isEqualTo(200);
      assertThat(replay.body()).contains("duplicate");
      assertThat(receiver.nextWithin(Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void slowClientsNeitherHoldThreadsNorStallOthers() throws Exception {
    // A read deadline far beyond the assertion's patience: if stalled uploads held threads, the
    // normal delivery below would wait for them and time out.
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight().withReadTimeout(Duration.ofSeconds(60)))) {
      List<Socket> slow = new ArrayList<>();
      try {
        // More stalled uploads than the server has threads: reading is asynchronous, so none is held.
        for (int i = 0; i < 100; i++) {
          slow.add(stalledUpload(receiver));
        }
        Thread.sleep(1000); // let the server take every stalled upload in before the real delivery arrives
        assertStillServes(receiver, "while-slow");
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
    }
  }

  @Test
  void aStalledUploadIsCutOffAtTheReadDeadline() throws Exception {
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight());
         Socket socket = stalledUpload(receiver)) {
      socket.setSoTimeout(10_000);
      BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(reader.readLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
      assertStillServes(receiver, "after-stall");
    }
  }

  /** Sends headers promising 5000 bytes and the first few of them, then nothing. */
  private static Socket stalledUpload(RunningReceiver receiver) throws Exception {
    Socket socket = new Socket("127.0.0.1", receiver.server.port());
    OutputStream out = socket.getOutputStream();
    out.write(("POST /hooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: 5000\r\n\r\n{\"ref\":").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  @Test
  void aBurstToOneRefIsCoalescedIntoTheNewestCommit() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    try (RunningReceiver receiver = new RunningReceiver(secrets(), tight(), gate)) {
      String template = new String(Fixtures.payload("github-push.json"), StandardCharsets.UTF_8);
      for (int i = 1; i <= 20; i++) {
        String sha = String.format("%040d", i);
        byte[] body = template.replace("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", sha).getBytes(StandardCharsets.UTF_8);
        assertThat(receiver.post("github", body, signed("burst-" + i, body)).statusCode()).isEqualTo(202);
      }
      gate.countDown();
      List<PushEvent> events = receiver.events(2, WAIT);
      assertThat(events).hasSize(2);
      // The dispatcher takes the first delivery as soon as it runs, which on a loaded machine may be
      // after a few more have arrived and been coalesced with it: any commit of the burst but the last.
      assertThat(Integer.parseInt(events.get(0).commit())).as("the first push the dispatcher took").isBetween(1, 19);
      assertThat(events.get(1).commit()).as("the last push of the burst").isEqualTo(String.format("%040d", 20));
      assertThat(receiver.nextWithin(Duration.ofMillis(300))).isNull();
    }
  }

  /** The fixture push with commit {@code n}: a distinct delivery, not a replay of the first. */
  private static byte[] pushOf(String template, int n) {
    return template.replace("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", String.format("%040d", n)).getBytes(StandardCharsets.UTF_8);
  }

  private static void assertStillServes(RunningReceiver receiver, String delivery) throws Exception {
    byte[] body = Fixtures.payload("github-push.json");
    HttpRequest request = HttpRequest.newBuilder(receiver.uri("github")).timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
    signed(delivery, body).forEach(builder::header);
    assertThat(receiver.client.send(builder.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    assertThat(receiver.events(1, WAIT)).extracting(PushEvent::deliveryId).containsExactly(delivery);
  }
}
