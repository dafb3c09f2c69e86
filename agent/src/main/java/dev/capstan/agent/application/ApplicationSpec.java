package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** The desired state of an {@link Application}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationSpec(
    @Required @JsonPropertyDescription("Where the chart comes from: repository, ref, folder and values.") Source source,
    @Required @JsonPropertyDescription("Where the release is installed.") Destination destination,
    @JsonPropertyDescription("How and when the agent syncs.") SyncPolicy syncPolicy,
    @JsonPropertyDescription("Applications that must be Healthy before this one syncs.") List<String> dependsOn,
    @JsonPropertyDescription("Stops every sync of this application while true.") Boolean suspend,
    @JsonPropertyDescription("Time windows that hold automated syncs.") List<SyncWindow> syncWindows,
    @JsonPropertyDescription("Previews of pull requests on the Git host; off by default.") Preview preview) {

  /** A spec without previews (as written before they existed). */
  public ApplicationSpec(Source source, Destination destination, SyncPolicy syncPolicy, List<String> dependsOn, Boolean suspend,
      List<SyncWindow> syncWindows) {
    this(source, destination, syncPolicy, dependsOn, suspend, syncWindows, null);
  }

  /** The preview settings, off when absent. */
  public Preview previewOrDefault() {
    return preview == null ? new Preview(false, true) : preview;
  }

  public SyncPolicy syncPolicyOrDefault() {
    return syncPolicy == null ? SyncPolicy.defaults() : syncPolicy;
  }

  public List<String> dependsOnOrEmpty() {
    return dependsOn == null ? List.of() : dependsOn;
  }

  public List<SyncWindow> syncWindowsOrEmpty() {
    return syncWindows == null ? List.of() : syncWindows;
  }

  public boolean suspended() {
    return Boolean.TRUE.equals(suspend);
  }
}
