package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** What the agent last observed and did for an {@link Application}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationStatus(
    SyncStatus sync,
    HealthStatus health,
    List<Condition> conditions,
    List<HistoryEntry> history,
    Long observedGeneration) {

  /** Whether the live state matches Git at {@code revision}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SyncStatus(@PrinterColumn(name = "Sync") String status, @PrinterColumn(name = "Revision", priority = 1) String revision) {}

  /** The release's aggregated health. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HealthStatus(@PrinterColumn(name = "Health") String status, String message) {}

  /** One engine revision as the Application reports it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HistoryEntry(int revision, String gitRevision, String deployedAt, String status) {}
}
