package dev.capstan.chart.gochart;

import dev.capstan.core.CapstanException;

/**
 * A Go chart's template failed, with Helm's exact one-line message, which names the place itself
 * ({@code template: hc/templates/x.yaml:12:20: executing ... nil pointer evaluating
 * interface {}.y}, {@code parse error at (hc/templates/x.yaml:3): ...},
 * {@code execution error at (hc/templates/x.yaml:4:5): image is required}).
 */
public class GoChartException extends CapstanException {
  private final String template;

  public GoChartException(String template, String helmMessage) {
    super(null, helmMessage);
    this.template = template;
  }

  /** The template Helm was parsing or executing, e.g. {@code hc/templates/x.yaml}. */
  @Override
  public String where() {
    return template;
  }
}
