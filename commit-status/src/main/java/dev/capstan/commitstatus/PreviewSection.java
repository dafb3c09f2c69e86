package dev.capstan.commitstatus;

import java.util.Objects;

/**
 * One Application's part of a pull-request preview, as the comment shows it: how many objects the
 * change would create, change and delete, or the one-line error that stopped the preview, and the
 * diff (Secrets already masked).
 *
 * @param error null when the preview rendered, validated and diffed; else why not, e.g.
 *     {@code templates/deployment.yaml:14: ...}
 * @param diff the unified diff, "" when nothing changes or the preview failed
 */
public record PreviewSection(String application, int create, int change, int delete, String error, String diff) {
  public PreviewSection {
    Objects.requireNonNull(application, "application");
    diff = diff == null ? "" : diff;
  }

  public static PreviewSection failed(String application, String error) {
    return new PreviewSection(application, 0, 0, 0, error, "");
  }

  public boolean succeeded() {
    return error == null;
  }

  public boolean inSync() {
    return succeeded() && create == 0 && change == 0 && delete == 0;
  }
}
