package dev.capstan.webhook.receive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.webhook.Fixtures;
import dev.capstan.webhook.dispatch.CoalescingDispatcher;
import dev.capstan.webhook.event.DeliveryHeaders;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.verify.DeliveryVerifier;
import dev.capstan.webhook.verify.SecretValues;
import dev.capstan.webhook.verify.WebhookSecrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Signed deliveries whose documented payloads have had random fields replaced by values of the
 * wrong type, removed or nulled: every one must end in a well-formed answer, never an exception.
 */
class DeliveryFuzzTest {
  private static final String SECRET = "fuzz";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> ALLOWED = Set.of(200, 202, 400, 401);
  private static final CoalescingDispatcher DISPATCHER = new CoalescingDispatcher(event -> { }, 1, 100_000);
  private static final DeliveryProcessor PROCESSOR = processor();

  private record Case(Provider provider, String fixture, Map<String, String> headers) {}

  private static DeliveryProcessor processor() {
    WebhookSecrets.Builder secrets = WebhookSecrets.builder();
    for (Provider p : Provider.values()) {
      secrets.provider(p, SecretValues.parse(SECRET));
    }
    return new DeliveryProcessor(JSON, new DeliveryVerifier(secrets.build()),
        new ReplayCache(Duration.ofMinutes(1), 10, System::nanoTime), DISPATCHER);
  }

  @AfterContainer
  static void stop() {
    DISPATCHER.close();
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(
        new Case(Provider.GITHUB, "github-push.json", Map.of("X-GitHub-Event", "push")),
        new Case(Provider.GITHUB, "github-ping.json", Map.of("X-GitHub-Event", "ping")),
        new Case(Provider.GITLAB, "gitlab-push.json", Map.of("X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET)),
        new Case(Provider.GITLAB, "gitlab-tag.json", Map.of("X-Gitlab-Event", "Tag Push Hook", "X-Gitlab-Token", SECRET)),
        new Case(Provider.GITEA, "gitea-push.json", Map.of("X-Gitea-Event", "push")),
        new Case(Provider.GITEA, "gitea-delete.json", Map.of("X-Gitea-Event", "delete")),
        new Case(Provider.BITBUCKET, "bitbucket-push.json", Map.of("X-Event-Key", "repo:push")),
        new Case(Provider.GENERIC, "generic-push.json", Map.of()));
  }

  @Property(tries = 400)
  void mutatedSignedPayloadsAlwaysGetAnAnswer(@ForAll("cases") Case c, @ForAll long seed) throws Exception {
    JsonNode tree = JSON.readTree(Fixtures.payload(c.fixture()));
    mutate(tree, new Random(seed));
    byte[] body = JSON.writeValueAsBytes(tree);
    Reply reply = PROCESSOR.process(c.provider(), DeliveryHeaders.of(signed(c, body)), body, "fuzz");
    assertThat(reply.status()).isIn(ALLOWED);
    assertThat(reply.status()).as("signed, so never 401").isNotEqualTo(401);
  }

  @Property(tries = 200)
  void arbitraryBytesAreRefusedCleanly(@ForAll byte[] body, @ForAll("cases") Case c) {
    Reply reply = PROCESSOR.process(c.provider(), DeliveryHeaders.of(signed(c, body)), body, "fuzz");
    assertThat(reply.status()).isIn(ALLOWED);
  }

  private static Map<String, String> signed(Case c, byte[] body) {
    Map<String, String> headers = new java.util.HashMap<>(c.headers());
    String mac = Fixtures.hmacHex(SECRET, body);
    switch (c.provider()) {
      case GITHUB -> headers.put("X-Hub-Signature-256", "sha256=" + mac);
      case GITEA -> headers.put("X-Gitea-Signature", mac);
      case BITBUCKET -> headers.put("X-Hub-Signature", "sha256=" + mac);
      case GENERIC -> headers.put("X-Capstan-Signature", "sha256=" + mac);
      case GITLAB -> { }
    }
    return headers;
  }

  /** Replaces, removes or nulls about one node in eight, recursively. */
  private static void mutate(JsonNode node, Random random) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        int roll = random.nextInt(16);
        if (roll == 0) {
          object.remove(name);
        } else if (roll == 1) {
          object.set(name, randomValue(random));
        } else {
          mutate(object.get(name), random);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (random.nextInt(16) == 0) {
          array.set(i, randomValue(random));
        } else {
          mutate(array.get(i), random);
        }
      }
    }
  }

  private static JsonNode randomValue(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(7)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(random.nextLong());
      case 2 -> f.booleanNode(random.nextBoolean());
      case 3 -> f.textNode(random.nextBoolean() ? "" : "not a url at all ::");
      case 4 -> f.arrayNode().add(random.nextInt()).add("x");
      case 5 -> f.objectNode().put("unexpected", true);
      default -> f.textNode("0000000000000000000000000000000000000000");
    };
  }
}
