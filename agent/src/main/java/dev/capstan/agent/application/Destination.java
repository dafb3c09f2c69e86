package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The cluster, namespace and name of a release. {@code cluster} names a cluster registered with the
 * agent; none is the agent's own ({@value #IN_CLUSTER}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Destination(
    @Required @JsonPropertyDescription("Namespace of the release.") String namespace,
    @JsonPropertyDescription("Release name; default: the Application's name.") String releaseName,
    @JsonPropertyDescription("Registered cluster to deploy to; default: in-cluster, the agent's own.") String cluster) {
  /** The name of the agent's own cluster. */
  public static final String IN_CLUSTER = "in-cluster";

  /** A destination in the agent's own cluster. */
  public Destination(String namespace, String releaseName) {
    this(namespace, releaseName, null);
  }

  /** The cluster named, or {@value #IN_CLUSTER}. */
  public String clusterOrDefault() {
    return cluster == null || cluster.isBlank() ? IN_CLUSTER : cluster;
  }
}
