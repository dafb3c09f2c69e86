package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The desired state of an {@link Application}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationSpec(
    @JsonPropertyDescription("Where the chart comes from: repository, ref, folder and values. Set this or sources.") Source source,
    @Required @JsonPropertyDescription("Where the release is installed.") Destination destination,
    @JsonPropertyDescription("How and when the agent syncs.") SyncPolicy syncPolicy,
    @JsonPropertyDescription("Applications that must be Healthy before this one syncs.") List<String> dependsOn,
    @JsonPropertyDescription("Stops every sync of this application while true.") Boolean suspend,
    @JsonPropertyDescription("Time windows that hold automated syncs.") List<SyncWindow> syncWindows,
    @JsonPropertyDescription("Previews of pull requests on the Git host; off by default.") Preview preview,
    @JsonPropertyDescription("Several sources instead of source: one without a name is deployed; named ones provide values files ($name/path).") List<Source> sources) {

  /** A spec with one source and without previews, as every spec was before either existed. */
  public ApplicationSpec(Source source, Destination destination, SyncPolicy syncPolicy, List<String> dependsOn, Boolean suspend,
      List<SyncWindow> syncWindows) {
    this(source, destination, syncPolicy, dependsOn, suspend, syncWindows, null, null);
  }

  /** The preview settings, off when absent. */
  public Preview previewOrDefault() {
    return preview == null ? new Preview(false, true) : preview;
  }

  /** Every source: {@code sources} when set, else the one {@code source}, else none. */
  public List<Source> allSources() {
    if (sources != null && !sources.isEmpty()) {
      return sources;
    }
    return source == null ? List.of() : List.of(source);
  }

  /**
   * The source whose chart or manifests are deployed: {@code source}, or the one of {@code sources}
   * without a name; null when there is none (the validator reports that).
   */
  public Source deployedSource() {
    if (sources == null || sources.isEmpty()) {
      return source;
    }
    return sources.stream().filter(s -> s != null && !s.isReference()).findFirst().orElse(null);
  }

  /** The sources of {@code sources} that provide files to the deployed one, by name. */
  public Map<String, Source> referenceSources() {
    Map<String, Source> out = new LinkedHashMap<>();
    for (Source s : sources == null ? List.<Source>of() : sources) {
      if (s != null && s.isReference()) {
        out.putIfAbsent(s.name(), s);
      }
    }
    return out;
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
