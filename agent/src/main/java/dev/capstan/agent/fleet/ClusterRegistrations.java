package dev.capstan.agent.fleet;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The clusters a set of cluster Secrets registers, read as the agent reads them: one Secret per
 * cluster name is used; a Secret that cannot be parsed, or two Secrets naming one cluster, make that
 * name a problem (the Secret and why). The agent's watch and the CLI's {@code --cluster} share it, so
 * both reach a cluster the same way.
 *
 * @param valid by cluster name
 * @param problems by cluster name: the Secret, the field and why
 */
public record ClusterRegistrations(Map<String, RegisteredCluster> valid, Map<String, String> problems) {
  public ClusterRegistrations {
    valid = Map.copyOf(valid);
    problems = Map.copyOf(problems);
  }

  /** Reads {@code secrets} (all labelled {@code capstan.dev/secret-type: cluster}, in one namespace) with {@code defaults} as limits. */
  public static ClusterRegistrations of(List<Secret> secrets, ClusterLimits defaults) {
    Map<String, List<Secret>> byName = new TreeMap<>();
    for (Secret secret : secrets) {
      byName.computeIfAbsent(ClusterSecrets.nameOf(secret), n -> new ArrayList<>()).add(secret);
    }
    Map<String, RegisteredCluster> valid = new TreeMap<>();
    Map<String, String> problems = new TreeMap<>();
    byName.forEach((name, same) -> {
      if (same.size() > 1) {
        List<String> names = same.stream().map(s -> s.getMetadata().getName()).sorted().toList();
        problems.put(name, "Secrets " + String.join(" and ", names) + " both register cluster " + name + " (data.name); remove one");
        return;
      }
      try {
        valid.put(name, ClusterSecrets.parse(same.get(0), defaults));
      } catch (ClusterConfigException e) {
        problems.put(name, e.getMessage());
      }
    });
    return new ClusterRegistrations(valid, problems);
  }

  /**
   * The cluster registered as {@code name}.
   *
   * @param where what asked for it, for the message ({@code --cluster prod})
   * @throws ClusterConfigException naming the Secret and field when it is registered badly, or the known names when it is not
   */
  public RegisteredCluster require(String where, String namespace, String name) {
    String problem = problems.get(name);
    if (problem != null) {
      throw new ClusterConfigException(where, "cluster " + name + " cannot be used: " + problem);
    }
    RegisteredCluster cluster = valid.get(name);
    if (cluster == null) {
      List<String> known = new ArrayList<>(valid.keySet());
      known.addAll(problems.keySet());
      throw new ClusterConfigException(where, "no cluster Secret in namespace " + namespace + " registers cluster \"" + name + "\" (known: "
          + (known.isEmpty() ? "none" : String.join(", ", known.stream().sorted().toList())) + ")");
    }
    return cluster;
  }
}
