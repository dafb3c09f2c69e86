package dev.capstan.chart.gotemplate;

/**
 * A template error with Go's complete one-line message, place included, e.g.
 * {@code template: hc/templates/x.yaml:12:20: executing "hc/templates/x.yaml" at <.Values.x.y>:
 * nil pointer evaluating interface {}.y}. {@link #templateName()} is the template that was
 * executing (or being parsed).
 */
public class GoTemplateException extends RuntimeException {
  private final String templateName;

  public GoTemplateException(String templateName, String message) {
    super(message, null, false, false);
    this.templateName = templateName;
  }

  public String templateName() {
    return templateName;
  }
}
