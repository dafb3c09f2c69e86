package dev.capstan.chart.render;

import dev.capstan.core.CapstanException;

/**
 * A rendered document that is not a usable Kubernetes object: not YAML, not a mapping, missing
 * {@code apiVersion}, {@code kind} or {@code metadata.name}, or the same object twice. {@code line}
 * counts lines of the template's rendered output (which match the template's own lines wherever no
 * tag above them added or removed lines).
 */
public class ManifestException extends CapstanException {
  private final String path;
  private final int line;

  public ManifestException(String path, int line, String message) {
    this(path, line, message, null);
  }

  public ManifestException(String path, int line, String message, Throwable cause) {
    super(line > 0 ? path + ":" + line : path, message, cause);
    this.path = path;
    this.line = line;
  }

  public String path() {
    return path;
  }

  public int line() {
    return line;
  }
}
