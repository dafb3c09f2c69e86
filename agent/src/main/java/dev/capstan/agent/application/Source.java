package dev.capstan.agent.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/**
 * A chart in a Helm repository or OCI registry at a version or range ({@code chart}, {@code oci://}),
 * or a folder in a Git repository at a ref: a chart, or plain manifests (no {@code Chart.yaml}, or
 * {@code directory} set), and the values to render a chart with. In {@code spec.sources}, a source
 * with a {@code name} only provides files to the others: {@code valuesFiles} entries
 * {@code $name/path} are read from that repository's root at its ref (Argo CD's {@code ref: values},
 * here {@code name}, as {@code ref} is already the Git ref).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(
    @Required @JsonPropertyDescription("Repository URL: https://, ssh://, git@host:org/repo.git or file:// for Git; "
        + "https:// with chart for a Helm repository; oci://host/path for an OCI registry.") String repoURL,
    @JsonPropertyDescription("Git: branch, tag, full commit SHA or a semver range over tags (default: the remote HEAD). "
        + "Chart sources: the chart version or a SemVer range (default: the newest).") String ref,
    @JsonPropertyDescription("Folder of the chart or manifests inside the Git repository; default: the root.") String path,
    @JsonPropertyDescription("Values files inside the chart folder, or $name/path in the source named name, applied in order.") List<String> valuesFiles,
    @PreserveUnknownFields @SchemaFrom(type = Object.class) @JsonPropertyDescription("Values given inline; they override the values files.") Map<String, Object> values,
    @JsonPropertyDescription("Name of a Secret in the Application's namespace (a folder under --credentials-dir in files mode) "
        + "holding credentials for this source (Git, Helm repository or OCI registry; ca.crt for a private CA); "
        + "its url key says which repository URL or URL prefix they are for.") String secretRef,
    @JsonPropertyDescription("Require commits (Git sources) or the chart's provenance (Helm repository and OCI sources) "
        + "signed by trusted keys before they are applied.") SourceVerify verify,
    @JsonPropertyDescription("Read the folder as plain manifests, not a chart: recurse, include, exclude.") DirectorySource directory,
    @JsonPropertyDescription("In spec.sources: this source's name; it then only provides files that other sources name as $name/path.") String name,
    @JsonPropertyDescription("Values from ConfigMaps or Secrets in the Application's namespace, after the values files (cluster mode).") List<ValuesFrom> valuesFrom,
    @JsonPropertyDescription("Chart name in the Helm repository at repoURL (https://), or appended to an oci:// repoURL; ref is then the version or SemVer range.") String chart,
    @JsonPropertyDescription("Reach an oci:// registry over plain HTTP (a registry on loopback).") Boolean insecure) {

  /** A chart or manifests folder in Git with no verification, name, directory settings or values from objects. */
  public Source(String repoURL, String ref, String path, List<String> valuesFiles, Map<String, Object> values, String secretRef) {
    this(repoURL, ref, path, valuesFiles, values, secretRef, null);
  }

  /** A folder in Git whose commits may have to be signed, with nothing else of {@code spec.sources}. */
  public Source(String repoURL, String ref, String path, List<String> valuesFiles, Map<String, Object> values, String secretRef,
      SourceVerify verify) {
    this(repoURL, ref, path, valuesFiles, values, secretRef, verify, null, null, null, null, null);
  }

  /**
   * Whether the chart comes from a Helm repository ({@code chart} set) or an OCI registry
   * ({@code oci://}) rather than from a Git folder.
   */
  @JsonIgnore
  public boolean isChartSource() {
    return (chart != null && !chart.isBlank()) || (repoURL != null && repoURL.strip().startsWith("oci://"));
  }

  /** Whether this chart source must carry provenance signed by the keys of {@code verify.secretRef} ({@code helm --verify}). */
  @JsonIgnore
  public boolean verifiesProvenance() {
    return verify != null && isChartSource() && SourceVerify.PROVENANCE.equals(verify.modeFor(this));
  }

  public boolean isInsecure() {
    return Boolean.TRUE.equals(insecure);
  }

  public List<String> valuesFilesOrEmpty() {
    return valuesFiles == null ? List.of() : valuesFiles;
  }

  public Map<String, Object> valuesOrEmpty() {
    return values == null ? Map.of() : values;
  }

  public List<ValuesFrom> valuesFromOrEmpty() {
    return valuesFrom == null ? List.of() : valuesFrom;
  }

  /** Whether this source only provides files to the others of {@code spec.sources}. */
  @JsonIgnore
  public boolean isReference() {
    return name != null && !name.isBlank();
  }
}
