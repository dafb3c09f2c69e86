package dev.capstan.chart.template;

/**
 * A render stopped by the sandbox: output too large, macros or {@code tpl} nested too deep, or the
 * wall-time budget spent. The message names the limit and how to raise it.
 */
public class LimitExceededException extends TemplateException {
  public LimitExceededException(String path, int line, String message) {
    super(path, line, 0, message);
  }
}
