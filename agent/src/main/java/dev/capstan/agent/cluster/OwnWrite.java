package dev.capstan.agent.cluster;

import dev.capstan.engine.resource.CapstanMetadata;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Whether a watch event is the agent's own apply coming back. Each write stamps its manager's entry
 * in {@code managedFields} with the time; when the newest entry is the agent's server-side apply,
 * nobody else changed the object since, and a drift pass would only compare the cluster with
 * itself (and hold up the next push to that application while it does). A tie within the same
 * second counts as someone else's: a needless pass is cheaper than a missed edit. Status writes are
 * left out: they never make drift.
 */
final class OwnWrite {
  private OwnWrite() {}

  static boolean newestIsOurs(GenericKubernetesResource obj) {
    List<ManagedFieldsEntry> entries = obj.getMetadata() == null ? null : obj.getMetadata().getManagedFields();
    if (entries == null) {
      return false;
    }
    Instant ours = null;
    Instant others = Instant.MIN;
    for (ManagedFieldsEntry entry : entries) {
      if ("status".equals(entry.getSubresource())) {
        continue;
      }
      Instant time = timeOf(entry);
      if (time == null) {
        return false;
      }
      boolean agent = CapstanMetadata.FIELD_MANAGER.equals(entry.getManager()) && "Apply".equals(entry.getOperation());
      if (agent) {
        ours = time;
      } else if (time.isAfter(others)) {
        others = time;
      }
    }
    return ours != null && ours.isAfter(others);
  }

  private static Instant timeOf(ManagedFieldsEntry entry) {
    try {
      return entry.getTime() == null ? null : Instant.parse(entry.getTime());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
