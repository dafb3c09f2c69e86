package dev.capstan.chart.gotemplate;

/**
 * A template that does not parse, worded as Go's parser words it:
 * {@code template: NAME:LINE: unexpected "}" in operand}.
 */
public class GoTemplateParseException extends GoTemplateException {
  public GoTemplateParseException(String templateName, String message) {
    super(templateName, message);
  }
}
