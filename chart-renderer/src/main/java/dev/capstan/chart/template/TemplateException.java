package dev.capstan.chart.template;

import dev.capstan.core.CapstanException;

/**
 * A template that cannot be compiled or rendered: a syntax error, an unknown macro or filter,
 * {@code required}/{@code fail}, a sandbox violation or an exceeded limit. Built from Pebble's own
 * exception fields (file name and line), never by parsing its message text. {@code line} and
 * {@code column} are 1-based, 0 when unknown (Pebble does not report columns).
 */
public class TemplateException extends CapstanException {
  private final String path;
  private final int line;
  private final int column;

  public TemplateException(String path, int line, int column, String message) {
    this(path, line, column, message, null);
  }

  public TemplateException(String path, int line, int column, String message, Throwable cause) {
    super(where(path, line, column), message, cause);
    this.path = path;
    this.line = line;
    this.column = column;
  }

  private static String where(String path, int line, int column) {
    return path + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "");
  }

  /** The template file, e.g. {@code mychart/templates/web.yaml}. */
  public String path() {
    return path;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the leading place. */
  public String reason() {
    String m = getMessage();
    String where = where();
    return m.startsWith(where + ": ") ? m.substring(where.length() + 2) : m;
  }
}
