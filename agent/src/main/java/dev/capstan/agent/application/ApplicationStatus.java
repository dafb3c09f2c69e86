package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;

/** What the agent last observed and did for an {@link Application}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationStatus(
    SyncSummary sync,
    HealthSummary health,
    List<Condition> conditions,
    List<HistoryEntry> history,
    Long observedGeneration,
    String cluster) {

  /** A status that names no cluster. */
  public ApplicationStatus(SyncSummary sync, HealthSummary health, List<Condition> conditions, List<HistoryEntry> history,
      Long observedGeneration) {
    this(sync, health, conditions, history, observedGeneration, null);
  }

  /** The sync state, {@link SyncState#UNKNOWN} when none was reported yet. */
  public SyncState syncState() {
    return sync == null || sync.status() == null ? SyncState.UNKNOWN : sync.status();
  }

  /** The health, {@link HealthState#UNKNOWN} when none was reported yet. */
  public HealthState healthState() {
    return health == null || health.status() == null ? HealthState.UNKNOWN : health.status();
  }

  /**
   * Whether the live state matches Git at {@code revision}. The schema says string, as it did before
   * the field became an enum, so the CRD does not pin the set of values.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SyncSummary(
      @PrinterColumn(name = "Sync") @SchemaFrom(type = String.class) SyncState status,
      @PrinterColumn(name = "Revision", priority = 1) String revision,
      @JsonPropertyDescription("With several sources: each one's commit, by name (the deployed one as sources[i]).") Map<String, String> revisions) {
    public SyncSummary(SyncState status, String revision) {
      this(status, revision, null);
    }
  }

  /** The release's aggregated health, and why when it is not healthy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HealthSummary(@PrinterColumn(name = "Health") @SchemaFrom(type = String.class) HealthState status, String message) {}

  /**
   * One engine revision as the Application reports it.
   *
   * @param signedBy who signed the verified source and with which key, or null when it was not verified
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HistoryEntry(int revision, String gitRevision, String deployedAt, String status, Map<String, String> sourceRevisions,
      String signedBy) {
    public HistoryEntry(int revision, String gitRevision, String deployedAt, String status) {
      this(revision, gitRevision, deployedAt, status, null, null);
    }

    public HistoryEntry(int revision, String gitRevision, String deployedAt, String status, Map<String, String> sourceRevisions) {
      this(revision, gitRevision, deployedAt, status, sourceRevisions, null);
    }
  }
}
