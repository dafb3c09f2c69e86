package dev.capstan.chart;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language a chart's templates are written in, decided per chart (a subchart on its own):
 * Helm's Go templates or Capstan's Pebble dialect. docs/chart-format.md states the rule:
 *
 * <ol>
 *   <li>Chart.yaml {@code annotations: {capstan.dev/template-language: go|pebble}} decides;</li>
 *   <li>otherwise the chart is Go when any file under {@code templates/} has an action (the text
 *       between {@code {{} and <code>}}</code>) that only Go reads: one that starts, after an
 *       optional {@code -} and blanks, with {@code .}, {@code $}, a comment <code>/*</code>, or a Go
 *       keyword ({@code if else end range with define template block break continue}) or
 *       {@code include}; or one that contains a variable {@code $x} or a field of dot ({@code .Values},
 *       {@code .name}) after a blank, {@code (} or {@code |};</li>
 *   <li>otherwise it is Pebble, so every chart written before Go support renders as it did.</li>
 * </ol>
 *
 * Pebble never starts an action with those words or characters (its control flow is
 * <code>{% if %}</code>, its variables have no {@code $}, its attributes follow a name), so an
 * unmodified Helm chart needs no annotation, and neither does a Pebble chart.
 */
public enum TemplateLanguage {
  GO,
  PEBBLE;

  /** The Chart.yaml annotation that overrides detection. */
  public static final String ANNOTATION = "capstan.dev/template-language";

  private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern GO_START = Pattern.compile(
      "^-?\\s*(?:[.$]|/\\*|(?:if|else|end|range|with|define|template|block|break|continue|include)(?![\\w.]))");
  private static final Pattern GO_INSIDE = Pattern.compile("(?:^|[\\s(|])(?:\\.[A-Za-z_]|\\$[A-Za-z_]?)");

  /** The language of {@code chart}'s own templates; its dependencies are decided on their own. */
  public static TemplateLanguage of(Chart chart) {
    String declared = chart.metadata().annotations().get(ANNOTATION);
    if (declared != null) {
      return switch (declared.strip().toLowerCase(Locale.ROOT)) {
        case "go" -> GO;
        case "pebble" -> PEBBLE;
        default -> throw new ChartException(chart.path() + "/Chart.yaml",
            "annotations." + ANNOTATION + " must be go or pebble, found \"" + declared + "\"");
      };
    }
    return chart.templates().values().stream().anyMatch(TemplateLanguage::hasGoAction) ? GO : PEBBLE;
  }

  /** Whether {@code text} has an action only Go's template language reads. */
  static boolean hasGoAction(String text) {
    Matcher m = ACTION.matcher(text);
    while (m.find()) {
      String body = m.group(1);
      if (GO_START.matcher(body).find() || GO_INSIDE.matcher(body).find()) {
        return true;
      }
    }
    return false;
  }
}
