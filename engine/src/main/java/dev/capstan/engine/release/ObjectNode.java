package dev.capstan.engine.release;

import dev.capstan.engine.health.Health;
import dev.capstan.engine.resource.ObjectRef;
import java.util.List;

/**
 * One object of a release's tree: a deployed object or one the cluster made for it (a ReplicaSet of a
 * Deployment, the Pods of a ReplicaSet or Job, the EndpointSlices of a Service), with its live health.
 *
 * @param managed true for an object the release applied, false for one the cluster derived from it
 */
public record ObjectNode(ObjectRef ref, Health health, boolean managed, List<ObjectNode> children) {
  public ObjectNode {
    children = List.copyOf(children);
  }
}
