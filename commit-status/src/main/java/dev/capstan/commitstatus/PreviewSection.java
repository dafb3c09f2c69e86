package dev.capstan.commitstatus;

import java.util.List;
import java.util.Objects;

/**
 * One Application's part of a pull-request preview, as the comment shows it: how many objects the
 * change would create, change and delete, or the one-line error that stopped the preview, the diff
 * (Secrets already masked), and what {@code capstan lint} found in the chart at the head.
 *
 * @param error null when the preview rendered, validated and diffed; else why not, e.g.
 *     {@code templates/deployment.yaml:14: ...}
 * @param diff the unified diff, "" when nothing changes or the preview failed
 * @param lint lint's errors and warnings, one line each ({@code web/templates/x.yaml:5: warning: ...})
 * @param lintErrors how many of {@code lint} are errors
 */
public record PreviewSection(String application, int create, int change, int delete, String error, String diff, List<String> lint,
    int lintErrors) {
  public PreviewSection {
    Objects.requireNonNull(application, "application");
    diff = diff == null ? "" : diff;
    lint = lint == null ? List.of() : List.copyOf(lint);
  }

  /** A section without lint findings. */
  public PreviewSection(String application, int create, int change, int delete, String error, String diff) {
    this(application, create, change, delete, error, diff, List.of(), 0);
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

  /** Lint findings that are warnings. */
  public int lintWarnings() {
    return lint.size() - lintErrors;
  }
}
