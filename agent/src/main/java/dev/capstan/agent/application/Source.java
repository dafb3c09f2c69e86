package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/** A chart folder in a Git repository at a ref, and the values to render it with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(
    @Required @JsonPropertyDescription("Repository URL: https://, ssh://, git@host:org/repo.git or file://.") String repoURL,
    @JsonPropertyDescription("Branch, tag, full commit SHA or a semver range over tags; default: the remote HEAD.") String ref,
    @JsonPropertyDescription("Folder of the chart inside the repository; default: the root.") String path,
    @JsonPropertyDescription("Values files inside the chart folder, applied in order.") List<String> valuesFiles,
    @PreserveUnknownFields @SchemaFrom(type = Object.class) @JsonPropertyDescription("Values given inline; they override the values files.") Map<String, Object> values,
    @JsonPropertyDescription("Name of a Secret in the Application's namespace (a folder under --credentials-dir in files mode) "
        + "holding Git credentials; its url key says which repository URL or URL prefix they are for.") String secretRef,
    @JsonPropertyDescription("Require commits signed by trusted keys before they are applied.") SourceVerify verify) {

  /** A source without signature verification. */
  public Source(String repoURL, String ref, String path, List<String> valuesFiles, Map<String, Object> values, String secretRef) {
    this(repoURL, ref, path, valuesFiles, values, secretRef, null);
  }

  public List<String> valuesFilesOrEmpty() {
    return valuesFiles == null ? List.of() : valuesFiles;
  }

  public Map<String, Object> valuesOrEmpty() {
    return values == null ? Map.of() : values;
  }
}
