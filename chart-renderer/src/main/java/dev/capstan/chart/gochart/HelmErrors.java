package dev.capstan.chart.gochart;

import dev.capstan.chart.gotemplate.helmfuncs.HelmFunctions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helm's rewording of template errors (pkg/engine cleanupParseError and cleanupExecError), on the
 * text of Go's messages exactly as Helm does it, so a Capstan error reads as Helm's.
 */
final class HelmErrors {
  private static final Pattern WARNING = Pattern.compile(
      Pattern.quote(HelmFunctions.ERR_START) + "(.*)" + Pattern.quote(HelmFunctions.ERR_END), Pattern.DOTALL);

  private HelmErrors() {}

  /** {@code template: f:3: unexpected EOF} becomes {@code parse error at (f:3): unexpected EOF}. */
  static GoChartException parse(String filename, String goMessage) {
    String[] tokens = goMessage.split(": ", -1);
    if (tokens.length == 1) {
      return new GoChartException(filename, "parse error in (" + filename + "): " + goMessage);
    }
    return new GoChartException(filename, "parse error at (" + tokens[1] + "): " + tokens[tokens.length - 1]);
  }

  /**
   * Go's execution error as it is, unless {@code required} or {@code fail} wrapped a message in
   * Helm's markers: then {@code execution error at (f:4:5): message}.
   */
  static GoChartException exec(String filename, String goMessage) {
    String[] tokens = goMessage.split(": ", 3);
    if (tokens.length != 3) {
      return new GoChartException(filename, "execution error in (" + filename + "): " + goMessage);
    }
    Matcher m = WARNING.matcher(tokens[2]);
    if (m.find()) {
      return new GoChartException(filename, "execution error at (" + tokens[1] + "): " + m.group(1));
    }
    return new GoChartException(filename, goMessage);
  }
}
