package dev.capstan.chart;

import dev.capstan.chart.source.ChartException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language a chart's templates are written in, decided per chart (a subchart on its own):
 * Helm's Go templates or Capstan's Pebble dialect. docs/chart-format.md states the rule:
 *
 * <ol>
 *   <li>Chart.yaml {@code annotations: {capstan.dev/template-language: go|pebble}} decides;</li>
 *   <li>otherwise the files under {@code templates/} are counted. A Go action is one (text between
 *       <code>{{</code> and <code>}}</code>) that only Go reads: it starts, after an optional
 *       {@code -} and blanks, with {@code .}, {@code $}, a comment <code>/*</code>, a Go keyword
 *       ({@code if else end range with define template block break continue}) or {@code include};
 *       or it holds a variable {@code $x} or a field of dot ({@code .Values}, {@code .name}) after a
 *       blank, {@code (} or {@code |}. A Pebble tag is <code>{%</code> or <code>{#</code>. The
 *       chart is Go when it has more Go actions than Pebble tags;</li>
 *   <li>otherwise it is Pebble, so every chart written before Go support renders as it did.</li>
 * </ol>
 *
 * A Pebble chart that works has no Go action at all (Pebble rejects them), and a Helm chart has no
 * Pebble tag unless it carries Jinja-like text for some other program, which its Go actions
 * outnumber; a chart where that is not so says which it is with the annotation.
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
  private static final Pattern PEBBLE_TAG = Pattern.compile("\\{[%#]");

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
    long go = 0;
    long pebble = 0;
    for (String text : chart.templates().values()) {
      go += goActions(text);
      pebble += PEBBLE_TAG.matcher(text).results().count();
    }
    return go > pebble ? GO : PEBBLE;
  }

  /** The number of actions in {@code text} that only Go's template language reads. */
  static long goActions(String text) {
    long count = 0;
    Matcher m = ACTION.matcher(text);
    while (m.find()) {
      String body = m.group(1);
      if (GO_START.matcher(body).find() || GO_INSIDE.matcher(body).find()) {
        count++;
      }
    }
    return count;
  }
}
