package dev.capstan.agent.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes-convention conditions ({@code Ready}, {@code Reconciling}, {@code Stalled}) as Flux
 * reports them. A condition's {@code lastTransitionTime} only moves when its status does, so a pass
 * that changes nothing writes nothing.
 */
public final class StatusConditions {
  public static final String READY = "Ready";
  public static final String RECONCILING = "Reconciling";
  public static final String STALLED = "Stalled";
  /** True while the Application's cluster cannot be reached; its reason says how ({@code Timeout}, {@code Unauthorized}, …). */
  public static final String CLUSTER_UNREACHABLE = "ClusterUnreachable";

  private StatusConditions() {}

  /** {@code existing} with {@code type} set; other types are kept, in a stable order. */
  public static List<Condition> set(List<Condition> existing, String type, boolean status, String reason, String message,
      Long generation, Instant now) {
    List<Condition> out = new ArrayList<>();
    Condition previous = null;
    for (Condition c : existing == null ? List.<Condition>of() : existing) {
      if (type.equals(c.getType())) {
        previous = c;
      } else {
        out.add(c);
      }
    }
    String value = status ? "True" : "False";
    String since = previous != null && value.equals(previous.getStatus()) ? previous.getLastTransitionTime() : now.toString();
    out.add(new ConditionBuilder().withType(type).withStatus(value).withReason(reason).withMessage(message)
        .withObservedGeneration(generation).withLastTransitionTime(since).build());
    out.sort((a, b) -> order(a.getType()) - order(b.getType()));
    return out;
  }

  /** {@code existing} without {@code type}. */
  public static List<Condition> remove(List<Condition> existing, String type) {
    return existing == null ? List.of() : existing.stream().filter(c -> !type.equals(c.getType())).toList();
  }

  private static int order(String type) {
    return switch (type) {
      case READY -> 0;
      case RECONCILING -> 1;
      case STALLED -> 2;
      default -> 3;
    };
  }
}
