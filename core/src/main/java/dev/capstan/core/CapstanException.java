package dev.capstan.core;

/**
 * Root of every error Capstan reports to a user. The message always starts with the place the
 * problem is ({@link #where()}: a file and line, a flag, an object id), so the CLI can print it as
 * one line without a stack trace. Subclasses carry the structured fields callers need.
 */
public class CapstanException extends RuntimeException {
  private final String where;

  public CapstanException(String where, String message) {
    this(where, message, null);
  }

  public CapstanException(String where, String message, Throwable cause) {
    super(where == null || where.isEmpty() ? message : where + ": " + message, cause);
    this.where = where == null ? "" : where;
  }

  /** The place the problem is: {@code templates/web.yaml:14:9}, {@code --set}, {@code Deployment/shop/web}. */
  public String where() {
    return where;
  }
}
