package dev.capstan.agent.sync;

import dev.capstan.chart.values.ValuesDocument;
import dev.capstan.git.fetch.GitRevision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one pass read for an application besides its spec: the commit of the deployed source, the
 * commit of each named source that provides values files, and the values documents read from
 * ConfigMaps and Secrets ({@code valuesFrom}).
 *
 * @param revision the deployed source's commit
 * @param references the named sources' commits, by name, in spec order
 * @param valuesFrom values documents from objects, in spec order
 */
public record AppInputs(GitRevision revision, Map<String, GitRevision> references, List<ValuesDocument> valuesFrom) {
  public AppInputs {
    references = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(references));
    valuesFrom = List.copyOf(valuesFrom);
  }

  /** An application with one source and nothing read from objects. */
  public static AppInputs of(GitRevision revision) {
    return new AppInputs(revision, Map.of(), List.of());
  }

  /**
   * A digest of everything here but the deployed commit: a different one means the values changed
   * though the chart's folder did not, so the next pass renders again. Secret values go in only as
   * part of the digest.
   */
  String extrasKey() {
    if (references.isEmpty() && valuesFrom.isEmpty()) {
      return "";
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      references.forEach((name, r) -> sha.update((name + "=" + r.sha() + "\n").getBytes(StandardCharsets.UTF_8)));
      for (ValuesDocument doc : valuesFrom) {
        sha.update((doc.name() + "\n" + doc.text() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return "+" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every source's commit by name as the release history records it, when there is more than one
   * source: the deployed one under {@code deployedName}; empty for a single source.
   */
  Map<String, String> sourceRevisions(String deployedName) {
    if (references.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    out.put(deployedName, revision.sha());
    references.forEach((name, r) -> out.put(name, r.sha()));
    return out;
  }
}
