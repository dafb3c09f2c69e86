package dev.capstan.chart.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Offline schemas of the built-in Kubernetes kinds, generated from the API server's OpenAPI document
 * by {@code tools/kube-schemas/generate.py} and bundled as a resource, so lint needs no cluster.
 * Reports what the API server's strict field validation would reject: unknown fields, wrong types
 * and missing required fields, each with its path in the object. Kinds it does not know (custom
 * resources) are not checked; ask {@link #knows} first.
 */
public final class KubeSchemas {
  private static final String RESOURCE = "kube-schemas.json.gz";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Bundle bundle;

  /** Schemas bundled with Capstan; loading is shared by all instances. */
  public KubeSchemas() {
    this.bundle = Bundle.INSTANCE;
  }

  /** The Kubernetes version the bundled schemas were generated from, e.g. {@code v1.34.4}. */
  public String kubernetesVersion() {
    return bundle.version;
  }

  /** Whether {@code apiVersion}/{@code kind} is a built-in kind these schemas describe. */
  public boolean knows(String apiVersion, String kind) {
    return apiVersion != null && kind != null && bundle.kinds.containsKey(apiVersion + "/" + kind);
  }

  /**
   * Problems with {@code object} as the API server would see them, each as {@code <path>: <why>}
   * (path like {@code spec.template.spec.containers[0].ports[0].containerPort}), sorted by path.
   * Empty when the object is valid or its kind is unknown. Null fields count as absent, as they do
   * for the API server.
   */
  public List<String> validate(Map<String, Object> object) {
    return check(object).stream().map(SchemaViolation::toString).toList();
  }

  /** {@link #validate}, keeping each problem's path as a list, so callers can locate the field. */
  public List<SchemaViolation> check(Map<String, Object> object) {
    Object apiVersion = object.get("apiVersion");
    Object kind = object.get("kind");
    if (!(apiVersion instanceof String) || !(kind instanceof String) || !knows((String) apiVersion, (String) kind)) {
      return List.of();
    }
    String definition = bundle.kinds.get(apiVersion + "/" + kind);
    JsonSchema schema = bundle.compiled.computeIfAbsent(definition, KubeSchemas::compile);
    JsonNode instance = withoutNulls(JSON.valueToTree(object));
    return schema.validate(instance).stream()
        .map(SchemaMessages::describe)
        .distinct()
        .sorted(Comparator.comparing(SchemaViolation::dottedPath).thenComparing(SchemaViolation::message))
        .toList();
  }

  /**
   * Whether {@code apiVersion} belongs to a built-in API group (including the core group and the
   * retired {@code extensions}), so an unknown kind there is a mistake rather than a custom resource.
   */
  public boolean isBuiltInGroup(String apiVersion) {
    return apiVersion != null && (bundle.groups.contains(group(apiVersion)) || group(apiVersion).equals("extensions"));
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The built-in API versions that serve {@code kind}, e.g. {@code [apps/v1]} for Deployment. */
  public List<String> apiVersionsOf(String kind) {
    String suffix = "/" + kind;
    return bundle.kinds.keySet().stream()
        .filter(k -> k.endsWith(suffix))
        .map(k -> k.substring(0, k.length() - suffix.length()))
        .sorted()
        .toList();
  }

  private static JsonSchema compile(String definition) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("$ref", "#/definitions/" + definition);
    root.set("definitions", Bundle.INSTANCE.definitions);
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().preloadJsonSchema(false).build();
    return factory.getSchema(URI.create("capstan:kube-schemas/" + definition), root, config);
  }

  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new java.util.ArrayList<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (field.getValue().isNull()) {
          nulls.add(field.getKey());
        } else {
          withoutNulls(field.getValue());
        }
      }
      object.remove(nulls);
    } else if (node instanceof ArrayNode array) {
      array.forEach(KubeSchemas::withoutNulls);
    }
    return node;
  }

  /** The bundled resource, parsed once per JVM on first use, and the schemas compiled from it. */
  private static final class Bundle {
    static final Bundle INSTANCE = load();

    final String version;
    final Map<String, String> kinds;
    final JsonNode definitions;
    final java.util.Set<String> groups;
    /** Compiled per definition on first use; networknt schemas are immutable and thread-safe. */
    final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private Bundle(String version, Map<String, String> kinds, JsonNode definitions) {
      this.version = version;
      this.kinds = kinds;
      this.definitions = definitions;
      this.groups = kinds.keySet().stream()
          .map(gvk -> group(gvk.substring(0, gvk.lastIndexOf('/'))))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Bundle load() {
      try (InputStream raw = KubeSchemas.class.getResourceAsStream(RESOURCE)) {
        if (raw == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        JsonNode document = JSON.readTree(new GZIPInputStream(raw));
        Map<String, String> kinds = new java.util.HashMap<>();
        document.get("kinds").properties().forEach(e -> kinds.put(e.getKey(), e.getValue().asText()));
        return new Bundle(document.get("kubernetesVersion").asText(), Map.copyOf(kinds), document.get("definitions"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
