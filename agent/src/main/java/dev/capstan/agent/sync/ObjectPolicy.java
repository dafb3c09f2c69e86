package dev.capstan.agent.sync;

import dev.capstan.agent.application.AgentPolicy;
import dev.capstan.agent.application.Violation;
import dev.capstan.engine.cluster.UnknownKindException;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import dev.capstan.engine.resource.KindScopes;
import dev.capstan.engine.resource.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rendered chart may create under the agent's policy. A spec can name an allowed destination
 * and still render a ClusterRole, or an object with its own {@code metadata.namespace}; the spec
 * check cannot see that, so every rendered object is checked before anything is applied, as Argo
 * CD's project destinations and cluster-resource allow-list are.
 */
public final class ObjectPolicy {
  private final AgentPolicy policy;
  private final KindScopes scopes;

  public ObjectPolicy(AgentPolicy policy, KindScopes scopes) {
    this.policy = policy;
    this.scopes = scopes;
  }

  /** One violation per object the policy forbids, named by its source template. */
  public List<Violation> check(DesiredState desired) {
    List<Violation> out = new ArrayList<>();
    for (DesiredObject object : desired.objects()) {
      ObjectRef ref = object.ref();
      boolean namespaced;
      try {
        namespaced = scopes.namespaced(ref);
      } catch (UnknownKindException notYetServed) {
        continue; // a custom resource whose CRD comes with this release; the engine orders and checks it
      }
      String where = object.source() + " (" + ref.kind() + "/" + ref.name() + ")";
      if (!namespaced && !policy.allowsClusterKind(ref.kind())) {
        out.add(new Violation(where, "cluster-scoped kind " + ref.kind() + " is not allowed for this agent (allowed: "
            + String.join(", ", policy.allowedClusterKinds()) + ")"));
      } else if (namespaced) {
        String namespace = ref.namespace() == null ? desired.namespace() : ref.namespace();
        if (!policy.allowsNamespace(namespace)) {
          out.add(new Violation(where, "namespace " + namespace + " is not allowed for this agent (allowed: "
              + String.join(", ", policy.allowedNamespaces()) + ")"));
        }
      }
    }
    return out;
  }
}
