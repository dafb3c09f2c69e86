package dev.capstan.agent.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.Destination;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cluster Secrets, in Argo CD's shape so users know it: labelled {@value #TYPE_LABEL}{@code : cluster},
 * with {@code name} (default: the Secret's name), {@code server} and {@code config} (JSON: {@code
 * bearerToken}, {@code tlsClientConfig.caData/certData/keyData/insecure/serverName}), or instead a
 * whole {@code kubeconfig} and an optional {@code context}. Annotations set the policy and limits:
 * {@value #NAMESPACES_ANNOTATION} (comma-separated Application namespaces that may target the cluster;
 * absent or {@code *}: any), {@value #QPS_ANNOTATION}, {@value #BURST_ANNOTATION}, {@value #CONCURRENCY_ANNOTATION}.
 */
public final class ClusterSecrets {
  public static final String TYPE_LABEL = "capstan.dev/secret-type";
  public static final String TYPE = "cluster";
  public static final String NAMESPACES_ANNOTATION = "capstan.dev/allowed-namespaces";
  public static final String QPS_ANNOTATION = "capstan.dev/qps";
  public static final String BURST_ANNOTATION = "capstan.dev/burst";
  public static final String CONCURRENCY_ANNOTATION = "capstan.dev/concurrency";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterSecrets() {}

  /** The cluster name a Secret registers, without checking the rest: {@code data.name}, else the Secret's name. */
  public static String nameOf(Secret secret) {
    String name = data(secret).get("name");
    return name == null || name.isBlank() ? secret.getMetadata().getName() : name.trim();
  }

  /** Reads a cluster Secret; every problem names the Secret and the field. */
  public static RegisteredCluster parse(Secret secret, ClusterLimits defaults) {
    String where = "Secret " + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
    Map<String, String> data = data(secret);
    String name = nameOf(secret);
    if (Destination.IN_CLUSTER.equals(name)) {
      throw new ClusterConfigException(where, "data.name: \"" + Destination.IN_CLUSTER + "\" is the agent's own cluster; choose another name");
    }
    if (!ApplicationValidator.isObjectName(name)) {
      throw new ClusterConfigException(where, "data.name: \"" + name + "\" is not a valid cluster name (lower case, digits, '-', '.')");
    }
    Config config;
    String server;
    if (data.containsKey("kubeconfig")) {
      config = ClusterConfigs.fromKubeconfig(where, data.get("kubeconfig"), blankToNull(data.get("context")), "data.context");
      server = ClusterConfigs.server(config);
    } else {
      server = data.get("server");
      config = ClusterConfigs.fromFields(where, server, credentials(where, data.get("config")));
    }
    Map<String, String> annotations = secret.getMetadata().getAnnotations() == null ? Map.of() : secret.getMetadata().getAnnotations();
    ClusterLimits limits = limits(where, annotations, defaults);
    return new RegisteredCluster(name, server, where, config, namespaces(annotations.get(NAMESPACES_ANNOTATION)), limits,
        fingerprint(data, annotations));
  }

  /** The Secret {@code capstan cluster add} writes: a whole kubeconfig (one context) under {@code name}. */
  public static Secret forKubeconfig(String namespace, String name, String kubeconfig, String context) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("name", name);
    data.put("kubeconfig", kubeconfig);
    if (context != null) {
      data.put("context", context);
    }
    return new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(secretName(name))
        .addToLabels(TYPE_LABEL, TYPE).endMetadata().withType("Opaque").withStringData(data).build();
  }

  /** The name {@code capstan cluster add} gives the Secret of cluster {@code name}. */
  public static String secretName(String name) {
    return "cluster-" + name;
  }

  private static ClusterConfigs.Credentials credentials(String where, String config) {
    if (config == null || config.isBlank()) {
      return new ClusterConfigs.Credentials(null, null, null, null, false, null);
    }
    JsonNode node;
    try {
      node = JSON.readTree(config);
    } catch (Exception e) {
      throw new ClusterConfigException(where, "data.config: is not JSON: " + ClusterConfigs.firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new ClusterConfigException(where, "data.config: is not a JSON object");
    }
    JsonNode tls = node.path("tlsClientConfig");
    return new ClusterConfigs.Credentials(text(node, "bearerToken"), text(tls, "caData"), text(tls, "certData"), text(tls, "keyData"),
        tls.path("insecure").asBoolean(false), text(tls, "serverName"));
  }

  private static ClusterLimits limits(String where, Map<String, String> annotations, ClusterLimits defaults) {
    double qps = number(where, annotations, QPS_ANNOTATION, defaults.qps());
    int burst = (int) number(where, annotations, BURST_ANNOTATION, defaults.burst());
    int concurrency = (int) number(where, annotations, CONCURRENCY_ANNOTATION, defaults.concurrency());
    return new ClusterLimits(qps, Math.max(burst, 1), concurrency);
  }

  private static double number(String where, Map<String, String> annotations, String key, double fallback) {
    String value = annotations.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ClusterConfigException(where, "metadata.annotations." + key + ": \"" + value + "\" is not a positive number");
  }

  private static List<String> namespaces(String annotation) {
    if (annotation == null || annotation.isBlank() || annotation.trim().equals("*")) {
      return List.of();
    }
    return Arrays.stream(annotation.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Map<String, String> data(Secret secret) {
    Map<String, String> out = new TreeMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> out.put(k, v == null ? null : new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      out.putAll(secret.getStringData());
    }
    return out;
  }

  private static String fingerprint(Map<String, String> data, Map<String, String> annotations) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(data.toString().getBytes(StandardCharsets.UTF_8));
      sha.update(new TreeMap<>(annotations).toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
